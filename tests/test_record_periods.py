"""Periods of the record (#27) read as written and resolved in Japan time, and the store's
bounded reads of the chat record."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.fiscal_year import TOKYO
from bot.models import ActualEntry
from bot.store import ReportScope
from bot.understanding.periods import find_periods, resolve
from bot.vocabulary import normalise


def period_of(text: str, now: datetime) -> tuple[date, date]:
    [(_, _, period)] = find_periods(normalise(text))  # as questions are read: NFKC, lower case
    span = resolve(period, now)
    assert span.since == datetime.combine(span.first_day, datetime.min.time(), TOKYO)
    assert span.until - span.since == timedelta(days=(span.last_day - span.first_day).days + 1)
    return span.first_day, span.last_day


# Every day of a fortnight around a month's and a year's end, at 00:30 and at 23:30 JST.
MOMENTS = [
    datetime(2026, 12, 24, hour, 30, tzinfo=TOKYO) + timedelta(days=d)
    for d in range(14)
    for hour in (0, 23)
]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda m: m.isoformat())
def test_weeks_run_monday_to_sunday_in_japan_time(now):
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    assert period_of("今週", now) == period_of("this week", now) == (monday, monday + timedelta(6))
    last = (monday - timedelta(7), monday - timedelta(1))
    assert period_of("先週", now) == period_of("last week", now) == last
    # The same moment written in UTC is the same Japanese day.
    assert period_of("今週", now.astimezone(UTC)) == (monday, monday + timedelta(6))


@pytest.mark.parametrize("now", MOMENTS, ids=lambda m: m.isoformat())
def test_months_days_and_dates_without_a_year(now):
    today = now.date()
    first = today.replace(day=1)
    assert period_of("今月", now)[0] == period_of("this month", now)[0] == first
    previous_end = first - timedelta(days=1)
    assert period_of("先月", now) == (previous_end.replace(day=1), previous_end)
    assert (
        period_of("この7日間", now)
        == period_of("last 7 days", now)
        == (today - timedelta(6), today)
    )
    # A date without a year is the latest such day not after today (12/28 asked on 1/3 is last year's).
    year = today.year if (today.month, today.day) >= (12, 28) else today.year - 1
    assert (
        period_of("12/28以降", now) == period_of("since Dec 28", now) == (date(year, 12, 28), today)
    )
    start = date(today.year if today.month == 12 else today.year - 1, 12, 20)
    between = (start, date(start.year + 1, 1, 5))
    assert (
        period_of("12月20日から1月5日まで", now)
        == period_of("between Dec 20 and Jan 5", now)
        == between
    )
    december = date(today.year if today.month == 12 else today.year - 1, 12, 1)
    assert (
        period_of("12月", now)
        == period_of("in December", now)
        == (december, date(december.year, 12, 31))
    )


def test_period_words_are_not_read_where_they_are_something_else():
    assert find_periods("No40の事業費は？") == []
    assert find_periods("may I see the budget?") == []  # "may" is not May
    assert find_periods("R6からR7で増えた事業") == []


def chat(
    store, no: int, text: str, when: datetime, user: str = "U1", name: str = "佐藤"
) -> ActualEntry:
    entry = ActualEntry(
        project_key=f"R7/No{no}",
        edition="R7",
        project_no=no,
        fiscal_year="R8",
        text=text,
        author_id=user,
        author_name=name,
        platform="slack",
        created_at=when,
    )
    return store.append_entry(entry, dedupe_key=f"t:{no}:{text}")[0]


def test_reports_are_read_a_page_at_a_time_with_the_count_of_the_rest(store):
    start = datetime(2026, 11, 2, 9, 0, tzinfo=TOKYO)
    made = [chat(store, 40, f"報告{i}", start + timedelta(hours=i)) for i in range(30)]
    retracted = made[3]
    store.append_entry(
        retracted.retraction(
            "誤り",
            author_id="U1",
            author_name="佐藤",
            platform="slack",
            created_at=start + timedelta(days=5),
        ),
        dedupe_key="t:retract",
    )
    page, total = store.reports(ReportScope(projects=("R7/No40",)), limit=5)
    assert total == 29 and [e.text for e in page] == [f"報告{i}" for i in (29, 28, 27, 26, 25)]
    oldest, _ = store.reports(ReportScope(projects=("R7/No40",)), limit=2, oldest=True)
    assert [e.text for e in oldest] == ["報告0", "報告1"]
    window = ReportScope(since=start + timedelta(hours=2), until=start + timedelta(hours=6))
    page, total = store.reports(window, limit=10)
    assert [e.text for e in page] == ["報告5", "報告4", "報告2"] and total == 3  # 報告3 retracted
    [(original, retraction)], n = store.retracted_reports(ReportScope(projects=("R7/No40",)))
    assert (original.text, retraction.text, n) == ("報告3", "誤り", 1)
    assert store.report_counts(ReportScope(), "author") == {"U1": 29}


def test_authors_are_read_incrementally_with_every_name_they_used(store):
    chat(store, 40, "一", datetime(2026, 11, 2, tzinfo=TOKYO), "U7", "やまだ")
    authors, last = store.chat_authors()
    assert [(a.author_id, a.name) for a in authors] == [("U7", "やまだ")]
    chat(store, 41, "二", datetime(2026, 11, 3, tzinfo=TOKYO), "U7", "山田 一郎")
    newer, _ = store.chat_authors(last)
    assert [(a.author_id, a.name) for a in newer] == [("U7", "山田 一郎")]


@pytest.mark.parametrize("now", MOMENTS[::5], ids=lambda m: m.isoformat())
def test_the_last_days_weeks_and_months_and_a_range_within_a_month(now):
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    assert period_of("今週分", now) == (monday, monday + timedelta(6))
    week = (today - timedelta(6), today)  # the past week is seven days, last week a calendar week
    assert period_of("この一週間", now) == period_of("the past week", now) == week
    assert period_of("直近1週間", now) == period_of("in the last 7 days", now) == week
    a_month_ago = (today.replace(day=1) - timedelta(days=1)).replace(day=min(today.day, 28))
    first, last = period_of("ここ1か月", now)
    assert last == today and first in {a_month_ago + timedelta(days=d) for d in range(1, 5)}
    year = today.year if today.month >= 11 else today.year - 1
    assert period_of("11月15日〜30日", now) == (date(year, 11, 15), date(year, 11, 30))
