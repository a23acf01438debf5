"""Serving Teams: the SDK's FastAPI adapter behind uvicorn, /api/messages and /healthz.

Every request is read whole first (bot.adapters.http_front: 413 over MAX_BODY, 408 after
READ_TIMEOUT) and an activity that is not a JSON object gets 400 before the SDK parses it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from pathlib import Path

import uvicorn
from microsoft_teams.api.activities import ActivityTypeAdapter
from microsoft_teams.apps.events import CoreActivity
from microsoft_teams.apps.http import FastAPIAdapter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bot.adapters.header_deadline import uvicorn_protocol
from bot.adapters.http_front import BufferedAsgi
from bot.health import DeepHealth
from bot.service import Core
from bot.serving import Serving, check_port, hold_store
from bot.settings import Settings
from bot.sources import ensure_loaded
from bot.store import Store, resolve_db_path

logger = logging.getLogger(__name__)
MESSAGES_PATH = "/api/messages"


def malformed(scope: dict, body: bytes) -> str | None:
    """Why a POST to /api/messages cannot be an activity (a short reason), or None."""
    if scope.get("method") != "POST" or scope.get("path") != MESSAGES_PATH:
        return None
    if not body.strip():
        return "empty body"
    try:
        activity = json.loads(body)
    except ValueError:  # also bytes that are not UTF-8
        return "body is not valid JSON"
    if not isinstance(activity, dict):
        return "body is not a JSON object"
    try:  # the SDK's own two readings, which raised inside it (a 500) for other shapes
        core = CoreActivity.model_validate(activity)
        ActivityTypeAdapter.validate_python(core.model_dump(by_alias=True, exclude_none=True))
    except ValueError:  # pydantic's ValidationError
        return "body is not a Teams activity"
    return None


# Fields Microsoft's own documented examples send empty, which the SDK's models refuse (#25):
# an `adaptiveCard/action` invoke with "localTimestamp": "".
OPTIONAL_TIMES = ("localTimestamp", "timestamp", "expiration")


def repaired(scope: dict, body: bytes) -> bytes:
    """An activity shaped like Microsoft's documentation examples, made readable by the SDK: a
    message without an `id` gets one made from its body (a redelivery, the same body, gets the
    same one: it is still recognised), an empty time is left out. Anything else is untouched."""
    if scope.get("method") != "POST" or scope.get("path") != MESSAGES_PATH:
        return body
    try:
        activity = json.loads(body)
    except ValueError:
        return body  # refused by `malformed`, with its reason
    if not isinstance(activity, dict):
        return body
    changed = False
    if activity.get("type") == "message" and not activity.get("id"):
        activity["id"] = "body-" + hashlib.sha256(body).hexdigest()[:32]
        changed = True
    for name in OPTIONAL_TIMES:
        if name in activity and activity[name] in ("", None):
            del activity[name]
            changed = True
    return json.dumps(activity, ensure_ascii=False).encode() if changed else body


def build(
    settings: Settings,
    db_path: str | Path | None = None,
    start_health: bool = False,
    **test_options,
):
    """Store, core, adapter (with /healthz) and the Teams app; a server starts the first
    integrity check at once (`start_health`), so that a result is there by the first deep
    request."""
    from bot.adapters.teams.bot import create_teams_app

    store = Store.open(db_path or settings.roadmap_db, settings.roadmap_prefecture)
    ensure_loaded(store)
    core = Core(store, settings)
    adapter = FastAPIAdapter()

    # As Slack's: a real write on each deep request, one integrity check a minute in all.
    health = DeepHealth(store.integrity_check, shared=store, probe=store.write_probe)
    if start_health:
        health.status()

    @adapter.app.get("/healthz")
    def healthz(request: Request) -> Response:
        healthy, detail = (True, "ok")
        if request.url.query == "deep":
            healthy, detail = health.status()
        return JSONResponse(
            {"status": "ok" if healthy else "unhealthy", "detail": detail},
            status_code=200 if healthy else 503,
        )

    @adapter.app.middleware("http")
    async def access_log(request, call_next):
        # One line per request: path, status, latency. Never a message body or a token.
        started = time.perf_counter()
        response = await call_next(request)
        logging.getLogger("bot.access").info(
            json.dumps(
                {
                    "path": request.url.path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                }
            )
        )
        return response

    # Outermost: whole requests, bounded in size and time, and well-formed JSON reach the SDK.
    adapter.app.add_middleware(BufferedAsgi, check=malformed, repair=repaired)
    app = create_teams_app(settings, core, adapter, **test_options)
    return app, adapter, core


def serve(
    settings: Settings,
    db_path: str | Path | None = None,
    port: int | None = None,
    serving: Serving | None = None,
) -> None:
    """Run until interrupted (the weekly digest too when TEAMS_DIGEST_CONVERSATION is set).
    `serving` is the hold on the store the command line took (bot.serving); without one, it
    is taken here (CommandError when another server has the store or the port)."""
    if serving is None:
        serving = hold_store(resolve_db_path(db_path or settings.roadmap_db), "teams", port)
        check_port(port or settings.port)
    app, adapter, core = build(settings, db_path, start_health=True)

    async def main() -> None:
        await app.initialize()
        if settings.teams_digest_conversation:
            from bot.adapters.teams.digest import TeamsDigestPoster
            from bot.digest_schedule import start_scheduler

            poster = TeamsDigestPoster(
                app, core.store, settings.teams_digest_conversation, asyncio.get_running_loop()
            )
            start_scheduler(
                core.store, poster, settings.roadmap_digest_cron, settings.roadmap_stale_weeks
            )
        config = uvicorn.Config(
            adapter.app,
            host="0.0.0.0",
            port=port or settings.port,
            log_level="warning",
            timeout_keep_alive=75,  # longer than a load balancer's idle timeout
            h11_max_incomplete_event_size=16 * 1024,  # request line and headers
            http=uvicorn_protocol(),  # h11, with a deadline for each request's headers
        )
        await uvicorn.Server(config).serve()

    logger.info("serving Teams on port %s at /api/messages", port or settings.port)
    asyncio.run(main())
