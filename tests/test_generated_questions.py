"""Questions generated from the data itself: every department, section, category, field and end
year of each edition × every operation × four phrasings (Japanese polite and curt, English,
mixed). The expected answers are computed here from the parsed documents, never by the bot.
"""

from __future__ import annotations

import re
import statistics

import pytest

from bot.answer import ask
from bot.ingest import parse_file
from bot.sources import default_sources
from tests.conftest import R6_FILE, R7_FILE, loaded_copy

EDITIONS = {"R7": parse_file(R7_FILE).projects, "R6": parse_file(R6_FILE).projects}


@pytest.fixture(scope="module")
def shared():
    """One store for every generated question (answering never writes)."""
    store = loaded_copy(default_sources())
    return store


def departments(p) -> list[str]:
    """A joint department (環境政策部・警察本部) counts for each; 交通・地域社会部 is one."""
    parts = (p.department or "").split("・")
    return parts if all(x.endswith(("部", "局", "庁")) for x in parts) else [p.department]


def classes(edition: str) -> list[tuple[str, str]]:
    """(kind, value) of every filter class present in an edition's projects."""
    projects = EDITIONS[edition]
    out = {("department", d) for p in projects for d in departments(p)}
    out |= {("section", s) for p in projects for s in p.sections}
    out |= {("category", p.category) for p in projects if p.category}
    out |= {("field", p.field) for p in projects if p.field}
    out |= {("end", p.end) for p in projects if p.end and re.fullmatch(r"R\d+", p.end)}
    out |= {("start", p.start) for p in projects if p.start and re.fullmatch(r"[RH]\d+", p.start)}
    out |= {("flag", f) for p in projects for f in FLAGS if getattr(p, f) is not None}
    return sorted(out)


FLAGS = ("priority_frame", "future_response")


def western(code: str | None) -> int | None:
    """R7 → 2025, H31 → 2019 (the same fiscal year as R1)."""
    m = re.fullmatch(r"([RH])(\d+)", code or "")
    return (2018 if m.group(1) == "R" else 1988) + int(m.group(2)) if m else None


def members(edition: str, kind: str, value: str) -> list:
    """The projects of the class, read straight off the parsed document."""
    test = {
        "department": lambda p: value in departments(p),
        "section": lambda p: value in p.sections,
        "category": lambda p: p.category == value,
        "field": lambda p: p.field == value,
        "end": lambda p: p.end == value,
        "start": lambda p: western(p.start) == western(value),  # H31 and R1 are one year
        "flag": lambda p: getattr(p, value) is True,
    }[kind]
    return [p for p in EDITIONS[edition] if test(p)]


def phrases(kind: str, value: str) -> tuple[str, str]:
    """The class in Japanese (…の事業) and in English (projects …)."""
    flag_ja = {"priority_frame": "重点枠事業", "future_response": "将来対応分の事業"}
    flag_en = {
        "priority_frame": "priority frame projects",
        "future_response": "future response projects",
    }
    ja = {
        "flag": flag_ja.get(value, ""),
        "start": f"{value}に始まった事業",
        "department": f"{value}の事業",
        "section": f"{value}の事業",
        "category": f"{value}分野の事業",
        "field": f"{value}の事業",
        "end": f"{value}で終わる事業",
    }[kind]
    en = {
        "flag": flag_en.get(value, ""),
        "start": f"projects started in {value}",
        "department": f"projects of {value}",
        "section": f"projects of {value}",
        "category": f"projects in the {value} category",
        "field": f"projects of {value}",
        "end": f"projects ending in {value}",
    }[kind]
    return ja, en


