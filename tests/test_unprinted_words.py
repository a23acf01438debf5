"""A content word that fits no slot: printed nowhere in the roadmap, the answer says so with
what was understood (not found), never the help text and never a broader answer; a condition
the bot cannot read stays a question back. And a fact asked of "the" project of an office that
has several is asked back with each one's figure. Expected values from the parsed documents.
"""

from __future__ import annotations

import unicodedata

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.test_generated_questions import EDITIONS, departments

PRINTED = unicodedata.normalize(
    "NFKC", R6_FILE.read_text(encoding="utf-8") + R7_FILE.read_text(encoding="utf-8")
)
HELP = ("番号や事業名で聞いてください", "Ask about a project by number or name")


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


TOPICS = [
    "除雪作業",
    "空き家対策",
    "図書館",
    "観光振興",
    "マイナンバーカード",
    "宇宙開発",
    "耐震補強",
]
OFFICES = ["商工労働部", "情報システム課", "環境エネルギー部", "観光国際戦略局", "文化振興課"]
PHRASINGS = [
    "{w}の事業ってある？",
    "{w}に関する事業の概要を教えて",
    "{w}関連の事業は何件？",
    "R7版の{w}の事業を一覧で",
    "{w}のprojectのbudgetは？",
    "{w}を使った事業は？",
    "{w}を活用している事業ってあります？",
]


@pytest.mark.parametrize("word", TOPICS + OFFICES)
def test_a_word_the_roadmap_does_not_print_is_said_to_be_missing(shared, word):
    assert word not in PRINTED
    for phrasing in PHRASINGS:
        answer = ask(shared, phrasing.format(w=word))
        assert answer.status == "not_found", (phrasing, answer.text)
        assert f"『{word}』" in answer.text and "見当たりません" in answer.text, answer.text
        assert not answer.projects and not any(h in answer.text for h in HELP)


@pytest.mark.parametrize("word", TOPICS[:3] + OFFICES[:2])
def test_what_was_understood_is_said_with_it(shared, word):
    answer = ask(shared, f"R6版で{word}のDXに関する事業は何件？")
    assert answer.status == "not_found", answer.text
    assert "R6版" in answer.text and "「dx」" in answer.text.lower(), answer.text


@pytest.mark.parametrize(
    "question",
    ["単年度の事業はどれ？", "300万円台の事業ってどれ", "実施中の事業の報告は？", "自分の事業は？"],
)
def test_a_condition_the_bot_cannot_read_is_asked_back(shared, question):
    """A year, an amount, a state, a person: a condition of its own kind, never 'not printed'."""
    answer = ask(shared, question)
    assert answer.status != "not_found" or "見当たりません" not in answer.text, answer.text


R7 = EDITIONS["R7"]
R7_OFFICES = sorted(
    {("department", d) for p in R7 for d in departments(p)}
    | {("section", s) for p in R7 for s in p.sections}
)


def members(kind: str, name: str) -> list:
    return [p for p in R7 if name in (departments(p) if kind == "department" else p.sections)]


@pytest.mark.parametrize(("kind", "name"), R7_OFFICES)
def test_the_budget_of_an_offices_project(shared, kind, name):
    """「X課の事業の事業費は？」: one project, its budget; several, which one (each shown)."""
    projects = members(kind, name)
    answer = ask(shared, f"{name}の事業の事業費は？")
    assert {r.no for r in answer.projects} == {p.no for p in projects}, answer.text
    for p in projects:
        assert f"{p.budget_thousand_yen:,}千円" in answer.text
    assert answer.status == ("ok" if len(projects) == 1 else "ambiguous"), answer.text
    every = ask(shared, f"{name}の事業それぞれの事業費は？")
    assert every.status == "ok" and {r.no for r in every.projects} == {p.no for p in projects}
    english = ask(shared, f"what is the budget of the {name} project?")
    assert english.status == ("ok" if len(projects) == 1 else "ambiguous"), english.text
