"""The blind-written question bank (tests/bank/): every question graded against its writer's
gold. A question answered right stays right; the few still asked back are listed with their
outcome in tests/bank/known.json — a newly wrong answer fails, and so does a known one that is
now answered right (take it off the list: the bank only gets better)."""

from __future__ import annotations

import json

import pytest

from tests.bank.checker import BANK, questions
from tests.bank.runner import run

KNOWN: dict[str, str] = json.loads((BANK / "known.json").read_text(encoding="utf-8"))
QUESTIONS = list(questions())


def test_the_bank_is_large_and_mixed():
    """At least 600 questions, about 60 % Japanese, the rest English or mixed."""
    assert len(QUESTIONS) >= 600
    japanese = sum(q.lang == "ja" for q in QUESTIONS) / len(QUESTIONS)
    assert 0.5 <= japanese <= 0.7
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)


def test_no_known_outcome_is_a_wrong_answer():
    """Questions may be asked back while the bot cannot answer them; never answered wrongly."""
    assert not [i for i, outcome in KNOWN.items() if outcome == "wrong"]


@pytest.fixture(scope="module")
def grades(loaded_template):
    """Every question graded once per worker, against copies of the loaded store."""
    from tests.conftest import copy_of

    return {g.question.id: g for g in run(QUESTIONS, lambda: copy_of(loaded_template))}


@pytest.mark.parametrize("qid", [q.id for q in QUESTIONS])
def test_question(grades, qid):
    grade = grades[qid]
    expected = KNOWN.get(qid, "right")
    detail = f"{grade.question.text}\n{'; '.join(grade.reasons)}\n{grade.text}"
    if expected == "right":
        assert grade.outcome == "right", detail
    else:
        assert grade.outcome != "wrong", detail
        assert grade.outcome == expected, f"now {grade.outcome}: take it off known.json\n{detail}"
