"""Bolt's one `auth.test` at start-up, asked quietly: the warm-up must not depend on the network.

Bolt checks its token with `auth.test` on the first request it serves and keeps the answer.
The warm-up (serve.warm) is that first request. Offline (a server started before its network,
a firewall, a sandbox), Bolt's own call logged two errors and a traceback per warm-up question
and answered each with 500, so nothing was warmed. Here the call is made once, with a short
timeout and no retries: when Slack answers, Bolt keeps the answer as before (the first user
does not wait for it); when it cannot be reached, one line says so, the warm-up questions run
with a stand-in, and the stand-in is dropped after them so the first real request asks Slack.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware.authorization.internals import (
    _is_no_auth_required,
    _is_no_auth_test_call_required,
    _to_authorize_result,
)
from slack_bolt.middleware.authorization.single_team_authorization import (
    SingleTeamAuthorization,
)
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.adapters.slack.failures import error_code

logger = logging.getLogger(__name__)
CHECK_TIMEOUT = 5  # seconds: a start-up check is not worth a longer wait
REQUEST_CHECK_TIMEOUT = 2  # seconds, on a request's path: Slack waits 3 s for the answer
RETRY_SECONDS = 30.0  # while Slack cannot be reached, auth.test is asked at most this often
# The SDK logs a failed call at ERROR with its details; this check reports it in one line.
# A logger outside the hierarchy (no parent): no configuration can route it to the root.
_quiet = logging.Logger(f"{__name__}.client")
_quiet.addHandler(logging.NullHandler())


class ServedOffline(SingleTeamAuthorization):
    """Bolt's single-workspace authorization, serving on when Slack's Web API cannot be reached
    (#25): Bolt's own let the network error escape, and a signed slash question got 500 although
    its answer rides in the HTTP response itself. Offline, a request goes on with what it says of
    itself (team, user; the bot's own user id unknown), and auth.test is asked again at most every
    RETRY_SECONDS, each time with a short timeout. Slack's refusal of the token is Bolt's to
    answer, as before."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        """Authorize as Bolt does, or with a stand-in while Slack cannot be reached."""
        if (
            self.auth_test_result is None
            and not _is_no_auth_required(req)
            and not _is_no_auth_test_call_required(req)
            and not self._reached(req.context.client)
        ):
            stand_in = SlackResponse(
                client=req.context.client,
                http_verb="POST",
                api_url="auth.test",
                req_args={},
                data={"ok": True, "team_id": req.context.team_id},
                headers={},
                status_code=200,
            )
            req.context.set_authorize_result(
                _to_authorize_result(
                    auth_test_result=stand_in,
                    token=req.context.client.token,
                    request_user_id=req.context.user_id,
                )
            )
            return next()
        return super().process(req=req, resp=resp, next=next)

    def _reached(self, client: WebClient) -> bool:
        """Ask auth.test (once at a time, not again within RETRY_SECONDS of a failure); False
        when Slack could not be reached. A refusal is Bolt's to answer: True."""
        with self.lock:
            if self.auth_test_result is not None:
                return True
            if time.monotonic() < self.retry_at:
                return False
            quick = WebClient(
                token=client.token,
                base_url=client.base_url,
                timeout=REQUEST_CHECK_TIMEOUT,
                logger=_quiet,
                retry_handlers=[],
            )
            try:
                self.auth_test_result = quick.auth_test()
            except SlackApiError:
                return True
            except Exception as error:
                self.retry_at = time.monotonic() + RETRY_SECONDS
                logger.warning(
                    "Slack's Web API cannot be reached (auth.test: %s): answering what can be "
                    "answered in the HTTP response; asked again in %d s",
                    error_code(error),
                    RETRY_SECONDS,
                )
                return False
            return True


def tolerate_offline(app: App) -> None:
    """Put ServedOffline in place of Bolt's single-workspace authorization step."""
    steps = getattr(app, "_middleware_list", [])
    for n, step in enumerate(steps):
        if type(step) is SingleTeamAuthorization:
            steps[n] = ServedOffline(
                auth_test_result=step.auth_test_result,
                user_facing_authorize_error_message=step.user_facing_authorize_error_message,
            )


def _authorization(app: App) -> SingleTeamAuthorization | None:
    """Bolt's single-workspace authorization step (None if this Bolt builds it otherwise)."""
    steps = getattr(app, "_middleware_list", [])
    return next((s for s in steps if isinstance(s, SingleTeamAuthorization)), None)


def _stand_in(client: WebClient) -> SlackResponse:
    """An `auth.test` answer for requests that never reach Slack (the warm-up's own)."""
    return SlackResponse(
        client=client,
        http_verb="POST",
        api_url="auth.test",
        req_args={},
        data={"ok": True, "user_id": "warm-up", "bot_id": "warm-up", "team_id": "warm-up"},
        headers={},
        status_code=200,
    )


@contextmanager
def token_checked(app: App) -> Iterator[None]:
    """Within it, the app serves without calling Slack for its token check (see above)."""
    step = _authorization(app)
    if step is None or step.auth_test_result is not None:
        yield
        return
    client = app.client
    check = WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=CHECK_TIMEOUT,
        logger=_quiet,
        retry_handlers=[],
    )
    try:
        step.auth_test_result = check.auth_test()
    except Exception as error:
        logger.warning(
            "Slack's Web API did not answer at start-up (auth.test: %s); serving anyway, "
            "the token is checked again on the first request",
            error_code(error),
        )
    else:
        yield
        return
    step.auth_test_result = _stand_in(client)
    try:
        yield
    finally:
        step.auth_test_result = None
