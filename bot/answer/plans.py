"""Each year's plan and actual, by initiative (#24 item 3): the 目標/計画 and 実績 of a named
year (or the years after one: R8以降, beyond R8) and of the initiatives the question names,
from the right row and column; a plan printed in the 実績 row is a plan, said so; a row printed
with fewer cells than years says which reading is used; a result is told by the edition after
its year (R7's tells of R6) and by the chat record, of which only the latest entries are read.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bot import messages as m
from bot.answer.model import Answer, SourceRef
from bot.answer.render import ref, src, unique
from bot.answer.text_facts import asked_year, closeness
from bot.fiscal_year import FiscalYear, achievements_year
from bot.models import Initiative, Project
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query

# Chat entries shown with a result: the latest few, and how many more there are.
ENTRIES_SHOWN = 10
COUNTED_UP_TO = 1000
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_ITEM = re.compile(rf"([{_CIRCLED}])\s*([^{_CIRCLED}]+)")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _years(p: Project, query: Query) -> list[str]:
    """The years asked: one, the ones after it (R8以降 / beyond R8), else every column."""
    columns = list(dict.fromkeys(y for i in p.initiatives for y in i.years))
    columns.sort(key=lambda y: FiscalYear.parse(y).western)
    year = asked_year(query)
    if year is None:
        return columns
    op = query.year_op
    out = []
    for y in columns:
        w = FiscalYear.parse(y).western
        if (
            (op == "eq" and w == year.western)
            or (op == "ge" and w >= year.western)
            or (op == "gt" and w > year.western)
        ):
            out.append(y)
    return out or ([year.reiwa.code] if op == "eq" else [])


def _words(p: Project, query: Query) -> list[str]:
    """The question's words beyond the project's name (they pick initiatives)."""
    name = _plain(p.name)
    words = [w.lower() for w in dict.fromkeys(query.search_terms + query.unknown) if len(w) >= 2]
    return [w for w in words if closeness(w, name) < 0.8]


def chosen(p: Project, query: Query) -> tuple[list[tuple[int, Initiative]], list[str]] | None:
    """The initiatives the question names by words of their label, else of their cells (all
    of them when it names none), and the words used; None when a word fits none of them."""
    everything = list(enumerate(p.initiatives, 1))
    words = _words(p, query)
    # Words printed nowhere in the project ("trial", "say") pick nothing; they are left out
    # when others pick an initiative (a question of those words alone is asked back).
    printed = _plain(
        " ".join([p.summary] + [i.label or "" for i in p.initiatives])
        + " ".join(t for i in p.initiatives for c in i.years.values() for t in _texts(c))
    )
    words = [
        w for w in words if closeness(w, printed) >= 0.6 or not re.fullmatch(r"[a-z0-9\-']+", w)
    ] or words
    if not words:
        return everything, []

    def fit(text: str) -> float:  # how much of the question's words a text holds
        plain = _plain(text)
        return sum(closeness(w, plain) * len(w) for w in words) / sum(len(w) for w in words)

    labels = [(n, i, fit(i.label or "")) for n, i in everything]
    # 高齢者向けと障がい者向けそれぞれ: each word naming its own initiative picks it.
    each = [
        (n, i)
        for n, i in everything
        if any(closeness(w, _plain(i.label or "")) >= 0.8 for w in words)
    ]
    if len(each) > 1 and all(
        any(closeness(w, _plain(i.label or "")) >= 0.8 for _, i in each) for w in words
    ):
        return each, words
    best = max((x[2] for x in labels), default=0.0)
    if best >= 0.5:
        return [(n, i) for n, i, f in labels if f >= 0.5 and f >= best * 0.75], words
    cells = [
        (n, i, fit(" ".join(t for c in i.years.values() for t in _texts(c)))) for n, i in everything
    ]
    best = max((x[2] for x in cells), default=0.0)
    if best >= 0.5:
        return [(n, i) for n, i, f in cells if f >= 0.5 and f >= best * 0.75], words
    return None


def _texts(cell) -> list[str]:
    return [t for t in (cell.plan, cell.actual, cell.plan_in_actual_row) if t]


def _items(initiative: Initiative) -> dict[str, str]:
    """①…: what each circled number of an initiative stands for, where a cell spells it."""
    items: dict[str, str] = {}
    for cell in initiative.years.values():
        for text in _texts(cell):
            for mark, words in _ITEM.findall(text):
                if words.strip() and mark not in items:
                    items[mark] = words.strip()
    return items


def spelled(text: str, initiative: Initiative) -> str:
    """A cell of bare circled numbers (「① ② ③」) with what each stands for."""
    if not re.fullmatch(rf"[\s{_CIRCLED}]+", text):
        return text
    items = _items(initiative)
    spelt = " ".join(f"{c}{items[c]}" for c in text if c in items)
    return f"{text}（＝{spelt}）" if spelt else text


def _line_source(p: Project, initiative: Initiative, kind: str, year: str) -> SourceRef:
    return SourceRef(
        file=initiative.source.file,
        line=initiative.line_of(kind, year),
        edition=p.edition,
        no=p.no,
    )


def _reading_note(p: Project, initiative: Initiative, number: int, lang: str) -> str | None:
    """Which reading of a row printed one cell short of the years is used."""
    if not initiative.short_from:
        return None
    columns = list(initiative.years)
    first = columns[0] if columns else "R6"
    key = "short_row_from_first" if initiative.short_from == first else "short_row_from_second"
    return m.say(
        key,
        lang,
        initiative=m.initiative_name(initiative.label, number, lang),
        first=initiative.short_from,
        last=columns[-1] if columns else "R10",
        start=p.start or "—",
    )


def plan_lines(
    p: Project, picked: list[tuple[int, Initiative]], years: list[str], lang: str
) -> tuple[list[str], list[SourceRef], list[str]]:
    """The plan of each initiative for each year, with its source; and notes."""
    lines, sources, notes = [], [], []
    for number, initiative in picked:
        name = m.initiative_name(initiative.label, number, lang)
        used = False
        for year in years:
            cell = initiative.years.get(year)
            if cell is None:
                continue
            if cell.plan:
                lines.append(f"・{year} {name}：{spelled(cell.plan, initiative)}")
                sources.append(_line_source(p, initiative, "plan", year))
                used = True
            if cell.plan_in_actual_row:
                lines.append(
                    f"・{year} {name}：{spelled(cell.plan_in_actual_row, initiative)}"
                    + m.say("printed_in_actual_row", lang)
                )
                sources.append(_line_source(p, initiative, "plan_in_actual_row", year))
                notes.append(m.say("plan_in_actual_row_note", lang, year=year))
                used = True
        if used and (note := _reading_note(p, initiative, number, lang)):
            notes.append(note)
    return lines, sources, list(dict.fromkeys(notes))


def _beyond_end(p: Project, years: list[str]) -> bool:
    end = p.end_year
    return end is not None and all(FiscalYear.parse(y).western > end.western for y in years)


def plan(store: Store, p: Project, query: Query) -> Answer:
    """The plan/goal of the years and initiatives asked."""
    picked = chosen(p, query)
    return _plan(store, p, query, picked[0] if picked else list(enumerate(p.initiatives, 1)))


def _plan(store: Store, p: Project, query: Query, picked: list[tuple[int, Initiative]]) -> Answer:
    lang = query.lang
    years = _years(p, query)
    year_words = _year_words(query, years)
    lines, sources, notes = plan_lines(p, picked, years, lang)
    pr = m.project_ref(p, lang)
    if lines:
        result = Answer(
            status="ok",
            title=m.say("plan_is", lang, ref=pr, year=year_words),
            lines=lines + notes,
            projects=[ref(p)],
            sources=unique(sources),
        )
        _done(result, query, years, "plan")
        return result
    # Nothing planned for those years: why (the project ends before them), what is planned in
    # the other years, and what the edition before planned for them.
    others, other_sources, _ = plan_lines(p, picked, _years(p, _no_year(query)), lang)
    ended = _beyond_end(p, years)
    # The project ends before those years: the earlier edition may still have planned them.
    older = _older_plans(store, p, picked, years, lang) if ended else ([], [], [])
    title = m.say(
        "plan_none_ended" if ended else "plan_not_stated",
        lang,
        ref=pr,
        year=year_words,
        period=m.period(p.start, p.end, lang),
    )
    extra = [m.say("plan_other_years", lang), *others[:8]] if others else []
    result = Answer(
        status="ok" if ended or (query.also and others) else "not_stated",
        title=title,
        lines=extra + older[0],
        projects=[ref(p)] + older[1],
        sources=unique([src(p, "end" if ended else "")] + other_sources[:8] + older[2]),
    )
    _done(result, query, years, "plan")
    return result


def _no_year(query: Query) -> Query:
    from dataclasses import replace

    return replace(query, year=None, year_op="eq", edition_from_year=False)


def _older_plans(
    store: Store, p: Project, picked: list[tuple[int, Initiative]], years: list[str], lang: str
) -> tuple[list[str], list, list[SourceRef]]:
    """What the edition before planned for these years (the R6 edition had R10 too)."""
    lines, projects, sources = [], [], []
    labels = {_plain(i.label or "") for _, i in picked}
    for link in store.predecessors(p.key):
        older = store.project(link.older)
        if older is None:
            continue
        mine = [
            (n, i)
            for n, i in enumerate(older.initiatives, 1)
            if not labels - {""}
            or any(closeness(lb, _plain(i.label or "")) >= 0.6 for lb in labels)
        ] or list(enumerate(older.initiatives, 1))
        found, found_sources, _ = plan_lines(older, mine, years, lang)
        if found:
            lines.append(m.say("plan_in_older_edition", lang, ref=m.project_ref(older, lang)))
            lines += found
            projects.append(ref(older))
            sources += found_sources
    return lines, projects, sources


def _year_words(query: Query, years: list[str]) -> str:
    year = asked_year(query)
    if year is None:
        return ""
    code = year.reiwa.code
    if query.year_op in ("gt", "ge"):
        return m.say(f"years_{query.year_op}", query.lang, year=code)
    return code


def _done(result: Answer, query: Query, years: list[str], kind: str) -> None:
    done = result.computed
    done.fields.add(kind)
    year = asked_year(query)
    if year is not None:
        done.years.add(year.reiwa.code)
        if query.year:
            done.years.add(query.year)
    done.words.update(query.search_terms)


# -- results --------------------------------------------------------------------------------


def _reporting(store: Store, p: Project, year: FiscalYear) -> list[Project]:
    """The projects (this one, or its successor in a later edition) whose edition can report
    that year's results: an edition tells only of the years before its own."""
    own = FiscalYear.parse(label_of(p.edition))
    if year < own:
        return [p]
    later = []
    for link in store.successors(p.key):
        newer = store.project(link.newer)
        if newer is not None and year < FiscalYear.parse(label_of(newer.edition)):
            later.append(newer)
    return later


