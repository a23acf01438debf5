"""Every command, mistyped every way a newcomer can: one line in their language, exit status
2 for a wrongly written command and 1 for one that cannot be done, never a traceback.

The matrix is built from click's own command list, so a new command is covered as it lands.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import click
import pytest

from bot.cli import main
from tests.conftest import cli

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple]:
    """(words, command) for every runnable command under the group."""
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += leaf_commands(command, (*prefix, name))
        else:
            found.append(((*prefix, name), command))
    return found


COMMANDS = leaf_commands(main)
CREATORS = {("ingest",), ("run",)}
USAGE_CASES = {"unknown option", "extra argument"}  # ingest, and `run` (make run) on first use


def filled(command: click.Command) -> list[str]:
    """Plausible values for every argument but a list of files (the matrix varies the rest)."""
    values = []
    for param in command.params:
        if isinstance(param, click.Argument) and (param.required or param.nargs == 1):
            values.append("R9" if param.name in ("target", "newer") else "No40")
            if param.name == "older":
                values[-1] = "R6"
        if isinstance(param, click.Option) and param.required:
            values += [param.opts[0], "sato"]
    if has(command, "--project"):  # owners: one of --project or --section is needed
        values += ["--project", "40"]
    return values


def has(command: click.Command, option: str) -> bool:
    return any(option in p.opts for p in command.params if isinstance(p, click.Option))


def one_friendly_line(result, lang: str) -> str:
    """The single line a failed command printed, checked for the properties every error has."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    # `run` first says which platform it chose (a notice, not an error); then the error line.
    assert len(lines) == 1 or (
        len(lines) == 2
        and ("コンソールを開きます" in lines[0] or "opening the console" in lines[0])
    ), lines
    # A path, a project's name or an example may hold any script; the sentence may not.
    text = re.sub(r"/\S+|\(e\.g\. .*?\)|Closest: .*", "", lines[-1])
    if lang == "ja":
        assert JAPANESE.search(text), text
    else:
        assert not JAPANESE.search(text), text
    return lines[-1]


