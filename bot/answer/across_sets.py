"""Two editions: which question is which (#23 item 3), and the answers over one edition's
projects — what became of them in the other edition, which are new (no predecessor) and which
ended, the ones continued under the same name or with a field the same or changed, the largest
budget change; fiscal years no edition prints. `answer` is the entry: a question about two
editions, or None for the older paths (counts per group: across_groups)."""

from __future__ import annotations

from dataclasses import replace

from bot import messages as m
from bot.answer.across import (
    Across,
    across,
    base_of,
    code_of,
    kinds_of,
    named,
    pair_of,
    projects_across,
    said,
    wanted_fields,
)
from bot.answer.across_groups import MAX_ROWS, by_group, per_edition
from bot.answer.across_lines import field_lines, link_lines, same_field
from bot.answer.across_words import cut_words, unmet_filters, unprinted
from bot.answer.model import Answer, Value
from bot.answer.render import ref, src, unique
from bot.answer.selection import (
    computed_of,
    default_codes,
    scope,
    select,
)
from bot.fiscal_year import FiscalYear
from bot.models import Project
from bot.prefectures import label_of
from bot.store import Store, utcnow
from bot.understanding import Query
from bot.understanding.editions import ABSENT, NOT_SAME_NAME, RELATIONS, SAME_NAME


def answer(store: Store, query: Query) -> Answer | None:
    """A question about two editions, answered side by side; None for the paths before #23
    (the whole roadmap's totals and changes, budget moves listed, renamed, dropped)."""
    pair = pair_of(store, query, [])
    codes = default_codes(store)
    unprinted_years = [
        c for c in query.compared if c.startswith("@") and not code_of(store, c, codes, query.now)
    ]
    if unprinted_years:
        return _years_not_printed(store, query, unprinted_years)
    if pair is None or any(code_of(store, c, codes, query.now) is None for c in query.compared):
        return None  # R7からR8で with no R8 edition: the older path says which are loaded
    if query.names_project or (query.subject and not query.filters):
        projects, how = named(store, query, pair)
        cut = cut_words(query)
        if cut and (projects or query.comparison in RELATIONS):
            return _not_read(query, cut)
        if not projects:
            if query.subject and (query.comparison in RELATIONS or len(query.compared) >= 2):
                return _not_read(query, query.unknown or [query.subject])
            return None
        pair = pair_of(store, query, projects) or pair
        kinds = kinds_of(store)
        every = [x for p in projects for x in [p, *across(store, p, _other(p, pair), kinds).others]]
        unmet = unmet_filters(query, every)
        words = unprinted(store, query, every, how)
        if unmet or words:
            return _ask_back(query, projects, unmet + words)
        return projects_across(store, query, projects, pair, how)
    if query.unknown:
        return None  # words no slot read: the older paths ask about them
    base = base_of(store, query, pair)
    relation = query.comparison
    counted = bool({"count", "sum", "avg"} & set(query.ops))
    if query.group_by:
        return by_group(store, query, pair)
    if relation in ("increased", "decreased") and {"max", "min", "top"} & set(query.ops):
        return largest_move(store, query, pair)
    listed = "list" in query.ops or query.alike == "same"  # 違う事業はある？ / the same
    if query.alike and listed and query.fields and relation not in RELATIONS:
        return over_pairs(store, query, pair, base or pair[0])
    if relation in (ABSENT, SAME_NAME, NOT_SAME_NAME) or (base and not counted):
        return over_pairs(store, query, pair, base)
    if query.filters and relation not in ("renamed", "dropped", "increased", "decreased"):
        return per_edition(store, query, pair)
    if "count" in query.ops and relation in (None, "budget") and len(query.compared) >= 2:
        return per_edition(store, query, pair)  # R6版とR7版の事業数: both counts and their gap
    return None


