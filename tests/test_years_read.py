"""Fiscal years as people say them (#28, mutation testing of bot/understanding/years.py): every
start and end year printed in the two documents written every way (R8, R8年度, 令和8年度,
2026年度, FY2026, fiscal 2026, H31, 平成31年度) with every relation (に終わる, 以降, 以前,
までに, より前, より後, から, まで続く; in, or later, or earlier, before, after, by, since),
as a start or an end, in Japanese and English; two years as a range either way round, as a
period or as the bounds a project falls within; years counted from today (来年度, 3年前, next
fiscal year, two years ago); running in a year; editions said by their year — read into the
query's filters, and answered with the projects whose printed years meet them.

Expected values come from the documents' lines (tests/document_lines.py) and from the
hand-written tables below (what each word means, which era a year is in), never from the
product's code."""

from __future__ import annotations

import itertools
import re
from datetime import datetime

import pytest

from bot.answer import ask
from bot.fiscal_year import TOKYO
from bot.understanding import understand
from tests.conftest import R6_FILE, R7_FILE
from tests.document_lines import rows, year

R7 = rows(R7_FILE)
R6 = rows(R6_FILE)
# Every start and end year either document prints (未定 and nothing are no year).
PRINTED_YEARS = sorted(
    {c for r in R6 + R7 for c in (r.start, r.end) if year(c) is not None}, key=lambda c: year(c)
)
PERIODS = sorted({(r.start, r.end) for r in R7 if year(r.start) and year(r.end)})


# -- a year written every way, by hand -----------------------------------------------------------


def era(code: str) -> tuple[str, int]:
    m = re.fullmatch(r"([RH])(\d+)", code)
    return m.group(1), int(m.group(2))


def western_code(western: int) -> str:
    """The code a Western year is read as: 令和 from 2019 (its first fiscal year), 平成 before."""
    return f"R{western - 2018}" if western >= 2019 else f"H{western - 1988}"


# Each way of writing a printed year, and the code it is read as (a Western year is read in
# 令和 from 2019: FY2019 is R1, which H31 also is).
def ja_forms(code: str) -> dict[str, str]:
    letter, n = era(code)
    kanji = {"R": "令和", "H": "平成"}[letter]
    w = year(code)
    return {
        code: code,
        f"{code}年度": code,
        f"{letter} {n}": code,
        f"{kanji}{n}年度": code,
        f"{w}年度": western_code(w),
        f"FY{w}": western_code(w),
    }


def en_forms(code: str) -> dict[str, str]:
    w = year(code)
    return {
        code: code,
        code.lower(): code,
        f"FY{w}": western_code(w),
        f"FY {w}": western_code(w),
        f"fiscal {w}": western_code(w),
        f"fiscal year {w}": western_code(w),
    }


