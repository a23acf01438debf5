"""Answers checked for what they say (#28): for every project of both shipped documents, the
owner, period, start, end, summary and budget an answer states — parsed out of its sentence
— are what the project's own header lines print (tests/document_lines.py), in Japanese and
in English. Which project was answered is not enough: a wrong section or year would pass."""

from __future__ import annotations

import re

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import Row, numbered, rows


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def numbered_file(path) -> list[Row]:
    """A document's blocks, R7's unprinted 【No33】 numbered by its place (between No32, No34)."""
    return numbered(rows(path)) if path == R7_FILE else rows(path)


R7_ROWS = numbered_file(R7_FILE)
R6_ROWS = rows(R6_FILE)
# R6 names printed twice or inside another's name are asked by R7 number elsewhere.
R6_UNIQUE = [
    r for r in R6_ROWS if sum(r.name in other.name for other in R6_ROWS) == 1 and len(r.name) > 6
]


def subject(row: Row, lang: str) -> str:
    if row.no is not None:
        return f"No{row.no}"
    return f"R6版の{row.name}" if lang == "ja" else f"{row.name} in the R6 edition"


def ids(found: list[Row]) -> list[str]:
    return [f"No{r.no}" if r.no is not None else r.name[:12] for r in found]


def stated(pattern: str, text: str) -> tuple[str, ...]:
    m = re.search(pattern, text)
    assert m, text
    return m.groups()


ALL = R7_ROWS + R6_UNIQUE


@pytest.mark.parametrize("row", ALL, ids=ids(ALL))
def test_the_owner_stated_is_the_department_and_every_section_printed(shared, row):
    a = ask(shared, f"{subject(row, 'ja')}の担当は？")
    assert a.status == "ok", a.text
    (owner,) = stated(r"の担当は(.+)です。", a.text)
    department, _, sections = owner.partition(" ")
    assert (department, sections.split("、")) == (row.department, row.sections), a.text
    a = ask(shared, f"who runs {subject(row, 'en')}?")
    assert a.status == "ok", a.text
    (owner,) = stated(r" is run by (.+)\.\n", a.text)
    assert owner.split(", ") == [row.department, *row.sections], a.text


def printed_end(row: Row, lang: str) -> str:
    if row.end is None:
        return "（終期の記載なし）" if lang == "ja" else "(end not printed)"
    return row.end


@pytest.mark.parametrize("row", ALL, ids=ids(ALL))
def test_the_period_stated_is_the_start_and_end_printed(shared, row):
    a = ask(shared, f"{subject(row, 'ja')}の期間")
    assert a.status == "ok", a.text
    start, end = stated(r"の期間は(\S+?)〜(\S*?)です。", a.text)
    assert (start, end) == (row.start, printed_end(row, "ja")), a.text


@pytest.mark.parametrize(
    "row", [r for r in ALL if r.end is not None], ids=ids([r for r in ALL if r.end is not None])
)
def test_the_end_and_start_stated_are_the_years_printed(shared, row):
    a = ask(shared, f"{subject(row, 'ja')}はいつまで？")
    assert a.status == "ok", a.text
    assert stated(r"の事業終期は(\S+?)です。", a.text) == (row.end,), a.text
    a = ask(shared, f"{subject(row, 'ja')}はいつから？")
    assert a.status == "ok", a.text
    assert stated(r"の事業始期は(\S+?)です。", a.text) == (row.start,), a.text


@pytest.mark.parametrize("row", ALL, ids=ids(ALL))
def test_the_summary_stated_is_the_one_printed(shared, row):
    for question in (f"{subject(row, 'ja')}の概要", f"what does {subject(row, 'en')} do?"):
        a = ask(shared, question)
        assert a.status == "ok", a.text
        assert a.text.splitlines()[1] == row.summary, a.text


@pytest.mark.parametrize("row", ALL, ids=ids(ALL))
def test_the_budget_stated_is_the_figure_printed(shared, row):
    a = ask(shared, f"{subject(row, 'ja')}の事業費は？")
    assert a.status == "ok", a.text
    assert a.value is not None and a.value.amount == row.budget
    assert f"{row.budget:,}千円" in a.text
    (figure,) = stated(r"(\d[\d,]*)千円", a.text)
    assert int(figure.replace(",", "")) == row.budget


def group_rows(answer) -> list[tuple[str, int, int]]:
    """・教育庁：8件、合計 1,216,215千円… (or 8 project(s) … (1,216,215 thousand yen)) parsed:
    (group, count, total in thousand yen), in the order listed."""
    found = []
    for line in answer.lines:
        m = re.fullmatch(
            r"・(.+?)：(\d+)(?:件、合計 ([\d,]+)千円.*| project\(s\), total .*\(([\d,]+) thousand yen\))",
            line,
        )
        if m:
            total = m.group(3) or m.group(4)
            found.append((m.group(1), int(m.group(2)), int(total.replace(",", ""))))
    return found


def printed_groups(kind: str) -> dict[str, tuple[int, int]]:
    """Each R7 department (section) with its number of projects and their total budget."""
    groups: dict[str, tuple[int, int]] = {}
    for row in R7_ROWS:
        for name in [row.department] if kind == "department" else row.sections:
            n, total = groups.get(name, (0, 0))
            groups[name] = (n + 1, total + row.budget)
    return groups


@pytest.mark.parametrize(
    ("text", "kind", "by"),
    [
        ("部局別の事業費", "department", "total"),
        ("budget by department", "department", "total"),
        ("課ごとの予算", "section", "total"),
        ("部局別の事業数", "department", "count"),
        ("number of projects per department", "department", "count"),
    ],
)
def test_groups_state_their_counts_and_totals_largest_first(shared, text, kind, by):
    a = ask(shared, text)
    assert a.status == "ok", a.text
    listed = group_rows(a)
    groups = printed_groups(kind)
    assert sorted(name for name, _, _ in listed) == sorted(groups), a.text
    for name, n, total in listed:
        assert (n, total) == groups[name], name
    keys = [total if by == "total" else n for _, n, total in listed]
    assert keys == sorted(keys, reverse=True), a.text  # largest (most) first
