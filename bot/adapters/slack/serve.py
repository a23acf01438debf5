"""Serving the Slack app over HTTP, or in Socket Mode.

HTTP on Unix: gunicorn, one worker per core by default (ROADMAP_WORKERS, --workers), each with
its own listening socket (SO_REUSEPORT) and its own store; SQLite (WAL, BEGIN IMMEDIATE) and the
claim tables keep the workers' writes, duplicate-delivery checks and the weekly digest
exactly-once between processes. Each worker is gunicorn's asyncio worker in front of Bolt
(bot.adapters.http_front): requests are read whole, bounded in size and time, before one of
WORKER_THREADS threads runs Bolt — with the threaded worker, eight clients trickling their
bodies held every thread and no signed request was answered for 90 s (bench/slowloris.py).
waitress remains the pure-Python fallback where gunicorn cannot run (Windows); it buffers whole
requests too.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path

from slack_bolt import App
from slack_bolt.request import BoltRequest

from bot import logs
from bot.adapters.header_deadline import gunicorn_worker
from bot.adapters.http_front import MAX_BODY, READ_TIMEOUT, BufferedWsgi, Refused, check_length
from bot.adapters.slack.guard import slack_request
from bot.health import DeepHealth
from bot.service import Core
from bot.serving import Serving, check_port, hold_store
from bot.settings import Settings
from bot.sources import ensure_loaded
from bot.store import Store, resolve_db_path

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# waitress (no gunicorn): measured with bench/load.py, more threads only add GIL contention.
WSGI_THREADS = 6
# Per gunicorn worker: 1 measured as fast, 4 slower; 2 so one slow Web API call (views.open
# inside a listener) does not stall the worker's other users.
WORKER_THREADS = 2
HEALTH_PATH = "/healthz"
# Asked once before serving: fills the project caches and builds the models' schemas.
WARM_QUESTIONS = ("No40の事業費は？", "R7で終わる事業は？", "名称が変わった事業")


def wsgi_app(app: App, store: Store, health: DeepHealth | None = None) -> Callable:
    """Bolt at /slack/events, GET /healthz, and one structured log line per request.

    Requests over MAX_BODY get 413 unread; malformed ones (see guard) get 400 with a short
    reason; a well-formed one is parsed once, by the guard, and that request is dispatched.
    A failure inside gets a short 500, its traceback logged."""
    # One integrity check a minute in all the workers; a real write on each deep request.
    health = health or deep_health(store, start=False)

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD")
        reason = None
        if method == "POST" and path == EVENTS_PATH:
            try:
                length = check_length(environ.get("CONTENT_LENGTH") or "0")
            except Refused as refused:
                reason = refused.reason
                status, headers, body = refused.status_line, PLAIN, reason.encode()
            else:
                request, reason = slack_request(environ, environ["wsgi.input"].read(length or 0))
                if request is None:
                    status, headers, body = "400 Bad Request", PLAIN, (reason or "").encode()
                else:
                    status, headers, body = _dispatch(app, request)
        elif path == HEALTH_PATH and method == "GET":
            healthy, detail = (True, "ok")
            if environ.get("QUERY_STRING") == "deep":
                healthy, detail = health.status()
            status = "200 OK" if healthy else "503 Service Unavailable"
            headers, body = PLAIN, detail.encode()
        else:
            status, headers, body = "404 Not Found", PLAIN, b"Not Found"
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        # Ids and outcomes only: never a message body, never a token, never a header's text.
        retry = environ.get("HTTP_X_SLACK_RETRY_NUM")
        logs.access(
            method=method if method in METHODS else "other",
            path=path if path in (EVENTS_PATH, HEALTH_PATH) else "other",
            status=status.split(" ", 1)[0],
            ms=round((time.perf_counter() - started) * 1000, 1),
            retry=int(retry) if retry and retry.isdigit() and len(retry) < 4 else None,
            reason=reason,
        )
        return [body]

    return application


def deep_health(store: Store, start: bool = True) -> DeepHealth:
    """The store's deep health check; a server starts its first integrity check at once, so
    that a result is there by the first deep request."""
    health = DeepHealth(store.integrity_check, shared=store, probe=store.write_probe)
    if start:
        health.status()
    return health


PLAIN = [("Content-Type", "text/plain; charset=utf-8")]
METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"}


def _dispatch(app: App, request: BoltRequest) -> tuple[str, list, bytes]:
    """Bolt's answer to a parsed request; an exception escaping it is logged (no body) and
    answered briefly."""
    try:
        response = app.dispatch(request)
    except Exception:
        logger.exception("request to %s failed", EVENTS_PATH)
        return "500 Internal Server Error", PLAIN, b"internal error"
    headers = [
        (name, value)
        for name, values in response.headers.items()
        if name.lower() != "content-length"
        for value in values
    ]
    status = HTTPStatus(response.status)
    return f"{status.value} {status.phrase}", headers, response.body.encode()


def build(
    settings: Settings, db_path: str | Path | None = None, serving: Serving | None = None
) -> tuple[App, Core]:
    """The store (documents loaded on first use), the core and the Bolt app."""
    from bot.adapters.slack.app import create_app

    store = Store.open(db_path or settings.roadmap_db, settings.roadmap_prefecture)
    ensure_loaded(store)
    core = Core(store, settings)
    return create_app(settings, core, serving=serving), core


def start_replies(app: App) -> None:
    """Send the replies an earlier server left owed, now and every half minute (#25)."""
    from bot.adapters.slack.app import deliveries_of

    deliveries_of(app).start()


def warm(app: App) -> None:
    """Put a few questions through the app as Slack would send them, so the first users do
    not pay for lazy imports, schemas, caches and Bolt's own first request (bench/load.py
    measured a 200 ms tail in the first half second without this). Questions change nothing."""
    from bot.adapters.slack.startup import token_checked

    with token_checked(app):  # offline: one line, not errors per question (startup.py)
        _ask_warm_questions(app)


def _ask_warm_questions(app: App) -> None:
    from slack_bolt.request import BoltRequest

    for n, question in enumerate(WARM_QUESTIONS):
        body = {
            "command": "/roadmap",
            "text": question,
            "user_id": "warm-up",
            "channel_id": "warm-up",
            "trigger_id": f"warm-up-{n}",
        }
        # Socket-mode requests skip signature checks: nothing here came over the network.
        response = app.dispatch(BoltRequest(body=body, mode="socket_mode"))
        if response.status != 200:
            logger.warning("warm-up question answered with status %s", response.status)


def settle(app: App) -> None:
    """Warm up, then move what is loaded out of the garbage collector's sight (gc.freeze):
    full collections stop walking thousands of cached objects, a latency spike under load.
    Caches dropped by a later document load stay frozen; loads are rare and small."""
    warm(app)
    gc.freeze()


def start_digest(settings: Settings, app: App, core: Core) -> None:
    """The weekly digest on its schedule, if a channel is configured."""
    if not settings.roadmap_digest_channel:
        return
    from bot.adapters.slack.digest import SlackDigestPoster
    from bot.digest_schedule import start_scheduler

    poster = SlackDigestPoster(app.client, settings.roadmap_digest_channel, core.store)
    start_scheduler(core.store, poster, settings.roadmap_digest_cron, settings.roadmap_stale_weeks)
    logger.info("weekly digest scheduled (%s, Asia/Tokyo)", settings.roadmap_digest_cron)


def serve(
    settings: Settings,
    db_path: str | Path | None = None,
    port: int | None = None,
    socket: bool = False,
    workers: int | None = None,
    serving: Serving | None = None,
) -> None:
    """Run until interrupted: Socket Mode when SLACK_APP_TOKEN is set (or socket=True), else
    HTTP. `serving` is the hold on the store the command line took (bot.serving); without
    one, it is taken here (CommandError when another server has the store or the port)."""
    workers = workers or settings.roadmap_workers
    port = port or settings.port
    http = not (socket or settings.slack_app_token)
    if serving is None:
        serving = hold_store(resolve_db_path(db_path or settings.roadmap_db), "slack", port)
        if http:
            check_port(port)
    if http and gunicorn_available():
        serve_processes(settings, db_path, port, workers, serving)
        return
    if workers > 1 and http:
        logger.warning("gunicorn is not available here: serving from one process")
    app, core = build(settings, db_path, serving)
    settle(app)
    start_digest(settings, app, core)
    start_replies(app)
    if socket or settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        if not settings.slack_app_token:
            raise SystemExit("Socket Mode needs SLACK_APP_TOKEN (xapp-…).")
        logger.info("serving Slack in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return
    import waitress

    logger.info("serving Slack over HTTP on port %s at %s", port, EVENTS_PATH)
    # waitress buffers whole requests in its own async loop before a thread sees them.
    waitress.serve(
        wsgi_app(app, core.store, deep_health(core.store)),
        host="0.0.0.0",
        port=port,
        threads=WSGI_THREADS,
        ident="roadmap",
        max_request_body_size=MAX_BODY,
        channel_timeout=int(READ_TIMEOUT),
    )


def gunicorn_available() -> bool:
    """gunicorn runs on Unix only; elsewhere one process serves through waitress."""
    import importlib.util

    return importlib.util.find_spec("gunicorn") is not None


def serve_processes(
    settings: Settings, db_path: str | Path | None, port: int, workers: int, serving: Serving
) -> None:
    """HTTP in `workers` gunicorn processes, each with its own store, app and digest schedule."""
    from gunicorn.app.base import BaseApplication
    from gunicorn.glogging import Logger

    class JsonGunicornLogger(Logger):
        """gunicorn's own lines (worker starts, crashes) as JSON lines too."""

        def setup(self, cfg) -> None:
            super().setup(cfg)
            for log in (self.error_log, self.access_log):
                for h in log.handlers:
                    h.setFormatter(logs.JsonLines())
                    h.addFilter(logs.WithoutBodies())

    # Documents are loaded (and migrations run) once here, before any worker exists, and the
    # app's modules imported and schemas built: workers fork ready to serve within
    # milliseconds, so the first burst of connections does not all land on the first one up.
    app, core = build(settings, db_path, serving)
    warm(app)
    core.store.close()

    def worker_app() -> Callable:
        app, core = build(settings, db_path, serving)
        settle(app)
        # Every worker schedules the digest; the week's claim in the store lets one post it.
        start_digest(settings, app, core)
        # Every worker sends what an earlier server left owed; each reply is taken once.
        start_replies(app)
        # The asyncio front reads whole requests (bounded in size and time); Bolt runs in
        # WORKER_THREADS threads on complete requests only, so slow clients cannot hold them.
        return BufferedWsgi(wsgi_app(app, core.store, deep_health(core.store)), WORKER_THREADS)

    class Server(BaseApplication):
        def load_config(self) -> None:
            options = {
                "bind": f"0.0.0.0:{port}",
                "workers": workers,
                # gunicorn's own asyncio worker, with a deadline for each request's headers
                "worker_class": gunicorn_worker(),
                "worker_connections": 1000,
                "timeout": int(READ_TIMEOUT) * 3,  # a worker silent this long is restarted
                "keepalive": 75,  # longer than a load balancer's idle timeout
                # A listening socket per worker (SO_REUSEPORT): the kernel spreads connections
                # evenly. One shared socket let the busiest worker win nearly every accept
                # (epoll wakes the latest waiter), so one worker served all 50 load-test users.
                "reuse_port": True,
                "control_socket_disable": True,  # no gunicornc socket file in $HOME
                "accesslog": None,  # bot.access logs one line per request instead
                "logger_class": JsonGunicornLogger,
                "asgi_lifespan": "off",
                "proc_name": "roadmap",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Callable:
            return worker_app()  # runs in each worker, after the fork

    logger.info("serving Slack over HTTP on port %s at %s, %s workers", port, EVENTS_PATH, workers)
    Server().run()