# What each relation means, written by hand: (words with {y} for the year, kind, op).
JA_RELATIONS = [
    ("{y}に終わる事業", "end", "eq"),
    ("{y}で終わる事業", "end", "eq"),
    ("{y}に終了する事業", "end", "eq"),
    ("終期が{y}の事業", "end", "eq"),
    ("{y}まで続く事業", "end", "eq"),
    ("{y}までの事業は", "end", "eq"),
    ("{y}以降に終わる事業", "end", "ge"),
    ("終期が{y}以降の事業", "end", "ge"),
    ("{y}以前に終わる事業", "end", "le"),
    ("{y}までに終わる事業", "end", "le"),
    ("{y}より前に終わる事業", "end", "lt"),
    ("{y}より後に終わる事業", "end", "gt"),
    ("{y}以降も続く事業", "end", "ge"),
    ("{y}まで続いている事業", "end", "eq"),
    ("{y}以降も続いている事業", "end", "ge"),
    ("{y}に始まった事業", "start", "eq"),
    ("{y}から始まった事業", "start", "eq"),
    ("{y}に開始した事業", "start", "eq"),
    ("始期が{y}の事業", "start", "eq"),
    ("{y}以降に始まった事業", "start", "ge"),
    ("始期が{y}以降の事業", "start", "ge"),
    ("{y}以前に始まった事業", "start", "le"),
    ("{y}までに始まった事業", "start", "le"),
    ("{y}より前に始まった事業", "start", "lt"),
    ("{y}より後に開始した事業", "start", "gt"),
]
EN_RELATIONS = [
    ("projects ending in {y}", "end", "eq"),
    ("which projects end in {y}?", "end", "eq"),
    ("projects finishing in {y}", "end", "eq"),
    ("projects that run until {y}", "end", "eq"),
    ("projects lasting to {y}", "end", "eq"),
    ("projects running until {y}", "end", "eq"),
    ("projects ending in {y} or later", "end", "ge"),
    ("projects ending in or after {y}", "end", "ge"),
    ("projects ending in {y} or earlier", "end", "le"),
    ("projects ending in {y} or before", "end", "le"),
    ("projects ending by {y}", "end", "le"),
    ("projects ending by the end of {y}", "end", "le"),
    ("projects ending before {y}", "end", "lt"),
    ("projects ending earlier than {y}", "end", "lt"),
    ("projects ending after {y}", "end", "gt"),
    ("projects ending later than {y}", "end", "gt"),
    ("projects starting in {y}", "start", "eq"),
    ("projects launched in {y}", "start", "eq"),
    ("projects that started in {y}", "start", "eq"),
    ("projects started since {y}", "start", "ge"),
    ("projects starting in {y} or later", "start", "ge"),
    ("projects that started in {y} or earlier", "start", "le"),
    ("projects starting before {y}", "start", "lt"),
    ("projects starting prior to {y}", "start", "lt"),
    ("projects starting after {y}", "start", "gt"),
]
COMPARE = {
    "eq": lambda a, b: a == b,
    "ge": lambda a, b: a >= b,
    "le": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
    "gt": lambda a, b: a > b,
}


def year_filters(question: str) -> list[tuple]:
    return [
        (f.kind, f.op, f.value, f.upper)
        for f in understand(question).filters
        if f.kind in ("start", "end", "running")
    ]


def misread(asked: list[tuple[str, list[tuple]]]) -> list[tuple[str, list, list]]:
    return [(q, got, want) for q, want in asked if (got := year_filters(q)) != want]


def names(answer, edition: str = "R7") -> set[str]:
    return {r.name for r in answer.projects if r.edition == edition}


# -- every printed year, every form, every relation ----------------------------------------------


@pytest.mark.parametrize("words,kind,op", JA_RELATIONS, ids=[w for w, _, _ in JA_RELATIONS])
def test_every_year_in_every_japanese_form_with_every_relation(words, kind, op):
    asked = [
        (words.format(y=said), [(kind, op, code, None)])
        for printed in PRINTED_YEARS
        for said, code in ja_forms(printed).items()
    ]
    assert not misread(asked)


@pytest.mark.parametrize("words,kind,op", EN_RELATIONS, ids=[w for w, _, _ in EN_RELATIONS])
def test_every_year_in_every_english_form_with_every_relation(words, kind, op):
    asked = [
        (words.format(y=said), [(kind, op, code, None)])
        for printed in PRINTED_YEARS
        for said, code in en_forms(printed).items()
    ]
    assert not misread(asked)


ANSWERED = {
    "{y}に終わる事業",
    "{y}まで続く事業",
    "{y}以前に終わる事業",
    "{y}より前に終わる事業",
    "{y}より後に終わる事業",
    "{y}に始まった事業",
    "{y}以降に始まった事業",
    "{y}までに始まった事業",
    "{y}より後に開始した事業",
    "projects ending in {y}",
    "projects lasting to {y}",
    "projects running until {y}",
    "projects ending by {y}",
    "projects ending in {y} or later",
    "projects ending in {y} or earlier",
    "projects ending before {y}",
    "projects ending earlier than {y}",
    "projects ending later than {y}",
    "projects starting in {y}",
    "projects started since {y}",
    "projects starting prior to {y}",
    "projects starting after {y}",
}


