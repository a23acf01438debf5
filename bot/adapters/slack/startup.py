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
from collections.abc import Iterator
from contextlib import contextmanager

from slack_bolt import App
from slack_bolt.middleware.authorization.single_team_authorization import (
    SingleTeamAuthorization,
)
from slack_sdk import WebClient
from slack_sdk.web import SlackResponse

from bot.adapters.slack.failures import error_code

logger = logging.getLogger(__name__)
CHECK_TIMEOUT = 5  # seconds: a start-up check is not worth a longer wait
# The SDK logs a failed call at ERROR with its details; this check reports it in one line.
# A logger outside the hierarchy (no parent): no configuration can route it to the root.
_quiet = logging.Logger(f"{__name__}.client")
_quiet.addHandler(logging.NullHandler())


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
