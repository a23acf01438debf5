"""Replies owed to people on Slack: written to the store's outbox before Slack gets its 200,
sent after it, and sent by the next server when this one dies first (#25).

Bolt's lazy listeners kept the work of an acknowledged DM or mention in memory: a burst then
kill -9 lost thousands of acknowledged updates, and Slack never redelivers an acknowledged
event. Now the listener records the update and owes its reply in one transaction before the
ack; this module sends what is owed (a message or an ephemeral, then the reply's file), marks
it sent, and on start and every DRAIN_SECONDS takes over replies left behind by a killed server
or worker. A refusal by Slack is told to the person in their DM (as before); Slack being
unreachable leaves the reply owed, tried again later.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.failures import explain
from bot.adapters.slack.uploads import upload_reply_file
from bot.commands.dispatch import handle
from bot.commands.reply import Reply
from bot.errors import StoreUnavailable
from bot.service import Core
from bot.serving import Serving
from bot.updates import Identity

logger = logging.getLogger(__name__)
PLATFORM = "slack"
DRAIN_SECONDS = 30.0  # how often a server looks for replies left behind (and failed ones)
Payload = dict[str, Any]


def payload(
    reply: Reply,
    user: str,
    post: tuple[str, dict] | None,
    file: dict | None = None,
    tell: tuple[str, str] = ("", ""),
    respond: str | None = None,
) -> Payload:
    """What is owed, as JSON: a Web API call (`chat_postMessage`, its arguments), whom to tell
    when Slack refuses it (their DM, or the command's response_url) with the words around
    Slack's reason, and the command to run again for the reply's file."""
    return {
        "lang": reply.lang,
        "user": user,
        "post": {"method": post[0], "args": post[1]} if post else None,
        "tell": list(tell),
        "respond": respond,
        "file": file,
    }


class Deliveries:
    """The outbox as the Slack app uses it: owe, send (now, in the executor), take over."""

    def __init__(self, core: Core, client: WebClient, serving: Serving, executor: Executor):
        self.core = core
        self.client = client
        self.serving = serving
        self.executor = executor
        self.stopped = threading.Event()

    def known(self, key: str) -> bool:
        """A delivery already taken (Slack's retry of an event acknowledged late)."""
        return self.core.store.outbox_known(key)

    def owe(self, key: str, owed: Payload) -> bool:
        """Owe a reply (inside the transaction recording what it says); False for a retry."""
        return self.core.store.outbox_put(key, PLATFORM, owed, self.serving.owner())

    def send_later(self, key: str | None, owed: Payload, reply: Reply | None = None) -> None:
        """Send after the acknowledgement (the reply's file made from `reply` when given); a
        None key is a reply the store could not keep (it took no write): sent once, from memory."""
        self.executor.submit(self.send, key, owed, reply)

    def send(self, key: str | None, owed: Payload, reply: Reply | None = None) -> None:
        """Send one reply and mark it sent; left owed when Slack cannot be reached."""
        try:
            deliver(self.client, self.core, owed, reply)
        except Exception as error:  # not Slack's refusal (told already): Slack not reached
            logger.warning("reply %s not sent (%s)", key or "-", type(error).__name__)
            if key is not None:
                self._mark(self.core.store.outbox_failed, key, type(error).__name__)
            return
        if key is not None:
            self._mark(self.core.store.outbox_done, key)

    @staticmethod
    def _mark(mark: Callable[..., object], *args: str) -> None:
        # Logged by the store; an unmarked reply is sent again later.
        with contextlib.suppress(StoreUnavailable):
            mark(*args)

    def drain(self) -> int:
        """Send the replies left behind by an earlier server or a dead worker; how many."""
        sent = 0
        for owed in self.core.store.outbox_owed(PLATFORM):
            if not self.serving.orphaned(owed.claimed_by, owed.claimed_at):
                continue
            taken = self.core.store.outbox_take(owed, self.serving.owner())
            if taken is None:  # another worker took it first
                continue
            logger.info("sending reply %s left behind by %s", owed.key, owed.claimed_by)
            self.send(owed.key, taken)
            sent += 1
        return sent

    def start(self, interval: float = DRAIN_SECONDS) -> threading.Thread:
        """Drain now and every `interval` seconds, in a daemon thread, until stop()."""

        def loop() -> None:
            while not self.stopped.is_set():
                try:
                    self.drain()
                    self.core.store.outbox_prune()
                except StoreUnavailable:
                    pass  # said by the store, once in a while; tried again next time
                except Exception:
                    logger.exception("could not send the replies left behind")
                self.stopped.wait(interval)

        thread = threading.Thread(target=loop, name="slack-outbox", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """End the drain loop."""
        self.stopped.set()


def deliver(client: WebClient, core: Core, owed: Payload, reply: Reply | None = None) -> None:
    """Make the owed Web API call, then upload the reply's file; a refusal by Slack is told
    to the person (DM or response_url), any other failure raises (the reply stays owed)."""
    lang = owed["lang"]
    before, after = owed.get("tell") or ("", "")

    def tell(why: str) -> None:
        note = f"{before} {why}".strip() + (f"\n{after}" if after else "")
        if owed.get("respond"):
            from slack_sdk.webhook import WebhookClient

            WebhookClient(owed["respond"]).send(
                response_type="ephemeral",
                replace_original=False,
                text=blocks.fallback(note),
                blocks=blocks.text_blocks(note),
            )
            return
        client.chat_postMessage(
            channel=owed["user"], text=blocks.fallback(note), blocks=blocks.text_blocks(note)
        )

    posted: Any = True
    if owed.get("post"):
        call: Callable = getattr(client, owed["post"]["method"])
        posted = refused_told(lambda: call(**owed["post"]["args"]), tell, lang)
    file = owed.get("file")
    if posted is None or not file:
        return
    if reply is None:  # sent by another process than the one that answered: made again
        _, reply = handle(
            core, Identity("slack", file["user"]), file["command"], channel=file.get("channel")
        )
    if file.get("to") == "dm":
        # A file cannot be ephemeral: it goes to the DM with the bot. Uploads want the DM's own
        # id (D…), never a user id; posting to the user id answers with it (no im:write).
        note = m.say("file_uploading", lang)
        dm = refused_told(
            lambda: client.chat_postMessage(channel=owed["user"], text=note), tell, lang
        )
        if dm is not None:
            upload_reply_file(client, reply, dm["channel"], tell)
        return
    upload_reply_file(client, reply, file["channel"], tell, file.get("thread"))


def refused_told(call: Callable[[], Any], tell: Callable[[str], object], lang: str) -> Any:
    """A Web API call whose refusal by Slack is told to the person (None then); a failure to
    reach Slack at all raises."""
    try:
        return call()
    except SlackApiError as refused:
        logger.warning("Slack refused a reply: %s", refused.response.get("error"))
        try:
            tell(explain(refused, lang))
        except SlackApiError:
            logger.exception("could not tell the person either")
        return None
