"""Benchmark: parse and load both editions; prints times and the database size."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest import parse_file
from bot.sources import default_sources, load_documents
from bot.store import Store

RUNS = 10


def main() -> None:
    parse_times, load_times = [], []
    size = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        for path in default_sources():
            parse_file(path)
        parse_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            start = time.perf_counter()
            store = Store.open(db)
            load_documents(store)
            load_times.append(time.perf_counter() - start)
            store.close()
            size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    print(f"parse both editions:        median {statistics.median(parse_times) * 1000:.1f} ms")
    print(
        f"parse + load into new file: median {statistics.median(load_times) * 1000:.1f} ms "
        f"(max {max(load_times) * 1000:.1f} ms; target < 200 ms)"
    )
    print(f"database size:              {size / 1024:.0f} KiB (db + wal)")


if __name__ == "__main__":
    main()
