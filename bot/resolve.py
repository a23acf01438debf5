"""Finding the project someone means: by number, by key, by (part of) its name or a keyword."""

from __future__ import annotations

import functools
import re
from array import array
from dataclasses import dataclass, field

from bot.errors import ProjectNotFound
from bot.links import core_name
from bot.models import Project
from bot.project_numbers import parse_number
from bot.store import Store
from bot.text import compact
from bot.vocabulary import VARIANTS, translate_english

# R7/No40, R6/#3, and R6/産業・しごと#3 (an unnumbered edition's later field documents, #14).
KEY = re.compile(r"^(R\d{1,2}|H\d{1,2})/(?:No(\d+)|([^/#]*)#(\d+))$", re.I)
MIN_SCORE = 70.0
TIE_MARGIN = 6.0


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

    status: str  # ok, ambiguous, not_found
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
    query = normalise_name(translate_english(text))
    query = re.sub(r"(について|のこと|事業費補助|事業費|事業)$", "", query)
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
        elif query == form:
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


def resolve(store: Store, reference: str, edition: str | None = None) -> Resolution:
    """Resolve a reference to a project of an edition (default: the latest)."""
    reference = reference.strip()
    if m := KEY.match(compact(reference)):
        project = store.project(
            f"{m.group(1).upper()}/No{m.group(2)}"
            if m.group(2)
            else f"{m.group(1).upper()}/{m.group(3)}#{m.group(4)}"
        )
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
    matches = [m for m in match_names(projects, reference) if m.score > 0]
    return judge(matches)


def judge(matches: list[Match]) -> Resolution:
    """One clear winner, several close candidates, or nothing good enough."""
    if not matches or matches[0].score < MIN_SCORE:
        return Resolution("not_found", matches[:3])
    top = matches[0].score
    close = [m for m in matches if m.score >= MIN_SCORE and top - m.score <= TIE_MARGIN]
    if len(close) > 1 and top < 100:
        return Resolution("ambiguous", close[:8])
    return Resolution("ok", matches[:1])


def resolve_one(store: Store, reference: str, edition: str | None = None) -> Project:
    """Resolve to exactly one project or raise ProjectNotFound with the reason."""
    resolution = resolve(store, reference, edition)
    if resolution.project:
        return resolution.project
    if resolution.status == "ambiguous":
        names = ", ".join(f"{_label(m.project)}" for m in resolution.matches)
        raise ProjectNotFound(detail=f"{reference!r} matches several projects: {names}")
    hint = ""
    if resolution.matches:
        hint = " Closest: " + ", ".join(_label(m.project) for m in resolution.matches)
    raise ProjectNotFound(detail=f"no project matches {reference!r}.{hint}")


def _label(project: Project) -> str:
    number = f"No{project.no} " if project.no is not None else ""
    return f"{project.edition} {number}{project.name}"
