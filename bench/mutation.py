"""Mutation testing of the core (#28): for each module, how many of mutmut's small deliberate
mistakes the tests notice, which ones they do not, and whether each of those is written down
as equivalent (tests/mutation/equivalent.txt says why).

    .venv/bin/python bench/mutation.py [MODULE…] [--list] [--keep | --rerun] [--jobs 2]

`make mutation` runs every module below, one after the other, each over its own selection of
tests (the files that exercise it: mutmut then runs, for each mutant, only those of them that
call the mutated function). Each module is mutated in a scratch copy of the checkout under
build/mutation/<module>/, so a run never touches the work tree; --keep reuses a copy's earlier
results and retests only functions changed since (mutmut's own cache); --rerun retests only
the mutants its last run did not kill (after tests were added). The report, with every
survivor's diff, is written to build/mutation/report.md; the summary is printed.

Scores count killed (and timed-out) mutants among all, and among the mutants that are not
equivalent (a survivor listed in tests/mutation/equivalent.txt, or changing only the case of
SQL: no test can kill those). Target: at least 85 % of the non-equivalent mutants killed in
each module, and no survivor left unexplained.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "build" / "mutation"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.txt"
TARGET = 0.85

# The tests that exercise each module (checked by hand with mutmut's per-test stats): a run
# executes them once to learn which test calls which function, then each mutant's tests only.
# Questions: the hand-written and generated ones that check what an answer says, word for word
# first; not the slowest files (a surviving mutant runs every test that calls its function, and
# the answering functions are called by nearly every question: minutes per survivor).
QUESTIONS = [
    "tests/test_answer_texts.py",
    "tests/test_answer_computed.py",
    "tests/test_edge_documents.py",
    "tests/test_questions.py",
    "tests/test_questions_round_two.py",
    "tests/test_understand.py",
]
MODULES: dict[str, list[str]] = {
    "bot/updates.py": [
        "tests/test_owner_edges.py",
        "tests/test_updates.py",
    ],
    "bot/store/record.py": [
        "tests/test_record_reads.py",
        "tests/test_week_edges.py",
        "tests/test_store.py",
        "tests/test_append_only.py",
        "tests/test_chat_documents.py",
    ],
    "bot/digest.py": [
        "tests/test_week_edges.py",
        "tests/test_digest.py",
    ],
    "bot/answer/operations.py": QUESTIONS,
    "bot/answer/selection.py": [*QUESTIONS, "tests/test_selection_edges.py"],
    "bot/answer/targets.py": [
        *QUESTIONS,
        "tests/test_several_projects.py",
        "tests/test_several_groups.py",
        "tests/test_shares.py",
        "tests/test_projects_named_together.py",
        "tests/test_targets_read_by_hand.py",
    ],
    "bot/understanding/years.py": [
        *QUESTIONS,
        "tests/test_years_read.py",
        "tests/test_selection_edges.py",
        "tests/test_checks_and_calendar.py",
        "tests/test_ways_of_asking.py",
        "tests/test_plans_by_year.py",
    ],
    "bot/understanding/amounts.py": [
        *QUESTIONS,
        "tests/test_amounts_said.py",
        "tests/test_amounts_read.py",
        "tests/test_checks_and_calendar.py",
        "tests/test_selection_edges.py",
    ],
    "bot/understanding/operations.py": QUESTIONS,
    "bot/understanding/entities.py": QUESTIONS,
    "bot/understanding/negation.py": [
        *QUESTIONS,
        "tests/test_negation_read.py",
        "tests/test_selection_edges.py",
    ],
    "bot/understanding/asked.py": QUESTIONS,
    "bot/understanding/words.py": QUESTIONS,
    "bot/understanding/__init__.py": QUESTIONS,
    "bot/answer/facts.py": QUESTIONS,
    # A message cut into its sentences and parts: pure text in, parts out.
    "bot/understanding/parts.py": [
        "tests/test_two_part_questions.py",
        "tests/test_small_talk.py",
        "tests/test_words_kept.py",
    ],
}

KILLED = {"killed", "timeout"}


@dataclass
class Result:
    module: str
    seconds: float
    statuses: dict[str, str] = field(default_factory=dict)  # mutant name → status
    diffs: dict[str, str] = field(default_factory=dict)  # survivor → its diff
    equivalent: set[str] = field(default_factory=set)  # survivors listed as equivalent

    def count(self, *wanted: str) -> int:
        return sum(1 for s in self.statuses.values() if s in wanted)

    @property
    def score(self) -> float:
        return self.count(*KILLED) / len(self.statuses) if self.statuses else 0.0

    @property
    def explained(self) -> float:
        if not self.statuses:
            return 0.0
        return (self.count(*KILLED) + len(self.equivalent)) / len(self.statuses)

    @property
    def score_of_real(self) -> float:
        """Killed among the mutants that are not equivalent (what the tests could kill)."""
        real = len(self.statuses) - len(self.equivalent)
        return self.count(*KILLED) / real if real else 0.0


def slug(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def existing(tests: list[str]) -> list[str]:
    return [t for t in tests if (ROOT / t).exists()]


def prepare(module: str, tests: list[str], keep: bool) -> Path:
    """A scratch copy of the checkout with mutmut told what to mutate and which tests to run."""
    work = SCRATCH / slug(module)
    if work.exists() and not keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.db", "*.db-*")
    for folder in ("bot", "tests", "data"):
        if (work / folder).exists():
            shutil.rmtree(work / folder)
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    if keep and (work / "mutants").exists():
        # mutmut copies the source once; bring the copies it made up to date (same mtimes).
        for folder in ("bot", "tests", "data"):
            shutil.copytree(work / folder, work / "mutants" / folder, dirs_exist_ok=True)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # pytest keeps the ids it escaped (No40の… → No40\\u306e…) on a parametrize mark and escapes
    # them again when the same process collects a second time, as each forked mutant run does:
    # the test ids mutmut recorded are then "not found", pytest exits 4, and mutmut counts the
    # mutant killed. Unescaped ids are the same every time.
    pyproject = pyproject.replace(
        "[tool.pytest.ini_options]\n",
        "[tool.pytest.ini_options]\n"
        "disable_test_id_escaping_and_forfeit_all_rights_to_community_support = true\n",
        1,
    )
    config = {
        "source_paths": ["bot"],
        "only_mutate": [module],
        "also_copy": ["data/"],
        # One process per mutant (mutmut forks two at a time): no xdist workers inside it.
        "pytest_add_cli_args": ["-n", "0", "-p", "no:cacheprovider"],
        "pytest_add_cli_args_test_selection": tests,
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]"] + [f"{k} = {json.dumps(v)}" for k, v in config.items()]
    (work / "pyproject.toml").write_text(pyproject + "\n".join(lines) + "\n", encoding="utf-8")
    return work


def not_killed(module: str, work: Path) -> list[str]:
    """The mutants an earlier run in this scratch copy did not kill."""
    from mutmut.stats import status_by_exit_code

    meta = work / "mutants" / (module + ".meta")
    if not meta.exists():
        return []
    data = json.loads(meta.read_text(encoding="utf-8"))
    return sorted(
        name
        for name, code in data["exit_code_by_key"].items()
        if status_by_exit_code[code] not in KILLED
    )


def restore_kills(module: str, work: Path, before: dict) -> None:
    """Put back the kills of the run before a --rerun: mutmut forgets every result when the
    test selection changes (a test file added), but a mutant killed before stays killed when
    tests are only added — unless its function changed since (then it is tested again)."""
    from mutmut.stats import status_by_exit_code

    meta = work / "mutants" / (module + ".meta")
    if not before or not meta.exists():
        return
    data = json.loads(meta.read_text(encoding="utf-8"))
    old_hashes, new_hashes = before["hash_by_function_name"], data["hash_by_function_name"]
    for name, code in data["exit_code_by_key"].items():
        old = before["exit_code_by_key"].get(name)
        function = name.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
        unchanged = old_hashes.get(function) == new_hashes.get(function) is not None
        if code is None and old is not None and status_by_exit_code[old] in KILLED and unchanged:
            data["exit_code_by_key"][name] = old
    meta.write_text(json.dumps(data), encoding="utf-8")


IDS_CHECK = """
import contextlib, io, sys
import pytest

