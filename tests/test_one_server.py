"""One server per store and per port (#25): a second `roadmap serve` on either refuses to start
and names the process that holds it; the first keeps every update."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.serving import describe, hold_store
from bot.store import Store
from tests.slack_harness import (
    BOT_TOKEN,
    ROOT,
    SIGNING_SECRET,
    FakeSlack,
    free_port,
    post_update,
    start_server,
)


def second(db, port: int, *command: str) -> subprocess.Popen:
    """Another `roadmap serve …` started beside the first, its output kept."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
        "TEAMS_APP_ID": "00000000-0000-4000-8000-000000000001",
        "TEAMS_APP_PASSWORD": "not-used",
        "ROADMAP_DB": str(db),
        "LANG": "ja_JP.UTF-8",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *command, "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_a_second_server_on_the_same_port_or_store_refuses_and_names_the_first(db_path, tmp_path):
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
        attempts = {
            "same port": second(other_store, port, "serve", "slack"),
            "same store": second(db_path, free_port(), "serve", "slack"),
            "same store, Teams": second(db_path, free_port(), "serve", "teams"),
        }
        for what, process in attempts.items():
            _, err = process.communicate(timeout=60)
            assert process.returncode == 1, (what, err)
            assert f"pid {first.pid}" in err or "pid " in err, (what, err)
        _, same_port = attempts["same port"].communicate()
        assert f"ポート {port} はすでに使われています" in same_port
        for what in ("same store", "same store, Teams"):
            _, err = attempts[what].communicate()
            assert "すでに別のサーバーが使っています" in err and f"pid {first.pid}" in err, err
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
