"""Several projects answered from questions read by hand (#28, mutation testing of
bot/answer/targets.py): the kinds of question the understanding reaches only alongside another
word (それぞれ…上位, the largest alone, a count) or not yet in English, given to the answering
functions as structured queries — each budget, the total, the ranking, the one named, the
periods compared — over the real R7 document, checked against its lines."""

from __future__ import annotations

import re

import pytest

from bot.answer.targets import named_projects, projects_by_parts, several_projects
from bot.understanding import Query
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import rows


@pytest.fixture(scope="module")
def shared():
    return loaded_copy([R6_FILE, R7_FILE])


R7 = {r.no: r for r in rows(R7_FILE) if r.no is not None}
# Three neighbours of the R7 document with three different budgets, named out of order.
NAMED = [31, 30, 29]


def projects(store, numbers=NAMED):
    held = {p.no: p for p in store.projects("R7")}
    return [held[n] for n in numbers]


def amounts(line: str, lang: str = "ja") -> list[int]:
    pattern = r"([\d,]+)千円" if lang == "ja" else r"\(([\d,]+) thousand yen\)"
    return [int(a.replace(",", "")) for a in re.findall(pattern, line)]


def numbers(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"(?<![A-Za-z])No(\d+)", line)]


def asked(*ops: str, lang: str = "ja", smallest: bool = False, fields=("budget",)) -> Query:
    return Query(
        raw="?",
        lang=lang,
        operation=ops[0] if ops else "fact",
        ops=list(ops),
        fields=list(fields),
        smallest=smallest,
        project_nos=list(NAMED),
    )


def budgets() -> dict[int, int]:
    return {n: R7[n].budget for n in NAMED}


def test_the_named_budgets_differ():
    assert len(set(budgets().values())) == 3


@pytest.mark.parametrize(("op", "smallest"), [("max", False), ("min", False), ("min", True)])
def test_one_end_asked_alone(shared, op, smallest):
    """The largest (or smallest) of the named: each budget, that one named, no total."""
    answer = several_projects(shared, asked(op, smallest=smallest), "R7", projects(shared))
    b = budgets()
    assert [amounts(ln) for ln in answer.lines[:3]] == [[b[n]] for n in NAMED]
    end = (max if op == "max" else min)(NAMED, key=b.get)
    word = "大きいのは " if op == "max" else "小さいのは "
    assert [numbers(ln) for ln in answer.lines[3:]] == [[end]]
    assert answer.lines[3].startswith(word)
    assert numbers(answer.verdict) == [end]
    assert answer.value is None and not [ln for ln in answer.lines if ln.startswith("合計（")]


@pytest.mark.parametrize(
    ("op", "smallest", "lang"),
    [("top", False, "ja"), ("bottom", True, "ja"), ("sorted", False, "en"), ("sorted", True, "en")],
)
def test_ranked_in_the_order_asked(shared, op, smallest, lang):
    """Ranked 1, 2, 3 from the end asked, in the language asked; the first named."""
    answer = several_projects(
        shared, asked(op, smallest=smallest, lang=lang), "R7", projects(shared)
    )
    b = budgets()
    order = sorted(NAMED, key=b.get, reverse=not smallest)
    assert [re.match(r"(\d+)\. ", ln).group(1) for ln in answer.lines] == ["1", "2", "3"]
    assert [numbers(ln) for ln in answer.lines] == [[n] for n in order]
    assert [amounts(ln, lang) for ln in answer.lines] == [[b[n]] for n in order]
    assert [p.no for p in answer.projects] == order
    assert numbers(answer.verdict) == [order[0]]


@pytest.mark.parametrize("op", ["count", "sum"])
def test_each_with_a_count_or_total(shared, op):
    """それぞれ and 合計 (or 件数): each budget, then the total of all named."""
    answer = several_projects(shared, asked("each", op), "R7", projects(shared))
    (total,) = [ln for ln in answer.lines if ln.startswith("合計（")]
    assert total.startswith(f"合計（{len(NAMED)}件）")
    assert amounts(total) == [sum(budgets().values())]
    assert answer.value.amount == sum(budgets().values())


# Two neighbours printing the same period, and two printing different ones (R7 No29/No30:
# R6〜R7 both; No30/No31: R6〜R7 and H31〜R7).
PERIODS = [(29, 30), (30, 31)]


@pytest.mark.parametrize(("a", "b"), PERIODS)
@pytest.mark.parametrize(("op", "lang"), [("verdict", "ja"), ("compare", "en")])
def test_two_periods_said_to_be_the_same_or_not(shared, a, b, op, lang):
    """期間は同じか: the same only when the start and the end printed both are."""
    same = (R7[a].start, R7[a].end) == (R7[b].start, R7[b].end)
    query = asked(op, lang=lang, fields=("period",))
    answer = several_projects(shared, query, "R7", projects(shared, [a, b]))
    said = {
        ("ja", True): "期間は同じです。",
        ("ja", False): "期間は異なります。",
        ("en", True): "They run over the same period.",
        ("en", False): "They run over different periods.",
    }
    assert answer.lines[-1] == said[lang, same]


def test_the_pairs_print_one_same_and_one_other_period():
    assert [(R7[a].start, R7[a].end) == (R7[b].start, R7[b].end) for a, b in PERIODS] == [
        True,
        False,
    ]


def test_a_number_the_edition_lacks_is_said_missing(shared):
    found, missing = named_projects(shared, Query(raw="?", project_nos=[30, 99]), "R7")
    assert [p.no for p in found] == [30] and missing == ["No99"]


@pytest.mark.parametrize(
    "said",
    [
        "the web出願 project or the 防災教育センター one",
        "a web出願 project and a 防災教育センター project",
        "web出願 やつと防災教育センター 事業",
    ],
)
def test_parts_read_without_the_words_around_them(shared, said):
    """the … project, a … one, … やつ, … 事業: the part of the name alone is looked up."""
    assert [r.no for r in R7.values() if "WEB出願" in r.name] == [42]
    assert [r.no for r in R7.values() if "防災教育センター" in r.name] == [50]
    query = Query(raw=said, subject_parts=[said])
    found = projects_by_parts(shared, query, "R7")
    assert [p.no for p in found] == [42, 50]
    assert query.project_keys == ["R7/No42", "R7/No50"]


def test_parts_are_looked_up_in_the_edition_asked(shared):
    """見守り and 児童養護 are printed in R6 only (R7 prints neither word)."""
    r6 = rows(R6_FILE)
    text = R7_FILE.read_text(encoding="utf-8")
    assert "見守り" not in text and "児童養護" not in text
    expected = [f"R6/#{r.position}" for w in ("見守り", "児童養護") for r in r6 if w in r.name]
    found = projects_by_parts(shared, Query(raw="?", subject_parts=["見守りと児童養護"]), "R6")
    assert [p.key for p in found] == expected
