"""The week's edges and the digest's rules at their bounds (#28): entries at exactly Monday
00:00 JST and Sunday 23:59:59, a project in its last fiscal year, the stale threshold to the
second, document entries appended during the week, and the digest as text word for word.

The week below is Monday 2026-11-16 to Sunday 2026-11-22 (ISO week 47), in fiscal year R8.
Projects are named by the shipped R7 document's own lines (quoted where used)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.digest import (
    Digest,
    DigestEntry,
    EndingProject,
    Period,
    ProjectDigest,
    StaleProject,
    Totals,
    digest,
    digest_sections,
    digest_text,
    running,
    week_period,
)
from bot.fiscal_year import TOKYO, FiscalYear
from bot.models import ActualEntry, Project
from tests.conftest import chat_entry

MONDAY = datetime(2026, 11, 16, 0, 0, 0, tzinfo=TOKYO)  # the week's first moment
SUNDAY_LAST = datetime(2026, 11, 22, 23, 59, 59, tzinfo=TOKYO)  # its last whole second
NEXT_MONDAY = datetime(2026, 11, 23, 0, 0, 0, tzinfo=TOKYO)  # the next week's first moment
ONE_SECOND = timedelta(seconds=1)


def at(no: int, text: str, when: datetime, year: str = "R8") -> ActualEntry:
    return chat_entry(no, text, year, when)


# -- the week itself -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("now", "start", "week"),
    [
        (NEXT_MONDAY, "2026-11-16", "2026-W47"),  # Monday 00:00: the week that just ended
        (NEXT_MONDAY - ONE_SECOND, "2026-11-09", "2026-W46"),  # still Sunday: the one before
        (datetime(2026, 11, 29, 23, 59, 59, tzinfo=TOKYO), "2026-11-16", "2026-W47"),
        (datetime(2026, 11, 30, 0, 0, tzinfo=TOKYO), "2026-11-23", "2026-W48"),
        # 15:00 UTC on Sunday is Monday 00:00 in Tokyo: Tokyo decides.
        (datetime(2026, 11, 22, 15, 0, tzinfo=UTC), "2026-11-16", "2026-W47"),
        (datetime(2026, 11, 22, 14, 59, 59, tzinfo=UTC), "2026-11-09", "2026-W46"),
        # A week across the new year keeps its ISO year: 2026-12-28 is 2026-W53.
        (datetime(2027, 1, 4, 9, 0, tzinfo=TOKYO), "2026-12-28", "2026-W53"),
        (datetime(2026, 1, 12, 9, 0, tzinfo=TOKYO), "2026-01-05", "2026-W02"),
    ],
)
def test_the_period_is_the_whole_week_before_the_one_now_is_in(now, start, week):
    period = week_period(now)
    end = (datetime.fromisoformat(start) + timedelta(days=6)).date()
    assert (str(period.start), period.end, period.week) == (start, end, week)


@pytest.mark.parametrize(
    ("now", "year"),
    [
        (datetime(2027, 3, 31, 23, 59, 59, tzinfo=TOKYO), "R8"),
        (datetime(2027, 4, 1, 0, 0, tzinfo=TOKYO), "R9"),
        (datetime(2026, 4, 5, 12, 0, tzinfo=TOKYO), "R8"),
    ],
)
def test_the_period_carries_the_fiscal_year_of_now(now, year):
    assert week_period(now).fiscal_year == year


# -- the record's window: since included, until not ------------------------------------------
@pytest.fixture
def edges(store):
    """One R8 entry of No40 at each edge of the week, and one a second outside each side."""
    for text, when in [
        ("前の週の日曜 23:59:59", MONDAY - ONE_SECOND),
        ("月曜 00:00:00", MONDAY),
        ("日曜 23:59:59", SUNDAY_LAST),
        ("次の月曜 00:00:00", NEXT_MONDAY),
    ]:
        store.append_entry(at(40, text, when))
    return store


def test_the_record_reads_a_week_from_its_first_moment_up_to_the_next(edges):
    chat = [e.text for e in edges.entries(since=MONDAY, until=NEXT_MONDAY) if e.platform == "slack"]
    assert chat == ["月曜 00:00:00", "日曜 23:59:59"]


def test_the_record_window_in_utc_is_the_same_window(edges):
    since, until = MONDAY.astimezone(UTC), NEXT_MONDAY.astimezone(UTC)
    chat = [e.text for e in edges.entries(since=since, until=until) if e.platform == "slack"]
    assert chat == ["月曜 00:00:00", "日曜 23:59:59"]


def test_a_project_s_record_over_a_window(edges):
    texts = [e.text for e in edges.entries("R7/No40", since=MONDAY) if e.platform == "slack"]
    assert texts == ["月曜 00:00:00", "日曜 23:59:59", "次の月曜 00:00:00"]
    texts = [e.text for e in edges.entries("R7/No40", until=MONDAY) if e.platform == "slack"]
    assert texts == ["前の週の日曜 23:59:59"]


def test_the_digest_holds_the_week_s_first_and_last_second_only(edges):
    d = digest(edges, NEXT_MONDAY)
    assert [(g.no, [e.text for e in g.entries]) for g in d.entries] == [
        (40, ["月曜 00:00:00", "日曜 23:59:59"])
    ]


def test_a_week_later_the_next_monday_s_entry_is_in_and_the_rest_are_out(edges):
    d = digest(edges, NEXT_MONDAY + timedelta(days=7))
    assert [(g.no, [e.text for e in g.entries]) for g in d.entries] == [(40, ["次の月曜 00:00:00"])]


# -- chat activity: what counts, and before when ---------------------------------------------
def test_chat_activity_counts_entries_before_until_only(store):
    store.append_entry(at(41, "ちょうど", NEXT_MONDAY))
    assert store.chat_activity("R7/No41", "R8", NEXT_MONDAY) == (None, False)
    last, this_year = store.chat_activity("R7/No41", "R8", NEXT_MONDAY + ONE_SECOND)
    assert (last, this_year) == (NEXT_MONDAY, True)


def test_chat_activity_reads_the_year_asked_and_the_latest_entry(store):
    store.append_entry(at(41, "R7の報告", datetime(2026, 3, 2, 9, tzinfo=TOKYO), year="R7"))
    store.append_entry(at(41, "R8の報告", datetime(2026, 6, 1, 9, tzinfo=TOKYO)))
    store.append_entry(at(41, "R7の追記", datetime(2026, 7, 1, 9, tzinfo=TOKYO), year="R7"))
    assert store.chat_activity("R7/No41", "R9", NEXT_MONDAY) == (
        datetime(2026, 7, 1, 9, tzinfo=TOKYO),
        False,
    )
    last, this_year = store.chat_activity("R7/No41", "R8", datetime(2026, 6, 2, tzinfo=TOKYO))
    assert (last, this_year) == (datetime(2026, 6, 1, 9, tzinfo=TOKYO), True)
    # Another project's entries are its own.
    assert store.chat_activity("R7/No42", "R8", NEXT_MONDAY) == (None, False)


def test_chat_activity_leaves_out_retracted_entries_retractions_and_documents(store):
    wrong, _ = store.append_entry(at(41, "誤り", datetime(2026, 6, 1, 9, tzinfo=TOKYO)))
    store.append_entry(
        wrong.retraction(
            "取消",
            author_id="U1",
            platform="slack",
            created_at=datetime(2026, 6, 2, 9, tzinfo=TOKYO),
        )
    )
    store.append_entry(
        ActualEntry(
            project_key="R7/No41",
            edition="R7",
            project_no=41,
            fiscal_year="R8",
            text="文書の実績",
            platform="document",
            created_at=datetime(2026, 6, 3, 9, tzinfo=TOKYO),
        )
    )
    assert store.chat_activity("R7/No41", "R8", NEXT_MONDAY) == (None, False)


# -- the digest's sections at their bounds ---------------------------------------------------
def test_document_entries_appended_during_the_week_are_not_the_week_s_news(store):
    """An ingest in the week appends the documents' 実績 rows: the digest is of chat."""
    store.append_entry(
        ActualEntry(
            project_key="R7/No40",
            edition="R7",
            project_no=40,
            fiscal_year="R7",
            text="文書から読んだ実績",
            platform="document",
            created_at=MONDAY + timedelta(hours=9),
        )
    )
    store.append_entry(at(41, "チャットの報告", MONDAY + timedelta(hours=10)))
    d = digest(store, NEXT_MONDAY)
    assert [(g.no, [e.text for e in g.entries]) for g in d.entries] == [(41, ["チャットの報告"])]


