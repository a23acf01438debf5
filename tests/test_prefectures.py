"""Several prefectures in one store: each deployment sees only its own roadmap."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot import migrations
from bot.answer import ask
from bot.cli import main
from bot.digest import digest
from bot.errors import NotAuthorized, UnknownPrefecture
from bot.models import ActualEntry
from bot.prefectures import HOME_PREFECTURE, edition_code, label_of, prefecture_of
from bot.sources import default_sources, load_documents
from bot.store import ROW_BITS, Store
from bot.updates import Identity, authorize
from tests.conftest import chat_entry

IWATE = "岩手県"
NOW = datetime(2025, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def two_template(tmp_path_factory) -> Store:
    """The real documents loaded twice into one file, once per run; tests get copies."""
    home = Store.open(tmp_path_factory.mktemp("nation") / "nation.db", HOME_PREFECTURE)
    load_documents(home, default_sources())
    iwate = home.scoped(IWATE)
    load_documents(iwate, default_sources())
    iwate.close()
    yield home
    home.close()


@pytest.fixture
def two(tmp_path, two_template) -> tuple[Store, Store]:
    """One file holding the real documents twice: as home's and as 岩手県's."""
    home = Store.open(two_template.backup(tmp_path / "nation.db"), HOME_PREFECTURE)
    iwate = home.scoped(IWATE)
    yield home, iwate
    home.close()
    iwate.close()


def iwate_entry(no: int, text: str) -> ActualEntry:
    """A chat entry of 岩手県's R7 No{no}."""
    entry = chat_entry(no, text, "R7", NOW)
    return entry.model_copy(update={"project_key": f"{IWATE}:R7/No{no}", "edition": f"{IWATE}:R7"})


def test_codes_say_whose_edition_it_is():
    assert edition_code("R7") == "R7" and edition_code("R7", IWATE) == "岩手県:R7"
    assert label_of("岩手県:R7") == "R7" and label_of("R7") == "R7"
    assert prefecture_of("岩手県:R7/No40") == IWATE and prefecture_of("R7/No40") == HOME_PREFECTURE


def test_each_store_sees_only_its_own_editions_and_projects(two):
    home, iwate = two
    assert [e.code for e in home.editions()] == ["R6", "R7"]
    assert [e.code for e in iwate.editions()] == ["岩手県:R6", "岩手県:R7"]
    assert [e.projects for e in home.editions()] == [e.projects for e in iwate.editions()]
    assert {p.key for p in iwate.all_projects()}.isdisjoint({p.key for p in home.all_projects()})
    assert all(p.key.startswith("岩手県:") for p in iwate.all_projects())


def test_the_same_question_gets_the_same_facts_from_its_own_edition(two):
    home, iwate = two
    questions = (
        "No40の事業費は？",
        "R7で終わる事業は？",
        "R6の事業はいくつ？",
        "公衆衛生DX推進事業の重点枠事業は？",
        "No24のR6とR7の予算比較",
        "R7にないR6の事業",
        "デジタル体験創造フェアはどこで開催された？",
        "renamed projects",
    )
    for question in questions:
        mine, theirs = ask(home, question), ask(iwate, question)
        assert mine.status == theirs.status == "ok", question
        assert mine.value == theirs.value
        assert mine.text == theirs.text  # people read "R7", never the store's "岩手県:R7"
        assert [s.line for s in mine.sources] == [s.line for s in theirs.sources]
        assert {s.edition for s in theirs.sources} <= {"岩手県:R6", "岩手県:R7"}


def test_links_never_cross_prefectures(two):
    home, iwate = two
    assert len(home.links()) == len(iwate.links()) > 0
    for link in iwate.links():
        assert prefecture_of(link.older) == prefecture_of(link.newer) == IWATE
    assert all(prefecture_of(k.newer) == HOME_PREFECTURE for k in home.links())


def test_reloading_one_prefecture_leaves_the_other_untouched(two):
    home, iwate = two
    before = (home.links(), home.search("オンライン診療"))
    load_documents(iwate, default_sources())
    assert (home.links(), home.search("オンライン診療")) == before
    assert len(iwate.search("オンライン診療")) == len(before[1])


def test_search_and_digest_stay_inside_the_prefecture(two):
    home, iwate = two
    stored, _ = iwate.append_entry(iwate_entry(40, "遠隔授業の配信校を拡大しました"))
    assert [h.project_key for h in iwate.search("遠隔授業の配信校")] == ["岩手県:R7/No40"]
    assert home.search("遠隔授業の配信校") == []
    # Two characters take the LIKE path: it stays in the prefecture's rows too.
    assert "岩手県:R7/No40" in {h.project_key for h in iwate.search("配信", limit=500)}
    assert all(prefecture_of(h.project_key) == HOME_PREFECTURE for h in home.search("配信"))
    theirs = digest(iwate, NOW.replace(day=24))
    assert [e.id for g in theirs.entries for e in g.entries] == [stored.id]
    assert digest(home, NOW.replace(day=24)).entries == []
    assert all(prefecture_of(e.project_key) == IWATE for e in iwate.entries())
    assert stored.id in {e.id for e in iwate.entries()} - {e.id for e in home.entries()}


