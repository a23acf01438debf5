"""What a newcomer's trial found, fixed for the class: files only where asked, mistyped command
words asked back, user ids checked, `--all` meaning one thing, one export, quiet broken pipes,
whole escape sequences dropped, one language per output, named options and variables, dated
charts, the document's own title."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import messages as m
from bot.adapters.console import Console
from bot.command_table import TABLE
from bot.commands import parse_command
from bot.errors import InvalidUpdate
from bot.ingest import parse_text
from bot.service import add_owner
from bot.text import drop_control
from tests.conftest import CHECKOUT, R7_FILE, cli, loaded_copy
from tests.test_messages_language import english_leaks, japanese_leaks


def chat_entries(store, key: str = "R7/No40") -> list:
    return [e for e in store.entries(key) if not e.from_document]


# -- 1. files land where asked, never in the checkout -------------------------------------------


def test_a_console_without_a_folder_writes_in_the_working_directory(store, tmp_path):
    assert Path.cwd() == tmp_path  # conftest: every test runs in its own directory
    said = Console(store, user="op").handle("diff R6 R7")
    [made] = tmp_path.glob("roadmap_diff_R6_R7_*.md")
    assert str(made) in said
    assert not list(CHECKOUT.glob("roadmap_diff_*"))


# -- 2. a mistyped command word is asked back, nothing is run ------------------------------------


def slips(word: str) -> list[str]:
    """Typos of a command word: a letter dropped, two letters swapped, a letter doubled."""
    out = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out |= {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word) - 1)}
    return sorted(w for w in out if w != word and not word.startswith(w) and not w.startswith(word))


TYPOS = [
    (spec.name, slip)
    for spec in TABLE
    for word in spec.words
    if word.isascii() and " " not in word and len(word) >= 4 and not spec.hidden
    for slip in slips(word)
    if len(slip) >= 4  # shorter words are too often something else (`hep`, `dff`)
]


@pytest.mark.parametrize(("name", "slip"), TYPOS)
def test_every_slip_of_a_command_word_is_asked_back(name, slip):
    command = parse_command(f"{slip} No40 報告")
    assert command.mistyped == slip and command.guess == name.split()[0]


@pytest.mark.parametrize("typed", ["updte No40 typo", "histroy No40", "udpate No40 研修を実施"])
def test_a_mistyped_update_records_nothing_and_says_so(store, typed):
    console = Console(store, user="op")
    before = len(chat_entries(store))
    reply = console.handle(typed)
    word = typed.split()[0]
    assert reply.startswith(f"「{word}」はコマンドではありません") and "のことですか" in reply
    assert len(chat_entries(store)) == before


def test_questions_are_not_taken_for_typos(store):
    questions = [*m.examples("en"), *m.examples("ja"), "owner of No40?", "updated projects in R7?"]
    questions += ["hello", "report of No40", "Which projects end in R7?"]
    for question in questions:
        assert not parse_command(question).mistyped, question
    english = Console(store).handle("updte No40 with the new system")
    assert english.startswith('"updte" is not a command. Did you mean update?')


# -- 3. user ids: never blank, never control characters --------------------------------------


@pytest.mark.parametrize("user_id", ["", "   ", '""', "U1\x01", "U\u200b1", "U 1", "\t"])
def test_blank_or_control_user_ids_are_refused_everywhere(store, db_path, user_id):
    with pytest.raises(InvalidUpdate):
        add_owner(store, "slack", user_id, "No40")
    result = cli("owners", "add", user_id, "--project", "40", "--db", str(db_path))
    assert result.exit_code == 1 and "使えません" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    if drop_control(user_id) == user_id:  # chat lines lose their control characters first
        console = Console(store, user="op").handle(f"owners add {user_id} No40")
        assert "登録しました" not in console
    assert store.owners() == []


# -- 4. history --all: that project's whole record, or everyone's ------------------------------


def test_history_all_means_one_thing_everywhere(store, db_path, tmp_path):
    said = Console(store, user="op").handle("history No40 --all")
    [made] = tmp_path.glob("roadmap_history_No40_*.txt")
    assert str(made) in said and "No40" in made.read_text(encoding="utf-8")
    cli("update", "No41", "別事業の報告", "--user", "佐藤", "--db", str(db_path))
    one = cli("history", "No40", "--all", "--db", str(db_path)).output
    every = cli("history", "--all", "--db", str(db_path)).output
    assert "別事業の報告" not in one and "別事業の報告" in every
    assert len(one.splitlines()) < len(every.splitlines())


# -- 5. one export: the console's xlsx has the CLI's sheets ---------------------------------------


def test_the_console_and_the_cli_export_the_same_workbook(store, db_path, tmp_path):
    from openpyxl import load_workbook

    Console(store, user="op").handle("export xlsx")
    [console_file] = tmp_path.glob("roadmap_R7_*.xlsx")
    out = tmp_path / "cli.xlsx"
    result = cli(
        "export", "--format", "xlsx", "--edition", "R7", "--out", str(out), "--db", str(db_path)
    )
    assert result.exit_code == 0, result.output
    sheets = load_workbook(console_file).sheetnames
    assert sheets == load_workbook(out).sheetnames == ["事業", "取組", "実績記録"]


# -- 6. a closed pipe ends quietly ---------------------------------------------------------------


@pytest.mark.parametrize("args", [["ask", "R7で終わる事業は？"], ["history", "No40"]])
def test_a_closed_pipe_is_no_traceback(db_path, args):
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "LANG": "ja_JP.UTF-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.launch", *args, "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    process.stdout.close()  # the reader is gone before anything is written (`| head -0`)
    error = process.stderr.read().decode("utf-8")
    process.wait(timeout=60)
    assert "Traceback" not in error and "BrokenPipe" not in error, error


# -- 7. whole escape sequences dropped, everything printable kept ---------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("制御\x01文字\x1b[31m赤\x1b[0m", "制御文字赤"),
        ("題\x1b]0;title\x07名", "題名"),
        ("リンク\x1b]8;;http://x\x1b\\先\x1b]8;;\x1b\\", "リンク先"),
        ("画面\x1b[2J\x1b[H消去\x9b31m", "画面消去"),
        ("家族👨\u200d👩\u200d👧と\té", "家族👨\u200d👩\u200d👧と\té"),
    ],
)
def test_escape_sequences_are_dropped_whole(store, typed, kept):
    assert drop_control(typed) == kept
    Console(store, user="op").handle(f"update No40 {typed}")
    assert chat_entries(store)[-1].text == kept


# -- 8. one language per output --------------------------------------------------------------------


def test_cli_output_is_japanese_under_a_japanese_locale(db_path, tmp_path):
    db = ["--db", str(db_path)]
    outputs = [
        cli("ingest", *db),
        cli("export", "--format", "csv", "--out", str(tmp_path / "a.csv"), *db),
        cli("update", "No40", "研修を実施", "--user", "佐藤", *db),
        cli("history", "No40", *db),
        cli("owners", "add", "U0123ABCD", "--project", "40", *db),
        cli("owners", "add", "U0123ABCD", "--project", "40", *db),
        cli("owners", "remove", "U404", "--project", "40", *db),
        cli("draft", "R8", "--per-field", str(tmp_path / "drafts"), *db),
        cli("ingest", str(tmp_path / "a.csv"), *db),
    ]
    assert outputs[6].exit_code == 1  # nothing removed is a failure
    for result in outputs:
        for line in result.output.splitlines():
            line = re.sub(r"/\S+|[\w.-]+\.(?:txt|csv|md|xlsx)\b", "", line)  # paths, files
            if line.startswith("#"):  # an entry line: the text as typed
                line = line.split("：", 1)[0]
            assert not japanese_leaks(line), line


def test_cli_output_is_english_under_an_english_locale(db_path, tmp_path):
    db = ["--db", str(db_path)]
    for result in (
        cli("ingest", *db, lang="en"),
        cli("owners", "add", "U0123ABCD", "--project", "40", *db, lang="en"),
        cli("export", "--format", "csv", "--out", str(tmp_path / "a.csv"), *db, lang="en"),
    ):
        text = result.output.replace("暮らし・まち分野", "")  # a field's name, as printed
        assert not english_leaks(text), text


@pytest.mark.parametrize(
    "typed",
    ["retract abc", "chart pie", "export pdf", "owners add U0123ABCD No40", "owners", "nudges x"],
)
def test_console_replies_to_value_commands_in_japanese(store, typed):
    reply = Console(store, user="op").handle(typed)
    assert not japanese_leaks(reply.replace("U0123ABCD", "").replace("console", "")), reply


# -- 9, 10. options and variables named ------------------------------------------------------------


def test_an_unknown_field_names_the_option_and_lists_the_fields(db_path):
    result = cli("draft", "R8", "--field", "農業", "--db", str(db_path))
    assert result.exit_code == 2
    assert "--field" in result.output and "農業" in result.output and "暮らし" in result.output
    assert "?" not in result.output


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"TEAMS_APP_ID": "app"}, "TEAMS_APP_PASSWORD"),
        ({"TEAMS_APP_PASSWORD": "p"}, "TEAMS_APP_ID"),
    ],
)
def test_run_with_half_a_configuration_names_what_is_missing(db_path, monkeypatch, env, missing):
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "TEAMS_APP_ID",
        "TEAMS_APP_PASSWORD",
    ):
        monkeypatch.delenv(name, raising=False)
    result = cli("run", "--db", str(db_path), env=env)
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert missing in line and "コンソール" in line


# -- 11. charts never overwrite each other ---------------------------------------------------------


def test_each_chart_gets_its_own_dated_file(store, tmp_path):
    console = Console(store, user="op")
    times = iter(
        [datetime(2026, 11, 23, 1, 0, 0, tzinfo=UTC), datetime(2026, 11, 23, 1, 0, 5, tzinfo=UTC)]
    )
    console.core.clock = lambda: next(times)
    first, second = console.handle("chart budget"), console.handle("chart budget")
    made = sorted(tmp_path.glob("roadmap_chart_budget_R7_2026-11-23_*.png"))
    assert len(made) == 2 and str(made[0]) in first and str(made[1]) in second


# -- 12. the title heads the document ---------------------------------------------------------------


def test_the_title_is_the_documents_first_title_line(r6, r7):
    assert r7.title == "令和7年度DX関連事業ロードマップ"
    assert r6.title is None  # R6 has no title line of its own; line 227 is a stray header
    text = R7_FILE.read_text(encoding="utf-8")
    lines = text.split("\n")
    stray = "\n".join([*lines[:-1], "(別紙)令和3年度DX関連事業ロードマップ", lines[-1]])
    assert parse_text(stray, "x.txt").title == "令和7年度DX関連事業ロードマップ"


def test_a_parse_error_speaks_the_users_language(db_path, tmp_path):
    other = tmp_path / "memo.txt"
    other.write_text("会議メモ\n特になし\n", encoding="utf-8")
    result = cli("ingest", str(other), "--db", str(db_path))
    assert result.exit_code == 1 and "ロードマップの文書ではありません" in result.output
    english = cli("ingest", str(other), "--db", str(db_path), lang="en")
    assert "not a roadmap" in english.output and not english_leaks(
        english.output.replace("「分野」", "").replace("「事業名」", "")
    )


def test_a_mistyped_slack_command_records_nothing():
    from bot.sources import default_sources
    from tests.slack_harness import FakeSlack, serve_app
    from tests.test_slack import NOW

    fake = FakeSlack().start()
    store = loaded_copy(default_sources())
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    app = serve_app(store, fake, clock=lambda: NOW)
    try:
        reply = app.command("updte No40 研修を実施").json()
        assert "「updte」はコマンドではありません" in reply["text"]
        assert reply.get("response_type") != "in_channel"
        assert chat_entries(store) == []
    finally:
        app.stop()
        fake.stop()
