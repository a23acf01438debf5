"""Answering: Query + store → Answer (data, never just a string).

Understanding gives slots; selection turns filters into projects or finds the one project
named; an operation computes over them; the answer says what it computed. A question holding
words no slot could apply is answered with what was understood and a question back, never
with a broader computation. A value the document does not print is reported as not stated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot import messages as m
from bot.answer import (
    across,
    across_sets,
    editions,
    facts,
    message,
    operations,
    plans,
    renames,
    searched,
    targets,
    text_facts,
    textsearch,
)
from bot.answer.accounting import Mention, unaccounted
from bot.answer.initiatives import initiative_answer
from bot.answer.model import Answer, ProjectRef, SourceRef, Status, Value
from bot.answer.render import finish, help_answer, in_western, inferred_note, ref, src
from bot.answer.selection import (
    GROUP_KINDS,
    Selection,
    by_text,
    computed_of,
    default_codes,
    edition_for,
    filter_words,
    find_project,
    nearest_terms,
    passes,
    resolve_relative,
    scope,
    select,
    text_terms_found,
    vocabulary_for,
)
from bot.answer.unprinted import not_in_roadmap, unprinted, which_one
from bot.fiscal_year import FiscalYear
from bot.models import Project
from bot.prefectures import label_of
from bot.resolve import Resolution, in_edition
from bot.store import Store, utcnow
from bot.understanding import SET_OPERATIONS, Filter, Query, year_code
from bot.vocabulary import as_written, normalise, translate_english

if TYPE_CHECKING:  # the asker's identity type only: updates import rapidfuzz, asking does not
    from bot.updates import Identity

__all__ = ["Answer", "ProjectRef", "SourceRef", "Status", "Value", "answer", "ask"]


# A field of the project said in so many words (not read from どのくらい or when).
_FIELD_SAID = re.compile(
    r"予算|事業費|終期|始期|担当課|担当部局|(?<![a-z])(?:budget|end year|start year|ends?|starts?"
    r"|owner|owns|who runs)(?![a-z])"
)


def _described(store: Store, p: Project, query: Query) -> bool:
    """The words beside a project's number describe it: all words of its name; or, asked in
    English for a field of the project (its end, budget, owner), the name said in English
    ("No53 (road facility management / pavement AI inspection)"): some words printed in its
    name or text, the rest English words with no reading of their own."""
    named_by = normalise(p.name)
    if all(normalise(w) in named_by for w in query.unknown):
        return True
    if not {"budget", "start", "end", "owner"} & set(query.fields) or query.lang != "en":
        return False
    # Only words said in brackets right after the number: "No40's budget for cloud" asks a
    # part of the budget, never the whole.
    said = re.search(r"no\.?\s*\d+\s*[(（]([^)）]*)[)）]", query.raw.lower())
    if said is None:
        return False
    inside = translate_english(said.group(1)).lower()
    if not all(w.lower() in inside for w in query.unknown):
        return False
    printed = textsearch.printed_words(store, p, query.unknown)
    matched = [w for w in query.unknown if normalise(w) in named_by or w.lower() in printed]
    rest = [w for w in query.unknown if w not in matched]
    return bool(matched) and all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in rest)


def ask(
    store: Store, text: str, *, now: datetime | None = None, asker: Identity | None = None
) -> Answer:
    """Understand and answer one message, asked by `asker` at `now` (relative years and
    weeks are read against it; the default is this moment): bot.answer.message."""
    with searched.one_message():  # a word the readers search again is searched once
        return message.answer_message(
            store, text, lambda query: answer(store, query, now=now, asker=asker), now=now
        )


def answer(
    store: Store, query: Query, *, now: datetime | None = None, asker: Identity | None = None
) -> Answer:
    """Answer a structured query from the store; never raises for user input."""
    as_year = None
    if query.edition_from_year and query.year is None and query.edition:
        as_year = replace(
            query,
            edition=None,
            year=query.edition,
            edition_from_year=False,
            fields=list(query.fields),
            filters=list(query.filters),
            search_terms=list(query.search_terms),
            unknown=list(query.unknown),
        )
    western = query.western
    # A field asked of a project described by words (the budget of the X project).
    described = bool(query.fields) and bool(query.search_terms) and not query.names_project
    result = _answer(store, query, now=now, asker=asker)
    if described and result.status == "ok" and not result.projects and result.title:
        # No project prints those words: nothing was found — never "no project matches" said
        # as an answer to a question about one project's budget or owner.
        result = replace(result, status="not_found")
    if western:
        result = in_western(result, query.lang)
    if result.status == "not_found" and as_year is not None:
        # 「耳で聴くハザードマップ、R6は実際どうだった？」: a bare year finds nothing in that
        # edition; read as the fiscal year it is, the newest edition tells it.
        again = _answer(store, as_year, now=now, asker=asker)
        if again.status in ("ok", "not_stated"):
            return again
    return result


def _answer(
    store: Store, query: Query, *, now: datetime | None = None, asker: Identity | None = None
) -> Answer:
    """Answer a structured query from the store (one reading of its years)."""
    lang = query.lang
    query.now = now or utcnow()
    text_facts.fiscal_reading(query)  # #24: 「R6は何件」 asks of R6, told by the R7 edition
    if query.operation in ("empty", "help"):
        return finish(help_answer(lang), lang)
    if not store.editions():
        return finish(Answer(status="not_found", title=m.say("empty_store", lang)), lang)
    edition = edition_for(store, query)
    if edition is None and _budget_year(query):
        # No43のR8事業費 with no R8 edition: that year's budget of the project, which the
        # loaded editions do not print — not an edition to look for.
        query = replace(query, edition=None, year=query.edition)
        edition = edition_for(store, query)
    if edition is not None and query.excluded:
        query.filters = [*query.filters, _left_out(store, query, edition)]
    if edition is None:
        result = _edition_not_loaded(store, query, query.edition or "")
    elif query.record is not None:  # #27: the chat record (reports, owners, what is missing)
        from bot.answer.record import answer_record

        result = answer_record(store, query, edition, asker)
    elif (part := targets.share(store, query, edition)) is not None:
        result = part  # 暮らし・まち分野のうち教育庁の分は何%
    elif (several := _several_targets(store, query, edition)) is not None:
        result = several
    elif query.operation == "compare":
        result = _compare(store, query)
    elif query.operation in SET_OPERATIONS and query.names_project:
        # 「公衆衛生DX推進事業の予算の合計」 names one project: its own figure, never all projects'.
        # (補助率は最大いくつ: the largest rate its text prints, not its budget)
        budget = query.operation not in ("list", "count") and "rate" not in query.asks
        fields = query.fields or (["budget"] if budget else [])
        result = _fact(store, replace(query, operation="fact", fields=fields), edition)
        # The total (largest…) over one project is its own figure — a figure, or a sentence
        # of its text that states it (最大5分の4を補助), never any sentence (合計いくら交付した).
        said = " ".join(result.lines)
        states = re.search(_STATED.get(query.operation, r"(?!x)x"), said)
        if len(result.projects) == 1 and ("budget" in result.computed.fields or states):
            result.computed.operations.add(query.operation)
    elif query.operation in SET_OPERATIONS and (valued := _set_as_value(store, query, edition)):
        result = valued  # #24: 「R6は何施設に補助した」 counts what the text prints
    elif query.operation in SET_OPERATIONS:
        result = _over_selection(store, query, edition)
    elif query.operation == "search" and not query.names_project:
        result = _in_text(store, query, edition)
    elif len(query.project_nos) > 1 and query.operation == "fact":
        result = _several(store, query, edition)
    else:
        result = _fact(store, query, edition)
    if query.included and result.status == "ok":
        # 病院局の分も含めて: a group taken in, not a condition — said, and counted as used.
        for f in query.included:
            # Words taken in (病院事業会計の分も) are quoted as said: no condition was read.
            said = f"「{f.value}」" if f.kind == "text" else filter_words(f, lang)
            result.lines.append(m.say("included_note", lang, value=said))
            result.computed.groups.add((f.kind, "incl", normalise(str(f.value))))
    if result.status in ("ok", "not_stated"):
        missing = unaccounted(result, query.raw, vocabulary_for(store), query.now)
        if missing:
            result = _mentions_unused(query, result, missing)
    result.lines += [n for n in _inferred(store, result, lang) if n not in result.lines]
    # #14: an answer drawn from a draft document (（案）) says so.
    drafts = {s.edition for s in result.sources if s.edition and store.is_draft(s.edition, s.no)}
    result.lines += [m.say("draft_note", lang, edition=code) for code in sorted(drafts)]
    result.lang = lang
    return finish(result, lang)


# What a sentence says when it states an aggregate itself (最大5分の4, 合計3回).
_STATED = {
    "max": r"最大|最高|上限|最多",
    "min": r"最小|最低|下限|最少",
    "sum": r"合計|総額|総計|計\d",
    "avg": r"平均",
    "count": r"\d+\s*(?:件|人|名|回|校|か所|カ所|ヶ所|箇所|台|社|施設|市町村)",
}


def _budget_year(query: Query) -> bool:
    """A project's budget labelled with a year (No43のR8事業費), read as an edition."""
    return (
        query.names_project
        and query.fields == ["budget"]
        and query.year is None
        and query.edition is not None
        and query.edition == query.budget_year
    )


