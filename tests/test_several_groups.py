"""Two groups named together (#28, mutation testing of bot/answer/targets.py): every pair of
the R7 document's departments and categories, and neighbouring sections, each group's projects
counted and totalled, both together (a project under both counted once, and named), the
difference, and which has more or fewer projects or the larger or smaller total — ties named
together; each group's projects listed with what was asked of them. Japanese and English.

Expected values are read from the documents' header lines (tests/document_lines.py); every
count and amount an answer states is parsed out of its sentence."""

from __future__ import annotations

import re
from itertools import combinations, pairwise

import pytest

from bot.answer import ask
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import Row, numbered, rows

R7 = numbered(rows(R7_FILE))
R6 = rows(R6_FILE)


def printed(kind: str, found: list[Row]) -> list[str]:
    """Each value of a kind of group, once, in the order the document first prints it."""
    values = {
        "department": lambda r: [r.department],
        "category": lambda r: [r.category],
        "section": lambda r: r.sections,
    }[kind]
    return list(dict.fromkeys(v for r in found for v in values(r)))


# A department cell naming two departments (R6 line 240), written out by hand.
JOINT = {"環境政策部・警察本部": ["環境政策部", "警察本部"]}


def under(row: Row, kind: str, value: str) -> bool:
    if kind == "department":
        return value in JOINT.get(row.department, [row.department])
    if kind == "category":
        return row.category == value
    return value in row.sections


def one(value: str) -> str:
    """R6 spells 障害福祉課, R7 障がい福祉課: one section, named in a row either way."""
    return value.replace("障がい", "障害")


DEPARTMENTS = [("department", a, b) for a, b in combinations(printed("department", R7), 2)]
CATEGORIES = [("category", a, b) for a, b in combinations(printed("category", R7), 2)]
SECTIONS = printed("section", R7)
# Neighbouring sections: No33 prints two hospital sections, No46 two sections of different
# offices, so two of these pairs share a project.
SECTION_PAIRS = [("section", a, b) for a, b in pairwise(SECTIONS)]
PAIRS = DEPARTMENTS + CATEGORIES + SECTION_PAIRS


def ids(pairs) -> list[str]:
    return [f"{k}:{a}-{b}" for k, a, b in pairs]


@pytest.fixture(scope="module")
def shared():
    return loaded_copy([R6_FILE, R7_FILE])


# -- what an answer states, parsed ---------------------------------------------------------------
def label(kind: str, value: str, lang: str) -> str:
    """How a group's row names it (the product's words for a condition)."""
    if kind == "category":
        return f"項目「{value}」" if lang == "ja" else f"in category {value}"
    return value if lang == "ja" else f"of {value}"


ROW = {
    "ja": re.compile(r"^・(.+)：(\d+)件、合計 ([\d,]+)千円"),
    "en": re.compile(r"^・(.+)：(\d+) project\(s\), total .*\(([\d,]+) thousand yen\)"),
}
TOGETHER = {
    "ja": re.compile(r"^合わせて：(\d+)件、([\d,]+)千円"),
    "en": re.compile(r"^Together: (\d+) project\(s\), .*\(([\d,]+) thousand yen\)"),
}
DIFFERENCE = {
    "ja": re.compile(r"^差：(.+)と(.+)で(\d+)件、([\d,]+)千円"),
    "en": re.compile(
        r"^Difference between (.+) and (.+): (\d+) project\(s\), .*\(([\d,]+) thousand yen\)"
    ),
}
VERDICT = {
    ("ja", "count", False): "事業数が多いのは {} です。",
    ("ja", "count", True): "事業数が少ないのは {} です。",
    ("ja", "budget", False): "合計額が大きいのは {} です。",
    ("ja", "budget", True): "合計額が小さいのは {} です。",
    ("en", "count", False): "More projects: {}.",
    ("en", "count", True): "Fewer projects: {}.",
    ("en", "budget", False): "The larger total: {}.",
    ("en", "budget", True): "The smaller total: {}.",
}
SHARED_NOTE = {
    "ja": "は複数のグループに記載されているため",
    "en": "is printed under more than one group",
}


