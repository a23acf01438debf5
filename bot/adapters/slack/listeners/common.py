"""Helpers shared by the Slack listeners: identity, language, text as typed."""

from __future__ import annotations

import logging
import re
import time

from bot.adapters.slack.text import Resolve, from_slack, user_names
from bot.command_table import BY_NAME
from bot.commands import command_language
from bot.commands.parse import Command, parse_command
from bot.updates import Identity

logger = logging.getLogger(__name__)


def identity(body: dict) -> Identity:
    """The Slack user behind a payload (slash command, event or interaction)."""
    user = body.get("user")
    if isinstance(user, dict):
        return Identity("slack", user.get("id", ""), user.get("username") or user.get("name"))
    if "user_id" in body:
        return Identity("slack", body["user_id"], body.get("user_name"))
    event = body.get("event") or {}
    return Identity("slack", event.get("user", ""), None)


def lang_of(text: str) -> str:
    """Reply in Japanese unless the person wrote English (command words and mentions aside)."""
    return command_language(text)


def strip_bot_mention(text: str, bot_user_id: str | None = None) -> str:
    """`<@UBOT> No40の事業費` → `No40の事業費`: the mention that addressed the bot (the
    first one of an app_mention), other mentions kept."""
    text = (text or "").strip()
    if bot_user_id:
        return re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text).strip()
    return re.sub(r"^<@[UW][A-Z0-9]+(?:\|[^>]*)?>", " ", text).strip()


# Display names looked up lately, by user id: an update is acknowledged within Slack's three
# seconds, so a person's second update in a few minutes does not wait for users.info again.
_NAMES: dict[str, tuple[str | None, float]] = {}
_NAME_SECONDS = 600


def named(who: Identity, client) -> Identity:
    """The person with the display name Slack shows for them now (users.info: display name,
    else real name), stored with what they write so the record stays readable after they
    change names. A payload's `user_name` is the legacy handle, and an event carries none;
    when the look-up fails, what the payload had is kept."""
    if not who.user_id or client is None:
        return who
    cached = _NAMES.get(who.user_id)
    if cached is None or time.monotonic() - cached[1] > _NAME_SECONDS:
        name = user_names(client)(who.user_id)
        if name:
            _NAMES[who.user_id] = cached = (name, time.monotonic())
    name = cached[0] if cached else None
    return Identity(who.platform, who.user_id, name or who.name)


def writes(command: Command) -> bool:
    """Whether a command writes (the command table says): its author is then stored by name."""
    return BY_NAME[command.name].writes


def own_user_id(body: dict) -> str | None:
    """The bot's own user id as the Events API states it (`authorizations`), for when Bolt's
    context has none: its mention is then taken off wherever it sits, not only first."""
    for auth in body.get("authorizations") or []:
        if auth.get("is_bot") and auth.get("user_id"):
            return auth["user_id"]
    return None


def decoded_command(raw: str, resolve: Resolve | None = None) -> tuple[str, Command]:
    """A command or message as Slack sent it → as the person typed it, and the command it
    names, parsed once. Commands that name people by id (owners add @user) keep Slack's
    `<@U…|name>` for them."""
    text = from_slack(raw, resolve)
    command = parse_command(text)
    if BY_NAME[command.name].user_ids:
        text = from_slack(raw, resolve, keep_users=True)
        command = parse_command(text)
    return text, command
