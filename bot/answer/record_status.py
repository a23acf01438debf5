"""Answers about who owns what and what is still missing (#27): the registered owners of a
project or of a selection, a person's projects, projects running in a fiscal year with no chat
report for it (the digest's list), projects with no owner, and owners who have not reported.
Each says which fiscal year it means and why, and how a missing end year is read."""

from __future__ import annotations

from bot import messages as m
from bot.answer.model import Answer, Value
from bot.answer.record_scope import (
    Scope,
    bullet,
    counted,
    joined,
    owner_names,
    project_refs,
    project_sources,
)
from bot.answer.render import src
from bot.fiscal_year import FiscalYear, runs_in
from bot.models import Project
from bot.owners import owners_in
from bot.store import ReportScope, Store
from bot.understanding import Query

MAX_ROWS = 40


def _finish(result: Answer, query: Query, sc: Scope, *fields: str) -> Answer:
    done = result.computed
    done.merge(sc.computed)
    done.fields.update(("record", *fields))
    done.operations.update(("list", "count"))
    if query.record and (query.record.owners or query.record.who):
        done.fields.update(("owner", "owners", "person"))
    return result


def _owners_line(owners: list, lang: str) -> str:
    names = owner_names(owners, lang)
    return (
        m.say("record_owners_are", lang, names=names) if names else m.say("record_no_owner", lang)
    )


def owners(store: Store, query: Query, sc: Scope) -> Answer:
    """A project's 担当 as printed and its registered owners; a person's projects; or the
    owners of every project asked about."""
    lang = sc.lang
    registered = store.owners()
    if sc.named:
        p = (sc.projects or [])[0]
        sections = joined(p.sections, lang) or m.NOT_PRINTED[lang]
        title = m.say(
            "owner_is",
            lang,
            ref=m.project_ref(p, lang),
            department=p.department or m.NOT_PRINTED[lang],
            sections=sections,
        )
        result = Answer(
            status="ok",
            title=title,
            lines=[_owners_line(owners_in(registered, p), lang)],
            projects=project_refs([p]),
            sources=[src(p, "sections")],
        )
        return _finish(result, query, sc, "owner", "owners", "person")
    chosen = sc.projects if sc.projects is not None else store.projects()
    projects_n = counted(len(chosen), "project", lang)
    if sc.owners:
        names = sc.names(sc.owners)
        title = m.say("record_owned_list", lang, names=names, projects=projects_n)
        if not chosen:
            title = m.say("record_owned_none", lang, names=names)
        lines = [f"{bullet(lang)}{m.short_ref(p)}" for p in chosen[:MAX_ROWS]]
    else:
        what = sc.what or m.say("record_latest_projects", lang)
        title = m.say("record_owners_of_list", lang, what=what, projects=projects_n, n=len(chosen))
        lines = [
            m.say(
                "record_owner_row",
                lang,
                ref=m.short_ref(p),
                owners=owner_names(owners_in(registered, p), lang)
                or m.say("record_no_owner", lang),
            )
            for p in chosen[:MAX_ROWS]
        ]
    if len(chosen) > MAX_ROWS:
        lines.append(m.say("record_more", lang, n=len(chosen) - MAX_ROWS))
    result = Answer(
        status="ok",
        title=title,
        lines=lines + _running_notes(sc, chosen),
        projects=project_refs(chosen),
        value=Value(amount=len(chosen), unit=m.say("unit_count", lang)),
        sources=project_sources(chosen),
    )
    return _finish(result, query, sc, "owner", "owners", "person")


def _why_year(sc: Scope, year: FiscalYear) -> str:
    """Which fiscal year is meant, and why: today's date."""
    today = sc.now.astimezone(m.TOKYO).date().isoformat()
    if year == sc.fiscal:
        return m.say("record_year_today", sc.lang, today=today, label=year.label, year=year.code)
    return m.say(
        "record_year_asked",
        sc.lang,
        today=today,
        label=sc.fiscal.label,
        now=sc.fiscal.code,
        year=year.code,
    )


def _running_notes(sc: Scope, projects: list[Project]) -> list[str]:
    """How 'running' was read, when it was applied: the year and the projects whose end year
    is not printed (taken as not decided: still running)."""
    if sc.running is None:
        return []
    return [_why_year(sc, sc.running), *_undecided(sc, sc.running, projects)]


def _undecided(sc: Scope, year: FiscalYear, projects: list[Project]) -> list[str]:
    open_ended = [p for p in projects if p.end_year is None]
    notes = [m.say("record_running_rule", sc.lang, year=year.code)]
    if open_ended:
        refs = joined((f"No{p.no}" if p.no is not None else p.name for p in open_ended), sc.lang)
        notes.append(m.say("record_open_ended", sc.lang, refs=refs))
    return notes


def _running(store: Store, sc: Scope, year: FiscalYear) -> list[Project]:
    """The latest edition's projects asked about that run in the year."""
    latest = store.latest_edition()
    base = sc.projects if sc.projects is not None else store.projects()
    return [p for p in base if p.edition == latest and runs_in(p.start_year, p.end_year, year)]


