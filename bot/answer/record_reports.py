"""Answers about what was reported in chat (#27): the reports themselves (newest first, each
with its author, time in Japan time and entry number; retracted ones shown as retracted and
never counted), the projects that were reported on, rankings, and the people who reported.
The documents' printed 実績 are part of the record but not reports: they are said apart."""

from __future__ import annotations

from dataclasses import replace

from bot import messages as m
from bot.answer import people as who
from bot.answer.model import Answer, Value
from bot.answer.record_scope import (
    Scope,
    counted,
    joined,
    owner_names,
    project_refs,
    project_sources,
)
from bot.answer.selection import values_of
from bot.models import ActualEntry, Project
from bot.owners import owners_in
from bot.store import Store
from bot.understanding import Query

MAX_REPORTS = 20  # report lines an answer shows; the rest are counted and offered
MAX_RETRACTED = 10


def _project_of(store: Store, e: ActualEntry) -> Project | None:
    return store.project(e.project_key)


def _label(store: Store, e: ActualEntry) -> str:
    p = _project_of(store, e)
    return m.short_ref(p) if p else m.entry_project(e.project_no, e.project_key)


def report_line(store: Store, e: ActualEntry, lang: str, project: bool = True) -> str:
    """One report: when (JST), project, year, initiative, text — author (#id)."""
    return m.say(
        "record_line",
        lang,
        when=m.jst(e.created_at) if e.created_at else "",
        project=_label(store, e) + " " if project else "",
        year=f"{e.fiscal_year} " if e.fiscal_year else "",
        initiative=f"［{e.initiative}］"
        if e.initiative and lang == "ja"
        else (f"[{e.initiative}] " if e.initiative else ""),
        text=e.text,
        who=e.author_name or e.author_id or "?",
        id=e.id,
    )


def retracted_line(store: Store, e: ActualEntry, r: ActualEntry, lang: str) -> str:
    """A retracted report, with who retracted it, when and why."""
    reason = r.text if r.text and r.text != "retracted" else m.say("record_no_reason", lang)
    return m.say(
        "record_retracted_line",
        lang,
        line=report_line(store, e, lang).lstrip("・- "),
        when=m.jst(r.created_at) if r.created_at else "",
        who=r.author_name or r.author_id or "?",
        reason=reason,
    )


def _finish(result: Answer, query: Query, sc: Scope, *fields: str) -> Answer:
    done = result.computed
    done.merge(sc.computed)
    done.fields.update(("record", "counted", "time", "date", "person", *fields))
    done.operations.update(("list", "count"))
    if query.record and query.record.which_initiative:
        done.fields.add("initiative")
    if query.record and (query.record.more_than is not None or query.record.limit):
        done.fields.update(f"n:{n}" for n in query.record.numbers)  # 2件以上, 直近5件
    if query.n:
        done.fields.add(f"n:{query.n}")  # 上位3件
    return result


def _projects_reported(store: Store, sc: Scope) -> tuple[list[Project], dict[str, int]]:
    counts = store.report_counts(sc.reports(), "project")
    projects = [p for key in counts if (p := store.project(key)) is not None]
    projects.sort(
        key=lambda p: (p.edition != store.latest_edition(), p.edition, p.no or 0, p.position)
    )
    return projects, counts