class Ids:
    def __init__(self):
        self.ids = []

    def pytest_collection_modifyitems(self, items):
        self.ids = [item.nodeid for item in items]

runs = []
for _ in range(2):
    found = Ids()
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(["-q", "--collect-only", "-n", "0", "-p", "no:cacheprovider", *sys.argv[1:]],
                    plugins=[found])
    runs.append(found.ids)
moved = sorted(set(runs[0]) ^ set(runs[1]))
print("\\n".join(moved[:5]))
sys.exit(1 if moved or not runs[0] else 0)
"""


def check_test_ids(work: Path, tests: list[str]) -> None:
    """Stop unless the selection's test ids are the same when collected twice in one process
    (as mutmut's forked runs collect them): otherwise every mutant would count as killed."""
    done = subprocess.run(
        [sys.executable, "-c", IDS_CHECK, *tests],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "GIT_CEILING_DIRECTORIES": str(work)},
    )
    if done.returncode != 0:
        sys.exit(
            f"test ids change when collected again; mutmut would count false kills:\n{done.stdout}"
        )


def run_module(module: str, jobs: int, keep: bool, rerun: bool = False) -> Result:
    tests = existing(MODULES[module])
    work = SCRATCH / slug(module)
    again = not_killed(module, work) if rerun else []
    meta = work / "mutants" / (module + ".meta")
    before = json.loads(meta.read_text(encoding="utf-8")) if rerun and meta.exists() else {}
    work = prepare(module, tests, keep or rerun)
    check_test_ids(work, tests)
    mutmut = Path(sys.executable).with_name("mutmut")
    started = time.monotonic()
    log = work / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            ["nice", "-n", "10", str(mutmut), "run", "--max-children", str(jobs), *again],
            cwd=work,
            stdout=out,
            stderr=subprocess.STDOUT,
            # The tests' own check that they wrote nothing into the checkout asks git: the
            # scratch copy is inside this checkout, whose files may change meanwhile.
            env={
                **os.environ,
                "PYTHONDONTWRITEBYTECODE": "1",
                "GIT_CEILING_DIRECTORIES": str(work),
            },
        )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"mutmut failed on {module} (exit {done.returncode}); see {log}")
    restore_kills(module, work, before)
    return collect(module, work, seconds)


