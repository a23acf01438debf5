"""A command's file (export, diff, chart, full history) uploaded to a conversation: one helper
for the slash command and for mentions and DMs, each failure told to the person."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack.failures import attempt
from bot.commands.reply import Reply

logger = logging.getLogger(__name__)


def upload_reply_file(
    client: WebClient,
    reply: Reply,
    channel: str,
    tell: Callable[[str], object],
    thread: str | None = None,
) -> bool:
    """Make the reply's file and upload it; False (the person told why) when either failed."""
    if reply.file is None or reply.error:
        return False
    try:
        made = reply.file()
    except Exception:
        logger.exception("could not make the file")
        tell(m.say("error_generic", reply.lang))
        return False
    options = {"thread_ts": thread} if thread else {}
    uploaded = attempt(
        lambda: client.files_upload_v2(
            channel=channel,
            content=made.data,
            filename=made.name,
            title=made.title,
            **options,
        ),
        tell,
        reply.lang,
        "files.upload",
    )
    return uploaded is not None
