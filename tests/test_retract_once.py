"""An entry is retracted once (#25): the store refuses a second retraction inside the write
transaction, whoever sends it and however it is written; two people retracting at once are
told apart."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from bot.digest import digest
from bot.errors import InvalidUpdate
from bot.store import Store
from tests.conftest import chat_entry
from tests.slack_harness import chat_entries

WHEN = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # in the week before Monday 2026-11-23
COLUMNS = "project_key, edition, kind, text, retracts, platform, dedupe_key, created_at"


def retraction_sql(entry_id: int, key: str) -> str:
    return (
        f"INSERT INTO entries ({COLUMNS}) VALUES "
        f"('R7/No40', 'R7', 'retraction', 'x', {entry_id}, 'slack', '{key}', '2026-11-18')"
    )


def test_a_second_retraction_is_refused_by_the_store_whatever_its_key(db_path):
    store = Store.open(db_path)
    entry, _ = store.append_entry(chat_entry(40, "誤記", "R8", WHEN), dedupe_key="k:1")
    first = entry.retraction("誤り", author_id="U1", platform="slack", created_at=WHEN)
    store.append_entry(first, dedupe_key="k:first")
    with pytest.raises(InvalidUpdate) as refused:
        store.append_entry(first, dedupe_key="k:second")
    assert refused.value.key == "retract_already"
    raw = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError, match="retracted once"):
        raw.execute(retraction_sql(entry.id, "raw:again"))
    [retraction] = [e for e in store.entries("R7/No40") if e.kind == "retraction"]
    with pytest.raises(sqlite3.IntegrityError):  # a retraction is not retracted
        raw.execute(retraction_sql(retraction.id, "raw:of-a-retraction"))
    raw.close()
    assert len([e for e in store.entries("R7/No40") if e.kind == "retraction"]) == 1


def test_author_and_co_owner_retracting_at_once_record_one_retraction(slack):
    store = slack.core.store
    store.add_owner("slack", "U2", project_key="R7/No40", user_name="suzuki")
    pairs = 25  # the race doubled 43 of 50 pairs before m017
    for n in range(pairs):
        assert "✅" in slack.command(f"update No40 取消競争{n}").json()["text"]
    entries = chat_entries(store)
    start = threading.Barrier(2)

    def retract(entry_id: int, user: str) -> str:
        start.wait()  # both requests leave together
        return slack.command(f"retract {entry_id}", user=user).json()["text"]

    answers = []
    with ThreadPoolExecutor(2) as pool:
        for entry in entries:
            both = [pool.submit(retract, entry.id, user) for user in ("U1", "U2")]
            answers.append(sorted(f.result() for f in both))
    for entry, pair in zip(entries, answers, strict=True):
        done = [a for a in pair if "取り消しました" in a]
        already = [a for a in pair if "取り消し済み" in a]
        assert len(done) == 1 and len(already) == 1, (entry.id, pair)
    retractions = [e for e in store.entries("R7/No40") if e.kind == "retraction"]
    assert sorted(r.retracts for r in retractions) == sorted(e.id for e in entries)


def test_a_store_that_already_holds_a_double_retraction_migrates_and_counts_it_once(db_path):
    path = db_path
    store = Store.open(path)
    entry, _ = store.append_entry(chat_entry(40, "二重に取消", "R8", WHEN), dedupe_key="k:1")
    store.close()
    raw = sqlite3.connect(path, isolation_level=None)
    # As a store written before m017 could be: the race let two retractions in.
    raw.execute("DROP TRIGGER entries_retract_once")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm017_retract_once'")
    raw.execute(retraction_sql(entry.id, "old:a"))
    raw.execute(retraction_sql(entry.id, "old:b"))
    raw.close()
    store = Store.open(path)
    assert store.guards()["entries_retract_once"]
    d = digest(store, WHEN + timedelta(days=5))
    [group] = d.entries
    assert len(group.retractions) == 1
    with pytest.raises(InvalidUpdate):
        store.append_entry(
            entry.retraction("三度目", author_id="U1", platform="slack", created_at=WHEN), "k:3"
        )
