"""Scale benchmark: a store the size of a national roll-out, to see questions and the digest hold.

Every prefecture (47) with ten editions (R1…R10) of 60 projects: 28,200 projects built from the
real R7 projects, and a million chat entries over five years. The store has no prefecture
column yet (see README), so each edition holds all 47 prefectures' projects, numbered
No1…No2820 and with the prefecture in the department's name. It measures question latency
(number, owner, list, full text), digest time, and prints the query plans of the hot queries.
Usage: python bench/scale.py [--entries 1000000] [--prefectures 47] [--db PATH]
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
from bot.models import ActualEntry, Edition, Project  # noqa: E402
from bot.sources import default_sources  # noqa: E402
from bot.store import Store  # noqa: E402

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
_CJK_FIRST, _CJK_SIZE = 0x4E00, 0x5200


def _disguise(text: str | None, variant: int) -> str | None:
    """Kanji rotated by a per-variant offset: another prefecture's projects must not look like
    this one's to the linker, while each keeps its length and shape (variant 0 is the original)."""
    if not text or not variant:
        return text
    shift = variant * 7919
    return "".join(
        chr(_CJK_FIRST + (ord(c) - _CJK_FIRST + shift) % _CJK_SIZE)
        if _CJK_FIRST <= ord(c) < _CJK_FIRST + _CJK_SIZE
        else c
        for c in text
    )


def _variant(base: Project, variant: int) -> Project:
    data = base.model_dump()
    for field in ("name", "summary", "achievements"):
        data[field] = _disguise(data[field], variant)
    for initiative in data["initiatives"]:
        initiative["label"] = _disguise(initiative["label"], variant)
        for cell in initiative["years"].values():
            cell["plan"] = _disguise(cell["plan"], variant)
            cell["actual"] = _disguise(cell["actual"], variant)
    return Project.model_validate(data)


def synthetic_editions(prefectures: int = 47) -> list[Edition]:
    real = next(e for e in (parse_file(p) for p in default_sources()) if e.code == "R7")
    count = len(real.projects)
    variants = {}  # (prefecture, k): one disguised project, reused by every edition
    editions = []
    for n in range(1, 11):
        code = f"R{n}"
        projects = []
        for i in range(prefectures * PER_PREFECTURE):
            pref, k = divmod(i, PER_PREFECTURE)
            if (pref, k) not in variants:
                variant = pref * (PER_PREFECTURE // count + 1) + k // count
                variants[pref, k] = _variant(real.projects[k % count], variant)
            base = variants[pref, k]
            projects.append(
                base.model_copy(
                    update={
                        "edition": code,
                        "no": i + 1,
                        "position": i + 1,
                        "department": f"県{pref + 1:02d}{base.department or ''}",
                    }
                )
            )
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


def p99(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--prefectures", type=int, default=47)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db or Path(tmp) / "scale.db")
        store = Store.open(db)
        now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        started = time.perf_counter()
        editions = synthetic_editions(args.prefectures)
        store.load(editions)
        total = sum(len(e.projects) for e in editions)
        print(
            f"{args.prefectures} prefectures x 10 editions x {PER_PREFECTURE} projects "
            f"({total:,}) loaded in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        projects = store.projects("R10") + store.projects("R9")
        done = 0
        batch = 100_000
        while done < args.entries:
            n = min(batch, args.entries - done)
            store.bulk_append(
                entries(n, projects, now - timedelta(seconds=done)), dedupe_prefix=f"bench:{done}"
            )
            done += n
        print(
            f"{done:,} entries appended in {time.perf_counter() - started:.1f} s; file {db.stat().st_size / 2**20:.0f} MiB"
        )
        questions = {
            "number": "No40の事業費は？",
            "owner": "No40の担当は？",
            "list": "R10で終わる事業は？",
            "full text (document)": "県立三沢航空科学館",
            "full text (entries)": "検討会を開催 第999",
        }
        for label, question in questions.items():
            ask(store, question)
            times = []
            for _ in range(200):
                t = time.perf_counter()
                ask(store, question)
                times.append((time.perf_counter() - t) * 1000)
            print(
                f"{label:22} p50 {statistics.median(times):6.2f} ms  p99 {p99(times):6.2f} ms  (target p99 < 5 ms)"
            )
        times = []
        for _ in range(5):
            t = time.perf_counter()
            d = digest(store, now)
            times.append(time.perf_counter() - t)
        print(
            f"digest of one week ({sum(len(g.entries) for g in d.entries):,} entries): median {statistics.median(times) * 1000:.0f} ms (target < 1 s)"
        )
        print("query plans:")
        plans = {
            "entries of a project": (
                "SELECT * FROM entries WHERE project_key = ? ORDER BY id",
                ["R10/No40"],
            ),
            "entries of a week": (
                "SELECT * FROM entries WHERE created_at >= ? AND created_at < ?",
                ["2026-11-16", "2026-11-23"],
            ),
            "last chat entry": (
                "SELECT created_at FROM entries WHERE project_key = ? AND created_at < ? ORDER BY created_at DESC LIMIT 1",
                ["R10/No40", "2026-11-23"],
            ),
            "full text": ("SELECT * FROM search_index WHERE text MATCH ?", ['"検討会を開催"']),
            "projects of an edition": (
                "SELECT * FROM projects WHERE edition = ? ORDER BY position",
                ["R10"],
            ),
        }
        for label, (sql, params) in plans.items():
            plan = "; ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))
            print(f"  {label:24} {plan}")


if __name__ == "__main__":
    main()