def reports(store: Store, query: Query, sc: Scope) -> Answer:
    """The reports in scope: the latest, all of them (newest first), or how many."""
    ask = query.record
    lang = sc.lang
    several = sc.projects is not None and len(sc.projects) > 1
    if ask.latest and several:
        return _latest_each(store, query, sc)
    first = (ask.latest or ask.first) and not ask.limit
    limit = 1 if first else min(ask.limit or MAX_REPORTS, MAX_REPORTS)
    if sc.named:
        shown_projects = list(sc.projects or [])
        page, total = store.reports(sc.reports(), limit, oldest=ask.oldest)
    else:  # the count per project says the total too: the record is read once
        shown_projects, per_project = _projects_reported(store, sc)
        page, _ = store.reports(sc.reports(), limit, oldest=ask.oldest, count=False)
        total = sum(per_project.values())
    retracted, n_retracted = store.retracted_reports(sc.reports(), MAX_RETRACTED)
    conditions = sc.conditions()
    single = sc.named and len(sc.projects or []) == 1
    lines = [report_line(store, e, lang, project=not single) for e in page]
    what = conditions or m.say("record_all", lang)
    on = ""
    if not sc.named:
        projects_n = counted(len(shown_projects), "project", lang)
        on = (" " if lang == "en" else "") + m.say(
            "record_on_projects", lang, projects=projects_n, n=len(shown_projects)
        )
    count = counted(total, "report", lang)
    if total == 0:
        title = m.say("record_none", lang, what=what)
    elif first:
        key = "record_first" if ask.oldest else "record_latest"
        title = m.say(key, lang, what=what, count=count)
    elif query.operation == "count":
        title = m.say("record_count", lang, what=what, count=count, on=on)
        lines = lines[:10]
    elif ask.limit:
        title = m.say("record_newest", lang, what=what, n=len(page), count=count)
    else:
        key = "record_list_oldest" if ask.oldest else "record_list"
        title = m.say(key, lang, what=what, count=count, on=on)
    if total > len(lines) and (sc.named or not (first or ask.limit)):
        lines.append(_more(sc, total - len(lines), lang))
    if ask.retracted and n_retracted:  # 取り消された報告は？: those first, the counted ones after
        title, lines = (
            m.say("record_retracted_list", lang, what=what, n=n_retracted),
            [retracted_line(store, e, r, lang) for e, r in retracted]
            + [m.say("record_counted_besides", lang, count=count)]
            + lines[: 3 if not sc.named else None],
        )
        if not sc.named:
            shown_projects = [p for e, _ in retracted if (p := _project_of(store, e))]
    elif n_retracted and (sc.named or total <= MAX_REPORTS):
        lines.append(m.say("record_retracted_title", lang, n=n_retracted))
        lines += [retracted_line(store, e, r, lang) for e, r in retracted]
    elif n_retracted:
        lines.append(m.say("record_retracted_count", lang, n=n_retracted))
    elif ask.retracted:
        lines.append(m.say("record_retracted_none", lang))
    if sc.named and ask.owners:  # No34の担当者と最新報告: who may report, too
        registered = store.owners()
        for p in sc.projects or []:
            names = owner_names(owners_in(registered, p), lang)
            owners = m.say("record_owners_are", lang, names=names) if names else None
            lines.append(owners or m.say("record_no_owner_of", lang, ref=m.short_ref(p)))
        extra_owner = True
    else:
        extra_owner = False
    if sc.named and len(sc.projects or []) == 1:
        p = sc.projects[0]
        documents = store.document_entry_count(p.key)
        key = "record_documents" if documents else "record_documents_none"
        lines.append(m.say(key, lang, n=documents, ref=f"No{p.no}" if p.no else p.name))
    result = Answer(
        status="ok",
        title=title,
        lines=lines,
        projects=project_refs(shown_projects),
        value=Value(amount=total, unit=m.say("record_unit", lang)),
        sources=project_sources(shown_projects) if sc.named else [],
    )
    extra = ["latest"] if ask.latest else []
    if extra_owner:
        extra += ["owner", "owners"]
    if ask.limit:
        extra.append(f"limit:{ask.limit}")
    if ask.oldest:
        extra.append("oldest")
    if n_retracted or ask.retracted:
        extra.append("retracted")
    return _finish(result, query, sc, *extra)


def _more(sc: Scope, n: int, lang: str) -> str:
    if sc.named and sc.projects and sc.projects[0].no is not None:
        return m.say("record_more_history", lang, n=n, no=sc.projects[0].no)
    return m.say("record_more", lang, n=n)


def _latest_each(store: Store, query: Query, sc: Scope) -> Answer:
    """The latest report of each project in scope (私のprojectの最新report)."""
    lang = sc.lang
    lines = []
    for p in (sc.projects or [])[:MAX_REPORTS]:
        page, total = store.reports(sc.reports([p]), 1)
        if page:
            line = report_line(store, page[0], lang, project=False).lstrip("・- ")
            count = counted(total, "report", lang)
            lines.append(
                m.say("record_latest_of", lang, ref=m.short_ref(p), line=line, count=count)
            )
        else:
            lines.append(m.say("record_latest_none", lang, ref=m.short_ref(p)))
    projects = list(sc.projects or [])
    result = Answer(
        status="ok",
        title=m.say(
            "record_latest_each",
            lang,
            what=sc.conditions(),
            projects=counted(len(projects), "project", lang),
        ),
        lines=lines,
        projects=project_refs(projects),
        sources=project_sources(projects),
    )
    return _finish(result, query, sc, "latest")