@pytest.mark.parametrize(
    "words,kind,op",
    [r for r in JA_RELATIONS + EN_RELATIONS if r[0] in ANSWERED],
    ids=[w for w, _, _ in JA_RELATIONS + EN_RELATIONS if w in ANSWERED],
)
def test_the_projects_answered_meet_the_year_said(shared, words, kind, op):
    """Each printed year as a bound: the R7 projects whose printed start or end meets it."""
    for printed in PRINTED_YEARS:
        answer = ask(shared, words.format(y=printed))
        want = {
            r.name
            for r in R7
            if year(getattr(r, kind)) is not None
            and COMPARE[op](year(getattr(r, kind)), year(printed))
        }
        assert answer.status == "ok" or not want, answer.text
        assert names(answer) == want, (words, printed, answer.text)


# -- a start and an end together ----------------------------------------------------------------

BOTH = [
    "始期が{s}で終期が{e}の事業",
    "{s}に始まって{e}に終わる事業",
    "{s}から始まって{e}まで続く事業",
    "{e}に終わる、{s}に開始した事業",
    "開始が{s}、終了が{e}の事業",
    "開始{s}、終了{e}の事業",
    "終了{e}、開始{s}の事業",
    "{s}年度中に始まって{e}年度中に終わる事業",
    "{s}を開始年度、{e}を終了年度とする事業",
    "projects started in {s} and ending in {e}",
    "projects with {s} as start and {e} as end",
    "projects with {e} as end and {s} as start",
    "projects that end in {e} and started in {s}",
]


@pytest.mark.parametrize("form", BOTH)
def test_every_printed_period_said_by_its_start_and_end(shared, form):
    for s, e in PERIODS:
        question = form.format(s=s, e=e)
        got = sorted(year_filters(question))
        assert got == sorted([("start", "eq", s, None), ("end", "eq", e, None)]), question
        answer = ask(shared, question)
        assert names(answer) == {r.name for r in R7 if (r.start, r.end) == (s, e)}, answer.text


# -- two years: a range either way round, a period, the bounds of a period ----------------------

PAIRS = [(a, b) for a in PRINTED_YEARS for b in PRINTED_YEARS if year(a) < year(b)]
RANGES = [
    ("{a}〜{b}に終わる事業", "end"),
    ("終期が{a}〜{b}の事業", "end"),  # the word at the very start of the question
    ("始期が{b}から{a}の事業", "start"),
    # The start or end word as far from the years as is read with them (4 after, 6 before).
    ("{a}〜{b}の年度に終了した事業", "end"),
    ("終了した年度は、{a}〜{b}の事業", "end"),
    ("開始した年度は、{b}から{a}の事業", "start"),
    ("{b}から{a}に終わる事業", "end"),  # either way round
    ("{a}から{b}までに終了する事業", "end"),
    ("{a}-{b}に始まった事業", "start"),
    ("{b}→{a}に開始した事業", "start"),
    ("projects ending between {a} and {b}", "end"),
    ("projects ending between {b} and {a}", "end"),
    ("projects that started from {a} to {b}", "start"),
    ("projects starting {b} through {a}", "start"),
]


def western(code: str) -> str:
    return f"FY{year(code)}"


@pytest.mark.parametrize("form,kind", RANGES, ids=[f for f, _ in RANGES])
def test_a_range_of_years_either_way_round(shared, form, kind):
    for a, b in PAIRS:
        wa, wb = western_code(year(a)), western_code(year(b))  # FY2019 is R1, as H31 is
        for said_a, said_b, low, high in ((a, b, a, b), (western(a), western(b), wa, wb)):
            question = form.format(a=said_a, b=said_b)
            assert year_filters(question) == [(kind, "between", low, high)], question
        answer = ask(shared, form.format(a=a, b=b))
        want = {
            r.name
            for r in R7
            if year(getattr(r, kind)) is not None and year(a) <= year(getattr(r, kind)) <= year(b)
        }
        assert names(answer) == want, answer.text


@pytest.mark.parametrize(
    "form",
    ["事業期間が{a}〜{b}の事業", "{b}から{a}までの事業", "projects that run from {a} to {b}"],
)
def test_two_years_with_no_start_or_end_word_are_a_period(shared, form):
    for s, e in PERIODS:
        if s == e:
            continue
        question = form.format(a=s, b=e)
        assert year_filters(question) == [("start", "eq", s, None), ("end", "eq", e, None)]
        answer = ask(shared, question)
        assert names(answer) == {r.name for r in R7 if (r.start, r.end) == (s, e)}, answer.text


