"""`roadmap ask`, `roadmap console` and `roadmap run` without chat tokens."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

from bot.adapters.console import Console, run
from bot.cli import main


def test_ask_json_has_exactly_the_answer_keys(db_path):
    result = CliRunner().invoke(main, ["ask", "--json", "--db", str(db_path), "R7事業費 for No40?"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["status", "text", "projects", "value", "sources", "suggestions"]
    assert data["value"] == {"amount": 188084, "unit": "thousand yen"}
    assert data["projects"] == [
        {"edition": "R7", "no": 40, "name": "県立学校次世代校務デジタル化推進事業"}
    ]
    assert data["sources"][0]["line"] == 294


def test_ask_on_a_missing_store_says_how_to_create_it(tmp_path):
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(main, ["ask", "--db", str(fresh), "PHRの担当は？"])
    assert result.exit_code == 1 and f"roadmap ingest --db {fresh}" in result.output
    assert not fresh.exists()


def test_ask_loads_the_documents_into_an_empty_store(tmp_path):
    from bot.store import Store

    Store.open(tmp_path / "empty.db").close()
    result = CliRunner().invoke(main, ["ask", "--db", str(tmp_path / "empty.db"), "PHRの担当は？"])
    assert "病院局" in result.output


def test_console_session_answers_and_helps(store):
    console = Console(store)
    assert "188,084千円" in console.handle("No40の事業費は？")
    assert "DXロードマップについて質問できます" in console.handle("ヘルプ")
    assert "Which projects end in R7?" in console.handle("help")


def test_console_never_raises(store, monkeypatch):
    console = Console(store)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.adapters.console.ask", broken)
    assert "すみません" in console.handle("No40")
    assert "Sorry" in console.handle("what is No40?")


def test_console_loop_reads_until_quit(store):
    out = io.StringIO()
    run(store, stdin=io.StringIO("No40の事業費は？\n\nquit\nNo41\n"), stdout=out)
    text = out.getvalue()
    assert "188,084千円" in text
    assert "288,458" not in text  # nothing after quit


def test_run_without_tokens_opens_the_console(tmp_path, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    result = CliRunner().invoke(
        main, ["run", "--db", str(tmp_path / "r.db")], input="No40の事業費は？\nquit\n"
    )
    assert result.exit_code == 0, result.output
    assert "opening the console" in result.output
    assert "188,084千円" in result.output


def test_console_runs_the_roadmap_commands(store):
    console = Console(store, user="operator")
    done = console.handle("/roadmap update No40 R8 コンソールから記録")
    assert "✅" in done and "operator" in done
    entry_id = int(done.split("#")[1].split("）")[0])
    assert "コンソールから記録" in console.handle("history No40")
    assert "取り消しました" in console.handle(f"retract {entry_id}")
    assert "週報" in console.handle("digest")
    assert "R6版 → R7版" in console.handle("diff R6 R7")
    assert "使い方" in console.handle("diff R1 R2")
    assert "No99" in console.handle("update No99 x")
