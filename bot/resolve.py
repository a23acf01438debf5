"""Finding the project someone means: by number, by key, by (part of) its name or a keyword."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.errors import ProjectNotFound
from bot.links import core_name
from bot.models import Project
from bot.project_numbers import parse_number
from bot.store import Store
from bot.text import compact
from bot.vocabulary import VARIANTS, translate_english

if TYPE_CHECKING:
    import numpy as np

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
def _forms_of(names: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """Every name form of a list of projects, and where each project's forms start."""
    import numpy as np  # here, not at import: `roadmap ask No40` never needs it (~0.1 s)

    forms: list[str] = []
    starts = []
    for name in names:
        starts.append(len(forms))
        forms.extend(_name_forms(name) or ("",))
    return forms, np.array(starts)


def match_names(projects: list[Project], text: str, fuzzy: bool = True) -> list[Match]:
    """Projects ranked by how well text matches their name (best first).

    A project scores its best form: 100 for the whole name, 80–100 for a part of it (the
    longer the surer), else fuzzy similarity. The fuzzy scores of all forms are computed by
    rapidfuzz in one call: a national store has thousands of names per edition.
    fuzzy=False scores only exact and partial (substring) matches.
    """
    query = normalise_name(translate_english(text))
    query = re.sub(r"(について|のこと|事業費補助|事業費|事業)$", "", query)
    if len(query) < 2 or not projects:
        return []
    import numpy as np
    from rapidfuzz import fuzz, process  # here: a question by number never needs it

    forms, starts = _forms_of(tuple(p.name for p in projects))
    kinds = np.zeros(len(forms), dtype=np.int8)  # 0 similar, 1 part of name, 2 name
    values = np.zeros(len(forms))
    if fuzzy:
        values = process.cdist([query], forms, scorer=fuzz.ratio)[0].astype(float)
        if len(query) >= 4:
            partial = process.cdist([query], forms, scorer=fuzz.partial_ratio)[0] * 0.9
            values = np.maximum(values, partial)
    for k, form in enumerate(forms):
        if not form:
            values[k] = 0.0
        elif query == form:
            values[k], kinds[k] = 100.0, 2
        elif query in form:
            value = 80.0 + 20.0 * len(query) / len(form)
            values[k], kinds[k] = (value - 8.0 if len(query) <= 3 else value), 1
    # A project's best form; on a tie the first form, as a left-to-right scan would pick.
    best = np.maximum.reduceat(values, starts)
    ends = np.append(starts[1:], len(forms))
    hows = ("similar name", "part of name", "name")
    matches = []
    for i, project in enumerate(projects):
        score = float(best[i])
        if score <= 0:
            matches.append(Match(project, 0.0, ""))
            continue
        k = starts[i] + int(np.argmax(values[starts[i] : ends[i]]))
        matches.append(Match(project, score, hows[kinds[k]]))
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