def collect(module: str, work: Path, seconds: float) -> Result:
    """Each mutant's status from mutmut's .meta file, and each survivor's diff."""
    from mutmut.stats import status_by_exit_code

    meta = work / "mutants" / (module + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    result = Result(module, seconds)
    for name, code in data["exit_code_by_key"].items():
        result.statuses[name] = status_by_exit_code[code]
    survivors = sorted(n for n, s in result.statuses.items() if s not in KILLED)
    result.diffs = diffs_of(work, survivors)
    listed = equivalents()
    names = schema_names()
    store = module.startswith("bot/store/")  # where such strings go to SQLite, nowhere else
    for name, diff in result.diffs.items():
        sql = store and sql_case_only(*changed_lines(diff), names)
        if signature(module, name, diff) in listed or sql:
            result.equivalent.add(name)
    return result


SQL_WORD = re.compile(r"\b(?:SELECT|FROM|WHERE|AND|ORDER BY|LIMIT|EXISTS|IN)\b|\?", re.I)
QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')


def schema_names() -> set[str]:
    """The store's tables, indexes and columns (lower case), read from a fresh store."""
    sys.path.insert(0, str(ROOT))
    from bot.store import Store

    db = Store.memory().db.conn
    names = {"rowid"}
    for kind, name in db.execute("SELECT type, name FROM sqlite_master"):
        names.add(name.lower())
        if kind == "table":
            names |= {row[1].lower() for row in db.execute(f'PRAGMA table_info("{name}")')}
    return names


def sql_case_only(before: str, after: str, names: set[str] | None = None) -> bool:
    """A mutant that only changes the case of SQL's own words or of the store's table, index
    and column names (tests/mutation/equivalent.txt, first rule): SQLite reads SELECT and
    select, e.id and E.ID, a column "created_at" and "CREATED_AT" alike. A quoted value
    ('document', "retraction") keeps its case, or the rule does not apply."""
    if before == after or before.lower() != after.lower():
        return False
    if QUOTED.sub("''", before) != QUOTED.sub("''", after):
        return False  # changed outside any string
    names = schema_names() if names is None else names
    for old, new in zip(QUOTED.findall(before), QUOTED.findall(after), strict=True):
        if old == new:
            continue
        inner = old[1:-1]
        if inner.strip().lower() in names:
            continue  # a table, index or column name
        values = re.compile(r"'[^']*'")
        if SQL_WORD.search(inner) and values.findall(inner) == values.findall(new[1:-1]):
            continue  # SQL text, its quoted values unchanged
        return False
    return True


def diffs_of(work: Path, names: list[str]) -> dict[str, str]:
    """`mutmut show` for each name, read in this process (one mutmut start per module)."""
    if not names:
        return {}
    script = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "names = json.loads(sys.stdin.read())\n"
        "print(json.dumps({n: get_diff_for_mutant(n) for n in names}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=work,
        input=json.dumps(names),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def function_of(name: str) -> str:
    """bot.digest.x_running__mutmut_3 → running; a method's class kept (Record.entries)."""
    tail = name.rsplit(".", 1)[-1]
    tail = re.sub(r"__mutmut_\d+$", "", tail)
    tail = tail.replace("ǁ", ".").strip(".")  # a method: xǁRecordǁentries → x.Record.entries
    return re.sub(r"^x[._]", "", tail).replace(".x_", ".")


def changed_lines(diff: str) -> tuple[str, str]:
    """The diff's removed and added lines, whitespace collapsed (what makes a mutant itself)."""
    gone, added = [], []
    for line in diff.splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("-"):
            gone.append(" ".join(line[1:].split()))
        elif line.startswith("+"):
            added.append(" ".join(line[1:].split()))
    return " / ".join(gone), " / ".join(added)


def signature(module: str, name: str, diff: str) -> tuple[str, str, str, str]:
    before, after = changed_lines(diff)
    return module, function_of(name), before, after


def equivalents() -> set[tuple[str, str, str, str]]:
    """The survivors written down as equivalent, by module, function and changed lines.

    tests/mutation/equivalent.txt, one block per mutant:
        bot/digest.py :: running
        - <line as the code has it>
        + <line as the mutant has it>
        why: <why no test can tell them apart>
    """
    found: set[tuple[str, str, str, str]] = set()
    if not EQUIVALENT.exists():
        return found
    for block in EQUIVALENT.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines or "::" not in lines[0]:
            continue
        module, function = (p.strip() for p in lines[0].split("::", 1))
        gone = [" ".join(ln[1:].split()) for ln in lines[1:] if ln.startswith("-")]
        added = [" ".join(ln[1:].split()) for ln in lines[1:] if ln.startswith("+")]
        found.add((module, function, " / ".join(gone), " / ".join(added)))
    return found


OPEN = ROOT / "tests" / "mutation" / "open-survivors.txt"
OPEN_HEADER = """\
# Survivors not killed yet and not equivalent (#28), as bench/mutation.py --write-open left them:
# each a change no test notices today. Kill one with a test, or, if no test can tell it
# from the code, move it to equivalent.txt with why. Same block format as equivalent.txt.
"""


def write_open(results: list[Result]) -> None:
    """tests/mutation/open-survivors.txt: the unexplained survivors of the modules just run
    (other modules' blocks kept as they were)."""
    run = {r.module for r in results}
    kept = []
    if OPEN.exists():
        for block in OPEN.read_text(encoding="utf-8").split("\n\n"):
            first = next((ln for ln in block.splitlines() if not ln.startswith("#")), "")
            if "::" in first and first.split("::")[0].strip() not in run:
                kept.append("\n".join(ln for ln in block.splitlines() if not ln.startswith("#")))
    blocks = []
    for r in results:
        for name in sorted(r.diffs):
            if name not in r.equivalent:
                before, after = changed_lines(r.diffs[name])
                blocks.append(f"{r.module} :: {function_of(name)}\n- {before}\n+ {after}")
    OPEN.write_text(OPEN_HEADER + "\n" + "\n\n".join(kept + blocks) + "\n", encoding="utf-8")


def report(results: list[Result]) -> str:
    out = ["# Mutation testing (bench/mutation.py)", ""]
    out.append(
        "| module | mutants | killed | equivalent | not explained | killed of all "
        "| killed of the non-equivalent | time |"
    )
    out.append("|---|---|---|---|---|---|---|---|")
    for r in results:
        unexplained = len(r.diffs) - len(r.equivalent)
        out.append(
            f"| {r.module} | {len(r.statuses)} | {r.count(*KILLED)} | {len(r.equivalent)} "
            f"| {unexplained} | {r.score:.1%} | {r.score_of_real:.1%} | {r.seconds:.0f} s |"
        )
    for r in results:
        unexplained = [n for n in sorted(r.diffs) if n not in r.equivalent]
        if not unexplained:
            continue
        out += ["", f"## {r.module}: {len(unexplained)} not killed, not listed as equivalent"]
        for name in unexplained:
            out += ["", f"### {name} ({r.statuses[name]})", "```diff", r.diffs[name], "```"]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths as in MODULES (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--keep", action="store_true", help="reuse earlier results")
    parser.add_argument(
        "--rerun",
        action="store_true",
        help="retest only the mutants the last run did not kill (after adding tests)",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="read the last run's results again (after editing the equivalents)",
    )
    parser.add_argument(
        "--write-open",
        action="store_true",
        help="write the unexplained survivors to tests/mutation/open-survivors.txt",
    )
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    args = parser.parse_args(argv)
    if args.list:
        for module, tests in MODULES.items():
            print(module, " ".join(existing(tests)))
        return 0
    chosen = args.modules or list(MODULES)
    unknown = [m for m in chosen if m not in MODULES]
    if unknown:
        parser.error(f"not in MODULES: {', '.join(unknown)}")
    results = []
    for module in chosen:
        if args.report_only:
            if not (SCRATCH / slug(module) / "mutants").exists():
                continue
            r = collect(module, SCRATCH / slug(module), 0.0)
            results.append(r)
            continue
        print(f"{module}: mutating…", flush=True)
        r = run_module(module, args.jobs, args.keep, args.rerun)
        results.append(r)
        (SCRATCH / slug(module) / "report.md").write_text(report([r]), encoding="utf-8")
        print(
            f"{module}: {r.score:.1%} killed of {len(r.statuses)}, "
            f"{r.score_of_real:.1%} of the non-equivalent, "
            f"{r.explained:.1%} killed or equivalent, in {r.seconds:.0f} s",
            flush=True,
        )
    SCRATCH.mkdir(parents=True, exist_ok=True)
    text = report(results)
    (SCRATCH / "report.md").write_text(text, encoding="utf-8")
    if args.write_open:
        write_open(results)
    print(text.split("\n## ", 1)[0])
    print(f"Survivors and their diffs: {SCRATCH / 'report.md'}")
    below = [r.module for r in results if r.score_of_real < TARGET]
    if below:
        print(f"Below {TARGET:.0%} of the non-equivalent mutants killed: {', '.join(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