@pytest.mark.parametrize(
    "form", ["{a}〜{b}の間に収まる事業", "{b}から{a}以内に収まる事業", "projects within {a} to {b}"]
)
def test_two_years_a_period_falls_within(shared, form):
    for a, b in PAIRS:
        question = form.format(a=a, b=b)
        assert year_filters(question) == [("start", "ge", a, None), ("end", "le", b, None)]
    for a, b in PAIRS[::3]:
        answer = ask(shared, form.format(a=a, b=b))
        want = {
            r.name
            for r in R7
            if year(r.start) and year(r.end) and year(a) <= year(r.start) and year(r.end) <= year(b)
        }
        assert names(answer) == want, answer.text


def test_a_range_of_years_counted_from_today():
    """来年度〜再来年度に終わる: the two years counted from today, in the order said."""
    for a, b in [("来年度", "再来年度"), ("今年度", "来年度"), ("昨年度", "今年度")]:
        said = f"{a}〜{b}に終わる事業"
        assert year_filters(said) == [
            ("end", "between", f"@{RELATIVE_JA[a]}", f"@{RELATIVE_JA[b]}")
        ]


def test_two_editions_compared_are_no_years_of_projects():
    """R6からR7で予算が増えた: the two editions compared, no condition on years."""
    for q in [
        "R6からR7で予算が増えた事業",
        "R7からR6で何が変わった",
        "between R6 and R7 what changed",
    ]:
        query = understand(q)
        assert query.compared == ["R6", "R7"] and not year_filters(q), q


# -- years counted from today -------------------------------------------------------------------

RELATIVE_JA = {
    "今年度": 0,
    "本年度": 0,
    "来年度": 1,
    "再来年度": 2,
    "昨年度": -1,
    "前年度": -1,
    "一昨年度": -2,
    **{f"{n}年前": -n for n in range(1, 6)},
    **{f"{n}年後": n for n in range(1, 6)},
    **{f"{n}年度先": n for n in range(1, 6)},
}
RELATIVE_EN = {
    "this year": 0,
    "this fiscal year": 0,
    "next year": 1,
    "next fiscal year": 1,
    "last year": -1,
    "last fiscal year": -1,
    **{f"{w} years ago": -n for n, w in enumerate(["one", "two", "three", "four", "five"], 1)},
    **{f"{n} years ago": -n for n in range(2, 6)},
    **{f"in {n} years": n for n in range(2, 6)},
    **{f"{w} years from now": n for n, w in enumerate(["two", "three", "four", "five"], 2)},
}
NOW = datetime(2026, 12, 7, 10, tzinfo=TOKYO)  # fiscal year 2026, R8


@pytest.mark.parametrize(
    "words,kind,op", [r for r in JA_RELATIONS if "{y}に" in r[0] or "{y}以" in r[0]]
)
def test_a_year_counted_from_today_in_japanese(shared, words, kind, op):
    asked = [(words.format(y=said), [(kind, op, f"@{n}", None)]) for said, n in RELATIVE_JA.items()]
    assert not misread(asked)


EN_RELATIVE_RELATIONS = [
    ("projects ending {y}", "end", "eq"),
    ("which projects end {y}?", "end", "eq"),
    ("projects ending {y} or later", "end", "ge"),
    ("projects ending {y} or earlier", "end", "le"),
    ("projects ending before {y}", "end", "lt"),
    ("projects that started {y}", "start", "eq"),
    ("projects starting {y} or later", "start", "ge"),
    ("projects starting after {y}", "start", "gt"),
]


@pytest.mark.parametrize("words,kind,op", EN_RELATIVE_RELATIONS)
def test_a_year_counted_from_today_in_english(shared, words, kind, op):
    asked = [(words.format(y=said), [(kind, op, f"@{n}", None)]) for said, n in RELATIVE_EN.items()]
    assert not misread(asked)


