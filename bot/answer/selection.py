"""Selection: the edition asked, the projects passing every filter, the one project named."""

from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass
from datetime import datetime

from bot import messages as m
from bot.answer import renames, searched
from bot.answer.model import Computed
from bot.fiscal_year import FiscalYear, runs_in
from bot.models import Project
from bot.prefectures import label_of
from bot.resolve import Match, Resolution, resolve_named
from bot.store import Store
from bot.text import compact
from bot.understanding import Filter, Query
from bot.understanding.years import EDITION_YEAR
from bot.vocabulary import Vocabulary, build, departments_of, normalise

_VOCABULARIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def loaded_documents(store: Store) -> tuple[tuple[str, str, str], ...]:
    """Every loaded document by its contents: an edition's own sha256 is its first document's,
    kept when a changed document of it is loaded again or another field's is added."""
    return tuple((d.edition, d.field, d.sha256) for d in store.documents())


def vocabulary_for(store: Store) -> Vocabulary:
    """The store's vocabulary, rebuilt when its documents change (a load, another process)."""
    editions = store.editions()
    stamp = loaded_documents(store)
    cached = _VOCABULARIES.get(store)
    if cached and cached[0] == stamp:
        return cached[1]
    pairs = [(label_of(e.code), store.namings(e.code)) for e in editions]
    # A project is also named by its other editions' names (former names, renamed projects).
    names = {n.key: n.name for _, namings in pairs for n in namings}
    aliases = [
        (names[link.older], link.newer)
        for link in store.links()
        if link.older in names and link.newer in names
    ]
    vocab = build(pairs, aliases)
    _VOCABULARIES[store] = (stamp, vocab)
    return vocab


def nearest_terms(vocab: Vocabulary, words: list[str], limit: int = 3) -> list[str]:
    """Departments, sections, categories and fields written like words not understood (医療関係
    → 医療・福祉), to suggest instead of guessing."""
    from rapidfuzz import fuzz, process  # only when a question could not be read

    surfaces = vocab.surfaces(["department", "section", "category", "field"])
    # The prefecture's own name (青森県立…) says nothing about what a word means.
    plain = {re.sub(r"^青森県?", "", k): k for k in surfaces}
    found: list[str] = []
    for word in words:
        word = re.sub(r"^青森県?", "", word)
        for surface, score, _ in process.extract(
            word, list(plain), scorer=fuzz.partial_ratio, limit=6
        ):
            value = surfaces[plain[surface]].value
            if score >= 75 and value not in found:
                found.append(value)
    return found[:limit]


def default_codes(store: Store) -> list[str]:
    """Editions up to the default one, oldest first: a later draft is used only when named."""
    codes = [e.code for e in store.editions()]
    latest = store.latest_edition()
    return codes[: codes.index(latest) + 1] if latest in codes else codes


def edition_for(store: Store, query: Query) -> str | None:
    """The edition a question is about: named, the previous one, the one with the flags, else the latest."""
    codes = default_codes(store)
    if not codes:
        return None
    if query.edition == "previous":
        return codes[-2] if len(codes) > 1 else None
    if query.edition and query.edition != "latest":
        return store.edition_code(query.edition)
    flagged = ("flags" in query.fields and query.project_no is None) or any(
        f.kind in ("priority_frame", "future_response") for f in query.filters
    )
    if flagged and query.edition != "latest":
        with_flags = [
            c for c in codes if any(p.priority_frame is not None for p in store.projects(c))
        ]
        if with_flags:
            return with_flags[-1]
    return codes[-1]


def values_of(p: Project, kind: str) -> list[str]:
    """The department(s), sections, category or field a project is filed under."""
    if kind == "section":
        return p.sections
    if kind == "department":
        parts = departments_of(p.department)
        return [*parts, p.department] if len(parts) > 1 else parts  # joint: as printed too
    value = getattr(p, kind, None)
    return [value] if value else []


@functools.lru_cache(maxsize=512)
def _western(printed: str | None) -> int | None:
    """R7 → 2025, H31 → 2019, 未定 or nothing → None (cached: lists compare every project)."""
    year = FiscalYear.try_parse(printed)
    return year.western if year else None


def _year_ok(printed: str | None, f: Filter) -> bool:
    """A printed start or end year against a condition; a year not printed meets none of
    them (neither R10 nor "not R10": the document does not say), except "not printed"."""
    if f.value is None:
        undecided = printed in (None, "未定")
        return not undecided if f.op == "ne" else undecided
    have, want = _western(printed), _western(str(f.value))
    if have is None or want is None:
        return False
    if f.op in ("between", "outside"):
        inside = want <= have <= (_western(str(f.upper)) or 0)
        return inside if f.op == "between" else not inside
    return compare(have, f.op, want)


