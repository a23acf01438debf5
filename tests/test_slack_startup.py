"""Slack outside a request: the warm-up without a network, and `roadmap digest --post` with the
app's own client (rate limits retried after Retry-After, failures told)."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from click.testing import CliRunner

from bot import messages as m
from bot.adapters.slack.failures import ADVICE
from bot.adapters.slack.serve import build, warm, wsgi_app
from bot.cli import main
from bot.settings import Settings
from tests.slack_harness import (
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    call_wsgi,
    command_form,
    signed_environ,
)

MONDAY_10_JST = "2026-11-23T10:00:00+09:00"  # after the default cron (Mondays 09:00)


@pytest.fixture
def fake():
    server = FakeSlack().start()
    yield server
    server.stop()


def closed_port() -> int:
    """A loopback port nothing listens on: every call there is refused, as offline."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_warm_up_offline_says_so_in_one_line_and_still_warms(db_path, fake, caplog):
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/",
        ROADMAP_DB=str(db_path),
    )
    app, _ = build(settings)
    started = time.perf_counter()
    with caplog.at_level(logging.DEBUG):
        warm(app)
    elapsed = time.perf_counter() - started
    noisy = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(noisy) == 1, [r.getMessage() for r in noisy]
    assert noisy[0].levelno == logging.WARNING and "auth.test" in noisy[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)
    assert elapsed < 5  # no retries, no waiting for a network that is not there
    # The stand-in served only the warm-up: the first real request asks Slack itself.
    from slack_bolt.request import BoltRequest

    app.client.base_url = fake.url + "api/"
    body = {"command": "/roadmap", "text": "No40の事業費は？", "user_id": "U1", "channel_id": "C1"}
    response = app.dispatch(BoltRequest(body=body, mode="socket_mode"))
    assert response.status == 200 and "188,084" in response.body
    assert [c.path for c in fake.calls] == ["/api/auth.test"]


def env(db_path, fake: FakeSlack) -> dict:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.url + "api/",
        "ROADMAP_DIGEST_CHANNEL": "C9",
        "ROADMAP_DB": str(db_path),
    }


def post_digest(db_path, fake: FakeSlack):
    args = ["digest", "--post", "--now", MONDAY_10_JST]
    return CliRunner().invoke(main, args, env=env(db_path, fake))


def test_digest_post_waits_out_a_rate_limit_as_the_app_does(db_path, fake):
    fake.ratelimit["chat.postMessage"] = (1, 1)  # one 429 with Retry-After: 1, then accepted
    started = time.time()
    result = post_digest(db_path, fake)
    assert result.exit_code == 0, result.output
    assert m.say("cli_digest_posted", "ja", channel="C9") in result.output
    assert len(fake.called("chat.postMessage")) == 2 and time.time() - started >= 1
    assert fake.called("files.completeUploadExternal")  # the charts in its thread
    # Posted once a week: asked again, nothing more is sent.
    again = post_digest(db_path, fake)
    assert (
        m.say("cli_digest_done", "ja", channel="C9") in again.output
        and len(fake.called("chat.postMessage")) == 2
    )


@pytest.mark.parametrize("error", sorted(ADVICE))
def test_digest_post_failure_says_why_and_what_to_do(db_path, fake, error):
    if error == "ratelimited":
        fake.ratelimit["chat.postMessage"] = (5, 60)  # longer than is worth waiting for
    else:
        fake.errors["chat.postMessage"] = error
    result = post_digest(db_path, fake)
    assert result.exit_code == 1
    line = result.output.strip().splitlines()[-1]
    assert "Traceback" not in result.output  # the log line keeps Slack's code, no traceback
    # What to do, in both languages as every CLI error (/invite @roadmap for not_in_channel).
    assert f"C9 に投稿できませんでした（{error}）" in line, result.output
    assert m.say(ADVICE[error], "ja") in line, line  # the CLI speaks Japanese by default (#17)
    # Nothing was recorded as posted: a later run tries again.
    fake.errors.clear()
    fake.ratelimit.clear()
    later = post_digest(db_path, fake)
    assert m.say("cli_digest_posted", "ja", channel="C9") in later.output, later.output


def test_a_slash_question_is_answered_while_slacks_web_api_cannot_be_reached(db_path, caplog):
    """#25: Bolt's token check let the network error escape (500), although a slash command's
    answer rides in the HTTP response itself."""
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/",
        ROADMAP_DB=str(db_path),
    )
    app, core = build(settings)
    application = wsgi_app(app, core.store)
    with caplog.at_level(logging.WARNING):
        for n in range(3):
            form = command_form("No40の事業費は？", f"trig-offline-{n}", "http://127.0.0.1:9/r")
            status, body = call_wsgi(
                application, signed_environ(form, "application/x-www-form-urlencoded")
            )
            assert status == "200 OK" and "188,084" in body
    warned = [r.getMessage() for r in caplog.records if "auth.test" in r.getMessage()]
    assert len(warned) == 1  # asked once, not again on each request