def _unprinted(store: Store, query: Query, words: list[str]) -> list[str]:
    """Words of an office or a topic of projects the roadmap prints nowhere (`unprinted`)."""
    return unprinted(store, words, normalise(query.raw), vocabulary_for(store))


EDITION_COMPARISONS = {"renamed", "predecessor", "successor", "dropped", "increased", "decreased"}


def _several_targets(store: Store, query: Query, edition: str) -> Answer | None:
    """Two or more projects or groups named together: each side by side and what was asked of
    them together — or, with conditions, the operation over just those projects."""
    if query.compared or query.comparison in EDITION_COMPARISONS:
        return None
    combining = set(query.ops) & (targets.COMBINING | {"sum"})
    named = len(query.project_nos) + len(query.project_keys)
    if named:  # the same project under two editions' names is one target
        named = len(targets.named_projects(store, query, edition)[0]) or named
    groups_only = all(f.kind in GROUP_KINDS and f.op == "eq" for f in query.filters)
    if combining and named < 2 and query.subject_parts and groups_only:
        # 小児科オンライン診療と認可外保育のICT化 / the WEB出願 project or the 防災教育センター
        # one: names written in part, each found on its own (どっちも警察だと思う: a group said
        # of them, which each must be in).
        found = targets.projects_by_parts(store, query, edition)
        in_groups = found is not None and all(
            passes(p, f, {}) for p in found for f in query.filters
        )
        if found is not None and len(found) >= 2 and in_groups:
            said = query.filters
            result = targets.several_projects(store, replace(query, filters=[]), edition, found)
            result.computed.groups.update((f.kind, f.op, normalise(str(f.value))) for f in said)
            return result
    if named >= 2:
        projects, missing = targets.named_projects(store, query, edition)
        if missing:
            return _numbers_not_found(store, query, edition, missing)
        if len(projects) >= 2:
            combining = set(query.ops) & targets.COMBINING
            listed = query.operation in SET_OPERATIONS - {"group"}
            if query.filters or (listed and not combining and query.operation != "sum"):
                operation = query.operation if listed else "list"
                narrowed = replace(
                    query,
                    operation=operation,
                    filters=[*query.filters, targets.projects_filter(projects, query)],
                )
                return operations.run(select(store, narrowed, edition), narrowed)
            return targets.several_projects(store, query, edition, projects)
    grouped = targets.group_values(query)
    if grouped and targets.wants_groups_apart(query) and not query.names_project:
        if query.search_terms:
            # 介護テクノロジー関係の2事業（高齢福祉保険課のと障がい福祉課の）: each group's
            # projects that print the words, never all of each group's.
            found, missing = text_terms_found(store, query.search_terms, edition)
            if missing or not found:
                return None
            words = [Filter("text", "eq", t, said=as_written(t, query.raw)) for t in found]
            query = replace(query, filters=[*query.filters, *words])
        return targets.several_groups(store, query, edition, *grouped)
    return None


