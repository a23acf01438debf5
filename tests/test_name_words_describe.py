"""Words of a project's own name said beside its number (オンライン診療のNo24の予算) describe
the project named: the field asked is answered, never a sentence of its text instead. Every
numbered project of the latest edition, with a word cut from its printed name.
"""

from __future__ import annotations

import re

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS


def name_word(name: str) -> str | None:
    """The longest run of katakana or of kanji in the name (4+ characters), not its 事業."""
    runs = re.findall(r"[\u30a1-\u30fa\u30fc]{4,}|[\u4e00-\u9fff]{4,}", name)
    runs = [r.removesuffix("事業") for r in runs if len(r.removesuffix("事業")) >= 4]
    return max(runs, key=len) if runs else None


CASES = [(p, w) for p in EDITIONS["R7"] if p.no is not None and (w := name_word(p.name))]


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def test_names_hold_such_words():
    assert len(CASES) >= 10


@pytest.mark.parametrize(
    "phrasing", ["{w}のNo{no}の予算は？", "No{no}（{w}）の事業費", "No{no}の{w}の予算"]
)
def test_the_budget_of_the_project_described(shared, phrasing):
    wrong = []
    for p, word in CASES:
        answer = ask(shared, phrasing.format(w=word, no=p.no))
        amount = answer.value.amount if answer.value else None
        if answer.status != "ok" or amount != p.budget_thousand_yen:
            wrong.append((phrasing.format(w=word, no=p.no), answer.text.splitlines()[0]))
    assert not wrong, wrong


def test_the_owner_of_the_project_described(shared):
    wrong = []
    for p, word in CASES:
        answer = ask(shared, f"{word}のNo{p.no}の担当課は？")
        if answer.status != "ok" or not all(s in answer.text for s in p.sections):
            wrong.append((word, p.no, answer.text.splitlines()[0]))
    assert not wrong, wrong