@pytest.mark.parametrize("said,n", [*RELATIVE_JA.items()][:7])
def test_a_year_counted_from_today_is_answered_against_the_day_asked(shared, said, n):
    """来年度に終わる事業 asked in FY2026: the projects ending in FY2027 (R9)."""
    asked = 2026 + n
    for question, kind in ((f"{said}に終わる事業", "end"), (f"{said}に始まった事業", "start")):
        answer = ask(shared, question, now=NOW)
        want = {r.name for r in R7 if year(getattr(r, kind)) == asked}
        assert names(answer) == want, answer.text


# -- running in a year --------------------------------------------------------------------------

RUNNING = [
    "{y}に実施中の事業",
    "{y}に続いている事業",
    "{y}で進行中の事業",
    "{y}でも継続中の事業",
    "projects still running in {y}",
    "projects active in {y}",
    "projects that run in {y}",
    "which projects are ongoing in {y}?",
    "projects active during {y}",
    "projects running through {y}",
]


@pytest.mark.parametrize("form", RUNNING)
def test_running_in_every_printed_year(shared, form):
    """Started by then and not ended before it (an end not printed still runs)."""
    for printed in PRINTED_YEARS:
        question = form.format(y=printed)
        assert year_filters(question) == [("running", "eq", printed, None)], question
    for printed in PRINTED_YEARS[::2]:
        answer = ask(shared, form.format(y=printed))
        asked = year(printed)
        want = {
            r.name
            for r in R7
            if (year(r.start) is None or year(r.start) <= asked)
            and (year(r.end) is None or year(r.end) >= asked)
        }
        assert names(answer) == want, answer.text


@pytest.mark.parametrize(
    "form", ["今も続いている事業", "現在実施中の事業", "実施中の事業", "projects still running now"]
)
def test_running_now_is_this_year(form):
    assert year_filters(form) == [("running", "eq", "@0", None)]


@pytest.mark.parametrize(
    "form,read",
    [
        ("昔から続いている事業", []),
        ("ずっと続いている事業", []),
        (
            "R6開始の事業で、今もまだ続いている",
            [("running", "eq", "@0", None), ("start", "eq", "R6", None)],
        ),
        ("R10まで続いている事業", [("end", "eq", "R10", None)]),
        ("projects running until R10", [("end", "eq", "R10", None)]),
    ],
)
def test_how_long_a_project_runs_is_no_year_it_runs_in(form, read):
    """昔から続いている: how long, no year; R6開始…今も続いている: R6 is the start, now the
    year it runs in; R10まで続いている: the end."""
    assert year_filters(form) == read, form


def test_running_now_beside_a_group(vocab):
    query = understand("教育庁の今も実施中の事業", vocab)
    assert [(f.kind, f.value) for f in query.filters] == [
        ("department", "教育庁"),
        ("running", "@0"),
    ]
    assert not query.unknown


# -- editions said by their year ----------------------------------------------------------------

EDITION_FORMS = [
    "{c}版の事業は何件？",
    "{c}の事業は何件？",
    "令和{n}年度版の事業は何件？",
    "{w}年度版の事業は何件？",
    "{c}のロードマップの事業は何件？",
    "How many projects are in the {c} edition?",
    "How many projects are in the FY{w} edition?",
    "How many projects in the {c} roadmap?",
]
DOCUMENTS = {"R6": R6, "R7": R7}


@pytest.mark.parametrize("form", EDITION_FORMS)
def test_an_edition_said_by_its_year_answers_its_projects(shared, form):
    """Each edition said every way: its projects, and only its own, as its document prints."""
    for code, printed in DOCUMENTS.items():
        n = int(code[1:])
        answer = ask(shared, form.format(c=code, n=n, w=2018 + n))
        assert answer.status == "ok", answer.text
        assert {p.edition for p in answer.projects} == {code}, answer.text
        assert sorted(p.name for p in answer.projects) == sorted(r.name for r in printed)
        assert f"{len(printed)}" in re.findall(r"\d+", answer.text), answer.text