def compare(a: float, op: str, b: float) -> bool:
    """a op b for lt, le, eq, ne, ge, gt."""
    return {"lt": a < b, "le": a <= b, "eq": a == b, "ne": a != b, "ge": a >= b, "gt": a > b}[op]


GROUP_KINDS = ("department", "section", "category", "field")
FLAG_KINDS = ("priority_frame", "future_response")


def passes(
    p: Project, f: Filter, text_hits: dict[str, set[str]], added: set[str] | None = None
) -> bool:
    """Whether a project meets one filter."""
    if f.kind in GROUP_KINDS:
        want = normalise(str(f.value))  # 障害福祉課 (R6) and 障がい福祉課 (R7) are one section
        inside = any(normalise(v) == want for v in values_of(p, f.kind))
        return not inside if f.op == "ne" else inside
    if f.kind == "added":
        return added is None or p.key in added
    if f.kind in ("start", "end"):
        return _year_ok(p.start if f.kind == "start" else p.end, f)
    if f.kind == "running":
        # Started by then and not ended before: an end year not printed or 未定 is read as
        # still running, the one rule the record's "what is missing" reads too (runs_in).
        year = FiscalYear.try_parse(str(f.value))
        start, end = FiscalYear.try_parse(p.start), FiscalYear.try_parse(p.end)
        inside = year is not None and runs_in(start, end, year)
        if f.op == "ne":
            # An end not printed says neither (#28): such a project is not said to have stopped.
            return year is not None and start is not None and p.end is not None and not inside
        return inside
    if f.kind == "name_has":  # 事業名に「ICT」: the name as printed holds the word
        inside = normalise(str(f.value)) in normalise(p.name)
        return not inside if f.op == "ne" else inside
    if f.kind == "empty":  # 主な取組実績が空: nothing printed there
        text = p.achievements if f.value == "achievements" else p.summary
        printed = p.achievements_line is not None if f.value == "achievements" else False
        blank = not (text or "").strip() and not printed
        return not blank if f.op == "ne" else blank
    if f.kind == "single_year":  # begins and ends in the same fiscal year
        one = (
            p.start is not None
            and _western(p.start) is not None
            and _western(p.start) == _western(p.end)
        )
        return one if f.op == "eq" else not one
    if f.kind == "budget":
        if f.op in ("between", "outside"):
            inside = int(f.value) <= p.budget_thousand_yen <= int(f.upper)  # type: ignore[arg-type]
            return inside if f.op == "between" else not inside
        if f.op == "band":  # 1,000万円台: from the amount up to (not including) the next step
            return int(f.value) <= p.budget_thousand_yen < int(f.upper)  # type: ignore[arg-type]
        return compare(p.budget_thousand_yen, f.op, int(f.value))  # type: ignore[arg-type]
    if f.kind in ("priority_frame", "future_response"):
        return getattr(p, f.kind) is f.value
    if f.kind == "text":
        found = p.key in text_hits.get(str(f.value), set())
        return not found if f.op == "ne" else found
    if f.kind == "projects":  # No30〜No35 named: those projects only
        inside = p.key in str(f.value).split(",")
        return not inside if f.op == "ne" else inside
    return False


@dataclass
class Selection:
    """The projects of an edition passing every filter, in number order."""

    edition: str
    projects: list[Project]
    filters: list[Filter]
    absent: list[Filter]  # filters naming a value this edition does not have


def resolve_relative(
    filters: list[Filter], edition: str, now: datetime | None = None
) -> list[Filter]:
    """来年度 (@1) read against today's fiscal year (R9 on 2026-12-07), as the digest reads it;
    against the edition's own year only where no moment is known."""
    printed = FiscalYear.parse(label_of(edition)).western
    own = FiscalYear.of(now).western if now else printed
    out = []
    for f in filters:
        if f.value == EDITION_YEAR:
            f = Filter(f.kind, f.op, FiscalYear(printed).reiwa.code, f.upper)
        elif isinstance(f.value, str) and f.value.startswith("@"):
            year = FiscalYear(own + int(f.value[1:])).reiwa.code
            f = Filter(f.kind, f.op, year, f.upper, said=f.value)
        out.append(f)
    return out


