"""The weekly digest: what moved on the roadmap in the week before `now`, and what is stuck.

Pure computation over the store; `now` is always an argument, never read from the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pydantic import BaseModel, Field

from bot.fiscal_year import TOKYO, FiscalYear, runs_in
from bot.models import ActualEntry, Project
from bot.store import Store


class Period(BaseModel):
    """Monday to Sunday in Asia/Tokyo, and the ISO week key (2026-W47)."""

    start: date
    end: date
    week: str
    fiscal_year: str  # the fiscal year of `now`: what "this year" means in the digest


class DigestEntry(BaseModel):
    """One entry appended in the period."""

    id: int
    fiscal_year: str | None
    initiative: str | None
    text: str
    author: str
    created_at: datetime
    platform: str


class ProjectDigest(BaseModel):
    """A project's new entries and retractions of the week."""

    no: int | None
    name: str
    key: str
    entries: list[DigestEntry] = Field(default_factory=list)
    retractions: list[DigestEntry] = Field(default_factory=list)


class StaleProject(BaseModel):
    """A running project with no entry this fiscal year, or none for N weeks."""

    no: int | None
    name: str
    key: str
    reason: str  # no_entry_this_year | silent
    last_entry: datetime | None = None


class EndingProject(BaseModel):
    """A project by its end year."""

    no: int | None
    name: str
    key: str
    end: str | None


class Totals(BaseModel):
    """The current edition's size."""

    edition: str | None
    projects: int
    budget_thousand_yen: int


class Digest(BaseModel):
    """The week's summary as data; renderers turn it into Block Kit or text."""

    period: Period
    entries: list[ProjectDigest]
    stale: list[StaleProject]
    ending_this_year: list[EndingProject]
    ended_last_year: list[EndingProject]
    totals: Totals


def week_period(now: datetime) -> Period:
    """The complete Monday–Sunday week (Asia/Tokyo) before the one `now` is in."""
    local = now.astimezone(TOKYO)
    this_monday = local.date() - timedelta(days=local.weekday())
    start = this_monday - timedelta(days=7)
    iso = start.isocalendar()
    return Period(
        start=start,
        end=start + timedelta(days=6),
        week=f"{iso.year}-W{iso.week:02d}",
        fiscal_year=FiscalYear.of(now).code,
    )


def _bounds(period: Period) -> tuple[datetime, datetime]:
    start = datetime.combine(period.start, time(0), TOKYO)
    return start, start + timedelta(days=7)


def _digest_entry(e: ActualEntry) -> DigestEntry:
    return DigestEntry(
        id=e.id or 0,
        fiscal_year=e.fiscal_year,
        initiative=e.initiative,
        text=e.text,
        author=e.author_name or e.author_id or "?",
        created_at=e.created_at or datetime.min.replace(tzinfo=TOKYO),
        platform=e.platform,
    )


def running(project: Project, year: FiscalYear) -> bool:
    """Still running in a fiscal year: started by then and not ended before it."""
    return runs_in(project.start_year, project.end_year, year)


def digest(store: Store, now: datetime, stale_weeks: int = 8) -> Digest:
    """The digest of the week before `now`."""
    period = week_period(now)
    since, until = _bounds(period)
    current = FiscalYear.of(now)
    projects = store.projects()
    by_key = {p.key: p for p in projects}
    groups: dict[str, ProjectDigest] = {}
    retracted: set[int] = set()
    for e in store.entries(since=since, until=until):
        if e.from_document:
            continue
        if e.kind == "retraction":
            # A store written before m017 may hold two retractions of one entry: one is counted.
            if e.retracts in retracted:
                continue
            retracted.add(e.retracts or 0)
        p = by_key.get(e.project_key) or store.project(e.project_key)
        group = groups.setdefault(
            e.project_key,
            ProjectDigest(
                no=p.no if p else e.project_no,
                name=p.name if p else e.project_key,
                key=e.project_key,
            ),
        )
        (group.retractions if e.kind == "retraction" else group.entries).append(_digest_entry(e))
    stale = []
    silent_since = now - timedelta(weeks=stale_weeks)
    for p in projects:
        if not running(p, current):
            continue
        last, this_year = store.chat_activity(p.key, current.code, now)
        if not this_year:
            stale.append(
                StaleProject(
                    no=p.no, name=p.name, key=p.key, reason="no_entry_this_year", last_entry=last
                )
            )
        elif last is None or last < silent_since:
            stale.append(
                StaleProject(no=p.no, name=p.name, key=p.key, reason="silent", last_entry=last)
            )
    ending = [
        EndingProject(no=p.no, name=p.name, key=p.key, end=p.end)
        for p in projects
        if p.end_year == current
    ]
    ended = [
        EndingProject(no=p.no, name=p.name, key=p.key, end=p.end)
        for p in projects
        if p.end_year == current - 1
    ]
    return Digest(
        period=period,
        entries=sorted(groups.values(), key=lambda g: (g.no is None, g.no or 0)),
        stale=stale,
        ending_this_year=ending,
        ended_last_year=ended,
        totals=Totals(
            edition=store.latest_edition(),
            projects=len(projects),
            budget_thousand_yen=sum(p.budget_thousand_yen for p in projects),
        ),
    )


def digest_sections(
    d: Digest, lang: str = "ja", width: int | None = None
) -> tuple[str, list[tuple[str, list[str]]], str]:
    """(title, [(heading, lines)], totals): what every renderer of the digest shows."""
    from bot import messages as m

    def cut(text: str) -> str:
        return text if width is None or len(text) <= width else text[: width - 1] + "…"

    title = m.say("digest_title", lang, start=d.period.start, end=d.period.end, week=d.period.week)
    entries = []
    for g in d.entries:
        name = m.project_label(g.no, g.key, g.name)
        entries += [
            f"{name} {e.fiscal_year or ''}: {cut(e.text)} — {e.author}, {m.jst(e.created_at)}"
            for e in g.entries
        ]
        entries += [
            f"{m.entry_project(g.no, g.key)} "
            + m.say("digest_retraction", lang, text=cut(e.text), who=e.author)
            for e in g.retractions
        ]
    year = d.period.fiscal_year
    sections = [
        (m.say("digest_entries", lang, n=sum(len(g.entries) for g in d.entries)), entries),
        (
            m.say("digest_stale", lang, n=len(d.stale), year=year),
            [m.project_label(s.no, s.key, s.name) for s in d.stale],
        ),
        (
            m.say("digest_ending", lang, n=len(d.ending_this_year), year=year),
            [m.project_label(p.no, p.key, p.name) for p in d.ending_this_year],
        ),
        (
            m.say("digest_ended", lang, n=len(d.ended_last_year)),
            [m.project_label(p.no, p.key, p.name) for p in d.ended_last_year],
        ),
    ]
    money = m.money(d.totals.budget_thousand_yen, lang)
    totals = m.say(
        "digest_totals", lang, edition=d.totals.edition, n=d.totals.projects, money=money
    )
    return title, sections, totals


def digest_text(d: Digest, lang: str = "ja") -> str:
    """The digest as plain text / Markdown."""
    title, sections, totals = digest_sections(d, lang)
    lines = [title]
    for heading, items in sections:
        lines.append(heading)
        lines += [f"・{item}" for item in items]
    lines.append(totals)
    return "\n".join(lines)
