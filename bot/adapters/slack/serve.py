"""Serving the Slack app: HTTP behind waitress (a production WSGI server) or Socket Mode."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.service import Core
from bot.settings import Settings
from bot.sources import ensure_loaded
from bot.store import Store

logger = logging.getLogger(__name__)
access_log = logging.getLogger("bot.access")

EVENTS_PATH = "/slack/events"
# Measured with bench/load.py on 2 cores: more threads only add GIL contention.
WSGI_THREADS = 6
HEALTH_PATH = "/healthz"


def wsgi_app(app: App, store: Store) -> Callable:
    """Bolt at /slack/events, GET /healthz, and one structured log line per request."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        path = environ.get("PATH_INFO", "")
        status_holder: list[str] = []

        def recording_start(status: str, headers: list, exc_info=None):
            status_holder.append(status)
            return start_response(status, headers, exc_info)

        if path == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            healthy = (
                store.integrity_check() == "ok" if environ.get("QUERY_STRING") == "deep" else True
            )
            recording_start(
                "200 OK" if healthy else "503 Service Unavailable", [("Content-Type", "text/plain")]
            )
            body = [b"ok" if healthy else b"unhealthy"]
        else:
            body = bolt(environ, recording_start)
        # Ids and outcomes only: never a message body, never a token.
        access_log.info(
            json.dumps(
                {
                    "path": path,
                    "status": (status_holder or ["-"])[0].split(" ", 1)[0],
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "retry": environ.get("HTTP_X_SLACK_RETRY_NUM"),
                }
            )
        )
        return body

    return application


def build(settings: Settings, db_path: str | Path | None = None) -> tuple[App, Core]:
    """The store (documents loaded on first use), the core and the Bolt app."""
    from bot.adapters.slack.app import create_app

    store = Store.open(db_path or settings.roadmap_db)
    ensure_loaded(store)
    core = Core(store, settings)
    return create_app(settings, core), core


def serve(
    settings: Settings,
    db_path: str | Path | None = None,
    port: int | None = None,
    socket: bool = False,
) -> None:
    """Run until interrupted: Socket Mode when SLACK_APP_TOKEN is set (or socket=True), else HTTP."""
    app, core = build(settings, db_path)
    if settings.roadmap_digest_channel:
        from bot.adapters.slack.digest import SlackDigestPoster
        from bot.digest_schedule import start_scheduler

        poster = SlackDigestPoster(app.client, settings.roadmap_digest_channel, core.store)
        start_scheduler(
            core.store, poster, settings.roadmap_digest_cron, settings.roadmap_stale_weeks
        )
        logger.info("weekly digest scheduled (%s, Asia/Tokyo)", settings.roadmap_digest_cron)
    if socket or settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        if not settings.slack_app_token:
            raise SystemExit("Socket Mode needs SLACK_APP_TOKEN (xapp-…).")
        logger.info("serving Slack in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return
    import waitress

    port = port or settings.port
    logger.info("serving Slack over HTTP on port %s at %s", port, EVENTS_PATH)
    waitress.serve(
        wsgi_app(app, core.store), host="0.0.0.0", port=port, threads=WSGI_THREADS, ident="roadmap"
    )
