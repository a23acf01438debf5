"""What share of a whole one part is (#28, mutation testing of bot/answer/targets.py): every R7
project's budget as a percentage of its department's, neighbouring pairs of them together,
every section of its department, every category of the field and every department of its
category — both totals, the number of projects in the whole and the percentage, each parsed
out of the sentence and checked against the document's own lines, in Japanese and English."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.answer import ask
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import Row, numbered, rows

R7 = numbered(rows(R7_FILE))
FIELD = "暮らし・まち分野"  # the field every block of the document is filed under


@pytest.fixture(scope="module")
def shared():
    return loaded_copy([R6_FILE, R7_FILE])


SHARE = {
    "ja": re.compile(
        r"^(?P<part>.+)の事業費 (?P<piece>[\d,]+)千円（[^）]*） は、R7版の(?P<whole>.+)の事業"
        r"（(?P<n>\d+)件）の合計 (?P<total>[\d,]+)千円（[^）]*） の(?P<pct>[\d.]+)%です。$"
    ),
    "en": re.compile(
        r"^(?P<part>.+): ¥[\d.,]+ million \((?P<piece>[\d,]+) thousand yen\), (?P<pct>[\d.]+)% "
        r"of the total of R7 edition projects (?P<whole>.+) \((?P<n>\d+) projects?(?:\(s\))?\) "
        r"\(¥[\d.,]+ million \((?P<total>[\d,]+) thousand yen\)\)\.$"
    ),
}


def stated(answer, lang: str) -> dict:
    assert answer.status == "ok", answer.text
    found = SHARE[lang].match(answer.title)
    assert found, answer.title
    said = found.groupdict()
    for key in ("piece", "total", "n"):
        said[key] = int(said[key].replace(",", ""))
    said["pct"] = float(said["pct"])
    return said


def percentage(part: list[Row], whole: list[Row]) -> float:
    """The part's budgets over the whole's, as a percentage to one decimal."""
    return round(sum(r.budget for r in part) / sum(r.budget for r in whole) * 100, 1)


def one(value: str) -> str:
    """R6 spells 障害福祉課, R7 障がい福祉課: one section, named either way."""
    return value.replace("障がい", "障害")


def check(answer, lang: str, part: list[Row], whole: list[Row], part_words: str, whole_words):
    said = stated(answer, lang)
    assert one(said["part"]) == one(part_words)
    assert said["whole"] == whole_words
    assert (said["piece"], said["total"], said["n"]) == (
        sum(r.budget for r in part),
        sum(r.budget for r in whole),
        len(whole),
    )
    assert said["pct"] == percentage(part, whole)
    assert (answer.value.amount, answer.value.unit) == (percentage(part, whole), "%")
    # One line for each project of the part, with its budget; the part's projects given.
    lines = [ln for ln in answer.lines if ln.startswith("・")]
    assert [int(re.match(r"・No(\d+) ", ln).group(1)) for ln in lines] == [r.no for r in part]
    unit = r"([\d,]+)千円" if lang == "ja" else r"\(([\d,]+) thousand yen\)"
    assert [int(re.search(unit, ln).group(1).replace(",", "")) for ln in lines] == [
        r.budget for r in part
    ]
    assert [p.no for p in answer.projects] == [r.no for r in part]
    assert [s.line for s in answer.sources] == [r.line + 1 for r in part]
    done = answer.computed
    assert done.operations == {"ratio", "sum", "count"}
    assert done.fields == {"budget"}
    assert done.editions == {"R7"}


def of(lang: str, words: str) -> str:
    return words if lang == "ja" else f"of {words}"


# -- named projects within their department ----------------------------------------------------
PROJECT = {
    "ja": "{group}の予算のうちNo{no}が占める割合は？",
    "en": "What share of the {group} budget is No{no}?",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("row", R7, ids=[f"No{r.no}" for r in R7])
def test_a_project_within_its_department(shared, row, lang):
    answer = ask(shared, PROJECT[lang].format(group=row.department, no=row.no))
    whole = [r for r in R7 if r.department == row.department]
    check(answer, lang, [row], whole, f"No{row.no} {row.name}", of(lang, row.department))
    assert answer.computed.projects == {f"R7/No{row.no}"}
    assert answer.computed.numbers == {row.no}


TWO = [(a, b) for a, b in itertools.pairwise(R7) if a.department == b.department]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("a", "b"), TWO, ids=[f"No{a.no}-No{b.no}" for a, b in TWO])
def test_two_projects_within_their_department(shared, a, b, lang):
    forms = {
        "ja": "{group}の予算のうちNo{a}とNo{b}が占める割合は？",
        "en": "What share of the {group} budget are No{a} and No{b}?",
    }
    answer = ask(shared, forms[lang].format(group=a.department, a=a.no, b=b.no))
    whole = [r for r in R7 if r.department == a.department]
    words = f"No{a.no} {a.name}・No{b.no} {b.name}"
    check(answer, lang, [a, b], whole, words, of(lang, a.department))
    assert answer.computed.projects == {f"R7/No{a.no}", f"R7/No{b.no}"}


def test_only_the_named_projects_inside_the_whole_are_counted(shared):
    """No30 is not 教育庁's: No40's budget alone is 教育庁's part (both still named)."""
    no30, no40 = next(r for r in R7 if r.no == 30), next(r for r in R7 if r.no == 40)
    assert no30.department != "教育庁" == no40.department
    answer = ask(shared, "教育庁の予算のうちNo40とNo30が占める割合は？")
    whole = [r for r in R7 if r.department == "教育庁"]
    check(answer, "ja", [no40], whole, f"No40 {no40.name}・No30 {no30.name}", "教育庁")


