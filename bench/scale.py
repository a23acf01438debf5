"""Scale benchmark: a store the size of a national roll-out, to see questions and the digest hold.

Every prefecture (47) with ten editions (R1…R10) of 60 projects — 28,200 projects built from
the real R7 projects, every prefecture printing the same text (the worst case for full-text
search, whose matches then sit in every prefecture) — and a million chat entries over five
years. Questions and the digest are asked as 青森県's deployment would ask them (a Store
scoped to one prefecture): number, owner, list, full text, and the week's digest; it prints
the query plans of the hot queries.
Usage: python bench/scale.py [--entries 1000000] [--prefectures 47] [--db PATH]
       python bench/scale.py --growth-only [--growth 0,1000,10000,72000]

It also measures (#24) one answer's time as one project's record grows: 「No40の実績は？」 and a
full-text question over a document phrase of No40, on the two documents with 0 … 72,000 chat
entries appended to No40 — flat when an answer reads only what it shows.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import ask  # noqa: E402
from bot.digest import digest  # noqa: E402
from bot.fiscal_year import FiscalYear  # noqa: E402
from bot.ingest import parse_file  # noqa: E402
from bot.models import ActualEntry, Edition  # noqa: E402
from bot.prefectures import HOME_PREFECTURE, PREFECTURES, edition_code  # noqa: E402
from bot.sources import default_sources  # noqa: E402
from bot.store import ROW_BITS, Store  # noqa: E402

WORDS = [
    "研修会を開催",
    "補助金を交付",
    "システムを更新",
    "説明会を実施",
    "調査を完了",
    "検討会を開催",
    "運用を開始",
]

PER_PREFECTURE = 60
EDITIONS = 10


def synthetic_editions(prefectures: list[str]) -> list[Edition]:
    """Ten editions of 60 projects for each prefecture, from the real R7 projects."""
    real = next(e for e in (parse_file(p) for p in default_sources()) if e.code == "R7")
    count = len(real.projects)
    editions = []
    for prefecture in prefectures:
        for n in range(1, EDITIONS + 1):
            code = edition_code(f"R{n}", prefecture)
            projects = [
                real.projects[k % count].model_copy(
                    update={"edition": code, "no": k + 1, "position": k + 1}
                )
                for k in range(PER_PREFECTURE)
            ]
            editions.append(
                Edition(
                    code=code,
                    title=f"synthetic {code}",
                    source_file=f"synthetic_{code}.txt",
                    sha256=code,
                    projects=projects,
                )
            )
    return editions


def entries(count: int, projects: list, now: datetime):
    rng = random.Random(7)
    start = now - timedelta(days=5 * 365)
    span = (now - start).total_seconds()
    for i in range(count):
        p = projects[rng.randrange(len(projects))]
        when = start + timedelta(seconds=span * i / count)
        yield ActualEntry(
            project_key=p.key,
            edition=p.edition,
            project_no=p.no,
            fiscal_year=FiscalYear.of(when).code,
            text=f"{rng.choice(WORDS)} 第{i}回",
            author_id=f"U{rng.randrange(500)}",
            author_name="bench",
            platform="slack",
            created_at=when,
        )


def record_growth(sizes: list[int]) -> None:
    """Per-answer time and reply size as one project's record grows (#24 item 5)."""
    from bot.sources import load_documents

    questions = {
        "No40の実績は？": "No40の実績は？",
        "document phrase": "教育ダッシュボードやクラウド技術",
    }
    store = Store.memory()
    load_documents(store, default_sources())
    project = store.project("R7/No40")
    now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    appended = 0
    print("one project's record grows (R7/No40; both documents):")
    for size in sizes:
        if size > appended:
            store.bulk_append(
                entries(size - appended, [project], now - timedelta(days=1)),
                dedupe_prefix=f"growth:{appended}",
            )
            appended = size
        cells = []
        for label, question in questions.items():
            first = ask(store, question, now=now)
            times = []
            for _ in range(50):
                t = time.perf_counter()
                ask(store, question, now=now)
                times.append((time.perf_counter() - t) * 1000)
            cells.append(
                f"{label}: p50 {statistics.median(times):5.2f} ms, p99 {p99(times):5.2f} ms, "
                f"{len(first.text):,} chars"
            )
        print(f"  {size:>7,} entries  " + "  |  ".join(cells))


