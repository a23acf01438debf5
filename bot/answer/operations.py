"""Operations over a selection of projects: list, count, sum, average, max/min, top/bottom N,
the N-th, group by. Each answer says over which projects it computed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from bot import messages as m
from bot.answer.model import Answer, Value
from bot.answer.render import ref, src
from bot.answer.selection import (
    GROUP_KINDS,
    Selection,
    computed_of,
    filter_words,
    scope,
    values_of,
)
from bot.models import Project
from bot.prefectures import label_of
from bot.understanding import Query

MAX_LIST = 40  # rows a list shows before it says "…and N more"
MAX_COUNT_LINES = 10  # a count answers with the number; a few names, not every row


def figure(p: Project, query: Query) -> str:
    """The figure a list shows for each project: the one that was asked for."""
    lang = query.lang
    kinds = {f.kind for f in query.filters}
    negated = [f.kind for f in query.filters if f.kind in GROUP_KINDS and f.op == "ne"]
    if negated and query.operation in ("list", "count"):
        # 学校教育課以外: who does run each one is what the reader wants to see.
        shown = "、".join(v for kind in dict.fromkeys(negated) for v in values_of(p, kind))
        return f"{m.money(p.budget_thousand_yen, lang)}（{shown}）"
    if query.operation in ("sum", "avg"):  # what is added up, then anything else asked
        also = figure(
            p, replace(query, operation="list", fields=[f for f in query.fields if f != "budget"])
        )
        money = m.money(p.budget_thousand_yen, lang)
        return money if also == money else f"{money}（{also}）"
    owner = f"{p.department or ''} {'、'.join(p.sections)}".strip()
    period = m.period(p.start, p.end, lang)
    timed = bool({"period", "start", "end"} & set(query.fields))
    if "budget" in query.fields and ("owner" in query.fields or timed):
        # 事業費と始期を比べたい: every figure asked, side by side.
        shown = [m.money(p.budget_thousand_yen, lang)]
        shown += [owner] if "owner" in query.fields else []
        shown += [period] if timed else []
        return "、".join(shown) if lang == "ja" else ", ".join(shown)
    if "owner" in query.fields and timed:  # 担当課とperiodをside by sideで
        return f"{owner}、{period}" if lang == "ja" else f"{owner}, {period}"
    if "owner" in query.fields:
        return owner
    if timed or "running" in kinds:  # R9に実施中: the period that makes it so
        return period
    if "budget" not in query.fields and "budget" not in kinds and kinds & {"start", "end"}:
        if kinds & {"start", "end"} == {"start"}:
            return f"{m.label('start', lang)} {p.start or m.NOT_PRINTED[lang]}"
        return m.period(p.start, p.end, lang)
    return m.money(p.budget_thousand_yen, lang)


def rows(projects: list[Project], query: Query, limit: int = MAX_LIST) -> tuple[list[str], int]:
    """・No40 名称：figure, for the first `limit` projects, and how many more there are."""
    lines = [f"・{m.short_ref(p)}：{figure(p, query)}" for p in projects[:limit]]
    return lines, max(0, len(projects) - limit)


def _absent_lines(selection: Selection, lang: str) -> list[str]:
    return [
        m.say(
            "value_not_in_edition",
            lang,
            value=filter_words(f, lang),
            edition=m.edition_name(selection.edition, lang),
        )
        for f in selection.absent
    ]


def run(selection: Selection, query: Query) -> Answer:
    """The operation of the query over the selection, saying what it computed."""
    result = _run(selection, query)
    done = computed_of(selection)
    done.operations.add(query.operation)
    if query.operation == "group":
        done.operations.add("count" if "budget" not in query.fields else "sum")
        done.groups.add((f"by_{query.group_by or 'department'}", "eq", ""))
    if query.operation not in ("list", "count", "group"):
        done.fields.add("budget")
    if query.operation in ("sum", "avg", "list"):
        done.operations.add("count")  # the scope says how many projects it holds
    if query.operation == "sum" and "avg" in query.ops:
        done.operations.add("avg")
    if query.operation != "group":  # the owner or period a row shows, when asked
        done.fields.update(f for f in query.fields if f in ("owner", "period", "start", "end"))
        if query.operation == "list":
            done.operations.add("count")  # a list states how many it holds
    done.merge(result.computed)
    result.computed = done
    return result


def _run(selection: Selection, query: Query) -> Answer:
    """The operation of the query over the selection."""
    lang = query.lang
    projects = selection.projects
    what = scope(selection, lang)
    # Which shown project's number is inferred is said once, by answer(), for those shown.
    notes = _absent_lines(selection, lang)
    if any(f.kind == "running" for f in selection.filters):
        open_ended = [p for p in projects if p.end in (None, "未定")]
        if open_ended:  # the rule said: no end year printed is read as still running
            names = "・".join(f"No{p.no}" if p.no is not None else p.name for p in open_ended)
            notes.append(m.say("running_open_end", lang, names=names))
    budget_label = m.say("budget_of", lang, label=label_of(selection.edition))
    unit = m.say("unit_thousand_yen", lang)
    op = query.operation
    if op == "group":
        return _group(selection, query, what, notes)
    ranked = op == "list" and "sorted" in query.ops
    if ranked:  # 予算が大きい順に並べて, rank them by budget, biggest first
        projects = sorted(projects, key=lambda p: p.budget_thousand_yen, reverse=not query.smallest)
    if op == "list" or (not projects and op != "count"):
        lines, more = rows(projects, query)
        listed = Answer(
            status="ok",
            title=m.say("list_is", lang, scope=what, n=len(projects)),
            lines=(lines or [m.say("none_match", lang)]) + notes,
            more=more,
            projects=[ref(p) for p in projects],
            value=Value(amount=len(projects), unit=m.say("unit_count", lang)),
            sources=[src(p, "budget") for p in projects],
        )
        if ranked:  # every one in order: the ranking's ends said (biggest first) are used
            listed.computed.operations.update(
                ("sorted", "rank", "max" if not query.smallest else "min")
            )
        return listed
    if op == "count":
        # The count is the answer; a short list follows, the rest is offered, not printed.
        lines, more = rows(projects, query, MAX_COUNT_LINES)
        return Answer(
            status="ok",
            title=m.say(
                "count_of", lang, scope=scope(selection, lang, counted=False), n=len(projects)
            ),
            lines=lines + ([m.say("count_of_rest", lang)] if more else []) + notes,
            value=Value(amount=len(projects), unit=m.say("unit_count", lang)),
            projects=[ref(p) for p in projects],
            sources=[src(p, "budget") for p in projects],
        )
    budgets = [p.budget_thousand_yen for p in projects]
    if op in ("sum", "avg"):
        import statistics  # here, not at the top: a question with no average never needs it

        amount = sum(budgets) if op == "sum" else round(statistics.mean(budgets), 1)
        # The projects added up are shown when few, or when the question asked for them too.
        shown = "list" in query.ops or "each" in query.ops or len(projects) <= MAX_COUNT_LINES
        listed, more = rows(projects, query) if shown else ([], 0)
        return Answer(
            status="ok",
            title=m.say(
                f"{op}_of",
                lang,
                scope=what,
                budget=budget_label,
                money=m.money(round(amount), lang, query.unit),
            ),
            lines=listed + _average(projects, query, op) + notes,
            more=more,
            value=Value(amount=amount, unit=unit),
            projects=[ref(p) for p in projects],
            sources=[src(p, "budget") for p in projects],
        )
    if "duration" in query.fields and op in ("max", "min"):
        return _by_duration(selection, query, what, notes)
    if (
        set(query.fields) & {"start", "end"}
        and "budget" not in query.fields
        and op in ("max", "min")
    ):
        return _by_year(selection, query, what, notes)
    # Ranked: largest first (ties by number), reversed for the smallest.
    ranked = sorted(projects, key=lambda p: (-p.budget_thousand_yen, p.no or 0, p.position))
    if op in ("min", "bottom") or (op == "nth" and _smallest(query)):
        ranked = sorted(projects, key=lambda p: (p.budget_thousand_yen, p.no or 0, p.position))
    n = max(1, query.n or 1)
    if op == "nth":
        if n > len(ranked):
            return Answer(
                status="not_found", title=m.say("nth_missing", lang, scope=what, n=n), lines=notes
            )
        chosen = [ranked[n - 1]]
        key = "nth_smallest" if _smallest(query) else "nth_largest"
    elif op in ("top", "bottom"):
        chosen = ranked[: min(n, MAX_LIST)]
        key = "top_of" if op == "top" else "bottom_of"
    elif op in ("max", "min") and {"max", "min"} <= set(query.ops):
        return _both_ends(selection, query, what, notes)
    else:
        # Every project sharing the largest (smallest) budget is the answer, not just the first.
        chosen = [p for p in ranked if p.budget_thousand_yen == ranked[0].budget_thousand_yen]
        key = "max_of" if op == "max" else "min_of"
    return Answer(
        status="ok",
        title=m.say(key, lang, scope=what, budget=budget_label, n=n),
        lines=[
            f"{i}. {m.short_ref(p)}：{m.money(p.budget_thousand_yen, lang)}{_also(p, query)}"
            for i, p in enumerate(chosen, 1)
        ]
        + notes,
        value=Value(amount=chosen[0].budget_thousand_yen, unit=unit) if len(chosen) == 1 else None,
        projects=[ref(p) for p in chosen],
        sources=[src(p, "budget") for p in chosen],
        # Which one is the largest (smallest, N-th): named, ties together; a top N is a list.
        verdict="、".join(m.short_ref(p) for p in chosen) if op not in ("top", "bottom") else None,
    )


def _average(projects: list[Project], query: Query, op: str) -> list[str]:
    """件数・合計・平均: the average as well, when asked beside the total."""
    if op != "sum" or "avg" not in query.ops or not projects:
        return []
    average = round(sum(p.budget_thousand_yen for p in projects) / len(projects))
    return [m.say("several_average", query.lang, money=m.money(average, query.lang))]


def groups_without(universe: Selection, selection: Selection, query: Query) -> Answer:
    """The groups of the universe (項目, 部局, 課, 分野) none of whose projects is in the
    selection: R7開始の事業が1つもない項目, each with the projects it does have."""
    lang = query.lang
    kind = query.group_by or "category"
    met = {p.key for p in selection.projects}
    groups: dict[str, list[Project]] = defaultdict(list)
    for p in universe.projects:
        # A joint project (環境政策部・警察本部) is each department's: neither has none.
        keys = values_of(p, kind)
        if kind == "department" and len(keys) > 1:
            keys = keys[:-1]  # the parts, not the printed pair as a group of its own
        for key in keys:
            groups[key].append(p)
    empty = [k for k, ps in groups.items() if not any(p.key in met for p in ps)]
    condition = [f for f in selection.filters if f not in universe.filters]
    said = ("・" if lang == "ja" else ", ").join(filter_words(f, lang) for f in condition)
    group_word = m.say(f"group_word_{kind}", lang)
    title = m.say(
        "groups_without",
        lang,
        scope=scope(universe, lang, counted=False),
        condition=said,
        kind=group_word,
        n=len(empty),
        counter=_counter(kind, lang, len(empty)),
    )
    lines = [
        f"・{key}：{m.say('group_has_only', lang, projects=_some(groups[key], lang))}"
        for key in empty
    ] or [m.say("groups_without_none", lang, condition=said, kind=group_word)]
    shown = [p for k in empty for p in groups[k]]
    answer = Answer(
        status="ok",
        title=title,
        lines=lines,
        projects=[ref(p) for p in {p.key: p for p in shown}.values()],
        sources=[src(p, kind if kind != "field" else "category") for p in shown]
        or [src(p) for p in universe.projects[:1]],
        verdict="、".join(empty) if empty else None,
    )
    done = computed_of(selection)
    done.merge(computed_of(universe))
    done.negated = True  # 1つもない: the groups with none of them
    done.operations.update({"group", "count", "verdict", "list"})
    done.groups.add((f"by_{kind}", "eq", ""))
    answer.computed.merge(done)
    return answer


def _some(projects: list[Project], lang: str, shown: int = 4) -> str:
    """The first few projects by number and name, and how many more."""
    names = "、".join(m.short_ref(p) for p in projects[:shown])
    more = len(projects) - shown
    return names + (m.say("and_n_more", lang, n=more) if more > 0 else "")


def _counter(kind: str, lang: str, n: int) -> str:
    """課, 部局, 項目 / sections, departments, categories: what a group is counted in."""
    ja = {"section": "課", "department": "部局", "category": "種類", "field": "種類"}
    en = {
        "section": "section",
        "department": "department",
        "category": "category",
        "field": "field",
    }
    if lang == "ja":
        return ja.get(kind, "")
    word = en.get(kind, "group")
    return word if n == 1 else ("categories" if word == "category" else f"{word}s")


def _by_year(selection: Selection, query: Query, what: str, notes: list[str]) -> Answer:
    """The earliest start (latest end…): every project of that year, ties together."""
    from bot.fiscal_year import FiscalYear

    lang = query.lang
    field = "end" if "end" in query.fields and "start" not in query.fields else "start"

    def year(p: Project) -> int | None:
        fy = FiscalYear.try_parse(getattr(p, field))
        return fy.western if fy else None

    known = [p for p in selection.projects if year(p) is not None]
    if not known:
        return Answer(status="not_stated", title=m.say("none_match", lang), lines=notes)
    if {"max", "min"} <= set(query.ops):
        return _both_years(query, what, notes, known, field, year)
    pick = min if op_smallest(query) else max
    best = pick(year(p) for p in known)
    chosen = [p for p in known if year(p) == best]
    key = f"{'earliest' if op_smallest(query) else 'latest'}_{field}"
    answer = Answer(
        status="ok",
        title=m.say(key, lang, scope=what),
        lines=[f"・{m.short_ref(p)}：{m.period(p.start, p.end, lang)}" for p in chosen] + notes,
        projects=[ref(p) for p in chosen],
        sources=[src(p, field) for p in chosen],
        verdict="、".join(m.short_ref(p) for p in chosen),
    )
    answer.computed.fields.update({field, "period", "start", "end"})
    answer.computed.operations.update({"max", "min", "verdict"})
    return answer


def _by_duration(selection: Selection, query: Query, what: str, notes: list[str]) -> Answer:
    """The longest (shortest) period printed, in fiscal years from start to end inclusive;
    a project whose start or end is not printed (or 未定) has no length and is said apart."""
    from bot.fiscal_year import FiscalYear

    lang = query.lang

    def years(p: Project) -> int | None:
        start, end = FiscalYear.try_parse(p.start), FiscalYear.try_parse(p.end)
        return end.western - start.western + 1 if start and end else None

    known = [p for p in selection.projects if years(p) is not None]
    unknown = [p for p in selection.projects if years(p) is None]
    if not known:
        return Answer(status="not_stated", title=m.say("none_match", lang), lines=notes)
    pick = min if op_smallest(query) else max
    best = pick(years(p) for p in known)
    chosen = [p for p in known if years(p) == best]
    lines = [
        f"・{m.short_ref(p)}：{m.period(p.start, p.end, lang)}"
        + ("" if lang == "ja" else " ")
        + m.say("fiscal_years_long", lang, n=best)
        for p in chosen
    ]
    if unknown:
        names = "・".join(f"No{p.no}" if p.no is not None else p.name for p in unknown)
        lines.append(m.say("duration_unknown", lang, names=names))
    answer = Answer(
        status="ok",
        title=m.say(
            "shortest_period" if op_smallest(query) else "longest_period", lang, scope=what
        ),
        lines=lines + notes,
        projects=[ref(p) for p in chosen],
        sources=[src(p, "period") for p in chosen],
        verdict="、".join(m.short_ref(p) for p in chosen),
    )
    answer.computed.fields.update({"period", "start", "end", "duration"})
    answer.computed.operations.update({"max", "min", "verdict"})
    return answer


def _both_years(query: Query, what: str, notes: list[str], known: list[Project], field: str, year):
    """始期が最も早い事業と最も遅い事業: both ends of the years, each with its ties (#28: the
    earliest was dropped)."""
    lang = query.lang
    lines: list[str] = []
    chosen: list[Project] = []
    for key, pick in ((f"earliest_{field}", min), (f"latest_{field}", max)):
        best = pick(year(p) for p in known)
        ends = [p for p in known if year(p) == best]
        lines.append(m.say(key, lang, scope=what))
        lines += [f"・{m.short_ref(p)}：{m.period(p.start, p.end, lang)}" for p in ends]
        chosen += ends
    answer = Answer(
        status="ok",
        lines=lines + notes,
        projects=[ref(p) for p in chosen],
        sources=[src(p, field) for p in chosen],
    )
    answer.computed.fields.update({field, "period", "start", "end"})
    answer.computed.operations.update({"max", "min", "verdict"})
    return answer


def op_smallest(query: Query) -> bool:
    """Earliest rather than latest: the smaller year."""
    return query.smallest or ("min" in query.ops and "max" not in query.ops)


def _both_ends(selection: Selection, query: Query, what: str, notes: list[str]) -> Answer:
    """The largest and the smallest both asked (一番大きいのと一番小さいの), and their gap."""
    lang = query.lang
    projects = selection.projects
    budget_label = m.say("budget_of", lang, label=label_of(selection.edition))
    top = max(p.budget_thousand_yen for p in projects)
    bottom = min(p.budget_thousand_yen for p in projects)
    largest = [p for p in projects if p.budget_thousand_yen == top]
    smallest = [p for p in projects if p.budget_thousand_yen == bottom]
    lines = [m.say("max_of", lang, scope=what, budget=budget_label)]
    lines += [f"・{m.short_ref(p)}：{m.money(top, lang)}{_also(p, query)}" for p in largest]
    lines.append(m.say("min_of", lang, scope=what, budget=budget_label))
    lines += [f"・{m.short_ref(p)}：{m.money(bottom, lang)}{_also(p, query)}" for p in smallest]
    lines.append(m.say("ends_gap", lang, money=m.money(top - bottom, lang)))
    answer = Answer(
        status="ok",
        lines=lines + notes,
        value=Value(amount=top - bottom, unit=m.say("unit_thousand_yen", lang)),
        projects=[ref(p) for p in largest + smallest],
        sources=[src(p, "budget") for p in largest + smallest],
    )
    answer.computed.operations.update({"max", "min", "diff", "verdict"})
    return answer


def _also(p: Project, query: Query) -> str:
    """The owner or period too, when the question asked for it (who runs the largest…)."""
    if "owner" in query.fields or {"period", "start", "end"} & set(query.fields):
        return f"（{figure(p, query)}）"
    return ""


def _smallest(query: Query) -> bool:
    return query.smallest


def _group(selection: Selection, query: Query, what: str, notes: list[str]) -> Answer:
    """Projects per department (section, category): each group's count and total, ordered by
    what was asked; the group with the most (fewest) named, ties together; groups with only
    one project or with several when asked."""
    lang = query.lang
    kind = query.group_by or "department"
    groups: dict[str, list[Project]] = defaultdict(list)
    for p in selection.projects:
        # A jointly run project (環境政策部・警察本部) is one row as printed: filed under each
        # department too, its budget would be counted three times.
        keys = [p.department] if kind == "department" and p.department else values_of(p, kind)
        for key in keys or [m.NOT_PRINTED[lang]]:
            groups[key].append(p)
    if query.having:
        op, n = query.having
        groups = {
            k: ps for k, ps in groups.items() if (len(ps) == n if op == "eq" else len(ps) >= n)
        }
    by_budget = ("budget" in query.fields or "sum" in query.ops) and "count" not in query.fields
    total = {k: sum(p.budget_thousand_yen for p in ps) for k, ps in groups.items()}

    def measure(key: str) -> int:
        return total[key] if by_budget else len(groups[key])

    ordered = sorted(groups, key=lambda k: (measure(k) if query.smallest else -measure(k), k))
    lines = [
        f"・{key}：{m.say('group_row', lang, n=len(groups[key]), money=m.money(total[key], lang))}"
        for key in ordered
    ]
    if query.having:
        lines = [
            f"{line}（{'、'.join(m.short_ref(p) for p in groups[key])}）"
            for line, key in zip(lines, ordered, strict=True)
        ]
    verdict, ties = None, []
    if ordered and {"max", "min", "verdict"} & set(query.ops):
        best = measure(ordered[0])
        ties = [k for k in ordered if measure(k) == best]
        verdict = "、".join(ties)
        word = "fewest" if query.smallest else "most"
        lines.insert(
            0,
            m.say(
                f"group_{word}_{'budget' if by_budget else 'count'}",
                lang,
                who=verdict,
                n=len(groups[ties[0]]),
                money=m.money(total[ties[0]], lang),
            ),
        )
    # The projects of the groups answered: the winners when one was asked for, else all shown.
    shown = [p for k in (ties if verdict else ordered) for p in groups[k]]
    answer = Answer(
        status="ok",
        title=m.say(
            "group_title",
            lang,
            scope=what,
            by=m.say(f"by_{kind}", lang),
            count=m.say(
                "group_count", lang, n=len(ordered), counter=_counter(kind, lang, len(ordered))
            ),
        ),
        lines=(lines or [m.say("none_match", lang)]) + notes,
        projects=[ref(p) for p in {p.key: p for p in shown}.values()]
        if verdict or query.having
        else [ref(p) for p in selection.projects],
        sources=[src(p, "budget") for p in selection.projects],
        verdict=verdict,
    )
    answer.computed.operations.update({"count", "sum", "group"})
    if verdict:
        answer.computed.operations.update({"max", "min", "verdict"})
    return answer
