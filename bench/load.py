"""Load benchmark: N concurrent users against `roadmap serve slack` on loopback.

80% questions, 20% owner updates, as signed HTTP requests; the Web API is a local fake. A share
of the requests (--events) are Events API deliveries instead of slash commands, half DMs and
half mentions in a channel, whose replies are posted through the Web API after the 200.
Prints throughput, p50/p99 latency and errors; how long event replies took to reach the fake
Slack after their 200; then checks that every acknowledged update is in the store exactly once
(a slash update is acknowledged by its ✅ reply, an event by its 200: Slack never sends an
acknowledged event again) and that every acknowledged event update was told to its sender.

--kill N stops the server N times during the run, the hard way (kill -9 of its process group;
--stop term sends SIGTERM instead), and starts it again on the same port and store; the users
reconnect and go on. Each user sends its next request as soon as the last is answered (no think
time: the hardest case; --think adds a random pause, mean in ms, between them). The users are
asyncio tasks on keep-alive connections in one client process, so the client takes as little of
the two cores from the server as it can. Each user first sends a few questions that are not
timed (--warmup): the first burst of 50 brand-new connections at once costs up to 200 ms on a
just-started server, which says nothing about serving.
Usage: python bench/load.py [--users 50] [--requests 4000] [--workers N] [--think MS]
       [--warmup 3] [--events 0.5] [--kill 3] [--stop kill|term]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ask import QUESTIONS  # noqa: E402  (bench/ask.py: one question mix for every bench)

from bot.settings import default_workers  # noqa: E402
from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.slack_harness import (  # noqa: E402
    FakeSlack,
    command_form,
    dm,
    event_body,
    free_port,
    mention,
    sign,
    start_server,
)

PROJECTS = [37, 38, 40, 41, 42]  # 学校教育課's projects: the load user owns them all


class Tally:
    """What the users saw: latencies, errors and the updates the server acknowledged."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = {"question": [], "update": [], "event": []}
        self.errors: list[str] = []
        self.acknowledged: list[str] = []  # update texts the server acknowledged
        self.events: dict[str, float] = {}  # event update text → when its 200 came
        self.answered_events: dict[str, float] = {}  # event question id → when its 200 came
        self.started = 0.0  # when the timed part began (every user warmed up)
        self.wall = 0.0
        self.sent = 0


def request(port: int, kind: str, text: str, trigger: str, response_url: str) -> tuple[str, str]:
    """(content type, body) of one signed request: a slash command or an event delivery."""
    if kind == "command":
        return "application/x-www-form-urlencoded", command_form(text, trigger, response_url)
    ts = f"{time.time():.6f}"
    event = dm(text, ts) if kind == "dm" else mention(text, ts)
    return "application/json", event_body(event, f"Ev-{trigger}")