def test_the_week_s_groups_run_by_number_with_retractions_kept_apart(store):
    """Projects in the order of their numbers, whatever order they were reported in."""
    store.append_entry(at(44, "No44の報告", MONDAY + timedelta(hours=1)))
    first, _ = store.append_entry(at(38, "No38の報告", MONDAY + timedelta(hours=2)))
    store.append_entry(at(23, "No23の報告", MONDAY + timedelta(hours=3)))
    store.append_entry(
        first.retraction(
            "数字の誤り",
            author_id="U2",
            author_name="鈴木",
            platform="teams",
            created_at=SUNDAY_LAST,
        )
    )
    d = digest(store, NEXT_MONDAY)
    assert [g.no for g in d.entries] == [23, 38, 44]
    no38 = d.entries[1]
    assert [e.text for e in no38.entries] == ["No38の報告"]
    assert [(e.text, e.author, e.platform) for e in no38.retractions] == [
        ("数字の誤り", "鈴木", "teams")
    ]
    # 事業名 of No38 as the R7 document prints it.
    assert (no38.name, no38.key) == ("学校DXスタートアップ事業", "R7/No38")
    assert d.entries[0].retractions == [] and d.entries[2].retractions == []


def test_a_digest_entry_keeps_what_was_reported(store):
    stored, _ = store.append_entry(
        ActualEntry(
            project_key="R7/No40",
            edition="R7",
            project_no=40,
            fiscal_year="R8",
            initiative="校務DX",
            text="説明会を開催",
            author_id="U9",
            platform="teams",
            created_at=MONDAY + timedelta(hours=9, minutes=30),
        )
    )
    (entry,) = digest(store, NEXT_MONDAY).entries[0].entries
    assert entry.model_dump() == {
        "id": stored.id,
        "fiscal_year": "R8",
        "initiative": "校務DX",
        "text": "説明会を開催",
        "author": "U9",  # no display name: the user id
        "created_at": MONDAY + timedelta(hours=9, minutes=30),
        "platform": "teams",
    }


