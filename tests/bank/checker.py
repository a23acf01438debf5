"""The question bank's judge: asks each blind-written question and grades the answer against
the writer's gold — right, wrong (given as the answer but not what the documents say) or asked
back. Shared by `bench/accuracy.py` and `tests/test_bank.py`.

The gold says what a right answer must state (`expect`: status, projects, numbers, strings,
verdict, order); it never says how to word it. Numbers are read out of the answer's text in any
of the units the bot prints (千円, 万円, 億円, yen, million…), so a right figure in another unit
is right and a wrong one is wrong whatever its unit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

BANK = Path(__file__).resolve().parent
CLOCK = "2026-12-07T10:00:00+09:00"  # the bank's "today" unless a question or scenario says
ASKED_BACK = {"clarify", "ambiguous"}
DENIED = {"not_found", "not_stated"}


@dataclass
class Question:
    """One blind-written question with its gold."""

    id: str
    cls: str
    lang: str
    text: str
    expect: dict
    now: str = CLOCK
    scenario: str | None = None
    asker: str | None = None
    notes: str = ""


@dataclass
class Grade:
    """How an answer fared: right, wrong or asked (back), and why."""

    question: Question
    outcome: str  # right | wrong | asked
    reasons: list[str] = field(default_factory=list)
    status: str = ""
    text: str = ""


def questions(bank: Path = BANK) -> Iterator[Question]:
    """Every question of the bank, file by file, in order."""
    for path in sorted((bank / "questions").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            yield Question(
                id=q["id"],
                cls=q["class"],
                lang=q.get("lang", "ja"),
                text=q["question"],
                expect=q.get("expect") or {},
                now=q.get("now") or CLOCK,
                scenario=q.get("scenario"),
                asker=q.get("asker"),
                notes=q.get("notes", ""),
            )


def scenarios(bank: Path = BANK) -> dict[str, dict]:
    """The chat-record scenarios questions of the record class are asked in."""
    path = bank / "scenarios.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def when(text: str) -> datetime:
    """An ISO date-time of the bank (always with its offset)."""
    return datetime.fromisoformat(text)


# -- reading figures out of an answer's text ------------------------------------------------

_NUM = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
# Units of money and their size in 千円; 1億8,808万4千円 is read as one amount.
_MONEY_UNITS = {
    "億円": 100_000,
    "億": 100_000,
    "千万円": 10_000,
    "百万円": 1_000,
    "万円": 10,
    "万": 10,
    "千円": 1,
    "円": 0.001,
    "billion yen": 1_000_000,
    "billion": 1_000_000,
    "million yen": 1_000,
    "million": 1_000,
    "thousand yen": 1,
    "yen": 0.001,
}
_MONEY = re.compile(
    _NUM + r"\s*(億円|億|千万円|百万円|万円|万|千円|円|billion yen|billion|million yen|million"
    r"|thousand yen|yen)"
)
_COMPOUND = re.compile(r"(?<![\d.,])(\d+)億(?:(\d{1,3}(?:,\d{3})*|\d+)万)?(?:(\d+)千)?円")
_APPROX = re.compile(r"(?:約|およそ|≈|~|about|approx\.?|approximately|roughly)\s*[¥￥]?\s*$")


@dataclass(frozen=True)
class Figure:
    """A number printed in an answer, with its unit and the step of its last digit."""

    value: float
    unit: str
    step: float
    approx: bool


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def figures(text: str) -> list[Figure]:
    """Every amount of money (in 千円), count and percentage printed in the text."""
    text = _plain(text)
    out: list[Figure] = []
    for m in _COMPOUND.finditer(text):
        oku, man, sen = int(m.group(1)), m.group(2), m.group(3)
        value = oku * 100_000 + (int(man.replace(",", "")) * 10 if man else 0)
        value += int(sen) if sen else 0
        step = 1 if sen else 10 if man else 100_000
        approx = bool(_APPROX.search(text[max(0, m.start() - 12) : m.start()]))
        out.append(Figure(value, "千円", step, approx))
    for m in _MONEY.finditer(text):
        whole, frac, unit = m.group(1).replace(",", ""), m.group(2), m.group(3)
        number = float(f"{whole}.{frac}") if frac else float(whole)
        size = _MONEY_UNITS[unit]
        step = size * (10 ** -len(frac) if frac else 1)
        approx = bool(_APPROX.search(text[max(0, m.start() - 12) : m.start()]))
        before = text[max(0, m.start() - 2) : m.start()]
        if "¥" in before or "￥" in before:
            # ¥288.5 million is rounded; ¥288.458 million (to the thousand yen) is exact.
            approx = approx or (bool(frac) and step > 1)
        out.append(Figure(number * size, "千円", step, approx))
    for m in re.finditer(_NUM + r"\s*(%|％|パーセント|percent)", text):
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        number = float(f"{whole}.{frac}") if frac else float(whole)
        out.append(Figure(number, "%", 10 ** -len(frac) if frac else 1, False))
    for m in re.finditer(_NUM + r"\s*([^\d\s,.、。（）()]{1,3})", text):
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        number = float(f"{whole}.{frac}") if frac else float(whole)
        out.append(Figure(number, m.group(3), 1, False))
    for m in re.finditer(r"\bFY\s?(\d{4})\b", text):  # FY2025 is how English says 2025年度
        out.append(Figure(float(m.group(1)), "年度", 1, False))
    for m in re.finditer(
        _NUM + r"\s+(projects?|people|persons|times|schools|cases|items|reports?|updates?"
        r"|(?:fiscal )?years?(?:\(s\))?)",
        text,
    ):
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        out.append(Figure(float(f"{whole}.{frac}" if frac else whole), m.group(3), 1, False))
    return out


# 件 counts things: projects, and in the chat record's class reports (updates) — "3 reports"
# is how an English answer states 3件 of them.
COUNTERS = {
    "件": ("件", "事業", "project", "projects", "つ", "個", "report", "update"),
    "人": ("人", "名", "people", "persons"),
    "回": ("回", "times"),
    "校": ("校", "schools"),
    "倍": ("倍", "times"),
    # A project's length: 8年 is 8年間, 8年度間, "8 fiscal years".
    "年": (
        "年",
        "年間",
        "年度間",
        "years",
        "year",
        "fiscal years",
        "fiscal year",
        "fiscal year(s)",
    ),
}


def states_number(text: str, value: float, unit: str) -> bool:
    """Whether the text states this figure (money in any unit, counts with their counter)."""
    figs = figures(text)
    if unit in ("千円", "円", "万円", "億円"):
        want = value * {"千円": 1, "円": 0.001, "万円": 10, "億円": 100_000}[unit]
        return any(
            f.unit == "千円"
            and not f.approx
            and (abs(abs(f.value) - abs(want)) <= f.step / 2 + 1e-6)
            for f in figs
        )
    if unit == "%":
        return any(
            f.unit == "%" and abs(abs(f.value) - abs(value)) <= max(f.step / 2, 0.051) for f in figs
        )
    counters = COUNTERS.get(unit, (unit,))
    # A figure given to fewer decimals than printed (17.7 for 17.72) is the same figure.
    places = (
        len(str(value).split(".")[1]) if "." in str(value) and not float(value).is_integer() else 0
    )
    slack = 0.5 * 10**-places if places else 1e-6
    return any(
        abs(f.value - abs(value)) <= slack and any(f.unit.startswith(c) for c in counters)
        for f in figs
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", _plain(text)).lower()


def _ref_key(ref: dict) -> tuple[str, str]:
    if ref.get("no") is not None:
        return ref["edition"], f"No{int(ref['no'])}"
    return ref["edition"], _norm(ref.get("name", ""))


def answer_refs(answer) -> list[tuple[str, str]]:
    """The answer's projects as (edition, No40) or (edition, normalised name)."""
    out = []
    for p in answer.projects:
        edition = p.edition.split(":")[-1]
        out.append((edition, f"No{p.no}") if p.no is not None else (edition, _norm(p.name)))
    return out


