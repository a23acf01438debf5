"""Benchmark: the serving path's own cost, in process, beside a bare Bolt handler (#25).

The same signed `/roadmap` slash-command request (a question) is dispatched through the bot's
WSGI application (guard, Bolt, the command table, the answer, Block Kit, the access log) and
through a bare Bolt app whose one listener acks a fixed text, alternately in one run, so both
see the same machine; the answer alone (bot.answer.ask) is timed beside them. Prints, for one
question and for bench/ask.py's question mix, the medians, the ratio of the two apps (target
≤ 4× for the one question) and the serving path's own cost (the bot's app less its answer).
Usage: python bench/dispatch.py [--rounds 2000] [--question "No40の事業費は？"]
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ask import QUESTIONS  # noqa: E402  (bench/ask.py: one question mix for every bench)
from slack_bolt import App  # noqa: E402
from slack_bolt.adapter.wsgi import SlackRequestHandler  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.adapters.slack.app import create_app  # noqa: E402
from bot.adapters.slack.serve import wsgi_app  # noqa: E402
from bot.answer import ask  # noqa: E402
from bot.service import Core  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.slack_harness import BOT_TOKEN, SIGNING_SECRET, FakeSlack, command_form, sign  # noqa: E402


def environ(form: str) -> dict:
    """The WSGI environment of a signed slash command, as the HTTP front hands it over."""
    body = form.encode()
    headers = sign(form)
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "3000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }


def call(application, env: dict) -> float:
    """Milliseconds to run one request through a WSGI application to its last byte."""
    statuses: list[str] = []
    started = time.perf_counter()
    body = b"".join(application(env, lambda status, headers, exc=None: statuses.append(status)))
    elapsed = (time.perf_counter() - started) * 1000
    assert statuses and statuses[0].startswith("200"), (statuses, body[:200])
    return elapsed


def bare_bolt(fake: FakeSlack) -> SlackRequestHandler:
    """A Bolt app with one slash-command listener acking a fixed text: Bolt's own floor."""
    app = App(
        name="bare",
        signing_secret=SIGNING_SECRET,
        client=WebClient(token=BOT_TOKEN, base_url=fake.url + "api/"),
        process_before_response=True,
        token_verification_enabled=False,
    )

    @app.command("/roadmap")
    def answer(ack) -> None:
        ack(text="No40の事業費は188,084千円です。")

    return SlackRequestHandler(app)


def measure(ours, bare, store: Store, questions: list[str], rounds: int, url: str) -> dict:
    """Medians (ms) of the bot's app, the bare app and the answer alone, alternated."""
    mine, floor, answer = [], [], []
    forms = [command_form(q, "trig-bench", url) for q in questions]
    for n in range(rounds + 50):
        question, form = questions[n % len(questions)], forms[n % len(forms)]
        a = call(ours, environ(form))
        b = call(bare, environ(form))
        started = time.perf_counter()
        ask(store, question)
        c = (time.perf_counter() - started) * 1000
        if n >= 50:  # the first requests fill caches and check the token
            mine.append(a)
            floor.append(b)
            answer.append(c)
    return {
        "ours": statistics.median(mine),
        "bare": statistics.median(floor),
        "answer": statistics.median(answer),
        "own": statistics.median(x - y for x, y in zip(mine, answer, strict=True)),
    }


def report(title: str, m: dict) -> None:
    print(title)
    print(f"  bare Bolt handler        median {m['bare']:.3f} ms")
    print(f"  the bot's WSGI app       median {m['ours']:.3f} ms  ({m['ours'] / m['bare']:.1f}×)")
    print(f"    of which the answer    median {m['answer']:.3f} ms")
    print(f"    the serving path's own median {m['own']:.3f} ms  ({m['own'] / m['bare']:.1f}×)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--question", default="No40の事業費は？")
    args = parser.parse_args()
    logging.getLogger("bot.access").setLevel(logging.WARNING)  # as a server without -v
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "dispatch.db")
        load_documents(store)
        settings = Settings(
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=fake.url + "api/",
        )
        ours = wsgi_app(create_app(settings, Core(store, settings)), store)
        bare = bare_bolt(fake)
        url = fake.url + "response"
        one = measure(ours, bare, store, [args.question], args.rounds, url)
        mix = measure(ours, bare, store, QUESTIONS, args.rounds, url)
        store.close()
    fake.stop()
    print(f"{args.rounds} rounds each, the two apps and the answer alternated")
    report(f"one question {args.question!r}:", one)
    report(f"bench/ask.py's mix of {len(QUESTIONS)} questions:", mix)
    print(f"ratio for the one question {one['ours'] / one['bare']:.1f}× (target ≤ 4×)")


if __name__ == "__main__":
    main()
