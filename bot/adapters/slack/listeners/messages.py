"""Questions by @mention in a channel (reply in the thread) and by direct message."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.listeners.common import strip_mentions
from bot.service import Core

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
            question = strip_mentions(event.get("text", ""))
            answer = core.ask(question)
            thread = event.get("thread_ts") or (
                event.get("ts") if event.get("type") == "app_mention" else None
            )
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