def cases(tmp: Path) -> list[tuple[str, list[str], int, str]]:
    """(case, extra arguments, exit status, text the line must hold) for the bad inputs."""
    not_a_db = tmp / "notes.db"
    not_a_db.write_text("これはデータベースではありません", encoding="utf-8")
    foreign = tmp / "accounts.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS accounts (id INTEGER)")
    conn.close()
    return [
        ("unknown option", ["--no-such-option"], 2, "--no-such-option"),
        ("extra argument", ["extra-argument"], 2, "extra-argument"),
        ("db in a missing folder", ["--db", str(tmp / "nowhere" / "x.db")], 1, "nowhere"),
        ("db not a database", ["--db", str(not_a_db)], 1, str(not_a_db)),
        ("db another program's", ["--db", str(foreign)], 1, str(foreign)),
        ("db missing", ["--db", str(tmp / "absent.db")], 1, "ingest"),
        ("out in a missing folder", ["--out", str(tmp / "nowhere" / "x.out")], 1, "nowhere"),
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("words", "command"), COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_every_command_mistyped_answers_one_line(tmp_path, words, command, lang):
    for case, extra, status, must in cases(tmp_path):
        option = extra[0]
        if option in ("--db", "--out") and not has(command, option):
            continue
        takes_any = any(isinstance(p, click.Argument) and p.nargs == -1 for p in command.params)
        if case == "extra argument" and takes_any:
            continue  # ask and ingest take any number of words or files
        if case == "db missing" and words in CREATORS:
            continue  # the commands that create a store
        if case == "out in a missing folder" and has(command, "--db"):
            extra = [*extra, "--db", str(tmp_path / "absent.db")]
        result = cli(*words, *filled(command), *extra, lang=lang)
        line = one_friendly_line(result, lang)
        if words[-1] in ("slack", "teams", "run", "digest") and case not in USAGE_CASES:
            assert result.exit_code in (1, 2), (case, line)
            continue  # the servers check their tokens before the store
        assert result.exit_code == status, (case, line)
        assert must in line, (case, line)
    assert not (tmp_path / "nowhere").exists()  # no folder is ever made
    with sqlite3.connect(tmp_path / "accounts.sqlite") as conn:  # another program's, untouched
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert tables == {"accounts"}
    assert not (tmp_path / "absent.db").exists() or words in CREATORS


@pytest.fixture
def loaded(db_path):
    def invoke(*args, lang="ja"):
        return cli(*args, "--db", str(db_path), lang=lang)

    return invoke


@pytest.mark.parametrize(
    ("args", "status", "ja", "en"),
    [
        (["diff", "R7", "R7"], 2, "同じ版どうしは比較できません", "cannot be compared with itself"),
        (["draft", "R6"], 2, "R8以降", "give R8 or later"),
        (["draft", "R7"], 2, "R8以降", "give R8 or later"),
        (["draft", "nextyear"], 2, "年度として読めません", "is not a fiscal year"),
        (["show", "No40", "--edition", "R9"], 1, "R9版はありません", "There is no R9 edition"),
        (["show", "No5", "--edition", "R6"], 1, "番号がありません", "does not number"),
        (["update", "No40", "text", "--user", ""], 2, "--user が空です", "--user is empty"),
        (["update", "No40", "text", "--user", "  "], 2, "--user が空です", "--user is empty"),
        (["history"], 2, "--all を指定", "or --all"),
        (["export", "--format", "xlsx"], 2, "--out", "--out"),
        (["export", "--format", "pdf"], 2, "json, csv, xlsx", "json, csv, xlsx"),
        (["digest", "--now", "yesterday"], 2, "日時として読めません", "is not a time"),
        (["no-such-command"], 2, "コマンドはありません", "There is no command"),
    ],
)
def test_mistakes_are_explained(loaded, args, status, ja, en):
    for lang, expected in (("ja", ja), ("en", en)):
        result = loaded(*args, lang=lang)
        assert result.exit_code == status, result.output
        assert expected in one_friendly_line(result, lang)


def test_a_reversed_diff_compares_older_to_newer(loaded):
    forward = loaded("diff", "R6", "R7", "--format", "json")
    backward = loaded("diff", "R7", "R6", "--format", "json")
    assert backward.exit_code == 0
    assert "古い版から新しい版への変化として比較します" in backward.output
    assert backward.output.endswith(forward.output)


def test_update_takes_a_name_as_show_does(loaded):
    shown = loaded("show", "PHR").output.splitlines()[0]
    result = loaded("update", "PHR", "病薬連携を拡大", "--user", "佐藤", "--year", "R7")
    assert result.exit_code == 0, result.output
    assert "No33" in result.output and "No33" in shown


def test_history_shows_a_retractions_reason(loaded, db_path):
    from bot.store import Store
    from bot.updates import Identity, append_update, find_project, retract

    store = Store.open(db_path)
    who = Identity("cli", "佐藤", "佐藤")
    project = find_project(store, "No40")
    entry, _ = append_update(store, who, project, "誤記", fiscal_year="R7", check_owner=False)
    retract(store, who, entry.id, "別の事業の実績でした", is_admin=True)
    store.close()
    assert "理由: 別の事業の実績でした" in loaded("history", "No40").output


def test_owners_list_says_when_there_are_none(loaded):
    assert loaded("owners", "list").output == "担当者はまだ登録されていません。\n"
    assert loaded("owners", "list", lang="en").output == "No owners are registered yet.\n"


def test_no_command_makes_a_store_or_folder_it_was_not_asked_for(tmp_path):
    for args in (["ask", "No40"], ["console"], ["export"], ["history", "--all"]):
        result = cli(*args, "--db", str(tmp_path / "new.db"))
        assert result.exit_code == 1 and "roadmap ingest --db" in result.output
    assert list(tmp_path.iterdir()) == []
    made = cli("ingest", "--db", str(tmp_path / "new.db"))
    assert made.exit_code == 0 and (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("words", "env"),
    [
        (["serve", "slack"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}),
        (["serve", "teams"], {"TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "pw"}),
    ],
)
def test_a_server_never_makes_the_folder_of_its_store(tmp_path, words, env):
    result = cli(*words, "--db", str(tmp_path / "nowhere" / "x.db"), env=env)
    assert result.exit_code == 1
    assert "データベースのフォルダ" in one_friendly_line(result, "ja")
    assert not (tmp_path / "nowhere").exists()


def test_the_store_library_makes_no_folder_either(tmp_path, db_path):
    from bot.store import Store

    with pytest.raises(FileNotFoundError):
        Store.open(tmp_path / "nowhere" / "x.db")
    with pytest.raises(FileNotFoundError):
        Store.open(db_path).backup(tmp_path / "nowhere" / "b.db")
    assert not (tmp_path / "nowhere").exists()


def test_diff_in_chat_refuses_one_edition_and_orders_a_reversed_pair(store):
    from bot.diff import editions_asked
    from bot.errors import UserError

    assert editions_asked(store, "R7 R6") == ("R6", "R7")
    with pytest.raises(UserError) as refused:
        editions_asked(store, "R7 r7")
    assert refused.value.key == "diff_usage"


def test_a_path_click_refuses_is_named_in_the_line(loaded, tmp_path):
    missing = tmp_path / "missing.txt"
    result = loaded("ingest", str(missing))
    assert result.exit_code == 2 and str(missing) in one_friendly_line(result, "ja")
    folder = loaded("export", "--out", str(tmp_path))
    assert folder.exit_code == 1 and f"{tmp_path} はフォルダです" in one_friendly_line(folder, "ja")