def test_an_entry_is_named_by_its_project_in_any_edition_or_by_its_key(store):
    """An R6 project's entry is named as the R6 document prints it; an entry whose project no
    longer loads, by its key; a project's number is the document's, not the entry's copy."""
    store.append_entry(
        ActualEntry(
            project_key="R6/#3",
            edition="R6",
            fiscal_year="R6",
            text="R6の報告",
            author_id="U1",
            platform="slack",
            created_at=MONDAY + timedelta(hours=1),
        )
    )
    store.append_entry(
        ActualEntry(
            project_key="R5/No7",
            edition="R7",
            project_no=7,
            fiscal_year="R8",
            text="もう無い事業",
            author_id="U1",
            platform="slack",
            created_at=MONDAY + timedelta(hours=2),
        )
    )
    recorded_without_number = at(40, "番号なしで記録", MONDAY + timedelta(hours=3))
    store.append_entry(recorded_without_number.model_copy(update={"project_no": None}))
    d = digest(store, NEXT_MONDAY)
    assert [(g.no, g.key, g.name) for g in d.entries] == [
        (7, "R5/No7", "R5/No7"),
        (40, "R7/No40", "県立学校次世代校務デジタル化推進事業"),
        (None, "R6/#3", "公衆衛生DX推進事業"),  # unnumbered: after the numbered ones
    ]