def _left_out(store: Store, query: Query, edition: str) -> Filter:
    """Projects named with 〜を除く / except: a condition that leaves them out."""
    left: list[Project] = []
    for said in query.excluded:
        numbered = (
            [p for p in store.projects(edition) if p.no == said] if isinstance(said, int) else []
        )
        named = [store.project(said)] if isinstance(said, str) else []
        for p in numbered + [p for p in named if p]:
            left += [x for x in in_edition(store, p, edition) if x not in left]
    label = "・".join(m.short_ref(p) for p in left) or "—"
    keys = ",".join(p.key for p in left)
    return Filter("projects", "ne", keys, label)


def _numbers_not_found(store: Store, query: Query, edition: str, missing: list[str]) -> Answer:
    """Some of the projects named do not exist in the edition: say which, answer nothing."""
    lang = query.lang
    sep = "、" if lang == "ja" else ", "
    result = Answer(
        status="not_found",
        title=m.say(
            "not_found", lang, what=sep.join(missing), edition=m.edition_name(edition, lang)
        ),
    )
    result.computed.numbers.update(query.project_nos)
    return result


def _mentions_unused(query: Query, draft: Answer, missing: list[Mention]) -> Answer:
    """An answer that would leave part of the question unused: say what it would have
    answered and which words it could not use, and ask — never answer a narrower question."""
    lang = query.lang
    words = list(dict.fromkeys(x.text for x in missing))
    sep = "、" if lang == "ja" else ", "
    return Answer(
        status="clarify",
        title=m.say("mentions_unused", lang, words=sep.join(words), draft=draft.title or "—"),
        projects=draft.projects,
        suggestions=m.examples(lang)[:3],
    )


def _inferred(store: Store, result: Answer, lang: str) -> list[str]:
    """Every answer that shows a project whose number was inferred says so."""
    editions = {r.edition for r in result.projects if r.no is not None}
    inferred = {
        (p.edition, p.no): p for e in editions for p in store.projects(e) if p.number_inferred
    }
    shown = [inferred[(r.edition, r.no)] for r in result.projects if (r.edition, r.no) in inferred]
    return inferred_note(shown, lang)


def _over_selection(store: Store, query: Query, edition: str) -> Answer:
    """List, count, sum… over the projects passing every filter; words not understood → ask."""
    flagged = [f for f in query.filters if f.kind in ("priority_frame", "future_response")]
    if flagged and not any(p.priority_frame is not None for p in store.projects(edition)):
        # R7版で重点枠の事業: the R7 edition prints no flags — not "none of them".
        printed = [
            label_of(e.code)
            for e in store.editions()
            if any(p.priority_frame is not None for p in store.projects(e.code))
        ]
        result = Answer(
            status="not_stated",
            title=m.say(
                "flags_not_printed",
                query.lang,
                edition=m.edition_name(edition, query.lang),
                editions="、".join(printed) or "—",
            ),
        )
        result.computed.editions.add(label_of(edition))
        result.computed.fields.add("flags")
        return result
    if query.year and not _is_loaded(store, query.year) and re.fullmatch(r"R\d+", query.year):
        # 「R8の事業費の合計」 with no R8 edition: say which editions exist, not a puzzle.
        return _edition_not_loaded(store, query, query.year)
    if query.year:
        # A year no filter used (「R10まで続く」 read as nothing): ask, never drop it.
        return _not_applied(query, edition, [query.year])
    if query.unknown:
        found, missing = text_terms_found(store, query.search_terms, edition)
        if missing or not found:
            elsewhere = _only_elsewhere(store, query, edition) if query.search_terms else None
            if elsewhere is None and (gone := _unprinted(store, query, missing)):
                return not_in_roadmap(query, gone, edition)  # 空き家対策: printed nowhere
            return elsewhere or _not_applied(query, edition, query.unknown, store)
        query.filters = query.filters + [
            Filter("text", "eq", term, said=as_written(term, query.raw)) for term in found
        ]
    selection = select(store, query, edition)
    if query.fallback and query.operation in ("max", "min", "top", "bottom"):
        return _else_ranked(store, query, selection)
    if query.having == ("eq", 0):
        return _groups_without(store, query, selection)
    if not selection.projects and query.edition is None:
        older = _older_edition_with(store, query, edition)
        if older is not None:
            return older
    if query.one_of and len(selection.projects) > 1:
        return which_one(selection, operations.run(selection, query), query.lang)
    return operations.run(selection, query)


def _else_ranked(store: Store, query: Query, selection: Selection) -> Answer:
    """5億円を超える事業はある？なければ一番大きい事業は: the projects meeting the conditions;
    if there are none, that said, and the ranking over the offices or groups named."""
    if selection.projects:
        result = operations.run(selection, replace(query, operation="list"))
        result.computed.operations.update({"max", "min", "top", "bottom", "verdict"})
        return result
    kept = [f for f in query.filters if f.kind in GROUP_KINDS]
    wider = select(store, replace(query, filters=kept), selection.edition)
    result = operations.run(wider, query)
    result.lines.insert(0, result.title)
    result.title = m.say("none_then", query.lang, scope=scope(selection, query.lang, counted=False))
    result.computed.merge(computed_of(selection))
    result.computed.operations.update({"list", "count", "verdict"})
    return result


def _groups_without(store: Store, query: Query, selection: Selection) -> Answer:
    """R7開始の事業が1つもない項目: the groups of the edition — of the offices, categories or
    fields named, if any — none of whose projects meets the other conditions."""
    kept = [f for f in query.filters if f.kind in GROUP_KINDS and f.op == "eq"]
    if len(kept) == len(query.filters):
        kept = []  # 教育庁の事業が1つもない項目: the office is the condition, every group asked
    universe = select(store, replace(query, filters=kept), selection.edition)
    return operations.groups_without(universe, selection, query)


def _budget_year_not_printed(p: Project, code: str, query: Query) -> Answer:
    """A budget of a year relative to today (来年度 → @1) the document does not print."""
    year = code
    if code.startswith("@"):
        year = (FiscalYear.of(query.now or utcnow()) + int(code[1:])).reiwa.code
        code = m.relative_year(code, year, query.lang)
    result = facts.budget_not_stated(p, code, query.lang)
    result.computed.fields.add("budget")
    result.computed.years.add(year)
    _targeted(result, p, query)
    return result


