"""Which of two is smaller, larger, ends first or lasts longer, said before or after どっち /
どちら (「予算が小さいのはどっち？」 named the larger one before): generated over neighbouring
numbered projects of the R7 edition; expected values read off the documents' lines."""

from __future__ import annotations

import itertools

import pytest

from bot.answer import ask
from tests.conftest import R7_FILE
from tests.document_lines import rows, year

NUMBERED = [r for r in rows(R7_FILE) if r.no is not None]
PAIRS = [(a, b) for a, b in itertools.pairwise(NUMBERED) if a.budget != b.budget]
ENDED = [
    (a, b)
    for a, b in itertools.pairwise(NUMBERED)
    if year(a.end) and year(b.end) and a.end != b.end
]


def verdict(answer) -> str:
    return answer.verdict or ""


@pytest.mark.parametrize("a,b", PAIRS, ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize(
    "form,smaller",
    [
        ("No{a}とNo{b}、予算が小さいのはどっち？", True),
        ("No{a}とNo{b}、予算が大きいのはどちら？", False),
        ("No{a}とNo{b}でどっちが予算少ない？", True),
        ("Which is smaller, No{a} or No{b}?", True),
    ],
)
def test_the_smaller_or_larger_of_two(shared, a, b, form, smaller):
    answer = ask(shared, form.format(a=a.no, b=b.no))
    want = min(a, b, key=lambda r: r.budget) if smaller else max(a, b, key=lambda r: r.budget)
    assert answer.status == "ok", answer.text
    assert f"No{want.no}" in verdict(answer), (verdict(answer), answer.text)


@pytest.mark.parametrize("a,b", ENDED, ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize(
    "form,first",
    [
        ("No{a}とNo{b}、どちらが先に終わる？", True),
        ("No{a}とNo{b}はどちらが後まで続く？", False),
        ("Which ends first, No{a} or No{b}?", True),
    ],
)
def test_which_ends_first_or_lasts_longer(shared, a, b, form, first):
    answer = ask(shared, form.format(a=a.no, b=b.no))
    pick = min if first else max
    want = pick(a, b, key=lambda r: year(r.end))
    assert answer.status == "ok", answer.text
    assert f"No{want.no}" in verdict(answer), (verdict(answer), answer.text)


@pytest.mark.parametrize("a,b", PAIRS[::3], ids=lambda r: f"No{r.no}")
def test_the_ratio_of_two_budgets(shared, a, b):
    """「予算の比は？」 is a ratio, never the total (which it was)."""
    answer = ask(shared, f"No{a.no}とNo{b.no}の予算の比は？")
    assert answer.status == "ok", answer.text
    assert "倍" in answer.text and f"{a.budget + b.budget:,}千円" not in answer.text, answer.text
