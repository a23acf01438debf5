"""The store: exact round trips, idempotent ingest, append-only record, search, links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot import export
from bot.errors import ParseError
from bot.models import ActualEntry
from bot.sources import default_sources, load_documents
from bot.store import Store, resolve_db_path
from tests.conftest import R7_FILE


def chat_entry(text="R8 の研修を2回実施", key="R7/No40"):
    return ActualEntry(
        project_key=key,
        edition="R7",
        project_no=40,
        fiscal_year="R8",
        text=text,
        author_id="U1",
        author_name="tanaka",
        platform="slack",
        request_id="T1-abc",
    )


def test_store_gives_back_exactly_what_was_parsed(store, r6, r7):
    assert store.projects("R7") == r7.projects
    assert store.projects("R6") == r6.projects
    assert store.latest_edition() == "R7"
    assert [(e.code, e.projects) for e in store.editions()] == [("R6", 27), ("R7", 33)]


def test_ingest_twice_gives_the_same_store(store):
    before = (export.records(store), store.entries())
    report = load_documents(store, default_sources())
    assert report.entries_added == 0
    assert (export.records(store), store.entries()) == before


def test_document_actuals_are_the_first_entries(store):
    entries = store.entries("R7/No24")
    assert [(e.kind, e.fiscal_year, e.platform) for e in entries] == [
        ("actual", "R6", "document"),
        ("achievement", "R6", "document"),
    ]
    # The 実績 cell's own line (the row under the plan), not the initiative's first row.
    printed = R7_FILE.read_text(encoding="utf-8").split("\n")[entries[0].source_line - 1]
    assert "実績" in printed and entries[0].text.split()[0] in printed
    assert entries[1].text.startswith("青森県で実施可能なへき地オンライン診療")


def test_chat_entries_survive_reingest(store):
    entry, created = store.append_entry(chat_entry())
    assert created and entry.id and entry.created_at
    load_documents(store, default_sources())
    assert store.entries("R7/No40")[-1] == entry


def test_same_dedupe_key_appends_once(store):
    first, created = store.append_entry(chat_entry(), dedupe_key="slack:T1:trigger-1")
    again, created_again = store.append_entry(
        chat_entry("another"), dedupe_key="slack:T1:trigger-1"
    )
    assert created and not created_again
    assert again == first
    assert len([e for e in store.entries("R7/No40") if e.platform == "slack"]) == 1


@pytest.mark.parametrize("sql", ["UPDATE entries SET text = 'x'", "DELETE FROM entries"])
def test_append_only_is_enforced_by_the_database(store, sql):
    store.append_entry(chat_entry())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute(sql)
    assert len(store.entries()) == 61  # 60 printed results (12 plans in 実績 rows are not, #24)


def test_a_bad_file_leaves_the_store_as_it_was(store, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(
        R7_FILE.read_text(encoding="utf-8").replace("\t188,084\t", "\tabc\t"), encoding="utf-8"
    )
    before = (export.records(store), store.entries())
    with pytest.raises(ParseError, match=r"bad\.txt, line 294"):
        load_documents(store, [*default_sources(), bad])
    assert (export.records(store), store.entries()) == before


def test_a_failure_while_loading_rolls_everything_back(store, r7, monkeypatch):
    before = (export.records(store), store.entries())

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_relink", boom)
    changed = r7.model_copy(update={"projects": r7.projects[:3]})
    with pytest.raises(RuntimeError):
        store.load([changed])
    assert (export.records(store), store.entries()) == before


def test_changed_document_supersedes_old_document_entries_without_deleting(store, tmp_path):
    text = R7_FILE.read_text(encoding="utf-8").replace(
        "医療機関3件に補助金交付。", "医療機関4件に補助金交付。"
    )
    changed = tmp_path / "roadmap_R7_v2.txt"
    changed.write_text(text, encoding="utf-8")
    before = len(store.entries())
    report = load_documents(store, [changed])
    assert (report.entries_added, report.entries_superseded) == (1, 1)
    entries = store.entries("R7/No25")
    assert len(store.entries()) == before + 2
    old = next(e for e in entries if "3件" in e.text)
    assert old.retracted
    assert any(e.kind == "retraction" and e.retracts == old.id for e in entries)
    assert not next(e for e in entries if "4件" in e.text).retracted


def test_full_text_search_trigram_and_short_words(store):
    hits = store.search("県立三沢航空科学館")
    assert [(h.project_key, h.kind, h.source_line) for h in hits] == [
        ("R7/No54", "achievement", 551)
    ]
    short = store.search("会場")  # 2 characters: below the trigram minimum, LIKE fallback
    assert ("R7/No45", "achievement") in [(h.project_key, h.kind) for h in short]
    assert {h.edition for h in store.search("ＰＨＲ", edition="R6")} == {"R6"}


@pytest.mark.parametrize(
    "words", ['"', "*", "OR", "NEAR(a b", "a AND b", "%_\\", "'; DROP TABLE x"]
)
def test_search_treats_fts_syntax_as_plain_text(store, words):
    assert isinstance(store.search(words), list)


def test_chat_entries_are_searchable(store):
    store.append_entry(chat_entry("弘前市で説明会を開催した"))
    assert [h.kind for h in store.search("弘前市で説明会")] == ["entry"]


def test_links_between_editions(store):
    links = {(link.older, link.newer) for link in store.links()}
    r6 = {p.name: p.key for p in store.projects("R6")}
    expected = {
        ("へき地オンライン診療支援対策事業", "R7/No24"),
        ("地域交通AX推進事業費", "R7/No44"),
        ("高等学校におけるICTを活用した資質・能力を育む授業づくり推進事業", "R7/No39"),
        ("特定家畜伝染病防疫システム構築事業", "R7/No48"),
        ("公衆衛生DX推進事業", "R7/No23"),
    }
    for name, newer in expected:
        assert (r6[name], newer) in links
    renamed = next(k for k in store.links() if k.older == r6["へき地オンライン診療支援対策事業"])
    assert renamed.renamed and renamed.score >= 72
    linked = {k.older for k in store.links()}
    unmatched = sorted(p.name for p in store.projects("R6") if p.key not in linked)
    assert unmatched == sorted(
        [
            "ICTを活用した高齢者の見守り体制構築事業",
            "児童養護施設等ICT化推進事業費補助",
            "特別支援学校におけるICTを活用した自立と社会参加を目指す学びの推進事業",
            "サイバー事案に対する県民の対処能力強化事業",
            "あおもりICT施工実践推進事業",
        ]
    )


def test_file_store_uses_wal_busy_timeout_and_recorded_migrations(db_path):
    store = Store.open(db_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    names = [r["name"] for r in store.db.query("SELECT name FROM _sqlite_migrations")]
    assert names[:2] == ["m001_roadmap", "m002_actual_results"]
    assert store.integrity_check() == "ok"


def test_two_connections_see_each_others_writes(db_path):
    a, b = Store.open(db_path), Store.open(db_path)
    assert len(b.projects("R7")) == 33
    a.append_entry(chat_entry())
    assert b.entries("R7/No40")[-1].text == chat_entry().text


def test_db_path_from_flag_then_environment_then_default(monkeypatch):
    monkeypatch.delenv("ROADMAP_DB", raising=False)
    assert resolve_db_path(None) == Path("data/roadmap.db")
    monkeypatch.setenv("ROADMAP_DB", "/tmp/x.db")
    assert resolve_db_path(None) == Path("/tmp/x.db")
    assert resolve_db_path("/tmp/flag.db") == Path("/tmp/flag.db")