def _only_elsewhere(store: Store, query: Query, edition: str) -> Answer | None:
    """Words printed in no project of this edition but in an older or newer one (見守り only in
    R6): answer from that edition and say so — never a bare 'not understood'."""
    for code in reversed(default_codes(store)):
        if code == edition:
            continue
        found, missing = text_terms_found(store, query.search_terms, code)
        if not found or missing:
            continue
        chosen = select(
            store,
            replace(
                query,
                filters=query.filters
                + [Filter("text", "eq", t, said=as_written(t, query.raw)) for t in found],
            ),
            code,
        )
        if not chosen.projects:
            continue
        result = operations.run(chosen, query)
        words = query.subject or " ".join(found)
        note = m.say(
            "only_in_edition",
            query.lang,
            words=words,
            edition=label_of(edition),
            other=label_of(code),
        )
        if query.edition:  # R7版にある？ — the answer is no; where it is comes after
            result.lines.insert(0, result.title)
            result.title, result.status = note, "not_found"
        else:
            result.lines.append(note)
        return result
    return None


def _is_loaded(store: Store, code: str) -> bool:
    return store.edition_code(code) is not None


def _edition_not_loaded(store: Store, query: Query, edition: str) -> Answer:
    """An edition that is not loaded: say so, and which editions are."""
    known = [label_of(e.code) for e in store.editions()]
    sep = "、" if query.lang == "ja" else ", "
    return Answer(
        status="not_found",
        title=m.say(
            "edition_not_loaded",
            query.lang,
            edition=label_of(edition) if edition not in ("previous", "latest") else edition,
            known=sep.join(known),
        ),
    )


def _year_of(code: str) -> int | None:
    found = re.fullmatch(r"R(\d+)", label_of(code) or "")
    return int(found.group(1)) if found else None


def _older_edition_with(store: Store, query: Query, edition: str) -> Answer | None:
    """「R6で終わった事業」 asked of the R7 edition finds nothing: a year before the edition's own
    is about an older edition whose plan held it — answer from that one and say so."""
    own = _year_of(edition)
    years = [
        _year_of(str(f.value))
        for f in query.filters
        if f.kind in ("start", "end") and isinstance(f.value, str) and f.op in ("eq", "le", "lt")
    ]
    years = [y for y in years if y is not None]
    if own is None or not years or max(years) >= own:
        return None
    codes = default_codes(store)
    for code in reversed(codes[: codes.index(edition)] if edition in codes else []):
        chosen = select(store, query, code)
        if chosen.projects:
            result = operations.run(chosen, query)
            result.lines.append(
                m.say(
                    "answered_from_edition",
                    query.lang,
                    latest=label_of(edition),
                    edition=label_of(code),
                    year=f"R{max(years)}",
                )
            )
            return result
    return None


def _not_applied(
    query: Query, edition: str, words: list[str], store: Store | None = None
) -> Answer:
    """Say what was understood and which words could not be applied, and ask."""
    lang = query.lang
    near = nearest_terms(vocabulary_for(store), words) if store else []
    understood = [filter_words(f, lang) for f in query.filters]
    return Answer(
        status="clarify",
        title=m.say(
            "not_applied",
            lang,
            words="、".join(words) if lang == "ja" else ", ".join(words),
            edition=m.edition_name(edition, lang),
            understood=("・".join(understood) if lang == "ja" else ", ".join(understood)) or "—",
            operation=m.say(f"operation_{query.operation}", lang),
        ),
        suggestions=[m.say("projects_of", lang, value=v) for v in near] or m.examples(lang)[:3],
    )


def _text_value(
    store: Store, query: Query, edition: str, groups: list[Filter] = ()
) -> Answer | None:
    """#24: a value of the text asked with no project named — the projects whose text holds
    the question's words, and the sentence among them holding the value asked."""
    if not text_facts.asked_kinds(query) or not query.search_terms:
        return None
    # The edition asked first, then the older ones (a project printed only in R6).
    codes = [edition] + [c for c in reversed(default_codes(store)) if c != edition]
    if query.edition_from_year:
        # the rideshare pilots in FY2024: the edition that reports that year's results first
        # (R7's 主な取組実績 tells of R6), then the one printed in that year.
        codes = list(reversed(default_codes(store)))
    elif query.edition:
        codes = [edition]
    candidates = []
    searched: dict = {}  # each word searched once for every edition
    for code in codes:
        found, _ = by_text(store, query.search_terms, code, searched)
        candidates += [
            x.project for x in found.matches if all(passes(x.project, f, {}) for f in groups)
        ]
    result = text_facts.answer_in_roadmap(store, candidates, query)
    if result is not None:
        result.computed.editions.add(label_of(edition))
    return result


def _set_as_value(store: Store, query: Query, edition: str) -> Answer | None:
    """A count or total of something the text prints (a year's 交付決定数, 何施設), asked
    with words of the text and no project named: the value printed, when one is — never in
    place of counting projects (事業は何件)."""
    specific = query.total or query.year or any(c != "件" for c in query.counters)
    if not (text_facts.asked_kinds(query) and query.unknown and specific):
        return None
    if re.search(r"事業|(?<![a-z])projects?(?![a-z])", query.raw.lower()):
        return None
    groups = [f for f in query.filters if f.kind in GROUP_KINDS and f.op == "eq"]
    if len(groups) != len(query.filters):
        return None
    found = _text_value(store, replace(query, filters=[]), edition, groups)
    if found is None or found.status != "ok":
        return None
    found.computed.groups.update((f.kind, f.op, normalise(str(f.value))) for f in groups)
    return found


def _in_text(store: Store, query: Query, edition: str) -> Answer:
    """A fact inside the text: the one sentence of the one project clearly ahead, else the hits."""
    valued = _text_value(store, query, edition)
    if valued is not None:
        return valued
    found, _ = by_text(store, query.search_terms, edition)
    if found.status == "ok":
        sentence = textsearch.sentence_fact(store, found.matches[0].project, query)
        if sentence is not None:
            return sentence
    return textsearch.search(store, query)