def missing(store: Store, query: Query, sc: Scope) -> Answer:
    """Projects running in the fiscal year with no chat report for it (or none in the period
    asked), optionally with their owners; or only reports for earlier years."""
    ask = query.record
    lang = sc.lang
    only_earlier = ask.only_earlier
    year = sc.running or sc.fiscal
    if sc.years and len(sc.years) == 1 and not only_earlier:
        year = FiscalYear.parse(sc.years[0])
    run_year = sc.running or year
    candidates = _running(store, sc, run_year)
    wanted = (year.code,) if not sc.span or sc.years else None
    sc.applied(sc.authors)
    reported = store.report_counts(
        ReportScope(
            projects=tuple(p.key for p in candidates),
            since=sc.span.since if sc.span else None,
            until=sc.until,
            authors=tuple(p.user_id for p in sc.authors) if sc.authors else None,
            fiscal_years=wanted,
        ),
        "project",
    )
    chosen = [p for p in candidates if p.key not in reported]
    if only_earlier:
        earlier = tuple((year - k).code for k in range(1, 40) if (year - k).western >= 2019)
        before = store.report_counts(
            ReportScope(projects=tuple(p.key for p in chosen), fiscal_years=earlier), "project"
        )
        chosen = [p for p in chosen if p.key in before]
    registered = store.owners()
    lines = []
    for p in chosen[:MAX_ROWS]:
        row = f"{bullet(lang)}{m.short_ref(p)}"
        if ask.owners or ask.who:
            row += m.say(
                "record_owner_suffix", lang, owners=_owners_line(owners_in(registered, p), lang)
            )
        lines.append(row)
    if len(chosen) > MAX_ROWS:
        lines.append(m.say("record_more", lang, n=len(chosen) - MAX_ROWS))
    what = sc.conditions(with_year=False) or m.say("record_latest_projects", lang)
    key = "record_missing_earlier" if only_earlier else "record_missing"
    if sc.span and not sc.years:
        key = "record_missing_period"
    projects_n = counted(len(chosen), "project", lang)
    title = m.say(key, lang, what=what, year=year.code, run=run_year.code, projects=projects_n)
    notes = [
        _why_year(sc, year),
        *_undecided(sc, run_year, candidates),
        m.say("record_counted_rule", lang),
    ]
    result = Answer(
        status="ok",
        title=title,
        lines=lines or [m.say("record_missing_none", lang)],
        projects=project_refs(chosen),
        value=Value(amount=len(chosen), unit=m.say("unit_count", lang)),
        sources=project_sources(chosen),
    )
    result.lines += notes
    result.computed.years.update((year.code, run_year.code))
    extra = ["missing", "start", "end", "period"]
    return _finish(result, query, sc, *extra)


def unowned(store: Store, query: Query, sc: Scope) -> Answer:
    """Projects asked about (running in a year when asked) with no registered owner."""
    lang = sc.lang
    latest = store.latest_edition()
    base = sc.projects if sc.projects is not None else store.projects()
    base = [p for p in base if p.edition == latest]
    registered = store.owners()
    chosen = [p for p in base if not owners_in(registered, p)]
    what = sc.conditions(with_year=False) or m.say("record_latest_projects", lang)
    title = m.say("record_unowned", lang, what=what, projects=counted(len(chosen), "project", lang))
    lines = [f"{bullet(lang)}{m.short_ref(p)}" for p in chosen[:MAX_ROWS]] or [
        m.say("record_unowned_none", lang)
    ]
    if len(chosen) > MAX_ROWS:
        lines.append(m.say("record_more", lang, n=len(chosen) - MAX_ROWS))
    notes = _running_notes(sc, base)
    result = Answer(
        status="ok",
        title=title,
        lines=lines + notes,
        projects=project_refs(chosen),
        value=Value(amount=len(chosen), unit=m.say("unit_count", lang)),
        sources=project_sources(chosen),
    )
    return _finish(result, query, sc, "unowned", "owner", "owners")


def silent(store: Store, query: Query, sc: Scope) -> Answer:
    """Owners (of the projects asked about) who have not reported in the period or year."""
    lang = sc.lang
    base = sc.projects if sc.projects is not None else store.projects()
    registered = store.owners()
    owned: dict[str, tuple[str, list[Project]]] = {}
    for p in base:
        for o in owners_in(registered, p):
            name, projects = owned.setdefault(o.user_id, (o.user_name or o.user_id, []))
            if p not in projects:
                projects.append(p)
    counts = store.report_counts(
        ReportScope(
            since=sc.span.since if sc.span else None,
            until=sc.until,
            authors=tuple(owned),
            fiscal_years=tuple(sc.years) if sc.years is not None else None,
        ),
        "author",
    )
    quiet = [(uid, name, projects) for uid, (name, projects) in owned.items() if uid not in counts]
    lines = []
    for _, name, projects in quiet[:MAX_ROWS]:
        refs = joined((f"No{p.no}" if p.no is not None else p.name for p in projects), lang)
        lines.append(m.say("record_silent_row", lang, name=name, projects=refs))
    what = sc.conditions() or m.say("record_all", lang)
    result = Answer(
        status="ok",
        title=m.say(
            "record_silent",
            lang,
            what=what,
            people=counted(len(quiet), "person", lang),
            owners=counted(len(owned), "person", lang) if lang == "ja" else len(owned),
        ),
        lines=lines or [m.say("record_silent_none", lang)],
        projects=project_refs([p for _, _, ps in quiet for p in ps]),
        value=Value(amount=len(quiet), unit=m.say("record_people_unit", lang)),
    )
    return _finish(result, query, sc, "missing", "owner", "owners", "person")
