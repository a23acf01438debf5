"""Accuracy on the blind-written question bank (tests/bank): per class and overall, how many
questions were asked, answered right, answered wrong (given as the answer but not what the
documents say) and asked back. The wrong column must be 0.

    .venv/bin/python bench/accuracy.py [--class CLASS] [--show wrong|asked|all] [--id ID…]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.sources import default_sources, load_documents  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.bank.checker import BANK, questions  # noqa: E402
from tests.bank.runner import run  # noqa: E402


def fresh_store() -> Store:
    """Both documents loaded into a new in-memory store."""
    store = Store.memory()
    load_documents(store, default_sources())
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class", dest="cls", help="only this class")
    parser.add_argument("--show", choices=["wrong", "asked", "all"], help="print these answers")
    parser.add_argument("--id", nargs="*", help="only these question ids")
    parser.add_argument("--lang", help="only questions in this language (ja, en, mixed)")
    parser.add_argument("--save", type=Path, help="write each question's outcome to this JSON file")
    parser.add_argument(
        "--diff", type=Path, help="print the questions whose outcome changed since --save"
    )
    parser.add_argument(
        "--write-known",
        action="store_true",
        help="record the questions not answered right in tests/bank/known.json (make test reads it)",
    )
    parser.add_argument(
        "--bank",
        type=Path,
        default=BANK,
        help="a folder holding questions/*.jsonl (a held-out set, measured before it joins)",
    )
    args = parser.parse_args()
    chosen = [
        q
        for q in questions(args.bank)
        if (not args.cls or q.cls == args.cls)
        and (not args.id or q.id in args.id)
        and (not args.lang or q.lang == args.lang)
    ]
    table: dict[str, Counter] = defaultdict(Counter)
    outcomes: dict[str, str] = {}
    before = json.loads(args.diff.read_text()) if args.diff else {}
    for g in run(chosen, fresh_store):
        outcomes[g.question.id] = g.outcome
        if args.diff and before.get(g.question.id) not in (None, g.outcome):
            print(f"{before[g.question.id]:>5} → {g.outcome:<5} {g.question.id}: {g.question.text}")
        for row in (g.question.cls, f"lang:{g.question.lang}", "overall"):
            table[row]["n"] += 1
            table[row][g.outcome] += 1
        if args.show and (args.show == "all" or args.show == g.outcome):
            print(f"--- {g.question.id} [{g.question.cls}] {g.outcome}: {g.question.text}")
            for reason in g.reasons:
                print(f"    ! {reason}")
            print("    " + g.text.replace("\n", "\n    ")[:1200])
    if args.save:
        args.save.write_text(json.dumps(outcomes, indent=0))
    if args.write_known:
        known = {k: v for k, v in sorted(outcomes.items()) if v != "right"}
        (BANK / "known.json").write_text(
            json.dumps(known, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    rows = sorted(k for k in table if k != "overall" and not k.startswith("lang:"))
    rows += [*sorted(k for k in table if k.startswith("lang:")), "overall"]
    print(f"{'class':<22}{'asked':>7}{'right':>7}{'wrong':>7}{'back':>7}{'right %':>9}")
    for row in rows:
        c = table[row]
        share = 100 * c["right"] / c["n"] if c["n"] else 0
        print(f"{row:<22}{c['n']:>7}{c['right']:>7}{c['wrong']:>7}{c['asked']:>7}{share:>8.1f}%")


if __name__ == "__main__":
    main()
