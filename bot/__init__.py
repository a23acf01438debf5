"""DX roadmap bot: a platform-independent core with thin chat adapters."""
