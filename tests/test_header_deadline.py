"""Slow headers: both HTTP servers answer 408 and close a connection whose request headers take
longer than HEADER_TIMEOUT, from the first request and on a kept-alive connection alike."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.slack_harness import free_port

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 0.2  # the servers' header deadline in these tests

# Each server in its own process, as `roadmap run` starts it, with the deadline shortened and a
# minimal ASGI app: what is under test is the connection handling, not the bot.
APP = """
import asyncio

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    if scope["path"] == "/slow":
        await asyncio.sleep(0.5)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})
"""
SERVERS = {
    "gunicorn": """
from gunicorn.app.base import BaseApplication
from bot.adapters.header_deadline import gunicorn_worker

class Server(BaseApplication):
    def load_config(self):
        for key, value in {"bind": "127.0.0.1:%(port)d", "workers": 1, "asgi_lifespan": "off",
                           "worker_class": gunicorn_worker(), "control_socket_disable": True,
                           "keepalive": 30, "loglevel": "warning"}.items():
            self.cfg.set(key, value)

    def load(self):
        return app

Server().run()
""",
    "uvicorn": """
import uvicorn
from bot.adapters.header_deadline import uvicorn_protocol

uvicorn.run(app, host="127.0.0.1", port=%(port)d, http=uvicorn_protocol(), lifespan="off",
            log_level="warning", timeout_keep_alive=30)
""",
}


def start(kind: str) -> tuple[subprocess.Popen, tuple[str, int]]:
    """A server of this kind in its own process group, once it accepts connections."""
    port = free_port()
    script = (
        f"from bot.adapters import header_deadline\nheader_deadline.HEADER_TIMEOUT = {TIMEOUT}\n"
        + textwrap.dedent(APP)
        + SERVERS[kind] % {"port": port}
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, ("127.0.0.1", port)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.01)


@pytest.fixture(scope="module", params=sorted(SERVERS))
def http_server(request):
    """(host, port) of a running server of each kind, its header deadline TIMEOUT."""
    process, address = start(request.param)
    try:
        yield address
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def read_until_closed(sock: socket.socket, limit: float) -> bytes:
    """Everything the server sends until it closes the connection (or `limit` seconds)."""
    sock.settimeout(limit)
    data = b""
    try:
        while chunk := sock.recv(4096):
            data += chunk
    except TimeoutError:
        return data + b"<still open>"
    return data


REQUEST = b"GET /x HTTP/1.1\r\nHost: a\r\n\r\n"


def test_a_request_line_trickled_past_the_deadline_gets_408_and_is_closed(http_server):
    with socket.create_connection(http_server) as sock:
        started = time.monotonic()
        for byte in REQUEST[:8]:  # "GET /x H", one byte every eighth of the deadline
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break  # on a loaded machine the deadline can pass before the eighth byte
            time.sleep(TIMEOUT / 8)
        answer = read_until_closed(sock, 5)
        elapsed = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert answer.endswith(b"headers not received within 0.2 s")
    assert TIMEOUT * 0.9 < elapsed < TIMEOUT + 2


def test_a_silent_connection_gets_408_too(http_server):
    with socket.create_connection(http_server) as sock:
        assert read_until_closed(sock, 5).startswith(b"HTTP/1.1 408 ")


def test_the_next_request_on_a_kept_alive_connection_has_the_same_deadline(http_server):
    with socket.create_connection(http_server) as sock:
        sock.sendall(REQUEST)
        time.sleep(TIMEOUT * 1.5)  # idle between requests: the keep-alive timeout's business
        sock.sendall(b"GET /y HT")  # then a second request that never finishes its headers
        answer = read_until_closed(sock, 5)
    first, _, second = answer.partition(b"ok")
    assert first.startswith(b"HTTP/1.1 200 "), answer
    assert second.startswith(b"HTTP/1.1 408 "), answer


def test_requests_sent_in_time_are_answered_whatever_their_pace(http_server):
    with socket.create_connection(http_server) as sock:
        for _ in range(3):  # each request within the deadline, kept alive for longer than it
            for part in (REQUEST[:10], REQUEST[10:]):
                sock.sendall(part)
                time.sleep(TIMEOUT / 4)
        sock.shutdown(socket.SHUT_WR)
        answer = read_until_closed(sock, 5)
    assert answer.count(b"HTTP/1.1 200 ") == 3, answer
    assert b"408" not in answer


def test_sigterm_lets_the_request_in_flight_finish_then_stops():
    """gunicorn's worker starts its graceful shutdown on SIGTERM at once (not at its next
    heartbeat), and graceful it stays: the request being served gets its answer."""
    process, address = start("gunicorn")
    try:
        with socket.create_connection(address) as sock:
            sock.sendall(b"GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
            time.sleep(0.2)  # the app is now sleeping inside the request
            process.send_signal(signal.SIGTERM)
            answer = read_until_closed(sock, 5)
        assert answer.startswith(b"HTTP/1.1 200 ") and answer.endswith(b"ok"), answer
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
