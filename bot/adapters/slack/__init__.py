"""Slack front end on slack-bolt: the only package (with Teams') that imports a chat SDK."""