@pytest.mark.parametrize(
    "said,edition",
    [
        ("前の版の事業", "previous"),
        ("前の版（R6）の事業", "previous"),
        ("projects of the previous edition", "previous"),
        ("最新版の事業", "latest"),
        ("latest edition projects", "latest"),
        ("前の版と最新版の事業", "previous"),
        ("R6のときの事業費", "R6"),
        ("R6当時の予算", "R6"),
        ("R7版の事業", "R7"),
        ("令和7年度版の事業", "R7"),
        ("2025年度版の事業", "R7"),
        ("FY2025 edition projects", "R7"),
        ("in the r7 roadmap", "R7"),
    ],
)
def test_the_edition_read(said, edition):
    query = understand(said)
    assert query.edition == edition and not year_filters(said), said


@pytest.mark.parametrize("code", DOCUMENTS)
@pytest.mark.parametrize("form", ["{c}事業費が多い事業", "{c}年度事業費の大きい順", "{c} budget"])
def test_a_budget_labelled_by_its_year_is_that_editions(code, form):
    """R6事業費: the budget the R6 edition prints (its label), the R6 edition asked."""
    query = understand(form.format(c=code))
    assert (query.edition, query.budget_year, "budget" in query.fields) == (code, code, True)


def test_a_labelled_budget_beside_an_edition_named_keeps_the_edition():
    query = understand("前の版のR7事業費")
    assert (query.edition, query.budget_year) == ("previous", "R7")


@pytest.mark.parametrize("code", [c for c in PRINTED_YEARS if c.startswith("R")])
def test_a_year_labelling_a_budget_and_an_end_year_is_no_condition(code):
    """R7の事業費と事業終期: the budget of R7 and the end year asked, no project ending in R7."""
    for form in ("{c}の事業費と事業終期", "{c}の予算と期間", "{c} budget and end"):
        assert not year_filters(form.format(c=code)), form


# -- the end year not printed, new projects, names, empty parts, one year, 平成 -----------------


def test_no_end_year_printed(shared):
    undecided = {r.name for r in R7 if year(r.end) is None}
    for said in [
        "終期が未定の事業",
        "終期が書かれてない事業",
        "no end year",
        "open-ended projects",
    ]:
        assert names(ask(shared, said)) == undecided, said
    for said in [
        "終期が書かれてないものは数えないで",
        "終期が未定の事業は除いて",
        "終期が書いてある事業",
        "projects with an end year",
    ]:
        assert year_filters(said) == [("end", "ne", None, None)], said
        assert names(ask(shared, said)) == {r.name for r in R7} - undecided, said
    # Left out again (以外): the negation finds the condition where it was said.
    for said in ["終期が書いてある事業以外", "終期が書かれてないものは数えないで以外"]:
        assert names(ask(shared, said)) == undecided, said


def test_the_end_not_printed_said_twice_is_read_each_time():
    said = "終期が書かれてないものは数えないで、no end year printed"
    assert [(f.kind, f.op, f.value) for f in understand(said).filters] == [
        ("end", "ne", None),
        ("end", "eq", None),
    ]


def test_an_end_year_not_printed_said_negatively_is_the_condition_itself():
    """終期が書かれてない / don't have an end year: the negation is the condition's own."""
    for said, negated in [
        ("終期が未定の事業", False),
        ("終期が書かれてない事業", True),
        ("終期がない事業", True),
        ("projects that do not have an end year", True),
        ("projects without an end year", True),
        ("projects with no end year", True),
        ("end year is blank", False),
    ]:
        (f,) = understand(said).filters
        assert (f.kind, f.op, f.value, f.negated) == ("end", "eq", None, negated), said


@pytest.mark.parametrize("code", DOCUMENTS)
@pytest.mark.parametrize(
    "form",
    [
        "{c}版の新しく始まった事業",
        "{c}版の新規事業",
        "{c}版の新設の事業",
        "new projects in the {c} edition",
    ],
)
def test_new_projects_are_those_starting_in_the_editions_year(shared, code, form):
    answer = ask(shared, form.format(c=code))
    want = {r.name for r in DOCUMENTS[code] if r.start == code}
    assert names(answer, code) == want, answer.text


@pytest.mark.parametrize("code", [c for c in PRINTED_YEARS if c.startswith("R")])
def test_a_year_said_with_new_is_the_start_said(code):
    """「R5に新しく始まった」: the year said is the start; 新しく only says it is new."""
    for form in ("{c}に新しく始まった事業", "{c}に新規に始まった事業", "{c}に新たに始まった事業"):
        assert year_filters(form.format(c=code)) == [("start", "eq", code, None)], form


