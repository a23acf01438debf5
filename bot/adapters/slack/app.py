"""The Bolt App factory: built per call (never at import), so each test gets a fresh one."""

from __future__ import annotations

import logging
import weakref
from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot.adapters.slack.client import prepared
from bot.adapters.slack.deliveries import Deliveries
from bot.adapters.slack.listeners import register_all
from bot.adapters.slack.startup import tolerate_offline
from bot.service import Core
from bot.serving import Serving
from bot.settings import Settings

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings,
    core: Core,
    client: WebClient | None = None,
    executor: Executor | None = None,
    serving: Serving | None = None,
) -> App:
    """A Bolt App wired to the core. SLACK_API_URL points the Web API at another host;
    `executor` runs the lazy listeners and sends the replies owed (a test's own, to wait until
    they have finished); `serving` is the server's hold on its store (its generation)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    # Bolt builds its own client from the token (given a client too, it warns at every start
    # that SLACK_BOT_TOKEN in the environment is unused); a test may still pass its own.
    options: dict = {"client": client} if client is not None else {"token": token}
    if executor is not None:
        options["listener_executor"] = executor
    app = App(
        # Named, Bolt skips inspect.stack() to guess a name from its caller's file (~0.1 s).
        name="roadmap",
        signing_secret=secret,
        # Answers take milliseconds, so listeners run before the HTTP response: the reply rides
        # in the ack itself, and Bolt skips its 10 ms ack-polling loop. Slow work is lazy.
        process_before_response=True,
        # auth.test at start-up would make every construction a network call.
        token_verification_enabled=False,
        logger=logging.getLogger("bot.adapters.slack.bolt"),
        **options,
    )
    # A rate-limited call waits for Retry-After and tries again (bounded: RateLimitRetry).
    prepared(app.client, settings.slack_api_url if client is None else None)
    tolerate_offline(app)  # a slash question is answered while Slack's Web API is unreachable
    deliveries = Deliveries(
        core,
        app.client,
        serving or Serving(),
        executor or ThreadPoolExecutor(REPLY_THREADS, thread_name_prefix="slack-reply"),
    )
    register_all(app, core, deliveries)
    DELIVERIES[app] = deliveries
    return app


REPLY_THREADS = 4  # Web API calls sending replies after the ack (network waits, not CPU)
# Each app's outbox sender, for the server that starts its drain (an App takes no attributes
# of ours), as long as the app lives.
DELIVERIES: weakref.WeakKeyDictionary[App, Deliveries] = weakref.WeakKeyDictionary()


def deliveries_of(app: App) -> Deliveries:
    """The outbox sender of an app made by create_app."""
    return DELIVERIES[app]