def test_a_digest_entry_of_no_known_author_or_time():
    from bot.digest import _digest_entry

    made = _digest_entry(
        ActualEntry(project_key="R7/No40", edition="R7", text="x", platform="slack")
    )
    assert (made.id, made.author, made.created_at) == (0, "?", datetime.min.replace(tzinfo=TOKYO))
    assert made.created_at.tzinfo is TOKYO


def test_eight_weeks_is_the_default_stale_threshold(store):
    store.append_entry(at(40, "八週と一秒前", NEXT_MONDAY - timedelta(weeks=8, seconds=1)))
    store.append_entry(at(41, "ちょうど八週前", NEXT_MONDAY - timedelta(weeks=8)))
    stale = {s.no for s in digest(store, NEXT_MONDAY).stale}
    assert 40 in stale and 41 not in stale


# Projects of the R7 document by their 事業終期 (its own lines), asked in fiscal year R8:
# R8 is the last fiscal year of these, R7 was the last of the ended ones.
ENDS_R8 = [25, 26, 28, 36, 38, 44]
ENDED_R7 = [24, 27, 29, 30, 31, 32, 37, 39, 52]


def test_projects_in_their_last_fiscal_year_are_running_and_flagged_when_silent(store):
    d = digest(store, NEXT_MONDAY)
    stale = {s.no: s.reason for s in d.stale}
    for no in ENDS_R8:  # in their last year, with no R8 entry: flagged
        assert stale.get(no) == "no_entry_this_year", no
    for no in ENDED_R7:  # ended: no longer running, never flagged
        assert no not in stale, no
    assert [p.no for p in d.ending_this_year] == ENDS_R8
    assert [p.end for p in d.ending_this_year] == ["R8"] * len(ENDS_R8)
    assert [p.no for p in d.ended_last_year] == ENDED_R7
    assert [p.end for p in d.ended_last_year] == ["R7"] * len(ENDED_R7)


def test_a_project_in_its_last_year_with_an_entry_is_not_stale(store):
    store.append_entry(at(25, "最終年度の報告", NEXT_MONDAY - timedelta(days=3)))
    stale = {s.no for s in digest(store, NEXT_MONDAY).stale}
    assert 25 not in stale and 26 in stale


@pytest.mark.parametrize(
    ("before", "silent"),
    [
        (timedelta(weeks=8), False),  # exactly eight weeks: not yet
        (timedelta(weeks=8, seconds=1), True),  # a second more: silent
        (timedelta(weeks=7, days=6), False),
        (timedelta(weeks=9), True),
    ],
)
def test_silent_after_exactly_the_stale_weeks(store, before, silent):
    store.append_entry(at(40, "最後の報告", NEXT_MONDAY - before))
    stale = {s.no: s for s in digest(store, NEXT_MONDAY, stale_weeks=8).stale}
    if silent:
        assert stale[40].reason == "silent"
        assert stale[40].last_entry == NEXT_MONDAY - before
    else:
        assert 40 not in stale


def test_the_stale_weeks_are_the_callers(store):
    store.append_entry(at(40, "三週間前", NEXT_MONDAY - timedelta(weeks=3)))
    assert 40 not in {s.no for s in digest(store, NEXT_MONDAY, stale_weeks=4).stale}
    assert 40 in {s.no for s in digest(store, NEXT_MONDAY, stale_weeks=2).stale}


