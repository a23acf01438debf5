"""Hostile HTTP: malformed, oversized and slow requests get a short 4xx, never a 500 or a stall."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import socket
import threading
import time
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters import http_front
from bot.adapters.slack.app import create_app
from bot.adapters.slack.serve import wsgi_app
from bot.health import DeepHealth
from bot.service import Core
from bot.settings import Settings
from bot.sources import default_sources
from bot.store import Store
from tests.conftest import loaded_copy
from tests.slack_harness import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    TrackedExecutor,
    command_form,
    sign,
)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture(scope="module")
def fake():
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def slack_wsgi(fake):
    """The Slack WSGI application, called in-process (hypothesis sends hundreds of requests)."""
    store = loaded_copy(default_sources())
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.url + "api/",
    )
    lazy = TrackedExecutor()
    yield wsgi_app(create_app(settings, Core(store, settings), executor=lazy), store)
    # Listeners still posting finish before the fake closes: left running, they would post to
    # a closed port and log the failure into a later test (a CLI test reads its output).
    with contextlib.suppress(TimeoutError):
        lazy.settle()
    lazy.shutdown(wait=False)


def call(app, body: bytes, content_type: str | None, headers: dict) -> tuple[int, str]:
    """One POST /slack/events through the WSGI app: (status, body text)."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "3000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    status, _headers, content = http_front.run_wsgi(app, environ)
    return status, content.decode(errors="replace")


def signed(body: bytes) -> dict:
    return sign(body.decode("utf-8", errors="surrogateescape"))


def sign_bytes(body: bytes) -> dict:
    """Signatures over raw bytes, as Slack computes them (text or not)."""
    import hashlib
    import hmac

    ts = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + digest.hexdigest()}


VIEW_WITHOUT_STATE = {
    "type": "view_submission",
    "user": {"id": "U1"},
    "team": {"id": "T1"},
    "view": {"id": "V1", "callback_id": "roadmap_update", "private_metadata": "{}"},
}
MALFORMED = {
    "invalid JSON": (b'{"type": "event_callback", ', JSON, "not valid JSON"),
    "payload not JSON": (b"payload=%7Bnot+json", FORM, "payload is not valid JSON"),
    "invalid UTF-8": (b"command=%2Froadmap&text=\xff\xfe\xfa", FORM, "not UTF-8"),
    "JSON array": (b"[1, 2, 3]", JSON, "not a JSON object"),
    "view without state": (
        urllib.parse.urlencode({"payload": json.dumps(VIEW_WITHOUT_STATE)}).encode(),
        FORM,
        "without state",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
@pytest.mark.parametrize("signing", ["signed", "unsigned"])
def test_malformed_slack_requests_get_400_with_a_reason_and_an_access_line(
    slack_wsgi, caplog, case, signing
):
    caplog.set_level(logging.INFO)
    body, content_type, reason = MALFORMED[case]
    headers = sign_bytes(body) if signing == "signed" else {}
    status, text = call(slack_wsgi, body, content_type, headers)
    assert (status, reason in text) == (400, True)
    access = [r for r in caplog.records if r.name == "bot.access"]
    assert access and access[-1].fields["status"] == "400"
    assert not any(r.exc_info for r in caplog.records)  # no traceback anywhere


@pytest.mark.parametrize("timestamp", ["soon", "１２３", "12.5", "9" * 40, "-1"])
def test_a_timestamp_header_that_is_not_a_number_gets_400(slack_wsgi, caplog, timestamp):
    form = command_form("No40の事業費は？", "trig-ts", "http://127.0.0.1:9/r").encode()
    headers = {**sign_bytes(form), "X-Slack-Request-Timestamp": timestamp}
    status, text = call(slack_wsgi, form, FORM, headers)
    assert status == 400 and "Timestamp" in text
    assert not any(r.exc_info for r in caplog.records)


def test_a_body_over_the_limit_gets_413_unread(slack_wsgi):
    class Unreadable(io.BytesIO):
        def read(self, *args):  # the app must refuse from the declared length alone
            raise AssertionError("body read")

    environ_body = b"x"
    status, _ = call(slack_wsgi, environ_body, FORM, {})
    assert status in (400, 401)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": str(http_front.MAX_BODY + 1),
        "CONTENT_TYPE": FORM,
        "wsgi.input": Unreadable(),
    }
    assert http_front.run_wsgi(slack_wsgi, environ)[0] == 413


def test_a_well_formed_signed_question_still_answers(slack_wsgi):
    form = command_form("No40の事業費は？", "trig-ok", "http://127.0.0.1:9/r").encode()
    status, text = call(slack_wsgi, form, FORM, sign_bytes(form))
    assert (status, "No40" in text) == (200, True), text


SLACK_KEYS = [
    "type", "event", "payload", "view", "actions", "command", "text", "user", "user_id",
    "team", "team_id", "channel", "channel_id", "trigger_id", "response_url", "state",
    "values", "callback_id", "private_metadata", "container", "message", "event_id",
    "authorizations", "enterprise", "is_enterprise_install", "challenge", "token", "ts",
]  # fmt: skip
SLACK_TYPES = ["event_callback", "url_verification", "view_submission", "view_closed",
               "block_actions", "shortcut", "message_action", "app_mention", "message",
               "app_home_opened", "block_suggestion"]  # fmt: skip
scalars = (
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.sampled_from(SLACK_TYPES)
)
shapes = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(SLACK_KEYS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=12,
)


def encodings(shape) -> list[tuple[bytes, str]]:
    """One JSON shape as each way Slack encodes bodies: JSON, payload= form, plain form."""
    text = json.dumps(shape)
    forms = [(text.encode(), JSON), (urllib.parse.urlencode({"payload": text}).encode(), FORM)]
    if isinstance(shape, dict):
        flat = {k: v if isinstance(v, str) else json.dumps(v) for k, v in shape.items()}
        forms.append((urllib.parse.urlencode(flat).encode(), FORM))
    return forms


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(shape=shapes, signing=st.booleans())
def test_no_json_shape_signed_or_not_makes_a_500(slack_wsgi, shape, signing):
    for body, content_type in encodings(shape):
        headers = sign_bytes(body) if signing else {}
        status, _ = call(slack_wsgi, body, content_type, headers)
        assert status != 500 and status < 500, (body[:200], status)


header_values = st.text(max_size=30) | st.sampled_from(["", "v0=", "0", "1e9", "v1=abc"])


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.binary(max_size=300),
    content_type=st.none() | st.sampled_from([JSON, FORM, "text/plain", ""]) | st.text(max_size=20),
    timestamp=st.none() | header_values,
    signature=st.none() | header_values,
    sign_it=st.booleans(),
)
def test_no_bytes_or_headers_make_a_500(
    slack_wsgi, body, content_type, timestamp, signature, sign_it
):
    headers = sign_bytes(body) if sign_it else {}
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = timestamp.encode("utf-8").decode("latin-1")
    if signature is not None and not sign_it:
        headers["X-Slack-Signature"] = signature.encode("utf-8").decode("latin-1")
    status, _ = call(slack_wsgi, body, content_type, headers)
    assert status < 500, (body[:100], headers, status)


