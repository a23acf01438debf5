"""Japanese fiscal years: 令和 (R) and 平成 (H) labels and their Western years."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.errors import InvalidFiscalYear

REIWA_OFFSET = 2018  # R1 = FY2019
HEISEI_OFFSET = 1988  # H31 = FY2019
TOKYO = ZoneInfo("Asia/Tokyo")

_PATTERNS = [
    (re.compile(r"^(?:R|令和)\s*(\d{1,2})(?:年度?)?$", re.I), "R"),
    (re.compile(r"^(?:H|平成)\s*(\d{1,2})(?:年度?)?$", re.I), "H"),
    (re.compile(r"^(?:FY\s*)?(\d{4})(?:年度?)?$", re.I), "W"),
]


@dataclass(frozen=True, order=True)
class FiscalYear:
    """A Japanese fiscal year (April to March), ordered by its Western year."""

    western: int
    # H31 and R1 are the same fiscal year: the era is how it was printed, not identity.
    era: str = field(default="R", compare=False)

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """Read R7, 令和７年度, H31, 2025年度 or FY2025; raise InvalidFiscalYear otherwise."""
        norm = unicodedata.normalize("NFKC", text or "").strip().replace("元", "1")
        for pattern, kind in _PATTERNS:
            m = pattern.match(norm)
            if not m:
                continue
            n = int(m.group(1))
            if kind == "R" and 1 <= n <= 99:
                return cls(REIWA_OFFSET + n, "R")
            if kind == "H" and 1 <= n <= 31:
                return cls(HEISEI_OFFSET + n, "H")
            if kind == "W" and 1989 <= n <= 2117:
                return cls(n, "R" if n >= 2019 else "H")
        raise InvalidFiscalYear(f"not a fiscal year: {text!r}")

    @classmethod
    def try_parse(cls, text: str | None) -> FiscalYear | None:
        """Like parse, but None for text that is not a fiscal year (e.g. 未定)."""
        if not text:
            return None
        try:
            return cls.parse(text)
        except InvalidFiscalYear:
            return None

    @classmethod
    def of(cls, moment: date | datetime) -> FiscalYear:
        """The fiscal year a day falls in, in Asia/Tokyo for aware datetimes."""
        if isinstance(moment, datetime) and moment.tzinfo is not None:
            moment = moment.astimezone(TOKYO)
        return cls(moment.year if moment.month >= 4 else moment.year - 1)

    @property
    def number(self) -> int:
        """The year within its era: 7 for R7."""
        return self.western - (HEISEI_OFFSET if self.era == "H" else REIWA_OFFSET)

    @property
    def code(self) -> str:
        """The short label used in the roadmap: R7, H31."""
        return f"{self.era}{self.number}"

    @property
    def label(self) -> str:
        """The Japanese label: 令和7年度."""
        era = "平成" if self.era == "H" else "令和"
        return f"{era}{self.number}年度"

    @property
    def reiwa(self) -> FiscalYear:
        """The same year written in 令和 (H31 → R1)."""
        return FiscalYear(self.western, "R") if self.western >= 2019 else self

    @property
    def starts(self) -> date:
        """April 1st of the fiscal year."""
        return date(self.western, 4, 1)

    @property
    def ends(self) -> date:
        """March 31st of the next calendar year."""
        return date(self.western + 1, 3, 31)

    def __add__(self, years: int) -> FiscalYear:
        return FiscalYear(self.western + years, "R" if self.western + years >= 2019 else "H")

    def __sub__(self, years: int) -> FiscalYear:
        return self + (-years)

    def __str__(self) -> str:
        return self.code


def achievements_year(edition_year: FiscalYear) -> FiscalYear:
    """The year an edition's 主な取組実績 reports: the one before it (R7's tells of R6)."""
    return edition_year - 1


def runs_in(start: FiscalYear | None, end: FiscalYear | None, year: FiscalYear) -> bool:
    """A period still running in a fiscal year: started by then (or no start printed) and not
    ended before it — an end year not printed or 未定 is taken as not decided: running."""
    if start is not None and start > year:
        return False
    return end is None or end >= year
