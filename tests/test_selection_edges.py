"""Selection at its edges (#28, mutation testing of bot/answer/selection.py): every kind of
condition met or not by every project of the real documents, how each condition is worded in
Japanese and English, what a selection says it computed, and the edition a question reads.

Expected values come from the documents' own lines (tests/document_lines.py, read without the
product's code) or from the hand-written tables below; none is computed with the functions
under test."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.answer.model import Computed
from bot.answer.selection import (
    Selection,
    by_text,
    computed_of,
    default_codes,
    edition_for,
    filter_words,
    find_project,
    nearest_terms,
    passes,
    resolve_relative,
    same,
    scope,
    select,
    text_terms_found,
    values_of,
    vocabulary_for,
)
from bot.fiscal_year import TOKYO
from bot.resolve import Resolution
from bot.sources import load_documents
from bot.store import Store
from bot.understanding import Filter, Query
from tests.conftest import R6_FILE, R7_FILE, copy_of, loaded_copy
from tests.document_lines import PRINTED, Printed, departments, rows, year

# -- each condition in words -----------------------------------------------------------------
# (the filter, its Japanese words, its English words), written by hand from the phrases.
WORDS = [
    (Filter("department", "eq", "教育庁"), "教育庁", "of 教育庁"),
    (Filter("section", "eq", "学校教育課"), "学校教育課", "of 学校教育課"),
    (
        Filter("department", "eq", "総合政策部", said="企画政策部"),
        "総合政策部（「企画政策部」のこの版での名前）",
        "of 総合政策部 (this edition's name for 企画政策部)",
    ),
    (Filter("department", "eq", "教育庁", said="教育庁"), "教育庁", "of 教育庁"),
    (Filter("section", "ne", "学校教育課"), "学校教育課以外", "other than 学校教育課"),
    (
        Filter("department", "ne", "総合政策部", said="企画政策部"),
        "総合政策部（「企画政策部」のこの版での名前）以外",
        "other than 総合政策部 (this edition's name for 企画政策部)",
    ),
    (Filter("category", "eq", "子育て"), "項目「子育て」", "in category 子育て"),
    (
        Filter("field", "eq", "暮らし・まち分野"),
        "分野「暮らし・まち分野」",
        "in field 暮らし・まち分野",
    ),
    (Filter("category", "ne", "子育て"), "項目「子育て」以外", "other than in category 子育て"),
    (Filter("name_has", "eq", "ICT"), "事業名に「ICT」あり", "with 「ICT」 in the name"),
    (
        Filter("name_has", "eq", "ict", said="ICT化"),
        "事業名に「ICT化」あり",
        "with 「ICT化」 in the name",
    ),
    (Filter("name_has", "ne", "ICT"), "事業名に「ICT」なし", "without 「ICT」 in the name"),
    (
        Filter("name_has", "ne", "ict", said="ICT化"),
        "事業名に「ICT化」なし",
        "without 「ICT化」 in the name",
    ),
    (
        Filter("empty", "eq", "achievements"),
        "主な取組実績が空欄",
        "with nothing printed under Main achievements",
    ),
    (Filter("empty", "eq", "summary"), "概要が空欄", "with nothing printed under Summary"),
    (Filter("running", "eq", "R8"), "R8に実施中", "running in R8"),
    (
        Filter("running", "eq", "R9", said="@1"),
        "来年度（R9）に実施中",
        "running in next fiscal year (R9)",
    ),
    (Filter("running", "ne", "R8"), "R8に実施中以外", "other than running in R8"),
    (Filter("single_year", "eq"), "始期と終期が同じ年度", "starting and ending in the same year"),
    (
        Filter("single_year", "ne"),
        "始期と終期が同じ年度以外",
        "other than starting and ending in the same year",
    ),
    (Filter("start", "between", "R5", "R8"), "R5〜R8に開始", "starting R5–R8"),
    (Filter("end", "between", "R7", "R9"), "R7〜R9に終了", "ending R7–R9"),
    (Filter("start", "outside", "R5", "R8"), "R5〜R8に開始以外", "other than starting R5–R8"),
    (Filter("end", "outside", "R7", "R9"), "R7〜R9に終了以外", "other than ending R7–R9"),
    (Filter("start", "eq", "R7"), "始期がR7", "starting in R7"),
    (Filter("start", "lt", "R7"), "始期がR7より前", "starting before R7"),
    (Filter("end", "le", "R8"), "終期がR8以前", "ending in or before R8"),
    (Filter("end", "ge", "R8"), "終期がR8以降", "ending in or after R8"),
    (Filter("end", "gt", "R8"), "終期がR8より後", "ending after R8"),
    (Filter("end", "eq", None), "終期が記載なし・未定", "no end year printed"),
    (Filter("end", "ne", "R10"), "終期がR10以外", "other than ending in R10"),
    (
        Filter("end", "ne", "R9", said="@1"),
        "終期が来年度（R9）以外",
        "other than ending in next fiscal year (R9)",
    ),
    (
        Filter("end", "eq", "R9", said="@1"),
        "終期が来年度（R9）",
        "ending in next fiscal year (R9)",
    ),
    (
        Filter("start", "ge", "R5", said="@-3"),
        "始期が3年前（R5）以降",
        "starting in or after 3 years ago (R5)",
    ),
    (
        Filter("budget", "between", 10_000, 50_000),
        "事業費 10,000〜50,000千円",
        "with budget 10,000–50,000 thousand yen",
    ),
    (
        Filter("budget", "outside", 10_000, 50_000),
        "事業費 10,000〜50,000千円以外",
        "other than with budget 10,000–50,000 thousand yen",
    ),
    (
        Filter("budget", "band", 10_000, 20_000),
        "事業費が10,000千円以上20,000千円未満",
        "with budget from 10,000 up to (not including) 20,000 thousand yen",
    ),
    (
        Filter("budget", "ge", 100_000),
        "事業費が100,000千円以上",
        "with budget at least 100,000 thousand yen",
    ),
    (
        Filter("budget", "lt", 10_000),
        "事業費が10,000千円未満",
        "with budget under 10,000 thousand yen",
    ),
    (
        Filter("budget", "eq", 50_000),
        "事業費が50,000千円",
        "with budget exactly 50,000 thousand yen",
    ),
    (
        Filter("budget", "ne", 50_000),
        "事業費が50,000千円以外",
        "other than with budget exactly 50,000 thousand yen",
    ),
    (Filter("priority_frame", "eq", True), "重点枠事業", "in the priority budget"),
    (Filter("priority_frame", "eq", False), "重点枠事業以外", "not in the priority budget"),
    (Filter("future_response", "eq", True), "将来対応分", "planned for a later phase"),
    (Filter("future_response", "eq", False), "将来対応分以外", "not planned for a later phase"),
    (
        Filter("added", "eq", True),
        "前の版にない（新規掲載）",
        "not in the previous edition (newly listed)",
    ),
    (
        Filter("text", "eq", "オンライン診療"),
        "「オンライン診療」関連（本文に記載あり）",
        "mentioning 「オンライン診療」",
    ),
    (
        Filter("text", "eq", "オンライン", said="online"),
        "「online」関連（本文に記載あり）",
        "mentioning 「online」",
    ),
    (
        Filter("text", "ne", "オンライン診療"),
        "「オンライン診療」関連（本文に記載あり）以外",
        "other than mentioning 「オンライン診療」",
    ),
    (Filter("projects", "eq", "R7/No30,R7/No31", "No30〜No31"), "No30〜No31", "No30〜No31"),
    (Filter("unknown_kind", "eq", "何か"), "何か", "何か"),
]


@pytest.mark.parametrize(
    ("f", "ja", "en"), WORDS, ids=[f"{f.kind}-{f.op}-{f.value}-{f.said}" for f, _, _ in WORDS]
)
def test_each_condition_in_words(f, ja, en):
    assert filter_words(f, "ja") == ja
    assert filter_words(f, "en") == en


# -- every condition against every project of both real editions ------------------------------
@pytest.fixture(scope="module")
def both():
    """Both real editions in a store of this module's own: the vocabulary and what each
    edition prints are cached per store, and a store shared with other modules (or with the
    process a mutation run forks from) would answer from what it cached before."""
    return loaded_copy([R6_FILE, R7_FILE])


@pytest.fixture(scope="module")
def projects(both):
    """Each printed block beside the project the store holds for it (by position)."""
    pairs = []
    for edition in ("R6", "R7"):
        held = {p.position: p for p in both.projects(edition)}
        pairs += [(pr, held[pr.row.position]) for pr in PRINTED if pr.edition == edition]
    assert len(pairs) == 27 + 33  # every block of both documents
    return pairs


def test_the_documents_read_by_hand():
    """The hand reading finds what the documents print (counted on the pages)."""
    r6 = [p for p in PRINTED if p.edition == "R6"]
    r7 = [p for p in PRINTED if p.edition == "R7"]
    assert {p.field for p in PRINTED} == {"暮らし・まち分野"}
    assert all(p.flags is not None for p in r6) and all(p.flags is None for p in r7)
    assert sum(p.flags[0] for p in r6) == 15  # ○ under 重点枠事業 in 15 of R6's 27 blocks
    assert sum(p.achievements_blank for p in r7) == 9 and all(p.achievements_blank for p in r6)


def check(projects, f, expected, added=None, hits=None):
    """passes() over every project of the filter's edition(s), against the expectation."""
    wrong = [
        (pr.edition, pr.row.position, pr.row.name)
        for pr, p in projects
        if passes(p, f, hits or {}, added) != expected(pr)
    ]
    assert not wrong, (f, wrong)