def _edition_verdict(store: Store, query: Query, result: Answer) -> None:
    """ "Which edition had the bigger budget?" of one project in two editions: the verdict said
    (the smaller, when asked), beside the two budgets already shown."""
    one_each = {}
    for r in result.projects:
        p = store.project(r.key) if r.key else None
        if p is not None:
            one_each.setdefault(p.edition, []).append(p)
    if len(one_each) != 2 or any(len(ps) != 1 for ps in one_each.values()):
        return
    sides = [ps[0] for ps in one_each.values()]
    if sides[0].budget_thousand_yen == sides[1].budget_thousand_yen:
        return
    pick = min if query.smallest else max
    chosen = pick(sides, key=lambda p: p.budget_thousand_yen)
    who = m.project_ref(chosen, query.lang)
    result.lines.append(m.say("several_larger", query.lang, who=who))
    result.verdict = m.short_ref(chosen)
    result.computed.operations.add("verdict")


def _text_compared(store: Store, query: Query) -> Answer | None:
    """A value of a project's text (補助率) in each edition's version of it, and whether it
    changed; None when the project or a version's value is not clear (answered elsewhere)."""
    terms = [w for w in query.search_terms if not text_facts.is_kind_word(w)]
    plain = replace(query, operation="fact", comparison=None, search_terms=terms)
    resolution = find_project(store, plain, store.latest_edition() or "")
    if resolution.status != "ok":
        return None
    p = resolution.matches[0].project
    pair = editions.versions(store, p)
    if pair is None:
        return None
    versions = [v for v in pair if not query.compared or label_of(v.edition) in query.compared]
    result = text_facts.compared(store, versions, query) if len(versions) == 2 else None
    if result is not None:
        _targeted(result, p, query)
    return result


def _compare(store: Store, query: Query) -> Answer:
    if {"plan", "actual"} <= set(query.fields) and query.names_project and not query.compared:
        # #24: 「R6の目標と実績を比べると」: a year's plan beside its result, not two editions.
        side = _fact(store, replace(query, operation="fact"), store.latest_edition() or "")
        side.computed.operations.update(("compare", "side"))
        return side
    text_asked = text_facts.asked_kinds(query) and not text_facts.PROJECT_FIELDS & set(query.fields)
    if text_asked and (side := _text_compared(store, query)) is not None:
        return side  # 補助率はR6とR7で違う？: a value of the text in both editions
    if "rate" in query.asks and text_facts.PROJECT_FIELDS & set(query.fields):
        # 補助率と事業費ってどう変わった: the project's fields across the editions, and the rate
        # its text prints in each.
        fields = [f for f in query.fields if f not in text_facts.PROJECT_FIELDS]
        rate = _text_compared(store, replace(query, fields=fields))
        if rate is not None:
            rest = [w for w in query.search_terms if not text_facts.is_kind_word(w)]
            plain = replace(query, asks=[a for a in query.asks if a != "rate"], search_terms=rest)
            plain.unknown = [w for w in query.unknown if not text_facts.is_kind_word(w)]
            side = _compare(store, plain)
            if side.status == "ok":
                side.lines += [x for x in [rate.title, *rate.lines] if x]
                side.sources += [x for x in rate.sources if x not in side.sources]
                side.computed.merge(rate.computed)
                return side
    groups = {(f.kind, str(f.value)) for f in query.filters if f.kind in GROUP_KINDS}
    if (
        len(groups) == 1
        and "compare" in query.ops  # 比べて said, not 減った (a change across editions)
        and query.comparison not in EDITION_COMPARISONS | {"changes"}
        and not query.compared
        and query.edition is None
        and not query.names_project
        and not re.search(r"版|edition|前年|昨年|previous|last year", query.raw.lower())
    ):
        # 子育ての2つの事業の事業費と始期を比べたい: the group's projects side by side — no
        # edition was said, so none is compared with another.
        listed = replace(
            query,
            operation="list",
            comparison=None,
            ops=[o for o in query.ops if o != "compare"],
            filters=list(query.filters),
            fields=list(query.fields),
        )
        latest = store.latest_edition() or ""
        side = operations.run(select(store, listed, latest), listed)
        side.computed.operations.update(("compare", "side"))
        return side
    if (both := across_sets.answer(store, query)) is not None:
        if "verdict" in query.ops and both.status == "ok" and both.verdict is None:
            _edition_verdict(store, query, both)  # which edition's budget was bigger
        return both  # #23: two editions side by side, field by field
    if query.comparison == "renamed" and not query.names_project and query.search_terms:
        # "The livestock epidemic prevention system project got renamed, right?": the one
        # project its words describe, in both editions — not every renamed project.
        latest = store.latest_edition() or ""
        found, missing = by_text(store, query.search_terms, latest)
        labels = [label_of(c) for c in default_codes(store)][-2:]
        if found.status == "ok" and not missing and len(labels) == 2:
            p = found.matches[0].project
            fields = list(dict.fromkeys([*query.fields, "name"]))
            named = replace(
                query, project_keys=[p.key], comparison="changes", compared=labels, fields=fields
            )
            side = _compare(store, named)
            if side.status == "ok":
                side.computed.operations.add("renamed")
                side.computed.words.update(query.search_terms)
                return side
    if query.comparison == "renamed":
        return editions.renamed(store, query)
    if query.comparison == "dropped":
        return editions.dropped(store, query)
    latest = store.latest_edition() or ""
    missing = [c for c in query.compared if not _is_loaded(store, c)]
    if missing:  # R5からR7で: never R6 and R7 in R5's place
        return _edition_not_loaded(store, query, missing[0])
    if len(query.project_nos) > 1 and query.comparison in ("budget", "changes"):
        # No40とNo41を比較: the projects side by side, not each against its older edition.
        both = _several(store, replace(query, operation="fact", fields=["budget"]), latest)
        if len(both.projects) == 2 and both.status == "ok":
            budgets = {(p.edition, p.no): p.budget_thousand_yen for p in store.projects(latest)}
            first, second = (budgets.get((r.edition, r.no), 0) for r in both.projects)
            money = m.money(abs(first - second), query.lang)
            both.lines.append(m.say("difference", query.lang, money=money))
            both.value = Value(amount=first - second, unit=m.say("unit_thousand_yen", query.lang))
            both.computed.operations.update(("compare", "diff"))
        return both
    named = sorted(
        {k.split("/")[0] for k in query.project_keys}, key=[e.code for e in store.editions()].index
    )
    # A successor is asked of an older project, anything else of the newer one.
    edition = (named[0] if query.comparison == "successor" else named[-1]) if named else latest
    resolution = find_project(store, query, edition)
    if resolution.status in ("ok", "gone") and resolution.matches:
        found = resolution.matches[0].project
        result = editions.project_comparison(store, found, query)
        _targeted(result, found, query)
        return result
    if resolution.status == "ambiguous":
        return _ambiguous(resolution, query)
    if query.comparison in ("increased", "decreased") and not query.names_project:
        return editions.budget_moves(store, select(store, query, latest), query)
    if query.comparison in ("budget", "changes") and not query.names_project and not query.subject:
        if query.filters:  # 教育庁の事業をR6版とR7版で比較: the same filters in each edition
            return editions.per_edition(
                store, query, lambda code: select(store, replace(query), code)
            )
        if query.comparison == "changes" and query.compared:
            return editions.edition_changes(store, query)  # what changed between R6 and R7
        return editions.edition_totals(store, query)
    return _fact(store, query, latest)


