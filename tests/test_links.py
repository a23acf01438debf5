"""Linking editions: the fast candidate search finds exactly what scoring every pair finds."""

from __future__ import annotations

import pytest

from bot.links import TAKEN_OVER, THRESHOLD, continuations_first, link_editions, score, scored_links
from bot.models import Edition


def every_pair(older, newer) -> list[tuple[str, str, float, str]]:
    """The slow, obviously right way: score every pair of projects."""
    found = []
    for o in older:
        for n in newer:
            value, evidence = score(o, n)
            if value >= THRESHOLD:
                found.append((o.key, n.key, round(value, 1), evidence))
    return found


def as_rows(links) -> list[tuple[str, str, float, str]]:
    return [(link.older, link.newer, link.score, link.evidence) for link in links]


def renamed(edition: Edition, code: str) -> list:
    """The edition again under another code, every name cut or reworded a little."""
    projects = []
    for i, p in enumerate(edition.projects):
        name = p.name[: max(4, len(p.name) - i % 4)] + ("推進事業" if i % 3 == 0 else "")
        projects.append(p.model_copy(update={"edition": code, "name": name}))
    return projects


def test_real_editions_link_as_scoring_every_pair_would(r6, r7):
    links = scored_links(r6.projects, r7.projects)
    assert as_rows(links) == every_pair(r6.projects, r7.projects)
    assert len(links) >= 20


def test_a_project_continuing_under_its_name_links_only_there(r6, r7):
    links = link_editions(r6.projects, r7.projects)
    assert links == continuations_first(scored_links(r6.projects, r7.projects))
    for link in links:
        old = next(p for p in r6.projects if p.key == link.older)
        same = [p for p in r7.projects if score(old, p)[0] >= 100]
        took = [p for p in r7.projects if score(old, p)[0] == TAKEN_OVER]
        if same:  # continued under its own name: linked there, and where its work went
            assert {x.newer for x in links if x.older == link.older} == {p.key for p in same + took}
        # A rename is a rename only when the names differ as people say them.
        assert link.renamed == (
            score(old, next(p for p in r7.projects if p.key == link.newer))[0] < 100
        )
    divide = next(p.key for p in r6.projects if p.name == "デジタルデバイド対策事業")
    assert [x.newer for x in links if x.older == divide] == ["R7/No45"]


@pytest.mark.parametrize("older", ["r6", "r7"])
def test_reworded_names_link_as_scoring_every_pair_would(older, r6, r7):
    old = {"r6": r6, "r7": r7}[older].projects
    new = renamed(r7, "R8")
    assert as_rows(scored_links(old, new)) == every_pair(old, new)


def test_no_projects_no_links(r7):
    assert link_editions([], r7.projects) == [] == link_editions(r7.projects, [])