def test_no_entry_this_year_keeps_the_last_one_of_an_earlier_year(store):
    store.append_entry(at(40, "R7の報告", datetime(2026, 3, 2, 9, tzinfo=TOKYO), year="R7"))
    s = next(s for s in digest(store, NEXT_MONDAY).stale if s.no == 40)
    assert (s.reason, s.last_entry) == ("no_entry_this_year", datetime(2026, 3, 2, 9, tzinfo=TOKYO))
    assert (s.name, s.key) == ("県立学校次世代校務デジタル化推進事業", "R7/No40")


@pytest.mark.parametrize(
    ("start", "end", "year", "runs"),
    [
        ("R8", "R8", "R8", True),  # starts and ends in the same year
        ("R8", "R8", "R7", False),
        ("R8", "R8", "R9", False),
        ("R6", "R8", "R8", True),  # its last year
        ("R6", "R8", "R9", False),
        ("R9", "R10", "R8", False),  # not started yet
        ("R9", None, "R9", True),
        (None, "R8", "R8", True),
        (None, None, "R8", True),
        (None, "R7", "R8", False),
    ],
)
def test_running_in_a_year(start, end, year, runs):
    project = Project.model_construct(edition="R7", no=99, name="試験事業", start=start, end=end)
    assert running(project, FiscalYear.parse(year)) is runs


# -- the digest as people read it ------------------------------------------------------------
WHEN = datetime(2026, 11, 18, 14, 30, tzinfo=TOKYO)
SAMPLE = Digest(
    period=Period(start=MONDAY.date(), end=SUNDAY_LAST.date(), week="2026-W47", fiscal_year="R8"),
    entries=[
        ProjectDigest(
            no=40,
            name="県立学校次世代校務デジタル化推進事業",
            key="R7/No40",
            entries=[
                DigestEntry(
                    id=1,
                    fiscal_year="R8",
                    initiative=None,
                    text="説明会を開催した",
                    author="佐藤",
                    created_at=WHEN,
                    platform="slack",
                ),
                DigestEntry(
                    id=2,
                    fiscal_year=None,
                    initiative=None,
                    text="年度なし",
                    author="U2",
                    created_at=WHEN,
                    platform="teams",
                ),
            ],
            retractions=[
                DigestEntry(
                    id=3,
                    fiscal_year="R8",
                    initiative=None,
                    text="数字の誤り",
                    author="鈴木",
                    created_at=WHEN,
                    platform="slack",
                )
            ],
        ),
        ProjectDigest(
            no=None,
            name="公衆衛生DX推進事業",
            key="R6/#3",
            entries=[],
            retractions=[
                DigestEntry(
                    id=4,
                    fiscal_year="R6",
                    initiative=None,
                    text="重複",
                    author="佐藤",
                    created_at=WHEN,
                    platform="slack",
                )
            ],
        ),
    ],
    stale=[
        StaleProject(no=41, name="校内ネットワーク再構築事業", key="R7/No41", reason="silent"),
        StaleProject(no=None, name="公衆衛生DX推進事業", key="R6/#3", reason="silent"),
    ],
    ending_this_year=[
        EndingProject(no=25, name="オンライン診療設備整備費補助", key="R7/No25", end="R8"),
        EndingProject(no=None, name="公衆衛生DX推進事業", key="R6/#3", end="R8"),
    ],
    ended_last_year=[
        EndingProject(no=24, name="へき地オンライン診療支援推進事業", key="R7/No24", end="R7"),
        EndingProject(no=None, name="へき地オンライン診療支援対策事業", key="R6/#1", end="R7"),
    ],
    totals=Totals(edition="R7", projects=33, budget_thousand_yen=2313672),
)


