"""The same filters in both editions (#23 item 3): any group's projects counted and totalled
in each edition side by side with the differences, each project with what it is in the other
edition; every department (section, category) of both editions side by side (部局別)."""

from __future__ import annotations

from dataclasses import replace

from bot import messages as m
from bot.answer.across import across, kinds_of, said
from bot.answer.across_lines import totals_lines
from bot.answer.across_row import Across
from bot.answer.model import Answer, Value
from bot.answer.render import ref, src
from bot.answer.selection import Selection, computed_of, scope, select, values_of
from bot.models import Project
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query
from bot.vocabulary import normalise

MAX_ROWS = 40  # project rows a side-by-side shows before it only counts


def per_edition(store: Store, query: Query, pair: tuple[str, str]) -> Answer:
    """The filters' projects in each edition: how many, their total, each project with its
    budget (and its owner when asked, and what it is in the other edition), the differences."""
    lang = query.lang
    older, newer = pair
    kinds = kinds_of(store)
    chosen = [select(store, replace(query), code) for code in pair]
    owner = "owner" in query.fields
    lines: list[str] = []
    for sel in chosen:
        total = sum(p.budget_thousand_yen for p in sel.projects)
        row = m.say("across_edition_row", lang, scope=scope(sel, lang), money=m.money(total, lang))
        lines.append("・" + row)
        lines += _spellings(sel, lang)
        other = newer if sel.edition == older else older
        for p in sel.projects[:MAX_ROWS] if sel.filters else []:  # the whole roadmap: counts
            row = across(store, p, other, kinds)
            lines.append(
                f"　・{m.short_ref(p)}：{m.money(p.budget_thousand_yen, lang)}"
                f"{_owner(p, lang) if owner else ''}{_status(row, lang)}"
            )
        lines += [
            m.say(
                "value_not_in_edition",
                lang,
                value=str(f.value),
                edition=m.edition_name(sel.edition, lang),
            )
            for f in sel.absent
        ]
    counts = [len(s.projects) for s in chosen]
    lines.append(
        m.say(
            "across_count_difference",
            lang,
            older=label_of(older),
            newer=label_of(newer),
            a=counts[0],
            b=counts[1],
            d=f"{counts[1] - counts[0]:+d}",
        )
    )
    before, after = (sum(p.budget_thousand_yen for p in s.projects) for s in chosen)
    lines += totals_lines(before, after, older, newer, lang)[2:]
    every = [p for s in chosen for p in s.projects]
    answer = Answer(
        status="ok",
        title=m.say("per_edition_title", lang),
        lines=lines,
        projects=[ref(p) for p in every],
        value=Value(amount=after - before, unit=m.say("unit_thousand_yen", lang)),
        sources=[src(p, "budget") for p in every],
    )
    answer.computed = said(pair, ["budget", *(["department", "sections"] if owner else [])], query)
    for s in chosen:
        answer.computed.merge(computed_of(s))
    answer.computed.operations.update(("count", "sum", "ratio"))
    return answer


def _spellings(sel: Selection, lang: str) -> list[str]:
    """A department or section the edition prints another way (障害福祉課 / 障がい福祉課)."""
    lines = []
    for f in sel.filters:
        if f.kind not in ("department", "section") or f.op != "eq":
            continue
        want = normalise(str(f.value))
        printed = {v for p in sel.projects for v in values_of(p, f.kind) if normalise(v) == want}
        for value in sorted(printed - {str(f.value)}):
            lines.append(m.say("across_spelling", lang, edition=label_of(sel.edition), value=value))
    return lines


def _owner(p: Project, lang: str) -> str:
    who = f"{p.department or ''} {'、'.join(p.sections)}".strip()
    return f"（{who}）" if lang == "ja" else f" ({who})"


def _status(row: Across, lang: str) -> str:
    """What a project is in the other edition, in a few words."""
    others = "、".join(f"No{o.no}" if o.no is not None else o.name for o in row.others)
    if row.kind == "absent":
        key = "across_status_ended" if row.later else "across_status_new"
    else:
        key = f"across_status_{row.kind}" + ("" if row.later else "_back")
    return m.say(key, lang, others=others, other=m.edition_name(row.other, lang))


def by_group(store: Store, query: Query, pair: tuple[str, str]) -> Answer:
    """Each department (section, category) in both editions: count and total side by side."""
    lang = query.lang
    older, newer = pair
    kind = query.group_by or "department"
    chosen = [select(store, replace(query), code) for code in pair]
    tables: list[dict[str, list[Project]]] = []
    for sel in chosen:
        groups: dict[str, list[Project]] = {}
        for p in sel.projects:
            keys = [p.department] if kind == "department" and p.department else values_of(p, kind)
            for key in keys or [m.NOT_PRINTED[lang]]:
                groups.setdefault(key, []).append(p)
        tables.append(groups)
    order = list(dict.fromkeys([*tables[0], *tables[1]]))
    lines = []
    for key in order:
        a, b = (t.get(key, []) for t in tables)
        ta, tb = (sum(p.budget_thousand_yen for p in x) for x in (a, b))
        row = m.say(
            "across_group_row",
            lang,
            group=key,
            older=label_of(older),
            newer=label_of(newer),
            a=len(a),
            b=len(b),
            old=m.money(ta, lang) if a else m.say("across_none", lang),
            new=m.money(tb, lang) if b else m.say("across_none", lang),
            change=f"{tb - ta:+,}",
        )
        lines.append("・" + row)
    before, after = (sum(p.budget_thousand_yen for p in s.projects) for s in chosen)
    lines += totals_lines(before, after, older, newer, lang)
    every = [p for s in chosen for p in s.projects]
    answer = Answer(
        status="ok",
        title=m.say(
            "across_group_title",
            lang,
            by=m.say(f"by_{kind}", lang),
            older=label_of(older),
            newer=label_of(newer),
        ),
        lines=lines,
        projects=[ref(p) for p in every],
        value=Value(amount=after - before, unit=m.say("unit_thousand_yen", lang)),
        sources=[src(p, "budget") for p in every],
    )
    answer.computed = said(pair, ["budget"], query)
    for s in chosen:
        answer.computed.merge(computed_of(s))
    answer.computed.operations.update(("count", "sum", "group"))
    answer.computed.groups.add((f"by_{kind}", "eq", ""))
    return answer


__all__ = ["MAX_ROWS", "by_group", "per_edition"]
