"""Messages that ask two things (「No40の予算は？あとNo41の担当は？」, 「R7で終わる事業は？あと
PHRの担当は？」, 「R6の実績はどうだった？講座の修了者数も」): each part answered, none dropped,
neither answered for both. Generated over the documents; expected values read off them.
"""

from __future__ import annotations

import itertools

import pytest

from bot.answer import ask
from bot.sources import default_sources
from bot.understanding.parts import parts
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments, members

R7 = [p for p in EDITIONS["R7"] if p.no is not None and not p.number_inferred]


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def numbers(answer) -> set[int]:
    return {r.no for r in answer.projects if r.edition == "R7"}


PAIRS = list(itertools.islice(itertools.permutations(R7, 2), 0, None, 37))


@pytest.mark.parametrize("a,b", PAIRS, ids=lambda p: f"No{p.no}")
@pytest.mark.parametrize(
    "form",
    [
        "No{a}の予算は？あとNo{b}の担当は？",
        "No{a}の事業費はいくら？それとNo{b}はどこの担当？",
        "What is No{a}'s budget, and who runs No{b}?",
    ],
)
def test_two_projects_each_asked_its_own_thing(shared, a, b, form):
    question = form.format(a=a.no, b=b.no)
    answer = ask(shared, question)
    assert answer.status == "ok", (question, answer.text)
    assert numbers(answer) == {a.no, b.no}, (question, answer.text)
    assert f"{a.budget_thousand_yen:,}" in answer.text, (question, answer.text)
    assert any(d in answer.text for d in departments(b)), (question, answer.text)
    # The budget asked of one is not given for the other (unless both print the same).
    if b.budget_thousand_yen != a.budget_thousand_yen:
        assert f"{b.budget_thousand_yen:,}千円" not in answer.text, (question, answer.text)


ENDS = sorted({p.end for p in R7 if p.end})


@pytest.mark.parametrize("end", ENDS)
def test_a_list_then_a_project(shared, end):
    """The list keeps its own condition; the project named after it is not a filter of it."""
    ending = {p.no for p in members("R7", "end", end)}
    other = next(p for p in R7 if p.no not in ending)
    question = f"{end}で終わる事業は？あとNo{other.no}の担当は？"
    answer = ask(shared, question)
    assert answer.status == "ok", (question, answer.text)
    assert numbers(answer) == ending | {other.no}, (question, answer.text)
    assert any(d in answer.text for d in departments(other)), (question, answer.text)


WITH_TWO_PLANS = [
    (p, y1, y2)
    for p in R7
    for y1, y2 in [("R7", "R8")]
    if all(any(i.years.get(y) and i.years[y].plan for i in p.initiatives) for y in (y1, y2))
]


@pytest.mark.parametrize("p,y1,y2", WITH_TWO_PLANS, ids=lambda x: getattr(x, "no", x))
def test_a_second_part_asked_of_the_project_of_the_first(shared, p, y1, y2):
    """「No40の担当は？あと R8の計画も」: the second part names no project; it is the first's."""
    question = f"No{p.no}の担当は誰？あと、{y2}の計画も教えて"
    answer = ask(shared, question)
    assert answer.status == "ok", (question, answer.text)
    assert numbers(answer) == {p.no}, (question, answer.text)
    assert any(d in answer.text for d in departments(p)), (question, answer.text)
    plans = [i.years[y2].plan for i in p.initiatives if i.years.get(y2) and i.years[y2].plan]
    assert all(plan.split()[0] in answer.text for plan in plans), (question, answer.text)


@pytest.mark.parametrize("department", sorted({d for p in R7 for d in departments(p)}))
def test_a_second_part_that_continues_the_first_keeps_its_group(shared, department):
    """「教育庁の事業は何件？あと予算の合計も」: the total is of the same projects, not all."""
    group = members("R7", "department", department)
    question = f"{department}の事業は何件？あと予算の合計も"
    answer = ask(shared, question)
    assert answer.status == "ok", (question, answer.text)
    assert numbers(answer) == {p.no for p in group if p.no is not None}, (question, answer.text)
    total = sum(p.budget_thousand_yen for p in group)
    assert f"{total:,}" in answer.text, (question, answer.text)


