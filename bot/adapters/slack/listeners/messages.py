"""Questions (and text commands: update, history, retract) by @mention in a channel — the
reply goes to the thread — and by direct message."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.listeners.command import history_text, retract_text, update_done_text
from bot.adapters.slack.listeners.common import strip_mentions
from bot.commands import command_language, parse_command
from bot.errors import UserError
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)


def register(app: App, core: Core) -> None:
    """app_mention and message.im: ack at once, answer lazily, each event once."""

    def ack_event(ack: Ack) -> None:
        ack()

    def answer_event(body: dict, event: dict, client: WebClient) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return  # our own posts and edits are not questions
        key = f"slack:event:{body.get('event_id') or event.get('client_msg_id') or event.get('ts')}"
        if not core.store.claim(key):
            logger.info("event %s already handled (retry)", key)
            return
        try:
            text = strip_mentions(event.get("text", ""))
            thread = event.get("thread_ts") or (
                event.get("ts") if event.get("type") == "app_mention" else None
            )
            reply = command_reply(core, body, event, text)
            if reply is not None:
                client.chat_postMessage(
                    channel=event["channel"],
                    thread_ts=thread,
                    text=blocks.fallback(reply),
                    blocks=blocks.text_blocks(reply),
                )
                return
            answer = core.ask(text)
            client.chat_postMessage(
                channel=event["channel"],
                thread_ts=thread,
                text=blocks.fallback(answer.text),
                blocks=blocks.answer_blocks(answer),
            )
        except Exception:
            core.store.forget_claim(key)  # let Slack's retry try again
            logger.exception("could not answer event %s", key)
            try:
                client.chat_postMessage(channel=event["channel"], text=m.say("error_generic", "ja"))
            except Exception:
                logger.exception("could not post the apology either")

    app.event("app_mention")(ack=ack_event, lazy=[answer_event])
    app.event({"type": "message", "channel_type": "im"})(ack=ack_event, lazy=[answer_event])


def command_reply(core: Core, body: dict, event: dict, text: str) -> str | None:
    """The reply to `update No40 …`, `history No40` or `retract 12` typed in a message; None
    for anything else (a question)."""
    cmd = parse_command(text)
    if cmd.name not in ("update", "history", "retract") or (cmd.name == "update" and not cmd.args):
        return None
    lang = command_language(cmd.args or text)
    who = Identity("slack", event.get("user", ""), None)
    try:
        if cmd.name == "update":
            result = core.update(
                who,
                cmd.args,
                channel=event.get("channel"),
                request_id=body.get("event_id"),
                dedupe_key=delivery_key(
                    "slack:event-update",
                    body.get("event_id") or event.get("ts"),
                    event.get("user"),
                    event.get("channel"),
                    text,
                ),
            )
            project = m.entry_project(result.project.no, result.project.key)
            return update_done_text(result.entry, project, lang)
        if cmd.name == "history":
            return history_text(core, cmd.args, lang)
        return retract_text(core, who, cmd.args, lang)
    except UserError as error:
        return m.error_text(error, lang)
