"""Helpers shared by the Slack listeners: identity, language, text as typed."""

from __future__ import annotations

import logging
import re

from bot.adapters.slack.text import Resolve, from_slack
from bot.commands import command_language
from bot.commands.parse import Command, parse_command
from bot.commands.table import BY_NAME
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
