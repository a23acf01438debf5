"""The roadmap's domain models (pydantic v2): what a document says, validated."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot import prefectures
from bot.fiscal_year import FiscalYear

YEAR_COLUMNS = ("R6", "R7", "R8", "R9", "R10")


# Schemas are built on first use, not at import: `roadmap ask` must start fast.
LAZY = ConfigDict(defer_build=True)
# The `platform` of an entry read from a document rather than reported in chat.
DOCUMENT_PLATFORM = "document"


class Source(BaseModel):
    """Where a fact was printed: a file and a 1-based line number."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    file: str
    line: int = Field(ge=1)


class YearCell(BaseModel):
    """One fiscal year's cell of an initiative: the plan/goal and the actual, as printed."""

    model_config = LAZY

    plan: str | None = None
    actual: str | None = None
    # Text printed in the 実績 row for the edition's own year or a later one: an edition
    # reports results only for the years before its own, so this is a plan (#24), kept apart
    # from the plan row's text so that where it was printed can be said.
    plan_in_actual_row: str | None = None

    @property
    def plans(self) -> list[str]:
        """What is planned for the year: the plan row's text, then a plan printed as 実績."""
        return [t for t in (self.plan, self.plan_in_actual_row) if t]


class Initiative(BaseModel):
    """An initiative row (取組) with its per-year plan (計画/目標) and actual (実績)."""

    model_config = LAZY

    label: str | None
    years: dict[str, YearCell] = Field(default_factory=dict)
    source: Source
    # Where each part was printed, for citations: "label", "plan:R7", "actual:R6" → line
    # (a label spanning two rows is printed on the second; 実績 on the row under the plan).
    lines: dict[str, int] = Field(default_factory=dict, exclude=True)
    # A row printed one cell fewer than there are years (目標/実績 standing in a year's
    # column): the year its first cell is read as (R6, or R7 when the project starts then).
    short_from: str | None = None

    def line_of(self, kind: str, year: str | None = None) -> int:
        """The line the label, or a year's plan or actual, was printed on, else the first."""
        return self.lines.get(f"{kind}:{year}" if year else kind, self.source.line)

    def actual_line(self, year: str) -> int:
        """The line a year's 実績 cell was printed on."""
        return self.line_of("actual", year)

    @field_validator("years")
    @classmethod
    def _years_are_fiscal_years(cls, value: dict[str, YearCell]) -> dict[str, YearCell]:
        for code in value:
            FiscalYear.parse(code)
        return value


class Project(BaseModel):
    """One project (事業) of one edition, every field as the document prints it."""

    model_config = LAZY

    edition: str
    position: int = Field(ge=1, description="1-based order of the block in its document")
    no: int | None = None
    number_inferred: bool = False
    name: str
    field: str | None = None
    category: str | None = None
    department: str | None = None
    sections: list[str] = Field(default_factory=list)
    budget_thousand_yen: int = Field(ge=0)
    budget_note: str | None = None
    start: str | None = None
    end: str | None = None
    priority_frame: bool | None = None
    future_response: bool | None = None
    summary: str
    initiatives: list[Initiative] = Field(default_factory=list)
    achievements: str | None = None
    achievements_line: int | None = Field(default=None, exclude=True)
    # The line each labelled field was printed on (budget → the 事業費 line), for citations.
    field_lines: dict[str, int] = Field(default_factory=dict, exclude=True)
    source: Source
    # Unnumbered editions: the document part of the key ("" for the edition's first document,
    # whose keys R6/#3 predate documents; the field for the others: R6/産業・しごと#3).
    key_scope: str = Field(default="", exclude=True)
    # Loaded from a document whose title marks it as a draft (（案）).
    draft: bool = Field(default=False, exclude=True)

    @property
    def key(self) -> str:
        """Stable id within the store: R7/No40, or R6/#3 for an unnumbered edition."""
        return (
            f"{self.edition}/No{self.no}"
            if self.no is not None
            else f"{self.edition}/{self.key_scope}#{self.position}"
        )

    def line_of(self, field_name: str) -> int:
        """The line a field was printed on, else the block's first line."""
        return self.field_lines.get(field_name, self.source.line)

    @property
    def start_year(self) -> FiscalYear | None:
        """事業始期 as a fiscal year, None if missing."""
        return FiscalYear.try_parse(self.start)

    @property
    def end_year(self) -> FiscalYear | None:
        """事業終期 as a fiscal year, None if missing or 未定."""
        return FiscalYear.try_parse(self.end)


