"""`roadmap update`, `history`, `owners` from the command line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli


@pytest.fixture
def run(db_path):
    def invoke(*args):
        return cli(*args, "--db", str(db_path))

    return invoke


def test_update_then_history_json(run):
    result = run("update", "No40", "報告書を取り込み", "--user", "佐藤", "--year", "R7")
    assert result.exit_code == 0, result.output
    entries = json.loads(run("history", "No40", "--json").output)
    last = entries[-1]
    assert {
        k: last[k] for k in ("project_no", "edition", "fiscal_year", "text", "author", "retracted")
    } == {
        "project_no": 40,
        "edition": "R7",
        "fiscal_year": "R7",
        "text": "報告書を取り込み",
        "author": "佐藤",
        "retracted": False,
    }
    assert last["source"]["platform"] == "cli"
    assert set(last) >= {"id", "initiative", "source", "created_at"}
    assert entries[0]["source"]["platform"] == "document"


def test_update_errors_are_friendly(run):
    result = run("update", "No40", "  ", "--user", "x")
    assert result.exit_code == 1 and "実績の内容が空です" in result.output
    result = run("update", "No99", "text", "--user", "x")
    assert result.exit_code == 1 and "No99" in result.output
    assert "Traceback" not in result.output


def test_owners_add_and_list(run):
    added = run("owners", "add", "U123", "--project", "40", "--name", "tanaka").output
    assert "U123 を No40 の担当者に登録しました" in added
    assert "すでに No40 の担当者" in run("owners", "add", "U123", "--project", "40").output
    assert (
        "学校教育課 の担当者に登録" in run("owners", "add", "U9", "--section", "学校教育課").output
    )
    teams = run("owners", "add", "aad-guid-1", "--project", "40", "--teams").output
    assert "No40 の担当者に登録" in teams
    listing = run("owners", "list").output
    assert "slack\tU123\ttanaka\tR7/No40" in listing
    assert "teams\taad-guid-1" in listing
    assert "slack\tU9\t\t担当課 学校教育課" in listing  # a section, said in the CLI's language
    bad = run("owners", "add", "U1", "--project", "40", "--section", "x")
    assert bad.exit_code == 2
    # One way to name a Teams user (--teams, as the README says): --platform is not an option.
    assert run("owners", "add", "U1", "--project", "40", "--platform", "teams").exit_code == 2


def test_owners_remove(run):
    run("owners", "add", "U123", "--project", "40")
    assert (
        "No40 の担当者から外しました" in run("owners", "remove", "U123", "--project", "40").output
    )
    again = run("owners", "remove", "U123", "--project", "40")  # nothing removed: a failure
    assert again.exit_code == 1 and "No40 の担当者ではありません" in again.output
    assert "U123" not in run("owners", "list").output


def test_a_report_may_start_with_a_minus_sign(run):
    # #26: click took "-10%の削減を達成" for an unknown option.
    result = run("update", "No41", "-10%の削減を達成", "--user", "佐藤")
    assert result.exit_code == 0, result.output
    assert "No41：-10%の削減を達成" in result.output
    result = run("update", "No41", "--user", "佐藤", "--year", "R7", "-5件")
    assert result.exit_code == 0, result.output
    texts = [e["text"] for e in json.loads(run("history", "No41", "--json").output)]
    assert texts[-2:] == ["-10%の削減を達成", "-5件"]


@pytest.mark.parametrize("user", ["佐\n藤", "佐藤\r", "\t佐藤", "佐藤\u2028", "佐\u202e藤"])
def test_a_reporter_name_is_one_printable_line(run, user):
    result = run("update", "No40", "報告", "--user", user)
    assert result.exit_code == 2 and "--user に改行や制御文字" in result.output
    entries = json.loads(run("history", "No40", "--json").output)
    assert all(e["source"]["platform"] != "cli" for e in entries)  # nothing recorded


def test_db_may_come_before_the_command(tmp_path, db_path):
    fresh = tmp_path / "fresh.db"
    result = cli("--db", str(fresh), "ingest")
    assert result.exit_code == 0, result.output
    assert fresh.exists() and "R7：版全体で33事業" in result.output
    shown = cli("--db", str(db_path), "show", "No40").output
    assert "県立学校次世代校務デジタル化推進事業" in shown
    added = cli("--db", str(db_path), "owners", "add", "U5", "--project", "40").output
    assert "U5 を No40 の担当者に登録しました" in added
    # After the command wins over before it.
    assert (
        cli(
            "--db", str(tmp_path / "nowhere" / "x.db"), "show", "No40", "--db", str(db_path)
        ).exit_code
        == 0
    )