def _fact(store: Store, query: Query, edition: str) -> Answer:
    """One project's fields (or the sentence of its text that answers)."""
    lang = query.lang
    resolution = find_project(store, query, edition)
    how = ""
    if resolution.status == "gone":
        p = resolution.matches[0].project
        return Answer(
            status="not_found",
            title=m.say(
                "gone_in_edition",
                lang,
                ref=m.project_ref(p, lang),
                edition=m.edition_name(edition, lang),
            ),
            projects=[ref(p)],
            sources=[src(p, "name")],
        )
    if resolution.status == "not_found" and not query.names_project and query.search_terms:
        valued = _text_value(store, query, edition)
        if valued is not None:
            return valued
        if not query.fields:  # bare words, nothing asked of a project: where they are printed
            found_words = textsearch.search(store, query, quiet=True)
            if found_words.status == "ok":
                return found_words
        resolution, missing = by_text(store, query.search_terms, edition)
        if missing and query.edition is None:
            # 公衆衛生DXのEBPMの取組: EBPM is printed in R6 only — the project as R6 prints it.
            moved = _whole_elsewhere(store, query.search_terms, edition)
            if moved is not None:
                code, resolution = moved
                how = m.say(
                    "only_in_edition",
                    lang,
                    words="、".join(as_written(w, query.raw) for w in missing),
                    edition=label_of(edition),
                    other=label_of(code),
                )
                edition, missing = code, []
        found = [t for t in query.search_terms if t not in missing]
        if missing and resolution.matches:
            # Never say a project does what the question says when part of it is not printed.
            if gone := _unprinted(store, query, missing):
                return not_in_roadmap(query, gone, edition)  # 除雪作業のDX: not in the roadmap
            return _partly_found(query, missing, found, resolution, edition)
        how = how or m.say(
            "found_by_text", lang, words=" ".join(as_written(w, query.raw) for w in found)
        )
    if resolution.status == "ambiguous":
        return _ambiguous(resolution, query)
    if resolution.status != "ok":
        return _not_found(store, query, edition, resolution)
    p = resolution.matches[0].project
    if not query.names_project and query.subject and not how:
        # Every word of a name-by-words must be printed about the project: "telemedicine for
        # pediatrics" is not No25 (no 小児科 there) but the one project printing both, else ask.
        missing = textsearch.unprinted_words(store, p, query.subject)
        if text_facts.asked_kinds(query):
            # 時間帯, 会場: words naming the kind of value asked, not printed about it (#24).
            missing = [w for w in missing if not text_facts.is_kind_word(w)]
        if missing:
            words = textsearch.subject_words(query.subject)
            better, gone = by_text(store, words, edition) if len(words) > 1 else (None, words)
            if better is not None and better.status == "ok" and not gone:
                p = better.matches[0].project
                how = m.say("found_by_text", lang, words=" ".join(words))
            else:
                return _ask_back(p, "project_not_applied", lang, words="、".join(missing))
    if {"plan", "actual"} & set(query.fields):
        query = _initiative_words(p, query)  # #24: 地域公共交通のDX推進 names an initiative

    # 企画政策部のデジタルデバイド対策事業 asked of R7: the department by R7's name for it.
    query.filters = renames.translate(store, query.filters, p.edition)
    checked = [
        f
        for f in query.filters
        if (f.kind in ("start", "end", "running") and f.op == "eq" and f.value)
        or (f.kind == "budget" and f.op == "eq" and f.value is not None)
    ]
    beside = [f for f in query.filters if f not in checked]
    if checked and all(f.kind in GROUP_KINDS and passes(p, f, {}) for f in beside):
        # 23番の始期ってR5？ — yes or no, and what is; 舗装のAI点検の事業（道路課）ってR7も5千万
        # でしたっけ: the section said beside it describes the project (and is its own).
        result = _year_checked(store, p, replace(query, filters=checked))
        result.computed.groups.update((f.kind, f.op, normalise(str(f.value))) for f in beside)
        return result
    unmet = [f for f in query.filters if not passes(p, f, {})]
    if unmet:
        what = "・".join(filter_words(f, lang) for f in unmet)
        return _ask_back(p, "project_fails_filter", lang, what=what)
    result = None
    if text_facts.asked_kinds(query) and (query.unknown or how):
        result = text_facts.answer(store, p, query)  # #24: the value asked, from the text
    if (
        result is None
        and {"plan", "actual"} & set(query.fields)
        and not {"start", "end", "period"} & set(query.fields)  # いつまで続く予定: the period
    ):
        result = plans.answer(store, p, query)  # #24: a year's plan or result, by initiative
    if (
        result is None
        and query.names_project
        and query.unknown
        and set(query.fields) & set(facts.FIELD_ANSWERS)
        and not set(query.ops) & {"max", "min", "sum", "avg"}  # 最大どのくらい補助: the text's
        and _described(store, p, query)
    ):
        # オンライン診療のNo24の予算: words of its own name describe the project named.
        result = _project_answer(store, p, query)
        result.computed.words.update(query.unknown)
    if result is None and query.names_project and query.unknown:
        # No49の「耳で聴くハザードマップ」のR7の目標: the initiative its label names, else the
        # sentence of the text that holds the words (#24: only the chat entries holding them).
        printed = textsearch.printed_words(store, p, query.unknown)
        strange = [w for w in query.unknown if w.lower() not in printed]
        note = (p.budget_note or "").lower()
        # 一般会計？ of No33 (printed 病院事業会計): a word of the budget note's kind (〜会計) is
        # answered by the budget with its note, not by a sentence holding the other words.
        of_note = note and all(w[-2:].lower() in note for w in strange if len(w) >= 2)
        if strange and "budget" in query.fields and of_note:
            result = _project_answer(store, p, query)
            result.computed.words.update(strange)
            strange = []
        elif not strange and query.fields and (how or _words_named_it(query)):
            # 道路舗装のAI点検の事業っていつまで / の担当は: the words found the project (they
            # are printed about it); its field is asked, not a sentence holding them.
            result = _project_answer(store, p, query)
            result.computed.words.update(query.unknown)
        else:
            result = initiative_answer(p, query, printed)
            # A field of the project asked (No40's budget for cloud): a sentence holding the
            # other words does not answer it — asked back below rather than quoted.
            if result is None and not _FIELD_SAID.search(query.raw.lower()):
                result = textsearch.sentence_fact(store, p, query)
            elif result is None:
                strange = strange or list(query.unknown)
        if result is None and strange and "budget" in query.fields:
            # 「No40の来年度の予算」: the document prints one year's budget, not that one.
            # A past year is not "not printed": an older edition may print it (ask instead).
            asked = [
                c for w in strange if (c := year_code(w)) and c.startswith("@") and int(c[1:]) > 0
            ]
            if asked and len(asked) == len(strange):
                return _budget_year_not_printed(p, asked[0], query)
        if result is None and strange:
            # 「No40の昨年の予算」: a word that is neither the project's nor a slot — ask.
            return _ask_back(p, "project_not_applied", lang, words="、".join(strange))
    if result is None:
        result = _project_answer(store, p, query)
    across.note_link(store, query, p, result)  # #23: reached through a link: say which
    result.lines = ([how] if how else []) + result.lines + inferred_note([p], lang)
    result.lines += renames.notes(query.filters, p.edition, lang)
    _targeted(result, p, query)
    return result


