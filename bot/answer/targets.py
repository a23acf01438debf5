"""Questions with several targets: two or more projects (numbers, a range, names) or two or more
groups (departments, sections, categories, fields) — each one side by side, and what was asked
of them together: their total, their difference, their ratio, which one is larger."""

from __future__ import annotations

import re

from bot import messages as m
from bot.answer.model import Answer, Computed, Value
from bot.answer.render import ref, src
from bot.answer.selection import (
    GROUP_KINDS,
    Selection,
    by_text,
    computed_of,
    filter_words,
    select,
    values_of,
)
from bot.models import Project
from bot.prefectures import label_of
from bot.resolve import resolve, resolve_named
from bot.store import Store
from bot.understanding import Filter, Query
from bot.vocabulary import normalise

COMBINING = {"diff", "ratio", "verdict", "each", "compare", "sorted"}
# Facts that are compared as years: which started first, which ends last.
YEAR_FIELDS = ("start", "end")


def named_projects(store: Store, query: Query, edition: str) -> tuple[list[Project], list[str]]:
    """The projects a question names by number or name, in the edition asked (once each, in
    the order named), and the numbers or names that name none."""
    found: list[Project] = []
    missing: list[str] = []
    for no in query.project_nos:
        numbered = resolve_named(store, edition, no=no)
        if numbered.status in ("ok", "ambiguous"):
            found.append(numbered.matches[0].project)
        else:
            missing.append(f"No{no}")
    for key in query.project_keys:
        named = resolve_named(store, edition, keys=[key], elsewhere=not query.edition)
        if named.status in ("ok", "ambiguous"):
            found.append(named.matches[0].project)
    unique = list({p.key: p for p in found}.values())
    return unique, missing


_PARTS = re.compile(r"\s*(?:と|とか|や|、|,|・|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*")


def projects_by_parts(store: Store, query: Query, edition: str) -> list[Project] | None:
    """Projects named by parts of their names (…と…, … or …), each part clearly one project;
    None when any part is unclear (then the question is asked back, never guessed)."""
    found, _ = named_projects(store, query, edition)
    for chunk in query.subject_parts:
        for part in _PARTS.split(chunk):
            part = re.sub(r"^(?:the|a)\s+|\s+(?:one|project|事業|のやつ|やつ)$", "", part.strip())
            if len(part) < 2:
                continue
            resolution = resolve(store, part, edition)
            if resolution.status != "ok" or resolution.matches[0].score < 70:
                # 中小企業向けにサイバーの人材を育てる事業: a part described by what the project
                # does — the one project whose text holds every word of it.
                words = part.split()
                if len(words) < 2:
                    return None  # one word (補助率) describes no project of its own
                described, missing = by_text(store, words, edition)
                if described.status != "ok" or missing:
                    return None
                resolution = described
            found.append(resolution.matches[0].project)
    unique = list({p.key: p for p in found}.values())
    if len(unique) >= 2:
        query.project_keys = [*query.project_keys, *(p.key for p in unique)]
    return unique


def projects_filter(projects: list[Project], query: Query) -> Filter:
    """The named projects as one condition of a selection (No30〜No35 in its scope words)."""
    label = "・".join(f"No{p.no}" if p.no is not None else p.name for p in projects)
    if query.ranges and len(query.ranges) == 1 and not query.project_keys:
        # No30からNo32 names them all, unless another number is named beside it (とNo40, #28).
        ends = [int(n) for n in re.findall(r"\d+", query.ranges[0])]
        if ends and all(p.no is not None and min(ends) <= p.no <= max(ends) for p in projects):
            label = query.ranges[0].strip()
    return Filter("projects", "eq", ",".join(p.key for p in projects), label)


