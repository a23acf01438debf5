"""App Home: the user's own projects, their latest entry, and an update button."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.adapters.slack import blocks
from bot.fiscal_year import FiscalYear
from bot.service import Core
from bot.updates import Identity

logger = logging.getLogger(__name__)


def register(app: App, core: Core) -> None:
    """app_home_opened → views.publish."""

    def ack_event(ack: Ack) -> None:
        ack()

    def publish(event: dict, client: WebClient) -> None:
        if event.get("tab") not in (None, "home"):
            return
        who = Identity("slack", event["user"])
        client.views_publish(user_id=who.user_id, view=home_view(core, who))

    app.event("app_home_opened")(ack=ack_event, lazy=[publish])


def home_view(core: Core, who: Identity) -> dict:
    """The App Home view for one user."""
    current = FiscalYear.of(core.clock())
    rows = []
    for project in core.my_projects(who):
        entries = core.store.counted_entries(project.key)
        chat = [e for e in entries if not e.from_document]
        latest = chat[-1] if chat else None
        stale = not any(e.fiscal_year and FiscalYear.parse(e.fiscal_year) == current for e in chat)
        rows.append((project, latest, stale))
    return blocks.home_view(rows, current)
