"""Amounts said in a question in every way office staff say them (#23 item 6): the project's
own budget said back (「3,731千円って内訳は？」), a threshold with its comparison after it
("¥100 million or more"), the unit asked in English inside Japanese ("million yen で"), and a
project described by words no document prints. Generated over every project of the R7 edition;
expected values read off the documents' lines (tests/document_lines.py)."""

from __future__ import annotations

import pytest

from bot.answer import ask
from tests.conftest import R7_FILE
from tests.document_lines import rows

ROWS = rows(R7_FILE)
NUMBERED = [r for r in ROWS if r.no is not None]


def names(answer) -> set[str]:
    return {r.name for r in answer.projects if r.edition == "R7"}


@pytest.mark.parametrize("row", NUMBERED, ids=lambda r: f"No{r.no}")
def test_the_budget_said_back_is_the_one_answered(shared, row):
    """Its own budget said in the question is no condition to ask back about."""
    answer = ask(shared, f"No{row.no}の{row.budget:,}千円って、内訳どうなってるの？")
    assert answer.status == "ok", answer.text
    assert f"{row.budget:,}千円" in answer.text, answer.text


@pytest.mark.parametrize("millions", [5, 10, 50, 100, 200])
@pytest.mark.parametrize("more", [True, False])
def test_a_threshold_said_before_its_comparison(shared, millions, more):
    """ "¥100 million or more" / "or less": the projects at or past the amount, and only those."""
    said = "or more" if more else "or less"
    answer = ask(shared, f"Which projects have an R7 budget of ¥{millions} million {said}?")
    limit = millions * 1000  # thousand yen
    want = {r.name for r in ROWS if (r.budget >= limit if more else r.budget <= limit)}
    assert answer.status == "ok", answer.text
    assert names(answer) == want, answer.text


@pytest.mark.parametrize("row", NUMBERED[::3], ids=lambda r: f"No{r.no}")
def test_million_yen_asked_in_japanese(shared, row):
    """The budget in 千円 as printed, and in 百万円 as asked — never "million" in Japanese."""
    answer = ask(shared, f"No{row.no} の R7事業費、million yen で言うとどれくらい？")
    assert answer.status == "ok", answer.text
    assert f"{row.budget:,}千円" in answer.text and "百万円" in answer.text, answer.text
    assert "million" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What's the budget of the blockchain voting project?",
        "Who runs the metaverse tourism project?",
        "メタバース観光の事業の予算は？",
    ],
)
def test_a_project_described_by_words_nobody_prints_is_not_found(shared, question):
    """Not "no project matches" given as the budget: nothing was found."""
    answer = ask(shared, question)
    assert answer.status in ("not_found", "clarify"), answer.text
    assert not answer.projects, answer.text
