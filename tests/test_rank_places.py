"""Places in a ranking said as 位 (1位と2位, 1位から3位, 2位は), and the size words typed in kana
(いちばんすくない, おおきい順): generated over every category of the R7 edition with enough
projects; the expected order read off the documents' lines (tests/document_lines.py)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.answer import ask
from tests.conftest import R7_FILE
from tests.document_lines import rows

BY_CATEGORY: dict[str, list] = defaultdict(list)
for _row in rows(R7_FILE):
    BY_CATEGORY[_row.category].append(_row)
# Categories whose ranking has no tie at the places asked (a tie is named together elsewhere).
RANKED = {
    c: sorted(rs, key=lambda r: -r.budget)
    for c, rs in BY_CATEGORY.items()
    if len(rs) >= 3 and len({r.budget for r in rs}) == len(rs)
}


def named(answer) -> list[str]:
    """The projects an answer names, in order, by name."""
    return [r.name for r in answer.projects]


@pytest.mark.parametrize("category", sorted(RANKED))
@pytest.mark.parametrize(
    "form,places",
    [
        ("{c}の項目で R7事業費 1位と2位 はどれ？金額も", 2),
        ("{c}の事業、予算の1位から3位を教えて", 3),
        ("項目「{c}」のR7事業費1〜3位", 3),
        ("{c}のR7事業費の1位、2位、3位は？", 3),
    ],
)
def test_first_places(shared, category, form, places):
    """The first N places, largest first, each with its budget."""
    answer = ask(shared, form.format(c=category))
    want = RANKED[category][:places]
    assert answer.status == "ok", answer.text
    assert named(answer) == [r.name for r in want], answer.text
    for r in want:
        assert f"{r.budget:,}千円" in answer.text, answer.text


@pytest.mark.parametrize("category", sorted(RANKED))
@pytest.mark.parametrize("place", [2, 3])
def test_one_place(shared, category, place):
    """2位は: the one project at that place, never the whole list."""
    answer = ask(shared, f"{category}の項目でR7事業費が{place}位の事業は？")
    assert answer.status == "ok", answer.text
    assert named(answer) == [RANKED[category][place - 1].name], answer.text


@pytest.mark.parametrize("category", sorted(RANKED))
@pytest.mark.parametrize(
    "form,largest",
    [
        ("{c}の事業で予算がいちばんすくないのはどれ？", False),
        ("{c}の事業で予算がいちばんおおきいのは？", True),
        ("{c}で事業費がいちばんちいさい事業", False),
        ("{c}で事業費がいちばんたかい事業", True),
    ],
)
def test_size_words_in_kana(shared, category, form, largest):
    """すくない, おおきい, ちいさい, たかい read as 少ない, 大きい, 小さい, 高い."""
    answer = ask(shared, form.format(c=category))
    want = RANKED[category][0 if largest else -1]
    assert answer.status == "ok", answer.text
    assert named(answer) == [want.name], answer.text
    assert f"{want.budget:,}千円" in answer.text, answer.text


def test_places_said_alone_are_asked_back(shared):
    """「2位と3位は？」 with nothing ranked: never a list, never a guess."""
    answer = ask(shared, "2位と3位は？")
    assert answer.status != "ok", answer.text


ALL_R7 = sorted(rows(R7_FILE), key=lambda r: -r.budget)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
@pytest.mark.parametrize("largest", [True, False])
def test_english_n_projects_with_the_largest_or_smallest(shared, n, largest):
    """ "Which 3 projects have the smallest budgets?" — never the 7 of "R7 project"."""
    word = "largest" if largest else "smallest"
    said = (
        f"Which R7 project has the {word} budget?"
        if n == 1
        else (f"Which {n} projects have the {word} budgets?")
    )
    answer = ask(shared, said)
    want = ALL_R7[:n] if largest else ALL_R7[::-1][:n]
    assert answer.status == "ok", answer.text
    assert named(answer) == [r.name for r in want], (said, answer.text)