# -- the asyncio front ------------------------------------------------------------------------


def test_the_front_answers_408_to_a_body_that_trickles(monkeypatch):
    monkeypatch.setattr(http_front, "READ_TIMEOUT", 0.2)
    scope = {"type": "http", "method": "POST", "path": "/x", "headers": [(b"content-length", b"9")]}

    async def trickle() -> dict:
        await asyncio.sleep(0.05)
        return {"type": "http.request", "body": b"a", "more_body": True}

    with pytest.raises(http_front.Refused) as refused:
        asyncio.run(http_front.read_body(scope, trickle))
    assert refused.value.status == 408


@pytest.mark.parametrize(
    "length, chunks, status",
    [(b"999999999", [], 413), (b"abc", [], 400), (None, [b"x" * 400_000] * 2, 413)],
)
def test_the_front_refuses_oversized_and_unreadable_lengths(length, chunks, status):
    scope = {"type": "http", "headers": [] if length is None else [(b"content-length", length)]}
    queue = list(chunks)

    async def receive() -> dict:
        return {"type": "http.request", "body": queue.pop(0), "more_body": bool(queue)}

    with pytest.raises(http_front.Refused) as refused:
        asyncio.run(http_front.read_body(scope, receive))
    assert refused.value.status == status


def test_the_front_hands_the_whole_body_to_the_wsgi_app():
    seen: list[bytes] = []

    def app(environ, start_response):
        seen.append(environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"done"]

    front = http_front.BufferedWsgi(app, threads=1)
    parts = [b"a=1", b"&b=2", b""]
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": parts.pop(0), "more_body": bool(parts)}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/slack/events", "headers": []}
    asyncio.run(front(scope, receive, send))
    assert seen == [b"a=1&b=2"]
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"done"


# -- health -----------------------------------------------------------------------------------


def test_the_deep_health_check_runs_at_most_once_a_minute_whatever_the_rate():
    now = [1000.0]
    runs: list[float] = []
    release = threading.Event()

    def check() -> str:
        runs.append(now[0])
        # A slow check, held until the test lets it go: requests must not wait for it (if
        # status() waited, the 500 calls below would never return while it is held).
        assert release.wait(10)
        return "ok"

    health = DeepHealth(check, clock=lambda: now[0])
    answers = [health.status() for _ in range(500)]
    # Not healthy before a first result (#25: it said "ok" then, on a corrupt store too).
    assert answers == [(False, "integrity check not finished yet")] * 500
    release.set()
    assert health.wait_checks(1)
    now[0] += 59
    assert all(health.status() == (True, "ok") for _ in range(500))
    assert health.started_at == 1000.0  # none of those started a check
    now[0] += 2
    health.status()
    assert health.wait_checks(2)
    assert runs == [1000.0, 1061.0]
    assert health.status() == (True, "ok")


def test_a_failed_integrity_check_makes_the_deep_check_unhealthy():
    health = DeepHealth(lambda: "*** in database main ***")
    health.status()
    assert health.wait_checks(1)
    assert health.status() == (False, "integrity check failed")


