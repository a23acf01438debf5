"""Answering: Query + store → Answer (data, never just a string).

Every number and text in an answer is read from the store; when the document prints no
value the answer says so (status not_stated) instead of filling one in.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from bot import messages as m
from bot.fiscal_year import FiscalYear
from bot.models import Project, budget_change
from bot.resolve import Match, Resolution, judge, match_names, resolve
from bot.store import Store
from bot.text import compact
from bot.understand import BudgetFilter, Query, YearFilter, understand

Status = Literal["ok", "not_found", "not_stated", "ambiguous", "clarify"]
MAX_LIST = 40  # rows an answer lists before it says "…and N more"


class ProjectRef(BaseModel):
    """Which project an answer is about."""

    edition: str
    no: int | None
    name: str


class SourceRef(BaseModel):
    """Where a fact of the answer was printed."""

    file: str
    line: int
    edition: str
    no: int | None = None


class Value(BaseModel):
    """The number asked for, with its unit."""

    amount: int | float
    unit: str


class Answer(BaseModel):
    """A reply as data: status, text, the projects, the value, its sources, suggestions."""

    status: Status
    text: str = ""
    projects: list[ProjectRef] = Field(default_factory=list)
    value: Value | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    # For chat renderers: the heading and the fact lines the text is made of.
    title: str = Field(default="", exclude=True)
    lines: list[str] = Field(default_factory=list, exclude=True)
    more: int = Field(default=0, exclude=True)
    lang: str = Field(default="ja", exclude=True)

    def public(self) -> dict:
        """Exactly the documented keys, for --json and APIs."""
        return self.model_dump(mode="json")


def ask(store: Store, text: str) -> Answer:
    """Understand and answer one question."""
    return answer(store, understand(text))


def answer(store: Store, query: Query) -> Answer:
    """Answer a structured query from the store; never raises for user input."""
    lang = query.lang
    if query.intent in ("empty", "help"):
        return _clarify(lang)
    if not store.editions():
        return _finish(Answer(status="not_found", title=m.say("empty_store", lang)), lang)
    handler: dict[str, Callable[[Store, Query], Answer]] = {
        "compare": _compare,
        "aggregate": _aggregate,
        "list": _list,
        "search": _search,
        "fact": _fact,
    }
    result = handler[query.intent](store, query)
    result.lang = lang
    # #14: an answer drawn from a draft edition (（案）) says so.
    drafts = {s.edition for s in result.sources if s.edition and store.is_draft(s.edition, s.no)}
    result.lines += [m.say("draft_note", lang, edition=code) for code in sorted(drafts)]
    return _finish(result, lang)


# -- helpers --------------------------------------------------------------------------------


def _ref(p: Project) -> ProjectRef:
    return ProjectRef(edition=p.edition, no=p.no, name=p.name)


def _src(p: Project, field_name: str = "") -> SourceRef:
    line = p.achievements_line if field_name == "achievements" else p.line_of(field_name)
    return SourceRef(file=p.source.file, line=line or p.source.line, edition=p.edition, no=p.no)


def _finish(a: Answer, lang: str) -> Answer:
    """Compose the text: title, lines, '…and N more', then the sources."""
    a.lang = lang
    parts = [a.title] if a.title else []
    parts += a.lines
    if a.more:
        parts.append(m.say("and_more", lang, n=a.more))
    if a.suggestions and a.status in ("not_found", "ambiguous", "clarify"):
        parts.append(m.say("suggestions", lang) + " " + " / ".join(a.suggestions))
    if a.sources:
        parts.append(m.sources_line(a.sources, lang))
    a.text = "\n".join(parts)
    return a


def _clarify(lang: str) -> Answer:
    return _finish(
        Answer(
            status="clarify",
            title=m.say("help_title", lang),
            lines=m.help_lines(lang),
            suggestions=m.examples(lang),
        ),
        lang,
    )


def _edition_for(store: Store, query: Query) -> str | None:
    """The edition a question is about: named, else the one with the R6 flags, else the latest."""
    codes = [e.code for e in store.editions()]
    named = store.edition_code(query.edition) if query.edition else None
    if named:
        return named
    if "flags" in query.fields:
        flagged = [c for c in codes if any(p.priority_frame is not None for p in store.projects(c))]
        if flagged:
            return flagged[-1]
    return store.latest_edition()


def _find_project(store: Store, query: Query) -> Resolution:
    """The project a question is about: its number, else its name in any edition."""
    edition = _edition_for(store, query)
    if query.project_no is not None:
        projects = [p for p in store.projects(edition) if p.no == query.project_no]
        if not projects and not query.edition:
            # An unnumbered older edition: look in the newest edition that numbers its projects.
            projects = [p for p in store.projects() if p.no == query.project_no]
        return (
            Resolution("ok", [Match(projects[0], 100, "number")])
            if projects
            else Resolution("not_found")
        )
    if not query.subject:
        return Resolution("not_found")
    best = resolve(store, query.subject, edition)
    if (best.status == "ok" and best.matches[0].score >= 100) or query.edition:
        return best
    # A name printed only in another edition ("へき地オンライン診療支援対策事業" is R6's name).
    for other in (e.code for e in reversed(store.editions())):
        if other == edition:
            continue
        # Only an exact or near-whole name can beat the latest edition (>= 95): skip fuzzy scoring.
        alt = judge(
            [
                x
                for x in match_names(store.projects(other), query.subject, fuzzy=False)
                if x.score > 0
            ]
        )
        top_alt = alt.matches[0].score if alt.matches else 0
        top_best = best.matches[0].score if best.matches else 0
        if alt.status == "ok" and top_alt >= 95 and top_alt > top_best:
            return alt
    return best


def _group_match(store: Store, edition: str | None, subject: str | None) -> tuple[str, str] | None:
    """A department, section, category or field the subject names: (kind, value)."""
    if not subject:
        return None
    needle = compact(subject)
    if len(needle) < 2:
        return None
    projects = store.projects(edition)
    for kind in ("department", "section", "category", "field"):
        values = {v for p in projects for v in _group_values(p, kind)}
        exact = [v for v in values if compact(v) == needle]
        if exact:
            return kind, exact[0]
        partial = sorted(v for v in values if needle in compact(v) and len(needle) >= 2)
        if len(partial) == 1 or (partial and kind != "section"):
            return kind, partial[0] if len(partial) == 1 else needle
    return None


def _group_values(p: Project, kind: str) -> list[str]:
    if kind == "section":
        return p.sections
    value = getattr(p, kind)
    return [value] if value else []


def _in_group(p: Project, kind: str, value: str) -> bool:
    return any(compact(value) in compact(v) for v in _group_values(p, kind))


def _year_ok(p: Project, f: YearFilter) -> bool:
    printed = p.start if f.field == "start" else p.end
    if f.year is None:
        return printed in (None, "未定")
    have = FiscalYear.try_parse(printed)
    if have is None:
        return False
    want = FiscalYear.parse(f.year)
    return _compare_op(have.western, f.op, want.western)


def _compare_op(a: float, op: str, b: float) -> bool:
    return {
        "lt": a < b,
        "le": a <= b,
        "eq": a == b,
        "ge": a >= b,
        "gt": a > b,
    }[op]


def _budget_ok(p: Project, f: BudgetFilter) -> bool:
    return _compare_op(p.budget_thousand_yen, f.op, f.thousand_yen)


def _filtered(store: Store, query: Query, edition: str | None) -> tuple[list[Project], list[str]]:
    """Projects passing every filter of the query, and the filters in words."""
    projects = list(store.projects(edition))
    said = []
    for f in query.year_filters:
        projects = [p for p in projects if _year_ok(p, f)]
        said.append(m.year_filter_words(f.field, f.op, f.year, query.lang))
    if query.budget_filter:
        projects = [p for p in projects if _budget_ok(p, query.budget_filter)]
        said.append(
            m.budget_filter_words(
                query.budget_filter.op, query.budget_filter.thousand_yen, query.lang
            )
        )
    group = _group_match(store, edition, query.subject)
    if group:
        projects = [p for p in projects if _in_group(p, *group)]
        said.append(group[1])
    return sorted(projects, key=lambda p: (p.no is None, p.no or 0, p.position)), said


def _figure(p: Project, query: Query) -> str:
    """The figure a list shows for each project: the one that was asked for."""
    lang = query.lang
    if (
        "budget" in query.fields
        or query.budget_filter
        or query.aggregate in ("sum", "avg", "max", "min", "top")
    ):
        return m.money(p.budget_thousand_yen, lang)
    if "owner" in query.fields:
        return f"{p.department or ''} {'、'.join(p.sections)}".strip()
    if query.year_filters:
        fields = {f.field for f in query.year_filters}
        if fields == {"start"}:
            return f"{m.label('start', lang)} {p.start or m.NOT_PRINTED[lang]}"
        return m.period(p.start, p.end, lang)
    return m.money(p.budget_thousand_yen, lang)


def _list_lines(projects: list[Project], query: Query) -> tuple[list[str], int]:
    lines = [f"・{m.short_ref(p)}：{_figure(p, query)}" for p in projects[:MAX_LIST]]
    return lines, max(0, len(projects) - MAX_LIST)


def _figure_field(query: Query) -> str:
    if "budget" in query.fields or query.budget_filter or query.aggregate:
        return "budget"
    if "owner" in query.fields:
        return "department"
    if query.year_filters:
        return "end" if any(f.field == "end" for f in query.year_filters) else "start"
    return "budget"


# -- lists and aggregates -------------------------------------------------------------------


def _list(store: Store, query: Query) -> Answer:
    edition = _edition_for(store, query)
    projects, said = _filtered(store, query, edition)
    lang = query.lang
    if not said and query.subject:
        return _fact(store, query)
    title = m.say(
        "list_title",
        lang,
        edition=m.edition_name(edition, lang),
        what="・".join(said),
        n=len(projects),
    )
    if not projects:
        return Answer(status="ok", title=title, lines=[m.say("none_match", lang)])
    lines, more = _list_lines(projects, query)
    field_name = _figure_field(query)
    return Answer(
        status="ok",
        title=title,
        lines=lines,
        more=more,
        projects=[_ref(p) for p in projects],
        value=Value(amount=len(projects), unit=m.say("unit_count", lang)),
        sources=[_src(p, field_name) for p in projects],
    )


def _aggregate(store: Store, query: Query) -> Answer:
    edition = _edition_for(store, query)
    projects, said = _filtered(store, query, edition)
    lang = query.lang
    scope = m.say("scope", lang, edition=m.edition_name(edition, lang), what="・".join(said))
    if not projects:
        return Answer(status="ok", title=scope, lines=[m.say("none_match", lang)])
    sources = [_src(p, "budget") for p in projects]
    budgets = [p.budget_thousand_yen for p in projects]
    unit = m.say("unit_thousand_yen", lang)
    if query.group_by:
        groups: dict[str, list[Project]] = defaultdict(list)
        for p in projects:
            for key in _group_values(p, query.group_by) or [m.NOT_PRINTED[lang]]:
                groups[key].append(p)
        counting = query.aggregate == "count" or (
            "budget" not in query.fields and not query.aggregate
        )
        rows = sorted(
            groups.items(),
            key=lambda kv: -(len(kv[1]) if counting else sum(p.budget_thousand_yen for p in kv[1])),
        )
        lines = [
            f"・{key}："
            + (
                m.say("n_projects", lang, n=len(ps))
                if counting
                else f"{m.money(sum(p.budget_thousand_yen for p in ps), lang)}（{m.say('n_projects', lang, n=len(ps))}）"
            )
            for key, ps in rows
        ]
        title = m.say("group_title", lang, scope=scope, by=m.say(f"by_{query.group_by}", lang))
        return Answer(
            status="ok",
            title=title,
            lines=lines,
            projects=[_ref(p) for p in projects],
            sources=sources,
        )
    kind = query.aggregate or "sum"
    if kind == "count":
        return Answer(
            status="ok",
            title=m.say("count_is", lang, scope=scope, n=len(projects)),
            value=Value(amount=len(projects), unit=m.say("unit_count", lang)),
            lines=_list_lines(projects, query)[0][:MAX_LIST],
            more=max(0, len(projects) - MAX_LIST),
            projects=[_ref(p) for p in projects],
            sources=sources,
        )
    if kind == "sum":
        total = sum(budgets)
        return Answer(
            status="ok",
            title=m.say("sum_is", lang, scope=scope, money=m.money(total, lang), n=len(projects)),
            value=Value(amount=total, unit=unit),
            projects=[_ref(p) for p in projects],
            sources=sources,
        )
    if kind == "avg":
        mean = round(statistics.mean(budgets), 1)
        return Answer(
            status="ok",
            title=m.say(
                "avg_is", lang, scope=scope, money=m.money(round(mean), lang), n=len(projects)
            ),
            value=Value(amount=mean, unit=unit),
            projects=[_ref(p) for p in projects],
            sources=sources,
        )
    ranked = sorted(projects, key=lambda p: (-p.budget_thousand_yen, p.no or 0))
    if kind == "min":
        ranked = list(reversed(ranked))
    n = query.top_n or 1
    top = ranked[: max(1, min(n, MAX_LIST))]
    title_key = {"max": "max_is", "min": "min_is", "top": "top_is"}[kind]
    return Answer(
        status="ok",
        title=m.say(title_key, lang, scope=scope, n=len(top)),
        lines=[
            f"{i}. {m.short_ref(p)}：{m.money(p.budget_thousand_yen, lang)}"
            for i, p in enumerate(top, 1)
        ],
        value=Value(amount=top[0].budget_thousand_yen, unit=unit) if len(top) == 1 else None,
        projects=[_ref(p) for p in top],
        sources=[_src(p, "budget") for p in top],
    )


# -- one project ----------------------------------------------------------------------------


def _fact(store: Store, query: Query) -> Answer:
    lang = query.lang
    resolution = _find_project(store, query)
    if resolution.status == "ok":
        return _project_answer(store, resolution.matches[0].project, query)
    if resolution.status == "ambiguous":
        return _ambiguous(resolution, query)
    edition = _edition_for(store, query)
    if query.project_no is None:
        if _group_match(store, edition, query.subject):
            return _list(store, query.model_copy(update={"intent": "list"}))
        found = _search(store, query, quiet=True)
        if found.status == "ok":
            return found
    if query.project_no is None and not query.subject:
        return _clarify_project(query)
    best = resolution.matches[0].score if resolution.matches else 0
    if query.project_no is None and not query.fields and best < 50:
        return _clarify(lang)  # nothing recognised and nothing close: say what can be asked
    what = f"No{query.project_no}" if query.project_no is not None else query.subject
    suggestions = [m.short_ref(x.project) for x in resolution.matches[:3] if x.score >= 40]
    return Answer(
        status="not_found",
        title=m.say("not_found", lang, what=what, edition=m.edition_name(edition, lang)),
        suggestions=suggestions,
    )


def _clarify_project(query: Query) -> Answer:
    lang = query.lang
    return Answer(
        status="clarify",
        title=m.say("which_project", lang),
        lines=m.help_lines(lang)[:2],
        suggestions=m.examples(lang)[:3],
    )


def _ambiguous(resolution: Resolution, query: Query) -> Answer:
    lang = query.lang
    projects = [x.project for x in resolution.matches]
    return Answer(
        status="ambiguous",
        title=m.say("ambiguous", lang, what=query.subject),
        lines=[f"・{m.short_ref(p)}" for p in projects],
        projects=[_ref(p) for p in projects],
        suggestions=[f"No{p.no}" if p.no is not None else p.name for p in projects],
    )


def _project_answer(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    fields = query.fields or ["overview"]
    answers = [FIELD_ANSWERS[f](store, p, query) for f in fields if f in FIELD_ANSWERS]
    if not answers:
        answers = [_overview(store, p, query)]
    if len(answers) == 1:
        result = answers[0]
    else:
        result = Answer(
            status="ok" if all(a.status == "ok" for a in answers) else "not_stated",
            title=m.project_ref(p, lang),
            lines=[line for a in answers for line in [a.title, *a.lines] if line],
            sources=[s for a in answers for s in a.sources],
        )
    result.projects = result.projects or [_ref(p)]
    if not result.sources:
        result.sources = [_src(p)]
    return result


def _budget(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    note = f"（{p.budget_note}）" if p.budget_note else ""
    return Answer(
        status="ok",
        title=m.say(
            "budget_is",
            lang,
            ref=m.project_ref(p, lang),
            edition=p.edition,
            money=m.money(p.budget_thousand_yen, lang),
            note=note,
        ),
        value=Value(amount=p.budget_thousand_yen, unit=m.say("unit_thousand_yen", lang)),
        sources=[_src(p, "budget")],
    )


def _owner(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    sections = "、".join(p.sections) if lang == "ja" else ", ".join(p.sections)
    return Answer(
        status="ok",
        title=m.say(
            "owner_is",
            lang,
            ref=m.project_ref(p, lang),
            department=p.department or m.NOT_PRINTED[lang],
            sections=sections or m.NOT_PRINTED[lang],
        ),
        sources=[_src(p, "sections")],
    )


def _period(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    raw = query.raw.lower()
    asks_end = bool(re.search(r"いつまで|終期|終わ|終了|until|end|finish", raw))
    asks_start = bool(re.search(r"いつから|始期|始ま|開始|start|begin|since", raw))
    sources = _unique([_src(p, "start"), _src(p, "end")] if p.end else [_src(p, "start")])
    if asks_end and not asks_start and p.end is None:
        return Answer(
            status="not_stated",
            title=m.say(
                "end_not_stated",
                lang,
                ref=m.project_ref(p, lang),
                start=p.start or m.NOT_PRINTED[lang],
            ),
            sources=sources,
        )
    if asks_start and not asks_end and p.start is None:
        return Answer(
            status="not_stated",
            title=m.say("start_not_stated", lang, ref=m.project_ref(p, lang)),
            sources=sources,
        )
    if asks_start and not asks_end:
        title = m.say("start_is", lang, ref=m.project_ref(p, lang), start=p.start)
    elif asks_end and not asks_start:
        end = m.UNDECIDED[lang] if p.end == "未定" else p.end
        title = m.say("end_is", lang, ref=m.project_ref(p, lang), end=end)
    else:
        period = m.period(p.start, p.end, lang)
        title = m.say("period_is", lang, ref=m.project_ref(p, lang), period=period)
    return Answer(status="ok", title=title, sources=sources)


def _summary(store: Store, p: Project, query: Query) -> Answer:
    return Answer(
        status="ok",
        title=m.say("summary_is", query.lang, ref=m.project_ref(p, query.lang)),
        lines=[p.summary],
        sources=[_src(p, "summary")],
    )


def _plan(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    lines, sources = [], []
    for number, initiative in enumerate(p.initiatives, 1):
        for year, cell in initiative.years.items():
            if cell.plan and (
                query.year is None or FiscalYear.parse(year) == FiscalYear.parse(query.year)
            ):
                lines.append(
                    f"・{year} {m.initiative_name(initiative.label, number, lang)}：{cell.plan}"
                )
                sources.append(
                    SourceRef(
                        file=initiative.source.file,
                        line=initiative.source.line,
                        edition=p.edition,
                        no=p.no,
                    )
                )
    return _listing(p, query, lines, sources, "plan")


def _actual(store: Store, p: Project, query: Query) -> Answer:
    """The document's 実績 and 主な取組実績, then chat entries with who and when."""
    lang = query.lang
    # The document's own text first, then what was reported in chat, each in order.
    entries = sorted(
        store.counted_entries(p.key), key=lambda e: (e.platform != "document", e.id or 0)
    )
    if query.year:
        want = FiscalYear.parse(query.year)
        entries = [e for e in entries if e.fiscal_year and FiscalYear.parse(e.fiscal_year) == want]
    lines, sources = [], []
    for e in entries:
        lines.append(m.entry_fact(e, lang))
        if e.source_file and e.source_line:
            sources.append(
                SourceRef(file=e.source_file, line=e.source_line, edition=p.edition, no=p.no)
            )
    return _listing(p, query, lines, sources, "actual")


