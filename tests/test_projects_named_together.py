"""Projects named together in other ways (#28, mutation testing of bot/answer/targets.py): by
parts of their names (小児科オンライン診療と認可外保育), a number beside a part, a name printed
only in another edition; as one condition of a selection (No30とNo31の平均, No30からNo32, with
a department); numbers the edition lacks; and which questions about two groups compare them.

The parts of names are a hand-written table checked against the document's lines: each is
printed in exactly one R7 project's name."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.answer import ask
from bot.answer.targets import group_key, group_values, wants_groups_apart
from bot.understanding import Filter, Query
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import numbered, rows

R7 = numbered(rows(R7_FILE))
R6 = rows(R6_FILE)
BY_NO = {r.no: r for r in R7}


@pytest.fixture(scope="module")
def shared():
    return loaded_copy([R6_FILE, R7_FILE])


def budgets_said(answer, lang: str = "ja") -> list[int]:
    unit = r"([\d,]+)千円" if lang == "ja" else r"\(([\d,]+) thousand yen\)"
    return [
        int(re.search(unit, ln).group(1).replace(",", ""))
        for ln in answer.lines
        if ln.startswith("・")
    ]


# -- parts of names ------------------------------------------------------------------------------
# (a part of a name as a person might say it, the project whose printed name holds it)
PARTS = [
    ("小児科オンライン診療", 34),
    ("認可外保育", 35),
    ("WEB出願", 42),
    ("防災教育センター", 50),
    ("デジタルデバイド", 45),
    ("セキュリティ人材", 51),
    ("家畜伝染病", 48),
    ("スマートAomori", 52),
    ("校内ネットワーク", 41),
    ("公衆衛生DX", 23),
    ("救急医療情報", 26),
    ("ネットセーフティ", 46),
    ("高校支援", 39),
    ("遠隔教育", 43),
    ("防災", 50),  # two characters: the shortest part read
]
PART_PAIRS = list(itertools.pairwise(PARTS))


def test_each_part_is_printed_in_one_name():
    for part, no in PARTS:
        assert [r.no for r in R7 if part in r.name] == [no], part


FORMS = {
    "ja": "{a}と{b}の予算の差は？",
    "ja-やつ": "{a}のやつと{b}のやつの予算の差は？",
    "en": "the {a} project or the {b} one, which is bigger?",
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize(
    ("first", "second"), PART_PAIRS, ids=[f"{a[0]}-{b[0]}" for a, b in PART_PAIRS]
)
def test_two_projects_named_by_parts_of_their_names(shared, first, second, form):
    """Each part found on its own, the two compared in the order named; the projects found
    are said to be the ones named."""
    (part_a, a), (part_b, b) = first, second
    if a == b:
        pytest.skip("the two parts name one project")
    lang = "en" if form == "en" else "ja"
    answer = ask(shared, FORMS[form].format(a=part_a, b=part_b))
    assert answer.status == "ok", answer.text
    assert [p.no for p in answer.projects] == [a, b]
    assert budgets_said(answer, lang) == [BY_NO[a].budget, BY_NO[b].budget]
    larger = a if BY_NO[a].budget > BY_NO[b].budget else b
    assert re.findall(r"No(\d+)", answer.verdict) == [str(larger)]
    assert {f"R7/No{a}", f"R7/No{b}"} <= answer.computed.projects


@pytest.mark.parametrize(("part", "no"), PARTS[:-1], ids=[p for p, _ in PARTS[:-1]])
def test_a_number_and_a_part_of_a_name(shared, part, no):
    """No40と防災教育センター: the number's project, then the part's."""
    other = 40 if no != 40 else 30
    answer = ask(shared, f"No{other}と{part}の予算の合計")
    assert answer.status == "ok", answer.text
    assert [p.no for p in answer.projects] == [other, no]
    total = [ln for ln in answer.lines if ln.startswith("合計（")]
    assert total == [total[0]] and f"{BY_NO[other].budget + BY_NO[no].budget:,}千円" in total[0]


# Words printed in the names of several R7 projects: no part names one of them.
UNCLEAR = ["オンライン", "ICT", "支援"]


@pytest.mark.parametrize("word", UNCLEAR)
def test_a_part_naming_several_projects_is_asked_back(shared, word):
    assert len([r for r in R7 if word in r.name]) > 1
    answer = ask(shared, f"{word}と校内ネットワークの予算の差は？")
    assert answer.status != "ok"
    assert answer.verdict is None and answer.value is None


def test_a_name_printed_only_in_another_edition(shared):
    """R6's 見守り project (R7 prints no such name) beside No40: both compared, each by its
    own edition's budget."""
    (r6,) = [r for r in R6 if "見守り" in r.name]
    assert not [r for r in R7 if "見守り" in r.name]
    answer = ask(shared, f"{r6.name}とNo40の予算の差は？")
    assert answer.status == "ok", answer.text
    assert [p.key for p in answer.projects] == ["R7/No40", f"R6/#{r6.position}"]
    assert budgets_said(answer) == [BY_NO[40].budget, r6.budget]
    assert answer.computed.editions == {"R6", "R7"}
    assert [s.line for s in answer.sources] == [BY_NO[40].line + 1, r6.line + 1]


