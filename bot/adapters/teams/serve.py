"""Serving Teams: the SDK's FastAPI adapter behind uvicorn, /api/messages and /healthz."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import uvicorn
from microsoft_teams.apps.http import FastAPIAdapter

from bot.service import Core
from bot.settings import Settings
from bot.sources import ensure_loaded
from bot.store import Store

logger = logging.getLogger(__name__)


def build(settings: Settings, db_path: str | Path | None = None, **test_options):
    """Store, core, adapter (with /healthz) and the Teams app."""
    from bot.adapters.teams.bot import create_teams_app

    store = Store.open(db_path or settings.roadmap_db, settings.roadmap_prefecture)
    ensure_loaded(store)
    core = Core(store, settings)
    adapter = FastAPIAdapter()

    @adapter.app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

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

    app = create_teams_app(settings, core, adapter, **test_options)
    return app, adapter, core


def serve(settings: Settings, db_path: str | Path | None = None, port: int | None = None) -> None:
    """Run until interrupted (the weekly digest too when TEAMS_DIGEST_CONVERSATION is set)."""
    app, adapter, core = build(settings, db_path)

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
            adapter.app, host="0.0.0.0", port=port or settings.port, log_level="warning"
        )
        await uvicorn.Server(config).serve()

    logger.info("serving Teams on port %s at /api/messages", port or settings.port)
    asyncio.run(main())
