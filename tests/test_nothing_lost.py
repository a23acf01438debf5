"""Nothing acknowledged is lost (#25): a DM or mention update is in the store before Slack gets
its 200, its reply owed in the store's outbox, and a server killed before replying leaves the
reply to the next one. Real server processes, killed the hard way."""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import Executor, Future

import pytest

from bot.adapters.slack.app import create_app, deliveries_of
from bot.adapters.slack.serve import wsgi_app
from bot.service import Core
from bot.serving import Serving
from bot.settings import Settings
from bot.store import Store
from tests.slack_harness import (
    BOT_TOKEN,
    NOW,
    SIGNING_SECRET,
    FakeSlack,
    call_wsgi,
    chat_entries,
    dm,
    event_body,
    free_port,
    mention,
    post_event,
    serve_app,
    signed_environ,
    start_server,
)


def told(fake: FakeSlack, text: str) -> bool:
    """A confirmation quoting this update was posted (to the DM or the mention's thread)."""
    return any(
        "✅" in str(c.params.get("text")) and text in str(c.params.get("text"))
        for c in fake.called("chat.postMessage")
    )


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_dm_and_mention_updates_acknowledged_before_the_server_stops_are_stored_and_told(
    db_path, stop
):
    Store.open(db_path).add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    fake = FakeSlack().start()
    fake.delays["chat.postMessage"] = 0.02  # replies take a while, as Slack's do: some are owed
    port = free_port()
    # kill -9 of the whole group of two workers; SIGTERM's graceful stop with one
    workers = 2 if stop == signal.SIGKILL else 1
    server = start_server(db_path, fake, port, workers=workers)
    acknowledged: list[str] = []
    lock = threading.Lock()
    halt = threading.Event()

    def burst(worker: int) -> None:
        n = 0
        while not halt.is_set():
            text = f"event-{worker}-{n}"
            ts = f"{1000 + worker}.{n:06d}"
            event = dm(f"update No40 {text}", ts) if n % 2 else mention(f"update No40 {text}", ts)
            if post_event(port, event, f"Ev-{worker}-{n}"):
                with lock:
                    acknowledged.append(text)
            n += 1

    threads = [threading.Thread(target=burst, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    try:
        # Stop once a burst is under way (a few dozen acknowledged), not after a fixed wait.
        assert fake.wait_until(lambda: len(acknowledged) >= 30, 30)
        os.killpg(server.pid, stop)  # master and workers at once
        server.wait(timeout=60)
    finally:
        halt.set()
        for t in threads:
            t.join()
    fake.delays.clear()
    restarted = start_server(db_path, fake, port, workers=workers)
    try:
        # The next server sends every reply the first one still owed.
        assert fake.wait_until(lambda: all(told(fake, t) for t in acknowledged), 30), [
            t for t in acknowledged if not told(fake, t)
        ]
        store = Store.open(db_path)
        texts = [e.text for e in chat_entries(store)]
        assert [t for t in acknowledged if texts.count(t) != 1] == []  # none lost, none doubled
        assert len(texts) == len(set(texts))
        assert store.integrity_check() == "ok"
    finally:
        restarted.terminate()
        restarted.wait()
        fake.stop()


class Stalled(Executor):
    """The executor of a server that dies right after acknowledging: nothing it is given runs."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return Future()


def app_over(store: Store, fake: FakeSlack, executor: Executor | None = None):
    settings = Settings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.url + "api/",
    )
    return create_app(settings, Core(store, settings, clock=lambda: NOW), executor=executor)


def test_a_reply_owed_by_a_server_that_died_is_sent_once_by_the_next(db_path, fake):
    store = Store.open(db_path)
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    first = app_over(store, fake, Stalled())  # acknowledges, then never sends anything
    body = event_body(dm("update No40 死ぬ前に記録", "77.1"), "EvDying")
    assert call_wsgi(wsgi_app(first, store), signed_environ(body))[0] == "200 OK"
    [entry] = chat_entries(store)
    assert entry.text == "死ぬ前に記録"  # recorded before the 200
    assert fake.called("chat.postMessage") == []  # the reply never left
    [owed] = store.outbox_owed("slack")
    assert owed.key == "slack:event:EvDying"
    # The next server (another generation) sends it, once, however often it drains.
    nxt = deliveries_of(app_over(Store.open(db_path), fake))
    assert nxt.serving.generation != deliveries_of(first).serving.generation
    assert nxt.drain() == 1 and nxt.drain() == 0
    [post] = fake.called("chat.postMessage")
    assert post.params["channel"] == "D1" and f"#{entry.id}" in post.params["text"]
    assert store.outbox_owed("slack") == []


def test_a_reply_slack_could_not_be_reached_for_stays_owed_until_sent(store, fake):
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    app = serve_app(store, fake, clock=lambda: NOW)
    deliveries = deliveries_of_served(app)
    reachable = deliveries.client
    from slack_sdk import WebClient

    deliveries.client = WebClient(token=BOT_TOKEN, base_url=f"http://127.0.0.1:{free_port()}/")
    try:
        assert app.event(dm("update No40 届くまで", "78.1"), event_id="EvOffline").status == 200
        app.settle()
        [owed] = store.outbox_owed("slack")
        assert owed.attempts == 1 and owed.claimed_by is None  # released for a later attempt
        assert fake.called("chat.postMessage") == []
        deliveries.client = reachable
        assert deliveries.drain() == 1
        [post] = fake.called("chat.postMessage")
        assert "届くまで" in post.params["text"] and store.outbox_owed("slack") == []
    finally:
        app.stop()


def deliveries_of_served(app):
    """The outbox sender behind a served test app."""
    from bot.adapters.slack.app import DELIVERIES

    [found] = [d for d in DELIVERIES.values() if d.core is app.core]
    return found


def test_each_start_is_a_new_generation_that_takes_over_what_an_earlier_one_held():
    earlier, now = Serving(), Serving()
    held = earlier.owner()
    assert now.orphaned(held, None)  # an earlier server: nobody runs it (this one holds the store)
    assert not now.orphaned(now.owner(), None)  # this process, sending it now
    dead_worker = f"{now.generation}:{2**22 + 12345}"  # no such process
    assert now.orphaned(dead_worker, None)
