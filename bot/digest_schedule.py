"""Posting the weekly digest exactly once per week and target, whatever happens.

The week is claimed in SQLite before anything is posted, the attempt to post is recorded before
the call, and each step is recorded after it succeeds (message, then charts), so: a restart or
a second process finds the claim and does nothing; a failed or crashed post is taken over later
and finished where it stopped; a post whose answer never arrived (the client timed out after
Slack accepted it, or the poster was killed mid-call) is found in the channel by its marker
(Slack: message metadata; Teams: the card's element id, read back through Microsoft Graph — the
week and the prefecture) instead of being posted twice; a bot that was down at the scheduled
time posts late, once, when it next checks.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Protocol

from bot.digest import Digest, StaleProject, digest
from bot.fiscal_year import TOKYO
from bot.serving import process_gone, process_token
from bot.store import Store, utcnow
from bot.updates import owners_of

logger = logging.getLogger(__name__)
DEFAULT_CRON = "0 9 * * mon"


class DigestPoster(Protocol):
    """What a chat platform provides to post a digest (see the Slack and Teams adapters)."""

    platform: str
    target: str

    def post_message(self, digest: Digest) -> str:
        """Post the digest, marked as this week's (Slack: message metadata; Teams: the card's
        element id); return its id."""
        ...

    def find_posted(self, digest: Digest, since: datetime) -> str | None:
        """The id of this week's digest if it is already in the target (posted since `since`
        by an attempt whose answer never arrived), else None; raises if it cannot tell."""
        ...

    def post_charts(self, digest: Digest, message_id: str) -> None:
        """Attach the charts to the digest (Slack: in its thread) that are not there yet: an
        upload cut off by a crash may have gone through."""
        ...

    def nudge(self, user_id: str, projects: list[StaleProject], digest: Digest) -> None:
        """Remind one owner of their stale projects."""
        ...


def fire_time(cron: str, now: datetime) -> datetime:
    """When the digest of this week is due: the first cron time on or after Monday 00:00 JST."""
    from apscheduler.triggers.cron import CronTrigger

    local = now.astimezone(TOKYO)
    monday = datetime.combine(local.date() - timedelta(days=local.weekday()), time(0), TOKYO)
    trigger = CronTrigger.from_crontab(cron, timezone=TOKYO)
    return trigger.get_next_fire_time(None, monday)


def run_digest(
    store: Store,
    poster: DigestPoster,
    now: datetime | None = None,
    cron: str = DEFAULT_CRON,
    stale_weeks: int = 8,
    owner: str | None = None,
    lease_seconds: int = 600,
) -> str:
    """Post this week's digest if it is due and nobody else did: posted, not_due, done (it is
    there), in_progress (a live process is posting it now), failed (now, or given up)."""
    now = now or utcnow()
    if now < fire_time(cron, now):
        return "not_due"
    d = digest(store, now, stale_weeks)
    week = d.period.week
    run = store.claim_digest(
        week,
        poster.target,
        owner or process_token(),  # this process: a forked worker is not its parent
        now,
        lease_seconds=lease_seconds,
        gone=process_gone,
    )
    if run is None:
        held = store.digest_run(week, poster.target)
        status = held.status if held is not None else "posted"
        return {"claimed": "in_progress", "failed": "failed"}.get(status, "done")
    try:
        message_id = run.message_ts
        if not message_id and run.post_attempted_at:
            # An earlier attempt may have posted although its answer never came (a timeout, a
            # killed poster): look for the week's marker in the target before posting again.
            since = datetime.fromisoformat(run.post_attempted_at)
            message_id = poster.find_posted(d, since)
            if message_id:
                logger.info("digest %s found already posted to %s", week, poster.target)
                store.digest_progress(week, poster.target, message_ts=message_id)
        if not message_id:
            if not run.post_attempted_at:
                store.digest_progress(week, poster.target, post_attempted_at=now.isoformat())
            message_id = poster.post_message(d)
            store.digest_progress(week, poster.target, message_ts=message_id)
        if not run.charts_done:
            poster.post_charts(d, message_id)
            store.digest_progress(week, poster.target, charts_done=1)
        store.digest_progress(week, poster.target, status="posted", posted_at=now.isoformat())
    except Exception as error:
        logger.exception("digest %s for %s failed; it will be retried", week, poster.target)
        store.digest_progress(week, poster.target, status="failed", error=type(error).__name__)
        return "failed"
    send_nudges(store, poster, d, now)
    logger.info("digest %s posted to %s", week, poster.target)
    return "posted"


def send_nudges(store: Store, poster: DigestPoster, d: Digest, now: datetime) -> int:
    """One DM a week per owner of stale projects (unless they turned nudges off)."""
    by_user: dict[str, list[StaleProject]] = {}
    for stale in d.stale:
        project = store.project(stale.key)
        if project is None:
            continue
        for owner in owners_of(store, project, poster.platform):
            by_user.setdefault(owner.user_id, []).append(stale)
    sent = 0
    for user_id, projects in by_user.items():
        if not store.nudges_enabled(poster.platform, user_id):
            continue
        if not store.claim_nudge(d.period.week, poster.platform, user_id, now):
            continue
        try:
            poster.nudge(user_id, projects, d)
            sent += 1
        except Exception:
            logger.exception("nudge to %s failed", user_id)
    return sent


def start_scheduler(
    store: Store, poster: DigestPoster, cron: str = DEFAULT_CRON, stale_weeks: int = 8
):
    """An in-process scheduler: at the cron time, every 5 minutes for late/failed posts, and now."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger

    def job() -> None:
        run_digest(store, poster, cron=cron, stale_weeks=stale_weeks)

    scheduler = BackgroundScheduler(timezone=TOKYO)
    scheduler.add_job(
        job, CronTrigger.from_crontab(cron, timezone=TOKYO), id="digest", coalesce=True
    )
    scheduler.add_job(
        job, "interval", minutes=5, id="digest-catch-up", coalesce=True, max_instances=1
    )
    scheduler.add_job(job, id="digest-on-start")  # a bot that was down posts late, once
    scheduler.start()
    return scheduler