GROUP_VALUES = sorted(
    {("category", p.row.category) for p in PRINTED}
    | {("department", d) for p in PRINTED for d in departments(p)}
    | {("section", s) for p in PRINTED for s in p.row.sections}
    | {("field", p.field) for p in PRINTED}
)


@pytest.mark.parametrize("op", ["eq", "ne"])
@pytest.mark.parametrize(("kind", "value"), GROUP_VALUES)
def test_a_group_against_every_project(projects, kind, value, op):
    def filed(p: Printed) -> list[str]:
        return {
            "category": [p.row.category],
            "department": departments(p),
            "section": p.row.sections,
            "field": [p.field],
        }[kind]

    def one(v: str) -> str:  # R6 spells 障害, R7 障がい: one section either way
        return v.replace("障害", "障がい")

    inside = lambda p: one(value) in map(one, filed(p))  # noqa: E731
    check(projects, Filter(kind, op, value), lambda p: inside(p) == (op == "eq"))


def test_a_section_renamed_in_spelling_is_one_section(projects):
    """障害福祉課 (R6) and 障がい福祉課 (R7) are one section, asked either way."""
    for said in ("障害福祉課", "障がい福祉課"):
        f = Filter("section", "eq", said)
        check(projects, f, lambda p: bool({"障害福祉課", "障がい福祉課"} & set(p.row.sections)))