def number(text: str) -> int:
    return int(text.replace(",", ""))


def said(answer) -> list[str]:
    """The answer's lines but the note that No33's number is inferred (tested elsewhere)."""
    return [ln for ln in answer.lines if not ln.startswith("※No33の番号") and "No33's" not in ln]


def group_rows(answer, lang: str) -> list[tuple[str, int, int]]:
    return [
        (one(m.group(1)), int(m.group(2)), number(m.group(3)))
        for ln in said(answer)
        if (m := ROW[lang].match(ln))
    ]


def match_one(answer, pattern: re.Pattern) -> re.Match:
    found = [m for ln in said(answer) if (m := pattern.match(ln))]
    assert len(found) == 1, (pattern.pattern, answer.lines)
    return found[0]


# The operations every two-group answer says it computed (the mention check reads them).
OPERATIONS = {"count", "sum", "each", "side", "compare", "diff", "verdict", "max", "min", "list"}

QUESTIONS = {
    # (language, measure, fewest first) → the question
    ("ja", "count", False): "{a}と{b}の事業数を比べて",
    ("ja", "count", True): "{a}と{b}ではどちらが事業数が少ない？",
    ("ja", "budget", False): "{a}と{b}の予算の合計を比べて",
    ("ja", "sum", False): "{a}と{b}の合計を比べて",  # 合計 alone: the totals compared
    ("ja", "budget", True): "{a}と{b}ではどちらが予算の合計が小さい？",
    ("en", "count", False): "Compare {a} and {b}",
    ("en", "count", True): "Which has fewer projects, {a} or {b}?",
    ("en", "budget", False): "Compare the total budgets of {a} and {b}",
    ("en", "budget", True): "Which has the smaller total budget, {a} or {b}?",
}


def check_groups(
    answer, kind: str, values: list[str], lang: str, measure: str, fewest: bool, holds=None
):
    """Everything an answer about groups side by side states, against the R7 document's lines
    (with `holds`, only the projects meeting the question's other condition)."""
    assert answer.status == "ok", answer.text
    edition = "R7版" if lang == "ja" else "R7 edition"
    assert answer.title == ("R7版のグループごと：" if lang == "ja" else f"Each group ({edition}):")
    members = {
        v: [r for r in R7 if under(r, kind, v) and (holds is None or holds(r))] for v in values
    }
    count = {v: len(members[v]) for v in values}
    total = {v: sum(r.budget for r in members[v]) for v in values}
    assert group_rows(answer, lang) == [
        (one(label(kind, v, lang)), count[v], total[v]) for v in values
    ]
    # Together: a project under both groups once.
    every = list({r.no: r for v in values for r in members[v]}.values())
    together = match_one(answer, TOGETHER[lang])
    assert (int(together.group(1)), number(together.group(2))) == (
        len(every),
        sum(r.budget for r in every),
    )
    both = [r for r in every if sum(r in members[v] for v in values) > 1]
    notes = [ln for ln in said(answer) if SHARED_NOTE[lang] in ln]
    if both:
        assert len(notes) == 1
        assert [int(n) for n in re.findall(r"No(\d+)", notes[0])] == [r.no for r in both]
    else:
        assert notes == []
    # The difference: the group ahead on the measure asked first (the one asked first in a
    # tie), each measure's gap.
    of = count if measure == "count" else total
    ahead = sorted(values, key=of.get, reverse=not fewest)
    gap = match_one(answer, DIFFERENCE[lang])
    first, last = ahead[0], ahead[-1]
    assert (one(gap.group(1)), one(gap.group(2)), gap.group(3), gap.group(4)) == (
        one(first),
        one(last),
        str(abs(count[first] - count[last])),
        f"{abs(total[first] - total[last]):,}",
    )
    best = of[ahead[0]]
    winners = "、".join(v for v in values if of[v] == best)
    # A winning group of one project names that project beside it (「健康福祉部（No29 …）」).
    assert one(answer.verdict).split("（")[0] == one(winners)
    assert VERDICT[lang, measure, fewest].format(one(winners)) in map(one, said(answer))
    # The value: the count or the total of both together.
    unit = {"count": ("件", "projects"), "budget": ("千円", "thousand yen")}[measure]
    expected_value = len(every) if measure == "count" else sum(r.budget for r in every)
    assert (answer.value.amount, answer.value.unit) == (expected_value, unit[lang != "ja"])
    assert [p.no for p in answer.projects] == [r.no for r in every]
    assert [s.line for s in answer.sources] == [r.line + 1 for r in every]
    assert answer.computed.operations == OPERATIONS
    assert answer.computed.editions == {"R7"}
    assert {(k, op) for k, op, _ in answer.computed.groups} == {(kind, "eq")}
    return members


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fewest", [False, True], ids=["more", "fewer"])
@pytest.mark.parametrize(
    ("kind", "a", "b"), DEPARTMENTS + SECTION_PAIRS, ids=ids(DEPARTMENTS + SECTION_PAIRS)
)
def test_two_groups_by_their_number_of_projects(shared, kind, a, b, fewest, lang):
    answer = ask(shared, QUESTIONS[lang, "count", fewest].format(a=a, b=b))
    check_groups(answer, kind, [a, b], lang, "count", fewest)
    assert answer.computed.fields == {"budget"}