async def post(reader, writer, port: int, content_type: str, form: str) -> tuple[int, bytes]:
    """One signed POST on a keep-alive connection; (status, body)."""
    body = form.encode()
    head = "".join(
        [
            f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n",
            f"Content-Type: {content_type}\r\n",
            *(f"{k}: {v}\r\n" for k, v in sign(form).items()),
            f"Content-Length: {len(body)}\r\n\r\n",
        ]
    )
    writer.write(head.encode() + body)
    headers = await reader.readuntil(b"\r\n\r\n")
    status = int(headers.split(b" ", 2)[1])
    length = 0
    for line in headers.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def connect(port: int, patience: float = 60.0):
    """A connection to the server, waiting while it is being restarted."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.01)


async def user(
    worker: int,
    count: int,
    port: int,
    response_url: str,
    options: argparse.Namespace,
    ready: asyncio.Barrier,
    tally: Tally,
) -> None:
    """One simulated user: `warmup` untimed questions, then `count` requests, 80% questions
    and 20% updates, a share of them as events."""
    rng = random.Random(worker)
    reader, writer = await connect(port)
    for n in range(options.warmup):
        kind, form = request(port, "command", rng.choice(QUESTIONS), f"warm-{worker}-{n}", "")
        status, _ = await post(reader, writer, port, kind, form)
        if status != 200:
            tally.errors.append(f"warm-up {status}")
    if await ready.wait() == 0:  # the last user through starts the clock
        tally.started = time.perf_counter()
    for n in range(count):
        if options.think:
            await asyncio.sleep(rng.expovariate(1000 / options.think))
        is_update = rng.random() < 0.2
        kind = "command"
        if rng.random() < options.events:
            kind = "dm" if n % 2 else "mention"
        text = (
            f"update No{rng.choice(PROJECTS)} load-{worker}-{n}"
            if is_update
            else rng.choice(QUESTIONS)
        )
        content_type, body = request(port, kind, text, f"t-{worker}-{n}", response_url)
        started = time.perf_counter()
        tally.sent += 1
        try:
            status, reply = await post(reader, writer, port, content_type, body)
        except Exception as error:  # count it, reconnect, keep going
            tally.errors.append(type(error).__name__)
            writer.close()
            reader, writer = await connect(port)
            continue
        elapsed = (time.perf_counter() - started) * 1000
        tally.latencies.append(elapsed)
        label = "event" if kind != "command" else ("update" if is_update else "question")
        tally.by_kind[label].append(elapsed)
        ok = status == 200
        if ok and kind == "command" and is_update:
            ok = "✅" in json.loads(reply)["text"]
            if ok:
                tally.acknowledged.append(text.split(" ", 2)[2])
        elif ok and kind != "command" and is_update:
            tally.acknowledged.append(text.split(" ", 2)[2])
            tally.events[text.split(" ", 2)[2]] = time.monotonic()
        if not ok:
            tally.errors.append(f"{status} {reply[:80]!r}")
    writer.close()


async def stopper(options: argparse.Namespace, server: list, db: Path, fake, port, tally) -> None:
    """Stop the server `--kill` times, evenly through the run, and start it again."""
    total = options.requests
    for k in range(1, options.kill + 1):
        while tally.sent < total * k / (options.kill + 1):
            await asyncio.sleep(0.005)
        process = server[0]
        os.killpg(process.pid, signal.SIGKILL if options.stop == "kill" else signal.SIGTERM)
        await asyncio.to_thread(process.wait)
        server[0] = await asyncio.to_thread(start_server, db, fake, port, options.workers)


async def run_users(options: argparse.Namespace, server: list, db, fake, port) -> Tally:
    tally = Tally()
    ready = asyncio.Barrier(options.users)
    per_user = options.requests // options.users
    users = [
        user(w, per_user, port, fake.url + "r", options, ready, tally) for w in range(options.users)
    ]
    killing = asyncio.create_task(stopper(options, server, db, fake, port, tally))
    await asyncio.gather(*users)
    tally.wall = time.perf_counter() - tally.started
    await killing
    return tally


def told(fake: FakeSlack, pending: dict[str, float]) -> dict[str, float]:
    """Event updates whose confirmation the fake Slack received, with how long after the 200."""
    found: dict[str, float] = {}
    for call in fake.called("chat.postMessage"):
        text = str(call.params.get("text") or "")
        if "✅" not in text:
            continue
        for line in text.split("\n"):
            if line in pending and line not in found:
                found[line] = max(0.0, call.at - pending[line]) * 1000
    return found


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument(
        "--workers", type=int, default=None, help="server processes (default: one per core)"
    )
    parser.add_argument("--think", type=float, default=0, help="mean pause between requests, ms")
    parser.add_argument("--warmup", type=int, default=3, help="untimed questions per user first")
    parser.add_argument("--events", type=float, default=0.0, help="share sent as DMs/mentions")
    parser.add_argument("--kill", type=int, default=0, help="times the server is stopped")
    parser.add_argument("--stop", choices=["kill", "term"], default="kill", help="kill -9 or TERM")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        store = Store.open(db)
        load_documents(store)
        store.add_owner("slack", "U1", section="学校教育課", user_name="tanaka")
        store.close()
        fake = FakeSlack().start()
        port = free_port()
        server = [start_server(db, fake, port, workers=options.workers)]
        tally = asyncio.run(run_users(options, server, db, fake, port))
        # Replies owed when the last stop came are sent by the restarted server.
        deadline = time.monotonic() + 60
        while len(told(fake, tally.events)) < len(tally.events) and time.monotonic() < deadline:
            time.sleep(0.05)
        delays = list(told(fake, tally.events).values())
        server[0].terminate()
        server[0].wait()
        fake.stop()
        store = Store.open(db)
        texts = [e.text for e in store.entries() if e.platform == "slack"]
        store.close()
    latencies = sorted(tally.latencies)
    lost = [t for t in tally.acknowledged if texts.count(t) == 0]
    doubled = [t for t in set(texts) if texts.count(t) > 1]
    total = len(latencies) + len(tally.errors)
    workers = options.workers or default_workers()
    print(
        f"users {options.users}, workers {workers}, think {options.think:g} ms, events "
        f"{options.events:.0%}, stopped {options.kill}× ({options.stop}): requests {total} in "
        f"{tally.wall:.1f} s: {total / tally.wall:.0f} req/s"
    )
    print(
        f"latency p50 {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 0.99):.1f}"
        f" ms, max {latencies[-1]:.1f} ms (target p99 < 100 ms)"
    )
    for kind, values in tally.by_kind.items():
        if values:
            print(
                f"  {kind + 's':9} p50 {statistics.median(values):.1f} ms, "
                f"p99 {percentile(values, 0.99):.1f} ms"
            )
    if tally.events:
        print(
            f"event replies after their 200: p50 {statistics.median(delays or [0]):.0f} ms, "
            f"p99 {percentile(delays, 0.99):.0f} ms, max {max(delays or [0]):.0f} ms; told "
            f"{len(delays)} of {len(tally.events)} acknowledged event updates"
        )
    errors = tally.errors
    kinds = sorted({e.split(" ")[0] for e in errors})
    print(f"errors {len(errors)}" + (f" ({', '.join(kinds)})" if errors else ""))
    print(
        f"updates acknowledged {len(tally.acknowledged)}, stored {len(set(texts))}: "
        f"lost {len(lost)}, doubled {len(doubled)}"
    )
    if options.kill and (lost or doubled or len(delays) < len(tally.events)):
        sys.exit(1)


if __name__ == "__main__":
    main()