@pytest.mark.parametrize(
    "message",
    [
        "R6で策定済み？それとも翌年の予定？",  # a year counted from the part before
        "did it start in R6? or the year after?",
        "list the projects that started in FY2024 and were done by FY2025",  # one predicate
        "5億円を超える事業はある？なければ一番大きい事業は？",  # a fallback of one question
        "No40の予算は？え？",  # too short to ask anything
        "No40の予算は？教えてください",  # only asking again
    ],
)
def test_what_is_not_cut_into_two(message):
    assert parts(message) == [message]


@pytest.mark.parametrize(
    "message,count",
    [
        ("No40の予算は？あとNo41の担当は？", 2),
        ("No40の予算は？ それと、No41の担当は？ あとNo42の終期は？", 3),
        ("When did No40 start, and when does No41 end?", 2),
        ("What's the budget of No38? And the owner too", 2),  # a part asked "too"
    ],
)
def test_what_is_cut(message, count):
    assert len(parts(message)) == count


@pytest.mark.parametrize("a,b", PAIRS[:6], ids=lambda p: f"No{p.no}")
@pytest.mark.parametrize(
    "form,lang",
    [
        ("No{a}の予算は？ and who runs No{b}?", "ja"),
        ("What is No{a}'s budget? あとNo{b}の担当は？", "en"),
    ],
)
def test_one_language_for_every_part(shared, a, b, form, lang):
    """A message mixing languages is answered in the one the bot reads it in, every part alike."""
    answer = ask(shared, form.format(a=a.no, b=b.no))
    assert answer.status == "ok", answer.text
    japanese, english = "出典" in answer.text, "Source" in answer.text
    assert japanese != english, answer.text
    owner = "の担当は" if japanese else "is run by"
    assert owner in answer.text, answer.text


def _cell(p, year: str, kind: str) -> list[str]:
    """What a project's rows print for a year, as plans or actuals."""
    return [
        getattr(i.years[year], kind)
        for i in p.initiatives
        if i.years.get(year) and getattr(i.years[year], kind)
    ]


# Projects printing an actual for R6 and a plan for R7: each year asked its own field.
ACTUAL_THEN_PLAN = [p for p in R7 if _cell(p, "R6", "actual") and _cell(p, "R7", "plan")]


@pytest.mark.parametrize("p", ACTUAL_THEN_PLAN, ids=lambda p: f"No{p.no}")
@pytest.mark.parametrize(
    "form",
    [
        "No{n}のR6の実績とR7の目標を教えてください",
        "No{n}、R6は実際どうだったのかと、R7の目標は？",
        "What were No{n}'s R6 results and the R7 goal?",
    ],
)
def test_a_year_and_its_field_twice(shared, p, form):
    """「R6の実績とR7の目標」: R6's actual and R7's plan, neither year given the other's field."""
    question = form.format(n=p.no)
    answer = ask(shared, question)
    assert answer.status == "ok", (question, answer.text)
    assert numbers(answer) == {p.no}, (question, answer.text)
    for cell in _cell(p, "R6", "actual") + _cell(p, "R7", "plan"):
        assert cell.split()[0] in answer.text, (question, cell, answer.text)


@pytest.mark.parametrize(
    "message,first,second",
    [
        ("No49のR6の実績とR7の目標", "No49のR6の実績", "R7の目標"),
        (
            "耳で聴くハザードマップ, R6の実績とR7の目標 教えて",
            "耳で聴くハザードマップ, R6の実績",
            "R7の目標 教えて",
        ),
        ("No34 R8の計画とR7の実績は？", "No34 R8の計画", "R7の実績は？"),
        ("No49 R6 actual and R7 plan pls", "No49 R6 actual", "R7 plan pls"),
        (
            "No49、R6は実際どうだったのかと、R7の目標を教えて",
            "No49、R6は実際どうだった",
            "R7の目標を教えて",
        ),
    ],
)
def test_a_year_and_its_field_are_cut(message, first, second):
    assert parts(message) == [first, second]


@pytest.mark.parametrize(
    "message",
    [
        "R6とR7の実績",
        "No40のR7の実績と課題",
        "R6版とR7版の予算",
        "Compare No24's R6 actual and R7 plan",  # a comparison, in any case
        "No24のR6の目標とR7の目標の違い",
    ],
)
def test_one_field_of_two_years_is_not_cut(message):
    assert parts(message) == [message]
