"""The weekly digest exactly once, end to end: Slack accepts the post but the answer comes after
the client's timeout, or the poster is killed mid-call; each time the week has one message.
Teams' killed poster, found through Microsoft Graph: tests/test_teams_digest_lookup.py."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.adapters.slack.digest import EVENT_TYPE, SlackDigestPoster
from bot.digest_schedule import run_digest
from bot.fiscal_year import TOKYO
from bot.store import Store
from tests.conftest import cli
from tests.slack_harness import BOT_TOKEN, ROOT, FakeSlack

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)
CHANNEL = "CDX"


@pytest.fixture
def fake():
    server = FakeSlack().start()
    yield server
    server.stop()


def digests_in_channel(fake: FakeSlack) -> list[dict]:
    return [m for m in fake.posted if m["channel"] == CHANNEL]


def poster_for(store: Store, fake: FakeSlack, timeout: float = 5) -> SlackDigestPoster:
    client = WebClient(token=BOT_TOKEN, base_url=fake.url + "api/", timeout=timeout)
    return SlackDigestPoster(client, CHANNEL, store)


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.005)
    assert condition()


def test_the_digest_carries_its_week_and_prefecture_and_a_first_post_looks_nothing_up(store, fake):
    assert run_digest(store, poster_for(store, fake), MONDAY_10) == "posted"
    [message] = digests_in_channel(fake)
    assert message["metadata"]["event_type"] == EVENT_TYPE
    run = store.digest_run("2026-W47", f"slack:{CHANNEL}")
    assert message["metadata"]["event_payload"] == {
        "week": "2026-W47",
        "prefecture": store.prefecture,
    }
    assert run.message_ts == message["ts"] and run.post_attempted_at
    assert fake.called("conversations.history") == []


def test_a_post_answered_after_the_clients_timeout_is_found_not_repeated(store, fake):
    fake.delays["chat.postMessage"] = 1.5
    poster = poster_for(store, fake, timeout=0.5)
    assert run_digest(store, poster, MONDAY_10) == "failed"  # Slack took it; we never heard
    assert fake.wait_until(lambda: len(digests_in_channel(fake)) == 1, 10)
    fake.delays.clear()
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "posted"
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=10)) == "done"
    [message] = digests_in_channel(fake)
    assert store.digest_run("2026-W47", f"slack:{CHANNEL}").message_ts == message["ts"]
    [upload] = fake.called("files.completeUploadExternal")
    assert upload.params["thread_ts"] == message["ts"]  # the charts went under the one message


def test_a_poster_killed_during_the_call_is_taken_over_without_a_second_post(db_path, fake):
    fake.delays["chat.postMessage"] = 30  # the call is in flight when the poster dies
    script = textwrap.dedent(
        f"""
        from datetime import datetime
        from slack_sdk import WebClient
        from bot.adapters.slack.digest import SlackDigestPoster
        from bot.digest_schedule import run_digest
        from bot.fiscal_year import TOKYO
        from bot.store import Store

        store = Store.open({str(db_path)!r})
        client = WebClient(token="xoxb-t", base_url={fake.url + "api/"!r}, timeout=60)
        poster = SlackDigestPoster(client, {CHANNEL!r}, store)
        run_digest(store, poster, datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO), owner="first")
        """
    )
    first = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, env={**os.environ}, start_new_session=True
    )
    try:
        assert fake.wait_until(lambda: len(digests_in_channel(fake)) == 1, 30)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    fake.delays.clear()
    store = Store.open(db_path)
    poster = poster_for(store, fake)
    # Within the lease the claim is still the dead poster's (named "first": nobody here can
    # tell whether it runs); after it, the week is taken over.
    assert (
        run_digest(store, poster, MONDAY_10 + timedelta(minutes=5), owner="second") == "in_progress"
    )
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11), owner="second") == "posted"
    assert len(digests_in_channel(fake)) == 1
    assert store.digest_run("2026-W47", f"slack:{CHANNEL}").status == "posted"


def test_a_failed_post_that_never_reached_slack_is_posted_on_retry(store, fake):
    fake.fail_methods.add("chat.postMessage")
    poster = poster_for(store, fake)
    assert run_digest(store, poster, MONDAY_10) == "failed"
    fake.fail_methods.clear()
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "posted"
    assert len(fake.called("conversations.history")) == 1  # looked first, found nothing
    assert len([m for m in digests_in_channel(fake) if m["metadata"]]) == 1


@dataclass
class Sent:
    id: str


class SlowTeams:
    """A Teams app whose send is accepted but answers after the poster's timeout."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.sent: list[str] = []

    async def send(self, conversation_id, activity, service_url=None):
        self.sent.append(conversation_id)
        await asyncio.sleep(self.delay)
        return Sent(f"activity-{len(self.sent)}")


