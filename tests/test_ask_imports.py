"""`roadmap ask` stays a light process (#17): what it imports, checked in a fresh interpreter
over whole classes of questions made from the loaded store. Never timed: bench/ask.py
measures the start; this keeps the heavy modules from creeping back onto the path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
# Never needed to answer a question from the command line, whatever it asks.
NEVER = {
    "numpy",
    "click",
    "sqlite_utils",
    "matplotlib",
    "openpyxl",
    "slack_bolt",
    "slack_sdk",
    "microsoft_teams",
    "pydantic_settings",
    "waitress",
    "uvicorn",
    "apscheduler",
    "bot.cli",
    "bot.ingest",
    "bot.sources",
    "bot.adapters",
    "bot.charts",
    "bot.export",
    "bot.digest",
    "bot.diff",
}
# Needed only to guess a name that was not written exactly (rapidfuzz), or to validate a
# model, which builds its schema and looks for pydantic plugins in every package's metadata.
NOT_FOR_A_NUMBER = {"rapidfuzz", "pydantic.plugin._loader", "importlib.metadata"}
# One question per field a numbered project is asked about, in both languages.
BY_NUMBER = [
    "No{n}の事業費は？",
    "No{n}の担当は？",
    "No{n}の期間は？",
    "No{n}の概要",
    "No{n}の計画は？",
    "No{n}の実績は？",
    "what is the budget of No{n}?",
    "who owns No{n}?",
]
PROBE = """
import json, sys
from pathlib import Path
from bot import launch
db, questions = Path(sys.argv[1]), json.loads(sys.argv[2])
codes = [launch.quick_ask(q, db, True) for q in questions]
print(json.dumps({"codes": codes, "modules": sorted(sys.modules)}))
"""


def ask_in_fresh_process(db: Path, questions: list[str]) -> tuple[list[dict], set[str]]:
    """Each question as `roadmap ask --json` answers it, one process for all of them: the
    answers, and every module (and each module's top package) that process imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), json.dumps(questions, ensure_ascii=False)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    *answers, last = run.stdout.strip().split("\n}\n")
    report = json.loads(last.split("\n")[-1])
    assert report["codes"] == [0] * len(questions), run.stderr
    modules = set(report["modules"])
    modules |= {m.split(".")[0] for m in modules}
    return [json.loads(a + "\n}") for a in answers], modules


@pytest.fixture
def latest(db_path: Path) -> list:
    """The latest edition's projects of the test store."""
    store = Store.open(db_path)
    projects = store.projects()
    store.close()
    return projects


def test_questions_by_number_import_nothing_heavy(db_path, latest):
    numbers = sorted({p.no for p in latest if p.no is not None})
    assert len(numbers) > 20
    # Every number, with the phrasings in turn: every phrasing meets several numbers.
    questions = [BY_NUMBER[i % len(BY_NUMBER)].format(n=n) for i, n in enumerate(numbers)]
    answers, modules = ask_in_fresh_process(db_path, questions)
    assert len(answers) == len(questions)
    # Answered, not turned away early (which would import nothing and prove nothing).
    for question, answer in zip(questions, answers, strict=True):
        no = int("".join(c for c in question.split("No")[1] if c.isdigit()))
        assert answer["status"] in ("ok", "not_stated"), (question, answer["text"])
        assert [p["no"] for p in answer["projects"]] == [no], (question, answer["text"])
    assert not modules & (NEVER | NOT_FOR_A_NUMBER), sorted(modules & (NEVER | NOT_FOR_A_NUMBER))


def test_questions_over_sets_and_names_import_nothing_heavy(db_path, latest):
    departments = sorted({p.department for p in latest if p.department})
    assert len(departments) > 3
    questions = [
        q.format(d=d)
        for d in departments
        for q in ("{d}の事業は何件？", "{d}の事業費の合計", "{d}の事業で一番予算が大きいのは？")
    ]
    questions += [
        "R7で終わる事業は？",
        "1億円以上の事業",
        "budget by department",
        "名称が変わった事業",
    ]
    numbered = sorted({p.no for p in latest if p.no is not None})
    questions += [f"No{n}のR6とR7の予算比較" for n in numbered[:5]]
    # Projects named by their whole name, and by its first part (scored by name similarity).
    questions += [f"{p.name}の担当は？" for p in latest[::3]]
    questions += [f"{p.name[: len(p.name) // 2 + 2]}の予算" for p in latest[1::3]]
    answers, modules = ask_in_fresh_process(db_path, questions)
    assert len(answers) == len(questions)
    assert all(a["status"] != "clarify" for a in answers), [a["text"] for a in answers]
    assert not modules & NEVER, sorted(modules & NEVER)


def test_the_program_answers_as_the_click_command_does(db_path, latest):
    from tests.conftest import cli

    departments = sorted({p.department for p in latest if p.department})
    # One of each kind (a number, a department, English, a name scored by similarity), each
    # a cold process: what differs between the two entry points is the start, not the answer.
    numbered = [p for p in latest if p.no is not None]
    questions = [f"No{numbered[0].no}の事業費は？", f"{departments[0]}の事業は何件？"]
    questions += ["budget by department", f"{latest[-1].name[:8]}の担当は？"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "ja_JP.UTF-8"}
    for name in ("LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    asked = [
        ["ask", question, "--db", str(db_path), *(["--json"] if i % 2 else [])]
        for i, question in enumerate(questions)
    ]
    # `python -m bot.launch` runs program(), as the `roadmap` console script does; the
    # processes run side by side (each is a one-question program, started cold).
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.launch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for args in asked
    ]
    for args, run in zip(asked, runs, strict=True):
        out, err = run.communicate()
        expected = cli(*args)
        assert run.returncode == expected.exit_code == 0, err.decode()
        assert out.decode() == expected.output, args[1]
