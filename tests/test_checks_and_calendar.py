"""A value said to be checked (「No54の予算って9,840千円で合ってる？」), years asked in the
Western calendar, one group's projects compared side by side, and English negations of a year
range — generated over every project and group of the R7 edition, expected values read off the
documents' lines (tests/document_lines.py)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.answer import ask
from tests.conftest import R7_FILE
from tests.document_lines import rows, year

ROWS = rows(R7_FILE)
NUMBERED = [r for r in ROWS if r.no is not None]


def names(answer) -> set[str]:
    """The R7 projects an answer is about, by name (No33's number is not printed)."""
    return {r.name for r in answer.projects if r.edition == "R7"}


@pytest.mark.parametrize("row", NUMBERED, ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize(
    "form", ["No{n}の予算って{amount}で合ってる？", "No{n}の事業費は{amount}ですか？"]
)
def test_the_budget_printed_is_confirmed(shared, row, form):
    """Said right: yes, and the budget as printed."""
    answer = ask(shared, form.format(n=row.no, amount=f"{row.budget:,}千円"))
    assert answer.status == "ok", answer.text
    assert answer.text.count("はい") == 1 and "いいえ" not in answer.text, answer.text
    assert f"{row.budget:,}千円" in answer.text, answer.text


@pytest.mark.parametrize("row", NUMBERED, ids=lambda r: f"No{r.no}")
def test_a_budget_said_wrong_is_corrected(shared, row):
    """Said wrong (1,000千円 more): no, and the budget as printed — never a yes."""
    said = row.budget + 1000
    answer = ask(shared, f"No{row.no}の予算って{said:,}千円で合ってる？")
    assert answer.status == "ok", answer.text
    assert "いいえ" in answer.text and "はい" not in answer.text, answer.text
    assert f"{row.budget:,}千円" in answer.text and f"{said:,}千円" in answer.text, answer.text


WITH_PERIOD = [r for r in NUMBERED if year(r.start) and year(r.end)]


@pytest.mark.parametrize("row", WITH_PERIOD, ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize(
    "form,western",
    [
        ("No{n}の期間を西暦で教えて", "{y}年度"),
        ("No{n}の事業期間、西暦だと？", "{y}年度"),
        ("What is the period of No{n}? Please give the years in the Western calendar.", "FY{y}"),
    ],
)
def test_years_in_the_western_calendar(shared, row, form, western):
    """Each year printed, with its Western year beside it (R7 is FY2025)."""
    answer = ask(shared, form.format(n=row.no))
    assert answer.status == "ok", answer.text
    for code in (row.start, row.end):
        assert western.format(y=year(code)) in answer.text, (code, answer.text)


BY_CATEGORY: dict[str, list] = defaultdict(list)
for _row in ROWS:
    BY_CATEGORY[_row.category].append(_row)


@pytest.mark.parametrize("category", sorted(c for c, rs in BY_CATEGORY.items() if len(rs) >= 2))
@pytest.mark.parametrize(
    "form", ["{c}の事業について、事業費と始まった年度を比べたい", "{c}の事業の予算と期間を比較して"]
)
def test_one_group_compared_is_its_projects_side_by_side(shared, category, form):
    """No edition said: the group's projects, each with its budget and period — not R6 vs R7."""
    answer = ask(shared, form.format(c=category))
    members = BY_CATEGORY[category]
    assert answer.status == "ok", answer.text
    assert names(answer) == {r.name for r in members}, answer.text
    assert "R6" not in answer.text.replace("R6〜", ""), answer.text  # no older edition brought in
    for r in members:
        assert f"{r.budget:,}千円" in answer.text and f"{r.start}〜" in answer.text, answer.text


STARTS = sorted({r.start for r in ROWS if year(r.start)}, key=year)


@pytest.mark.parametrize("start", STARTS[1:])
@pytest.mark.parametrize(
    "form",
    [
        "Excluding projects that started in {y} or later, which are left?",
        "Leaving out everything that started in {y} or later, which projects are left?",
    ],
)
def test_an_english_negation_of_a_year_range(shared, start, form):
    """Everything started before that year, and only that."""
    answer = ask(shared, form.format(y=start))
    want = {r.name for r in ROWS if year(r.start) and year(r.start) < year(start)}
    assert answer.status == "ok", answer.text
    assert names(answer) == want, answer.text