def _years_not_printed(store: Store, query: Query, said: list[str]) -> Answer:
    """今年度と来年度の予算: an edition prints its own year's budget; a year no edition is for
    is said plainly, beside the budgets of the years that are printed (for a project named)."""
    lang = query.lang
    today = FiscalYear.of(query.now or utcnow())
    codes = default_codes(store)
    years = {c: (today + int(c[1:])).reiwa.code for c in query.compared}
    sep = "、" if lang == "ja" else ", "
    answer = Answer(
        status="not_stated",
        title=m.say(
            "across_years_not_printed",
            lang,
            years=sep.join(m.relative_year(c, years[c], lang) for c in said),
            known=sep.join(label_of(e.code) for e in store.editions()),
        ),
    )
    projects, _ = named(store, query, pair_of(store, query, []) or (codes[0], codes[-1]))
    kinds = kinds_of(store)
    for c in query.compared:
        edition = code_of(store, c, codes, query.now)
        if edition is None or len(projects) != 1:
            continue
        p = projects[0]
        there = [p] if p.edition == edition else across(store, p, edition, kinds).others
        for x in there:
            answer.lines.append(
                "・"
                + m.say(
                    "across_year_budget",
                    lang,
                    year=m.relative_year(c, years[c], lang),
                    ref=m.project_ref(x, lang),
                    money=m.money(x.budget_thousand_yen, lang),
                )
            )
            answer.projects.append(ref(x))
            answer.sources.append(src(x, "budget"))
    answer.projects = answer.projects or [ref(p) for p in projects]
    answer.computed.years.update(years.values())
    answer.computed.fields.add("budget")
    answer.computed.numbers.update(query.project_nos)
    answer.computed.projects.update(query.project_keys)
    answer.computed.projects.update(r.key for r in answer.projects)
    return answer


def _not_read(query: Query, words: list[str]) -> Answer:
    """Words that name no project and fit no slot: ask, never answer about another project."""
    lang = query.lang
    sep = "、" if lang == "ja" else ", "
    return Answer(
        status="clarify",
        title=m.say("across_not_read", lang, words=sep.join(dict.fromkeys(words))),
        suggestions=m.examples(lang)[:3],
    )


def _other(p: Project, pair: tuple[str, str]) -> str:
    return pair[1] if p.edition == pair[0] else pair[0]


def _ask_back(query: Query, projects: list[Project], words: list[str]) -> Answer:
    lang = query.lang
    return Answer(
        status="clarify",
        title=m.say(
            "project_not_applied",
            lang,
            ref=m.project_ref(projects[0], lang),
            words="、".join(dict.fromkeys(words)),
        ),
        projects=[ref(p) for p in projects],
        sources=[src(p) for p in projects],
    )


# -- an edition's projects and what they are in the other one -------------------------------


def over_pairs(store: Store, query: Query, pair: tuple[str, str], base: str | None) -> Answer:
    """Each project of the base edition passing the filters, with what it is in the other:
    only those with none (new, ended), only those under the same name, only those whose asked
    fields are the same (or changed) — or every one, with its fate."""
    lang = query.lang
    older, newer = pair
    relation = query.comparison
    if relation == ABSENT and base is None:
        # 「R6とR7で入れ替わった」 read as gone and new: both directions, one after the other.
        first = over_pairs(store, query, pair, older)
        second = over_pairs(store, query, pair, newer)
        first.lines += [second.title, *second.lines]
        first.projects += second.projects
        first.sources += second.sources
        first.computed.merge(second.computed)
        return first
    base = base or older
    other = newer if base == older else older
    chosen = select(store, replace(query), base)
    kinds = kinds_of(store)
    rows = [across(store, p, other, kinds) for p in chosen.projects]
    fields = wanted_fields(query, ()) if query.fields else []
    if relation in (ABSENT, "dropped"):
        rows = [r for r in rows if not r.others]
    elif relation == SAME_NAME:
        rows = [r for r in rows if r.kind == "continued"]
    elif relation == NOT_SAME_NAME:
        rows = [r for r in rows if r.kind != "continued"]
    elif relation == "renamed":
        rows = [r for r in rows if r.kind == "renamed"]
    elif relation in ("increased", "decreased"):
        rows = [r for r in rows if r.kind in ("continued", "renamed") and _moved(r, relation)]
        fields = fields or ["budget"]
    if query.alike and fields:
        keep = query.alike == "same"
        rows = [r for r in rows if r.kind in ("continued", "renamed") and _alike(r, fields) == keep]
    absent = "across_absent_title_old" if base == older else "across_absent_title_new"
    key = {
        ABSENT: absent,
        "dropped": absent,
        SAME_NAME: "across_same_name_title",
        NOT_SAME_NAME: "across_not_same_name_title",
        "renamed": "across_renamed_title",
        "increased": "across_rose_title",
        "decreased": "across_fell_title",
    }.get(relation or "", "across_fate_title")
    if query.alike and fields:
        key = f"across_alike_{query.alike}_title"
    what = m.say(
        key,
        lang,
        scope=scope(chosen, lang),
        other=m.edition_name(other, lang),
        fields="・".join(m.label(f, lang) for f in fields)
        if lang == "ja"
        else ", ".join(m.label(f, lang) for f in fields),
        n=len(rows),
    )
    lines: list[str] = []
    shown: list[Project] = []
    for r in rows[:MAX_ROWS]:
        lines += link_lines(r, lang)
        olds, news = r.sides()
        if r.others and fields:
            lines += ["　" + x for x in field_lines(olds, news, fields, lang)]
        shown += [p for p in (r.project, *r.others, *r.named_back()) if p not in shown]
    answer = Answer(
        status="ok",
        title=what,
        lines=lines or [m.say("none_match", lang)],
        more=max(0, len(rows) - MAX_ROWS),
        projects=[ref(p) for p in shown],
        value=Value(amount=len(rows), unit=m.say("unit_count", lang)),
        sources=unique([src(p, "name") for p in shown]),
    )
    answer.computed = said(pair, fields, query)
    answer.computed.merge(computed_of(chosen))
    answer.computed.operations.update(("count", "list"))
    answer.computed.negated = answer.computed.negated or relation in (
        ABSENT,
        "dropped",
        NOT_SAME_NAME,
    )
    return answer


