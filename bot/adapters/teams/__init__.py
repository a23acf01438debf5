"""Microsoft Teams front end on the Teams SDK (microsoft-teams-apps): a second thin adapter."""