def several_projects(store: Store, query: Query, edition: str, projects: list[Project]) -> Answer:
    """Each named project's figure, then their total, difference, ratio or the larger one."""
    lang = query.lang
    asked = set(query.ops) | {query.operation}
    facts = [f for f in query.fields if f in YEAR_FIELDS or f in ("period", "owner")]
    if facts and "budget" not in query.fields:
        return _side_by_side_facts(query, projects, facts)
    budgets = [p.budget_thousand_yen for p in projects]
    # Names printed only in another edition (asked with none said) are that edition's
    # projects: their budgets are that edition's, and labelled so (#28).
    if len({p.edition for p in projects}) == 1:
        edition = projects[0].edition
    label = label_of(edition)
    # それぞれR7事業費と事業終期: the budget with the period or owner asked beside it.
    lines = [f"・{m.short_ref(p)}：{_row(p, query)}" for p in projects]
    done = Computed(fields={"budget"}, years={label}, editions={label})
    done.fields.update(f for f in query.fields if f in ("start", "end", "period", "owner"))
    done.operations.update({"each", "side", "list"})
    value: Value | None = None
    unit = m.say("unit_thousand_yen", lang)
    if "sum" in asked or "count" in asked or not asked & (COMBINING | {"max", "min"}):
        total = sum(budgets)
        lines.append(m.say("several_total", lang, n=len(projects), money=m.money(total, lang)))
        done.operations.update({"sum", "count"})
        value = Value(amount=total, unit=unit)
    if "avg" in asked:
        average = round(sum(budgets) / len(budgets))
        lines.append(m.say("several_average", lang, money=m.money(average, lang)))
        done.operations.add("avg")
    big = max(projects, key=lambda p: p.budget_thousand_yen)
    small = min(projects, key=lambda p: p.budget_thousand_yen)
    if asked & {"diff", "compare", "verdict"} or ("max" in asked and "min" in asked):
        first, second = (big, small) if len(projects) > 2 else (projects[0], projects[1])
        gap = abs(first.budget_thousand_yen - second.budget_thousand_yen)
        # Tied budgets: max and min are the same project; the difference is between two (#28).
        a, b = (big, small) if big is not small else (projects[0], projects[1])
        lines.append(
            m.say(
                "several_difference",
                lang,
                a=m.short_ref(a),
                b=m.short_ref(b),
                money=m.money(gap, lang),
            )
        )
        done.operations.update({"diff", "compare"})
        if len(projects) == 2:  # first minus second, as they were named
            gap = projects[0].budget_thousand_yen - projects[1].budget_thousand_yen
        value = value or Value(amount=gap, unit=unit)
    if "ratio" in asked and small.budget_thousand_yen:
        a, b = projects[0], projects[1]
        if b.budget_thousand_yen:
            ratio = a.budget_thousand_yen / b.budget_thousand_yen
            lines.append(
                m.say(
                    "several_ratio", lang, a=m.short_ref(a), b=m.short_ref(b), ratio=f"{ratio:,.2f}"
                )
            )
            done.operations.add("ratio")
            value = value or Value(amount=round(ratio, 2), unit="倍" if lang == "ja" else "times")
    verdict = None
    if asked & {"verdict", "max", "min", "compare", "diff", "top", "bottom", "sorted"}:
        winner = small if query.smallest or ("min" in asked and "max" not in asked) else big
        ties = [p for p in projects if p.budget_thousand_yen == winner.budget_thousand_yen]
        verdict = "、".join(m.short_ref(p) for p in ties)
        key = "several_smaller" if winner is small and winner is not big else "several_larger"
        lines.append(m.say(key, lang, who=verdict))
        done.operations.update({"verdict", "max", "min", "compare"})
    if asked & {"sorted", "top", "bottom"}:
        order = sorted(projects, key=lambda p: p.budget_thousand_yen, reverse=not query.smallest)
        lines = [
            f"{i}. {m.short_ref(p)}：{m.money(p.budget_thousand_yen, lang)}"
            for i, p in enumerate(order, 1)
        ]
        done.operations.update({"sorted", "top", "bottom", "max", "min"})
        projects = order
    answer = Answer(
        status="ok",
        title=m.say(
            "several_title",
            lang,
            edition=m.edition_name(edition, lang),
            budget=m.say("budget_of", lang, label=label),
        ),
        lines=lines,
        projects=[ref(p) for p in projects],
        value=value,
        sources=[src(p, "budget") for p in projects],
        verdict=verdict,
    )
    _named(done, projects, query)
    answer.computed = done
    return answer


