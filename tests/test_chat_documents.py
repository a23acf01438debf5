"""Follow-ups of #14 in chat: `documents` for admins on every front end, and the history of a
project a revised field document left out."""

from __future__ import annotations

import pytest

from bot.adapters.console import Console
from bot.render_text import entry_line
from bot.sources import load_documents
from bot.store import Store
from tests.conftest import R6_FILE, R7_FILE, loaded_copy, template_of
from tests.field_documents import chat, write_field
from tests.slack_harness import FakeSlack, serve_app
from tests.teams_harness import FakeConnector, message, serve_teams


@pytest.fixture
def fields(tmp_path) -> list:
    """R6, the shipped R7 field and a second R7 field made from it."""
    return [R6_FILE, R7_FILE, write_field(tmp_path, "sangyo")]


def rows_shown(store: Store, text: str) -> list:
    """Every loaded document's file, edition and project count appear in the reply."""
    return [
        d
        for d in store.documents()
        if d.source_file in text and f"{d.edition}" in text and str(d.projects) in text
    ]


@pytest.mark.parametrize("typed", ["documents", "文書一覧", "ｄｏｃｕｍｅｎｔｓ", "読み込み文書"])
def test_documents_on_the_console(fields, tmp_path, typed):
    store = loaded_copy(fields)
    console = Console(store, user="op", out_dir=tmp_path)
    text = console.handle(typed)
    assert len(rows_shown(store, text)) == len(store.documents()) == 3
    assert "読み込み済みの文書（3件）" in text  # Japanese unless the person wrote English
    english = console.handle(f"{typed} please list them")
    assert "Loaded documents (3)" in english and "読み込み" not in english
    assert len(rows_shown(store, english)) == 3
    help_text = console.handle("help")
    assert "documents — " in help_text and "［管理者］" in help_text


def test_documents_on_slack_for_admins_only(fields):
    fake = FakeSlack().start()
    store = loaded_copy(fields)
    slack = serve_app(store, fake)
    try:
        refused = slack.command("documents", user="U2").json()
        assert "管理者だけ" in refused["text"] and refused["response_type"] == "ephemeral"
        assert not rows_shown(store, refused["text"])
        english = slack.command("documents please list them", user="U2").json()["text"]
        assert "Only admins" in english and "管理者" not in english
        listed = slack.command("ｄｏｃｕｍｅｎｔｓ", user="UADMIN").json()
        assert listed["response_type"] == "ephemeral"
        shown = "\n".join(b["text"]["text"] for b in listed["blocks"] if "text" in b)
        assert len(rows_shown(store, shown)) == 3
    finally:
        slack.stop()
        fake.stop()


def test_documents_on_teams_for_admins_only(fields, tmp_path, monkeypatch):
    db_path = template_of(fields).backup(tmp_path / "roadmap.db")
    monkeypatch.setenv("ROADMAP_ADMINS", "aad-admin")
    connector = FakeConnector().start()
    teams = serve_teams(db_path, connector)
    try:
        teams.post(message("documents", user="aad-someone", connector=connector))
        teams.post(message("文書一覧", user="aad-admin", connector=connector))
        refused, listed = teams.wait_replies(2)
        assert "管理者だけ" in refused["text"]
        assert len(rows_shown(teams.core.store, listed["text"])) == 3
    finally:
        teams.stop()
        connector.stop()


def revised_without(path, tmp_path, no: int):
    """The field document revised: project `no` left out, every other block as it was."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"【No{no}】")
    end = text.index("【No", start + 1)
    revised = tmp_path / f"revised_{path.name}"
    revised.write_text(text[:start] + text[end:], encoding="utf-8")
    return revised


def gone_store(fields, tmp_path) -> tuple[Store, list[int]]:
    """A store where a revised document left out two projects that have records."""
    store = loaded_copy(fields)
    gone = [124, 40]
    for no in gone:
        store.append_entry(chat(no, f"No{no}の実証を実施"))
    sangyo = revised_without(fields[2], tmp_path, 124)
    kurashi = revised_without(R7_FILE, tmp_path, 40)
    load_documents(store, [sangyo, kurashi])
    return store, gone


def test_chat_history_of_a_project_a_revised_document_left_out(fields, tmp_path):
    store, gone = gone_store(fields, tmp_path)
    console = Console(store, user="op", out_dir=tmp_path)
    for no in gone:
        assert store.project(f"R7/No{no}") is None and store.project_gone(f"R7/No{no}")
        for typed, lang in ((f"history No{no}", "ja"), (f"履歴 No{no}", "ja")):
            text = console.handle(typed)
            assert "もうありません" in text and f"No{no}の実証を実施" in text, text
            # The whole record: every entry, the document's own 実績 and their retraction.
            entries = store.entries(f"R7/No{no}")
            assert f"（{len(entries)}件）" in text
            assert all(entry_line(e, lang) in text for e in entries)
        english = console.handle(f"history No{no} please show it")
        assert "no longer in the R7 edition" in english and "もう" not in english
    # A project still there, and one that never was, are as before.
    assert "もうありません" not in console.handle("history No41")
    missing = console.handle("history No999")
    assert "No999" in missing and "もうありません" not in missing and "すみません" not in missing


def test_slack_history_of_a_gone_project_as_a_file_too(fields, tmp_path):
    store, _ = gone_store(fields, tmp_path)
    fake = FakeSlack().start()
    slack = serve_app(store, fake)
    try:
        body = slack.command("history No124").json()
        shown = "\n".join(b["text"]["text"] for b in body["blocks"] if "text" in b)
        assert "もうありません" in shown and "No124の実証を実施" in shown
        slack.command("history No124 --all")
        [upload] = fake.wait_for("files.completeUploadExternal")
        assert upload is not None
        sent = b"".join(c.params["bytes"] for c in fake.calls if c.path.startswith("/upload/"))
        assert "もうありません".encode() in sent and "No124の実証を実施".encode() in sent
    finally:
        slack.stop()
        fake.stop()
