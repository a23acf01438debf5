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


NAME_SECONDS = 2  # users.info runs before the ack: Slack allows 3 s for the whole request
NAME_CACHE = 5000  # names remembered by this process (people rarely rename themselves)
_names: dict[str, str | None] = {}


def user_names(client) -> Resolve:
    """users.info for a `<@U123>` that carries no name, asked with a short timeout and no
    retries (an event's text is decoded before its ack) and remembered by this process."""
    quick = None

    def resolve(user_id: str) -> str | None:
        nonlocal quick
        if user_id in _names:
            return _names[user_id]
        if quick is None:
            from slack_sdk import WebClient

            quick = WebClient(
                token=client.token,
                base_url=client.base_url,
                timeout=NAME_SECONDS,
                retry_handlers=[],
                logger=logger,
            )
        try:
            user = quick.users_info(user=user_id)["user"]
            profile = user.get("profile") or {}
            name = profile.get("display_name") or profile.get("real_name") or user.get("name")
        except Exception:  # a name is a nicety: the id is kept readable instead
            logger.warning("users.info failed for a mention; keeping the id")
            return None  # not remembered: the next message asks again
        if len(_names) >= NAME_CACHE:
            _names.clear()
        _names[user_id] = name
        return name

    return resolve
