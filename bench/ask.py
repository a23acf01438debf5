"""Benchmark: in-process answer latency over a mix of questions, and one `roadmap ask` process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import ask  # noqa: E402
from bot.sources import load_documents  # noqa: E402
from bot.store import Store  # noqa: E402

QUESTIONS = [
    "No40の事業費は？",
    "R7事業費 for No40?",
    "who owns the PHR project?",
    "R7で終わる事業は？",
    "教育庁の事業費の合計",
    "1億円以上の事業",
    "budget by department",
    "No24のR6とR7の予算比較",
    "名称が変わった事業",
    "デジタル体験創造フェアはどこで開催された？",
    "県立学校次世代校務デジタル化推新事業の予算",
    "No40のR9の計画は？",
    # Composed questions: vocabulary slots (department, category, edition, years, amounts).
    "こども家庭部の事業で一番予算が大きいのは？",
    "total R7 budget of 警察本部's projects",
    "R6版で予算が一番小さかった事業",
    "予算が1,000万円から5,000万円の事業",
    "令和八年度で終わる事業",
    "防災・危機管理分野の事業は何件？",
    "2番目に大きい",
    "No48はいつ運用開始した？",
    "宇宙関連の事業は何件？",
]
ROUNDS = 200


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store.open(db)
        load_documents(store)
        for q in QUESTIONS:  # warm the caches, as a running bot has them
            ask(store, q)
        times = []
        for _ in range(ROUNDS):
            for q in QUESTIONS:
                start = time.perf_counter()
                ask(store, q)
                times.append((time.perf_counter() - start) * 1000)
        print(f"in-process answers: {len(times)} questions")
        print(
            f"  p50 {statistics.median(times):.2f} ms  p99 {percentile(times, 0.99):.2f} ms  "
            f"max {max(times):.2f} ms  (target p99 < 2 ms)"
        )
        store.close()
        # A deployed install has bytecode; compile it here too (PYTHONDONTWRITEBYTECODE may be set).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bot")], check=True)
        exe = ROOT / ".venv" / "bin" / "roadmap"
        command = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot.launch"]
        env = {**os.environ, "ROADMAP_DB": str(db)}
        # A bare interpreter start and one `roadmap ask`, alternated in the same run so that
        # a busy machine slows both alike: the target is a ratio, not milliseconds.
        bare, walls = [], []
        for _ in range(11):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
            bare.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            subprocess.run(
                [*command, "ask", "No40の事業費は？"], env=env, check=True, capture_output=True
            )
            walls.append((time.perf_counter() - start) * 1000)
        ratio = statistics.median(walls) / statistics.median(bare)
        print(
            f"bare `python -c pass`: median {statistics.median(bare):.0f} ms, "
            f"min {min(bare):.0f} ms"
        )
        print(
            f"one `roadmap ask` process: median {statistics.median(walls):.0f} ms, "
            f"min {min(walls):.0f} ms — {ratio:.1f}x a bare start (target at most 8x)"
        )
        probe = (
            "import sys, bot.launch, bot.answer, bot.cli_support; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'click', 'rapidfuzz', 'sqlite_utils', 'slack_sdk', 'slack_bolt', 'matplotlib', "
            "'waitress', 'numpy', 'pydantic_settings', 'openpyxl'}))"
        )
        heavy = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT
        )
        print(f"heavy packages on the ask path: {heavy.stdout.strip() or heavy.stderr.strip()}")


if __name__ == "__main__":
    main()