def test_new_without_a_year_is_the_editions_own_year():
    for said in ["新しく始まった事業", "新規事業", "new projects"]:
        assert year_filters(said) == [("start", "eq", "@edition", None)], said


def test_added_to_the_edition():
    for said in ["新しく追加された事業", "新たに加わった事業", "newly added projects"]:
        assert [(f.kind, f.op, f.value) for f in understand(said).filters] == [
            ("added", "eq", True)
        ], said


# Words printed in the R7 names (and one printed in none), by hand.
NAME_WORDS = ["DX", "ICT", "オンライン", "デジタル", "支援", "補助", "AI", "ネット", "ロボット"]


@pytest.mark.parametrize("word", NAME_WORDS)
def test_a_word_of_the_name(shared, word):
    having = {r.name for r in R7 if word.lower() in r.name.lower()}
    for form in [
        "事業名に{w}が入っている事業",
        "名前に「{w}」が付く事業",
        "projects with {w} in their name",
    ]:
        answer = ask(shared, form.format(w=word))
        assert names(answer) == having, answer.text
    for form in ["事業名に{w}が入ってない事業", "projects without {w} in their name"]:
        answer = ask(shared, form.format(w=word))
        assert names(answer) == {r.name for r in R7} - having, answer.text


def test_two_words_left_out_of_the_name(shared):
    for a, b in itertools.pairwise(NAME_WORDS):
        answer = ask(shared, f"事業名に{a}も{b}も入ってない事業")
        want = {r.name for r in R7 if a.lower() not in r.name.lower()}
        want -= {r.name for r in R7 if b.lower() in r.name.lower()}
        assert names(answer) == want, answer.text


def test_an_empty_part_of_the_document(shared):
    from tests.document_lines import PRINTED

    blank = {p.row.name for p in PRINTED if p.edition == "R7" and p.achievements_blank}
    for said in ["主な取組実績が空の事業", "実績が空欄の事業", "projects with empty achievements"]:
        assert names(ask(shared, said)) == blank, said
    for said, part in [("概要が空の事業", "summary"), ("projects with no summary", "summary")]:
        assert [(f.kind, f.value) for f in understand(said).filters] == [("empty", part)]


def test_one_year_only(shared):
    same = {r.name for r in R7 if year(r.start) and r.start == r.end}
    for said in ["単年度の事業", "1年だけの事業", "同じ年度に終わる事業", "single-year projects"]:
        assert names(ask(shared, said)) == same, said


def test_started_in_heisei(shared):
    heisei = {r.name for r in R7 if (r.start or "").startswith("H")}
    for said in ["平成に始まった事業", "平成の事業", "projects from the heisei era"]:
        assert year_filters(said) == [("start", "le", "H31", None)], said
        assert names(ask(shared, said)) == heisei, said
    for n in range(20, 32):  # a 平成 year said is that year, never the era
        assert year_filters(f"平成{n}年度に始まった事業") == [("start", "eq", f"H{n}", None)]
        assert year_filters(f"終期が平成{n}年度の事業") == [("end", "eq", f"H{n}", None)]


# -- a year with no start or end word ------------------------------------------------------------


@pytest.fixture(scope="module")
def vocab():
    from bot.ingest import parse_file
    from bot.vocabulary import build

    return build([("R6", parse_file(R6_FILE).projects), ("R7", parse_file(R7_FILE).projects)])


@pytest.mark.parametrize("code", [c for c in PRINTED_YEARS if c.startswith("R")])
def test_a_bare_year_is_the_edition_or_the_year_of_a_plan(vocab, code):
    """R6の事業: the R6 edition (an edition there is); No40のR9の計画: the plan's year."""
    query = understand(f"{code}の事業は何件？", vocab)
    edition = code if code in ("R6", "R7") else None
    assert (query.edition, query.year) == (edition, None if edition else code), code
    query = understand(f"No40の{code}の計画は？", vocab)
    assert (query.edition, query.year) == (None, code), code
    query = understand(f"No40の{code}の実績", vocab)
    assert (query.edition, query.year) == (None, code), code


