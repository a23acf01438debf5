"""Editions compared: renamed, dropped, predecessor/successor, what changed, budget change."""

from __future__ import annotations

from bot import messages as m
from bot.answer.model import Answer, Value
from bot.answer.render import ref, src, unique
from bot.answer.selection import Selection, computed_of, default_codes, scope
from bot.links import link_kinds
from bot.models import Project, budget_change
from bot.prefectures import label_of
from bot.store import Store
from bot.text import compact
from bot.understanding import Query


def _said(answer: Answer, editions, operations=("compare",), fields=("budget",)) -> Answer:
    """What an editions answer computed: the editions it read, compared, for these fields."""
    answer.computed.editions.update(label_of(e) for e in editions if e)
    answer.computed.years.update(label_of(e) for e in editions if e)
    answer.computed.operations.update(operations)
    answer.computed.fields.update(fields)
    return answer


def renamed(store: Store, query: Query) -> Answer:
    """Every project whose name changed between editions."""
    lang = query.lang
    lines, sources, shown, taken = [], [], [], []
    links = store.links()
    kinds = link_kinds(links)
    for k in links:
        old, new = store.project(k.older), store.project(k.newer)
        kind = kinds.get((k.older, k.newer))
        if not (old and new) or kind not in ("renamed", "taken_over"):
            continue
        line = f"・{m.short_ref(old)} → {m.short_ref(new)}（{m.evidence_words(k.evidence, lang)}）"
        if kind == "taken_over":  # a merge or take-over is not where a name went
            taken.append(line)
            continue
        shown += [p for p in (old, new) if p not in shown]
        lines.append(line)
        sources += [src(old, "name"), src(new, "name")]
    renamed_count = len(lines)
    if taken:
        lines += [m.say("takeovers_heading", lang, n=len(taken)), *taken]
    answer = Answer(
        status="ok",
        title=m.say("renamed_title", lang, n=renamed_count),
        lines=lines,
        projects=[ref(p) for p in shown],  # both sides of each rename (#17)
        sources=unique(sources),
    )
    return _said(answer, default_codes(store)[-2:], ("compare", "list", "count"), ("name",))


def dropped(store: Store, query: Query) -> Answer:
    """The older edition's projects with no counterpart in the newer one."""
    lang = query.lang
    codes = default_codes(store)
    if len(codes) < 2:
        return Answer(status="not_stated", title=m.say("one_edition", lang))
    older, newer = codes[-2], codes[-1]
    linked = {k.older for k in store.links()}
    gone = [p for p in store.projects(older) if p.key not in linked]
    answer = Answer(
        status="ok",
        title=m.say("dropped_title", lang, older=older, newer=newer, n=len(gone)),
        lines=[f"・{m.short_ref(p)}（{m.period(p.start, p.end, lang)}）" for p in gone],
        projects=[ref(p) for p in gone],
        sources=[src(p, "name") for p in gone],
    )
    answer.computed.negated = True  # in the older edition and not in the newer one
    return _said(answer, [older, newer], ("compare", "list", "count"), ("period",))


def budget_moves(store: Store, selection: Selection, query: Query) -> Answer:
    """Projects of the selection whose budget rose (or fell) from their older edition."""
    lang = query.lang
    rising = query.comparison == "increased"
    rows, taken = [], []
    kinds = link_kinds(store.links())
    for p in selection.projects:
        # Only a project's own predecessor: an older project that continues under its own
        # name elsewhere (No40 took over parts of No37's and No38's work) is not No40's budget.
        links = store.predecessors(p.key)
        own = [k for k in links if kinds.get((k.older, k.newer)) in ("continued", "renamed")]
        older = [o for k in own if (o := store.project(k.older))]
        if not older:
            if links:
                taken.append(p)  # took over other projects' work: no budget of its own before
            continue
        before = sum(o.budget_thousand_yen for o in older)
        change = p.budget_thousand_yen - before
        if (change > 0) if rising else (change < 0):
            rows.append((p, older, before, change))
    rows.sort(key=lambda r: -abs(r[3]))
    top = "max" in query.ops and rows
    if top:  # いちばん増えた: the largest change, every one of a tie
        rows = [r for r in rows if abs(r[3]) == abs(rows[0][3])]
    lines = []
    unit = m.say("unit_thousand_yen", lang)
    space = "" if lang == "ja" else " "
    for p, older, before, change in rows:
        merged = m.say("merged_from", lang, n=len(older)) if len(older) > 1 else ""
        lines.append(
            f"・{m.short_ref(p)}：{before:,}{space}{unit} → {p.budget_thousand_yen:,}{space}{unit}"
            f"（{change:+,}{space}{unit}）{merged}"
        )
    answer = Answer(
        status="ok",
        title=m.say(
            "budget_rose" if rising else "budget_fell",
            lang,
            scope=scope(selection, lang, counted=False),
            n=len(rows),
        ),
        lines=(lines or [m.say("none_match", lang)])
        + (
            [m.say("taken_over_not_compared", lang, names="、".join(m.short_ref(p) for p in taken))]
            if taken
            else []
        ),
        projects=[ref(x) for r in rows for x in (*r[1], r[0])],
        value=Value(amount=len(rows), unit=m.say("unit_count", lang)),
        sources=[src(r[0], "budget") for r in rows],
    )
    answer.computed.merge(computed_of(selection))
    if top:
        answer.computed.operations.update({"max", "verdict"})
        answer.verdict = "、".join(m.short_ref(r[0]) for r in rows)
    older = {k.older.split("/")[0] for r in rows for k in store.predecessors(r[0].key)}
    return _said(answer, [selection.edition, *older], ("compare", "diff", "list", "count"))


