"""The weekly digest in Slack: Block Kit message, charts in its thread, nudges by DM."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot import charts
from bot import messages as m
from bot.adapters.slack.blocks import MAX_SECTION, OPEN_UPDATE_ACTION, _cut, escape, fallback
from bot.adapters.slack.client import web_client
from bot.adapters.slack.failures import RefusalsWithoutTraceback, error_code, explain
from bot.digest import Digest, StaleProject, digest_sections, digest_text, week_period
from bot.fiscal_year import FiscalYear
from bot.settings import Settings
from bot.store import Store

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_LISTED = 15  # per list; the rest is summarised with a count
# The marker on a digest message (Slack message metadata), read back by find_posted.
EVENT_TYPE = "roadmap_digest"
HISTORY_PAGES = 5  # of 200 messages: more than a week of a busy channel
CHART_FILES = {"budget": "budget.png", "timeline": "timeline.png"}  # in the digest's thread


def _list(lines: list[str], lang: str) -> str:
    shown = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        # Read in a channel, not asked for: say where the whole list is, not "narrow it".
        more = m.say("digest_more", lang, n=len(lines) - MAX_LISTED, command="/roadmap digest")
        shown.append(escape(more))
    return "\n".join(shown) or m.say("digest_none", lang)


def digest_blocks(d: Digest, lang: str = "ja") -> list[dict]:
    """Header, new entries, stale, ending, ended, totals: well inside 50 blocks."""
    title, sections, totals = digest_sections(d, lang, width=200)
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=_cut(title, 150)))]
    for heading, items in sections:
        text = f"*{escape(heading)}*\n{_list([f'• {escape(item)}' for item in items], lang)}"
        blocks.append(SectionBlock(text=MarkdownTextObject(text=_cut(text, MAX_SECTION))))
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=escape(totals))]))
    return [b.to_dict() for b in blocks]


class SlackDigestPoster:
    """Posts a digest to one channel through the Slack Web API."""

    platform = "slack"

    def __init__(self, client: WebClient, channel: str, store: Store, lang: str = "ja") -> None:
        self.client = client
        self.channel = channel
        self.store = store
        self.lang = lang
        self.target = f"slack:{channel}"

    def marker(self, d: Digest) -> dict:
        """Which digest a message is: the week and the prefecture."""
        return {"week": d.period.week, "prefecture": self.store.prefecture}

    def post_message(self, d: Digest) -> str:
        response = self.client.chat_postMessage(
            channel=self.channel,
            text=fallback(digest_text(d, self.lang)),
            blocks=digest_blocks(d, self.lang),
            metadata={"event_type": EVENT_TYPE, "event_payload": self.marker(d)},
        )
        return response["ts"]

    def find_posted(self, d: Digest, since: datetime) -> str | None:
        """This week's digest in the channel since the first attempt (conversations.history
        with metadata), or None; a Web API error propagates, so nothing is posted blind."""
        wanted = self.marker(d)
        oldest = f"{since.timestamp() - 60:.6f}"  # a minute of clock skew
        cursor = None
        for _ in range(HISTORY_PAGES):
            page = self.client.conversations_history(
                channel=self.channel,
                oldest=oldest,
                include_all_metadata=True,
                limit=200,
                cursor=cursor,
            )
            for message in page.get("messages") or []:
                metadata = message.get("metadata") or {}
                if metadata.get("event_type") == EVENT_TYPE and all(
                    (metadata.get("event_payload") or {}).get(k) == v for k, v in wanted.items()
                ):
                    return message["ts"]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None

    def post_charts(self, d: Digest, message_id: str) -> None:
        """The charts in the digest's thread, those not there yet: an upload cut off by a crash
        (or answered after our timeout) may have gone through, and is not made twice (#25)."""
        there = self.charts_in_thread(message_id)
        projects = self.store.projects()
        edition = d.totals.edition or ""
        uploads = []
        if CHART_FILES["budget"] not in there:
            uploads.append(
                {
                    "content": charts.budget_by_department(projects, edition, self.lang),
                    "filename": CHART_FILES["budget"],
                    "title": m.say("chart_budget_title", self.lang, edition=edition),
                }
            )
        if CHART_FILES["timeline"] not in there:
            year = FiscalYear.parse(d.period.fiscal_year)
            uploads.append(
                {
                    "content": charts.timeline(projects, edition, year, self.lang),
                    "filename": CHART_FILES["timeline"],
                    "title": m.say("chart_timeline_title", self.lang, edition=edition),
                }
            )
        if uploads:
            self.client.files_upload_v2(
                channel=self.channel, thread_ts=message_id, file_uploads=uploads
            )
        else:
            logger.info("digest charts found already in the thread of %s", message_id)

    def charts_in_thread(self, message_id: str) -> set[str]:
        """The names of the files shared in the digest's thread (conversations.replies); a Web
        API error propagates, so nothing is uploaded blind."""
        page = self.client.conversations_replies(channel=self.channel, ts=message_id, limit=200)
        return {
            file.get("name")
            for message in page.get("messages") or []
            for file in message.get("files") or []
        }

    def nudge(self, user_id: str, projects: list[StaleProject], d: Digest) -> None:
        names = "\n".join(
            f"• {escape(m.project_label(p.no, p.key, p.name))}" for p in projects[:MAX_LISTED]
        )
        text = m.say("nudge_text", self.lang, year=d.period.fiscal_year, projects=names)
        buttons = [
            ButtonElement(
                text=PlainTextObject(
                    text=f"{m.entry_project(p.no, p.key)} " + m.say("home_update", self.lang)
                ),
                action_id=f"{OPEN_UPDATE_ACTION}:{p.key}",
                value=p.key,
            )
            for p in projects[:5]
        ]
        blocks = [
            SectionBlock(text=MarkdownTextObject(text=_cut(text, MAX_SECTION))),
            ActionsBlock(elements=buttons),
        ]
        self.client.chat_postMessage(
            channel=user_id, text=fallback(text), blocks=[b.to_dict() for b in blocks]
        )


def post_chart(
    client: WebClient,
    store: Store,
    channel: str,
    kind: str,
    now,
    lang: str = "ja",
    thread_ts: str | None = None,
) -> None:
    """`/roadmap chart budget|timeline`: upload one chart to a channel."""
    projects = store.projects()
    edition = store.latest_edition() or ""
    if kind == "timeline":
        png = charts.timeline(projects, edition, FiscalYear.of(now), lang)
        title = m.say("chart_timeline_title", lang, edition=edition)
    else:
        png = charts.budget_by_department(projects, edition, lang)
        title = m.say("chart_budget_title", lang, edition=edition)
    client.files_upload_v2(
        channel=channel, thread_ts=thread_ts, content=png, filename=f"{kind}.png", title=title
    )


class FailureKept:
    """A digest poster that keeps the Web API failure it met (and still raises it): the
    schedule records only that the post failed; whoever posted can then say why."""

    def __init__(self, poster: SlackDigestPoster) -> None:
        self.poster = poster
        self.platform = poster.platform
        self.target = poster.target
        self.failure: Exception | None = None

    def _kept(self, call: Callable[..., T], *args) -> T:
        try:
            return call(*args)
        except Exception as error:
            self.failure = error
            raise

    def post_message(self, digest: Digest) -> str:
        """Post the digest (see SlackDigestPoster)."""
        return self._kept(self.poster.post_message, digest)

    def find_posted(self, digest: Digest, since: datetime) -> str | None:
        """Look for an earlier attempt's post (see SlackDigestPoster): without it, a retry of
        `roadmap digest --post` after a kill or a timeout posted the week twice (#25)."""
        return self._kept(self.poster.find_posted, digest, since)

    def post_charts(self, digest: Digest, message_id: str) -> None:
        """Attach the charts (see SlackDigestPoster)."""
        self._kept(self.poster.post_charts, digest, message_id)

    def nudge(self, user_id: str, projects: list[StaleProject], digest: Digest) -> None:
        """Remind one owner (a failed nudge is logged by the schedule, not the post's failure)."""
        self.poster.nudge(user_id, projects, digest)


@dataclass
class DigestPost:
    """What `roadmap digest --post` did: run_digest's outcome, and Slack's refusal if any."""

    outcome: str  # posted, not_due, done, in_progress or failed
    channel: str
    failure: Exception | None = None
    holder: str = ""  # in_progress: the process posting it now (bot.serving.process_token)

    @property
    def code(self) -> str:
        """Slack's error code for the failure (`not_in_channel`), else empty."""
        return error_code(self.failure) if self.failure is not None else ""

    def why(self, lang: str = "ja") -> str:
        """The failure in a sentence with what to do, in the person's language."""
        return explain(self.failure, lang) if self.failure is not None else ""


def post_digest(settings: Settings, store: Store, now: datetime) -> DigestPost:
    """Post this week's digest to ROADMAP_DIGEST_CHANNEL with the app's own client (once a
    week, rate limits waited out); a refusal is kept for the caller to tell, not traced."""
    from bot.digest_schedule import run_digest

    channel = settings.roadmap_digest_channel or ""
    poster = FailureKept(SlackDigestPoster(web_client(settings), channel, store))
    schedule_log = logging.getLogger("bot.digest_schedule")
    refusals = RefusalsWithoutTraceback()  # the caller tells a refusal in words
    schedule_log.addFilter(refusals)
    try:
        outcome = run_digest(
            store, poster, now, settings.roadmap_digest_cron, settings.roadmap_stale_weeks
        )
    finally:
        schedule_log.removeFilter(refusals)
    failure = poster.failure if outcome == "failed" else None
    run = store.digest_run(week_period(now).week, poster.target)
    holder = (run.claimed_by or "") if run is not None and outcome == "in_progress" else ""
    return DigestPost(outcome, channel, failure, holder)