def test_the_digest_in_japanese_word_for_word():
    assert digest_text(SAMPLE).splitlines() == [
        "📊 DXロードマップ週報 2026-11-16〜2026-11-22（2026-W47）",
        "新しい実績報告：2件",
        "・No40 県立学校次世代校務デジタル化推進事業 R8: 説明会を開催した — 佐藤, 2026-11-18 14:30 JST",
        "・No40 県立学校次世代校務デジタル化推進事業 : 年度なし — U2, 2026-11-18 14:30 JST",
        "・No40 取消：数字の誤り（鈴木）",
        "・R6/#3 取消：重複（佐藤）",
        "R8の実績がない・止まっている事業：2件",
        "・No41 校内ネットワーク再構築事業",
        "・R6/#3 公衆衛生DX推進事業",
        "R8に終了予定の事業：2件",
        "・No25 オンライン診療設備整備費補助",
        "・R6/#3 公衆衛生DX推進事業",
        "昨年度に終了した事業：2件",
        "・No24 へき地オンライン診療支援推進事業",
        "・R6/#1 へき地オンライン診療支援対策事業",
        "R7版：33事業、事業費合計 2,313,672千円（約23.1億円）",
    ]


def test_the_digest_in_english_word_for_word():
    assert digest_text(SAMPLE, "en").splitlines() == [
        "📊 DX roadmap week 2026-11-16 to 2026-11-22 (2026-W47)",
        "New progress entries: 2",
        "・No40 県立学校次世代校務デジタル化推進事業 R8: 説明会を開催した — 佐藤, 2026-11-18 14:30 JST",
        "・No40 県立学校次世代校務デジタル化推進事業 : 年度なし — U2, 2026-11-18 14:30 JST",
        "・No40 retracted: 数字の誤り (鈴木)",
        "・R6/#3 retracted: 重複 (佐藤)",
        "No R8 progress or silent: 2 projects",
        "・No41 校内ネットワーク再構築事業",
        "・R6/#3 公衆衛生DX推進事業",
        "Ending in R8: 2 projects",
        "・No25 オンライン診療設備整備費補助",
        "・R6/#3 公衆衛生DX推進事業",
        "Ended last year: 2 projects",
        "・No24 へき地オンライン診療支援推進事業",
        "・R6/#1 へき地オンライン診療支援対策事業",
        "R7 edition: 33 projects, total budget ¥2,313.7 million (2,313,672 thousand yen)",
    ]


def test_a_narrow_digest_cuts_long_texts_with_an_ellipsis():
    _, sections, _ = digest_sections(SAMPLE, width=5)
    heading, lines = sections[0]
    assert heading == "新しい実績報告：2件"
    assert lines == [
        "No40 県立学校次世代校務デジタル化推進事業 R8: 説明会を… — 佐藤, 2026-11-18 14:30 JST",
        "No40 県立学校次世代校務デジタル化推進事業 : 年度なし — U2, 2026-11-18 14:30 JST",
        "No40 取消：数字の誤り（鈴木）",  # exactly the width: not cut
        "R6/#3 取消：重複（佐藤）",
    ]
    _, sections, _ = digest_sections(SAMPLE, width=4)
    assert sections[0][1][1].startswith("No40 県立学校次世代校務デジタル化推進事業 : 年度なし —")
    assert sections[0][1][2] == "No40 取消：数字の…（鈴木）"
    _, sections, _ = digest_sections(SAMPLE, width=3)
    assert sections[0][1][1].startswith("No40 県立学校次世代校務デジタル化推進事業 : 年度… —")


def test_the_sections_name_who_is_stale_ending_and_ended():
    title, sections, totals = digest_sections(SAMPLE)
    assert [h for h, _ in sections] == [
        "新しい実績報告：2件",
        "R8の実績がない・止まっている事業：2件",
        "R8に終了予定の事業：2件",
        "昨年度に終了した事業：2件",
    ]
    assert [lines for _, lines in sections[1:]] == [
        ["No41 校内ネットワーク再構築事業", "R6/#3 公衆衛生DX推進事業"],
        ["No25 オンライン診療設備整備費補助", "R6/#3 公衆衛生DX推進事業"],
        ["No24 へき地オンライン診療支援推進事業", "R6/#1 へき地オンライン診療支援対策事業"],
    ]
    assert title.startswith("📊") and totals.startswith("R7版")
