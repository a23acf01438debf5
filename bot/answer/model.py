"""An answer as data: status, the projects, the value, its sources; its text is rendered."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["ok", "not_found", "not_stated", "ambiguous", "clarify"]


class ProjectRef(BaseModel):
    """Which project an answer is about."""

    edition: str
    no: int | None
    name: str


class SourceRef(BaseModel):
    """Where a fact of the answer was printed."""

    file: str
    line: int
    edition: str
    no: int | None = None


class Value(BaseModel):
    """The number asked for, with its unit."""

    amount: int | float
    unit: str


class Answer(BaseModel):
    """A reply as data: status, text, the projects, the value, its sources, suggestions."""

    status: Status
    text: str = ""
    projects: list[ProjectRef] = Field(default_factory=list)
    value: Value | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    # For chat renderers: the heading and the fact lines the text is made of.
    title: str = Field(default="", exclude=True)
    lines: list[str] = Field(default_factory=list, exclude=True)
    more: int = Field(default=0, exclude=True)
    lang: str = Field(default="ja", exclude=True)

    def public(self) -> dict:
        """Exactly the documented keys, for --json and APIs."""
        return self.model_dump(mode="json")
