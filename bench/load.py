"""Load benchmark: N concurrent users against `roadmap serve slack` on loopback.

80% questions, 20% owner updates, as signed HTTP requests; the Web API is a local fake.
Prints throughput, p50/p99 latency and errors, then checks that every acknowledged update
is in the store exactly once. Each user sends its next request as soon as the last is answered
(no think time: the hardest case; --think adds a random pause, mean in ms, between them). The
users are asyncio tasks on keep-alive connections in one client process, so the client takes
as little of the two cores from the server as it can. Each user first sends a few questions
that are not timed (--warmup): the first burst of 50 brand-new connections at once costs up to
200 ms on a just-started server, which says nothing about serving.
Usage: python bench/load.py [--users 50] [--requests 4000] [--workers N] [--think MS] [--warmup N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ask import QUESTIONS  # noqa: E402  (bench/ask.py: one question mix for both benches)

from bot.settings import default_workers  # noqa: E402
from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.slack_harness import FakeSlack, command_form, sign  # noqa: E402
from tests.test_operations import free_port, start_server  # noqa: E402


class Tally:
    """What the users saw: latencies, errors and the updates the server acknowledged."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = {"question": [], "update": []}
        self.errors: list[str] = []
        self.acknowledged: list[str] = []
        self.started = 0.0  # when the timed part began (every user warmed up)
        self.wall = 0.0


async def post(reader, writer, port: int, form: str) -> tuple[int, bytes]:
    """One signed POST on a keep-alive connection; (status, body)."""
    body = form.encode()
    head = "".join(
        [
            f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n",
            "Content-Type: application/x-www-form-urlencoded\r\n",
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


async def user(
    worker: int,
    count: int,
    port: int,
    response_url: str,
    think: float,
    warmup: int,
    ready: asyncio.Barrier,
    tally: Tally,
) -> None:
    """One simulated user: `warmup` untimed questions, then `count` requests, 80% questions
    and 20% updates."""
    rng = random.Random(worker)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for n in range(warmup):
        form = command_form(rng.choice(QUESTIONS), f"warm-{worker}-{n}", response_url)
        status, _ = await post(reader, writer, port, form)
        if status != 200:
            tally.errors.append(f"warm-up {status}")
    if await ready.wait() == 0:  # the last user through starts the clock
        tally.started = time.perf_counter()
    for n in range(count):
        if think:
            await asyncio.sleep(rng.expovariate(1000 / think))
        is_update = rng.random() < 0.2
        text = (
            f"update No{rng.choice([37, 38, 40, 41, 42])} load-{worker}-{n}"
            if is_update
            else rng.choice(QUESTIONS)
        )
        form = command_form(text, f"t-{worker}-{n}", response_url)
        started = time.perf_counter()
        try:
            status, body = await post(reader, writer, port, form)
            elapsed = (time.perf_counter() - started) * 1000
            tally.latencies.append(elapsed)
            tally.by_kind["update" if is_update else "question"].append(elapsed)
            ok = status == 200
            if ok and is_update:
                ok = "✅" in json.loads(body)["text"]
                if ok:
                    tally.acknowledged.append(text.split(" ", 2)[2])
            if not ok:
                tally.errors.append(f"{status} {body[:80]!r}")
        except Exception as error:  # count it, reconnect, keep going
            tally.errors.append(repr(error))
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()


async def run_users(
    users: int, per_user: int, port: int, response_url: str, think: float, warmup: int
) -> Tally:
    tally = Tally()
    ready = asyncio.Barrier(users)
    await asyncio.gather(
        *(user(w, per_user, port, response_url, think, warmup, ready, tally) for w in range(users))
    )
    tally.wall = time.perf_counter() - tally.started
    return tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument(
        "--workers", type=int, default=None, help="server processes (default: one per core)"
    )
    parser.add_argument("--think", type=float, default=0, help="mean pause between requests, ms")
    parser.add_argument("--warmup", type=int, default=3, help="untimed questions per user first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        store = Store.open(db)
        load_documents(store)
        store.add_owner("slack", "U1", section="学校教育課", user_name="tanaka")
        fake = FakeSlack().start()
        port = free_port()
        server = start_server(db, fake, port, workers=args.workers)
        per_user = args.requests // args.users
        tally = asyncio.run(
            run_users(args.users, per_user, port, fake.url + "r", args.think, args.warmup)
        )
        wall = tally.wall
        server.terminate()
        server.wait()
        fake.stop()
        latencies = sorted(tally.latencies)
        texts = [e.text for e in Store.open(db).entries() if e.platform == "slack"]
        lost = [t for t in tally.acknowledged if texts.count(t) == 0]
        doubled = [t for t in tally.acknowledged if texts.count(t) > 1]
        total = len(latencies) + len(tally.errors)
        print(
            f"users {args.users}, workers {args.workers or default_workers()}, think {args.think:g} ms, "
            f"requests {total} in {wall:.1f} s: {total / wall:.0f} req/s"
        )
        print(
            f"latency p50 {statistics.median(latencies):.1f} ms, "
            f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.1f} ms, "
            f"max {latencies[-1]:.1f} ms (target p99 < 100 ms)"
        )
        for kind, values in tally.by_kind.items():
            values.sort()
            print(
                f"  {kind + 's':9} p50 {statistics.median(values):.1f} ms, "
                f"p99 {values[int(len(values) * 0.99) - 1]:.1f} ms"
            )
        errors = tally.errors
        print(f"errors {len(errors)}" + (f" e.g. {errors[:3]}" if errors else ""))
        print(
            f"updates acknowledged {len(tally.acknowledged)}: "
            f"lost {len(lost)}, doubled {len(doubled)}"
        )


if __name__ == "__main__":
    main()
