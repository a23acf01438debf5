"""Questions over an R7 document that reaches the edges (#28, tests/edge_documents.py): tied
largest and smallest budgets named together, amounts exactly on a range's bounds, ranges
said either way round, a project starting and ending in the same year. Every expected value
is read from the edge document's own lines (tests/document_lines.py); every count is the
number the answer states, parsed, not searched for."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from bot.answer import ask
from bot.fiscal_year import TOKYO
from tests.conftest import R6_FILE, loaded_copy
from tests.document_lines import rows, year
from tests.edge_documents import write_edge_document


@pytest.fixture(scope="module")
def edge_file(tmp_path_factory) -> Path:
    return write_edge_document(tmp_path_factory.mktemp("edges"))


@pytest.fixture(scope="module")
def edges(edge_file):
    return loaded_copy([R6_FILE, edge_file])


@pytest.fixture(scope="module")
def lines(edge_file):
    """The edge document's projects as its lines print them, numbered (No33 by position)."""
    found = rows(edge_file)
    for i, row in enumerate(found):
        if row.no is None:  # 【No33】 is not printed: the block between No32 and No34
            assert (found[i - 1].no, found[i + 1].no) == (32, 34)
            row.no = 33
    return found


def stated_count(text: str) -> int:
    """The one count a sentence states (…は12件です, （1件）, 12 projects), parsed."""
    found = {int(n.replace(",", "")) for n in re.findall(r"(\d[\d,]*)\s*(?:件|projects?\b)", text)}
    assert len(found) == 1, text
    return found.pop()


def numbers(answer) -> list[int]:
    return [p.no for p in answer.projects]


# -- ties at either end: every one named, none chosen ------------------------------------------
@pytest.mark.parametrize(
    ("text", "largest"),
    [
        ("一番予算が大きい事業は？", True),
        ("事業費が最も多い事業", True),
        ("Which project has the largest budget?", True),
        ("一番予算が少ない事業は？", False),
        ("事業費が最も小さい事業はどれ", False),
        ("Which project has the smallest budget?", False),
    ],
)
def test_tied_budgets_are_named_together(edges, lines, text, largest):
    best = (max if largest else min)(r.budget for r in lines)
    tied = sorted(r.no for r in lines if r.budget == best)
    assert len(tied) == 2  # the edge document's ties: No30 and No41, No32 and No35
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == tied
    assert a.value is None  # no single project's figure stands for the answer
    shown = f"{best:,}千円" if a.lang == "ja" else f"({best:,} thousand yen)"
    for no in tied:
        (line,) = [ln for ln in a.lines if re.search(rf"\bNo{no}\b", ln)]
        assert shown in line, line


def test_the_top_two_of_a_tie_run_by_number(edges, lines):
    top = sorted(lines, key=lambda r: (-r.budget, r.no))[:3]
    a = ask(edges, "予算上位2件")
    assert numbers(a) == [r.no for r in top[:2]] == [30, 41]
    a = ask(edges, "予算上位3件")
    assert numbers(a) == [r.no for r in top]


# -- amounts on a bound ------------------------------------------------------------------------
LOW, HIGH = 10_000, 50_000  # 1,000万円 and 5,000万円 in thousand yen
RANGES = [
    ("1,000万円から5,000万円の事業は何件", lambda b: LOW <= b <= HIGH),
    ("5,000万円から1,000万円の事業は何件", lambda b: LOW <= b <= HIGH),  # said the other way
    ("1,000万円以上5,000万円以下の事業は何件", lambda b: LOW <= b <= HIGH),
    ("1,000万円〜5,000万円の事業の数", lambda b: LOW <= b <= HIGH),
    (
        "How many projects have a budget between 10 million yen and 50 million yen?",
        lambda b: LOW <= b <= HIGH,
    ),
    ("1,000万円以上の事業は何件", lambda b: b >= LOW),
    ("1,000万円未満の事業は何件", lambda b: b < LOW),
    ("5,000万円以下の事業は何件", lambda b: b <= HIGH),
    ("5,000万円を超える事業は何件", lambda b: b > HIGH),
    ("5,000万円超の事業は何件", lambda b: b > HIGH),
]


@pytest.mark.parametrize(("text", "holds"), RANGES, ids=[t for t, _ in RANGES])
def test_a_budget_exactly_on_a_bound(edges, lines, text, holds):
    expected = sorted(r.no for r in lines if holds(r.budget))
    on_bounds = {r.no for r in lines if r.budget in (LOW, HIGH)}
    assert on_bounds == {45, 53}  # the bounds are printed budgets of the edge document
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == expected
    assert stated_count(a.title) == len(expected)
    assert a.value is not None and a.value.amount == len(expected)