def test_a_name_of_another_edition_is_not_taken_when_an_edition_is_said(shared):
    """R7版の見守り…: the R7 edition prints no such project — asked back, not R6's taken."""
    (r6,) = [r for r in R6 if "見守り" in r.name]
    answer = ask(shared, f"R7版の{r6.name}と{BY_NO[41].name}の予算の差は？")
    assert answer.status != "ok"
    assert answer.verdict is None and answer.value is None


def test_a_number_the_edition_lacks_answers_nothing(shared):
    assert not [r for r in R7 if r.no == 99]
    answer = ask(shared, "No30とNo99の予算の差は？")
    assert answer.status != "ok"
    assert answer.value is None and answer.verdict is None


# -- named projects as one condition of a selection -----------------------------------------------
PAIRS = [(a.no, b.no) for a, b in itertools.pairwise(R7)]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"No{a}-No{b}" for a, b in PAIRS])
def test_the_average_of_two_named_projects(shared, a, b):
    """The heading names them as asked (No30・No31) and counts them; the average is theirs."""
    answer = ask(shared, f"No{a}とNo{b}の予算の平均")
    assert answer.status == "ok", answer.text
    heading = re.match(r"^R7版の(.+)の事業（(\d+)件）のR7事業費の平均は([\d,]+)千円", answer.title)
    assert heading, answer.title
    assert heading.group(1) == f"No{a}・No{b}"
    assert int(heading.group(2)) == 2
    assert int(heading.group(3).replace(",", "")) == round((BY_NO[a].budget + BY_NO[b].budget) / 2)
    assert sorted(p.no for p in answer.projects) == [a, b]


RANGES = [(a.no, c.no) for a, c in zip(R7, R7[2:], strict=False)]


@pytest.mark.parametrize(("a", "c"), RANGES, ids=[f"No{a}-No{c}" for a, c in RANGES])
def test_a_range_of_numbers_is_named_as_said(shared, a, c):
    """No30からNo32: the heading names the range as it was said, with the three counted."""
    answer = ask(shared, f"No{a}からNo{c}の事業の予算の平均")
    assert answer.status == "ok", answer.text
    heading = re.match(r"^R7版の(.+)の事業（(\d+)件）", answer.title)
    assert heading.group(1).lower() == f"no{a}からno{c}"
    assert int(heading.group(2)) == 3
    assert [p.no for p in answer.projects] == list(range(a, c + 1))
    average = sum(BY_NO[n].budget for n in range(a, c + 1)) / 3
    assert answer.value.amount == pytest.approx(average, abs=0.05)


@pytest.mark.parametrize(("a", "c"), RANGES, ids=[f"No{a}-No{c}" for a, c in RANGES])
def test_a_range_and_another_number(shared, a, c):
    """No30からNo32とNo40: the heading names all four, never the range alone."""
    other = 40 if c < 40 else 23
    answer = ask(shared, f"No{a}からNo{c}とNo{other}の予算の平均")
    assert answer.status == "ok", answer.text
    heading = re.match(r"^R7版の(.+)の事業（(\d+)件）", answer.title)
    expected = [*range(a, c + 1), other]  # in the order named
    assert heading.group(1) == "・".join(f"No{n}" for n in expected)
    assert int(heading.group(2)) == 4


