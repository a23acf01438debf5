"""The record's reads at their edges (#28): what counts (no retractions, nothing retracted,
chat or documents as asked), how many are shown and how many said, in which order, and the
keys that keep a document fact or a retry to one entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.fiscal_year import TOKYO
from bot.models import ActualEntry
from bot.store.record import fact_key
from tests.conftest import chat_entry

START = datetime(2026, 6, 1, 9, 0, tzinfo=TOKYO)


def report(store, no: int, text: str, hours: int, year: str = "R8") -> ActualEntry:
    entry, _ = store.append_entry(chat_entry(no, text, year, START + timedelta(hours=hours)))
    return entry


def document_entry(no: int, text: str, year: str = "R8") -> ActualEntry:
    return ActualEntry(
        project_key=f"R7/No{no}",
        edition="R7",
        project_no=no,
        fiscal_year=year,
        text=text,
        platform="document",
        created_at=START,
    )


def retract(store, entry: ActualEntry, hours: int = 100) -> ActualEntry:
    made, _ = store.append_entry(
        entry.retraction(
            "取消", author_id="U1", platform="slack", created_at=START + timedelta(hours=hours)
        )
    )
    return made


@pytest.fixture
def record(store):
    """No41's chat record: five R8 reports (the third retracted), one R7 report, and a
    document fact; No42 one report."""
    reports = [report(store, 41, f"報告{i}の説明会", i) for i in range(1, 6)]
    retract(store, reports[2])
    report(store, 41, "R7の説明会", 10, year="R7")
    store.append_entry(document_entry(41, "文書の説明会"))
    report(store, 42, "別事業の説明会", 11)
    return store


def texts(entries) -> list[str]:
    return [e.text for e in entries]


def test_latest_entries_shows_the_newest_oldest_first_and_counts_all(record):
    shown, total = record.latest_entries("R7/No41", 2)  # latest appended, whatever the year
    assert texts(shown) == ["R7の説明会", "文書の説明会"]
    assert total == 6  # four R8 reports left, the R7 one, the document fact
    shown, total = record.latest_entries("R7/No41", 10, chat_only=True)
    assert texts(shown) == [
        "報告1の説明会",
        "報告2の説明会",
        "報告4の説明会",
        "報告5の説明会",
        "R7の説明会",
    ]
    assert total == 5


def test_latest_entries_of_a_year(record):
    shown, total = record.latest_entries("R7/No41", 3, fiscal_year="R8", chat_only=True)
    assert (texts(shown), total) == (["報告2の説明会", "報告4の説明会", "報告5の説明会"], 4)
    shown, total = record.latest_entries("R7/No41", 3, fiscal_year="R8")
    assert total == 5 and texts(shown) == ["報告4の説明会", "報告5の説明会", "文書の説明会"]
    assert record.latest_entries("R7/No41", 3, fiscal_year="R9") == ([], 0)


def test_latest_entries_counts_up_to_a_bound_and_says_one_more(record):
    assert record.latest_entries("R7/No41", 1, count_up_to=3)[1] == 4  # "more than 3"
    assert record.latest_entries("R7/No41", 1, count_up_to=6)[1] == 6
    shown, total = record.latest_entries("R7/No41", 5, count_up_to=2)
    assert total == 5 and len(shown) == 5  # never fewer shown than asked for


def test_latest_matching_entries_read_the_full_text_index(record):
    found = record.latest_matching_entries("R7/No41", ["説明会"], 3)
    assert texts(found) == [
        "報告4の説明会",
        "報告5の説明会",
        "R7の説明会",
    ]  # no document, none retracted
    found = record.latest_matching_entries("R7/No41", ["報告1", "報告2"], 5)
    assert texts(found) == ["報告1の説明会", "報告2の説明会"]
    assert record.latest_matching_entries("R7/No41", ["報告3"], 5) == []  # retracted
    assert record.latest_matching_entries("R7/No41", ["説明"], 5) == []  # under three characters
    assert record.latest_matching_entries("R7/No41", ["取消"], 5) == []  # retractions unindexed
    assert texts(record.latest_matching_entries("R7/No42", ["説明会"], 5)) == ["別事業の説明会"]


def test_counted_entries_leave_out_retractions_and_the_retracted(record):
    assert texts(record.counted_entries("R7/No41")) == [
        "報告1の説明会",
        "報告2の説明会",
        "報告4の説明会",
        "報告5の説明会",
        "R7の説明会",
        "文書の説明会",
    ]


def test_entries_with_and_without_retractions(record):
    every = record.entries("R7/No41")
    assert [e.kind for e in every].count("retraction") == 1
    assert [e.retracted for e in every if e.text == "報告3の説明会"] == [True]
    kept = record.entries("R7/No41", include_retractions=False)
    assert "取消" not in texts(kept) and "報告3の説明会" in texts(kept)
    # Without a project: the whole prefecture's record, in the order appended.
    window = record.entries(since=START + timedelta(hours=11), until=START + timedelta(hours=101))
    assert texts(window) == ["取消", "別事業の説明会"]  # in the order appended


def test_a_chat_entry_is_stored_in_utc_and_read_back_as_the_same_moment(store):
    entry = report(store, 40, "時刻", 0)
    assert entry.created_at == START and entry.created_at.utcoffset() == timedelta(0)
    fresh, _ = store.append_entry(chat_entry(40, "時刻なし", "R8", None), dedupe_key="k")
    assert fresh.created_at is not None and fresh.created_at.tzinfo is not None
    assert abs(fresh.created_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_a_document_fact_is_appended_once_by_its_content(store):
    first, created = store.append_entry(document_entry(40, "同じ事実"))
    again, created_again = store.append_entry(document_entry(40, "同じ事実"))
    assert created and not created_again and again.id == first.id
    other, created = store.append_entry(document_entry(40, "別の事実"))
    assert created and other.id != first.id
    assert store.entry_by_dedupe(fact_key(document_entry(40, "同じ事実"))).id == first.id


def test_fact_keys_tell_every_part_apart():
    base = document_entry(40, "事実")
    keys = {
        fact_key(base),
        fact_key(base.model_copy(update={"project_key": "R7/No41"})),
        fact_key(base.model_copy(update={"kind": "plan"})),
        fact_key(base.model_copy(update={"initiative": "取組"})),
        fact_key(base.model_copy(update={"fiscal_year": "R7"})),
        fact_key(base.model_copy(update={"text": "事実。"})),
    }
    assert len(keys) == 6
    assert fact_key(base).startswith("doc:R7/No40:actual:None:R8:")
    assert fact_key(base) == fact_key(document_entry(40, "事実"))


def test_bulk_append_keys_each_entry_by_its_place(store):
    made = [chat_entry(40, f"一括{i}", "R8", START + timedelta(minutes=i)) for i in range(3)]
    assert store.bulk_append(made, "import-1") == 3
    assert [store.entry_by_dedupe(f"import-1:{i}").text for i in range(3)] == [
        "一括0",
        "一括1",
        "一括2",
    ]
    assert store.entry_by_dedupe("import-1:3") is None
    assert store.bulk_append([], "import-2") == 0


def test_a_server_in_japan_time_reads_the_same_window(record, monkeypatch):
    """Times are compared in UTC whatever the server's own time zone is."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        before = START + timedelta(hours=3)
        last, this_year = record.chat_activity("R7/No41", "R8", before)
        assert (last, this_year) == (START + timedelta(hours=2), True)
        window = record.entries("R7/No41", since=START + timedelta(hours=2), until=before)
        assert texts(window) == ["報告2の説明会"]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_thousand_counted_entries_are_said_as_more_than_a_thousand(store):
    made = [chat_entry(40, f"報告{i}", "R8", START) for i in range(1002)]
    store.bulk_append(made, "many")
    shown, total = store.latest_entries("R7/No40", 3, chat_only=True)
    assert total == 1001  # up to 1,000 counted, one more says "more than 1,000"
    assert texts(shown) == ["報告999", "報告1000", "報告1001"]