def select(store: Store, query: Query, edition: str) -> Selection:
    """Every filter of the query applied (AND) to the edition's projects."""
    query.filters = resolve_relative(query.filters, edition, query.now)
    query.filters = renames.translate(store, query.filters, edition)  # 企画政策部 in R7
    projects = store.projects(edition)
    text_hits: dict[str, set[str]] = {}
    for f in query.filters:
        if f.kind == "text":
            text_hits[str(f.value)] = {
                h.project_key for h in searched.search(store, str(f.value), edition, 500)
            }
    added = None
    if any(f.kind == "added" for f in query.filters):
        # Projects the previous edition does not have (no link to an older project).
        linked = {k.newer for k in store.links()}
        added = {p.key for p in projects if p.key not in linked}
    # 健康医療福祉部と教育庁: a project has one department, so values of one kind are OR'ed;
    # different kinds (a department and a year) are AND'ed.
    by_kind: dict[str, list[Filter]] = {}
    for f in query.filters:
        # Values of one kind said together are either-or: 健康医療福祉部と教育庁, R6とかR7に始まった.
        alike = f.kind in (*GROUP_KINDS, "start", "end") and f.op == "eq"
        key = f.kind if alike else f"{f.kind}#{id(f)}"
        by_kind.setdefault(key, []).append(f)
    chosen = [
        p
        for p in projects
        if all(any(passes(p, f, text_hits, added) for f in group) for group in by_kind.values())
    ]
    present = _present(store, edition)
    absent = [
        f
        for f in query.filters
        if f.kind in present and normalise(str(f.value)) not in present[f.kind]
    ]
    chosen.sort(key=lambda p: (p.no is None, p.no or 0, p.position))
    return Selection(edition, chosen, list(query.filters), absent)


def computed_of(selection: Selection) -> Computed:
    """What a selection applied: its edition and every filter, in the mention check's slots."""
    done = Computed(editions={label_of(selection.edition)})
    for f in selection.filters:
        if f.op in ("ne", "outside") or f.negated or (f.kind in FLAG_KINDS and f.value is False):
            done.negated = True
        if f.kind in GROUP_KINDS:
            done.groups.add((f.kind, f.op, normalise(str(f.value))))
            if f.said:  # the name asked, read as this edition's name for it
                done.groups.add((f.kind, f.op, normalise(f.said)))
        elif f.kind in ("start", "end", "running"):
            done.years.update(str(v) for v in (f.value, f.upper) if v)
            done.fields.add(f.kind)
        elif f.kind == "budget":
            done.amounts.update(int(v) for v in (f.value, f.upper) if v is not None)
            done.fields.add("budget")
        elif f.kind in ("text", "name_has"):
            done.words.add(str(f.value))
        elif f.kind == "projects":
            keys = str(f.value).split(",")
            done.projects.update(keys)
            done.numbers.update(int(k.rsplit("No", 1)[1]) for k in keys if "/No" in k)
            done.negated = done.negated or f.op == "ne"
        else:
            done.fields.add(f.kind)
    return done


_PRESENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _present(store: Store, edition: str) -> dict[str, set[str]]:
    """The departments, sections, categories and fields an edition has (normalised), read once
    per loaded edition: every list question asks which of its filters name nothing there."""
    loaded = loaded_documents(store)
    cached = _PRESENT.setdefault(store, {})
    if cached.get("loaded") != loaded:  # a load or another process changed the editions
        cached.clear()
        cached["loaded"] = loaded
    stamp = edition
    if stamp not in cached:
        projects = store.projects(edition)
        cached[stamp] = {
            kind: {normalise(v) for p in projects for v in values_of(p, kind)}
            for kind in ("department", "section", "category", "field")
        }
    return cached[stamp]


def text_terms_found(store: Store, terms: list[str], edition: str) -> tuple[list[str], list[str]]:
    """Which words occur in the edition's text (usable as a filter) and which do not."""
    found, missing = [], []
    for term in terms:
        (found if searched.search(store, term, edition, 1) else missing).append(term)
    return found, missing


def find_project(store: Store, query: Query, edition: str) -> Resolution:
    """The one project a question names: its number, a name of the vocabulary, else its words."""
    return resolve_named(
        store,
        edition,
        no=query.project_no,
        keys=query.project_keys,
        words=query.subject or "",
        elsewhere=not query.edition,
    )


def by_text(
    store: Store, terms: list[str], edition: str, searched_here: dict | None = None
) -> tuple[Resolution, list[str]]:
    """Projects named by what they do: the one whose text holds clearly more of the words;
    and the words printed nowhere (one search per word: a store may hold a million entries).
    `searched_here` keeps each word's places across the editions of one answer (one search for
    them all, each edition's first 60 read from it)."""
    scores: dict[str, float] = {}
    missing = []
    for term in terms:
        if searched_here is None:
            hits = searched.search(store, term, edition, 60)
        else:
            if term not in searched_here:
                searched_here[term] = searched.search(
                    store, term, None, 60 * max(1, len(store.editions()))
                )
            hits = [h for h in searched_here[term] if h.edition == edition][:60]
        # In the order the store holds them (the documents' order): ties then rank the same
        # way in every process, whatever its hash seed.
        keys = list(dict.fromkeys(h.project_key for h in hits))
        if not keys:
            missing.append(term)
        for key in keys:
            # A word found in few projects says more than one found in many.
            scores[key] = scores.get(key, 0) + 1 / len(keys)
    if not scores:
        return Resolution("not_found"), missing
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])  # stable: ties in document order
    top = ranked[0][1]
    close = [k for k, s in ranked if s >= top * 0.75]
    projects = [p for k in close[:8] if (p := store.project(k))]
    if len(close) == 1 and projects:
        return Resolution("ok", [Match(projects[0], 80, "text")]), missing
    return Resolution("ambiguous", [Match(p, 60, "text") for p in projects]), missing


