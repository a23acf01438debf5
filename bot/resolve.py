"""Finding the project someone means — the one place that does it: a reference (a key, a
number, a name or part of one, as typed or as a question names it) in an edition, following the
links to another edition, with as much strictness as the caller needs (a write never takes a
name). Callers turn the Resolution into their own reply or error."""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.links import core_name
from bot.models import Project
from bot.prefectures import SEPARATOR, label_of, prefecture_of, qualify
from bot.project_numbers import parse_number
from bot.store import Store
from bot.text import compact
from bot.vocabulary import VARIANTS, translate_english

# R7/No40, R6/#3, and R6/産業・しごと#3 (an unnumbered edition's later field documents, #14).
KEY = re.compile(r"^(R\d{1,2}|H\d{1,2})/(?:No(\d+)|([^/#]*)#(\d+))$", re.I)
MIN_SCORE = 70.0
TIE_MARGIN = 6.0
# exact: a key or a number only (what a write takes); names: also a whole name or a part of one
# as written; fuzzy: also a name like the one typed (a typo, a missing long vowel).
Strictness = Literal["exact", "names", "fuzzy"]


def normalise_name(text: str) -> str:
    """Compact NFKC text with spelling variants unified, for comparing names."""
    text = compact(text).lower()
    for variant, canonical in VARIANTS.items():
        text = text.replace(compact(variant).lower(), compact(canonical).lower())
    return text


@dataclass
class Match:
    """A project and how well a reference matched it (0–100)."""

    project: Project
    score: float
    how: str = ""


@dataclass
class Resolution:
    """What a reference resolved to: one project, several close ones, or none."""

    status: str  # ok, ambiguous, not_found; gone: only in another edition than the one asked
    matches: list[Match] = field(default_factory=list)

    @property
    def project(self) -> Project | None:
        return self.matches[0].project if self.status == "ok" and self.matches else None


@functools.lru_cache(maxsize=4096)
def _name_forms(name: str) -> tuple[str, ...]:
    """The ways a name can be written: as printed, its core, and without parentheses."""
    base = re.sub(r"[(（][^)）]*[)）]", "", compact(name))
    forms = {normalise_name(name), normalise_name(core_name(name)), normalise_name(base)}
    return tuple(f for f in forms if f)


