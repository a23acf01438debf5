"""Test doubles at the network edge only: a fake Slack Web API on loopback, and the real app
served by waitress on loopback, reached with requests signed exactly as Slack signs them."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import waitress
from slack_sdk.models.blocks import Block

from bot.adapters.slack.app import create_app
from bot.adapters.slack.serve import wsgi_app
from bot.service import Core
from bot.settings import Settings, default_workers
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)  # R8 in Tokyo
SIGNING_SECRET = "test-signing-secret-0123456789"
BOT_TOKEN = "xoxb-test-token-0123456789"


@dataclass
class Call:
    """One request the fake Slack received, and when (time.monotonic)."""

    path: str
    params: dict
    at: float = field(default_factory=time.monotonic)


class FakeHTTPServer(ThreadingHTTPServer):
    """The fake platform's server: a client that hung up before a delayed answer (a timed-out
    or killed poster, which tests cause on purpose) is not an error worth a printed traceback."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass
class FakeSlack:
    """A local Slack Web API that records every call (and response_url posts)."""

    calls: list[Call] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    fail_methods: set[str] = field(default_factory=set)
    # Slack's own error codes, by method or by "method:channel": {"chat.postMessage:C9": "is_archived"}
    errors: dict[str, str] = field(default_factory=dict)
    # How many times a method answers HTTP 429 with this Retry-After before it succeeds.
    ratelimit: dict[str, tuple[int, int]] = field(default_factory=dict)
    # HTTP statuses a method answers with, one per call, before it succeeds (a Teams connector
    # refusing an activity: 413, 502…).
    statuses: dict[str, list[int]] = field(default_factory=dict)
    # #16: seconds to wait before answering a method (after it took effect: a slow Slack),
    # and the messages posted, which conversations.history returns newest first.
    delays: dict[str, float] = field(default_factory=dict)
    posted: list[dict] = field(default_factory=list)
    # #25: a method whose answer waits until the test sets its event (after it took effect),
    # and the files shared in threads (files.completeUploadExternal), which
    # conversations.replies returns.
    holds: dict[str, threading.Event] = field(default_factory=dict)
    shared: list[dict] = field(default_factory=list)
    file_names: dict[str, str] = field(default_factory=dict)
    # Notified after every request is recorded: waiting tests wake at once instead of polling.
    arrived: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                if self.path.startswith("/upload/"):  # a file's bytes, not a Web API call
                    fake.calls.append(Call(self.path, {"bytes": data}))
                    fake.notify()
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"OK")
                    return
                raw = data.decode(errors="replace")
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                path = self.path.rstrip("/")
                fake.calls.append(Call(path, params))
                fake.notify()  # refused and rate-limited calls are waited for too
                method = path.rsplit("/", 1)[-1]
                channel = params.get("channel") or params.get("channel_id")
                error = fake.errors.get(f"{method}:{channel}") or fake.errors.get(method)
                if fake.statuses.get(method):
                    data = b'{"error": {"code": "Refused"}}'
                    self.send_response(fake.statuses[method].pop(0))
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                times, wait = fake.ratelimit.get(method, (0, 0))
                if times > 0:  # as Slack answers a rate-limited call
                    fake.ratelimit[method] = (times - 1, wait)
                    data = b'{"ok": false, "error": "ratelimited"}'
                    self.send_response(429)
                    self.send_header("Retry-After", str(wait))
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if method in fake.fail_methods:
                    body = {"ok": False, "error": "internal_error"}
                elif error:
                    body = {"ok": False, "error": error}
                else:
                    channel = params.get("channel")
                    if method == "chat.postMessage" and str(channel).startswith("U"):
                        channel = "D" + channel[1:]  # a user id: Slack answers with the DM's id
                    body = {
                        "ok": True,
                        "channel": channel,
                        "ts": f"{time.time():.6f}",
                    }
                    if method == "users.info":
                        user = params.get("user")
                        body["user"] = {
                            "id": user,
                            "name": user,
                            "profile": {"display_name": f"name-{user}"},
                        }
                    if method == "auth.test":
                        body.update(user_id="UBOT", bot_id="BBOT", team_id="T1")
                    if method in ("views.open", "views.publish"):
                        body["view"] = {"id": "V1"}
                    if method == "files.getUploadURLExternal":
                        n = len(fake.called(method))
                        body.update(upload_url=f"{fake.url}upload/F{n}", file_id=f"F{n}")
                    if method == "files.completeUploadExternal":
                        body["files"] = [
                            {"id": f["id"]} for f in json.loads(params.get("files", "[]"))
                        ]
                    fake.keep_history(method, params, body)
                    fake.notify()  # and the post it kept
                if fake.delays.get(method):
                    time.sleep(fake.delays[method])
                if method in fake.holds:
                    fake.holds[method].wait(60)
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = FakeHTTPServer(("127.0.0.1", 0), Handler)
        # A short poll: shutdown() waits for it, and the default 0.5 s was a quarter of the suite.
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def keep_history(self, method: str, params: dict, body: dict) -> None:
        """#16: remember posts (with their metadata) and answer conversations.history."""
        if method == "chat.postMessage":
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            self.posted.append(
                {"channel": params.get("channel"), "ts": body["ts"], "metadata": metadata}
            )
        if method == "files.getUploadURLExternal":
            self.file_names[body["file_id"]] = params.get("filename", "")
        if method == "files.completeUploadExternal":
            files = json.loads(params.get("files", "[]"))
            self.shared.append(
                {
                    "channel": params.get("channel_id"),
                    "thread_ts": params.get("thread_ts"),
                    "files": [{"id": f["id"], "name": self.file_names.get(f["id"])} for f in files],
                }
            )
        if method == "conversations.replies":
            body["messages"] = [
                {"ts": f"{params.get('ts')}.{n}", "files": m["files"]}
                for n, m in enumerate(self.shared)
                if m["channel"] == params.get("channel") and m["thread_ts"] == params.get("ts")
            ]
        if method == "conversations.history":
            body["messages"] = [
                {"ts": m["ts"], **({"metadata": m["metadata"]} if m["metadata"] else {})}
                for m in reversed(self.posted)
                if m["channel"] == params.get("channel")
            ]

    def notify(self) -> None:
        """Wake every test waiting for a call (after the call and its history are recorded)."""
        with self.arrived:
            self.arrived.notify_all()

    def wait_until(self, condition, timeout: float = 5.0) -> bool:
        """Wait until condition() holds over what the fake received; whether it did in time."""
        with self.arrived:
            return self.arrived.wait_for(condition, timeout)

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.path.endswith("/" + method)]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        self.wait_until(lambda: len(self.called(method)) >= count, timeout)
        return self.called(method)