def _words_named_it(query: Query) -> bool:
    """The question's leftover words are the words that named the project (no number)."""
    subject = normalise(query.subject or "")
    return (
        not query.project_nos
        and bool(subject)
        and all(normalise(w) in subject for w in query.unknown)
    )


_PLAN_NAMED = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]{2,}計画")


def _initiative_words(p: Project, query: Query) -> Query:
    """A department, section or category word printed in an initiative label of the project
    asked about (地域公共交通 in 地域公共交通のDX推進) names the initiative, not a filter."""
    labels = " ".join(i.label or "" for i in p.initiatives)
    words = [
        f
        for f in query.filters
        if f.kind in GROUP_KINDS
        and f.op == "eq"
        and str(f.value) in labels
        and not passes(p, f, {})
    ]
    if {"plan", "actual"} <= set(query.fields) and any(
        named in labels for named in _PLAN_NAMED.findall(query.raw)
    ):
        # 舗装の長寿命化計画…実績欄に: 計画 of an initiative's own name (青森県舗装長寿命化計画
        # の策定) names the initiative; the result asked is its 実績.
        query = replace(query, fields=[f for f in query.fields if f != "plan"])
    if not words:
        return query
    values = [str(f.value) for f in words]
    return replace(
        query,
        filters=[f for f in query.filters if f not in words],
        unknown=query.unknown + values,
        search_terms=values + query.search_terms,
        label_words=[(f.kind, f.op, normalise(str(f.value))) for f in words],
    )


def _year_checked(store: Store, p: Project, query: Query) -> Answer:
    """A start or end year, or a budget, said of a named project to be checked: yes or no,
    with the period or budget as printed (never a question back, never its card instead)."""
    lang = query.lang
    checks = resolve_relative(query.filters, p.edition, query.now)
    fields = sorted({"period" if f.kind == "running" else f.kind for f in checks})
    result = _project_answer(store, p, replace(query, fields=fields, filters=[]))
    for f in checks:
        same = passes(p, f, {})
        if f.kind == "budget":  # 9,840千円で合ってますか？ — yes or no, and the budget printed
            key = "amount_check_yes" if same else "amount_check_no"
            what = m.label("budget", lang) if lang == "ja" else m.label("budget", lang).lower()
            said, money = m.money(int(f.value), lang), m.money(p.budget_thousand_yen, lang)
            result.lines.insert(0, m.say(key, lang, what=what, said=said, money=money))
            continue
        year = m.relative_year(f.said, str(f.value), lang) if f.said else str(f.value)
        if f.kind == "running":  # 来年度も続く？ — running in that year, by the period printed
            key = "running_check_yes" if same else "running_check_no"
            result.lines.insert(0, m.say(key, lang, year=year))
            continue
        key = "year_check_yes" if same else "year_check_no"
        what = m.label(f.kind, lang) if lang == "ja" else m.label(f.kind, lang).lower()
        result.lines.insert(0, m.say(key, lang, year=year, what=what))
    query = replace(query, filters=checks)
    result.computed.operations.add("verdict")
    _targeted(result, p, query)
    return result


def _targeted(result: Answer, p: Project, query: Query) -> None:
    """Say that the answer is about this project, reached by the number or name asked, and
    that the question's filters were checked against it."""
    done = result.computed
    done.projects.add(p.key)
    done.editions.add(label_of(p.edition))
    done.groups.update(query.label_words)  # group words read as an initiative's (#24)
    if query.project_no is not None:
        done.numbers.add(query.project_no)
    done.projects.update(query.project_keys)
    for f in query.filters:
        if f.kind in GROUP_KINDS:
            done.groups.add((f.kind, f.op, normalise(str(f.value))))
            if f.said:  # 企画政策部 asked of R7: the name said, read as this edition's name
                done.groups.add((f.kind, f.op, normalise(f.said)))
        elif f.kind in ("start", "end", "running"):
            done.years.update(str(v) for v in (f.value, f.upper) if v)
        elif f.kind == "budget":
            done.amounts.update(int(v) for v in (f.value, f.upper) if v is not None)
        done.negated = done.negated or f.op == "ne"


