"""Questions and commands by @mention in a channel — the reply goes to the thread, a refusal
only to its author — and by direct message, through the same command table as /roadmap.

Slack never sends an acknowledged event again, so nothing is left to memory between the ack
and the work (#25): before the ack, the command runs (an update is appended) and its reply is
owed in the store's outbox, in one transaction; after the ack the reply is sent
(bot/adapters/slack/deliveries.py), or by the next server if this one dies first.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.deliveries import Deliveries, Payload, payload
from bot.adapters.slack.listeners.common import (
    decoded_command,
    named,
    own_user_id,
    strip_bot_mention,
)
from bot.adapters.slack.text import user_names
from bot.command_table import BY_NAME
from bot.commands.dispatch import handle
from bot.commands.parse import command_language
from bot.commands.reply import Reply, shown_to_all
from bot.errors import StoreUnavailable
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)


def register(app: App, core: Core, deliveries: Deliveries) -> None:
    """app_mention and message.im: recorded and owed before the ack, sent after it."""

    def receive(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        event = body.get("event") or {}
        if event.get("bot_id") or event.get("subtype"):
            ack()  # our own posts and edits are not questions
            return
        key = f"slack:event:{body.get('event_id') or event.get('client_msg_id') or event.get('ts')}"
        if deliveries.known(key):
            ack()
            logger.info("event %s already handled (retry)", key)
            return
        try:
            owed, reply, kept = record(
                core, deliveries, client, body, event, key, context.bot_user_id
            )
        except StoreUnavailable as fault:
            # Nothing could be written, the reply's debt included: tell the person now (from
            # memory: a kill in the next milliseconds loses only this apology).
            lang = command_language(event.get("text", ""))
            ack()
            deliveries.send_later(None, apology(event, m.error_text(fault, lang), lang))
            return
        except Exception:
            lang = command_language(event.get("text", ""))
            logger.exception("could not answer event %s", key)
            ack()
            deliveries.send_later(None, apology(event, m.say("error_generic", lang), lang))
            return
        ack()
        if owed is not None:
            deliveries.send_later(key if kept else None, owed, reply)

    app.event("app_mention")(receive)
    app.event({"type": "message", "channel_type": "im"})(receive)


def record(
    core: Core,
    deliveries: Deliveries,
    client: WebClient,
    body: dict,
    event: dict,
    key: str,
    bot_user_id: str | None,
) -> tuple[Payload | None, Reply | None, bool]:
    """Run the message through the command table and owe its reply, in one transaction:
    (what is owed, the reply, whether the store keeps it), or None for both when another
    delivery of the event owes it. StoreUnavailable when a command that writes cannot."""
    user = event.get("user", "")
    channel = event["channel"]
    # Mentions are named before the transaction: users.info is a network call.
    text, command = decoded_command(
        strip_bot_mention(event.get("text", ""), bot_user_id or own_user_id(body)),
        user_names(client),
    )
    event_id = body.get("event_id") or event.get("ts")
    writes = BY_NAME[command.name].writes
    who = Identity("slack", user, None)
    if writes:  # an update or a retraction records who wrote it, by the name they use
        who = named(who, client)

    def run() -> tuple[Payload, Reply]:
        _, reply = handle(
            core,
            who,
            text,
            channel=channel,
            request_id=body.get("event_id"),
            dedupe_key=delivery_key("slack:event-update", event_id, user, channel, text),
            command=command,
        )
        if reply.form:  # a message cannot open a form (no trigger): say how to type it
            reply = Reply(reply.lang, m.say("update_usage", reply.lang), error=True)
        return reply_payload(event, reply, text), reply

    try:
        # An update's entry and its reply reach the disk in one commit before the ack; a
        # question's owed answer survives a killed server without waiting for the disk.
        with core.store.transaction(durable=writes):
            if deliveries.known(key):  # decided under the write lock: one delivery runs it
                return None, None, False
            owed, reply = run()
            deliveries.owe(key, owed)
        return owed, reply, True
    except StoreUnavailable:
        if writes:
            raise
    # A question needs no write: on a store that cannot take one (read-only, full) it is
    # still answered, from memory.
    owed, reply = run()
    return owed, reply, False


def reply_payload(event: dict, reply: Reply, text: str) -> Payload:
    """Where a reply to a message belongs: a public one in the thread (or the DM), a private
    one (history, owners, nudges, a refusal) only to its author, with its file to their DM."""
    channel = event["channel"]
    user = event.get("user", "")
    in_channel = event.get("type") == "app_mention" and event.get("channel_type") != "im"
    thread = event.get("thread_ts") or (event.get("ts") if in_channel else None)
    has_file = reply.file is not None and not reply.error
    file = {"command": text, "user": user, "channel": channel, "thread": thread}
    if in_channel and not shown_to_all(reply):
        args = {
            "channel": channel,
            "user": user,
            "thread_ts": thread,
            "text": blocks.reply_fallback(reply),
            "blocks": blocks.reply_blocks(reply),
        }
        return payload(
            reply, user, ("chat_postEphemeral", args), {**file, "to": "dm"} if has_file else None
        )
    if reply.answer is not None:
        content = {
            "text": blocks.fallback(reply.answer.text),
            "blocks": blocks.answer_blocks(reply.answer),
        }
    elif reply.complete and has_file:  # every line: the file says it all
        content = {"text": blocks.fallback(reply.text), "blocks": blocks.text_blocks(reply.text)}
    else:
        content = {"text": blocks.reply_fallback(reply), "blocks": blocks.reply_blocks(reply)}
    args = {"channel": channel, "thread_ts": thread, **content}
    return payload(
        reply, user, ("chat_postMessage", args), {**file, "to": "thread"} if has_file else None
    )


def apology(event: dict, text: str, lang: str) -> Payload:
    """A short reply saying what went wrong, in the thread or DM the message came from."""
    in_channel = event.get("type") == "app_mention" and event.get("channel_type") != "im"
    args = {
        "channel": event["channel"],
        "thread_ts": event.get("thread_ts") or (event.get("ts") if in_channel else None),
        "text": blocks.fallback(text),
        "blocks": blocks.text_blocks(text),
    }
    return payload(Reply(lang, text, error=True), event.get("user", ""), ("chat_postMessage", args))
