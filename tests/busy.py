"""Stores made busy through the real core: many long entries, many owned projects."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.store import Store
from bot.updates import MAX_TEXT, Identity, append_update

START = datetime(2026, 4, 6, 1, 0, tzinfo=UTC)


def long_entries(store: Store, key: str = "R7/No40", n: int = 300, platform: str = "slack") -> None:
    """n entries of the longest allowed text (with Slack's special characters) on one project."""
    project = store.project(key)
    who = Identity(platform, "UBUSY", "busy")
    for i in range(n):
        text = f"第{i + 1}回 R&D <phase {i}> " + "長" * (MAX_TEXT - 40)
        append_update(
            store, who, project, text[:MAX_TEXT], now=START + timedelta(hours=i), check_owner=False
        )


def own_everything(store: Store, platform: str, user_id: str) -> int:
    """Make one person owner of every project of the latest edition; how many."""
    projects = [p for p in store.projects() if p.edition == store.latest_edition()]
    for p in projects:
        store.add_owner(platform, user_id, project_key=p.key, user_name="many")
    return len(projects)
