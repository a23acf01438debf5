"""Faults a person meets, and what the deep health check says about them (#25): a full disk, a
read-only store, a damaged one, one replaced (or its -wal deleted) under the running server, a
file that is not a store. Each refusal says that nothing was recorded and what to do, and
/healthz?deep says whether a write would succeed now. The app is served on loopback over the
store file (the faults are the file's, not the process's), and a real `roadmap serve slack` on
a full disk; `roadmap serve`'s own start-up is run up to the point where it would serve."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from bot import messages as m
from bot.store import Store
from tests.conftest import cli
from tests.slack_harness import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    chat_entries,
    command_form,
    dm,
    free_port,
    serve_app,
    sign,
    start_server,
)


@pytest.fixture
def owned(db_path):
    """The store file with U1 owning No40, closed (no connection of this process stays on it)."""
    store = Store.open(db_path)
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    store.close()
    return db_path


@contextmanager
def served(db_path):
    """The Slack app over the store file, as a worker serves it."""
    fake = FakeSlack().start()
    app = serve_app(Store.open(db_path), fake)
    try:
        yield app
    finally:
        # The store stays open: the health check's thread may still be reading it (a
        # connection closed under a running statement crashes the process).
        app.stop()
        fake.stop()


def settled(app) -> tuple[int, str]:
    """/healthz?deep once the first integrity check has a result (it starts with the app)."""
    deadline = time.monotonic() + 30  # a check of this store takes milliseconds
    while time.monotonic() < deadline:
        answer = app.get("/healthz?deep")
        if "not finished" not in answer.body:
            return answer.status, answer.body
    raise AssertionError("the integrity check never finished")


def said(app, text: str) -> str:
    return app.command(text).json()["text"]


def start_up(db_path, monkeypatch) -> str:
    """What `roadmap serve slack` says before it would serve (the serving itself left out)."""
    monkeypatch.setattr("bot.adapters.slack.serve.serve", lambda *a, **k: None)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    result = cli("serve", "slack", "--port", str(free_port()), "--db", str(db_path), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def recorded(db_path) -> list[str]:
    store = Store.open(db_path)
    try:
        return [e.text for e in chat_entries(store)]
    finally:
        store.close()


def slash(port: int, text: str) -> str:
    """One signed /roadmap command to a server process; the text of its reply."""
    form = command_form(text, f"trig-{time.monotonic_ns()}", "http://127.0.0.1:9/x")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=form.encode(),
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", **sign(form)},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["text"]


def deep(port: int) -> tuple[int, str]:
    """/healthz?deep of a server process, once the first integrity check has a result."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz?deep", timeout=10) as r:
                status, body = r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode()
        if "not finished" not in body or time.monotonic() > deadline:
            return status, body


