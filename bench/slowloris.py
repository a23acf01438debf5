"""Slow-client benchmark: 32 connections trickle their requests while signed users are timed.

Against `roadmap serve slack` on loopback (gunicorn, the default workers): --slow connections
each announce a 100 KB body and send one byte a second (a quarter of them trickle their headers
instead); whenever the server drops one (408 after its read timeout), another takes its place,
so --slow are open for the whole run. Meanwhile --users signed users ask questions and send
owner updates back to back. Prints question/update latency (target p99 < 1 s), errors, and the
acknowledged updates lost or doubled in the store (target 0). Loopback only; stops by itself
after --seconds.
Usage: python bench/slowloris.py [--slow 32] [--users 4] [--seconds 30] [--workers N]
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

from ask import QUESTIONS  # noqa: E402
from load import post  # noqa: E402  (one signed POST on a keep-alive connection)

from bot.settings import default_workers  # noqa: E402
from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.slack_harness import FakeSlack, command_form  # noqa: E402
from tests.test_operations import free_port, start_server  # noqa: E402

FORM = "application/x-www-form-urlencoded"  # a slash command's body

ANNOUNCED = 100_000  # bytes of body each slow client claims it will send


class Tally:
    """Latencies of the signed users, their errors, and what the slow clients got."""

    def __init__(self) -> None:
        self.by_kind: dict[str, list[float]] = {"question": [], "update": []}
        self.errors: list[str] = []
        self.acknowledged: list[str] = []
        self.slow_answers: dict[str, int] = {}
        self.slow_opened = 0


async def trickle(n: int, port: int, until: float, tally: Tally) -> None:
    """One slow slot: a connection that trickles; replaced whenever the server ends it."""
    headers_only = n % 4 == 0
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as error:
            tally.slow_answers[repr(error)] = tally.slow_answers.get(repr(error), 0) + 1
            await asyncio.sleep(0.5)
            continue
        tally.slow_opened += 1
        head = (
            f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n"
            f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0=00\r\n"
            f"Content-Length: {ANNOUNCED}\r\n\r\n"
        ).encode()
        if headers_only:
            pending, head = head, b""
        else:
            writer.write(head)
            pending = b"t" * ANNOUNCED
        answer = "open at the end"
        try:
            while time.monotonic() < until and pending:
                writer.write(pending[:1])
                pending = pending[1:]
                await writer.drain()
                try:  # a byte a second, unless the server has answered (and closed) meanwhile
                    line = await asyncio.wait_for(reader.readline(), 1.0)
                except TimeoutError:
                    continue
                answer = line.decode(errors="replace").strip() or "closed"
                break
        except OSError:
            answer = "reset"
        tally.slow_answers[answer] = tally.slow_answers.get(answer, 0) + 1
        writer.close()


async def signed_user(n: int, port: int, response_url: str, until: float, tally: Tally) -> None:
    """Questions and updates back to back, each timed."""
    rng = random.Random(n)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    count = 0
    while time.monotonic() < until:
        count += 1
        is_update = rng.random() < 0.2
        text = (
            f"update No{rng.choice([37, 38, 40, 41, 42])} slow-{n}-{count}"
            if is_update
            else rng.choice(QUESTIONS)
        )
        form = command_form(text, f"s-{n}-{count}", response_url)
        started = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(post(reader, writer, port, FORM, form), 30)
        except Exception as error:  # count it, reconnect, keep going
            tally.errors.append(repr(error))
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            continue
        tally.by_kind["update" if is_update else "question"].append(
            (time.perf_counter() - started) * 1000
        )
        ok = status == 200
        if ok and is_update:
            ok = "✅" in json.loads(body)["text"]
            if ok:
                tally.acknowledged.append(text.split(" ", 2)[2])
        if not ok:
            tally.errors.append(f"{status} {body[:80]!r}")
        await asyncio.sleep(0.02)  # a user, not a flood: the slow clients are the attack
    writer.close()


async def attack(args, port: int, response_url: str) -> Tally:
    tally = Tally()
    until = time.monotonic() + args.seconds
    slow = [asyncio.create_task(trickle(n, port, until, tally)) for n in range(args.slow)]
    await asyncio.sleep(2)  # every slow connection open before the users start
    await asyncio.gather(
        *(signed_user(n, port, response_url, until, tally) for n in range(args.users))
    )
    await asyncio.gather(*slow)
    return tally


def p99(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.99) - 1)] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=32, help="trickling connections held open")
    parser.add_argument("--users", type=int, default=4, help="signed users timed meanwhile")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "slow.db"
        store = Store.open(db)
        load_documents(store)
        store.add_owner("slack", "U1", section="学校教育課", user_name="tanaka")
        store.close()
        fake = FakeSlack().start()
        port = free_port()
        server = start_server(db, fake, port, workers=args.workers)
        try:
            tally = asyncio.run(attack(args, port, fake.url + "r"))
        finally:
            server.terminate()
            server.wait()
            fake.stop()
        texts = [e.text for e in Store.open(db).entries() if e.platform == "slack"]
    lost = [t for t in tally.acknowledged if texts.count(t) == 0]
    doubled = [t for t in tally.acknowledged if texts.count(t) > 1]
    print(
        f"{args.slow} slow connections held for {args.seconds:g} s "
        f"({tally.slow_opened} opened in all), {args.users} signed users, "
        f"workers {args.workers or default_workers()}"
    )
    for kind, values in tally.by_kind.items():
        if values:
            print(
                f"  {kind + 's':9} {len(values):5}: p50 {statistics.median(values):.1f} ms, "
                f"p99 {p99(values):.1f} ms, max {max(values):.1f} ms (target p99 < 1000 ms)"
            )
    print(f"errors {len(tally.errors)}" + (f" e.g. {tally.errors[:3]}" if tally.errors else ""))
    print(f"slow clients were answered: {dict(sorted(tally.slow_answers.items()))}")
    print(
        f"updates acknowledged {len(tally.acknowledged)}: lost {len(lost)}, doubled {len(doubled)}"
    )


if __name__ == "__main__":
    main()