def _side_by_side_facts(query: Query, projects: list[Project], facts: list[str]) -> Answer:
    """Periods or owners of each project, and which started first or ends last when asked."""
    lang = query.lang
    lines, done = [], Computed(fields=set(facts) | {"period", "start", "end"})
    timed = bool(set(facts) & {*YEAR_FIELDS, "period"})
    for p in projects:
        shown = []
        if "owner" in facts:
            shown.append(f"{p.department or ''} {'、'.join(p.sections)}".strip())
        if timed or "owner" not in facts:  # 担当課とperiod: each asked, side by side
            shown.append(m.period(p.start, p.end, lang))
        lines.append(f"・{m.short_ref(p)}：" + ("、" if lang == "ja" else ", ").join(shown))
    done.fields.add("owner") if "owner" in facts else None
    done.operations.update({"each", "side", "list"})
    asked = set(query.ops) | {query.operation}
    verdict = None
    field = next((f for f in facts if f in YEAR_FIELDS), None)
    if field and asked & {"verdict", "max", "min", "compare"}:
        years = {p.key: _year(getattr(p, field)) for p in projects}
        known = [p for p in projects if years[p.key] is not None]
        if known:
            pick = min if query.smallest else max
            best = pick(years[p.key] for p in known)
            ties = [p for p in known if years[p.key] == best]
            verdict = "、".join(m.short_ref(p) for p in ties)
            word = "several_earliest" if query.smallest else "several_latest"
            lines.append(m.say(f"{word}_{field}", lang, who=verdict))
            done.operations.update({"verdict", "compare", "max", "min"})
    if "period" in facts and asked & {"compare", "verdict"} and len(projects) == 2:
        a, b = projects
        same = (a.start, a.end) == (b.start, b.end)
        lines.append(m.say("several_same_period" if same else "several_other_period", lang))
        done.operations.update({"compare", "verdict"})
    answer = Answer(
        status="ok",
        title=m.say("several_facts_title", lang),
        lines=lines,
        projects=[ref(p) for p in projects],
        sources=[src(p, "start") for p in projects],
        verdict=verdict,
    )
    _named(done, projects, query)
    answer.computed = done
    return answer


def _year(printed: str | None) -> int | None:
    from bot.fiscal_year import FiscalYear

    fy = FiscalYear.try_parse(printed)
    return fy.western if fy else None


def _named(done: Computed, projects: list[Project], query: Query) -> None:
    """The projects answered are the ones named, by number or name."""
    for p in projects:
        done.projects.add(p.key)
        done.editions.add(label_of(p.edition))
    done.numbers.update(query.project_nos)
    done.projects.update(query.project_keys)


def group_values(query: Query) -> tuple[str, list[str]] | None:
    """Two or more values of one kind of group named together (学校教育課とDX推進課)."""
    for kind in GROUP_KINDS:
        values = [str(f.value) for f in query.filters if f.kind == kind and f.op == "eq"]
        if len(values) >= 2:
            return kind, list(dict.fromkeys(values))
    return None


def several_groups(
    store: Store, query: Query, edition: str, kind: str, values: list[str]
) -> Answer:
    """Each group's projects counted and totalled side by side, the difference and the larger."""
    lang = query.lang
    others = [f for f in query.filters if not (f.kind == kind and f.op == "eq")]
    rows: list[tuple[str, Selection]] = []
    done = Computed(fields={"budget"}, editions={label_of(edition)})
    for value in values:
        chosen = select(store, _only(query, [*others, Filter(kind, "eq", value)]), edition)
        rows.append((value, chosen))
        done.merge(computed_of(chosen))
    lines = []
    detailed = "each" in query.ops or set(query.fields) & {"start", "end", "period", "owner"}
    for v, c in rows:
        row = m.say("group_row", lang, n=len(c.projects), money=m.money(_total(c.projects), lang))
        lines.append(f"・{filter_words(Filter(kind, 'eq', v), lang)}：{row}")
        if detailed:  # それぞれ: each group's projects with what was asked of them
            lines += [f"　・{m.short_ref(p)}：{_row(p, query)}" for p in c.projects]
        done.fields.update(f for f in query.fields if f in ("start", "end", "period", "owner"))
    every = list({p.key: p for _, c in rows for p in c.projects}.values())
    shared = [p for p in every if sum(p in c.projects for _, c in rows) > 1]
    lines.append(m.say("groups_together", lang, n=len(every), money=m.money(_total(every), lang)))
    if shared:
        names = "、".join(m.short_ref(p) for p in shared)
        lines.append(m.say("groups_shared", lang, names=names))
    by_budget = "budget" in query.fields or "sum" in query.ops
    measure = (lambda c: _total(c.projects)) if by_budget else (lambda c: len(c.projects))
    verdict = None
    if len(rows) >= 2:
        ranked = sorted(rows, key=lambda r: measure(r[1]), reverse=not query.smallest)
        best = measure(ranked[0][1])
        ties = [v for v, c in rows if measure(c) == best]
        verdict = "、".join(ties)
        (a, ca), (b, cb) = ranked[0], ranked[-1]
        lines.append(
            m.say(
                "groups_difference",
                lang,
                a=a,
                b=b,
                n=abs(len(ca.projects) - len(cb.projects)),
                money=m.money(abs(_total(ca.projects) - _total(cb.projects)), lang),
            )
        )
        key = "groups_fewer" if query.smallest else "groups_more"
        lines.append(m.say(f"{key}_{'budget' if by_budget else 'count'}", lang, who=verdict))
    done.operations.update(
        {"count", "sum", "each", "side", "compare", "diff", "verdict", "max", "min", "list"}
    )
    unit = m.say("unit_thousand_yen" if by_budget else "unit_count", lang)
    answer = Answer(
        value=Value(amount=_total(every) if by_budget else len(every), unit=unit),
        status="ok",
        title=m.say("groups_title", lang, edition=m.edition_name(edition, lang)),
        lines=lines,
        projects=[ref(p) for p in every],
        sources=[src(p, "budget") for p in every],
        verdict=_with_the_one(verdict, rows),
    )
    answer.computed = done
    return answer