@functools.lru_cache(maxsize=64)
def _forms_of(names: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """Every name form of a list of projects, and where each project's forms start."""
    forms: list[str] = []
    starts = []
    for name in names:
        starts.append(len(forms))
        forms.extend(_name_forms(name) or ("",))
    return forms, starts


def _single(values: list[float]) -> list[float]:
    """Each score rounded to single precision, as the scores have always been kept (a
    ranking or a threshold never moves by the last digits)."""
    return list(array("f", values))


NINETY_PERCENT = _single([0.9])[0]


def match_names(projects: list[Project], text: str, fuzzy: bool = True) -> list[Match]:
    """Projects ranked by how well text matches their name (best first).

    A project scores its best form: 100 for the whole name, 80–100 for a part of it (the
    longer the surer), else fuzzy similarity (rapidfuzz's scorers, one call per form: a
    prefecture's store has hundreds of forms per edition, and importing numpy to score them
    at once cost a one-question `roadmap ask` more than all its scoring).
    fuzzy=False scores only exact and partial (substring) matches.
    """
    whole = normalise_name(translate_english(text))
    query = re.sub(r"(について|のこと|事業費補助|事業費|事業)$", "", whole)
    if len(query) < 2 or not projects:
        return []
    from rapidfuzz import fuzz  # here: a question by number never needs it

    forms, starts = _forms_of(tuple(p.name for p in projects))
    kinds = [0] * len(forms)  # 0 similar, 1 part of name, 2 name
    values = [0.0] * len(forms)
    if fuzzy:
        values = _single([fuzz.ratio(query, form) for form in forms])
        if len(query) >= 4:
            partial = _single([fuzz.partial_ratio(query, form) for form in forms])
            partial = _single([p * NINETY_PERCENT for p in partial])
            values = [max(v, p) for v, p in zip(values, partial, strict=True)]
    for k, form in enumerate(forms):
        if not form:
            values[k] = 0.0
        elif query == form or whole == form:
            values[k], kinds[k] = 100.0, 2
        elif query in form:
            value = 80.0 + 20.0 * len(query) / len(form)
            values[k], kinds[k] = (value - 8.0 if len(query) <= 3 else value), 1
    ends = [*starts[1:], len(forms)]
    hows = ("similar name", "part of name", "name")
    matches = []
    for project, start, end in zip(projects, starts, ends, strict=True):
        # A project's best form; on a tie the first form, as a left-to-right scan would pick.
        scores = values[start:end]
        score = max(scores)
        if score <= 0:
            matches.append(Match(project, 0.0, ""))
            continue
        matches.append(Match(project, score, hows[kinds[start + scores.index(score)]]))
    matches.sort(key=lambda m: (-m.score, m.project.position))
    return matches


def typed_key(store: Store, reference: str) -> str | None:
    """The store's key for a key as typed (R7/No40, r7/no40, R6/#3, R6/産業・しごと#3), or None."""
    # People read keys without their prefecture: a bare one is this store's (岩手県:R7/No40).
    typed = compact(reference)
    if m := KEY.match(label_of(typed)):
        label = m.group(1).upper()
        key = f"{label}/No{m.group(2)}" if m.group(2) else f"{label}/{m.group(3)}#{m.group(4)}"
        return qualify(key, prefecture_of(typed) if SEPARATOR in typed else store.prefecture)
    return None


def resolve(
    store: Store,
    reference: str,
    edition: str | None = None,
    *,
    strictness: Strictness = "fuzzy",
) -> Resolution:
    """A typed reference — a key, a number, or (unless exact) a name or part of one — resolved
    in an edition (default: the latest)."""
    reference = reference.strip()
    if (key := typed_key(store, reference)) is not None:
        # Another prefecture's key names nothing a deployment answers for.
        project = store.project(key) if prefecture_of(key) == store.prefecture else None
        return (
            Resolution("ok", [Match(project, 100, "key")]) if project else Resolution("not_found")
        )
    projects = store.projects(edition)
    number = parse_number(reference, bare=True) if not re.fullmatch(r"\d{5,}", reference) else None
    if number is not None:
        found = [p for p in projects if p.no == number]
        if found:
            return Resolution("ok", [Match(found[0], 100, "number")])
        return Resolution("not_found", [])
    if strictness == "exact":
        return Resolution("not_found", [])
    fuzzy = strictness == "fuzzy"
    matches = [m for m in match_names(projects, reference, fuzzy=fuzzy) if m.score > 0]
    return judge(matches)


def in_edition(store: Store, p: Project, edition: str) -> list[Project]:
    """The same project in another edition (one, several if merged, or none), through the links."""
    if p.edition == edition:
        return [p]
    found = []
    for link in store.predecessors(p.key) + store.successors(p.key):
        other = store.project(link.older if link.newer == p.key else link.newer)
        if other and other.edition == edition and other not in found:
            found.append(other)
    return found


def resolve_named(
    store: Store,
    edition: str,
    *,
    no: int | None = None,
    keys: Sequence[str] = (),
    words: str = "",
    elsewhere: bool = True,
) -> Resolution:
    """The one project a question names in the edition asked: its number, the names the
    vocabulary found (keys), else its words; `elsewhere` when no edition was said."""
    # elsewhere: a project printed only in another edition (a former name, an exact name
    # found there) may answer; with an edition said, only that edition's.
    if no is not None:
        return _by_number(store, no, edition)
    if keys:
        return _by_keys(store, list(keys), edition, elsewhere)
    if not words:
        return Resolution("not_found")
    return _by_words(store, words, edition, elsewhere)


def _by_number(store: Store, no: int, edition: str) -> Resolution:
    """No40 in the edition asked; in another, the latest edition's No40 through its links."""
    latest = store.latest_edition()
    numbered = [p for p in store.projects(edition) if p.no == no]
    if not numbered and edition != latest:
        # No47 asked in the unnumbered older edition: the R7 project, through its link.
        numbered = [p for p in store.projects(latest) if p.no == no]
    if not numbered:
        return Resolution("not_found")
    found = in_edition(store, numbered[0], edition)
    if len(found) > 1:  # No40 came from two R6 projects: which one is asked is not known
        return Resolution("ambiguous", [Match(p, 100, "link") for p in found])
    if found:
        return Resolution("ok", [Match(found[0], 100, "number")])
    return Resolution("gone", [Match(numbered[0], 100, "number")])


def _by_keys(store: Store, keys: list[str], edition: str, elsewhere: bool) -> Resolution:
    """Projects named by the vocabulary (keys), in the edition asked or through their links."""
    named = [p for k in keys if (p := store.project(k))]
    here = [p for p in named if p.edition == edition]
    if not here:
        moved = [x for p in named for x in in_edition(store, p, edition)]
        here = list({x.key: x for x in moved}.values())
    if not here and elsewhere:
        here = named[:1]  # a name printed only in another edition: that edition's project
    if len(here) == 1:
        return Resolution("ok", [Match(here[0], 100, "name")])
    if len(here) > 1:
        return Resolution("ambiguous", [Match(p, 100, "name") for p in here])
    return Resolution("gone", [Match(named[0], 100, "name")]) if named else Resolution("not_found")


def _by_words(store: Store, words: str, edition: str, elsewhere: bool) -> Resolution:
    """A name or part of one as said: in the edition asked, or a long exact name of another."""
    best = resolve(store, words, edition)
    if (best.status == "ok" and best.matches[0].score >= 100) or not elsewhere:
        return best
    if len(compact(words)) < 8:
        return best  # an exact former name is in the vocabulary; only a long near-name is sought
    for other in (e.code for e in reversed(store.editions())):
        if other == edition:
            continue
        # Only an exact or near-whole name can beat the asked edition (>= 95): no fuzzy scoring.
        alt = judge(
            [x for x in match_names(store.projects(other), words, fuzzy=False) if x.score > 0]
        )
        top_alt = alt.matches[0].score if alt.matches else 0
        top_best = best.matches[0].score if best.matches else 0
        if alt.status == "ok" and top_alt >= 95 and top_alt > top_best:
            return alt
    return best


def judge(matches: list[Match]) -> Resolution:
    """One clear winner, several close candidates, or nothing good enough."""
    if not matches or matches[0].score < MIN_SCORE:
        return Resolution("not_found", matches[:3])
    top = matches[0].score
    close = [m for m in matches if m.score >= MIN_SCORE and top - m.score <= TIE_MARGIN]
    if matches[0].how == "part of name":
        # 介護テクノロジー導入支援: words held whole by two names (…事業費補助, 障がい福祉分野の…
        # 事業) name neither; the shorter name is no surer.
        held = [m for m in matches if m.how == "part of name" and m.score >= MIN_SCORE]
        if len(held) > 1:
            return Resolution("ambiguous", held[:8])
    if len(close) > 1 and top < 100:
        return Resolution("ambiguous", close[:8])
    return Resolution("ok", matches[:1])
