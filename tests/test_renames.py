"""Old and new names of a department or section across editions, derived from the projects the
two editions share: a name asked of the edition that does not print it is read as the name
that edition gives those projects, and the answer says so. The expected names are read off the
parsed documents here (projects printed under the same name in both editions), never from the
links the bot computed.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def bare(name: str) -> str:
    return re.sub(r"\s*[(（][^)）]*[)）]\s*", "", name).strip()


def offices(p, kind: str) -> list[str]:
    return departments(p) if kind == "department" else list(p.sections)


def pairs(kind: str, asked: str, shown: str) -> dict[str, Counter]:
    """Name in `asked` → Counter of names in `shown`, by the projects printed under one name
    in both editions."""
    older = {bare(p.name): p for p in EDITIONS[asked]}
    counts: dict[str, Counter] = {}
    for p in EDITIONS[shown]:
        before = older.get(bare(p.name))
        if before is None:
            continue
        was, now = offices(before, kind), offices(p, kind)
        if len(was) == len(now):
            for old, new in zip(was, now, strict=True):
                if old != new:
                    counts.setdefault(old, Counter())[new] += 1
    return counts


def top(counts: Counter) -> str | None:
    """The one most common name, if one is more common than any other."""
    (name, n), *rest = counts.most_common()
    return name if not rest or rest[0][1] < n else None


def renamed(kind: str, asked: str, shown: str) -> list[tuple[str, str]]:
    """(name printed in `asked`, its name in `shown`) for each office of the kind that `shown`
    does not print, when the two names are each other's most common (a rename, not a split)."""
    forward, backward = pairs(kind, asked, shown), pairs(kind, shown, asked)
    printed_here = {o for p in EDITIONS[shown] for o in offices(p, kind)}
    out = []
    for old, names in sorted(forward.items()):
        new = top(names)
        if old in printed_here or new is None:
            continue
        if top(backward.get(new, Counter())) == old:
            out.append((old, new))
    return out


CASES = [
    (kind, asked, shown, old, new)
    for kind in ("department", "section")
    for asked, shown in (("R6", "R7"), ("R7", "R6"))
    for old, new in renamed(kind, asked, shown)
]


def test_the_documents_hold_renamed_offices():
    assert ("department", "R6", "R7", "企画政策部", "総合政策部") in CASES
    assert ("section", "R6", "R7", "教職員課", "教育政策課") in CASES


@pytest.mark.parametrize(("kind", "asked", "shown", "old", "new"), CASES)
def test_an_office_by_its_name_in_the_other_edition(shared, kind, asked, shown, old, new):
    want = {(shown, p.no, p.name) for p in EDITIONS[shown] if new in offices(p, kind)}
    listed = ask(shared, f"{shown}版の{old}の事業は？")
    assert listed.status == "ok", listed.text
    assert {(r.edition, r.no, r.name) for r in listed.projects} == want, listed.text
    assert old in listed.text and new in listed.text  # said in the answer
    counted = ask(shared, f"{shown}版の{old}の事業は何件？")
    assert counted.status == "ok" and f"{len(want)}件" in counted.text, counted.text
    english = ask(shared, f"list the {shown} edition projects of {old}")
    assert {(r.edition, r.no, r.name) for r in english.projects} == want, english.text
    assert old in english.text and new in english.text


@pytest.mark.parametrize(("kind", "asked", "shown", "old", "new"), CASES)
def test_a_project_with_its_office_by_the_other_name(shared, kind, asked, shown, old, new):
    """企画政策部のデジタルデバイド対策事業 asked of R7: the project, and the name R7 gives."""
    for p in EDITIONS[shown]:
        if new not in offices(p, kind):
            continue
        scope = "" if shown == "R7" else "R6版の"
        answer = ask(shared, f"{scope}{old}の{bare(p.name)}の事業費は？")
        assert answer.status == "ok", answer.text
        assert [(r.edition, r.no) for r in answer.projects] == [(shown, p.no)], answer.text
        assert f"{p.budget_thousand_yen:,}千円" in answer.text
        assert old in answer.text and new in answer.text


def test_a_name_the_edition_prints_is_never_renamed(shared):
    """健康福祉部 is printed in R7 too (No29): asked of R7 it is that department as printed."""
    want = {("R7", p.no) for p in EDITIONS["R7"] if "健康福祉部" in departments(p)}
    answer = ask(shared, "R7版の健康福祉部の事業は？")
    assert {(r.edition, r.no) for r in answer.projects} == want, answer.text
    assert "この版での名前" not in answer.text


def test_a_split_is_not_a_rename(shared):
    """こども家庭部 (R7) took over part of R6's 健康福祉部, most of which became 健康医療福祉部:
    R6 has no こども家庭部, and 健康福祉部 is not its name there."""
    answer = ask(shared, "R6版のこども家庭部の事業は？")
    assert not answer.projects and "この版での名前" not in answer.text, answer.text
