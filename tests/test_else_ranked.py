"""「5億円を超える事業はある？なければ一番大きい事業は？」: the projects over the amount, or — when
there are none — that said, and the largest (smallest) of the office named or of the whole
edition. Every department of the latest edition, an amount above its largest budget and one
below it, in Japanese and English. Expected values from the parsed documents.
"""

from __future__ import annotations

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments

R7 = [p for p in EDITIONS["R7"] if p.budget_thousand_yen is not None]
DEPARTMENTS = sorted({d for p in R7 for d in departments(p)})


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def of(department: str) -> list:
    return [p for p in R7 if department in departments(p)]


def over_largest(projects: list) -> int:
    """An amount in 万円 just above the largest budget (千円)."""
    return max(p.budget_thousand_yen for p in projects) // 10 + 1


PHRASINGS = [
    "{d}で{man}万円を超える事業はある？なければ一番大きい事業は？",
    "{d}に{man}万円超の事業ってありますか。無ければ最大のものを教えて",
]


@pytest.mark.parametrize("phrasing", PHRASINGS)
def test_none_over_the_amount_then_the_largest(shared, phrasing):
    wrong = []
    for d in DEPARTMENTS:
        projects = of(d)
        question = phrasing.format(d=d, man=over_largest(projects))
        answer = ask(shared, question)
        top = max(p.budget_thousand_yen for p in projects)
        want = {p.no for p in projects if p.budget_thousand_yen == top}
        got = {r.no for r in answer.projects}
        if answer.status != "ok" or got != want or "ありません" not in answer.text:
            wrong.append((question, answer.text.splitlines()[0]))
    assert not wrong, wrong


def test_some_over_the_amount_are_listed(shared):
    wrong = []
    for d in DEPARTMENTS:
        projects = of(d)
        low = min(p.budget_thousand_yen for p in projects)
        question = f"{d}で{low * 1000:,}円以上の事業はある？なければ一番大きい事業は？"
        answer = ask(shared, question)
        want = {p.no for p in projects if p.budget_thousand_yen >= low}
        if answer.status != "ok" or {r.no for r in answer.projects} != want:
            wrong.append((question, answer.text.splitlines()[0]))
    assert not wrong, wrong


def test_in_english_over_the_whole_edition(shared):
    top = max(p.budget_thousand_yen for p in R7)
    millions = top // 1000 + 1
    answer = ask(shared, f"Is there any project over ¥{millions}M? If not, what's the biggest one?")
    assert answer.status == "ok", answer.text
    assert {r.no for r in answer.projects} == {p.no for p in R7 if p.budget_thousand_yen == top}
    assert answer.text.startswith("There are no"), answer.text
