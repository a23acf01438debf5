"""Load benchmark: N concurrent users against `roadmap serve slack` on loopback.

80% questions, 20% owner updates, as signed HTTP requests; the Web API is a local fake.
Prints throughput, p50/p99 latency and errors, then checks that every acknowledged update
is in the store exactly once. Usage: python bench/load.py [--users 50] [--requests 4000]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.slack_harness import FakeSlack, command_form, sign  # noqa: E402
from tests.test_operations import free_port, start_server  # noqa: E402

QUESTIONS = [
    "No40の事業費は？",
    "R7事業費 for No40?",
    "who owns the PHR project?",
    "R7で終わる事業は？",
    "教育庁の事業費の合計",
    "1億円以上の事業",
    "No24のR6とR7の予算比較",
    "デジタル体験創造フェアはどこで開催された？",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=4000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        store = Store.open(db)
        load_documents(store)
        store.add_owner("slack", "U1", section="学校教育課", user_name="tanaka")
        fake = FakeSlack().start()
        port = free_port()
        server = start_server(db, fake, port)
        latencies: list[float] = []
        errors: list[str] = []
        acknowledged: list[str] = []
        lock = threading.Lock()
        per_user = args.requests // args.users

        def user(worker: int) -> None:
            rng = random.Random(worker)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            for n in range(per_user):
                is_update = rng.random() < 0.2
                text = (
                    f"update No{rng.choice([37, 38, 40, 41, 42])} load-{worker}-{n}"
                    if is_update
                    else rng.choice(QUESTIONS)
                )
                form = command_form(text, f"t-{worker}-{n}", fake.url + "r")
                headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(form)}
                started = time.perf_counter()
                try:
                    conn.request("POST", "/slack/events", body=form, headers=headers)
                    response = conn.getresponse()
                    body = response.read()
                    elapsed = (time.perf_counter() - started) * 1000
                    ok = response.status == 200
                    if ok and is_update:
                        ok = "✅" in json.loads(body)["text"]
                        if ok:
                            with lock:
                                acknowledged.append(text.split(" ", 2)[2])
                    with lock:
                        latencies.append(elapsed)
                        if not ok:
                            errors.append(f"{response.status} {body[:80]!r}")
                except Exception as error:  # count it, keep going
                    with lock:
                        errors.append(repr(error))
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=user, args=(w,)) for w in range(args.users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        server.terminate()
        server.wait()
        fake.stop()
        latencies.sort()
        texts = [e.text for e in Store.open(db).entries() if e.platform == "slack"]
        lost = [t for t in acknowledged if texts.count(t) == 0]
        doubled = [t for t in acknowledged if texts.count(t) > 1]
        print(
            f"users {args.users}, requests {len(latencies) + len(errors)} in {wall:.1f} s: {len(latencies) / wall:.0f} req/s"
        )
        print(
            f"latency p50 {statistics.median(latencies):.1f} ms, p99 {latencies[int(len(latencies) * 0.99) - 1]:.1f} ms, "
            f"max {latencies[-1]:.1f} ms (target p99 < 100 ms)"
        )
        print(f"errors {len(errors)}" + (f" e.g. {errors[:3]}" if errors else ""))
        print(f"updates acknowledged {len(acknowledged)}: lost {len(lost)}, doubled {len(doubled)}")


if __name__ == "__main__":
    main()
