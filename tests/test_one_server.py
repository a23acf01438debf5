"""One server per store and per port (#25): a second `roadmap serve` on either refuses to start
and names the process that holds it; the first keeps every update."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

from bot.serving import describe, hold_store
from bot.store import Store
from tests.conftest import cli
from tests.slack_harness import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    free_port,
    post_update,
    start_server,
)


def second(monkeypatch, db, port: int, *command: str):
    """Another `roadmap serve …` beside the first, run here up to where it would serve (a
    server that got that far would be the bug: it fails the test instead of serving)."""

    def started(*args, **kwargs):
        raise AssertionError("a second server started")

    monkeypatch.setattr("bot.adapters.slack.serve.serve", started)
    # The Teams server's module stood in for (importing the Teams SDK costs seconds).
    monkeypatch.setitem(sys.modules, "bot.adapters.teams.serve", SimpleNamespace(serve=started))
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "TEAMS_APP_ID": "00000000-0000-4000-8000-000000000001",
        "TEAMS_APP_PASSWORD": "not-used",
    }
    return cli(*command, "--port", str(port), "--db", str(db), env=env)


def test_a_second_server_on_the_same_port_or_store_refuses_and_names_the_first(
    db_path, tmp_path, monkeypatch
):
    store = Store.open(db_path)
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    # A copy through SQLite: a file copied while this process has the store open would close
    # its descriptor and drop this process's locks on the store (POSIX locks are per process).
    other_store = store.backup(tmp_path / "other.db")
    store.close()
    fake = FakeSlack().start()
    port = free_port()
    first = start_server(db_path, fake, port, workers=1)
    try:
        same_port = second(monkeypatch, other_store, port, "serve", "slack")
        assert same_port.exit_code == 1, same_port.output
        # The port is held by the first server's worker (each worker listens on its own).
        assert f"ポート {port} はすでに使われています（pid " in same_port.output
        for command in (("serve", "slack"), ("serve", "teams")):
            same_store = second(monkeypatch, db_path, free_port(), *command)
            assert same_store.exit_code == 1, same_store.output
            assert "すでに別のサーバーが使っています" in same_store.output
            assert f"pid {first.pid} (" in same_store.output  # the server that holds it
        # Nothing went to the other store: every update reached the first server's.
        for n in range(20):
            assert post_update(port, f"update No40 first-only-{n}", f"trig-one-{n}")
        texts = [e.text for e in Store.open(db_path).entries("R7/No40") if e.platform == "slack"]
        assert len([t for t in texts if t.startswith("first-only-")]) == 20
        assert [
            e for e in Store.open(other_store).entries("R7/No40") if e.platform == "slack"
        ] == []
    finally:
        first.terminate()
        first.wait()
        fake.stop()
    # Once the first has stopped (however: the kernel releases the lock), the store is free.
    again = hold_store(db_path, "slack", port)
    again.release()


def test_the_lock_names_who_holds_the_store(db_path):
    held = hold_store(db_path, "slack", 3000)
    try:
        recorded = (db_path.parent / f"{db_path.name}-server").read_text()
        holder = describe(recorded)
        assert holder.startswith(f"pid {os.getpid()} (") and holder.endswith(", port 3000)")
    finally:
        held.release()