OPERATIONS = {
    "count": [
        "{E}{J}は何件ありますか？",
        "{E}{J}の件数",
        "How many {N}{EN}?",
        "{E}{J}はhow many?",
    ],
    "sum": [
        "{E}{J}の事業費の合計を教えてください",
        "{E}{J} 予算合計",
        "total budget of {N}{EN}",
        "{E}{J}のtotal budget",
    ],
    "avg": [
        "{E}{J}の平均事業費はいくらですか",
        "{E}{J} 平均予算",
        "average budget of {N}{EN}",
        "{E}{J}のaverage budget",
    ],
    "max": [
        "{E}{J}で一番予算が大きい事業はどれですか",
        "{E}{J} 最大予算",
        "largest budget among {N}{EN}",
        "{E}{J}でbiggest budget",
    ],
    "min": [
        "{E}{J}で一番予算が小さい事業はどれですか",
        "{E}{J} 最小予算",
        "smallest budget among {N}{EN}",
        "{E}{J}でlowest budget",
    ],
    "top": [
        "{E}{J}の予算上位3件を教えてください",
        "{E}{J} トップ3",
        "top 3 budgets of {N}{EN}",
        "{E}{J}のtop 3",
    ],
    "nth": [
        "{E}{J}で2番目に予算が大きい事業は？",
        "{E}{J} 2番目に大きい",
        "second largest budget among {N}{EN}",
        "{E}{J}で2nd largest",
    ],
    "list": [
        "{E}{J}を一覧で教えてください",
        "{E}{J}一覧",
        "list {N}{EN}",
        "{E}{J}のlist",
    ],
}


def refs(answer) -> list[str]:
    return [f"{p.edition}/{p.no if p.no is not None else p.name}" for p in answer.projects]


def key(p) -> str:
    return f"{p.edition}/{p.no if p.no is not None else p.name}"


def ranked(projects: list, smallest: bool = False) -> list:
    order = sorted(projects, key=lambda p: (p.budget_thousand_yen, p.no or 0, p.position))
    return (
        order
        if smallest
        else sorted(projects, key=lambda p: (-p.budget_thousand_yen, p.no or 0, p.position))
    )


def check(answer, operation: str, expected: list, question: str) -> None:
    budgets = [p.budget_thousand_yen for p in expected]
    assert answer.status in ("ok", "not_found"), f"{question}\n{answer.text}"
    if operation in ("count", "list"):
        assert answer.value.amount == len(expected), f"{question}\n{answer.text}"
        assert sorted(refs(answer)) == sorted(key(p) for p in expected), question
    elif operation == "sum":
        assert answer.value.amount == sum(budgets), f"{question}\n{answer.text}"
    elif operation == "avg":
        mean = round(statistics.mean(budgets), 1)
        assert answer.value.amount == pytest.approx(mean), f"{question}\n{answer.text}"
    elif operation in ("max", "min"):
        best = max(budgets) if operation == "max" else min(budgets)
        want = sorted(key(p) for p in expected if p.budget_thousand_yen == best)
        assert sorted(refs(answer)) == want, f"{question}\n{answer.text}"
    elif operation == "top":
        assert refs(answer) == [key(p) for p in ranked(expected)[:3]], f"{question}\n{answer.text}"
    elif operation == "nth":
        if len(expected) < 2:
            assert answer.status == "not_found", f"{question}\n{answer.text}"
        else:
            want = key(ranked(expected)[1])
            assert refs(answer) == [want], f"{question}\n{answer.text}"
    # Every answer says what it computed: the class it computed over, and how many projects
    # it holds, in its heading — the number stated, parsed (a substring check passed for a
    # wrong count in most answers, #28).
    if answer.status != "not_found":
        assert stated_count(answer.title) == len(expected), f"{question}\n{answer.title}"


def stated_count(title: str) -> int:
    """How many projects a heading says it computed over: …（9件）, …は9件, 9 projects."""
    found = {
        int(next(n for n in groups if n))
        for groups in re.findall(r"（(\d+)件）|は(\d+)件|(\d+) projects?\b", title)
    }
    assert len(found) == 1, title
    return found.pop()


CASES = [(edition, kind, value) for edition in EDITIONS for kind, value in classes(edition)]


@pytest.mark.parametrize(
    ("edition", "kind", "value"), CASES, ids=[f"{e}-{k}-{v}" for e, k, v in CASES]
)
def test_every_class_every_operation_every_phrasing(shared, edition, kind, value):
    expected = members(edition, kind, value)
    assert expected
    ja, en = phrases(kind, value)
    latest = edition == "R7"
    prefix = "" if latest else f"{edition}版の"
    suffix = "" if latest else f" in the {edition} edition"
    for operation, templates in OPERATIONS.items():
        for template in templates:
            question = template.format(E=prefix, J=ja, N=en, EN=suffix)
            check(ask(shared, question), operation, expected, question)


def test_generated_questions_cover_every_class():
    kinds = {k for _, k, _ in CASES}
    assert kinds == {"department", "section", "category", "field", "end", "start", "flag"}
    assert len(CASES) * sum(len(t) for t in OPERATIONS.values()) >= 2000
