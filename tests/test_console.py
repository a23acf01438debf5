"""`roadmap ask`, `roadmap console` and `roadmap run` without chat tokens."""

from __future__ import annotations

import io
import json

import pytest
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
    japanese = console.handle("help")  # a command word: the console answers in Japanese
    assert "DXロードマップについて質問できます" in japanese and "/roadmap" not in japanese
    assert "Which projects end in R7?" in console.handle("help me in English")


def test_console_never_raises(store, monkeypatch):
    console = Console(store)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.service.ask", broken)
    assert "すみません" in console.handle("No40")
    assert "Sorry" in console.handle("what is No40?")


def test_console_loop_reads_until_quit(store):
    out = io.StringIO()
    run(store, stdin=io.StringIO("No40の事業費は？\n\nquit\nNo41\n"), stdout=out)
    text = out.getvalue()
    assert "188,084千円" in text
    assert "288,458" not in text  # nothing after quit


def test_run_without_tokens_opens_the_console(tmp_path, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "TEAMS_APP_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    result = CliRunner().invoke(
        main, ["run", "--db", str(tmp_path / "r.db")], input="No40の事業費は？\nquit\n"
    )
    assert result.exit_code == 0, result.output
    assert "コンソールを開きます" in result.output
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


def test_console_runs_everything_it_advertises(store, tmp_path):
    console = Console(store, user="operator", out_dir=tmp_path)
    saved = console.handle("export csv")
    assert str(tmp_path / "roadmap_R7_") in saved
    [csv] = tmp_path.glob("roadmap_R7_*.csv")
    assert "県立学校次世代校務デジタル化推進事業" in csv.read_text(encoding="utf-8-sig")
    said = console.handle("chart budget")
    [png] = tmp_path.glob("roadmap_chart_budget_R7_*.png")  # dated: never overwritten
    assert str(png) in said and png.read_bytes()[:4] == b"\x89PNG"
    assert "No41" in console.handle("owners add U5 No41")
    listing = console.handle("owners list")
    assert "U5" in listing and "No41" in listing
    assert "使い方" in console.handle("history")
    for usage in ("update こんにちは", "retract x", "owners add", "export pdf", "nudges maybe"):
        assert "/roadmap" not in console.handle(usage), usage
    assert "history No40" in console.handle("history")
    assert "入力フォーム" in console.handle("update")  # no form in a terminal: says what to type
    assert "止めました" in console.handle("ｎｕｄｇｅｓ　オフ")


ENV = {
    "slack": {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"},
    "teams": {"TEAMS_APP_ID": "00000000-0000-4000-8000-000000000001", "TEAMS_APP_PASSWORD": "p"},
}


@pytest.mark.parametrize(
    ("configured", "served", "line"),
    [
        (("slack",), ["slack"], "Slack を提供しています（ポート 3000）。"),
        (("teams",), ["teams"], "Teams を提供しています（ポート 3000）。"),
        (
            ("slack", "teams"),
            ["teams", "slack"],
            "Slack（ポート 3000）と Teams（ポート 3978）を提供しています。",
        ),
    ],
)
def test_run_serves_what_is_configured(tmp_path, monkeypatch, configured, served, line):
    import multiprocessing

    for name in [*ENV["slack"], *ENV["teams"], "SLACK_APP_TOKEN", "PORT", "TEAMS_PORT"]:
        monkeypatch.delenv(name, raising=False)
    for platform in configured:
        for name, value in ENV[platform].items():
            monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    calls: list[str] = []
    monkeypatch.setattr("bot.adapters.slack.serve.serve", lambda *a, **k: calls.append("slack"))
    monkeypatch.setattr("bot.adapters.teams.serve.serve", lambda *a, **k: calls.append("teams"))
    # The default ports may be in use on a shared machine: only what `run` chooses is tested.
    monkeypatch.setattr("bot.serving.check_port", lambda port: None)

    class Inline:  # the second process, run in this one so the test sees it
        def __init__(self, target, args, **kwargs):
            self.run = lambda: target(*args)

        def start(self):
            self.run()

        def terminate(self):
            pass

    monkeypatch.setattr(multiprocessing, "Process", Inline)
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 0, result.output
    assert line in result.output
    assert calls == served
