"""Periods of the record in a question: 今週, last week, 今月, 10月中, 11/15以降, since Feb 10,
between April 10 and April 30, この7日, 今年度に入ってから — read as written (pure), resolved
against the moment asked in Japan time, weeks Monday 00:00 to Sunday 24:00 as the digest has
them. A date without a year is the latest such day not after today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.fiscal_year import TOKYO, FiscalYear
from bot.understanding.lexicon import kanji_number

_MONTHS_EN = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# One day as written: 2026年11月15日, 2026-11-15, 11月15日, 11/15, Feb 10, 10 February.
DATE = re.compile(
    r"(?<![\d/.-])(?:(?P<y>20\d\d)\s*(?:年|/|-|\.)\s*)?(?P<m>\d{1,2})\s*(?:月|/)\s*(?P<d>\d{1,2})(?![\d/])\s*日?"
    rf"|(?<![a-z])(?P<mw>{_MONTH_WORD})\.?\s+(?P<dw>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?\s*(?P<yw>20\d\d))?"
    rf"|(?<![\d])(?P<dw2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mw2>{_MONTH_WORD})(?![a-z])"
)
# A whole month: 10月, 10月中, in October, during April.
MONTH = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})\s*月(?!\s*\d)(?:中|分|の間|いっぱい)?"
    rf"|(?<![a-z])(?P<since>since\s+|from\s+)?(?(since)|(?:in|during|for|over|throughout)\s+)(?:the\s+month\s+of\s+)?"
    rf"(?P<mw>{_MONTH_WORD})(?![a-z])(?!\s*\d)(?:\s+(?P<yw>20\d\d))?"
)
_BETWEEN = re.compile(r"\s*(?:〜|~|-|–|から|to|until|till|through|thru|and)\s*")
_DAY_ONLY = re.compile(r"\s*(?:〜|~|-|–|から)\s*(\d{1,2})\s*日(?:まで(?:の間|の|に)?|の間)?")
_AFTER_SINCE = re.compile(r"\s*(?:以降|以後|から(?!\s*\d)|より後|~(?!\s*\d)|〜(?!\s*\d))(?:の|に)?")
_BEFORE_SINCE = re.compile(r"(?:since|after|from|starting)\s+(?:the\s+)?$")
_AFTER_UNTIL = re.compile(r"\s*(?:まで(?:の|に)?|以前(?:の|に)?|より前(?:の|に)?)")
_BEFORE_UNTIL = re.compile(r"(?:until|till|before|by|up to)\s+(?:the\s+)?$")
_BEFORE_BETWEEN = re.compile(r"(?:between|from)\s+(?:the\s+)?$")
_AFTER_RANGE = re.compile(r"\s*(?:まで(?:の間|の|に)?|の間(?:に)?)")

# Relative periods, each with the words that say it.
RELATIVE: list[tuple[str, re.Pattern]] = [
    (
        "this_week",
        re.compile(r"今週(?:中|分|に入ってから)?|(?<![a-z])this\s+week(?![a-z])"),
    ),
    (
        "last_week",
        re.compile(r"先週(?:分)?|前週|(?<![a-z])(?<!the\s)(?:last|previous)\s+week(?![a-z])"),
    ),
    (
        "this_month",
        re.compile(r"今月(?:中|分|に入ってから|に入って)?|(?<![a-z])this\s+month(?![a-z])"),
    ),
    (
        "last_month",
        re.compile(r"先月(?:分)?|前月|(?<![a-z])(?<!the\s)(?:last|previous)\s+month(?![a-z])"),
    ),
    ("today", re.compile(r"今日|本日|(?<![a-z])today(?![a-z])")),
    ("yesterday", re.compile(r"昨日|(?<![a-z])yesterday(?![a-z])")),
    (
        "fiscal_year",
        re.compile(
            r"(?:今年度|本年度)(?:に入って(?:から)?|になって(?:から)?|以降|が始まってから)"
            r"|(?<![a-z])since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?:fiscal\s+)?year"
        ),
    ),
]
_FEW = r"\d{1,3}|[一二三四五六七八九十]{1,3}"
# The last N days, weeks or months up to today: この7日間, 直近1週間, ここ一か月, past 30 days,
# the past week (seven days, where "last week" is the calendar week before this one).
DAYS = re.compile(
    rf"(?:この|ここ|直近|過去|最近の?)\s*({_FEW})\s*(日|週間|週|か月|ヶ月|カ月|ヵ月|ケ月)(?:間)?(?:以内)?"
    r"|(?<![a-z])(?:in\s+)?(?:the\s+|this\s+)?(?:last|past)\s+(\d{1,3}\s+)?(days?|weeks?|months?)(?![a-z])"
)
# The whole record: これまで, so far — not a period, a word that says none is meant.
ALL_TIME = re.compile(
    r"これまで(?:に|の)?|今まで(?:に|の)?|現在まで(?:に|の)?|累計|"
    r"(?<![a-z])(?:so\s+far|to\s+date|all\s+time|ever|right\s+now|on\s+record)(?![a-z])"
)


@dataclass(frozen=True)
class Period:
    """A period as written: its kind and the days it names (a year None when not written)."""

    kind: str  # this_week last_week this_month last_month today yesterday fiscal_year days months month since until between day
    said: str
    first: tuple[int | None, int, int] | None = None  # (year, month, day)
    last: tuple[int | None, int, int] | None = None
    n: int | None = None  # days, for `days`


@dataclass(frozen=True)
class Span:
    """A period resolved: [since, until) in Japan time, and the days it covers."""

    since: datetime
    until: datetime  # exclusive
    first_day: date
    last_day: date  # inclusive

    @property
    def key(self) -> str:
        """The period as the mention check compares it."""
        return f"{self.first_day.isoformat()}/{self.last_day.isoformat()}"


def _day(m: re.Match) -> tuple[int | None, int, int] | None:
    if m.group("m"):
        year = int(m.group("y")) if m.group("y") else None
        month, day = int(m.group("m")), int(m.group("d"))
    elif m.group("mw"):
        year = int(m.group("yw")) if m.group("yw") else None
        month, day = _MONTHS_EN[m.group("mw")[:3]], int(m.group("dw"))
    else:
        year, month, day = None, _MONTHS_EN[m.group("mw2")[:3]], int(m.group("dw2"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return (year, month, day)


def find_periods(text: str, free=lambda a, b: True) -> list[tuple[int, int, Period]]:
    """Every period written in the (normalised) text, as (start, end, Period), longest first;
    `free(a, b)` says whether characters are still unread."""
    found: list[tuple[int, int, Period]] = []
    taken: list[tuple[int, int]] = []

    def ok(a: int, b: int) -> bool:
        return free(a, b) and not any(a < y and x < b for x, y in taken)

    def add(a: int, b: int, period: Period) -> None:
        found.append((a, b, period))
        taken.append((a, b))

    for kind, pattern in RELATIVE:
        for m in pattern.finditer(text):
            if ok(m.start(), m.end()):
                add(m.start(), m.end(), Period(kind, m.group(0)))
    for m in DAYS.finditer(text):
        if ok(m.start(), m.end()):
            said = (m.group(1) or m.group(3) or "1").strip()
            n = int(said) if said.isdigit() else kanji_number(said) or 1
            unit = m.group(2) or m.group(4)
            if unit.startswith(("か", "ヶ", "カ", "ヵ", "ケ", "month")):
                add(m.start(), m.end(), Period("months", m.group(0), n=n))
                continue
            days = n * 7 if unit.startswith(("週", "week")) else n
            if 0 < days <= 3660:
                add(m.start(), m.end(), Period("days", m.group(0), n=days))
    dates = [
        (m.start(), m.end(), day)
        for m in DATE.finditer(text)
        if ok(m.start(), m.end()) and (day := _day(m)) is not None
    ]
    used: set[int] = set()
    for i, (a, b, day) in enumerate(dates):
        if i in used:
            continue
        if i + 1 < len(dates):
            a2, b2, day2 = dates[i + 1]
            if _BETWEEN.fullmatch(text[b:a2]) and ok(b, a2):
                start = a
                if lead := _BEFORE_BETWEEN.search(text[max(0, a - 12) : a]):
                    start = a - len(lead.group(0))
                end = b2 + (m.end() if (m := _AFTER_RANGE.match(text[b2:])) else 0)
                if ok(start, end):
                    add(start, end, Period("between", text[start:end], day, day2))
                    used.update((i, i + 1))
                    continue
        if (tail := _DAY_ONLY.match(text[b:])) and ok(a, b + tail.end()):  # 11月15日〜30日
            last = (day[0], day[1], int(tail.group(1)))
            add(a, b + tail.end(), Period("between", text[a : b + tail.end()], day, last))
            continue
        if after := _AFTER_SINCE.match(text[b:]):
            add(a, b + after.end(), Period("since", text[a : b + after.end()], day))
        elif lead := _BEFORE_SINCE.search(text[max(0, a - 12) : a]):
            add(a - len(lead.group(0)), b, Period("since", text[a - len(lead.group(0)) : b], day))
        elif after := _AFTER_UNTIL.match(text[b:]):
            add(a, b + after.end(), Period("until", text[a : b + after.end()], None, day))
        elif lead := _BEFORE_UNTIL.search(text[max(0, a - 12) : a]):
            add(
                a - len(lead.group(0)),
                b,
                Period("until", text[a - len(lead.group(0)) : b], None, day),
            )
        else:
            add(a, b, Period("day", text[a:b], day, day))
    months = [m for m in MONTH.finditer(text) if ok(m.start(), m.end())]
    for i, m in enumerate(months):
        if not ok(m.start(), m.end()):
            continue
        month = int(m.group("m")) if m.group("m") else _MONTHS_EN[m.group("mw")[:3]]
        year = int(m.group("yw")) if m.group("yw") else None
        if not 1 <= month <= 12:
            continue
        if i + 1 < len(months):
            m2 = months[i + 1]
            if _BETWEEN.fullmatch(text[m.end() : m2.start()]):
                month2 = int(m2.group("m")) if m2.group("m") else _MONTHS_EN[m2.group("mw")[:3]]
                end = m2.end() + (x.end() if (x := _AFTER_RANGE.match(text[m2.end() :])) else 0)
                if 1 <= month2 <= 12 and ok(m.start(), end):
                    first, last = (year, month, 1), (year, month2, 0)
                    add(m.start(), end, Period("between", text[m.start() : end], first, last))
                    continue
        if m.groupdict().get("since") or (after := _AFTER_SINCE.match(text[m.end() :])):
            # 4月以降, since April: from the month's first day
            end = m.end() + (0 if m.groupdict().get("since") else after.end())
            add(m.start(), end, Period("since", text[m.start() : end], (year, month, 1)))
            continue
        add(m.start(), m.end(), Period("month", m.group(0), (year, month, 1), (year, month, 0)))
    return sorted(found)


def all_time_words(text: str) -> list[re.Match]:
    """これまで, so far, on record: the whole record is meant (no period)."""
    return list(ALL_TIME.finditer(text))


def _dated(day: tuple[int | None, int, int], today: date) -> date:
    """A written day, its year inferred: the latest such day not after today."""
    year, month, number = day
    if year is None:
        year = today.year if (month, number) <= (today.month, today.day) else today.year - 1
    return _safe(year, month, number)


def _safe(year: int, month: int, number: int) -> date:
    """A real day: the 31st of a shorter month is its last day."""
    for d in (number, 30, 29, 28):
        try:
            return date(year, month, min(d, number))
        except ValueError:
            continue
    return date(year, month, 1)


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


def resolve(period: Period, now: datetime) -> Span:
    """The days a period names, read against `now` in Japan time."""
    today = now.astimezone(TOKYO).date()
    monday = today - timedelta(days=today.weekday())
    kind = period.kind
    if kind == "this_week":
        first, last = monday, monday + timedelta(days=6)
    elif kind == "last_week":
        first, last = monday - timedelta(days=7), monday - timedelta(days=1)
    elif kind == "this_month":
        first, last = today.replace(day=1), _month_end(today.year, today.month)
    elif kind == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        first = last.replace(day=1)
    elif kind == "today":
        first = last = today
    elif kind == "yesterday":
        first = last = today - timedelta(days=1)
    elif kind == "fiscal_year":
        first, last = FiscalYear.of(today).starts, FiscalYear.of(today).ends
    elif kind == "days":
        first, last = today - timedelta(days=(period.n or 1) - 1), today
    elif kind == "months":  # ここ1か月: from the same day N months ago, up to today
        back = today.month - 1 - (period.n or 1)
        year, month = today.year + back // 12, back % 12 + 1
        first, last = _safe(year, month, today.day) + timedelta(days=1), today
    elif kind == "month":
        year, month, _ = period.first  # type: ignore[misc]
        if year is None:
            year = today.year if month <= today.month else today.year - 1
        first, last = date(year, month, 1), _month_end(year, month)
    elif kind == "since":
        first, last = _dated(period.first, today), today  # type: ignore[arg-type]
    elif kind == "until":
        last = _dated(period.last, today)  # type: ignore[arg-type]
        first = date(2000, 1, 1)
    else:  # between, day
        a, b = period.first, period.last
        if a is not None and a[2] == 1 and b is not None and b[2] == 0:  # months: 10月〜11月
            year = a[0] or (today.year if a[1] <= today.month else today.year - 1)
            first = date(year, a[1], 1)
            end_year = b[0] or (year if b[1] >= a[1] else year + 1)
            last = _month_end(end_year, b[1])
        else:
            first = _dated(a, today)  # type: ignore[arg-type]
            year = b[0] or first.year  # type: ignore[index]
            last = _safe(year, b[1], b[2])  # type: ignore[index]
            if last < first and b[0] is None:  # type: ignore[index]
                last = _safe(year + 1, b[1], b[2])  # type: ignore[index]
    since = datetime.combine(first, time(0), TOKYO)
    until = datetime.combine(last + timedelta(days=1), time(0), TOKYO)
    return Span(since, until, first, last)