YEAR_CODES = ["H31", "R3", "R5", "R6", "R7", "R8", "R10", "R11"]
COMPARE = {
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
}


@pytest.mark.parametrize("kind", ["start", "end"])
@pytest.mark.parametrize("op", list(COMPARE))
@pytest.mark.parametrize("code", YEAR_CODES)
def test_a_start_or_end_year_against_every_project(projects, kind, op, code):
    def holds(p: Printed) -> bool:
        have = year(p.row.start if kind == "start" else p.row.end)
        return have is not None and COMPARE[op](have, year(code))

    check(projects, Filter(kind, op, code), holds)


@pytest.mark.parametrize("kind", ["start", "end"])
@pytest.mark.parametrize("op", ["between", "outside"])
@pytest.mark.parametrize(
    ("low", "high"), [("R5", "R7"), ("R6", "R6"), ("H31", "R10"), ("R8", "R11")]
)
def test_a_range_of_years_against_every_project(projects, kind, op, low, high):
    def holds(p: Printed) -> bool:
        have = year(p.row.start if kind == "start" else p.row.end)
        if have is None:
            return False
        return (year(low) <= have <= year(high)) == (op == "between")

    check(projects, Filter(kind, op, low, high), holds)


@pytest.mark.parametrize("kind", ["start", "end"])
@pytest.mark.parametrize("op", ["eq", "ne"])
def test_a_year_not_printed(projects, kind, op):
    """終期が未定 / 記載なし: None or 未定 as printed meets "not printed"; "printed" the rest."""

    def holds(p: Printed) -> bool:
        undecided = (p.row.start if kind == "start" else p.row.end) in (None, "未定")
        return undecided == (op == "eq")

    check(projects, Filter(kind, op, None), holds)


def test_a_year_asked_that_is_no_year(projects):
    check(projects, Filter("start", "eq", "来年"), lambda p: False)
    check(projects, Filter("end", "between", "R7", "未定"), lambda p: False)


@pytest.mark.parametrize("op", ["eq", "ne"])
@pytest.mark.parametrize("code", YEAR_CODES)
def test_running_in_a_year_against_every_project(projects, op, code):
    """Started by then and not ended before; an end not printed or 未定 still runs, and is
    never said to have stopped."""

    def holds(p: Printed) -> bool:
        start, end, asked = year(p.row.start), year(p.row.end), year(code)
        inside = (start is None or start <= asked) and (end is None or end >= asked)
        if op == "eq":
            return inside
        return start is not None and p.row.end is not None and not inside

    check(projects, Filter("running", op, code), holds)


def test_running_in_no_year(projects):
    check(projects, Filter("running", "eq", "いつか"), lambda p: False)
    check(projects, Filter("running", "ne", "いつか"), lambda p: False)


@pytest.mark.parametrize("op", ["eq", "ne"])
@pytest.mark.parametrize(
    "word", ["ICT", "ict", "ＩＣＴ", "DX", "事業", "オンライン診療", "補助", "AX"]
)
def test_a_word_of_the_name_against_every_project(projects, op, word):
    def holds(p: Printed) -> bool:
        ascii_word = word.replace("ＩＣＴ", "ICT").lower()  # full width and case: one word
        return (ascii_word in p.row.name.lower()) == (op == "eq")

    check(projects, Filter("name_has", op, word), holds)


@pytest.mark.parametrize("op", ["eq", "ne"])
def test_nothing_printed_under_achievements_or_summary(projects, op):
    check(
        projects,
        Filter("empty", op, "achievements"),
        lambda p: p.achievements_blank == (op == "eq"),
    )
    # Every block prints a summary.
    check(projects, Filter("empty", op, "summary"), lambda p: (not p.row.summary) == (op == "eq"))


@pytest.mark.parametrize("op", ["eq", "ne"])
def test_one_year_only_against_every_project(projects, op):
    def holds(p: Printed) -> bool:
        one = year(p.row.start) is not None and p.row.start == p.row.end
        return one == (op == "eq")

    check(projects, Filter("single_year", op), holds)


# Amounts printed in the documents (thousand yen): the smallest, bounds, the largest.
AMOUNTS = [796, 1_500, 10_000, 50_000, 491_000]


@pytest.mark.parametrize("op", list(COMPARE))
@pytest.mark.parametrize("amount", AMOUNTS)
def test_a_budget_against_every_project(projects, op, amount):
    check(projects, Filter("budget", op, amount), lambda p: COMPARE[op](p.row.budget, amount))


@pytest.mark.parametrize("op", ["between", "outside", "band"])
@pytest.mark.parametrize(("low", "high"), [(796, 10_000), (10_000, 50_000), (50_000, 491_000)])
def test_a_budget_range_against_every_project(projects, op, low, high):
    def holds(p: Printed) -> bool:
        if op == "band":  # from the amount up to, not including, the next step
            return low <= p.row.budget < high
        return (low <= p.row.budget <= high) == (op == "between")

    check(projects, Filter("budget", op, low, high), holds)


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("value", [True, False])
def test_a_flag_against_every_project(projects, which, value):
    """○ under 重点枠事業 / 将来対応分 (R6); R7 prints neither column: no project meets either."""
    kind = ("priority_frame", "future_response")[which]
    check(
        projects,
        Filter(kind, "eq", value),
        lambda p: p.flags is not None and p.flags[which] is value,
    )