def projects(store: Store, query: Query, sc: Scope) -> Answer:
    """Which projects were reported on (with how many reports), optionally more than N."""
    ask = query.record
    lang = sc.lang
    chosen, counts = _projects_reported(store, sc)
    if ask.more_than is not None:
        chosen = [p for p in chosen if counts.get(p.key, 0) > ask.more_than]
    reports_n = sum(counts.get(p.key, 0) for p in chosen)
    registered = store.owners() if ask.owners else []
    lines = []
    for p in chosen[:MAX_REPORTS]:
        page, _ = store.reports(sc.reports([p]), 1)
        latest = report_line(store, page[0], lang, project=False).lstrip("・- ") if page else ""
        count = counted(counts[p.key], "report", lang)
        row = m.say("record_project_row", lang, ref=m.short_ref(p), count=count, latest=latest)
        if ask.owners:  # 先週報告があった事業の担当者
            names = owner_names(owners_in(registered, p), lang) or m.say("record_no_owner", lang)
            row += m.say("record_owner_suffix", lang, owners=names)
        lines.append(row)
    if len(chosen) > MAX_REPORTS:
        lines.append(m.say("record_more", lang, n=len(chosen) - MAX_REPORTS))
    what = sc.conditions() or m.say("record_all", lang)
    key = "record_projects_more_than" if ask.more_than is not None else "record_projects"
    title = m.say(
        key,
        lang,
        what=what,
        projects=counted(len(chosen), "project", lang),
        reports=counted(reports_n, "report", lang),
        more=counted(ask.more_than or 0, "report", lang),
    )
    if not chosen:
        title = m.say("record_projects_none", lang, what=what)
    result = Answer(
        status="ok",
        title=title,
        lines=lines,
        projects=project_refs(chosen),
        value=Value(amount=len(chosen), unit=m.say("unit_count", lang)),
    )
    if ask.more_than is not None:
        result.computed.operations.add("more_than")
    return _finish(result, query, sc, *(("owner", "owners") if ask.owners else ()))


def ranking(store: Store, query: Query, sc: Scope) -> Answer:
    """The most (or least) reported projects or people, top N or every one tied first."""
    ask = query.record
    lang = sc.lang
    per_person = ask.per == "person"
    counts = store.report_counts(sc.reports(), "author" if per_person else "project")
    if per_person:
        people = who.known_people(store)
        if ask.owners:  # which owner…: among the people registered as owners
            owners = {o.user_id for o in store.owners()}
            counts = {k: n for k, n in counts.items() if k in owners}
        names = {k: people[k].name if k in people else k for k in counts}
    elif sc.projects is not None:  # ranked among the projects asked about, none left out
        counts = {p.key: counts.get(p.key, 0) for p in sc.projects}
    elif ask.rank == "min":  # the least reported: every project of the edition, 0 included
        counts = {p.key: counts.get(p.key, 0) for p in store.projects()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1] if ask.rank != "min" else kv[1], kv[0]))
    if query.operation in ("top", "bottom") and query.n:
        chosen = ranked[: query.n]
    else:
        chosen = [kv for kv in ranked if ranked and kv[1] == ranked[0][1]]
    what = sc.conditions() or m.say("record_all", lang)
    if not ranked or (ranked[0][1] == 0 and ask.rank != "min"):
        return _finish(
            Answer(status="ok", title=m.say("record_none", lang, what=what)), query, sc, "rank"
        )
    lines, refs = [], []
    for i, (key, n) in enumerate(chosen, 1):
        if per_person:
            lines.append(
                m.say(
                    "record_rank_row", lang, i=i, name=names[key], count=counted(n, "report", lang)
                )
            )
        else:
            p = store.project(key)
            if p is None:
                continue
            refs.append(p)
            count = counted(n, "report", lang)
            lines.append(m.say("record_rank_row", lang, i=i, name=m.short_ref(p), count=count))
    title_key = (
        "record_rank_"
        + ("people" if per_person else "projects")
        + ("_least" if ask.rank == "min" else "")
    )
    if query.operation in ("top", "bottom") and query.n:
        title_key += "_top"
    result = Answer(
        status="ok",
        title=m.say(title_key, lang, what=what, n=query.n or 1),
        lines=lines,
        projects=project_refs(refs),
        value=Value(amount=chosen[0][1], unit=m.say("record_unit", lang)) if chosen else None,
    )
    result.computed.operations.update(("max", "min", "top", "bottom", "rank", "nth"))
    return _finish(result, query, sc, "rank", *(("owner", "owners") if ask.owners else ()))