def _moved(row: Across, relation: str) -> bool:
    """Whether the budget rose (fell) from the older side to the newer one."""
    olds, news = row.sides()
    change = sum(p.budget_thousand_yen for p in news) - sum(p.budget_thousand_yen for p in olds)
    return change > 0 if relation == "increased" else change < 0


def _alike(row: Across, fields: list[str]) -> bool:
    """Whether every asked field reads the same in both editions."""
    olds, news = row.sides()
    return all(
        same_field(olds, news, f)
        if f != "budget"
        else sum(p.budget_thousand_yen for p in olds) == sum(p.budget_thousand_yen for p in news)
        for f in fields
    )


def largest_move(store: Store, query: Query, pair: tuple[str, str]) -> Answer:
    """The project whose budget rose (fell) the most from its older edition: only a project
    continued as itself is compared (a take-over's budget is shared with another project)."""
    lang = query.lang
    older, newer = pair
    rising = query.comparison == "increased"
    chosen = select(store, replace(query), newer)
    kinds = kinds_of(store)
    moves = []
    for p in chosen.projects:
        row = across(store, p, older, kinds)
        if row.kind in ("continued", "renamed"):
            before = sum(o.budget_thousand_yen for o in row.others)
            moves.append((p.budget_thousand_yen - before, row))
    moves = [x for x in moves if (x[0] > 0 if rising else x[0] < 0)]
    moves.sort(key=lambda x: -abs(x[0]))
    # The top N asked (which two projects…), with any tied with the last of them.
    n = query.n or 1
    top = [x for x in moves if len(moves) >= n and abs(x[0]) >= abs(moves[n - 1][0])] or moves
    lines: list[str] = []
    shown: list[Project] = []
    for _, row in top:
        lines += link_lines(row, lang)
        olds, news = row.sides()
        lines += field_lines(olds, news, ["budget"], lang)
        shown += [*olds, *news]
    answer = Answer(
        status="ok",
        title=m.say(
            "across_most_rose" if rising else "across_most_fell",
            lang,
            scope=scope(chosen, lang, counted=False),
            older=label_of(older),
            n=len(moves),
        ),
        lines=lines or [m.say("none_match", lang)],
        projects=[ref(p) for p in shown],
        value=Value(amount=top[0][0], unit=m.say("unit_thousand_yen", lang)) if top else None,
        sources=unique([src(p, "budget") for p in shown]),
        verdict="、".join(m.short_ref(r.project) for _, r in top) or None,
    )
    answer.computed = said(pair, ["budget"], query)
    answer.computed.merge(computed_of(chosen))
    answer.computed.operations.update(("max", "min", "top", "verdict", "rank"))
    return answer


__all__ = ["answer", "largest_move", "over_pairs"]