@pytest.mark.parametrize("op", ["eq", "ne"])
def test_words_of_the_text_are_looked_up_in_the_hits(projects, op):
    hits = {"遠隔": {"R7/No28", "R7/No43"}, "ほか": {"R6/#3"}}
    for word in ("遠隔", "ほか", "どこにもない"):
        check(
            projects,
            Filter("text", op, word),
            lambda p, word=word: (
                (
                    f"{p.edition}/No{p.row.no}" in hits.get(word, set())
                    or f"{p.edition}/#{p.row.position}" in hits.get(word, set())
                )
                == (op == "eq")
            ),
            hits=hits,
        )


@pytest.mark.parametrize("op", ["eq", "ne"])
def test_projects_named_by_number(projects, op):
    named = {("R7", 30), ("R7", 31), ("R7", 55)}
    check(
        projects,
        Filter("projects", op, "R7/No30,R7/No31,R7/No55", "No30・No31・No55"),
        lambda p: ((p.edition, p.row.no) in named) == (op == "eq"),
    )


def test_new_to_the_edition(projects):
    """With the keys the previous edition lacks, those only; without any (no previous
    edition asked), every project."""
    added = {"R7/No28", "R7/No40"}
    check(
        projects,
        Filter("added", "eq", True),
        lambda p: (p.edition, p.row.no) in {("R7", 28), ("R7", 40)},
        added=added,
    )
    check(projects, Filter("added", "eq", True), lambda p: True)


def test_a_condition_of_no_known_kind_meets_nothing(projects):
    check(projects, Filter("colour", "eq", "青"), lambda p: False)


# -- what a selection says it computed ---------------------------------------------------------
COMPUTED = [
    ([], Computed(editions={"R7"})),
    (
        [Filter("department", "eq", "教育庁")],
        Computed(editions={"R7"}, groups={("department", "eq", "教育庁")}),
    ),
    (
        [Filter("department", "eq", "総合政策部", said="企画政策部")],
        Computed(
            editions={"R7"},
            groups={("department", "eq", "総合政策部"), ("department", "eq", "企画政策部")},
        ),
    ),
    (
        [Filter("section", "ne", "ＤＸ推進課")],  # full width, read as DX推進課 (normalised)
        Computed(editions={"R7"}, groups={("section", "ne", "dx推進課")}, negated=True),
    ),
    (
        [Filter("start", "between", "R5", "R8")],
        Computed(editions={"R7"}, years={"R5", "R8"}, fields={"start"}),
    ),
    (
        [Filter("end", "outside", "R7", "R9")],
        Computed(editions={"R7"}, years={"R7", "R9"}, fields={"end"}, negated=True),
    ),
    ([Filter("end", "eq", None)], Computed(editions={"R7"}, fields={"end"})),
    ([Filter("running", "eq", "R8")], Computed(editions={"R7"}, years={"R8"}, fields={"running"})),
    (
        [Filter("budget", "band", 10_000, 20_000)],
        Computed(editions={"R7"}, amounts={10_000, 20_000}, fields={"budget"}),
    ),
    (
        [Filter("budget", "ge", 0)],  # zero is an amount too
        Computed(editions={"R7"}, amounts={0}, fields={"budget"}),
    ),
    (
        [Filter("text", "eq", "遠隔"), Filter("name_has", "ne", "ICT")],
        Computed(editions={"R7"}, words={"遠隔", "ICT"}, negated=True),
    ),
    (
        [Filter("projects", "eq", "R7/No30,R7/No31", "No30〜No31")],
        Computed(editions={"R7"}, projects={"R7/No30", "R7/No31"}, numbers={30, 31}),
    ),
    (
        [Filter("projects", "ne", "R6/#3,R6/#10", "#3・#10")],  # unnumbered: keys, no numbers
        Computed(editions={"R7"}, projects={"R6/#3", "R6/#10"}, negated=True),
    ),
    (
        [Filter("department", "ne", "教育庁"), Filter("projects", "eq", "R7/No30", "No30")],
        Computed(
            editions={"R7"},
            groups={("department", "ne", "教育庁")},
            projects={"R7/No30"},
            numbers={30},
            negated=True,
        ),
    ),
    (
        [Filter("priority_frame", "eq", False)],
        Computed(editions={"R7"}, fields={"priority_frame"}, negated=True),
    ),
    (
        [Filter("future_response", "eq", True), Filter("single_year", "eq")],
        Computed(editions={"R7"}, fields={"future_response", "single_year"}),
    ),
    (
        [Filter("added", "eq", True), Filter("empty", "eq", "achievements")],
        Computed(editions={"R7"}, fields={"added", "empty"}),
    ),
]


@pytest.mark.parametrize(
    ("filters", "expected"), COMPUTED, ids=[str(c) for c in range(len(COMPUTED))]
)
def test_what_a_selection_computed(filters, expected):
    assert computed_of(Selection("R7", [], filters, [])) == expected