def per_edition(store: Store, query: Query, select_in) -> Answer:
    """The same filters in every edition: how many projects and their total budget."""
    lang = query.lang
    lines, totals = [], {}
    answer = Answer(status="ok", title=m.say("per_edition_title", lang))
    for code in _compared_codes(store, query):
        chosen = select_in(code)
        totals[code] = sum(p.budget_thousand_yen for p in chosen.projects)
        lines.append(f"・{scope(chosen, lang)}：{m.money(totals[code], lang)}")
        answer.computed.merge(computed_of(chosen))
    answer.lines = lines
    _said(answer, list(totals), ("compare", "diff", "sum", "count"))
    return _with_difference(store, answer, totals, lang)


def _compared_codes(store: Store, query: Query) -> list[str]:
    """The editions a comparison is over: the two named (R6からR7で), else every loaded one."""
    codes = [e.code for e in store.editions()]
    named = [store.edition_code(c) for c in query.compared]
    named = [c for c in named if c]
    return sorted(set(named), key=codes.index) if len(set(named)) == 2 else codes


def _with_difference(store: Store, answer: Answer, totals: dict[str, int], lang: str) -> Answer:
    """Two editions' totals: their difference (amount and %), and a note when the editions
    carry different fields (R6 has the flags, R7 not): the comparison is of what both print."""
    if len(totals) < 2:
        return answer
    (older, old), (newer, new) = list(totals.items())[-2:]
    diff = new - old
    pct = f"{diff / old * 100:+.1f}%" if old else "—"
    money = ("+" if diff > 0 else "−" if diff < 0 else "") + m.money(abs(diff), lang)
    answer.lines.append(
        m.say("edition_difference", lang, older=older, newer=newer, money=money, pct=pct)
    )
    answer.value = Value(amount=diff, unit=m.say("unit_thousand_yen", lang))
    answer.computed.operations.update(("diff", "ratio"))
    only_old, only_new = _loaded_fields(store, older, newer)
    join = "・" if lang == "ja" else ", "
    if only_old or only_new:
        answer.lines.append(
            m.say(
                "fields_differ",
                lang,
                older=older,
                newer=newer,
                only_old=join.join(m.label(f, lang) for f in only_old) or "—",
                only_new=join.join(m.label(f, lang) for f in only_new) or "—",
            )
        )
    return answer


_COMPARED_FIELDS = (
    "field",
    "category",
    "sections",
    "priority_frame",
    "future_response",
    "achievements",
    "initiatives",
)


def _loaded_fields(store: Store, older: str, newer: str) -> tuple[list[str], list[str]]:
    """The fields printed in one edition's projects and in none of the other's."""

    def printed(code: str) -> set[str]:
        return {
            f
            for p in store.projects(code)
            for f in _COMPARED_FIELDS
            if getattr(p, f, None) not in (None, "", [], {})
        }

    old, new = printed(older), printed(newer)
    return sorted(old - new, key=_COMPARED_FIELDS.index), sorted(
        new - old, key=_COMPARED_FIELDS.index
    )


def edition_changes(store: Store, query: Query) -> Answer:
    """What changed between two editions: added, ended, renamed, budgets up and down, totals."""
    from bot.diff import diff_editions  # the diff module is only needed for this question

    lang = query.lang
    codes = _compared_codes(store, query)
    if len(codes) < 2:
        return edition_totals(store, query)
    older, newer = codes[-2], codes[-1]
    d = diff_editions(store, older, newer)
    counts = m.say(
        "edition_changes_counts",
        lang,
        added=len(d.added),
        ended=len(d.ended),
        renamed=sum(1 for c in d.changes if c.renamed),
        up=sum(1 for c in d.changes if c.budget_change > 0),
        down=sum(1 for c in d.changes if c.budget_change < 0),
    )
    answer = Answer(
        status="ok",
        title=m.say("edition_changes_title", lang, older=older, newer=newer),
        lines=[counts],
    )
    renamed = [c.newer for c in d.changes if c.renamed]
    for key, refs in (("added", d.added), ("ended", d.ended), ("renamed", renamed)):
        if refs:
            names = [f"No{r.no} {r.name}" if r.no is not None else r.name for r in refs[:5]]
            if len(refs) > 5:
                names.append(m.say("edition_changes_more", lang, n=len(refs) - 5))
            answer.lines.append(
                m.say(
                    "edition_changes_list",
                    lang,
                    what=m.say(f"edition_changes_{key}", lang),
                    names=("、" if lang == "ja" else "; ").join(names),
                )
            )
    totals = {
        older: d.totals[f"{older}_budget_thousand_yen"],
        newer: d.totals[f"{newer}_budget_thousand_yen"],
    }
    _said(answer, [older, newer], ("compare", "diff", "sum", "count"), ("budget", "name"))
    answer.lines += [
        f"・{m.edition_name(c, lang)}：{m.money(t, lang)}（{m.say('n_projects', lang, n=d.totals[f'{c}_projects'])}）"
        for c, t in totals.items()
    ]
    return _with_difference(store, answer, totals, lang)


