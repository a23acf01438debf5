"""Slack's text format at the edge: decode exactly what Slack encodes, once, on the way in.

Slack escapes `&`, `<` and `>` as entities and wraps mentions, channels and links in `<…>`.
The store keeps what the person typed: `R&D <phase 2>` and `@name`, never a live ping."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"<([^<>]*)>")
_ENTITY = re.compile(r"&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}

Resolve = Callable[[str], str | None]


def _token(inner: str, resolve: Resolve | None, keep_users: bool) -> str:
    target, _, label = inner.partition("|")
    if target[:2] in ("@U", "@W"):
        if keep_users:  # `owners add` names a person by id
            return f"<{inner}>"
        name = label or (resolve(target[1:]) if resolve else None)
        return f"@{name or target[1:]}"
    if target.startswith("#C") or target.startswith("#G"):
        return f"#{label or target[1:]}"
    if target.startswith("!"):
        word = target[1:].split("^", 1)[0]
        if word in _SPECIAL:
            return _SPECIAL[word]
        if word == "subteam":
            return label if label.startswith("@") else f"@{label or 'group'}"
        return label or word  # <!date^…|fallback>
    if target.startswith("mailto:"):
        return label or target[len("mailto:") :]
    # A link: Slack wraps what was typed as a URL; a labelled link keeps both.
    return f"{label} ({target})" if label and label != target else target


def from_slack(text: str | None, resolve: Resolve | None = None, keep_users: bool = False) -> str:
    """Slack message text → the text as typed (`&amp;` → `&`, `<@U1|sato>` → `@sato`)."""
    if not text:
        return ""
    decoded = _TOKEN.sub(lambda m: _token(m.group(1), resolve, keep_users), text)
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], decoded)


def escape(text: str) -> str:
    """Typed text made inert for mrkdwn: &, <, > escaped (once), so nothing pings or links."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def user_names(client) -> Resolve:
    """users.info, cached for this request: `<@U123>` in an event carries no name."""
    cache: dict[str, str | None] = {}

    def resolve(user_id: str) -> str | None:
        if user_id not in cache:
            try:
                user = client.users_info(user=user_id)["user"]
                profile = user.get("profile") or {}
                cache[user_id] = (
                    profile.get("display_name") or profile.get("real_name") or user.get("name")
                )
            except Exception:  # a name is a nicety: the id is kept readable instead
                logger.warning("users.info failed for a mention; keeping the id")
                cache[user_id] = None
        return cache[user_id]

    return resolve