def _row(p: Project, query: Query) -> str:
    """A project's budget, and its period or owner when asked."""
    parts = [m.money(p.budget_thousand_yen, query.lang)]
    if set(query.fields) & {"start", "end", "period"}:
        parts.append(m.period(p.start, p.end, query.lang))
    if "owner" in query.fields:
        parts.append(f"{p.department or ''} {'、'.join(p.sections)}".strip())
    return "、".join(parts) if query.lang == "ja" else ", ".join(parts)


def _total(projects: list[Project]) -> int:
    return sum(p.budget_thousand_yen for p in projects)


def _with_the_one(verdict: str | None, rows: list[tuple[str, Selection]]) -> str | None:
    """The winning groups, and their one project when they hold just one (「健康福祉部（No29 …）」):
    that project is the one that is larger."""
    if verdict is None:
        return None
    won = [p for v, c in rows if v in verdict.split("、") for p in c.projects]
    return f"{verdict}（{m.short_ref(won[0])}）" if len(won) == 1 else verdict


def _only(query: Query, filters: list[Filter]) -> Query:
    from dataclasses import replace

    return replace(query, filters=filters)


def wants_groups_apart(query: Query) -> bool:
    """Two groups asked about together are compared side by side unless only listed."""
    return bool(
        set(query.ops) & (COMBINING | {"sum", "count", "avg", "max", "min"})
    ) or query.operation in (
        "compare",
        "sum",
        "count",
        "avg",
    )


def group_key(value: str) -> str:
    return normalise(value)


__all__ = ["named_projects", "several_groups", "several_projects", "values_of"]


# How specific a group is: the narrower one is the part when two are said (教育庁 of 暮らし・まち).
_NARROW = {"section": 0, "department": 1, "category": 2, "field": 3}


def share(store: Store, query: Query, edition: str) -> Answer | None:
    """What share of a whole one part is (医療・福祉の予算のうちNo30が占める割合, 暮らし・まち
    分野のうち教育庁の分は何%): both totals, and the part as a percentage of the whole."""
    if "ratio" not in query.ops:
        return None
    groups = [f for f in query.filters if f.kind in GROUP_KINDS and f.op == "eq"]
    named, missing = named_projects(store, query, edition) if query.names_project else ([], [])
    if missing:
        return None
    if named and groups:
        whole = select(store, query, edition)
        part_projects = [p for p in named if p.key in {x.key for x in whole.projects}]
        part_words = "・".join(m.short_ref(p) for p in named)
    elif not named and len({f.kind for f in groups}) >= 2:
        narrow = min(groups, key=lambda f: _NARROW[f.kind])
        whole = select(store, _only(query, [f for f in query.filters if f is not narrow]), edition)
        part = select(store, query, edition)
        part_projects, part_words = part.projects, filter_words(narrow, query.lang)
    else:
        return None
    if not whole.projects:
        return None
    lang = query.lang
    total, piece = _total(whole.projects), _total(part_projects)
    pct = round(piece / total * 100, 1) if total else 0.0
    from bot.answer.selection import scope

    answer = Answer(
        status="ok",
        title=m.say(
            "share_is",
            lang,
            part=part_words,
            part_money=m.money(piece, lang),
            whole=scope(whole, lang),
            whole_money=m.money(total, lang),
            pct=f"{pct:.1f}",
        ),
        lines=[
            f"・{m.short_ref(p)}：{m.money(p.budget_thousand_yen, lang)}" for p in part_projects
        ],
        value=Value(amount=pct, unit="%"),
        projects=[ref(p) for p in part_projects],
        sources=[src(p, "budget") for p in part_projects],
    )
    done = computed_of(whole)
    done.merge(computed_of(select(store, query, edition)))
    done.operations.update({"ratio", "sum", "count"})
    done.fields.add("budget")
    _named(done, named, query)
    answer.computed = done
    return answer
