"""Log lines: one JSON object each, values cut to size, and never a chat request's body.

A request body holds message text, user ids and response URLs; a client controls it (a 10 MB
body, a newline that forges a line of its own). So the chat SDKs' own lines, which quote whole
bodies when a signature fails or a listener errs, are dropped below WARNING and cut before any
quoted detail at WARNING and above; our own code logs ids and outcomes only.
"""

from __future__ import annotations

import json
import logging
import re
import time
import traceback

MAX_VALUE = 1000  # characters of one logged value (a message, an access-log field)
MAX_TRACEBACK = 8000  # a traceback keeps its last lines: where it failed
# Libraries whose log lines may quote a request (Bolt: "... body: {...}", "Request body: ...");
# the Slack app hands Bolt the logger bot.adapters.slack.bolt.
QUOTING_LOGGERS = (
    "bot.adapters.slack.bolt",
    "slack_bolt",
    "slack_sdk",
    "microsoft_teams",
    "fastapi",
    "starlette",
)
# Where a library's message starts quoting data: the text before it says what happened.
QUOTE_START = re.compile(r"[\(\{\[:=]|\bbody\b|\bpayload\b", re.IGNORECASE)


def cut(value: str, limit: int = MAX_VALUE) -> str:
    """At most `limit` characters, with a note of how much was left out."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}…(+{len(value) - limit} chars)"


class WithoutBodies(logging.Filter):
    """Drop or shorten library log lines that could quote a request body."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(QUOTING_LOGGERS):
            return True
        if record.levelno < logging.WARNING:
            return False
        message = record.getMessage()
        found = QUOTE_START.search(message)
        record.msg = (
            (message[: found.start()].rstrip() + " [details withheld]") if found else message
        )
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            # Where it failed stays; the exception's message goes (a pydantic error quotes input).
            kind, _, tb = record.exc_info
            frames = "".join(traceback.format_tb(tb))
            record.exc_text = (
                f"Traceback (most recent call last):\n{frames}{kind.__name__}: [withheld]"
            )
            record.exc_info = None
        return True


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and a traceback when there is one)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": cut(record.getMessage()),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):  # an access-log line's path, status, latency…
            line.update({k: v for k, v in fields.items() if k not in line})
        trace = self.formatException(record.exc_info) if record.exc_info else record.exc_text
        if trace:
            line["traceback"] = trace[-MAX_TRACEBACK:]
        return json.dumps(line, ensure_ascii=False)


def handler(stream=None) -> logging.Handler:
    """A stream handler writing JSON lines, with library bodies filtered out."""
    h = logging.StreamHandler(stream)
    h.setFormatter(JsonLines())
    h.addFilter(WithoutBodies())
    return h


def configure(verbose: bool) -> None:
    """Root logging for every command: JSON lines on stderr, INFO with --verbose."""
    root = logging.getLogger()
    for old in list(root.handlers):  # ours from an earlier call (a CLI invoked twice in tests)
        if getattr(old, "roadmap_json", False):
            root.removeHandler(old)
    ours = handler()
    ours.roadmap_json = True  # type: ignore[attr-defined]
    root.addHandler(ours)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def access(**fields) -> None:
    """One access-log line: path, status, latency and ids; every value cut to size."""
    clean = {k: cut(v, 200) if isinstance(v, str) else v for k, v in fields.items()}
    logging.getLogger("bot.access").info(
        "%s %s %s",
        clean.get("method", "-"),
        clean.get("path", "-"),
        clean.get("status", "-"),
        extra={"fields": clean},
    )