BY_BUDGET = [("ja", "budget", False), ("ja", "budget", True), ("ja", "sum", False)]
BY_BUDGET += [("en", "budget", False), ("en", "budget", True)]


@pytest.mark.parametrize(
    ("lang", "measure", "fewest"), BY_BUDGET, ids=["-".join(map(str, f)) for f in BY_BUDGET]
)
@pytest.mark.parametrize(("kind", "a", "b"), PAIRS, ids=ids(PAIRS))
def test_two_groups_by_their_total_budget(shared, kind, a, b, lang, measure, fewest):
    answer = ask(shared, QUESTIONS[lang, measure, fewest].format(a=a, b=b))
    check_groups(answer, kind, [a, b], lang, "budget", fewest)
    assert answer.computed.fields == {"budget"}


DEPARTMENT_NAMES = printed("department", R7)
THREE = list(zip(DEPARTMENT_NAMES, DEPARTMENT_NAMES[1:], DEPARTMENT_NAMES[2:], strict=False))


@pytest.mark.parametrize("fewest", [False, True], ids=["more", "fewer"])
@pytest.mark.parametrize("three", THREE, ids=["-".join(t) for t in THREE])
def test_three_groups_side_by_side(shared, three, fewest):
    """The difference is between the first and the last of the ranking asked, not the
    second; ties for the end asked are named together."""
    asked = "と".join(three) + ("ではどちらが事業数が少ない？" if fewest else "の事業数を比べて")
    check_groups(ask(shared, asked), "department", list(three), "ja", "count", fewest)


@pytest.mark.parametrize(("kind", "a", "b"), DEPARTMENTS, ids=ids(DEPARTMENTS))
def test_two_groups_with_another_condition(shared, kind, a, b):
    """R7に始まる is met in each group, not taken for one of the groups."""
    answer = ask(shared, f"{a}と{b}のR7に始まる事業の数を比べて")
    check_groups(answer, kind, [a, b], "ja", "count", False, holds=lambda r: r.start == "R7")
    assert answer.computed.fields == {"budget", "start"}


def test_the_pairs_reach_ties_and_shared_projects():
    """Among the pairs asked: groups with as many projects, and projects under two groups."""
    count = {(k, v): sum(under(r, k, v) for r in R7) for k, a, b in PAIRS for v in (a, b)}
    assert any(count[k, a] == count[k, b] for k, a, b in PAIRS)
    assert sum(any(under(r, k, a) and under(r, k, b) for r in R7) for k, a, b in PAIRS) == 2


# -- each group's projects, with what was asked of them -------------------------------------------
DETAILS = {
    ("ja", "owner"): "{a}と{b}の事業の担当をそれぞれ",
    ("ja", "period"): "{a}と{b}の事業の期間を比べて",
    ("ja", "both"): "{a}と{b}の事業の期間と担当をそれぞれ",
    ("ja", "each"): "{a}と{b}の事業をそれぞれ",
    ("ja", "owner-compared"): "{a}と{b}の事業の担当を比べて",
    ("ja", "start"): "{a}と{b}の事業の始期を比べて",
    ("ja", "end"): "{a}と{b}の事業の終期を比べて",
    ("en", "period"): "List each project of {a} and {b} with its period",
}


