"""The command table: every command, every word, on every front end — generated from the table."""

from __future__ import annotations

import unicodedata

import pytest

from bot import messages as m
from bot.adapters.console import Console
from bot.command_table import TABLE, usages
from bot.commands import parse_command
from bot.commands.dispatch import dispatch, handle
from bot.commands.handlers import HANDLERS
from bot.commands.reply import Request
from bot.service import Core
from bot.updates import Identity


def full_width(text: str) -> str:
    """What a Japanese keyboard types: ASCII letters and digits as full-width forms."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


WORDS = [(spec.name, word) for spec in TABLE for word in spec.words]


@pytest.mark.parametrize(("name", "word"), WORDS)
def test_every_word_names_its_command_as_typed_anywhere(name, word):
    for typed in (word, full_width(word), f"/roadmap {word}", word.replace(" ", "\u3000")):
        command = parse_command(f"{typed} No40")
        assert command.name == name, typed
        assert command.args == "No40"
    assert unicodedata.normalize("NFKC", full_width(word)) == word


def test_words_name_one_command_each():
    words = [" ".join(w.lower().split()) for spec in TABLE for w in spec.words]
    assert len(words) == len(set(words))


def test_every_command_has_one_handler():
    assert set(HANDLERS) == {spec.name for spec in TABLE}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("prefix", ["", "/roadmap "])
def test_help_is_generated_from_the_table(store, lang, prefix):
    core = Core(store)
    reply = HANDLERS["help"](Request(core, Identity("slack", "U1"), "", lang, prefix=prefix))
    text = "\n".join(reply.body())
    for spec in TABLE:
        if not spec.hidden:
            assert f"{prefix}{spec.usage(lang)} — " in text, spec.name
    if not prefix:
        assert "/roadmap" not in text
    # one language per reply: no Japanese sentence in the English help's command summaries
    summaries = [line for line in reply.lines if line.startswith("・")]
    if lang == "en":
        assert all("ます" not in line for line in summaries)


@pytest.mark.parametrize(
    "spec", [s for s in TABLE if s.permission == "admin"], ids=lambda s: s.name
)
def test_admin_commands_are_refused_to_others_and_allowed_to_admins(store, spec):
    core = Core(store, operators=frozenset({("console", "op")}))
    stranger = Request(core, Identity("slack", "U2"), "U5 No41", "ja")
    refused = dispatch(spec, stranger)
    assert refused.error and "管理者だけ" in refused.text and not refused.public
    allowed = dispatch(spec, Request(core, Identity("console", "op"), "U5 No41", "ja"))
    assert not allowed.error, allowed.text


def test_the_console_runs_every_command_in_the_table(store, tmp_path):
    """No command answers with the generic apology on the console (each says something real)."""
    console = Console(store, user="op", out_dir=tmp_path)
    examples = {
        "update": "No40 R8 コンソールで確認",
        "history": "No40",
        "retract": "99999",
        "owners add": "U5 No41",
        "owners remove": "U5 No41",
        "diff": "R6 R7",
        "export": "json",
        "chart": "timeline",
        "nudges": "off",
        "ask": "No40の事業費は？",
    }
    for spec in TABLE:
        reply = console.handle(f"{spec.name} {examples.get(spec.name, '')}".strip())
        assert "すみません" not in reply and reply.strip(), spec.name


def test_a_public_reply_only_when_the_table_says_so(store):
    store.add_owner("slack", "U1", project_key="R7/No40")
    core = Core(store)
    who = Identity("slack", "U1", "tanaka")
    for spec in TABLE:
        _, reply = handle(core, who, f"{spec.name} No40")
        assert not reply.public or spec.public, spec.name
    _, recorded = handle(core, who, "update No40 公開される", dedupe_key="k1")
    _, again = handle(core, who, "update No40 公開される", dedupe_key="k1")
    _, refused = handle(core, Identity("slack", "U2"), "update No40 勝手に")
    assert recorded.public and not again.public and not refused.public


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_for_questions_lists_the_tables_commands(lang):
    listed = m.help_lines(lang, usages(lang))[-1]
    for spec in TABLE:
        assert (spec.usage(lang) in listed) != spec.hidden, spec.name


def test_only_commands_the_table_says_write_change_the_store(store, tmp_path):
    """#25: a chat message's reply is owed without waiting for the disk unless its command
    writes; a command that writes without saying so would lose that write on a power cut."""
    console = Console(store, user="op", out_dir=tmp_path)
    examples = {
        "update": "No40 R8 書き込みの確認",
        "history": "No40 --all",
        "owners add": "U5 No41",
        "owners remove": "U5 No41",
        "diff": "R6 R7",
        "export": "json",
        "chart": "timeline",
        "nudges": "off",
        "ask": "No40の事業費は？",
        "documents": "",
    }
    wrote: dict[str, bool] = {}
    for spec in TABLE:
        before = store.db.conn.total_changes
        console.handle(f"{spec.name} {examples.get(spec.name, '')}".strip())
        wrote[spec.name] = store.db.conn.total_changes != before
    [entry] = [e for e in store.entries("R7/No40") if e.platform == "console"]
    before = store.db.conn.total_changes
    console.handle(f"retract {entry.id}")
    wrote["retract"] = store.db.conn.total_changes != before
    assert wrote == {spec.name: spec.writes for spec in TABLE}
