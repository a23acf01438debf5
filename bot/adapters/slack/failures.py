"""Web API failures told to the person, and rate-limited calls retried after Retry-After."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.handler import RetryHandler

from bot import messages as m

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Slack's error code → what the person should do.
ADVICE = {
    "not_in_channel": "slack_not_in_channel",
    "channel_not_found": "slack_channel_not_found",
    "is_archived": "slack_is_archived",
    "msg_too_long": "slack_too_long",
    "msg_blocks_too_long": "slack_too_long",
    "invalid_blocks": "slack_too_long",
    "ratelimited": "slack_ratelimited",
}
MAX_WAIT = 20  # seconds: a longer Retry-After is reported to the person instead of waited for


def error_code(error: Exception) -> str:
    """Slack's error code (`not_in_channel`), or the exception's class name."""
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or error.response.status_code)
    return type(error).__name__


def explain(error: Exception, lang: str = "ja") -> str:
    """The sentence for a failed call, in the person's language."""
    code = error_code(error)
    if code in ADVICE:
        return m.say(ADVICE[code], lang)
    return m.say("slack_failed", lang, error=code)


def attempt(call: Callable[[], T], tell: Callable[[str], object], lang: str, what: str) -> T | None:
    """Run a Web API call; when it fails, tell the person through `tell` (which must use
    another channel: response_url, an ephemeral message, the DM). None when it failed."""
    try:
        return call()
    except Exception as error:
        logger.warning("%s failed: %s", what, error_code(error))
        try:
            tell(explain(error, lang))
        except Exception:
            logger.exception("could not tell the person that %s failed either", what)
        return None


class RateLimitRetry(RetryHandler):
    """Retry a 429 after its Retry-After (at most MAX_WAIT seconds, at most twice)."""

    def __init__(self) -> None:
        super().__init__(max_retry_count=2)

    @staticmethod
    def _wait(response) -> int | None:
        for key, values in (response.headers or {}).items():
            if key.lower() == "retry-after":
                value = values[0] if isinstance(values, list) else values
                return int(value) if str(value).isdigit() else None
        return 1

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = self._wait(response)
        return wait is not None and wait <= MAX_WAIT

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        import time

        state.next_attempt_requested = True
        time.sleep(self._wait(response) or 1)
        state.increment_current_attempt()


class RefusalsWithoutTraceback(logging.Filter):
    """Slack's refusal of a call that is told to the person in words keeps its error code in
    the log line and drops the traceback, which says nothing more (a CLI shows it to its user)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, SlackApiError):
            record.msg = f"{record.getMessage()} ({error_code(error)})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True