# -- the scope a heading states ----------------------------------------------------------------
DEPT_A, DEPT_B = Filter("department", "eq", "教育庁"), Filter("department", "eq", "警察本部")
SCOPES = [
    ([], 33, True, "R7版の全事業（33件）", "all 33 projects of the R7 edition"),
    ([], 33, False, "R7版の事業", "projects of the R7 edition"),
    (
        [DEPT_A],
        9,
        True,
        "R7版の教育庁の事業（9件）",
        "R7 edition projects of 教育庁 (9 project(s))",
    ),
    ([DEPT_A], 9, False, "R7版の教育庁の事業", "R7 edition projects of 教育庁"),
    ([DEPT_A], 1, True, "R7版の教育庁の事業（1件）", "R7 edition projects of 教育庁 (1 project)"),
    (
        [DEPT_A, DEPT_B],
        12,
        True,
        "R7版の教育庁または警察本部の事業（12件）",
        "R7 edition projects of 教育庁 or of 警察本部 (12 project(s))",
    ),
    (
        [DEPT_A, DEPT_B, Filter("start", "eq", "R7")],
        5,
        True,
        "R7版の教育庁または警察本部・始期がR7の事業（5件）",
        "R7 edition projects of 教育庁 or of 警察本部 and starting in R7 (5 project(s))",
    ),
    (
        [DEPT_A, Filter("category", "eq", "学校教育"), DEPT_B],
        9,
        True,
        "R7版の教育庁または警察本部・項目「学校教育」の事業（9件）",
        "R7 edition projects of 教育庁 or of 警察本部 and in category 学校教育 (9 project(s))",
    ),
    (
        [Filter("department", "ne", "教育庁"), Filter("department", "ne", "警察本部")],
        20,
        False,
        "R7版の教育庁以外・警察本部以外の事業",
        "R7 edition projects other than 教育庁 and other than 警察本部",
    ),
]


@pytest.mark.parametrize(
    ("filters", "n", "counted", "ja", "en"), SCOPES, ids=[s[3] for s in SCOPES]
)
def test_the_scope_in_words(both, filters, n, counted, ja, en):
    chosen = both.projects("R7")[:n]  # only their number is said
    selection = Selection("R7", chosen, filters, [])
    assert scope(selection, "ja", counted) == ja
    assert scope(selection, "en", counted) == en