# -- Teams ------------------------------------------------------------------------------------


@pytest.fixture
def teams(db_path):
    from tests.teams_harness import FakeConnector, serve_teams

    connector = FakeConnector().start()
    server = serve_teams(db_path, connector)
    yield server
    server.stop()
    connector.stop()


def teams_post(server, body: bytes, content_type: str = JSON) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}/api/messages",
        data=body,
        method="POST",
        headers={"Content-Type": content_type},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (b"  ", "empty body"),
        (b'{"type": "message", ', "not valid JSON"),
        (b"\xff\xfe{}", "not valid JSON"),
        (b'["message"]', "not a JSON object"),
    ],
)
def test_malformed_teams_activities_get_400_with_a_reason(teams, caplog, body, reason):
    caplog.set_level(logging.INFO)
    status, text = teams_post(teams, body)
    assert (status, reason in text) == (400, True)
    assert any(r.name == "bot.access" and r.fields["status"] == 400 for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records)


def test_an_oversized_teams_request_gets_413(teams):
    with socket.create_connection(("127.0.0.1", teams.port), timeout=5) as s:
        s.sendall(
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10000000\r\n\r\n{"
        )
        assert b" 413 " in s.recv(200)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.binary(max_size=200) | shapes.map(lambda s: json.dumps(s).encode()))
def test_no_teams_body_makes_a_500(teams, body):
    status, _ = teams_post(teams, body)
    assert status < 500, body[:100]


# -- the real server: slow clients do not hold its threads ----------------------------------


def test_trickling_clients_do_not_stall_signed_questions(db_path):
    """Eight connections announce 100 KB and send two bytes (the attack that stalled both
    threaded workers for 90 s); a signed question is still answered at once."""
    from tests.slack_harness import free_port, post_update, start_server

    Store.open(db_path).add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    fake = FakeSlack().start()
    port = free_port()
    server = start_server(db_path, fake, port, workers=1)
    slow: list[socket.socket] = []
    try:
        for _ in range(8 * 4):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(
                b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 100000\r\n\r\nab"
            )
            slow.append(s)
        time.sleep(0.3)
        for n in range(5):
            started = time.perf_counter()
            assert post_update(port, f"update No40 遅い接続の最中の記録 {n}", f"slow-{n}")
            assert time.perf_counter() - started < 1.0
    finally:
        for s in slow:
            s.close()
        server.terminate()
        server.wait(timeout=20)
        fake.stop()
    texts = [e.text for e in Store.open(db_path).entries("R7/No40") if e.platform == "slack"]
    assert sorted(texts) == [f"遅い接続の最中の記録 {n}" for n in range(5)]


def test_payloads_as_slack_sends_them_with_nulls_are_not_refused(slack_wsgi):
    from tests.slack_harness import submission

    payload = {**submission("V-null", "nullのある本物の送信"), "enterprise": None}
    payload["team"] = {"id": "T1", "domain": "x", "enterprise_id": None}
    payload["view"]["team_id"] = "T1"
    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    status, text = call(slack_wsgi, body, FORM, sign_bytes(body))
    assert status == 200, text
    event = {
        "type": "event_callback",
        "team_id": "T1",
        "enterprise_id": None,
        "event_id": "Ev-null",
        "authorizations": [{"enterprise_id": None, "team_id": "T1", "user_id": "UBOT"}],
        "event": {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"},
    }
    body = json.dumps(event).encode()
    assert call(slack_wsgi, body, JSON, sign_bytes(body))[0] == 200


def test_activities_shaped_like_microsofts_examples_are_served(teams):
    """#25: a channel message without `id`, an `adaptiveCard/action` invoke with an empty
    `localTimestamp` (as Microsoft's documentation shows them) got 400."""
    url = teams.connector.url.rstrip("/")
    common = {
        "channelId": "msteams",
        "serviceUrl": url,
        "from": {"id": "29:1", "name": "佐藤", "aadObjectId": "aad-docs"},
        "recipient": {"id": "28:bot", "name": "roadmap"},
        "timestamp": "2026-11-22T01:00:00.000Z",
    }
    message = {
        **common,
        "type": "message",
        "text": "No40の事業費は？",
        "conversation": {"id": "19:docs@thread.skype", "conversationType": "channel"},
        "channelData": {"teamsChannelId": "19:docs@thread.skype", "tenant": {"id": "t1"}},
    }
    assert teams_post(teams, json.dumps(message).encode())[0] == 200
    [reply] = teams.wait_replies(1, "19:docs@thread.skype")
    assert "188,084" in reply["text"]
    invoke = {
        **common,
        "type": "invoke",
        "name": "adaptiveCard/action",
        "id": "f:docs-1",
        "localTimestamp": "",
        "conversation": {"id": "a:docs", "conversationType": "personal"},
        "value": {
            "action": {"type": "Action.Execute", "verb": "x", "data": {}},
            "trigger": "manual",
        },
    }
    status, text = teams_post(teams, json.dumps(invoke).encode())
    assert status < 400, (status, text)