def test_full_text_rows_live_in_their_prefectures_rowid_range(two):
    home, iwate = two
    iwate.append_entry(iwate_entry(41, "県内全域で運用を開始"))
    rows = home.db.query("SELECT rowid, project_key FROM search_index")
    for row in rows:
        number = row["rowid"] >> ROW_BITS
        assert (number == 0) == (prefecture_of(row["project_key"]) == HOME_PREFECTURE)
    plan = " ".join(
        r[3]
        for r in home.db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM search_index WHERE text MATCH ? "
            "AND rowid BETWEEN ? AND ?",
            ['"運用を開始"', 1 << ROW_BITS, (2 << ROW_BITS) - 1],
        )
    )
    assert "VIRTUAL TABLE INDEX" in plan


def test_a_store_from_before_prefectures_keeps_its_data_and_search(tmp_path, loaded_template):
    path = loaded_template.backup(tmp_path / "old.db")
    old = Store.open(path)
    old.append_entry(chat_entry(40, "古い記録の検索語です", "R7", NOW))
    old.close()
    with sqlite3.connect(path) as conn:  # back to the schema m009 left (SQLite >= 3.35)
        conn.executescript(
            "DROP INDEX editions_prefecture; ALTER TABLE editions DROP COLUMN prefecture; "
            "DROP TABLE prefectures; DROP INDEX entries_edition_created; "
            "DELETE FROM _sqlite_migrations WHERE name = 'm010_prefectures';"
        )
    assert migrations.pending(sqlite3.connect(path)) == ["m010_prefectures"]
    store = Store.open(path)
    assert "m010_prefectures" not in migrations.pending(sqlite3.connect(path))
    assert [e.code for e in store.editions()] == ["R6", "R7"]
    assert [h.project_key for h in store.search("古い記録の検索語")] == ["R7/No40"]
    store.append_entry(chat_entry(41, "新しい記録の検索語です", "R7", NOW))
    assert [h.project_key for h in store.search("新しい記録の検索語")] == ["R7/No41"]
    assert store.integrity_check() == "ok"


def test_an_unknown_prefecture_is_refused_before_any_file_is_made(tmp_path):
    with pytest.raises(UnknownPrefecture):
        Store.open(tmp_path / "x.db", "青森")
    assert not (tmp_path / "x.db").exists()
    result = CliRunner().invoke(
        main,
        ["ask", "No40は？", "--db", str(tmp_path / "x.db")],
        env={"ROADMAP_PREFECTURE": "青森"},
    )
    assert result.exit_code == 1
    assert (
        "「青森」という都道府県はありません" in result.output and "Traceback" not in result.output
    )


def test_another_prefectures_deployment_does_not_load_home_documents(tmp_path):
    db = str(tmp_path / "iwate.db")
    env = {"ROADMAP_PREFECTURE": IWATE, "ROADMAP_SOURCES": ""}
    Store.open(db, IWATE).close()  # an empty store: only ingest (or run) creates one
    answer = CliRunner().invoke(main, ["ask", "No40の事業費は？", "--db", db], env=env)
    assert answer.exit_code == 0 and "188,084" not in answer.output
    loaded = CliRunner().invoke(main, ["ingest", "--db", db], env=env)
    assert loaded.exit_code == 0, loaded.output
    assert "岩手県:R7：版全体で33事業" in loaded.output, loaded.output
    answer = CliRunner().invoke(main, ["ask", "No40の事業費は？", "--db", db], env=env)
    assert "188,084" in answer.output


def test_a_section_owner_owns_it_only_in_their_prefecture(two):
    home, iwate = two
    teacher = Identity("slack", "U-iwate", "岩手の担当")
    iwate.add_owner("slack", "U-iwate", section="学校教育課")
    iwate_no40 = next(p for p in iwate.projects() if p.no == 40)
    home_no40 = next(p for p in home.projects() if p.no == 40)
    authorize(iwate, teacher, iwate_no40)
    with pytest.raises(NotAuthorized):
        authorize(home, teacher, home_no40)  # 青森県's 学校教育課 is another section
    assert [o.user_id for o in iwate.owners()] == ["U-iwate"] and home.owners() == []
    assert not home.remove_owner("slack", "U-iwate", section="学校教育課")
    assert iwate.remove_owner("slack", "U-iwate", section="学校教育課")


def test_each_prefecture_posts_its_own_digest_to_a_shared_channel(two):
    home, iwate = two
    week, now = "2025-W47", NOW
    assert home.claim_digest(week, "slack:C-shared", "a", now) is not None
    assert iwate.claim_digest(week, "slack:C-shared", "b", now) is not None
    assert home.claim_digest(week, "slack:C-shared", "c", now) is None  # still held by "a"
    iwate.digest_progress(week, "slack:C-shared", status="posted")
    assert iwate.digest_run(week, "slack:C-shared").status == "posted"
    assert home.digest_run(week, "slack:C-shared").status == "claimed"