def p99(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--prefectures", type=int, default=47)
    parser.add_argument("--db", default=None)
    parser.add_argument("--growth", default="0,1000,10000,72000", help="record sizes of No40")
    parser.add_argument("--growth-only", action="store_true", help="only the record growth")
    args = parser.parse_args()
    record_growth([int(n) for n in args.growth.split(",") if n])
    if args.growth_only:
        return
    # 青森県 (the home prefecture, whose deployment asks below) first, then the others.
    names = [HOME_PREFECTURE] + [p for p in PREFECTURES if p != HOME_PREFECTURE]
    names = names[: args.prefectures]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db or Path(tmp) / "scale.db")
        store = Store.open(db, HOME_PREFECTURE)
        now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        started = time.perf_counter()
        editions = synthetic_editions(names)
        store.load(editions)
        total = sum(len(e.projects) for e in editions)
        print(
            f"{len(names)} prefectures x {EDITIONS} editions x {PER_PREFECTURE} projects "
            f"({total:,}) loaded and linked in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        latest = [
            p
            for prefecture in names
            for n in (EDITIONS - 1, EDITIONS)
            for p in store.projects(edition_code(f"R{n}", prefecture))
        ]
        done = 0
        batch = 100_000
        while done < args.entries:
            n = min(batch, args.entries - done)
            store.bulk_append(
                entries(n, latest, now - timedelta(seconds=done)), dedupe_prefix=f"bench:{done}"
            )
            done += n
        print(
            f"{done:,} entries appended in {time.perf_counter() - started:.1f} s; "
            f"file {db.stat().st_size / 2**20:.0f} MiB"
        )
        store.close()
        # A fresh process's view: the deployment of one prefecture opening the national file.
        store = Store.open(db, HOME_PREFECTURE)
        mine = [e for e in store.entries() if e.platform == "slack"]
        rare = mine[len(mine) // 2].text  # one entry of this prefecture, found by its words
        questions = {
            "number": "No40の事業費は？",
            "owner": "No40の担当は？",
            "list": "R10で終わる事業は？",
            "full text (document)": "県立三沢航空科学館",
            "full text (common)": "検討会を開催",
            "full text (one entry)": rare,
            "full text (2 chars)": "配信",  # below a trigram: LIKE over the prefecture's rows
        }
        # #27: questions about the chat record, asked at the moment the record ends.
        questions |= {
            "record: this week": "今週の報告",
            "record: a project's": "No40の報告は何件？",
            "record: a person's": "<@U7> さんの今月の報告",
            "record: missing": "今年度の報告がない事業",
            "record: most reported": "報告がいちばん多い事業",
        }
        for label, question in questions.items():
            first = ask(store, question, now=now)
            assert first.status in ("ok", "ambiguous"), (question, first.status)
            times = []
            for _ in range(300):
                t = time.perf_counter()
                ask(store, question, now=now)
                times.append((time.perf_counter() - t) * 1000)
            print(
                f"{label:22} p50 {statistics.median(times):6.2f} ms  p99 {p99(times):6.2f} ms"
                "  (target p99 < 5 ms)"
            )
        times = []
        for _ in range(10):
            t = time.perf_counter()
            d = digest(store, now)
            times.append(time.perf_counter() - t)
        week = sum(len(g.entries) for g in d.entries)
        print(
            f"digest of one week ({week:,} entries, {len(d.stale)} stale of "
            f"{d.totals.projects} projects): median {statistics.median(times) * 1000:.1f} ms, "
            f"max {max(times) * 1000:.1f} ms (target < 1 s)"
        )
        print("query plans:")
        key = f"R{EDITIONS}/No40"
        plans = {
            "editions of a prefecture": (
                "SELECT * FROM editions WHERE prefecture = ? ORDER BY fiscal_year",
                [HOME_PREFECTURE],
            ),
            "projects of an edition": (
                "SELECT * FROM projects WHERE edition = ? ORDER BY position",
                [f"R{EDITIONS}"],
            ),
            "entries of a project": (
                "SELECT * FROM entries WHERE project_key = ? ORDER BY id",
                [key],
            ),
            "a prefecture's week": (
                "SELECT * FROM entries e WHERE e.edition IN (SELECT code FROM editions "
                "WHERE prefecture = ?) AND e.created_at >= ? AND e.created_at < ?",
                [HOME_PREFECTURE, "2026-11-16", "2026-11-23"],
            ),
            "last chat entry": (
                "SELECT created_at FROM entries WHERE project_key = ? AND created_at < ? "
                "ORDER BY created_at DESC LIMIT 1",
                [key, "2026-11-23"],
            ),
            "full text in a prefecture": (
                "SELECT * FROM search_index WHERE text MATCH ? AND rowid BETWEEN ? AND ?",
                ['"検討会を開催"', 0, (1 << ROW_BITS) - 1],
            ),
        }
        for label, (sql, params) in plans.items():
            plan = "; ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))
            print(f"  {label:26} {plan}")


if __name__ == "__main__":
    main()