def _listing(
    p: Project, query: Query, lines: list[str], sources: list[SourceRef], kind: str
) -> Answer:
    """Plan or actual lines for a year, or 'not stated' when the record has none."""
    lang, year = query.lang, query.year or ""
    ref = m.project_ref(p, lang)
    if not lines:
        return Answer(
            status="not_stated",
            title=m.say(f"{kind}_not_stated", lang, ref=ref, year=year),
            sources=[_src(p)],
        )
    return Answer(
        status="ok",
        title=m.say(f"{kind}_is", lang, ref=ref, year=year),
        lines=lines,
        sources=_unique(sources) or [_src(p)],
    )


def _flags(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    holder = p
    if p.priority_frame is None:
        older = [store.project(link.older) for link in store.predecessors(p.key)]
        older = [o for o in older if o and o.priority_frame is not None]
        if not older:
            return Answer(
                status="not_stated",
                title=m.say("flags_not_in_edition", lang, ref=m.project_ref(p, lang)),
                sources=[_src(p)],
            )
        holder = older[0]
    return Answer(
        status="ok",
        title=m.say(
            "flags_are",
            lang,
            ref=m.project_ref(holder, lang),
            priority=m.flag(holder.priority_frame, lang),
            future=m.flag(holder.future_response, lang),
        ),
        projects=[_ref(p)] if holder is p else [_ref(p), _ref(holder)],
        sources=[_src(holder, "priority_frame")],
    )


def _name(store: Store, p: Project, query: Query) -> Answer:
    return Answer(
        status="ok",
        title=m.say("name_is", query.lang, ref=m.project_ref(p, query.lang)),
        sources=[_src(p, "name")],
    )


def _overview(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    lines = [
        f"{m.label('department', lang)}: {p.department or m.NOT_PRINTED[lang]} {'、'.join(p.sections)}",
        f"{m.label('budget', lang)}: {m.money(p.budget_thousand_yen, lang)}"
        + (f"（{p.budget_note}）" if p.budget_note else ""),
        f"{m.label('start', lang)}–{m.label('end', lang)}: {m.period(p.start, p.end, lang)}",
        f"{m.label('summary', lang)}: {p.summary}",
    ]
    return Answer(status="ok", title=m.project_ref(p, lang), lines=lines, sources=[_src(p)])


FIELD_ANSWERS: dict[str, Callable[[Store, Project, Query], Answer]] = {
    "budget": _budget,
    "owner": _owner,
    "period": _period,
    "summary": _summary,
    "plan": _plan,
    "actual": _actual,
    "flags": _flags,
    "name": _name,
    "overview": _overview,
}


def _unique(sources: list[SourceRef]) -> list[SourceRef]:
    seen, out = set(), []
    for s in sources:
        key = (s.file, s.line)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# -- editions -------------------------------------------------------------------------------


def _compare(store: Store, query: Query) -> Answer:
    lang = query.lang
    kind = query.comparison
    if kind == "renamed":
        links = [k for k in store.links() if k.renamed]
        lines, sources, renamed = [], [], []
        for k in links:
            old, new = store.project(k.older), store.project(k.newer)
            if old and new:
                renamed += [p for p in (old, new) if p not in renamed]
                lines.append(
                    f"・{m.short_ref(old)} → {m.short_ref(new)}"
                    f"（{m.evidence_words(k.evidence, lang)}）"
                )
                sources += [_src(old, "name"), _src(new, "name")]
        return Answer(
            status="ok",
            title=m.say("renamed_title", lang, n=len(lines)),
            lines=lines,
            projects=[_ref(p) for p in renamed],  # both sides of each rename (#17)
            sources=_unique(sources),
        )
    if kind == "dropped":
        codes = [e.code for e in store.editions()]
        if len(codes) < 2:
            return Answer(status="not_stated", title=m.say("one_edition", lang))
        older, newer = codes[-2], codes[-1]
        linked = {k.older for k in store.links()}
        dropped = [p for p in store.projects(older) if p.key not in linked]
        return Answer(
            status="ok",
            title=m.say("dropped_title", lang, older=older, newer=newer, n=len(dropped)),
            lines=[f"・{m.short_ref(p)}（{m.period(p.start, p.end, lang)}）" for p in dropped],
            projects=[_ref(p) for p in dropped],
            sources=[_src(p, "name") for p in dropped],
        )
    resolution = _find_project(store, query)
    if resolution.status == "ambiguous":
        return _ambiguous(resolution, query)
    if resolution.status != "ok":
        if kind == "budget" and query.project_no is None and not query.subject:
            return _edition_totals(store, query)
        return _fact(store, query)
    p = resolution.matches[0].project
    if kind == "successor":
        return _linked(store, p, query, successors=True)
    if kind == "predecessor":
        return _linked(store, p, query, successors=False)
    return _changes(store, p, query, budget_only=kind == "budget")


def _linked(store: Store, p: Project, query: Query, successors: bool) -> Answer:
    lang = query.lang
    links = store.successors(p.key) if successors else store.predecessors(p.key)
    others = [(store.project(k.newer if successors else k.older), k) for k in links]
    others = [(o, k) for o, k in others if o]
    key = "successor" if successors else "predecessor"
    if not others:
        return Answer(
            status="not_stated",
            title=m.say(f"no_{key}", lang, ref=m.project_ref(p, lang)),
            projects=[_ref(p)],
            sources=[_src(p, "name")],
        )
    return Answer(
        status="ok",
        title=m.say(f"{key}_title", lang, ref=m.project_ref(p, lang)),
        lines=[f"・{m.short_ref(o)}（{m.evidence_words(k.evidence, lang)}）" for o, k in others],
        projects=[_ref(p)] + [_ref(o) for o, _ in others],
        sources=[_src(p, "name")] + [_src(o, "name") for o, _ in others],
    )


def _pair(store: Store, p: Project) -> tuple[Project, Project] | None:
    """(older, newer) versions of a project across editions."""
    older = [store.project(k.older) for k in store.predecessors(p.key)]
    if older and older[0]:
        return older[0], p
    newer = [store.project(k.newer) for k in store.successors(p.key)]
    if newer and newer[0]:
        return p, newer[0]
    return None


def _changes(store: Store, p: Project, query: Query, budget_only: bool) -> Answer:
    lang = query.lang
    pair = _pair(store, p)
    if pair is None:
        return Answer(
            status="not_stated",
            title=m.say("no_other_edition", lang, ref=m.project_ref(p, lang)),
            projects=[_ref(p)],
            sources=[_src(p)],
        )
    old, new = pair
    diff, pct = budget_change(old, new)
    lines = [m.budget_change(old, new, diff, pct, lang)]
    if not budget_only:
        if compact(old.name) != compact(new.name):
            lines.append(
                m.say("changed", lang, what=m.label("name", lang), old=old.name, new=new.name)
            )
        for key in ("start", "end", "department", "category"):
            a, b = getattr(old, key), getattr(new, key)
            if a != b:
                lines.append(
                    m.say(
                        "changed",
                        lang,
                        what=m.label(key, lang),
                        old=a or m.NOT_PRINTED[lang],
                        new=b or m.NOT_PRINTED[lang],
                    )
                )
        if old.sections != new.sections:
            lines.append(
                m.say(
                    "changed",
                    lang,
                    what=m.label("sections", lang),
                    old="、".join(old.sections),
                    new="、".join(new.sections),
                )
            )
        lines.append(
            m.say(
                "summary_same"
                if compact(old.summary) == compact(new.summary)
                else "summary_changed",
                lang,
            )
        )
    return Answer(
        status="ok",
        title=m.say("changes_title", lang, old=m.short_ref(old), new=m.short_ref(new)),
        lines=lines,
        value=Value(amount=diff, unit=m.say("unit_thousand_yen", lang)),
        projects=[_ref(old), _ref(new)],
        sources=[_src(old, "budget"), _src(new, "budget")],
    )


def _edition_totals(store: Store, query: Query) -> Answer:
    lang = query.lang
    lines = []
    for e in store.editions():
        total = sum(p.budget_thousand_yen for p in store.projects(e.code))
        lines.append(
            f"・{m.edition_name(e.code, lang)}：{m.money(total, lang)}（{m.say('n_projects', lang, n=e.projects)}）"
        )
    return Answer(status="ok", title=m.say("edition_totals", lang), lines=lines)


# -- full text ------------------------------------------------------------------------------


def _search(store: Store, query: Query, quiet: bool = False) -> Answer:
    lang = query.lang
    terms = query.search_terms or ([query.subject] if query.subject else [])
    scored: dict[tuple, list] = {}
    for term in terms:
        for hit in store.search(term, limit=50):
            key = (hit.project_key, hit.kind, hit.ref)
            scored.setdefault(key, [hit, set()])[1].add(term)
    if not scored:
        if quiet:
            return Answer(status="not_found")
        return Answer(
            status="not_found",
            title=m.say("search_none", lang, what=" ".join(terms)),
            suggestions=m.examples(lang)[:3],
        )
    ranks = {e.code: i for i, e in enumerate(store.editions())}  # newer editions first
    unique: dict[tuple, list] = {}
    for hit, matched in scored.values():  # the same text in five year cells is one finding
        unique.setdefault((hit.project_key, hit.kind, hit.text), [hit, matched])
    ranked = sorted(
        unique.values(),
        key=lambda v: (
            -len(v[1]),
            KIND_RANK.get(v[0].kind, 9),
            -ranks.get(v[0].edition, -1),
            v[0].project_key,
        ),
    )
    lines, sources, projects = [], [], []
    for hit, matched in ranked[:5]:
        p = store.project(hit.project_key)
        if p is None:
            continue
        quote = m.quote(hit.text, sorted(matched, key=len, reverse=True)[0])
        lines.append(f"・{m.short_ref(p)}：「{quote}」（{m.say('kind_' + hit.kind, lang)}）")
        line = hit.source_line or p.source.line
        sources.append(SourceRef(file=p.source.file, line=line, edition=p.edition, no=p.no))
        if _ref(p) not in projects:
            projects.append(_ref(p))
    return Answer(
        status="ok",
        title=m.say("search_title", lang, what=" ".join(terms)),
        lines=lines,
        more=max(0, len(ranked) - 5),
        projects=projects,
        sources=_unique(sources),
    )


# What was done answers "where/how many" better than what was planned.
KIND_RANK = {"entry": 0, "achievement": 0, "actual": 1, "summary": 2, "initiative": 3, "plan": 4}
