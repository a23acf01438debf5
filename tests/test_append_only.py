"""Append-only without loopholes: every SQL verb that can change a row is refused on entries, and
owner grants, delivery claims and posted digests are never silently rewritten."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot import messages as m
from bot import migrations
from bot.cli import main
from bot.store import Store
from tests.conftest import chat_entry

WHEN = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
COLUMNS = "id, project_key, edition, kind, text, platform, dedupe_key, created_at"


def row(id_: int | str = "NULL", key: str = "'k-new'", text: str = "'書き換え'") -> str:
    return f"({id_}, 'R7/No40', 'R7', 'actual', {text}, 'slack', {key}, '2026-11-22')"


# Every way SQL can change or remove an existing entry, as someone with the file would try.
CHANGES = {
    "UPDATE": "UPDATE entries SET text = '書き換え' WHERE id = {id}",
    "UPDATE OR REPLACE": "UPDATE OR REPLACE entries SET text = '書き換え' WHERE id = {id}",
    "DELETE": "DELETE FROM entries WHERE id = {id}",
    "INSERT OR REPLACE (same id)": f"INSERT OR REPLACE INTO entries ({COLUMNS}) VALUES "
    + row("{id}"),
    "INSERT OR REPLACE (same dedupe key)": f"INSERT OR REPLACE INTO entries ({COLUMNS}) VALUES "
    + row(key="'{key}'"),
    "REPLACE INTO (same id)": f"REPLACE INTO entries ({COLUMNS}) VALUES " + row("{id}"),
    "REPLACE INTO (same dedupe key)": f"REPLACE INTO entries ({COLUMNS}) VALUES "
    + row(key="'{key}'"),
    "upsert on id": f"INSERT INTO entries ({COLUMNS}) VALUES "
    + row("{id}")
    + " ON CONFLICT(id) DO UPDATE SET text = excluded.text",
    "upsert on dedupe key": f"INSERT INTO entries ({COLUMNS}) VALUES "
    + row(key="'{key}'")
    + " ON CONFLICT(dedupe_key) DO UPDATE SET text = excluded.text",
    "INSERT OR IGNORE then nothing": f"INSERT OR IGNORE INTO entries ({COLUMNS}) VALUES "
    + row("{id}"),
}


@pytest.fixture
def recorded(tmp_path):
    """A store file with one chat entry; a raw connection to it, as an intruder would open."""
    path = tmp_path / "record.db"
    store = Store.open(path)
    entry, _ = store.append_entry(chat_entry(40, "本物の記録", "R8", WHEN), dedupe_key="slack:x:1")
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    yield conn, entry
    conn.close()


def snapshot(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


@pytest.mark.parametrize("verb", sorted(CHANGES))
def test_no_sql_verb_changes_or_removes_an_entry(recorded, verb):
    conn, entry = recorded
    before = snapshot(conn, "entries")
    sql = CHANGES[verb].format(id=entry.id, key="slack:x:1")
    if verb.startswith("INSERT OR IGNORE"):
        with contextlib.suppress(sqlite3.IntegrityError):
            conn.execute(sql)
    else:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
    assert snapshot(conn, "entries") == before


def test_new_entries_still_append(recorded):
    conn, _entry = recorded
    conn.execute(f"INSERT INTO entries ({COLUMNS}) VALUES " + row(key="'slack:x:2'"))
    assert len(snapshot(conn, "entries")) == 2


def test_owner_grants_and_delivery_claims_are_never_rewritten(recorded):
    conn, _ = recorded
    conn.execute(
        "INSERT INTO owners (prefecture, platform, user_id, user_name, project_key, added_by,"
        " added_at) VALUES ('青森県', 'slack', 'U1', 'tanaka', 'R7/No40', 'UADMIN', '2026-11-01')"
    )
    conn.execute("INSERT INTO processed (key, created_at) VALUES ('ev-1', '2026-11-01')")
    owners, claims = snapshot(conn, "owners"), snapshot(conn, "processed")
    for verb in ("INSERT OR REPLACE", "REPLACE"):
        conn.execute(
            f"{verb} INTO owners (prefecture, platform, user_id, user_name, project_key, added_by,"
            " added_at) VALUES ('青森県', 'slack', 'U1', 'forged', 'R7/No40', 'UX', '2030-01-01')"
        )
        conn.execute(f"{verb} INTO processed (key, created_at) VALUES ('ev-1', '2030-01-01')")
    assert snapshot(conn, "owners") == owners and snapshot(conn, "processed") == claims


def test_a_posted_digest_is_never_replaced_reopened_or_removed(recorded):
    conn, _ = recorded
    conn.execute(
        "INSERT INTO digest_runs (week, target, status, claimed_at, message_ts, posted_at)"
        " VALUES ('2026-W48', 'slack:C1', 'posted', '2026-11-23', '1.0', '2026-11-23')"
    )
    before = snapshot(conn, "digest_runs")
    for sql in (
        "INSERT OR REPLACE INTO digest_runs (week, target, status, claimed_at)"
        " VALUES ('2026-W48', 'slack:C1', 'claimed', '2026-11-24')",
        "UPDATE digest_runs SET status = 'failed'",
        "UPDATE digest_runs SET message_ts = NULL",
        "DELETE FROM digest_runs",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    assert snapshot(conn, "digest_runs") == before


def test_roadmap_check_reports_every_trigger(tmp_path):
    db = tmp_path / "check.db"
    Store.open(db).close()
    result = CliRunner().invoke(main, ["check", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert m.say("cli_integrity", "ja", result="ok") in result.output  # Japanese by default
    for name in migrations.GUARDS:
        assert m.say("cli_trigger_present", "ja", name=name) in result.output
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER entries_no_replace")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["check", "--db", str(db)])
    missing = m.say("cli_trigger_missing", "ja", name="entries_no_replace")
    assert result.exit_code == 1 and missing in result.output
