"""`/roadmap …`: every subcommand through the command table. The reply rides in the ack (the
core answers in milliseconds); files and charts are uploaded after it, and a failed upload is
told to the person through the command's response_url."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.failures import attempt
from bot.adapters.slack.listeners.common import identity, lang_of, named, slack_text, writes
from bot.adapters.slack.uploads import upload_reply_file
from bot.commands.reply import Reply
from bot.commands.table import Spec, handle, is_slow, lookup
from bot.fiscal_year import FiscalYear
from bot.models import Project
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)
PREFIX = "/roadmap "


def register(app: App, core: Core) -> None:
    """The one slash command and its subcommands."""

    def run(command: dict, client: WebClient | None = None) -> tuple[Spec, Reply]:
        trigger = command.get("trigger_id")
        text = slack_text(command.get("text", ""))
        who = identity(command)
        if client is not None and writes(text):  # the author's name as people see it
            who = named(who, client)
        return handle(
            core,
            who,
            text,
            prefix=PREFIX,
            channel=command.get("channel_id"),
            request_id=f"{command.get('team_id', '')}:{trigger or ''}",
            # Without a trigger id, who sent which text where: one fixed fallback key stored a
            # single entry for three different updates (#16).
            dedupe_key=delivery_key(
                "slack:command",
                trigger,
                command.get("team_id"),
                command.get("user_id"),
                command.get("channel_id"),
                command.get("response_url"),
                command.get("text"),
            ),
        )

    def roadmap(ack: Ack, command: dict, client: WebClient, respond: Respond) -> None:
        try:
            _, reply = run(command, client)
            if reply.form:
                ack()
                open_update_modal(
                    core,
                    client,
                    command["trigger_id"],
                    identity(command),
                    command.get("channel_id"),
                    reply.lang,
                    projects=reply.projects,
                    tell=ephemeral(respond),
                )
                return
            ack(**message(reply))
        except Exception:  # never let a bug become Slack's "dispatch_failed"
            logger.exception("/roadmap failed")
            ack(
                response_type="ephemeral",
                text=m.say("error_generic", lang_of(command.get("text", ""))),
            )

    def wants_file(body: dict) -> bool:
        spec, args = lookup(slack_text(body.get("text", "")))
        return is_slow(spec, args)

    # The Reply whose summary was acked, for the lazy upload of its file: the handler runs
    # once, and the file is the one the summary describes (ack then lazy, same process).
    pending = PendingReplies()

    def ack_file(ack: Ack, command: dict) -> None:
        try:
            _, reply = run(command)
        except Exception:
            logger.exception("/roadmap failed")
            reply = Reply(lang_of(command.get("text", "")), "", error=True)
            reply.text = m.say("error_generic", reply.lang)
        pending.put(pending_key(command), reply)
        if reply.file is not None and not reply.error:
            reply = Reply(reply.lang, reply.text, [m.say("file_uploading", reply.lang)])
        ack(**message(reply))

    def upload(command: dict, client: WebClient, respond: Respond) -> None:
        reply = pending.pop(pending_key(command))
        if reply is None:  # evicted (hundreds of slow commands at once): run it again
            logger.warning("no acked reply for a slow command: running it again")
            _, reply = run(command)
        upload_reply_file(client, reply, command["channel_id"], ephemeral(respond))

    # Files (export, diff, charts, history --all) are slow work, made after the ack; every
    # other reply rides in the ack, with no lazy listener to copy the request and start a thread for.
    app.command("/roadmap", matchers=[wants_file])(ack=ack_file, lazy=[upload])
    app.command("/roadmap")(roadmap)


def pending_key(command: dict) -> str:
    """One slash command's delivery, the same for its ack and its lazy upload."""
    return "|".join(
        str(command.get(k) or "") for k in ("team_id", "trigger_id", "user_id", "response_url")
    )


class PendingReplies:
    """Replies acked but whose file is not yet uploaded, bounded (oldest dropped first)."""

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self.replies: OrderedDict[str, Reply] = OrderedDict()
        self.lock = threading.Lock()

    def put(self, key: str, reply: Reply) -> None:
        with self.lock:
            self.replies[key] = reply
            while len(self.replies) > self.limit:
                self.replies.popitem(last=False)

    def pop(self, key: str) -> Reply | None:
        with self.lock:
            return self.replies.pop(key, None)


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