# -- years: the same year at both ends, ranges either way round ----------------------------------
YEARS = [
    ("R8に始まる事業", lambda s, e: s == 2026),
    ("R8に始まりR8に終わる事業", lambda s, e: s == e == 2026),
    ("R8に終わる事業は何件", lambda s, e: e == 2026),
    ("R8からR10に終わる事業は何件", lambda s, e: e is not None and 2026 <= e <= 2028),
    ("R10からR8に終わる事業は何件", lambda s, e: e is not None and 2026 <= e <= 2028),
    ("R10からR8までに終わる事業", lambda s, e: e is not None and 2026 <= e <= 2028),
    ("R7からR5に始まった事業", lambda s, e: s is not None and 2023 <= s <= 2025),
    ("R5からR7に始まった事業", lambda s, e: s is not None and 2023 <= s <= 2025),
]


@pytest.mark.parametrize(("text", "holds"), YEARS, ids=[t for t, _ in YEARS])
def test_years_at_their_edges_and_ranges_said_either_way(edges, lines, text, holds):
    expected = sorted(r.no for r in lines if holds(year(r.start), year(r.end)))
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == expected
    assert stated_count(a.title) == len(expected)


def test_the_same_year_project_is_in_both_its_start_and_its_end_year(edges):
    assert 34 in numbers(ask(edges, "R8に始まる事業"))
    assert 34 in numbers(ask(edges, "R8に終わる事業"))
    assert 34 not in numbers(ask(edges, "R9に終わる事業"))
    assert 34 not in numbers(ask(edges, "R7に始まる事業"))


# -- order: what the question implies, ties by number ------------------------------------------
SORTED = [
    ("1億円以上の事業を予算が大きい順に並べて", lambda b: b >= 100_000, False),
    ("1,000万円未満の事業を予算が小さい順に並べて", lambda b: b < LOW, True),
    ("健康医療福祉部の事業を予算の安い順に", None, True),
    ("教育庁の事業を予算が小さい順に並べて", None, True),
    ("教育庁の事業を予算が大きい順に並べて", None, False),
]


@pytest.mark.parametrize(("text", "holds", "ascending"), SORTED, ids=[t for t, _, _ in SORTED])
def test_a_sorted_list_runs_the_way_asked(edges, lines, text, holds, ascending):
    department = re.match(r"(\S+?部|\S+?庁)の事業", text)
    chosen = [
        r
        for r in lines
        if (holds is None or holds(r.budget))
        and (department is None or r.department == department.group(1))
    ]
    expected = sorted(chosen, key=lambda r: (r.budget if ascending else -r.budget, r.no))
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == [r.no for r in expected], a.text
    assert stated_count(a.title) == len(expected)


def test_the_largest_and_smallest_together_name_every_tie_and_the_gap(edges, lines):
    top, bottom = max(r.budget for r in lines), min(r.budget for r in lines)
    a = ask(edges, "一番予算が大きい事業と一番小さい事業は？")
    assert a.status == "ok", a.text
    largest = sorted(r.no for r in lines if r.budget == top)
    smallest = sorted(r.no for r in lines if r.budget == bottom)
    assert numbers(a) == largest + smallest == [30, 41, 32, 35]
    assert a.value is not None and a.value.amount == top - bottom
    assert f"{top - bottom:,}千円" in a.text


@pytest.mark.parametrize(
    ("text", "field", "pick"),
    [
        ("最も早く始まった事業は？", "start", min),
        ("一番遅く終わる事業", "end", max),
        ("一番遅く始まった事業は？", "start", max),
        ("事業始期の最小は？", "start", min),  # 最小 of a year: the earliest
        ("minimum start year", "start", min),
        ("終期が最大の事業", "end", max),
    ],
)
def test_the_earliest_or_latest_year_names_every_project_of_it(edges, lines, text, field, pick):
    years = {r.no: year(getattr(r, field)) for r in lines if year(getattr(r, field))}
    best = pick(years.values())
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == sorted(no for no, y in years.items() if y == best)
    assert len(a.verdict.split("、")) == len(numbers(a))


def test_the_n_th_and_the_bottom_n_of_a_tie(edges, lines):
    ascending = sorted(lines, key=lambda r: (r.budget, r.no))
    a = ask(edges, "2番目に予算が小さい事業")
    assert numbers(a) == [ascending[1].no] == [35]  # tied with No32, after it by number
    assert a.value is not None and a.value.amount == ascending[1].budget
    a = ask(edges, "予算の下位3件")
    assert numbers(a) == [r.no for r in ascending[:3]]
    a = ask(edges, "2番目に予算が大きい事業")
    assert numbers(a) == [41]


def test_the_total_and_the_average_together(edges, lines):
    total = sum(r.budget for r in lines)
    a = ask(edges, "事業費の合計と平均")
    assert a.value is not None and a.value.amount == total
    (average,) = re.findall(r"平均：([\d,]+)千円", a.text)
    assert int(average.replace(",", "")) == round(total / len(lines))
    assert stated_count(a.title) == len(lines)


# -- every kind of condition, each way round ----------------------------------------------------
def y(code: str) -> int:
    return year(code)