def reporters(store: Store, query: Query, sc: Scope) -> Answer:
    """The people who reported in scope, with how many reports and on which projects."""
    lang = sc.lang
    counts = store.report_counts(sc.reports(), "author")
    people = who.known_people(store)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = []
    for author, n in ordered[:MAX_REPORTS]:
        per = store.report_counts(replace(sc.reports(), authors=(author,)), "project")
        on = [p for key in per if (p := store.project(key)) is not None]
        refs = joined(
            (m.entry_project(p.no, p.key) if p.no is not None else p.name for p in on), lang
        )
        name = people[author].name if author in people else author
        count = counted(n, "report", lang)
        lines.append(m.say("record_reporter_row", lang, name=name, count=count, projects=refs))
    what = sc.conditions() or m.say("record_all", lang)
    title = m.say("record_reporters", lang, what=what, people=counted(len(ordered), "person", lang))
    if not ordered:
        title = m.say("record_reporters_none", lang, what=what)
    result = Answer(
        status="ok",
        title=title,
        lines=lines,
        value=Value(amount=len(ordered), unit=m.say("record_people_unit", lang)),
    )
    return _finish(result, query, sc, "reporters")


def grouped(store: Store, query: Query, sc: Scope) -> Answer:
    """How many reports per project, person, department, section or category (部局別の報告件数)."""
    ask = query.record
    lang = sc.lang
    kind = ask.group or "department"
    per_author = kind == "person"
    counts = store.report_counts(sc.reports(), "author" if per_author else "project")
    totals: dict[str, int] = {}
    keys: dict[str, list[str]] = {}
    if per_author:
        people = who.known_people(store)
        for author, n in counts.items():
            totals[people[author].name if author in people else author] = n
    else:
        for key, n in counts.items():
            p = store.project(key)
            if p is None:
                continue
            if kind == "project":
                groups = [m.short_ref(p)]
            elif kind == "department":
                groups = [p.department or m.NOT_PRINTED[lang]]  # a joint project counted once
            else:
                groups = values_of(p, kind) or [m.NOT_PRINTED[lang]]
            for group in groups:
                totals[group] = totals.get(group, 0) + n
                keys.setdefault(group, []).append(key)
    least = ask.rank == "min"
    ordered = sorted(totals.items(), key=lambda kv: (kv[1] if least else -kv[1], kv[0]))
    if ask.rank and ordered:  # 報告が一番多い部局: the first (every one tied), or the top N
        top = ordered[: query.n] if query.n else [kv for kv in ordered if kv[1] == ordered[0][1]]
        ordered = top
    lines = [
        m.say("record_group_row", lang, name=name, count=counted(n, "report", lang))
        for name, n in ordered[: MAX_REPORTS * 2]
    ]
    what = sc.conditions() or m.say("record_all", lang)
    total = sum(counts.values())
    by = m.say(f"record_by_{kind}", lang)
    title = m.say("record_grouped", lang, what=what, by=by, count=counted(total, "report", lang))
    if ask.rank:
        key = "record_group_least" if least else "record_group_most"
        title = m.say(key, lang, what=what, group=m.say(f"record_group_{kind}", lang))
    chosen = (
        [p for key in counts if (p := store.project(key)) is not None] if not per_author else []
    )
    result = Answer(
        status="ok",
        title=title if total else m.say("record_none", lang, what=what),
        lines=lines,
        projects=project_refs(chosen),
        value=Value(amount=total, unit=m.say("record_unit", lang)),
    )
    result.computed.operations.add("group")
    if ask.rank:
        result.computed.operations.update(("max", "min", "rank", "top"))
    result.computed.groups.add((f"by_{kind}", "eq", ""))
    return _finish(result, query, sc, "group", f"group:{kind}")
