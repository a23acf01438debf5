"""One project's fields: budget, owner, period, summary, plan, actual, flags, name, overview."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import messages as m
from bot.answer import plans
from bot.answer.model import Answer, Value
from bot.answer.render import ref, src, unique
from bot.fiscal_year import FiscalYear
from bot.models import Project
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query


def budget_not_stated(p: Project, year: str, lang: str) -> Answer:
    """The roadmap prints one year's budget per edition: another year's is not stated."""
    return Answer(
        status="not_stated",
        title=m.say(
            "budget_year_not_stated",
            lang,
            ref=m.project_ref(p, lang),
            year=year,
            printed=label_of(p.edition),
        ),
        projects=[ref(p)],
        sources=[src(p, "budget")],
    )


def _budget(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    printed = label_of(p.edition)
    if query.year and FiscalYear.parse(query.year) != FiscalYear.parse(printed):
        return budget_not_stated(p, query.year, lang)
    note = f"（{_breakdown(p.budget_note, lang)}）" if p.budget_note else ""
    said = Answer(
        status="ok",
        title=m.say(
            "budget_is",
            lang,
            ref=m.project_ref(p, lang),
            edition=p.edition,
            money=m.money(p.budget_thousand_yen, lang, query.unit),
            note=note,
        ),
        value=Value(amount=p.budget_thousand_yen, unit=m.say("unit_thousand_yen", lang)),
        sources=[src(p, "budget")],
    )
    # 「3,731千円って、内訳は？」: the amount said is the one answered (a part of it is not).
    said.computed.amounts.add(p.budget_thousand_yen)
    return said


def _breakdown(note: str, lang: str) -> str:
    """A budget note that adds parts (県法2,207+監察1,524) said with its unit on each part."""
    parts = re.findall(r"([^\d+＋,、]+?)\s*(\d[\d,]*)", note)
    if len(parts) < 2 or not re.search(r"[+＋]", note):
        return note
    unit = m.say("unit_thousand_yen", lang)
    joined = " + ".join(
        f"{label.strip()} {amount}{'' if lang == 'ja' else ' '}{unit}" for label, amount in parts
    )
    return m.say("budget_breakdown", lang, parts=joined)


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
        sources=[src(p, "sections")],
    )


def _period(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    asks_end, asks_start = "end" in query.fields, "start" in query.fields
    sources = unique([src(p, "start"), src(p, "end")] if p.end else [src(p, "start")])
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
    lines = []
    if "duration" in query.fields:
        # 何年間 / how many fiscal years: start to end, both counted (R3〜R10 is 8).
        start, end = FiscalYear.try_parse(p.start or ""), FiscalYear.try_parse(p.end or "")
        if not (start and end):
            return Answer(
                status="not_stated",
                title=m.say("duration_unknown", lang, names=m.short_ref(p)),
                sources=sources,
            )
        lines.append(m.say("fiscal_years_long", lang, n=end.western - start.western + 1))
    result = Answer(status="ok", title=title, lines=lines, sources=sources)
    if lines:
        result.computed.operations.add("count")  # how many years: the years counted
        result.computed.fields.add("duration")
    return result


def _summary(store: Store, p: Project, query: Query) -> Answer:
    return Answer(
        status="ok",
        title=m.say("summary_is", query.lang, ref=m.project_ref(p, query.lang)),
        lines=[p.summary],
        sources=[src(p, "summary")],
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
                sources=[src(p)],
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
        projects=[ref(p)] if holder is p else [ref(p), ref(holder)],
        sources=[src(holder, "priority_frame")],
    )


def _category(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    return Answer(
        status="ok",
        title=m.say(
            "category_is",
            lang,
            ref=m.project_ref(p, lang),
            category=p.category or m.NOT_PRINTED[lang],
            field=p.field or m.NOT_PRINTED[lang],
        ),
        sources=[src(p, "category")],
    )


def _name(store: Store, p: Project, query: Query) -> Answer:
    return Answer(
        status="ok",
        title=m.say("name_is", query.lang, ref=m.project_ref(p, query.lang)),
        sources=[src(p, "name")],
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
    return Answer(status="ok", title=m.project_ref(p, lang), lines=lines, sources=[src(p)])


FIELD_ANSWERS: dict[str, Callable[[Store, Project, Query], Answer]] = {
    "budget": _budget,
    "owner": _owner,
    "period": _period,
    "summary": _summary,
    "plan": plans.plan,
    "actual": plans.actual,
    "flags": _flags,
    "name": _name,
    "category": _category,
    "start": _period,
    "end": _period,
    "duration": _period,
    "overview": _overview,
}
