"""Logs: one JSON object a line, values cut to size, and never a request body, even --verbose."""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from bot import logs
from tests.slack_harness import (
    BOT_TOKEN,
    ROOT,
    SIGNING_SECRET,
    FakeSlack,
    command_form,
    free_port,
    listening_sockets,
    sign,
)

MARK = "BODY-MARK-本文"  # in every body sent; must appear in no log line
HEADER_MARK = "HEADER-MARK"  # in headers and a path a client chose: nor may these (#25)
FORGED = '\n{"level": "ERROR", "forged": true}\n'
SERVE = [sys.executable, "-m", "bot.cli", "--verbose", "serve", "slack"]


def post(port: int, body: bytes, headers: dict, content_type: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body,
        method="POST",
        headers={"Content-Type": content_type, **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # the server closed on an oversized body before reading it


def test_a_verbose_server_logs_json_lines_without_any_request_body(db_path, tmp_path):
    fake = FakeSlack().start()
    port = free_port()
    log_file = tmp_path / "server.log"
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.url + "api/",
        "ROADMAP_DB": str(db_path),
    }
    env.pop("ROADMAP_DIGEST_CHANNEL", None)
    with log_file.open("wb") as sink:
        server = subprocess.Popen(
            [*SERVE, "--port", str(port), "--workers", "1"],
            env=env,
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.time() + 30
        while listening_sockets(port) < 1 and time.time() < deadline:
            time.sleep(0.005)
        form = command_form(f"No40の事業費は？ {MARK}{FORGED}", "t-1", fake.url + "r")
        statuses = {
            "bad signature": post(
                port, form.encode(), {**sign(form), "X-Slack-Signature": "v0=00"}, "x"
            ),
            "stale": post(port, form.encode(), sign(form, int(time.time()) - 3600), "x"),
            "unsigned": post(port, form.encode(), {}, "application/x-www-form-urlencoded"),
            "invalid JSON": post(port, f'{{"text": "{MARK}'.encode(), {}, "application/json"),
            "payload not JSON": post(
                port,
                urllib.parse.urlencode({"payload": MARK + FORGED}).encode(),
                sign(urllib.parse.urlencode({"payload": MARK + FORGED})),
                "application/x-www-form-urlencoded",
            ),
            "large unsigned": post(port, (MARK * 20_000).encode()[:400_000], {}, "text/plain"),
            "too large": post(port, (MARK * 60_000).encode(), {}, "text/plain"),
            "question": post(port, form.encode(), sign(form), "application/x-www-form-urlencoded"),
            "forged headers": post(
                port,
                form.encode(),
                {"X-Slack-Retry-Num": f"1 {HEADER_MARK}", "X-Slack-Retry-Reason": HEADER_MARK},
                "application/x-www-form-urlencoded",
            ),
        }
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/{HEADER_MARK}?{HEADER_MARK}")
        except urllib.error.HTTPError as error:
            statuses["elsewhere"] = error.code
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        fake.stop()
    assert statuses["bad signature"] == statuses["stale"] == statuses["unsigned"] == 401
    assert statuses["forged headers"] == 401 and statuses["elsewhere"] == 404
    assert statuses["invalid JSON"] == statuses["payload not JSON"] == 400
    assert statuses["too large"] in (413, 0) and statuses["question"] == 200
    text = log_file.read_text()
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 8  # an access line per request at least
    for line in lines:
        try:  # every line is one JSON object: nothing forged one, nothing printed beside
            record = json.loads(line)
        except ValueError:
            raise AssertionError(f"not a JSON line: {line[:200]}\n{text[-3000:]}") from None
        assert isinstance(record, dict) and "forged" not in record, line[:200]
        assert len(line) < 10_000, line[:200]
    assert MARK not in text and "BODY-MARK" not in text and HEADER_MARK not in text
    access = [json.loads(line) for line in lines if '"bot.access"' in line]
    assert {a["status"] for a in access} >= {"401", "400", "200"}


def test_a_line_with_newlines_and_a_huge_value_stays_one_short_json_line():
    stream = io.StringIO()
    logger = logging.getLogger("bot.test_logs")
    handler = logs.handler(stream)
    logger.addHandler(handler)
    try:
        logger.warning("user said %s", "line one\nline two" + "x" * 10_000_000)
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    assert out.count("\n") == 1 and len(out) < 2 * logs.MAX_VALUE
    assert json.loads(out)["message"].startswith("user said line one\nline two")


def test_library_lines_that_quote_a_body_are_withheld():
    stream = io.StringIO()
    handler = logs.handler(stream)
    for name in ("slack_bolt.App", "bot.adapters.slack.bolt"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        try:
            logger.info(f"Invalid request signature detected (body: {MARK})")
            logger.warning(f"Unhandled request ({{'text': '{MARK}'}})")
            logger.error(f"Failed to run listener function (error: {MARK})")
            try:
                raise ValueError(f"input_value={{'text': '{MARK}'}}")
            except ValueError:
                logger.exception("validation error for activity: %s", MARK)
        finally:
            logger.removeHandler(handler)
    out = stream.getvalue()
    assert MARK not in out
    assert "Unhandled request [details withheld]" in out
    assert "ValueError: [withheld]" in out and "test_logs.py" in out  # where, not what
