"""Groups none of whose projects meets a condition (R7開始の事業が1つもない項目, departments with
no 重点枠 projects): every edition × kind of group × condition present in it, in several
phrasings. The expected groups are read off the parsed documents: the edition's groups of that
kind, less those with at least one project meeting the condition.
"""

from __future__ import annotations

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments, members

KINDS = {
    "category": (lambda p: [p.category] if p.category else [], "項目", "categories"),
    "department": (departments, "部局", "departments"),
    "section": (lambda p: p.sections, "課", "sections"),
}


def conditions(edition: str) -> list[tuple[str, str, str, list]]:
    """(kind, value, Japanese, English) for each start year and flag the edition prints."""
    out = []
    projects = EDITIONS[edition]
    for year in sorted({p.start for p in projects if p.start and p.start.startswith("R")}):
        out.append(("start", year, f"{year}開始", f"starting in {year}"))
    if any(p.priority_frame for p in projects):
        out.append(("flag", "priority_frame", "重点枠", "priority-slot (重点枠)"))
    return out


CASES = [
    (edition, kind, cond) for edition in EDITIONS for kind in KINDS for cond in conditions(edition)
]


def expected(edition: str, kind: str, cond: tuple) -> set[str]:
    values, _, _ = KINDS[kind]
    meeting = {p.key for p in members(edition, cond[0], cond[1])}
    groups: dict[str, set] = {}
    for p in EDITIONS[edition]:
        for group in values(p):
            groups.setdefault(group, set()).add(p.key)
    return {g for g, keys in groups.items() if not keys & meeting}


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def test_there_are_groups_with_none():
    assert any(expected(*case) for case in CASES)


PHRASINGS = [
    "{ed}版で{cond}の事業が1つもない{kind}は？",
    "{ed}版で、{cond}の事業がひとつもなかった{kind}はある？",
    "Which {kinds} have no projects {cond_en} in the {ed} edition?",
]


@pytest.mark.parametrize("phrasing", PHRASINGS)
@pytest.mark.parametrize(("edition", "kind", "cond"), CASES)
def test_the_groups_with_none(shared, phrasing, edition, kind, cond):
    _, ja, en = KINDS[kind]
    english = f"marked {cond[3]}" if cond[0] == "flag" else cond[3]
    question = phrasing.format(ed=edition, cond=cond[2], kind=ja, kinds=en, cond_en=english)
    answer = ask(shared, question)
    want = expected(edition, kind, cond)
    assert answer.status == "ok", (question, answer.text)
    listed = {line[1:].split("：")[0] for line in answer.text.splitlines() if line.startswith("・")}
    assert listed == want, (question, answer.text)
    assert set((answer.verdict or "").split("、")) - {""} == want, (question, answer.text)