def filter_words(f: Filter, lang: str) -> str:
    """One filter in words, as the answer states what it computed."""
    if f.kind == "name_has" and f.op == "ne":
        return m.say("filter_name_lacks", lang, value=f.said or f.value)
    if f.op in ("ne", "outside"):
        plain = f.kind in ("department", "section")
        op = "between" if f.op == "outside" else "eq"
        inner = (
            _office(f, lang)
            if plain
            else filter_words(Filter(f.kind, op, f.value, f.upper, f.said), lang)
        )
        return m.say("filter_not", lang, value=inner)
    if f.kind == "added":
        return m.say("filter_added", lang)
    if f.kind == "projects":
        return str(f.upper)
    if f.kind in ("department", "section"):
        return _office(f, lang) if lang == "ja" else f"of {_office(f, lang)}"
    if f.kind in ("category", "field"):
        return m.say(f"filter_{f.kind}", lang, value=f.value)
    if f.kind == "name_has":
        return m.say("filter_name_has", lang, value=f.said or f.value)
    if f.kind == "empty":
        return m.say("filter_empty", lang, part=m.label(str(f.value), lang))
    if f.kind == "running":
        year = m.relative_year(f.said, str(f.value), lang) if f.said else str(f.value)
        return m.say("filter_running", lang, year=year)
    if f.kind == "single_year":
        return m.say("filter_single_year", lang)
    if f.kind in ("start", "end"):
        if f.op == "between":
            return m.say(f"filter_{f.kind}_between", lang, low=f.value, high=f.upper)
        year = m.relative_year(f.said, str(f.value), lang) if f.said else f.value
        return m.year_filter_words(f.kind, f.op, year, lang)  # type: ignore[arg-type]
    if f.kind == "budget":
        if f.op == "between":
            words = m.say("filter_budget_between", lang, low=f"{f.value:,}", high=f"{f.upper:,}")
            return words if lang == "ja" else f"with {words}"
        if f.op == "band":
            words = m.say("filter_budget_band", lang, low=f"{f.value:,}", high=f"{f.upper:,}")
            return words if lang == "ja" else f"with {words}"
        words = m.budget_filter_words(f.op, int(f.value), lang)  # type: ignore[arg-type]
        return words if lang == "ja" else f"with {words}"
    if f.kind in ("priority_frame", "future_response"):
        return m.say(f"filter_{f.kind}_{'yes' if f.value else 'no'}", lang)
    if f.kind == "text":
        return m.say("filter_text", lang, value=f.said or f.value)
    return str(f.value)


def _office(f: Filter, lang: str) -> str:
    """A department or section as the answer names it; one asked by a name this edition does
    not print says so (総合政策部（企画政策部のこの版での名前）)."""
    if f.said and normalise(f.said) != normalise(str(f.value)):
        return m.say("renamed_office", lang, value=f.value, said=f.said)
    return str(f.value)


def scope(selection: Selection, lang: str, counted: bool = True) -> str:
    """R7版のこども家庭部の事業（3件） / R7 edition projects of こども家庭部 (3)."""
    joiner = "・" if lang == "ja" else " and "
    either = "または" if lang == "ja" else " or "
    words, seen = [], set()
    for f in selection.filters:
        if f.kind in GROUP_KINDS and f.op == "eq":
            if f.kind in seen:
                continue
            seen.add(f.kind)
            same_kind = [g for g in selection.filters if g.kind == f.kind and g.op == "eq"]
            words.append(either.join(filter_words(g, lang) for g in same_kind))
        else:
            words.append(filter_words(f, lang))
    key = ("scope_filtered" if words else "scope_all") + ("" if counted else "_plain")
    if key == "scope_filtered" and len(selection.projects) == 1:
        key = "scope_filtered_one"  # (1 project)
    return m.say(
        key,
        lang,
        edition=m.edition_name(selection.edition, lang),
        what=joiner.join(words),
        n=len(selection.projects),
    )


def same(a: str, b: str) -> bool:
    """Two printed values compared as people read them."""
    return compact(a) == compact(b)