def test_a_short_word_before_a_long_one_does_not_stop_the_search(record):
    found = record.latest_matching_entries("R7/No41", ["説", "報告1の"], 5)
    assert texts(found) == ["報告1の説明会"]


def test_a_word_with_a_double_quote_is_searched_as_typed(store):
    report(store, 40, 'システム"Aomori"を導入', 1)
    found = store.latest_matching_entries("R7/No40", ['"Aomori"'], 5)
    assert texts(found) == ['システム"Aomori"を導入']


def test_a_retraction_s_reason_is_not_searchable_but_the_entry_s_text_is(store):
    entry = report(store, 40, "校内研修を三回実施", 1)
    store.append_entry(
        entry.retraction("誤記のため取り下げ", author_id="U1", platform="slack", created_at=START)
    )
    assert [(h.kind, h.ref) for h in store.search("校内研修を三回")] == [("entry", str(entry.id))]
    assert store.search("誤記のため取り下げ") == []


def test_no_entry_by_an_unknown_id_or_key(store):
    assert store.entry(10**9) is None
    assert store.entry_by_dedupe("never-used") is None


def test_entries_appended_by_a_server_in_japan_time_are_stored_in_utc(store, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        report(store, 40, "九時の報告", 0)  # 09:00 JST = 00:00 UTC
        report(store, 40, "十一時の報告", 2)
        window = store.entries("R7/No40", since=START + timedelta(hours=1))
        assert [e.text for e in window if e.platform == "slack"] == ["十一時の報告"]
        assert store.chat_activity("R7/No40", "R8", START + timedelta(hours=1)) == (START, True)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_word_with_one_double_quote_is_searched_as_typed(store):
    report(store, 40, '規格A"B型を採用', 1)
    assert texts(store.latest_matching_entries("R7/No40", ['A"B型'], 5)) == ['規格A"B型を採用']