def _telling(p: Project, labels: set[str]) -> str:
    """The sentences of a project's achievements that tell of the initiatives named."""
    sentences = [x.strip() for x in re.split(r"。|<[^>]+>|\s{2,}|・", p.achievements) if x.strip()]

    def tells(sentence: str, label: str) -> bool:
        # Four characters of the label's own words in a row (長寿命化計画), not one shared word.
        match = SequenceMatcher(None, label, sentence, autojunk=False).find_longest_match()
        return match.size >= 4

    return "。".join(x for x in sentences if any(tells(_plain(x), lb) for lb in labels if lb))


def actual(store: Store, p: Project, query: Query) -> Answer:
    """The results of the years and initiatives asked."""
    picked = chosen(p, query)
    return _actual(store, p, query, picked[0] if picked else list(enumerate(p.initiatives, 1)))


def _actual(store: Store, p: Project, query: Query, picked: list[tuple[int, Initiative]]) -> Answer:
    lang = query.lang
    year = asked_year(query)
    years = _years(p, query)
    year_words = _year_words(query, years)
    pr = m.project_ref(p, lang)
    lines: list[str] = []
    sources: list[SourceRef] = []
    projects = [ref(p)]
    notes: list[str] = []
    tellers = [p] if year is None else _reporting(store, p, year)
    labels = {_plain(i.label or "") for _, i in picked if i.label}
    whole = len(picked) == len(p.initiatives)
    for teller in tellers:
        if teller is not p:
            projects.append(ref(teller))
            notes.append(
                m.say(
                    "actual_told_by",
                    lang,
                    year=year.reiwa.code if year else "",
                    edition=label_of(teller.edition),
                    ref=m.project_ref(teller, lang),
                )
            )
        for number, initiative in enumerate(teller.initiatives, 1):
            label = _plain(initiative.label or "")
            if teller is p:
                if all(initiative is not i for _, i in picked):
                    continue
            elif not whole and not any(closeness(lb, label) >= 0.6 for lb in labels):
                continue
            name = m.initiative_name(initiative.label, number, lang)
            for y in years:
                cell = initiative.years.get(y)
                if cell is not None and cell.actual:
                    lines.append(f"・{y} {name}：{cell.actual}")
                    sources.append(_line_source(teller, initiative, "actual", y))
        if teller.achievements:
            reported = achievements_year(FiscalYear.parse(label_of(teller.edition)))
            if year is None or reported == year or reported.reiwa.code in years:
                # One initiative asked: only the achievements' sentences that tell of it
                # (「R7年度に長寿命化計画を策定するため…」 of 青森県舗装長寿命化計画の策定).
                told = teller.achievements if whole or not labels else _telling(teller, labels)
                if told:
                    lines.append(
                        f"・{reported.reiwa.code} [{m.label('achievements', lang)}] {told}"
                    )
                    sources.append(src(teller, "achievements"))
    # What was reported in chat: the latest entries of the year (a count of the rest).
    chat, total = _chat(store, p, year)
    for e in chat:
        lines.append(m.entry_fact(e, lang))
    more = max(0, total - len(chat))
    if total > COUNTED_UP_TO:  # a record this long is not counted to the last entry
        notes.append(m.say("entries_more_than", lang, n=f"{COUNTED_UP_TO - len(chat):,}"))
        more = 0
    if lines:
        result = Answer(
            status="ok",
            title=m.say("actual_is", lang, ref=pr, year=year_words),
            lines=lines + notes,
            projects=projects,
            sources=unique(sources) or [src(p)],
            more=more,
        )
        _done(result, query, years, "actual")
        return result
    # No result: none can exist yet, or none was printed; what is planned for it instead.
    planned, planned_sources, plan_notes = plan_lines(p, picked, years, lang)
    latest = FiscalYear.parse(label_of(store.latest_edition() or p.edition))
    not_yet = year is not None and year >= latest
    title = m.say(
        "actual_not_yet" if not_yet else "actual_not_stated",
        lang,
        ref=pr,
        year=year_words,
        edition=label_of(store.latest_edition() or p.edition),
    )
    extra = [m.say("actual_planned_instead", lang), *planned, *plan_notes] if planned else []
    result = Answer(
        status="not_stated",
        title=title,
        lines=extra,
        projects=projects,
        sources=unique(planned_sources) or [src(p)],
    )
    _done(result, query, years, "actual")
    return result