def test_a_number_not_in_the_edition_is_no_share(shared):
    answer = ask(shared, "教育庁の予算のうちNo99が占める割合は？")
    assert answer.status != "ok" and answer.value is None
    assert "No99" in answer.title


# -- one group within another --------------------------------------------------------------------
SECTIONS = sorted({(r.department, s) for r in R7 for s in r.sections})
CATEGORY_DEPARTMENTS = sorted({(r.category, r.department) for r in R7})
CATEGORIES = list(dict.fromkeys(r.category for r in R7))


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("department", "section"), SECTIONS, ids=[s for _, s in SECTIONS])
def test_a_section_within_its_department(shared, department, section, lang):
    forms = {
        "ja": "{whole}のうち{part}の分は何%",
        "en": "What percentage of the {whole} budget is {part}?",
    }
    answer = ask(shared, forms[lang].format(whole=department, part=section))
    whole = [r for r in R7 if r.department == department]
    part = [r for r in whole if section in r.sections]
    check(answer, lang, part, whole, of(lang, section), of(lang, department))
    assert {(kind, op) for kind, op, _ in answer.computed.groups} == {
        ("department", "eq"),
        ("section", "eq"),
    }
    assert answer.computed.projects == set() and answer.computed.numbers == set()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("category", CATEGORIES)
def test_a_category_within_the_field(shared, category, lang):
    forms = {
        "ja": "{whole}のうち{part}の分は何%",
        "en": "What share of the {whole} budget is {part}?",
    }
    answer = ask(shared, forms[lang].format(whole=FIELD, part=category))
    part = [r for r in R7 if r.category == category]
    words = f"項目「{category}」" if lang == "ja" else f"in category {category}"
    field = f"分野「{FIELD}」" if lang == "ja" else f"in field {FIELD}"
    check(answer, lang, part, R7, words, field)


@pytest.mark.parametrize(
    ("category", "department"),
    CATEGORY_DEPARTMENTS,
    ids=[f"{c}-{d}" for c, d in CATEGORY_DEPARTMENTS],
)
def test_a_department_within_a_category(shared, category, department):
    """The narrower group is the part, whichever is said first."""
    for asked in (
        f"{category}のうち{department}の分は何%",
        f"{department}のうち{category}の分は何%",
    ):
        answer = ask(shared, asked)
        whole = [r for r in R7 if r.category == category]
        part = [r for r in whole if r.department == department]
        check(answer, "ja", part, whole, department, f"項目「{category}」")


DEPARTMENTS = list(dict.fromkeys(r.department for r in R7))


@pytest.mark.parametrize("department", DEPARTMENTS)
def test_a_share_of_no_whole_is_asked_back(shared, department):
    """One group and nothing else (教育庁の予算の割合), or a group and a year: a share of what
    is not said — asked back, never a share of everything."""
    for asked in (
        f"{department}の予算の割合は？",
        f"{department}の予算のうちR7に始まる事業の割合は？",
    ):
        answer = ask(shared, asked)
        assert answer.status == "clarify", answer.text
        assert answer.value is None