def command_form(
    text: str, trigger: str, response_url: str, user: str = "U1", user_name: str = "tanaka", **extra
) -> str:
    """A /roadmap slash-command body as Slack posts it."""
    return urllib.parse.urlencode(
        {
            "command": "/roadmap",
            "text": text,
            "user_id": user,
            "user_name": user_name,
            "channel_id": "C1",
            "team_id": "T1",
            "trigger_id": trigger,
            "response_url": response_url,
            **extra,
        }
    )


def sign(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict:
    """The two headers Slack adds to every request."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Response:
    status: int
    body: str

    def json(self) -> dict:
        return json.loads(self.body)


class TrackedExecutor(ThreadPoolExecutor):
    """Bolt's listener executor that remembers what it ran, so a test can wait until every
    lazy listener has finished before asserting that something was *not* posted."""

    def __init__(self) -> None:
        super().__init__(max_workers=8, thread_name_prefix="bolt-lazy")
        self.futures: list[Future] = []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future = super().submit(fn, *args, **kwargs)
        self.futures.append(future)
        return future

    def settle(self, timeout: float = 10.0) -> None:
        """Wait for every listener started so far (and any they started) to finish."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            pending = [f for f in list(self.futures) if not f.done()]
            if not pending:
                return
            wait(pending, timeout=max(0.0, deadline - time.time()))
        raise TimeoutError("lazy listeners still running")


@dataclass
class SlackApp:
    """The bot served on loopback, with its core and the fake Slack it talks to."""

    core: Core
    fake: FakeSlack
    server: object
    port: int
    lazy: TrackedExecutor = field(default_factory=TrackedExecutor)

    def settle(self) -> None:
        """Every lazy listener of the requests made so far has finished (posted or not)."""
        self.lazy.settle()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def post(self, body: str, content_type: str, headers: dict | None = None) -> Response:
        request = urllib.request.Request(
            self.url + "/slack/events",
            data=body.encode(),
            method="POST",
            headers={
                "Content-Type": content_type,
                **(headers if headers is not None else sign(body)),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Response(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read().decode())

    def command(self, text: str, user: str = "U1", user_name: str = "tanaka", **extra) -> Response:
        trigger = extra.pop("trigger_id", f"trig-{time.time_ns()}")
        form = command_form(text, trigger, self.fake.url + "response/cmd", user, user_name, **extra)
        return self.post(form, "application/x-www-form-urlencoded")

    def event(self, event: dict, event_id: str = "Ev1", headers: dict | None = None) -> Response:
        body = event_body(event, event_id)
        signed = sign(body)
        return self.post(body, "application/json", {**signed, **(headers or {})})

    def interaction(self, payload: dict) -> Response:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def get(self, path: str) -> Response:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return Response(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read().decode())

    def stop(self) -> None:
        # Lazy listeners finish while the fake Slack still answers: one left running would post
        # to a closed port and log its failure into whatever test runs next (a CLI test's
        # output, where a log line on stderr breaks the CSV it reads).
        with contextlib.suppress(TimeoutError):
            self.lazy.settle()
        self.server.close()  # type: ignore[attr-defined]
        self.lazy.shutdown(wait=False)


def _run_until_closed(server) -> None:
    """Serve until stop() closes the socket: waitress's select then fails on the closed
    descriptor, which is how it ends, not an error worth a warning."""
    with contextlib.suppress(OSError, ValueError):
        server.run()


def serve_app(store: Store, fake: FakeSlack, admins: str = "UADMIN", clock=None) -> SlackApp:
    """A fresh App over the store, served by waitress on a free loopback port."""
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.url + "api/",
        ROADMAP_ADMINS=admins,
    )
    core = Core(store, settings, clock=clock) if clock else Core(store, settings)
    lazy = TrackedExecutor()
    app = create_app(settings, core, executor=lazy)
    server = waitress.create_server(wsgi_app(app, store), host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=_run_until_closed, args=(server,), daemon=True).start()
    return SlackApp(core, fake, server, server.effective_port, lazy)


def valid_blocks(blocks: list[dict]) -> list[dict]:
    """Every block parses and validates with slack_sdk's own models."""
    assert 0 < len(blocks) <= 50
    for raw in blocks:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()
    return blocks


def chat_entries(store: Store, key: str = "R7/No40"):
    """The entries of a project recorded from Slack."""
    return [e for e in store.entries(key) if e.platform == "slack"]


def submission(
    view_id: str, text: str, year: str = "R8", user: str = "U1", initiative: str = ""
) -> dict:
    """The update form's view_submission payload as Slack posts it."""
    return {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": user, "username": "tanaka", "name": "tanaka"},
        "api_app_id": "A1",
        "trigger_id": "trig-sub",
        "view": {
            "id": view_id,
            "type": "modal",
            "callback_id": "roadmap_update",
            "private_metadata": json.dumps({"channel": "C1", "lang": "ja"}),
            "state": {
                "values": {
                    "project": {
                        "value": {"type": "static_select", "selected_option": {"value": "R7/No40"}}
                    },
                    "initiative": {"value": {"type": "plain_text_input", "value": initiative}},
                    "year": {
                        "value": {"type": "static_select", "selected_option": {"value": year}}
                    },
                    "text": {"value": {"type": "plain_text_input", "value": text}},
                }
            },
        },
    }


# -- the server as a separate process (`roadmap serve slack`) --------------------------------


def free_port() -> int:
    """A loopback port free at the moment of asking."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    db: Path, fake: FakeSlack, port: int, workers: int | None = None, log: Path | None = None
) -> subprocess.Popen:
    """`roadmap serve slack` in its own process group, once every worker listens (what it
    writes on stderr kept in `log` when given)."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.url + "api/",
        "ROADMAP_DB": str(db),
    }
    env.pop("ROADMAP_DIGEST_CHANNEL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "slack", "--port", str(port)]
        + (["--workers", str(workers)] if workers else []),
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab") if log else subprocess.DEVNULL,
        start_new_session=True,  # its own process group: a kill reaches gunicorn's workers too
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.005)  # a short poll: the server starts in well under a second
    else:
        os.killpg(process.pid, signal.SIGKILL)
        raise RuntimeError("server did not start")
    # /healthz answers once the first worker is up; each worker listens on its own socket
    # (SO_REUSEPORT), so wait for all of them before users connect.
    while listening_sockets(port) < (workers or default_workers()) and time.time() < deadline:
        time.sleep(0.005)
    return process


def listening_sockets(port: int) -> int:
    """How many sockets listen on the port (Linux /proc; elsewhere 'enough')."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return 64
    wanted = f":{port:04X}"
    count = 0
    for table in tables:
        for line in table.read_text().splitlines()[1:] if table.exists() else []:
            local, state = line.split()[1], line.split()[3]
            count += local.endswith(wanted) and state == "0A"  # 0A = LISTEN
    return count


def post_update(port: int, text: str, trigger: str) -> bool:
    """One signed /roadmap update; True if the server acknowledged it as recorded."""
    form = command_form(text, trigger, "http://127.0.0.1:9/x")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=form.encode(),
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", **sign(form)},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200 and "✅" in json.loads(response.read())["text"]
    except OSError:
        return False


def event_body(event: dict, event_id: str) -> str:
    """An Events API delivery as Slack posts it."""
    return json.dumps(
        {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": event,
        }
    )


def dm(text: str, ts: str, user: str = "U1") -> dict:
    """A direct message to the bot."""
    return {
        "type": "message",
        "channel_type": "im",
        "channel": "D1",
        "user": user,
        "text": text,
        "ts": ts,
    }


def mention(text: str, ts: str, user: str = "U1", channel: str = "C1") -> dict:
    """A message in a channel that mentions the bot (its user id on the fake is UBOT)."""
    return {
        "type": "app_mention",
        "channel_type": "channel",
        "channel": channel,
        "user": user,
        "text": f"<@UBOT> {text}",
        "ts": ts,
    }


def post_event(port: int, event: dict, event_id: str) -> bool:
    """One signed event delivery; True if the server acknowledged it (HTTP 200): from then on
    Slack never sends it again."""
    body = event_body(event, event_id)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        method="POST",
        headers={"Content-Type": "application/json", **sign(body)},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def signed_environ(body: str, content_type: str = "application/json") -> dict:
    """The WSGI environment of a signed request, as the HTTP front hands it to the app."""
    headers = sign(body)
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body.encode())),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
        "wsgi.input": io.BytesIO(body.encode()),
    }


def call_wsgi(application, environ: dict) -> tuple[str, str]:
    """Run a WSGI application on one request: (status line, body)."""
    statuses: list[str] = []
    body = b"".join(application(environ, lambda s, h, e=None: statuses.append(s)))
    return statuses[0], body.decode()