def _chat(store: Store, p: Project, year: FiscalYear | None):
    """The latest chat entries of the project (of the year), and how many there are."""
    code = year.reiwa.code if year else None
    return store.latest_entries(
        p.key, ENTRIES_SHOWN, code, chat_only=True, count_up_to=COUNTED_UP_TO
    )


def answer(store: Store, p: Project, query: Query) -> Answer | None:
    """The plan and/or result asked of one project; None when the question names words that
    fit none of its initiatives (asked back by the caller)."""
    fields = {"plan", "actual"} & set(query.fields)
    if not fields:
        return None
    picked = chosen(p, query)
    if picked is None:
        # The initiative named may be printed only in the other edition of the project
        # (公衆衛生DX推進事業's EBPM is R6's): answer from that one.
        for link in store.predecessors(p.key) + store.successors(p.key):
            other = store.project(link.older if link.newer == p.key else link.newer)
            if other is not None and (found := chosen(other, query)) is not None:
                p, picked = other, found
                break
    if picked is None:
        return None
    initiatives, words = picked
    parts = []
    if "plan" in fields:
        parts.append(_plan(store, p, query, initiatives))
    if "actual" in fields:
        parts.append(_actual(store, p, query, initiatives))
    if len(parts) == 1:
        result = parts[0]
    else:
        result = Answer(
            status="ok" if any(a.status == "ok" for a in parts) else "not_stated",
            title=m.project_ref(p, query.lang),
            lines=[line for a in parts for line in [a.title, *a.lines] if line],
            projects=list({r.key or r.name: r for a in parts for r in a.projects}.values()),
            sources=unique([s for a in parts for s in a.sources]),
        )
        for a in parts:
            result.computed.merge(a.computed)
    result.computed.words.update(words)
    result.projects = result.projects or [ref(p)]
    return result