# -- projects named by what their text says ------------------------------------------------------
def blocks_with(word: str, path: Path = R7_FILE) -> list[int]:
    """The numbers of the R7 blocks whose lines hold the word, in document order (No33 is
    not printed: the block between No32 and No34)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = rows(path)
    out = []
    for i, row in enumerate(found):
        end = found[i + 1].line - 1 if i + 1 < len(found) else len(lines)
        if any(word in ln for ln in lines[row.line - 1 : end]):
            out.append(row.position if path == R6_FILE else 33 if row.no is None else row.no)
    return out


def test_the_words_read_by_hand():
    assert blocks_with("kintone") == [23]
    assert blocks_with("ハザードマップ") == [49]
    assert blocks_with("ロボット") == [30, 31]
    assert blocks_with("遠隔") == [25, 28, 43]
    assert blocks_with("救急") == [26]
    assert blocks_with("オンライン診療") == [24, 25, 27, 34]
    assert blocks_with("UAV") == [52] and blocks_with("UAV", R6_FILE) == [25]  # R6 position 25
    assert len(blocks_with("事業")) == 33


NOWHERE = "どの版にも書かれていない言葉"
BY_TEXT = [
    # (words, status, the numbers matched in order, the words printed nowhere)
    (["kintone"], "ok", [23], []),
    (["ハザードマップ", NOWHERE], "ok", [49], [NOWHERE]),
    ([NOWHERE], "not_found", [], [NOWHERE]),
    (["ロボット"], "ambiguous", [30, 31], []),
    (["UAV"], "ok", [52], []),  # R6 prints it too: the edition asked only
    # A word in one project says more than one in three.
    (["遠隔", "救急"], "ok", [26], []),
    # No25 holds both (1/4 + 1/3); the others one each (at most 1/3): not close.
    (["オンライン診療", "遠隔"], "ok", [25], []),
]


@pytest.mark.parametrize(
    ("words", "status", "numbers", "missing"), BY_TEXT, ids=[str(b[0]) for b in BY_TEXT]
)
def test_a_project_named_by_its_words(both, words, status, numbers, missing):
    resolution, nowhere = by_text(both, words, "R7")
    assert (resolution.status, nowhere) == (status, missing)
    score = 80 if status == "ok" else 60
    assert [(m.project.key, m.score, m.how) for m in resolution.matches] == [
        (f"R7/No{no}", score, "text") for no in numbers
    ]


def test_at_most_eight_equally_close(both):
    """事業 is printed in every block: eight of them are offered, none chosen."""
    resolution, _ = by_text(both, ["事業"], "R7")
    assert resolution.status == "ambiguous" and len(resolution.matches) == 8
    assert {m.project.no for m in resolution.matches} <= set(blocks_with("事業"))


def test_words_found_and_not(both):
    assert text_terms_found(both, ["kintone", NOWHERE, "遠隔"], "R7") == (
        ["kintone", "遠隔"],
        [NOWHERE],
    )
    assert text_terms_found(both, ["kintone"], "R6") == ([], ["kintone"])


# -- the one project a question names ------------------------------------------------------------
# R6's fourth block, printed in R6 only (R7 prints no 見守り): its whole name as printed.
R6_ONLY = "ICTを活用した高齢者の見守り体制構築事業"


def test_a_name_printed_only_in_another_edition(both):
    assert (
        blocks_with("見守り") == []
        and next(r for r in rows(R6_FILE) if r.position == 4).name == R6_ONLY
    )
    asked = Query(raw=R6_ONLY, subject=R6_ONLY)
    found = find_project(both, asked, "R7")
    assert (found.status, found.project.key) == ("ok", "R6/#4")
    # With an edition said, only that edition's projects answer.
    asked = Query(raw=R6_ONLY, subject=R6_ONLY, edition="R7")
    assert find_project(both, asked, "R7").project is None


def test_nothing_named(both):
    assert find_project(both, Query(raw="?"), "R7") == Resolution("not_found")


def test_a_project_filed_under(both):
    p = next(p for p in both.projects("R7") if p.no == 40)
    assert values_of(p, "budget_note") == []  # nothing printed there
    assert values_of(p, "colour") == []  # no such column
    assert values_of(p, "category") == ["学校教育"]


# -- suggestions for words not understood -----------------------------------------------------
def printed_values() -> set[str]:
    """Every department, section, category and field either document prints."""
    return (
        {d for p in PRINTED for d in departments(p)}
        | {s for p in PRINTED for s in p.row.sections}
        | {p.row.category for p in PRINTED}
        | {p.field for p in PRINTED}
    )


NEAREST = [
    # (the words, the suggestions exactly)
    (["子育て支援"], ["子育て"]),  # a category
    (["インフラ整備"], ["インフラ"]),
    (["暮らし"], ["暮らし・まち分野"]),  # the field
    (["県土整備"], ["県土整備部"]),  # a department
    (["ぼうさい"], []),  # nothing written like it
    # A long word holding a printed one whole: found in it, however much longer it is.
    (["子育てについて詳しく知りたいのですがどうすればよいでしょうか"], ["子育て"]),
]


@pytest.mark.parametrize(("words", "expected"), NEAREST, ids=[w[0] for w, _ in NEAREST])
def test_suggestions_for_words_not_understood(both, words, expected):
    assert nearest_terms(vocabulary_for(both), words) == expected


def test_suggestions_are_printed_values_each_once(both):
    vocab = vocabulary_for(both)
    printed = printed_values()
    medical = nearest_terms(vocab, ["医療"])
    assert len(medical) == 3 and all("医療" in v for v in medical)  # three at most, by default
    # Seven printed values hold 医療; a word is compared with its six closest written forms.
    assert len({v for v in printed if "医療" in v}) == 7
    assert 3 < len(nearest_terms(vocab, ["医療"], limit=10)) <= 6
    both = nearest_terms(vocab, ["医療", "教育"], limit=10)
    assert len(both) == len(set(both)) > 4 and set(both) <= printed
    assert {v for v in both if "教育" in v} and {v for v in both if "医療" in v}
    school = nearest_terms(vocab, ["学校教育課"])
    assert school[0] == "学校教育課" and "学校教育" in school  # the section, then the category
    assert nearest_terms(vocab, ["警察"])[0] == "警察本部"
    # The prefecture's name says nothing: 青森県中央病院 is written like the hospital's sections.
    hospital = {"青森県立中央病院医療連携部", "青森県立中央病院医療情報部"}
    assert hospital <= set(nearest_terms(vocab, ["青森県中央病院"])) <= printed


# -- the edition a question reads --------------------------------------------------------------
@pytest.fixture(scope="module")
def r7_only():
    return loaded_copy([R7_FILE])


EDITIONS = [
    # (the query's edition, its fields, its filters, project number, both loaded, R7 only)
    (None, [], [], None, "R7", "R7"),
    ("latest", [], [], None, "R7", "R7"),
    ("previous", [], [], None, "R6", None),
    ("R6", [], [], None, "R6", None),
    ("R7", ["flags"], [], None, "R7", "R7"),
    # The flags are printed in R6 only: asked without an edition, R6 answers.
    (None, ["flags"], [], None, "R6", "R7"),
    (None, ["flags"], [], 40, "R7", "R7"),  # one project's flags: the project's edition
    ("latest", ["flags"], [], None, "R7", "R7"),
    (None, [], [Filter("priority_frame", "eq", True)], None, "R6", "R7"),
    (None, [], [Filter("future_response", "eq", False)], None, "R6", "R7"),
    (None, ["budget"], [Filter("department", "eq", "教育庁")], None, "R7", "R7"),
]


@pytest.mark.parametrize(("edition", "fields", "filters", "no", "with_r6", "alone"), EDITIONS)
def test_the_edition_a_question_reads(both, r7_only, edition, fields, filters, no, with_r6, alone):
    def asked():
        return Query(raw="?", edition=edition, fields=fields, filters=list(filters), project_no=no)

    assert edition_for(both, asked()) == with_r6
    assert edition_for(r7_only, asked()) == alone


def test_no_edition_loaded():
    empty = Store.memory()
    assert default_codes(empty) == []
    assert edition_for(empty, Query(raw="?")) is None


def test_the_editions_by_default(both, r7_only):
    assert default_codes(both) == ["R6", "R7"]
    assert default_codes(r7_only) == ["R7"]


# -- relative years read against today ------------------------------------------------------------
NOW = datetime(2026, 12, 7, 10, tzinfo=TOKYO)  # fiscal year R8
RELATIVE = [
    # (the value asked, upper, today, the year read, said)
    ("@0", None, NOW, "R8", "@0"),
    ("@1", None, NOW, "R9", "@1"),
    ("@-2", None, NOW, "R6", "@-2"),
    ("@1", "R10", NOW, "R9", "@1"),  # a range's upper year kept
    ("@1", None, None, "R8", "@1"),  # no moment known: the edition's own year (R7) + 1
    ("@edition", None, NOW, "R7", None),  # the edition's year whatever today is
    ("@edition", "R10", None, "R7", None),
    ("R5", "R8", NOW, "R5", None),  # not relative: kept
]


@pytest.mark.parametrize(("value", "upper", "now", "code", "said"), RELATIVE)
def test_a_relative_year(value, upper, now, code, said):
    (f,) = resolve_relative([Filter("start", "ge", value, upper)], "R7", now)
    assert (f.kind, f.op, f.value, f.upper, f.said) == ("start", "ge", code, upper, said)


def test_relative_years_keep_the_other_filters(both):
    others = [Filter("department", "eq", "教育庁"), Filter("budget", "ge", 10_000)]
    assert resolve_relative([others[0], Filter("end", "eq", "@1"), others[1]], "R7", NOW) == [
        others[0],
        Filter("end", "eq", "R9", said="@1"),
        others[1],
    ]


# -- selecting: conditions together ------------------------------------------------------------
def numbers_where(edition: str, holds) -> list:
    """The blocks of an edition meeting a condition, by number (R6: by position), in order."""
    out = [p for p in PRINTED if p.edition == edition and holds(p)]
    if edition == "R6":
        return [p.row.position for p in out]
    return sorted(33 if p.row.no is None else p.row.no for p in out)


def selected(store, edition, *filters, now=None):
    s = select(store, Query(raw="?", filters=list(filters), now=now), edition)
    assert s.edition == edition
    return [p.no if edition == "R7" else p.position for p in s.projects], s


# R7's projects the R6 document prints under no name, old or new (read off both documents;
# the ten R7で追加された事業は何件 counts).
NEW_IN_R7 = [28, 32, 34, 41, 42, 43, 47, 50, 51, 55]
SELECTS = [
    # (edition, filters, which blocks meet them all)
    ("R7", [], lambda p: True),
    # Values of one kind said together are either-or …
    ("R7", [DEPT_A, DEPT_B], lambda p: p.row.department in ("教育庁", "警察本部")),
    (
        "R7",
        [Filter("start", "eq", "R6"), Filter("start", "eq", "R7")],
        lambda p: p.row.start in ("R6", "R7"),
    ),
    (
        "R7",
        [Filter("end", "eq", "R7"), Filter("end", "eq", "R8")],
        lambda p: p.row.end in ("R7", "R8"),
    ),
    # … different kinds, and "not" of one kind, are all met.
    (
        "R7",
        [DEPT_A, Filter("start", "eq", "R7")],
        lambda p: p.row.department == "教育庁" and p.row.start == "R7",
    ),
    (
        "R7",
        [Filter("department", "ne", "教育庁"), Filter("department", "ne", "警察本部")],
        lambda p: p.row.department not in ("教育庁", "警察本部"),
    ),
    (
        "R7",
        [Filter("start", "ge", "R6"), Filter("start", "le", "R6")],
        lambda p: p.row.start == "R6",
    ),
    (
        "R7",
        [Filter("budget", "ge", 10_000), Filter("budget", "lt", 50_000)],
        lambda p: 10_000 <= p.row.budget < 50_000,
    ),
    ("R7", [Filter("text", "eq", "遠隔")], lambda p: p.row.no in (25, 28, 43)),
    (
        "R7",
        [Filter("text", "eq", "遠隔"), Filter("text", "ne", "オンライン診療")],
        lambda p: p.row.no in (28, 43),  # No25 prints both
    ),
    # Words of the text: each one met (not either-or), however many places print them.
    (
        "R7",
        [Filter("text", "eq", "遠隔"), Filter("text", "eq", "オンライン診療")],
        lambda p: p.row.no == 25,
    ),
    # Printed in 20 blocks, in more places than a search returns by default: all 20.
    ("R7", [Filter("text", "eq", "実施")], lambda p: (p.row.no or 33) in blocks_with("実施")),
    ("R7", [Filter("added", "eq", True)], lambda p: p.row.no in NEW_IN_R7),
    ("R6", [Filter("added", "eq", True)], lambda p: True),  # nothing before R6
    ("R6", [Filter("section", "eq", "障害福祉課")], lambda p: p.row.sections == ["障害福祉課"]),
    ("R6", [Filter("priority_frame", "eq", True)], lambda p: p.flags[0]),
]


@pytest.mark.parametrize(("edition", "filters", "holds"), SELECTS)
def test_conditions_together(both, edition, filters, holds):
    got, selection = selected(both, edition, *filters)
    assert got == numbers_where(edition, holds)
    assert selection.filters == filters and selection.absent == []


def test_a_relative_year_is_read_before_selecting(both):
    """今年度 asked on 2026-12-07 is R8 (not the R7 edition's own year)."""
    got, s = selected(both, "R7", Filter("end", "eq", "@0"), now=NOW)
    assert got == numbers_where("R7", lambda p: p.row.end == "R8")
    assert got != numbers_where("R7", lambda p: p.row.end == "R7")
    assert s.filters == [Filter("end", "eq", "R8", said="@0")]


ABSENT = [
    # (edition, a value named, whether the edition prints it)
    ("R7", Filter("section", "eq", "監理課"), False),  # R6 line: 県土整備部 監理課
    ("R6", Filter("section", "eq", "監理課"), True),
    ("R7", Filter("section", "eq", "捜査支援分析課"), True),
    ("R6", Filter("section", "eq", "捜査支援分析課"), False),
    ("R7", Filter("category", "eq", "地域公共交通"), True),
    ("R6", Filter("category", "eq", "地域公共交通"), False),
    ("R6", Filter("department", "eq", "環境政策部"), True),  # one of a joint cell
    ("R7", Filter("department", "eq", "どこにもない部"), False),
    ("R7", Filter("field", "eq", "産業・しごと分野"), False),
    ("R7", Filter("budget", "ge", 1), True),  # not a group: never absent
]


@pytest.mark.parametrize(("edition", "f", "printed"), ABSENT)
def test_a_value_the_edition_does_not_print(both, edition, f, printed):
    _, s = selected(both, edition, f)
    assert s.absent == ([] if printed else [f])
    if not printed:
        assert s.projects == []


def test_what_an_edition_prints_is_read_again_after_a_load(r7_only):
    store = copy_of(r7_only)
    f = Filter("section", "eq", "監理課")  # printed in R6 only
    assert selected(store, "R7", f)[1].absent == [f]
    load_documents(store, [R6_FILE])
    assert selected(store, "R6", f)[1].absent == []
    assert selected(store, "R6", f)[0] == numbers_where("R6", lambda p: "監理課" in p.row.sections)


def test_the_vocabulary_follows_the_editions(r7_only):
    store = copy_of(r7_only)
    before = vocabulary_for(store)
    assert vocabulary_for(store) is before  # kept while the editions stay the same
    assert "監理課" not in {t.value for t in before.surfaces(["section"]).values()}
    load_documents(store, [R6_FILE])
    after_load = vocabulary_for(store)
    assert after_load is not before
    assert "監理課" in {t.value for t in after_load.surfaces(["section"]).values()}


def test_a_former_name_names_the_renamed_project(both, r7_only):
    """R6's first block, へき地オンライン診療支援対策事業, is R7's No24 renamed (へき地オンライン
    診療支援推進事業, read off both documents): with both editions loaded the old name names
    both projects; with R7 alone, nothing."""
    old = next(r for r in rows(R6_FILE) if r.position == 1).name
    new = next(r for r in rows(R7_FILE) if r.no == 24).name
    assert (old, new) == ("へき地オンライン診療支援対策事業", "へき地オンライン診療支援推進事業")
    terms = vocabulary_for(both).terms_for(old)
    assert {(t.kind, t.value) for t in terms} == {("project", "R6/#1"), ("project", "R7/No24")}
    assert vocabulary_for(r7_only).terms_for(old) == []
    assert {t.value for t in vocabulary_for(r7_only).terms_for(new)} == {"R7/No24"}


def test_what_an_edition_prints_is_read_again_when_it_changes(r7_only, tmp_path):
    """The same edition loaded again from a document naming a section otherwise: the
    vocabulary and what the edition prints follow (the edition's own sha256 is its first
    document's, kept on a reload: they are stamped by every loaded document's)."""
    store = copy_of(r7_only)
    old, new = Filter("section", "eq", "捜査支援分析課"), Filter("section", "eq", "捜査分析課")
    assert selected(store, "R7", old)[1].absent == [] and selected(store, "R7", new)[1].absent == [
        new
    ]
    text = R7_FILE.read_text(encoding="utf-8")
    assert text.count("捜査支援分析課") == 1  # No47's one line
    changed = tmp_path / "roadmap_R7_kurashi-machi.txt"
    changed.write_text(text.replace("捜査支援分析課", "捜査分析課"), encoding="utf-8")
    sections = vocabulary_for(store).surfaces(["section"])
    assert "捜査支援分析課" in sections and "捜査分析課" not in sections
    load_documents(store, [changed])
    sections = vocabulary_for(store).surfaces(["section"])
    assert "捜査分析課" in sections and "捜査支援分析課" not in sections
    assert selected(store, "R7", old)[1].absent == [old]
    assert selected(store, "R7", new) == ([47], selected(store, "R7", new)[1])


def test_two_printed_values_read_alike():
    assert same("教育庁 学校教育課", "教育庁学校教育課")  # spaces aside
    assert same("ＤＸ推進課", "DX推進課")  # full width as half
    assert not same("教育庁", "警察本部")


def test_a_later_draft_is_read_only_when_named(tmp_path):
    """R8 as a draft (the R7 document with R8's budget labels, titled （案）): the editions by
    default stop at R7; named, R8 answers."""
    lines = R7_FILE.read_text(encoding="utf-8").split("\n")
    assert lines[3] == "令和7年度DX関連事業ロードマップ"  # the title
    lines[3] += "（案）"
    draft = tmp_path / "roadmap_R8_kurashi-machi.txt"
    draft.write_text("\n".join(lines).replace("R7事業費", "R8事業費"), encoding="utf-8")
    store = loaded_copy([R6_FILE, R7_FILE, draft])
    assert [e.code for e in store.editions()] == ["R6", "R7", "R8"]
    assert default_codes(store) == ["R6", "R7"]
    assert edition_for(store, Query(raw="?")) == "R7"
    assert edition_for(store, Query(raw="?", edition="previous")) == "R6"
    assert edition_for(store, Query(raw="?", edition="R8")) == "R8"
