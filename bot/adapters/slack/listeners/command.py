"""`/roadmap …`: every subcommand through the command table, from one listener that parses the
line once. The reply rides in the ack (the core answers in milliseconds); a command's file
(export, diff, charts, history --all) is owed in the store's outbox before the ack and
uploaded after it, a failure told through the command's response_url."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.deliveries import Deliveries, payload
from bot.adapters.slack.failures import attempt
from bot.adapters.slack.listeners.common import (
    decoded_command,
    identity,
    lang_of,
    named,
    writes,
)
from bot.commands.dispatch import handle
from bot.commands.reply import Reply
from bot.errors import StoreUnavailable
from bot.fiscal_year import FiscalYear
from bot.models import Project
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)
PREFIX = "/roadmap "


def register(app: App, core: Core, deliveries: Deliveries) -> None:
    """The one slash command and its subcommands: one listener, no matcher of its own."""

    def roadmap(ack: Ack, command: dict, client: WebClient, respond: Respond) -> None:
        try:
            text, parsed = decoded_command(command.get("text", ""))
            who = identity(command)
            if writes(parsed):  # an update or a retraction: its author by the name people see
                who = named(who, client)
            trigger = command.get("trigger_id")
            _, reply = handle(
                core,
                who,
                text,
                prefix=PREFIX,
                channel=command.get("channel_id"),
                request_id=f"{command.get('team_id', '')}:{trigger or ''}",
                # Without a trigger id, who sent which text where: one fixed fallback key
                # stored a single entry for three different updates (#16).
                dedupe_key=delivery_key(
                    "slack:command",
                    trigger,
                    command.get("team_id"),
                    command.get("user_id"),
                    command.get("channel_id"),
                    command.get("response_url"),
                    command.get("text"),
                ),
                command=parsed,
            )
            if reply.form:
                ack()
                open_update_modal(
                    core,
                    client,
                    command["trigger_id"],
                    who,
                    command.get("channel_id"),
                    reply.lang,
                    projects=reply.projects,
                    tell=ephemeral(respond),
                )
                return
            if reply.file is None or reply.error:
                ack(**message(reply))
                return
            # A file is slow work, done after the ack; owed first, so a server that dies
            # before uploading it leaves it to the next one.
            key = f"slack:command-file:{pending_key(command)}"
            owed = payload(
                reply,
                who.user_id,
                None,
                file={"command": text, "user": who.user_id, "channel": command["channel_id"]},
                respond=command.get("response_url"),
            )
            try:
                new, kept = deliveries.owe(key, owed), True
            except StoreUnavailable:  # a file is a read: made from memory all the same
                new, kept = True, False
            ack(**message(Reply(reply.lang, reply.text, [m.say("file_uploading", reply.lang)])))
            if new:
                deliveries.send_later(key if kept else None, owed, reply)
        except Exception:  # never let a bug become Slack's "dispatch_failed"
            logger.exception("/roadmap failed")
            text = m.say("error_generic", lang_of(command.get("text", "")))
            ack(response_type="ephemeral", text=text)

    app.command("/roadmap")(roadmap)


def pending_key(command: dict) -> str:
    """One slash command's delivery (its trigger, or who sent it where)."""
    return "|".join(
        str(command.get(k) or "") for k in ("team_id", "trigger_id", "user_id", "response_url")
    )


def ephemeral(respond: Respond) -> Callable[[str], object]:
    """Tell the person who typed the command, through its response_url (works in any channel)."""
    return lambda text: respond(
        response_type="ephemeral",
        replace_original=False,
        text=blocks.fallback(text),
        blocks=blocks.text_blocks(text),
    )


def message(reply: Reply) -> dict:
    """A reply as a slash-command response: an answer's blocks, or the reply's own text."""
    if reply.answer is not None:
        return {
            "response_type": "ephemeral",
            "text": blocks.fallback(reply.answer.text),
            "blocks": blocks.answer_blocks(reply.answer, share_question=reply.share),
        }
    return {
        "response_type": "in_channel" if reply.public else "ephemeral",
        "text": blocks.reply_fallback(reply),
        "blocks": blocks.reply_blocks(reply),
    }


def open_update_modal(
    core: Core,
    client: WebClient,
    trigger_id: str,
    who: Identity,
    channel: str | None,
    lang: str,
    project_key: str | None = None,
    projects: list[Project] | None = None,
    tell: Callable[[str], object] | None = None,
) -> None:
    """The update form with the user's own projects (or a notice that there are none)."""
    projects = core.my_projects(who) if projects is None else projects
    if project_key:
        projects = [p for p in projects if p.key == project_key] or projects
    if not projects:
        view = blocks.notice_modal(m.say("update_modal_none", lang), lang)
    else:
        view = blocks.update_modal(projects, FiscalYear.of(core.clock()), channel, lang)
    if tell is None:
        client.views_open(trigger_id=trigger_id, view=view)
        return
    attempt(lambda: client.views_open(trigger_id=trigger_id, view=view), tell, lang, "views.open")
