"""A project named by a word its latest edition no longer prints (EBPM: an initiative only the
R6 edition lists) is answered from the edition that prints it, saying so — never "not in the
roadmap", never the latest edition's project without the word. Cases are read off both
documents: initiative-label words printed in one R6 project and nowhere in R7.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.answer import ask
from bot.sources import default_sources
from bot.vocabulary import translate_english
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def printed(p) -> str:
    parts = [p.name, p.summary, p.achievements or ""]
    for initiative in p.initiatives:
        parts.append(initiative.label or "")
        for cell in initiative.years.values():
            parts += [cell.plan or "", cell.actual or "", cell.plan_in_actual_row or ""]
    return plain(" ".join(parts))


def cases() -> list[tuple[str, str, str, str]]:
    """(acronym, project name, initiative label, its R7 plan) for each such acronym (an
    English word may be a word of the question instead: share)."""
    newer = " ".join(printed(p) for p in EDITIONS["R7"])
    out = []
    for p in EDITIONS["R6"]:
        for initiative in p.initiatives:
            plan = initiative.years.get("R7")
            for word in set(
                re.findall(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])", initiative.label or "")
            ):
                low = plain(word)
                holders = [q for q in EDITIONS["R6"] if low in printed(q)]
                glossed = translate_english(word) != low
                if low not in newer and len(holders) == 1 and not glossed and plan and plan.plan:
                    out.append((word, p.name, initiative.label, plan.plan))
    return out


CASES = cases()


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def test_the_documents_hold_such_words():
    assert CASES  # EBPM in the R6 edition's 公衆衛生DX推進事業


@pytest.mark.parametrize(
    "phrasing",
    [
        "{w}の取組のR7計画は？",
        "{w}の取組って、R7は何をする計画でした？",
        "What is the R7 plan of the {w} initiative?",
    ],
)
@pytest.mark.parametrize(("word", "name", "label", "plan"), CASES)
def test_answered_from_the_edition_printing_the_word(shared, phrasing, word, name, label, plan):
    answer = ask(shared, phrasing.format(w=word))
    assert answer.status == "ok", answer.text
    assert [(r.edition, r.name) for r in answer.projects] == [("R6", name)], answer.text
    assert plan in answer.text and word in answer.text, answer.text
    assert "R6" in answer.text.splitlines()[1], answer.text  # says which edition prints it