def test_two_ranges_are_named_by_every_number(shared):
    answer = ask(shared, "No30からNo31とNo40からNo41の予算の平均")
    assert answer.title.startswith("R7版のNo30・No31・No40・No41の事業（4件）")


def test_projects_of_another_edition_are_named_by_their_names(shared):
    """R6 prints no numbers: the heading names both projects by name."""
    first, second = R6[0], R6[1]
    answer = ask(shared, f"R6版の{first.name}と{second.name}の予算の平均")
    assert answer.status == "ok", answer.text
    assert answer.title.startswith(f"R6版の{first.name}・{second.name}の事業（2件）")
    assert budgets_said(answer) == [first.budget, second.budget]


DEPARTMENT_TRIPLES = [
    (a.no, b.no, c.no)
    for a, b, c in zip(R7, R7[1:], R7[2:], strict=False)
    if a.department != c.department
]


@pytest.mark.parametrize(
    "triple", DEPARTMENT_TRIPLES, ids=["-".join(map(str, t)) for t in DEPARTMENT_TRIPLES]
)
def test_named_projects_with_a_condition(shared, triple):
    """No30とNo31とNo40のうち教育庁の事業: those of the three the department runs."""
    department = BY_NO[triple[-1]].department
    answer = ask(shared, "と".join(f"No{n}" for n in triple) + f"のうち{department}の事業")
    assert answer.status == "ok", answer.text
    expected = [n for n in triple if BY_NO[n].department == department]
    assert [p.no for p in answer.projects] == expected
    named = "・".join(f"No{n}" for n in triple)
    assert answer.title.startswith(f"R7版の{department}・{named}の事業（{len(expected)}件）")


# -- which questions about two groups compare them -------------------------------------------------
EDUCATION = Filter("department", "eq", "教育庁")
POLICE = Filter("department", "eq", "警察本部")
# (the operation, the words read, compared side by side?): written from what each asks.
APART = [
    ("list", [], False),  # 教育庁と警察本部の事業: one list
    ("list", ["list"], False),
    ("search", ["search"], False),
    ("top", ["top"], False),  # 上位3件: one ranking over both
    ("compare", [], True),
    ("sum", [], True),
    ("count", [], True),
    ("avg", [], True),
    ("list", ["sum"], True),
    ("list", ["count"], True),
    ("list", ["avg"], True),
    ("list", ["max"], True),
    ("list", ["min"], True),
    ("list", ["diff"], True),
    ("list", ["ratio"], True),
    ("list", ["verdict"], True),
    ("list", ["each"], True),
    ("list", ["compare"], True),
    ("list", ["sorted"], True),
]


@pytest.mark.parametrize(("operation", "ops", "apart"), APART)
def test_which_questions_compare_two_groups(operation, ops, apart):
    query = Query(raw="?", operation=operation, ops=ops, filters=[EDUCATION, POLICE])
    assert wants_groups_apart(query) is apart


def test_the_groups_named_together():
    """Two values of one kind said as equal (not "other than"): that kind and the values, once
    each in the order said; other conditions are not groups."""
    start = Filter("start", "eq", "R7")
    assert group_values(Query(raw="?", filters=[EDUCATION, start, POLICE, EDUCATION])) == (
        "department",
        ["教育庁", "警察本部"],
    )
    assert group_values(Query(raw="?", filters=[EDUCATION, start])) is None
    not_police = Filter("department", "ne", "警察本部")
    assert group_values(Query(raw="?", filters=[EDUCATION, not_police])) is None
    section = Filter("section", "eq", "学校教育課")
    assert group_values(Query(raw="?", filters=[EDUCATION, section])) is None


def test_a_group_key_reads_full_width_and_case_alike():
    assert group_key("ＤＸ推進課") == group_key("dx推進課") == "dx推進課"
