"""Operations: backup, crash safety, replayed requests, the Docker image's promises."""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from bot.adapters.slack.serve import build, warm
from bot.cli import main
from bot.settings import Settings
from bot.store import Store
from tests.conftest import cli
from tests.slack_harness import (
    BOT_TOKEN,
    ROOT,
    SIGNING_SECRET,
    FakeSlack,
    command_form,
    free_port,
    listening_sockets,
    post_update,
    sign,
    start_server,
)


def test_backup_is_a_consistent_copy(db_path, tmp_path):
    target = tmp_path / "backup.db"
    result = CliRunner().invoke(main, ["backup", str(target), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "整合性：ok" in result.output
    copy = Store.open(target)
    # 60 printed results: the 12 plans printed in 実績 rows are no entries (#24).
    assert len(copy.projects("R7")) == 33 and len(copy.entries()) == 60
    again = cli("backup", str(target), "--db", str(db_path))
    assert again.exit_code == 1 and f"{target} はすでにあります" in again.output
    nowhere = tmp_path / "missing" / "b.db"
    refused = cli("backup", str(nowhere), "--db", str(db_path))
    assert refused.exit_code == 1 and "フォルダ" in refused.output
    assert not nowhere.parent.exists()


def test_dockerfile_runs_as_non_root_with_a_volume_and_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert "USER roadmap" in text and 'VOLUME ["/data"]' in text
    assert "HEALTHCHECK" in text and "/healthz" in text
    assert "ROADMAP_DB=/data/roadmap.db" in text


def test_sigkill_during_a_burst_of_updates_loses_nothing_acknowledged(db_path):
    Store.open(db_path).add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    fake = FakeSlack().start()
    port = free_port()
    server = start_server(db_path, fake, port)
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def burst(worker: int) -> None:
        n = 0
        while not stop.is_set():
            text = f"crash-{worker}-{n}"
            if post_update(port, f"update No40 {text}", f"trig-{worker}-{n}"):
                with lock:
                    acknowledged.append(text)
            n += 1

    threads = [threading.Thread(target=burst, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    # Kill once a burst is under way (a dozen acknowledged), not after a fixed wait.
    deadline = time.monotonic() + 10
    while len(acknowledged) < 12 and time.monotonic() < deadline:
        time.sleep(0.005)
    # Master and the worker that writes, at once: no shutdown, no flush — the hard way.
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()
    stop.set()
    for t in threads:
        t.join()
    assert len(acknowledged) > 5
    restarted = start_server(db_path, fake, port)
    try:
        store = Store.open(db_path)
        assert store.integrity_check() == "ok"
        texts = [e.text for e in store.entries("R7/No40") if e.platform == "slack"]
        for text in acknowledged:
            assert texts.count(text) == 1, text
        assert post_update(port, "update No40 after-restart", "trig-after")
    finally:
        restarted.terminate()
        restarted.wait()
        fake.stop()


def test_a_replayed_signed_update_is_recorded_once(db_path):
    from tests.slack_harness import serve_app

    store = Store.open(db_path)
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    fake = FakeSlack().start()
    app = serve_app(store, fake)
    try:
        first = app.command("update No40 一度だけ", trigger_id="trig-replay")
        replay = app.command("update No40 一度だけ", trigger_id="trig-replay")
        assert first.status == replay.status == 200
        assert [e.text for e in store.entries("R7/No40") if e.platform == "slack"] == ["一度だけ"]
    finally:
        app.stop()
        fake.stop()


def test_several_server_processes_keep_one_record(db_path):
    """`--workers 2`: gunicorn's processes share the store; a replay reaching either is one entry."""
    Store.open(db_path).add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    fake = FakeSlack().start()
    port = free_port()
    server = start_server(db_path, fake, port, workers=2)
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        assert len(children.read_text().split()) == 2
        assert listening_sockets(port) == 2  # one socket per worker: the kernel balances
        acknowledged: list[str] = []
        lock = threading.Lock()

        def burst(worker: int) -> None:
            for n in range(10):
                text = f"multi-{worker}-{n}"
                # Every update is sent twice under one trigger id, as a Slack retry would be.
                for _ in range(2):
                    if post_update(port, f"update No40 {text}", f"trig-m-{worker}-{n}"):
                        with lock:
                            acknowledged.append(text)

        threads = [threading.Thread(target=burst, args=(w,)) for w in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        texts = [e.text for e in Store.open(db_path).entries("R7/No40") if e.platform == "slack"]
        assert sorted(set(acknowledged)) == sorted(texts)
        assert len(texts) == 60
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        fake.stop()


def test_appends_do_no_incremental_full_text_merging(store):
    """Merging on every append slowed writes tenfold for seconds under load (bench/load.py)."""
    config = dict(store.db.execute("SELECT k, v FROM search_index_config").fetchall())
    assert config.get("automerge") == 0


def test_warm_up_answers_through_the_app_and_records_nothing(db_path, caplog):
    fake = FakeSlack().start()
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.url + "api/",
        ROADMAP_DB=str(db_path),
    )
    app, core = build(settings)
    counts = "SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM processed)"
    before = core.store.db.execute(counts).fetchone()
    try:
        with caplog.at_level(logging.WARNING):
            warm(app)
        assert not [r for r in caplog.records if "warm-up" in r.getMessage()]
        assert core.store.db.execute(counts).fetchone() == before
        # Answers ride in the ack; the one Web API call is Bolt checking its token, which the
        # first user would otherwise wait for.
        assert [c.path for c in fake.calls] == ["/api/auth.test"]
    finally:
        fake.stop()


def test_sigterm_answers_every_request_in_flight_and_does_not_wait_for_idle_clients(db_path):
    """#25: SIGTERM reset requests already queued on a worker's socket (closing a listening
    socket resets its queue; a second SIGTERM relayed by the master cut the graceful stop
    short), and an idle kept-alive client held the server for gunicorn's 30 s timeout."""
    fake = FakeSlack().start()
    port = free_port()
    server = start_server(db_path, fake, port, workers=2)
    idle = socket.create_connection(("127.0.0.1", port))  # kept alive after one answer
    idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
    assert idle.recv(1000).startswith(b"HTTP/1.1 200")
    answers: list[bytes | str] = []
    lock = threading.Lock()
    start = threading.Barrier(128)
    sent = threading.Semaphore(0)

    def ask(n: int) -> None:
        form = command_form("R7で終わる事業は？", f"trig-term-{n}", "http://127.0.0.1:9/x")
        head = "".join(f"{k}: {v}\r\n" for k, v in sign(form).items())
        request = (
            "POST /slack/events HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n{head}"
            f"Content-Length: {len(form.encode())}\r\n\r\n{form}"
        ).encode()
        start.wait()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                s.sendall(request)
                sent.release()
                data = b""
                while chunk := s.recv(65536):
                    data += chunk
                answer: bytes | str = data[:12]
        except OSError as error:
            answer = type(error).__name__
            sent.release()  # refused: never sent, and nobody waits for it
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(128)]
    for t in threads:
        t.start()
    for _ in range(32):  # the signal lands among the requests: a quarter sent, the rest leaving
        assert sent.acquire(timeout=30)
    os.killpg(server.pid, signal.SIGTERM)
    for t in threads:
        t.join()
    try:
        assert server.wait(timeout=10) == 0  # the idle client does not hold it
    finally:
        idle.close()
        fake.stop()
    # Every request that got in was answered; one that came after the sockets closed was
    # refused before it was sent (never reset after).
    assert set(answers) <= {b"HTTP/1.1 200", "ConnectionRefusedError"}, answers
    assert answers.count(b"HTTP/1.1 200") >= 32