def test_teams_keeps_a_late_activity_id_and_does_not_post_again(store, monkeypatch):
    from bot.adapters.teams import digest as teams_digest  # the Teams SDK: slow to import

    monkeypatch.setattr(teams_digest, "TIMEOUT", 0.2)
    store.save_conversation("teams", "conv-dx", "http://127.0.0.1:9/", conversation_type="channel")
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    app = SlowTeams(delay=0.6)
    poster = teams_digest.TeamsDigestPoster(app, store, "conv-dx", loop)
    try:
        assert run_digest(store, poster, MONDAY_10) == "failed"
        wait_until(lambda: store.digest_run("2026-W47", "teams:conv-dx").message_ts is not None)
        assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "posted"
    finally:
        loop.call_soon_threadsafe(loop.stop)
    assert app.sent == ["conv-dx"]
    assert store.digest_run("2026-W47", "teams:conv-dx").message_ts == "activity-1"


# -- `roadmap digest --post` (#25): retried, taken over, a clock that jumps, charts cut off ----


def digest_env(db_path, fake: FakeSlack) -> dict:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.url + "api/",
        "ROADMAP_DIGEST_CHANNEL": CHANNEL,
        "ROADMAP_DB": str(db_path),
    }


def digest_process(db_path, fake: FakeSlack, now: datetime) -> subprocess.Popen:
    """`roadmap digest --post` in a process of its own (to be killed)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "digest", "--post", "--now", now.isoformat()],
        cwd=ROOT,
        env={**os.environ, **digest_env(db_path, fake), "LANG": "ja_JP.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def uploads(fake: FakeSlack) -> list:
    return fake.called("files.completeUploadExternal")


def test_the_cli_run_again_after_a_kill_mid_post_finds_the_post(db_path, fake):
    fake.holds["chat.postMessage"] = threading.Event()  # Slack takes it; the answer never comes
    first = digest_process(db_path, fake, MONDAY_10)
    try:
        assert fake.wait_until(lambda: len(digests_in_channel(fake)) == 1, 30)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        fake.holds.pop("chat.postMessage").set()
    again = cli("digest", "--post", "--now", MONDAY_10.isoformat(), env=digest_env(db_path, fake))
    assert again.exit_code == 0, again.output
    assert "投稿しました" in again.output
    [message] = digests_in_channel(fake)  # found, not posted again
    [upload] = uploads(fake)
    assert upload.params["thread_ts"] == message["ts"]
    assert cli(
        "digest", "--post", "--now", MONDAY_10.isoformat(), env=digest_env(db_path, fake)
    ).output.startswith("今週のまとめは")


def test_a_clock_jump_past_the_lease_while_the_first_post_is_in_flight_posts_once(db_path, fake):
    release = fake.holds["chat.postMessage"] = threading.Event()
    first = digest_process(db_path, fake, MONDAY_10)
    try:
        assert fake.wait_until(lambda: len(digests_in_channel(fake)) == 1, 30)
        # Twenty minutes later by this clock: twice the lease, the first call still in flight.
        later = (MONDAY_10 + timedelta(minutes=20)).isoformat()
        jumped = cli("digest", "--post", "--now", later, env=digest_env(db_path, fake))
        assert jumped.exit_code == 0, jumped.output
        assert f"pid {first.pid}" in jumped.output and "二重には投稿しません" in jumped.output
        assert len(digests_in_channel(fake)) == 1
    finally:
        release.set()
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert len(digests_in_channel(fake)) == 1 and len(uploads(fake)) == 1


def test_charts_cut_off_by_a_kill_are_not_uploaded_again(db_path, fake):
    fake.holds["files.completeUploadExternal"] = threading.Event()  # shared; no answer
    first = digest_process(db_path, fake, MONDAY_10)
    try:
        assert fake.wait_until(lambda: len(uploads(fake)) == 1, 60)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        fake.holds.pop("files.completeUploadExternal").set()
    again = cli("digest", "--post", "--now", MONDAY_10.isoformat(), env=digest_env(db_path, fake))
    assert again.exit_code == 0, again.output
    assert len(digests_in_channel(fake)) == 1 and len(uploads(fake)) == 1
    assert Store.open(db_path).digest_run("2026-W47", f"slack:{CHANNEL}").status == "posted"