def budget_change(old: Project, new: Project) -> tuple[int, float | None]:
    """The change in thousand yen and in percent (None when the old budget is 0). Meaningful for
    one project continuing as one (bot.links.link_kinds: continued or renamed); a project that
    also took over another's work, or passed part of its own on, compares with amount_change
    over the sums, or not at all."""
    return amount_change(old.budget_thousand_yen, new.budget_thousand_yen)


def amount_change(old: int, new: int) -> tuple[int, float | None]:
    """The change from one amount to another, in its unit and in percent (None from 0)."""
    change = new - old
    return change, (round(change / old * 100, 1) if old else None)


class Edition(BaseModel):
    """One published roadmap: its fiscal year, title and projects."""

    model_config = LAZY

    code: str
    title: str | None = None
    source_file: str
    sha256: str
    projects: list[Project]
    draft: bool = False  # the title marks it as a draft (（案）)

    @property
    def fiscal_year(self) -> FiscalYear:
        """The fiscal year whose budgets the edition prints (R7 for R7事業費)."""
        return FiscalYear.parse(prefectures.label_of(self.code))

    @property
    def prefecture(self) -> str:
        """Whose roadmap this is (the code says: 岩手県:R7 is 岩手県's, R7 is home's)."""
        return prefectures.prefecture_of(self.code)


EntryKind = Literal["actual", "achievement", "retraction"]


class ActualEntry(BaseModel):
    """One entry of a project's append-only actual-results record."""

    model_config = LAZY

    id: int | None = None
    project_key: str
    edition: str
    project_no: int | None = None
    fiscal_year: str | None = None
    initiative: str | None = None
    kind: EntryKind = "actual"
    text: str
    retracts: int | None = None
    author_id: str | None = None
    author_name: str | None = None
    platform: str
    channel: str | None = None
    source_file: str | None = None
    source_line: int | None = None
    request_id: str | None = None
    created_at: datetime | None = None
    retracted: bool = False

    @property
    def from_document(self) -> bool:
        """Read from a roadmap document (its 実績 column), not reported by a person in chat."""
        return self.platform == DOCUMENT_PLATFORM

    def retraction(self, text: str, **by) -> ActualEntry:
        """A new entry that retracts this one (who and when in `by`); this one stays as it is."""
        return ActualEntry(
            project_key=self.project_key,
            edition=self.edition,
            project_no=self.project_no,
            fiscal_year=self.fiscal_year,
            initiative=self.initiative,
            kind="retraction",
            text=text,
            retracts=self.id,
            **by,
        )


class Evidence(BaseModel):
    """Why two projects are taken for one, as data (stored as JSON in links.evidence); the
    words people read are made by messages.evidence_words, in either language."""

    model_config = LAZY

    same_name: bool = False
    # The older project's name as the newer one's text gives it (…より: it took the work over).
    named_older: str | None = None
    taken_over: bool = False
    # Similarity scores, 0–100, of name, summary and initiative labels.
    name: int | None = None
    summary: int | None = None
    labels: int | None = None
    same_start: bool = False
    start: str | None = None  # the first year both share, when the initiative pair decided
    initiative_pair: tuple[str, str] | None = None  # the most alike labels, older → newer
    note: str | None = None  # prose of an older store that fitted none of the above

    def stored(self) -> str:
        """The JSON kept in links.evidence (only what is set)."""
        return self.model_dump_json(exclude_defaults=True)

    @classmethod
    def read(cls, stored: str) -> Evidence:
        """A link's stored evidence; empty is the same name (the old default)."""
        return cls.model_validate_json(stored) if stored else cls(same_name=True)


class Link(BaseModel):
    """The same project in two editions, with the evidence that says so."""

    model_config = LAZY

    older: str
    newer: str
    score: float
    evidence: str  # Evidence.stored(): JSON, turned into words by messages.evidence_words
    renamed: bool