@pytest.mark.parametrize("said,n", RELATIVE_JA.items())
def test_a_relative_year_of_a_plan_is_the_year_asked(vocab, said, n):
    """今年度の目標: the fiscal year asked; 来年度の事業は何件 has nothing to apply it to: ask."""
    query = understand(f"No40の{said}の計画", vocab)
    assert query.year == f"@{n}" and not query.unknown, said
    if "年" in said and said[0].isdigit():
        return  # 3年前の事業は何件 is read as a comparison (bot/understanding/operations.py)
    query = understand(f"{said}の事業は何件", vocab)
    assert query.year is None and said in query.unknown, said


def test_two_editions_compared_by_their_bare_years(vocab):
    for said in ["R7はR6より予算がいくら増えた", "R6とR7で予算の比較"]:
        query = understand(said, vocab)
        assert sorted(query.compared) == ["R6", "R7"], said
        assert (query.edition, query.year) == (None, None), said


def test_an_editions_year_said_of_its_budget_and_results(vocab):
    """R7の事業のR7事業費: the edition's own budget, no other year; R6の実績: what the R6
    edition's year did (read by the edition that reports it); No40のR6の実績: the year R6."""
    for said in ["R7の事業のR7事業費", "R7版の事業のR7事業費の合計"]:
        query = understand(said, vocab)
        assert (query.edition, query.budget_year, query.year) == ("R7", "R7", None), said
    for code in DOCUMENTS:
        query = understand(f"{code}の実績", vocab)
        assert (query.edition, query.edition_from_year, query.year) == (code, True, None)
        query = understand(f"No40の{code}の実績", vocab)
        assert (query.edition, query.edition_from_year, query.year) == (None, False, code)
    for said in ["来年度の予算は？", "No40の来年度の予算は？"]:
        query = understand(said, vocab)
        assert query.year is None and query.unknown == ["来年度"], said


@pytest.mark.parametrize("said,n", [*RELATIVE_JA.items()][:7])
def test_a_relative_year_is_the_year_asked_only_of_a_plan_result_or_count_of_it(vocab, said, n):
    """No40の来年度は何校: the year the count is asked of; 来年度の担当: nothing to apply it to;
    R6の実績と来年度の計画: which year 来年度 follows is not known beside R6 — asked back."""
    assert understand(f"No40の{said}は何校？", vocab).year == f"@{n}"
    assert understand(f"No40の{said}の目標は何件？", vocab).year == f"@{n}"
    for asked in (f"{said}の担当は？", f"R6の実績と{said}の計画"):
        query = understand(asked, vocab)
        assert query.year is None and query.unknown == [said], asked


@pytest.mark.parametrize("code", [c for c in PRINTED_YEARS if c.startswith("R")])
def test_an_edition_and_a_plans_year_said_together(vocab, code):
    query = understand(f"R6の事業の{code}の計画", vocab)
    assert (query.edition, query.year) == ("R6", code)


@pytest.mark.parametrize(
    "said,kind,op,value",
    [
        ("新しく追加された事業以外", "added", "ne", True),
        ("新規事業以外", "start", "ne", "@edition"),
        ("単年度の事業以外", "single_year", "ne", True),
        ("平成に始まった事業以外", "start", "gt", "H31"),
        ("事業名にDXが入っている事業以外", "name_has", "ne", "dx"),
        ("主な取組実績が空の事業以外", "empty", "ne", "achievements"),
        ("R8に実施中の事業以外", "running", "ne", "R8"),
    ],
)
def test_each_condition_left_out_is_its_opposite(shared, said, kind, op, value):
    """以外 said after a condition: the negation finds it where it was said and turns it over."""
    assert [(f.kind, f.op, f.value) for f in understand(said).filters] == [(kind, op, value)]
    everything = {r.name for r in R7}
    want = {
        "single_year": everything - {r.name for r in R7 if year(r.start) and r.start == r.end},
        "start": {r.name for r in R7 if year(r.start) and not (r.start or "").startswith("H")},
        "name_has": {r.name for r in R7 if "dx" not in r.name.lower()},
    }
    if kind in want and value != "@edition":
        assert names(ask(shared, said)) == want[kind], said