def test_a_server_on_a_full_disk_says_so_at_start_to_the_person_and_in_deep_health(owned, tmp_path):
    """A real `roadmap serve slack`: it said "ok" while every write failed, and answered a
    person's update with a generic "try again"."""
    wal = owned.parent / f"{owned.name}-wal"
    try:  # the WAL as a device where every write fails with ENOSPC, as on a full disk
        os.mknod(wal, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a full device needs CAP_MKNOD (root)")
    # A connection kept open here: the last one to close deletes the WAL (the start-up's own
    # check of writes closes one), and the disk would no longer be full.
    keep = sqlite3.connect(owned)
    keep.execute("SELECT count(*) FROM meta").fetchone()
    log = tmp_path / "server.log"
    fake = FakeSlack().start()
    port = free_port()
    server = start_server(owned, fake, port, workers=1, log=log)
    try:
        assert deep(port) == (503, "writes fail: store_full")
        assert slash(port, "update No40 満杯でも") == m.say("store_full", "ja")
        assert "188,084千円" in slash(port, "No40の事業費は？")  # questions still answered
    finally:
        server.terminate()
        server.wait()
        fake.stop()
    line = m.say("serve_cannot_write", "ja", path=owned, why=m.say("why_store_full", "ja"))
    assert line in log.read_text()
    keep.close()  # the last connection: it removes the WAL
    wal.unlink(missing_ok=True)
    assert "満杯でも" not in recorded(owned)


@contextmanager
def read_only(path):
    """The store file read-only, also for root (the immutable flag), as a mount can make it."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("root needs chattr to make a file read-only")
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    path.chmod(0o444)
    try:
        yield
    finally:
        path.chmod(0o644)


def test_a_read_only_store_warns_at_start_and_refuses_updates_saying_so(owned, monkeypatch):
    with read_only(owned):
        line = m.say("serve_cannot_write", "ja", path=owned, why=m.say("why_store_read_only", "ja"))
        assert line in start_up(owned, monkeypatch)
        with served(owned) as app:
            assert settled(app) == (503, "writes fail: store_read_only")
            assert said(app, "update No40 読めるだけ") == m.say("store_read_only", "ja")
            assert "188,084千円" in said(app, "No40の事業費は？")
            # By DM too: the update is refused saying why, the question still answered.
            assert app.event(dm("update No40 DMでも", "91.1"), event_id="EvRO1").status == 200
            assert app.event(dm("No40の事業費は？", "91.2"), event_id="EvRO2").status == 200
            app.settle()
            posted = [c.params["text"] for c in app.fake.called("chat.postMessage")]
            assert m.say("store_read_only", "ja") in posted
            assert any("188,084千円" in text for text in posted)
            # A file is a read: made and uploaded although its upload cannot be owed.
            assert m.say("file_uploading", "ja") in said(app, "export csv")
            app.settle()
            assert len(app.fake.called("files.completeUploadExternal")) == 1
    assert "読めるだけ" not in recorded(owned)


def test_a_damaged_store_is_unhealthy_and_refuses_updates_saying_so(owned):
    conn = sqlite3.connect(owned)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries_created'")
    conn.close()
    with owned.open("r+b") as f:  # an index page of the record, overwritten with noise
        f.seek((root[0] - 1) * page_size)
        f.write(os.urandom(page_size))
    with served(owned) as app:
        assert settled(app) == (503, "integrity check failed")
        assert said(app, "update No40 壊れていても") == m.say("store_damaged", "ja")


@pytest.mark.parametrize("how", ["replaced", "wal deleted"])
def test_a_store_replaced_under_the_server_stops_taking_writes(owned, tmp_path, how):
    with served(owned) as app:
        assert "✅" in said(app, "update No40 差し替え前")
        if how == "replaced":  # as a restore done without stopping the bot
            copy = tmp_path / "copy.db"
            app.core.store.backup(copy)
            os.replace(copy, owned)
        else:
            (owned.parent / f"{owned.name}-wal").unlink()
        assert said(app, "update No40 差し替え後") == m.say("store_replaced", "ja")
        assert settled(app) == (503, "writes fail: store_replaced")
        if how == "replaced":  # refused, not written into the file the server holds open
            assert "差し替え後" not in [e.text for e in chat_entries(app.core.store)]


@pytest.mark.parametrize("content", [b"meeting notes\n", "sqlite"])
def test_a_file_that_is_not_a_roadmap_store_is_named_as_such(tmp_path, monkeypatch, content):
    target = tmp_path / "notes.db"
    if content == "sqlite":  # another program's database: never migrated into a store
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    monkeypatch.setattr("bot.adapters.slack.serve.serve", lambda *a, **k: None)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    result = cli("serve", "slack", "--port", str(free_port()), "--db", str(target), env=env)
    assert result.exit_code == 1
    assert m.say("cli_not_a_store", "ja", path=target) in result.output
    assert target.read_bytes() == before


def test_teams_on_a_read_only_store_answers_questions_and_refuses_updates_saying_so(owned):
    from tests.teams_harness import FakeConnector, message, serve_teams

    store = Store.open(owned)
    store.add_owner("teams", "aad-owner", project_key="R7/No40", user_name="佐藤")
    store.close()
    connector = FakeConnector().start()
    with read_only(owned):
        server = serve_teams(owned, connector)
        try:
            assert server.post(message("No40の事業費は？", connector=connector))[0] == 200
            assert server.post(message("update No40 読めるだけ", connector=connector))[0] == 200
            question, update = server.wait_replies(2)
        finally:
            server.stop()
            server.core.store.close()
            connector.stop()
    assert "188,084" in question["text"]
    assert update["text"] == m.say("store_read_only", "ja")
