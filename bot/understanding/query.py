"""The structured query a question is read into: slots, never free text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from bot.understanding.record_ask import RecordAsk

Lang = Literal["ja", "en"]
MAX_QUESTION = 2000
SET_OPERATIONS = {"list", "count", "sum", "avg", "max", "min", "top", "bottom", "nth", "group"}


@dataclass
class Filter:
    """One condition on projects: kind, comparison and value (upper for a range)."""

    kind: str  # department section category field start end budget priority_frame future_response text
    op: str = "eq"  # lt le eq ge gt between
    value: str | int | bool | None = None
    upper: str | int | None = None
    said: str | None = None  # a relative year as asked (@0 = 今年度), once resolved to a code
    # Where the question said it (for a negation written next to it); not part of equality.
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    # Turned into its opposite by a negation said against it (R6以降以外 → before R6).
    negated: bool = field(default=False, compare=False, repr=False)


@dataclass
class Query:
    """What a question asks, in slots."""

    raw: str
    lang: Lang = "ja"
    operation: str = "fact"
    fields: list[str] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    edition: str | None = None  # a label (R6), "previous", or None for the latest
    project_no: int | None = None
    project_nos: list[int] = field(default_factory=list)  # No41とNo42: every number named
    project_keys: list[str] = field(default_factory=list)
    subject: str | None = None
    year: str | None = None
    n: int | None = None
    group_by: str | None = None
    comparison: str | None = None
    search_terms: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    now: datetime | None = None  # when it was asked (set by answering): 今年度 is its year
    ranges: list[str] = field(default_factory=list)  # No30〜No35 as written
    people: list[str] = field(default_factory=list)  # people mentioned (@name, <@U…>, <at>)
    dropped: list[str] = field(default_factory=list)  # links and emoji, never conditions
    # Projects named, with where (a negation written next to one excludes it: 〜を除く).
    named_spans: list[tuple[str | int, tuple[int, int]]] = field(default_factory=list)
    excluded: list[str | int] = field(default_factory=list)  # keys or numbers left out
    included: list[Filter] = field(default_factory=list)  # groups said to be taken in (含めて)
    reading: str = ""  # the text as the readers read it (normalised, numerals as digits)
    subject_parts: list[str] = field(default_factory=list)  # the words left, chunk by chunk
    unit: str | None = None  # the unit an amount is asked in (万円, million)
    ops: list[str] = field(default_factory=list)  # every operation word, in order (合計 and 差)
    having: tuple[str, int] | None = None  # groups by their count: ("eq", 1) 1件だけの部局
    smallest: bool = False  # the N-th smallest rather than the N-th largest
    compared: list[str] = field(default_factory=list)  # R6からR7で増えた: the editions compared
    # #24: the kind of value asked (date span time place count amount organisation), the
    # counters a count is printed with (何病院 → 病院), a total over values; a plan's years.
    asks: list[str] = field(default_factory=list)
    counters: list[str] = field(default_factory=list)
    total: bool = False
    year_op: str = "eq"  # with year: eq, or ge/gt for R8以降 / beyond R8
    also: bool = False  # 「R10も」 / "still": is that year planned too
    western: bool = False  # 西暦で / in the Western calendar: years shown as 2025年度 too
    edition_from_year: bool = False  # the edition was read from a bare year (R6), not R6版
    label_words: list[tuple[str, str, str]] = field(default_factory=list)  # groups read as words
    # #23: 「同じ」 (same) or 「違う」 (differ) asked of fields across editions.
    alike: str | None = None
    record: RecordAsk | None = None  # #27: a question about the chat record (reports, owners)
    # A fact asked of "the" project of a group (防災危機管理課の事業の事業費は？): which one.
    one_of: bool = False
    # 5億円を超える事業はある？なければ一番大きい事業は: the ranking asked if none meets it.
    fallback: bool = False
    budget_year: str | None = None  # R8事業費: the year a budget was labelled with

    @property
    def intent(self) -> str:
        """The coarse kind of question (fact, list, aggregate, compare, search, help, empty)."""
        if self.operation in ("help", "empty", "fact", "list", "compare", "search"):
            return self.operation
        return "aggregate"

    @property
    def names_project(self) -> bool:
        """True when the question names one project (by number, name or the words left)."""
        return self.project_no is not None or bool(self.project_keys)

    @property
    def reads_anything(self) -> bool:
        """True when any slot was read: a condition, a project, a field or value asked, an
        operation, a year, an edition, a unit or the chat record (words left over are not)."""
        return bool(
            self.western
            or self.unit
            or self.group_by
            or self.total
            or self.included
            or self.having
            or self.ops
            or self.filters
            or self.names_project
            or self.fields
            or self.asks
            or self.smallest
            or self.year
            or self.edition
            or self.compared
            or self.comparison
            or self.record is not None
            or self.operation not in ("fact", "empty", "help")
        )


def detect_language(text: str) -> Lang:
    """English when the text has English words and no kana, or is an English sentence that
    names a Japanese thing (List projects in the 子育て category); Japanese otherwise."""
    acronyms = {"no", "fy", "phr", "dx", "ict", "web", "ai", "uav", "icu", "maas", "kintone"}
    english = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in acronyms]
    if re.search(r"[\u3040-\u309f]", text):
        starts_english = re.match(r"\s*[A-Za-z]{2,}", text) and text.strip()[:2].lower() != "no"
        return "en" if starts_english and len(english) >= 2 else "ja"
    if english:
        return "en"
    return "ja"  # Japanese first: numbers and acronyms alone ("No40", "PHR") get Japanese
