"""Listener registration: one small module per kind of Slack payload."""

from __future__ import annotations

from slack_bolt import App

from bot.adapters.slack.listeners import command, home, interactions, messages
from bot.service import Core

# What the app handles; a test checks these against manifest.yml both ways.
COMMANDS = {"/roadmap"}
EVENTS = {"app_mention", "message.im", "app_home_opened"}


def register_all(app: App, core: Core) -> None:
    """Register every listener on a fresh App."""
    # Bolt tries listeners in registration order: the busiest payload, /roadmap, goes first.
    command.register(app, core)
    messages.register(app, core)
    interactions.register(app, core)
    home.register(app, core)
