"""Listener registration: one small module per kind of Slack payload."""

from __future__ import annotations

from slack_bolt import App

from bot.adapters.slack.deliveries import Deliveries
from bot.adapters.slack.listeners import command, home, interactions, messages
from bot.service import Core

# What the app handles; a test checks these against manifest.yml both ways.
COMMANDS = {"/roadmap"}
EVENTS = {"app_mention", "message.im", "app_home_opened"}


def register_all(app: App, core: Core, deliveries: Deliveries) -> None:
    """Register every listener on a fresh App (the replies owed sent through `deliveries`)."""
    # Bolt tries listeners in registration order: the busiest payload, /roadmap, goes first.
    command.register(app, core, deliveries)
    messages.register(app, core, deliveries)
    interactions.register(app, core, deliveries)
    home.register(app, core)