def _says_none(text: str) -> bool:
    """The answer says in words that no project matches (read from its text, not its code)."""
    return "該当する事業はありません" in text or "No project matches" in text


def _check(expect: dict, answer) -> list[str]:
    """What a right answer must hold that this one does not (empty when right)."""
    reasons = []
    text = answer.text
    status = expect.get("status", "answer")
    if status == "answer" and answer.status != "ok":
        return [f"status {answer.status}, expected an answer"]
    # A list answered with none of the projects (「該当する事業はありません」) says what
    # not_found says; any project named instead is an answer to a different question.
    said_none = answer.status == "ok" and not answer.projects and _says_none(text)
    if status in ("not_found", "not_stated") and answer.status not in DENIED and not said_none:
        return [f"status {answer.status}, expected {status}"]
    if "projects" in expect:
        # A project the gold names by its printed name (the PHR one has no printed number)
        # is the answer's project of that name, however the answer numbers it.
        by_name = {
            (p.edition.split(":")[-1], _norm(p.name)): key
            for p, key in zip(answer.projects, answer_refs(answer), strict=True)
        }
        want = [by_name.get(_ref_key(r), _ref_key(r)) for r in expect["projects"]]
        editions = {e for e, _ in want} or {"R7", "R6"}
        got = [r for r in answer_refs(answer) if r[0] in editions]
        if set(got) != set(want):
            missing = sorted(set(want) - set(got))
            extra = sorted(set(got) - set(want))
            reasons.append(f"projects: missing {missing}, extra {extra}")
        elif expect.get("order") and list(dict.fromkeys(got)) != want:
            reasons.append(f"order: {got} != {want}")
    for n in expect.get("numbers", []):
        if not states_number(text, float(n["value"]), n.get("unit", "")):
            reasons.append(f"number {n['value']}{n.get('unit', '')} not stated")
    for s in expect.get("strings", []):
        said = _norm(text)
        # An English answer says the printed 未定 as "undecided" (its one word for it).
        if _norm(s) not in said and not (s == "未定" and "undecided" in said):
            reasons.append(f"string {s!r} not stated")
    if "verdict" in expect:
        verdict = expect["verdict"]
        said = _norm(getattr(answer, "verdict", None) or "")
        want = (
            # An R6 project has no number: named by its printed name.
            [
                f"no{verdict['no']}" if verdict.get("no") is not None else "",
                _norm(verdict.get("name", "")),
            ]
            if isinstance(verdict, dict)
            else [_norm(str(verdict))]
        )
        if not said or not any(w and w in said for w in want):
            reasons.append(f"verdict {verdict} not given (got {said or 'none'})")
    return reasons


def grade(question: Question, answer) -> Grade:
    """Right when every part of the gold holds; asked when the bot asked back; else wrong."""
    expect = question.expect
    wanted = expect.get("status", "answer")
    if answer.status in ASKED_BACK:
        outcome = "right" if wanted == "ask_back" or _any_ask_back(expect) else "asked"
        return Grade(question, outcome, [], answer.status, answer.text)
    if wanted == "ask_back":
        return Grade(
            question, "wrong", ["answered; expected a question back"], answer.status, answer.text
        )
    alternatives = expect.get("any_of") or [expect]
    failures = []
    for alt in alternatives:
        merged = {k: v for k, v in expect.items() if k != "any_of"} | alt
        reasons = _check(merged, answer)
        if not reasons:
            return Grade(question, "right", [], answer.status, answer.text)
        failures.append(reasons)
    return Grade(question, "wrong", failures[0], answer.status, answer.text)


def _any_ask_back(expect: dict) -> bool:
    return any(a.get("status") == "ask_back" for a in expect.get("any_of", []))
