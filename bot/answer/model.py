"""An answer as data: status, the projects, the value, its sources; its text is rendered.

Plain dataclasses, not pydantic: an answer is made by this package, never parsed from outside,
so it needs no validation, and `roadmap ask` builds no schema for it (a fifth of its start)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["ok", "not_found", "not_stated", "ambiguous", "clarify"]


@dataclass(kw_only=True)
class ProjectRef:
    """Which project an answer is about."""

    edition: str
    no: int | None
    name: str
    key: str = ""  # the store's key (R7/No40, R6/#3): not public, for the answer's own checks

    def public(self) -> dict:
        """The documented keys."""
        return {"edition": self.edition, "no": self.no, "name": self.name}


@dataclass(kw_only=True)
class SourceRef:
    """Where a fact of the answer was printed."""

    file: str
    line: int
    edition: str
    no: int | None = None

    def public(self) -> dict:
        """The documented keys."""
        return {"file": self.file, "line": self.line, "edition": self.edition, "no": self.no}


@dataclass(kw_only=True)
class Value:
    """The number asked for, with its unit."""

    amount: int | float
    unit: str

    def public(self) -> dict:
        """The documented keys."""
        return {"amount": self.amount, "unit": self.unit}


@dataclass(kw_only=True)
class Computed:
    """What an answer computed, in the slots the mention check compares with the question's
    mentions: each answer path says what it applied, never what the question said."""

    projects: set[str] = field(default_factory=set)  # keys of the projects named and used
    numbers: set[int] = field(default_factory=set)  # project numbers used as targets
    groups: set[tuple[str, str, str]] = field(default_factory=set)  # (kind, op, value)
    years: set[str] = field(default_factory=set)  # fiscal years used in any role (R8)
    editions: set[str] = field(default_factory=set)  # editions read (R6, R7)
    amounts: set[int] = field(default_factory=set)  # amounts (千円) used as conditions
    operations: set[str] = field(default_factory=set)  # list count sum avg max min … verdict
    fields: set[str] = field(default_factory=set)  # budget owner period … date place count
    words: set[str] = field(default_factory=set)  # words of the text applied or searched
    people: set[str] = field(default_factory=set)  # people whose record was read
    negated: bool = False  # a condition was applied as "not"
    times: set[str] = field(default_factory=set)  # periods of the record read (this_week…)

    def merge(self, other: Computed) -> None:
        """Add what another part of the same answer computed."""
        for name in (
            "projects",
            "numbers",
            "groups",
            "years",
            "editions",
            "amounts",
            "operations",
            "fields",
            "words",
            "people",
            "times",
        ):
            getattr(self, name).update(getattr(other, name))
        self.negated = self.negated or other.negated


@dataclass(kw_only=True)
class Answer:
    """A reply as data: status, text, the projects, the value, its sources, suggestions."""

    status: Status
    text: str = ""
    projects: list[ProjectRef] = field(default_factory=list)
    value: Value | None = None
    sources: list[SourceRef] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # For chat renderers: the heading and the fact lines the text is made of (not public).
    title: str = ""
    lines: list[str] = field(default_factory=list)
    more: int = 0
    lang: str = "ja"
    computed: Computed = field(default_factory=Computed)
    verdict: str | None = None  # which one is larger/more, when the question asked

    def __post_init__(self) -> None:
        # An answer owns its lists: appending a line to it never changes the caller's list.
        self.projects = list(self.projects)
        self.sources = list(self.sources)
        self.suggestions = list(self.suggestions)
        self.lines = list(self.lines)

    def public(self) -> dict:
        """Exactly the documented keys, for --json and APIs."""
        return {
            "status": self.status,
            "text": self.text,
            "projects": [p.public() for p in self.projects],
            "value": self.value.public() if self.value is not None else None,
            "sources": [s.public() for s in self.sources],
            "suggestions": list(self.suggestions),
        }
