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
