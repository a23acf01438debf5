"""Linking editions: the fast candidate search finds exactly what scoring every pair finds."""

from __future__ import annotations

import sqlite3

import pytest

from bot import messages as m
from bot import migrations
from bot.links import THRESHOLD, continuations_first, link_editions, score, scored_links
from bot.models import Edition, Evidence
from bot.store import Store


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


# R6 (by its position, R6/#n) → R7, and whether the name changed: read off both documents'
# 事業名 lines by hand (#28), never from the scoring under test. R6 #13 校務のICT活用推進事業 and
# #14 学校DXスタートアップ事業 continue under their names (No37, No38) and No40 takes over part
# of their work (its name is new); #17 公立学校における教育改革支援事業 only gains a
# parenthesis in R7 (No36): no rename.
LINKS = [
    ("R6/#1", "R7/No24", True),  # へき地オンライン診療支援対策事業 → …支援推進事業
    ("R6/#2", "R7/No25", False),
    ("R6/#3", "R7/No23", False),
    ("R6/#5", "R7/No29", False),
    ("R6/#6", "R7/No30", False),
    ("R6/#7", "R7/No26", False),
    ("R6/#8", "R7/No27", False),
    ("R6/#9", "R7/No31", True),  # 障害福祉施設等介護ロボット… → 障がい福祉分野の介護テクノロジー…
    ("R6/#10", "R7/No33", False),
    ("R6/#12", "R7/No35", False),
    ("R6/#13", "R7/No37", False),
    ("R6/#13", "R7/No40", True),
    ("R6/#14", "R7/No38", False),
    ("R6/#14", "R7/No40", True),
    ("R6/#15", "R7/No39", True),  # 高等学校におけるICT… → 新しい時代を切り拓く力を育む高校支援事業
    ("R6/#17", "R7/No36", False),
    (
        "R6/#18",
        "R7/No44",
        True,
    ),  # 地域交通AX推進事業費 → 地域連携による交通ネットワーク確保・維持事業
    ("R6/#20", "R7/No46", False),
    ("R6/#21", "R7/No45", False),
    ("R6/#22", "R7/No48", True),  # …防疫システム構築事業 → …防疫システム運営事業
    (
        "R6/#23",
        "R7/No49",
        True,
    ),  # 人口減少時代の危機管理体制構築事業(…) → デジタルツール導入運営事業
    ("R6/#25", "R7/No52", False),
    ("R6/#26", "R7/No53", False),
    ("R6/#27", "R7/No54", True),  # 暮らし・まちのDX創出基盤構築事業 → あおもりDXプロモーション事業
]


def test_the_real_editions_link_as_their_names_say(r6, r7):
    links = link_editions(r6.projects, r7.projects)
    assert [(x.older, x.newer, x.renamed) for x in links] == LINKS
    assert links == continuations_first(scored_links(r6.projects, r7.projects))
    divide = next(p.key for p in r6.projects if p.name == "デジタルデバイド対策事業")
    assert [x.newer for x in links if x.older == divide] == ["R7/No45"]


@pytest.mark.parametrize("older", ["r6", "r7"])
def test_reworded_names_link_as_scoring_every_pair_would(older, r6, r7):
    old = {"r6": r6, "r7": r7}[older].projects
    new = renamed(r7, "R8")
    assert as_rows(scored_links(old, new)) == every_pair(old, new)


def test_no_projects_no_links(r7):
    assert link_editions([], r7.projects) == [] == link_editions(r7.projects, [])


def prose(e: Evidence) -> str:
    """The evidence as migrations m001–m013 stored it: Japanese prose, parsed back to read it."""
    if e.same_name:
        return "同名"
    if e.named_older:
        return f"新版の記載に「{e.named_older}{'より' if e.taken_over else ''}」"
    if e.initiative_pair:
        return f"始期{e.start}が同じ・取組「{e.initiative_pair[0]}」→「{e.initiative_pair[1]}」"
    return f"名称{e.name}・概要{e.summary}・取組{e.labels}" + ("・始期同じ" if e.same_start else "")


def test_an_older_stores_evidence_prose_becomes_data_with_the_same_words(db_path):
    store = Store.open(db_path)
    links = store.links()
    words = {
        (k.older, k.newer): [m.evidence_words(k.evidence, g) for g in ("ja", "en")] for k in links
    }
    store.close()
    assert all(all(said) for said in words.values())  # every link is said in words
    assert words[("R6/#10", "R7/No33")] == ["名称が同じ", "the same name"]
    assert words[("R6/#1", "R7/No24")][0] == "名称がほぼ同じ・概要が同じ・取組が同じ・始期が同じ"
    kinds = {prose(Evidence.read(k.evidence)).split("「")[0][:2] for k in links}
    assert {"同名", "新版", "名称"} <= kinds  # the real links hold each common kind
    # The store as m013 left it: evidence in prose, m014 not yet applied.
    conn = sqlite3.connect(db_path)
    for k in links:
        conn.execute(
            "UPDATE links SET evidence = ? WHERE older = ? AND newer = ?",
            [
                prose(Evidence.read(k.evidence)) + (" (same name)" if k.score == 100 else ""),
                k.older,
                k.newer,
            ],
        )
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_link_evidence_as_data'")
    conn.commit()
    conn.close()
    assert migrations.pending(sqlite3.connect(db_path)) == ["m014_link_evidence_as_data"]
    store = Store.open(db_path)
    try:
        assert [(k.older, k.newer, Evidence.read(k.evidence)) for k in store.links()] == [
            (k.older, k.newer, Evidence.read(k.evidence)) for k in links
        ]
        for k in store.links():
            assert [m.evidence_words(k.evidence, g) for g in ("ja", "en")] == words[
                (k.older, k.newer)
            ]
    finally:
        store.close()
    # Prose of no known form is kept whole, never dropped.
    odd = Evidence.read(migrations.evidence_from_prose("担当課の申し送り"))
    assert m.evidence_words(odd.stored()) == "担当課の申し送り"
