"""Questions and commands by @mention in a channel — the reply goes to the thread, a refusal
only to its author — and by direct message, through the same command table as /roadmap."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.failures import attempt
from bot.adapters.slack.listeners.common import (
    named,
    own_user_id,
    slack_text,
    strip_bot_mention,
    writes,
)
from bot.adapters.slack.text import user_names
from bot.adapters.slack.uploads import upload_reply_file
from bot.commands.parse import command_language
from bot.commands.reply import Reply, shown_to_all
from bot.commands.table import handle
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)


def register(app: App, core: Core) -> None:
    """app_mention and message.im: ack at once, answer lazily, each event once."""

    def ack_event(ack: Ack) -> None:
        ack()

    def answer_event(body: dict, event: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return  # our own posts and edits are not questions
        key = f"slack:event:{body.get('event_id') or event.get('client_msg_id') or event.get('ts')}"
        if not core.store.claim(key):
            logger.info("event %s already handled (retry)", key)
            return
        try:
            reply_to_event(core, client, body, event, context.bot_user_id)
        except Exception:
            core.store.forget_claim(key)  # let Slack's retry try again
            logger.exception("could not answer event %s", key)
            try:
                lang = command_language(event.get("text", ""))
                client.chat_postMessage(channel=event["channel"], text=m.say("error_generic", lang))
            except Exception:
                logger.exception("could not post the apology either")

    app.event("app_mention")(ack=ack_event, lazy=[answer_event])
    app.event({"type": "message", "channel_type": "im"})(ack=ack_event, lazy=[answer_event])


def reply_to_event(
    core: Core, client: WebClient, body: dict, event: dict, bot_user_id: str | None
) -> None:
    """Run the message through the command table and post the reply where it belongs."""
    channel = event["channel"]
    user = event.get("user", "")
    in_channel = event.get("type") == "app_mention" and event.get("channel_type") != "im"
    thread = event.get("thread_ts") or (event.get("ts") if in_channel else None)
    raw = strip_bot_mention(event.get("text", ""), bot_user_id or own_user_id(body))
    text = slack_text(raw, user_names(client))
    event_id = body.get("event_id") or event.get("ts")
    who = Identity("slack", user, None)
    if writes(text):  # an update or a retraction records who wrote it, by the name they use
        who = named(who, client)
    _, reply = handle(
        core,
        who,
        text,
        channel=channel,
        request_id=body.get("event_id"),
        dedupe_key=delivery_key("slack:event-update", event_id, user, channel, text),
    )
    if reply.form:  # a message cannot open a form (no trigger): say how to type it
        reply = Reply(reply.lang, m.say("update_usage", reply.lang), error=True)

    def tell(note: str) -> None:
        # The conversation refused the post: the person hears it in their DM with the bot.
        client.chat_postMessage(
            channel=user, text=blocks.fallback(note), blocks=blocks.text_blocks(note)
        )

    if in_channel and not shown_to_all(reply):
        # Private by the command table (history, owners, nudges…) or a refusal: for its
        # author only, as with the slash command; in the thread it was asked in.
        posted = attempt(
            lambda: client.chat_postEphemeral(
                channel=channel,
                user=user,
                thread_ts=thread,
                text=blocks.reply_fallback(reply),
                blocks=blocks.reply_blocks(reply),
            ),
            tell,
            reply.lang,
            "chat.postEphemeral",
        )
        if posted is not None and reply.file is not None and not reply.error:
            # A file cannot be ephemeral: it goes to the DM with the bot. Uploads want the DM's
            # own id (D…), never a user id; posting to the user id answers with it (no im:write).
            note = m.say("file_uploading", reply.lang)
            dm = attempt(
                lambda: client.chat_postMessage(channel=user, text=note),
                tell,
                reply.lang,
                "chat.postMessage",
            )
            if dm is not None:
                upload_reply_file(client, reply, dm["channel"], tell)
        return
    if reply.answer is not None:
        payload = {
            "text": blocks.fallback(reply.answer.text),
            "blocks": blocks.answer_blocks(reply.answer),
        }
    elif reply.complete and reply.file is not None:  # every line: the file says it all
        payload = {"text": blocks.fallback(reply.text), "blocks": blocks.text_blocks(reply.text)}
    else:
        payload = {"text": blocks.reply_fallback(reply), "blocks": blocks.reply_blocks(reply)}
    posted = attempt(
        lambda: client.chat_postMessage(channel=channel, thread_ts=thread, **payload),
        tell,
        reply.lang,
        "chat.postMessage",
    )
    if posted is not None:
        upload_reply_file(client, reply, channel, tell, thread)