def period(row: Row, lang: str) -> str:
    end = row.end or ("（終期の記載なし）" if lang == "ja" else " (end not stated)")
    return f"{row.start}〜{end}" if lang == "ja" else f"{row.start}–{end}"


def money(amount: int, lang: str) -> str:
    """A budget as a pattern: the exact figure, and the rounded one beside it."""
    if lang == "ja":
        return re.escape(f"{amount:,}千円") + r"（約[\d.,]+(?:億|万)円）"
    return r"¥[\d.,]+ million " + re.escape(f"({amount:,} thousand yen)")


@pytest.mark.parametrize(("lang", "asked"), list(DETAILS))
@pytest.mark.parametrize(("kind", "a", "b"), DEPARTMENTS, ids=ids(DEPARTMENTS))
def test_each_groups_projects_listed_with_what_was_asked(shared, kind, a, b, lang, asked):
    """Beneath each group's row, its projects: the budget, then the period and the owner
    (department and sections, as printed) when asked, in the language asked."""
    answer = ask(shared, DETAILS[lang, asked].format(a=a, b=b))
    members = check_groups(answer, kind, [a, b], lang, "count", False)
    fields = {
        "owner": {"owner"},
        "owner-compared": {"owner"},
        "period": {"period"},
        "both": {"period", "owner"},
        "each": set(),
        "start": {"start"},
        "end": {"end"},
    }
    assert answer.computed.fields == {"budget"} | fields[asked]
    beneath = [ln for ln in said(answer) if ln.startswith("　・")]
    expected = [r for v in (a, b) for r in members[v]]
    assert len(beneath) == len(expected)
    for line, row in zip(beneath, expected, strict=True):
        parts = [money(row.budget, lang)]
        if fields[asked] & {"period", "start", "end"}:  # the period, whichever end is asked
            parts.append(re.escape(period(row, lang)))
        if "owner" in fields[asked]:
            parts.append(re.escape(f"{row.department} {'、'.join(row.sections)}"))
        sep = "、" if lang == "ja" else ", "
        head = re.escape(f"　・No{row.no} {row.name}：")
        assert re.fullmatch(head + sep.join(parts), line), line


def test_groups_only_listed_are_not_compared(shared):
    """教育庁と警察本部の事業 (a list, nothing asked of them together): one list, no groups."""
    answer = ask(shared, "教育庁と警察本部の事業の一覧")
    assert answer.status == "ok" and answer.verdict is None
    assert not [ln for ln in answer.lines if ln.startswith("差：")]
    expected = [r.no for r in R7 if r.department in ("教育庁", "警察本部")]
    assert sorted(p.no for p in answer.projects) == expected


# -- a joint department in R6 ------------------------------------------------------------------
def test_a_project_of_two_departments_is_counted_in_each_and_once_together(shared):
    """R6 line 240 prints 環境政策部・警察本部 for one project: in both rows, once together."""
    (joint,) = [r for r in R6 if r.department == "環境政策部・警察本部"]
    answer = ask(shared, "R6版の環境政策部と警察本部の事業数を比べて")
    assert answer.status == "ok", answer.text
    police = [r for r in R6 if under(r, "department", "警察本部")]
    environment = [r for r in R6 if under(r, "department", "環境政策部")]
    assert environment == [joint] and joint in police
    assert group_rows(answer, "ja") == [
        ("環境政策部", 1, joint.budget),
        ("警察本部", len(police), sum(r.budget for r in police)),
    ]
    together = match_one(answer, TOGETHER["ja"])
    assert int(together.group(1)) == len(police)  # the joint project once
    (note,) = [ln for ln in answer.lines if SHARED_NOTE["ja"] in ln]
    assert joint.name in note
    assert answer.verdict == "警察本部"
    assert answer.computed.editions == {"R6"}
    assert answer.title == "R6版のグループごと："