def _several(store: Store, query: Query, edition: str) -> Answer:
    """No41とNo42の予算: the same question for each project named, one after the other."""
    answers = [
        _fact(store, replace(query, project_no=no, project_nos=[no]), edition)
        for no in query.project_nos
    ]
    values = [a.value for a in answers]
    result = Answer(
        status="ok" if all(a.status == "ok" for a in answers) else answers[0].status,
        lines=[line for a in answers for line in [a.title, *a.lines] if line],
        projects=[p for a in answers for p in a.projects],
        value=values[0] if len(values) == 1 else None,
        sources=[s for a in answers for s in a.sources],
    )
    for a in answers:
        result.computed.merge(a.computed)
    return result


def _project_answer(store: Store, p: Project, query: Query) -> Answer:
    lang = query.lang
    fields = [f for f in query.fields if f in facts.FIELD_ANSWERS]
    if {"start", "end"} & set(fields) and "period" in fields:
        fields.remove("period")
    if "start" in fields and "end" in fields:
        fields.remove("end")  # one period line says both
    answers = [facts.FIELD_ANSWERS[f](store, p, query) for f in fields] or [
        facts._overview(store, p, query)
    ]
    if len(answers) == 1:
        result = answers[0]
    else:
        result = Answer(
            status="ok" if all(a.status == "ok" for a in answers) else "not_stated",
            title=m.project_ref(p, lang),
            lines=[line for a in answers for line in [a.title, *a.lines] if line],
            sources=[s for a in answers for s in a.sources],
        )
    checked = query.year and {"start", "end"} & set(fields) and not {"plan", "actual"} & set(fields)
    if checked:
        # 「23番の始期ってR5で合ってます？」: the year said is checked against the one printed.
        said = "end" if "end" in fields and "start" not in fields else "start"
        printed = getattr(p, said)
        same = printed is not None and FiscalYear.try_parse(printed) == FiscalYear.try_parse(
            query.year
        )
        key = "year_check_yes" if same else "year_check_no"
        what = m.label(said, lang) if lang == "ja" else m.label(said, lang).lower()
        result.lines.insert(0, m.say(key, lang, year=query.year, what=what))
        result.computed.years.add(query.year)
        result.computed.operations.add("verdict")
    elif query.year and not {"plan", "actual", "budget"} & set(fields):
        # 「No40のR9の担当」: the roadmap prints one owner or period per edition, not per year.
        result.lines.append(m.say("year_not_used", lang, year=query.year))
    elif query.year:
        result.computed.years.add(query.year)
    result.computed.fields.update(fields or ["overview", "owner", "budget", "period", "summary"])
    if "period" in fields or {"start", "end"} & set(fields):
        result.computed.fields.update(["period", "start", "end"])
    result.projects = result.projects or [ref(p)]
    if not result.sources:
        result.sources = [src(p)]
    return result


def _whole_elsewhere(store: Store, terms: list[str], edition: str) -> tuple[str, Resolution] | None:
    """The one project of another edition whose text holds every word (newest first)."""
    for code in reversed(default_codes(store)):
        if code == edition:
            continue
        resolution, missing = by_text(store, terms, code)
        if not missing and resolution.status == "ok":
            return code, resolution
    return None


def _partly_found(
    query: Query, missing: list[str], found: list[str], resolution: Resolution, edition: str
) -> Answer:
    lang = query.lang
    projects = [x.project for x in resolution.matches]
    return Answer(
        status="clarify",
        title=m.say(
            "words_not_in_text",
            lang,
            edition=label_of(edition),
            words="、".join(as_written(w, query.raw) for w in missing),
            found="、".join(f"「{as_written(w, query.raw)}」" for w in found),
        ),
        lines=[f"・{m.short_ref(p)}" for p in projects],
        projects=[ref(p) for p in projects],
        suggestions=[f"No{p.no}" if p.no is not None else p.name for p in projects],
    )


def _ambiguous(resolution: Resolution, query: Query) -> Answer:
    lang = query.lang
    projects = [x.project for x in resolution.matches]
    what = (
        (f"No{query.project_no}" if query.project_no is not None else "")
        or query.subject
        or " ".join(as_written(w, query.raw) for w in query.search_terms)
    )
    return Answer(
        status="ambiguous",
        title=m.say("ambiguous", lang, what=what) if what else m.say("ambiguous_plain", lang),
        lines=[f"・{m.short_ref(p)}" for p in projects],
        projects=[ref(p) for p in projects],
        suggestions=[f"No{p.no}" if p.no is not None else p.name for p in projects],
    )


def _not_found(store: Store, query: Query, edition: str, resolution: Resolution) -> Answer:
    lang = query.lang
    if not query.names_project and not query.subject:
        return Answer(
            status="clarify",
            title=m.say("which_project", lang),
            lines=m.help_asks(lang)[:2],
            suggestions=m.examples(lang)[:3],
        )
    best = resolution.matches[0].score if resolution.matches else 0
    if not query.names_project and (gone := _unprinted(store, query, query.search_terms)):
        return not_in_roadmap(query, gone, edition)  # a word printed nowhere: say so
    if not query.names_project and not query.fields and best < 50:
        return help_answer(lang)  # nothing recognised and nothing close: say what can be asked
    what = f"No{query.project_no}" if query.project_no is not None else query.subject
    return Answer(
        status="not_found",
        title=m.say("not_found", lang, what=what, edition=m.edition_name(edition, lang)),
        suggestions=[m.short_ref(x.project) for x in resolution.matches[:3] if x.score >= 40],
    )


def _ask_back(p: Project, key: str, lang: str, **values: str) -> Answer:
    """A named project whose question holds something that cannot be applied to it: ask."""
    return Answer(
        status="clarify",
        title=m.say(key, lang, ref=m.project_ref(p, lang), **values),
        projects=[ref(p)],
        sources=[src(p)],
    )