CONDITIONS = [
    ("R8以降に終わる事業", lambda r: year(r.end) is not None and year(r.end) >= y("R8")),
    ("R8より後に終わる事業", lambda r: year(r.end) is not None and year(r.end) > y("R8")),
    ("R8までに終わる事業", lambda r: year(r.end) is not None and year(r.end) <= y("R8")),
    ("R8より前に始まった事業", lambda r: year(r.start) is not None and year(r.start) < y("R8")),
    ("R8以外で終わる事業", lambda r: year(r.end) is not None and year(r.end) != y("R8")),
    ("R5〜R8の間に始まった事業", lambda r: year(r.start) and y("R5") <= year(r.start) <= y("R8")),
    (
        "R5〜R8以外に始まった事業",
        lambda r: year(r.start) is not None and not y("R5") <= year(r.start) <= y("R8"),
    ),
    # Running in R8: started by then and not ended before; a project whose end is not printed
    # (No35, No46, No51, No54) is counted running (the answer says so: not said to have ended,
    # the rule the record's "what is missing" reads too) and not said to have stopped.
    (
        "R8に実施中の事業",
        lambda r: year(r.start) <= y("R8") and (r.end is None or y("R8") <= year(r.end)),
    ),
    (
        "R8に実施中でない事業",
        lambda r: r.end is not None and not year(r.start) <= y("R8") <= year(r.end),
    ),
    ("単年度の事業", lambda r: r.start is not None and year(r.start) == year(r.end)),
    ("単年度でない事業", lambda r: not (r.start is not None and year(r.start) == year(r.end))),
    ("1,000万円台の事業", lambda r: 10_000 <= r.budget < 20_000),
    ("1,000万円から5,000万円以外の事業", lambda r: not LOW <= r.budget <= HIGH),
    ("健康医療福祉部と教育庁の事業", lambda r: r.department in ("健康医療福祉部", "教育庁")),
    ("教育庁以外の事業", lambda r: r.department != "教育庁"),
    ("R6とかR7に始まった事業", lambda r: r.start in ("R6", "R7")),
    ("事業名にICTが入っている事業は何件", lambda r: "ICT" in r.name),
    (
        "学校教育課の事業で1億円以上のもの",
        lambda r: "学校教育課" in r.sections and r.budget >= 100_000,
    ),
]


@pytest.mark.parametrize(("text", "holds"), CONDITIONS, ids=[t for t, _ in CONDITIONS])
def test_every_kind_of_condition(edges, lines, text, holds):
    expected = sorted(r.no for r in lines if holds(r))
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == expected, a.text
    assert stated_count(a.title) == len(expected)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("始期が最も早い事業と最も遅い事業", "start"),
        ("最も早く始まった事業と最も遅く始まった事業は？", "start"),
        ("終期が一番早い事業と一番遅い事業", "end"),
    ],
)
def test_the_earliest_and_the_latest_together_each_with_its_ties(edges, lines, text, field):
    """Both ends asked of a year: both answered (the earliest was dropped, #28)."""
    years = {r.no: year(getattr(r, field)) for r in lines if year(getattr(r, field))}
    earliest = sorted(no for no, y in years.items() if y == min(years.values()))
    latest = sorted(no for no, y in years.items() if y == max(years.values()))
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == earliest + latest


def test_the_latest_end_names_every_project_in_its_verdict_and_gives_the_period(edges, lines):
    latest = max(year(r.end) for r in lines if year(r.end))
    named = [
        f"No{r.no} {r.name}" for r in sorted(lines, key=lambda r: r.no) if year(r.end) == latest
    ]
    a = ask(edges, "一番遅く終わる事業の期間は？")
    assert a.status == "ok", a.text
    assert a.verdict == "、".join(named)


def test_both_ends_state_their_gap_in_thousand_yen(edges):
    a = ask(edges, "一番予算が大きい事業と一番小さい事業の差は？")
    assert (a.value.amount, a.value.unit) == (491_000 - 796, "千円")


# -- years said relative to the day asked, and projects new to the edition ----------------------
ASKED_IN_R7 = datetime(2025, 6, 1, 10, tzinfo=TOKYO)  # fiscal year R7


@pytest.mark.parametrize(
    ("text", "field", "code"),
    [
        ("来年度に終わる事業", "end", "R8"),
        ("今年度に終わる事業", "end", "R7"),
        ("昨年度に始まった事業", "start", "R6"),
        ("新しく始まった事業", "start", "R7"),  # the edition's own year
    ],
)
def test_relative_years_are_read_against_the_day_asked(edges, lines, text, field, code):
    expected = sorted(r.no for r in lines if getattr(r, field) == code)
    a = ask(edges, text, now=ASKED_IN_R7)
    assert a.status == "ok", a.text
    assert numbers(a) == expected
    assert code in a.title


# R7 projects no R6 project continues into (tests/test_links.py LINKS, read off the names).
ADDED_IN_R7 = [28, 32, 34, 41, 42, 43, 47, 50, 51, 55]


@pytest.mark.parametrize(
    "text", ["R7で追加された事業", "R7版で新しく加わった事業", "新たに加わった事業は何件"]
)
def test_projects_new_to_the_edition(edges, text):
    a = ask(edges, text)
    assert a.status == "ok", a.text
    assert numbers(a) == ADDED_IN_R7  # not every project (新しく加わった was not read, #28)
    assert stated_count(a.title) == len(ADDED_IN_R7)