def project_comparison(store: Store, p: Project, query: Query) -> Answer:
    """A named project against its other edition: predecessor, successor, changes, budget."""
    if query.comparison == "successor":
        return _linked(store, p, query, successors=True)
    if query.comparison == "predecessor":
        return _linked(store, p, query, successors=False)
    budget_only = query.comparison in ("budget", "increased", "decreased")
    return _changes(store, p, query, budget_only=budget_only)


def _linked(store: Store, p: Project, query: Query, successors: bool) -> Answer:
    lang = query.lang
    links = store.successors(p.key) if successors else store.predecessors(p.key)
    others = [(store.project(k.newer if successors else k.older), k) for k in links]
    others = [(o, k) for o, k in others if o]
    key = "successor" if successors else "predecessor"
    if not others:
        answer = Answer(
            status="not_stated",
            title=m.say(f"no_{key}", lang, ref=m.project_ref(p, lang)),
            projects=[ref(p)],
            sources=[src(p, "name")],
        )
        return _said(answer, [p.edition], ("compare",), ("name",))
    answer = Answer(
        status="ok",
        title=m.say(f"{key}_title", lang, ref=m.project_ref(p, lang)),
        lines=[f"・{m.short_ref(o)}（{m.evidence_words(k.evidence, lang)}）" for o, k in others],
        projects=[ref(p)] + [ref(o) for o, _ in others],
        sources=[src(p, "name")] + [src(o, "name") for o, _ in others],
    )
    return _said(answer, [p.edition, *(o.edition for o, _ in others)], ("compare",), ("name",))


def versions(store: Store, p: Project) -> tuple[Project, Project] | None:
    """(older, newer) versions of a project across editions."""
    return _pair(store, p)


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
        answer = Answer(
            status="not_stated",
            title=m.say("no_other_edition", lang, ref=m.project_ref(p, lang)),
            projects=[ref(p)],
            sources=[src(p)],
        )
        return _said(answer, [p.edition])
    old, new = pair
    diff, pct = budget_change(old, new)
    lines = [m.budget_change(old, new, diff, pct, lang)]
    merged = [o for k in store.predecessors(new.key) if (o := store.project(k.older))]
    if len(merged) > 1:
        # No40 continues two older projects: the first pair alone would be half the story.
        total = sum(o.budget_thousand_yen for o in merged)
        lines.append(
            m.say(
                "merged_budget",
                lang,
                names="、".join(o.name for o in merged)
                if lang == "ja"
                else ", ".join(o.name for o in merged),
                total=f"{total:,}",
                now=f"{new.budget_thousand_yen:,}",
                change=f"{new.budget_thousand_yen - total:+,}",
            )
        )
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
    answer = Answer(
        status="ok",
        title=m.say("changes_title", lang, old=m.short_ref(old), new=m.short_ref(new)),
        lines=lines,
        value=Value(amount=diff, unit=m.say("unit_thousand_yen", lang)),
        projects=[ref(old), ref(new)],
        sources=[src(old, "budget"), src(new, "budget")],
    )
    fields = (
        ("budget",)
        if budget_only
        else ("budget", "name", "start", "end", "period", "owner", "summary")
    )
    return _said(answer, [old.edition, new.edition], ("compare", "diff", "ratio"), fields)


def edition_totals(store: Store, query: Query) -> Answer:
    lang = query.lang
    lines, totals = [], {}
    counts = {e.code: e.projects for e in store.editions()}
    for code in _compared_codes(store, query):
        totals[code] = sum(p.budget_thousand_yen for p in store.projects(code))
        lines.append(
            f"・{m.edition_name(code, lang)}：{m.money(totals[code], lang)}（{m.say('n_projects', lang, n=counts[code])}）"
        )
    answer = Answer(status="ok", title=m.say("edition_totals", lang), lines=lines)
    # #23: both editions' projects are what was counted and added up.
    answer.projects = [ref(p) for code in totals for p in store.projects(code)]
    _said(answer, list(totals), ("compare", "diff", "sum", "count"))
    return _with_difference(store, answer, totals, lang)
