"""Edition diff: each older budget compared once (continuations and renames one to one; merges,
splits and take-overs apart), no rename whose old name continues, and totals over the fields
both editions loaded, with the caveat in both languages and every format."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot import diff as diffing
from bot import diff_text
from bot.links import core_name, link_kinds
from bot.models import Link
from bot.sources import load_documents
from bot.store import Store
from tests.conftest import R6_FILE, R7_FILE, cli, loaded_copy
from tests.field_documents import write_field

# Stores to diff: the shipped documents, and other fields added to one edition or to both
# (made from the shipped text: other field, numbers, departments and names).
LAYOUTS = {
    "shipped": [],
    "r7-extra-field": [("sangyo", R7_FILE)],
    "r7-two-extra-fields": [("sangyo", R7_FILE), ("gyosei", R7_FILE)],
    "r6-extra-field": [("sangyo", R6_FILE)],
    "both-extra-field": [("sangyo", R6_FILE), ("sangyo", R7_FILE)],
}


def build(tmp_path: Path, extra: list[tuple[str, Path]]) -> Store:
    """A fresh in-memory store of the layout (a copy: each layout is loaded once per run)."""
    files = [R6_FILE, R7_FILE]
    for kind, source in extra:
        folder = tmp_path / source.stem
        folder.mkdir(exist_ok=True)
        files.append(write_field(folder, kind, source=source))
    return loaded_copy(files)


@pytest.fixture(params=list(LAYOUTS), ids=list(LAYOUTS))
def layout(request, tmp_path) -> tuple[str, Store]:
    return request.param, build(tmp_path, LAYOUTS[request.param])


def ident(ref: diffing.Ref) -> tuple:
    return (ref.edition, ref.field, ref.no, ref.name, ref.line)


def compared_sides(d: diffing.EditionDiff) -> tuple[Counter, Counter]:
    """How many budget comparisons each older and each newer project takes part in."""
    olds, news = Counter(), Counter()
    for c in d.changes:
        olds[ident(c.older)] += 1
        news[ident(c.newer)] += 1
    for t in d.takeovers:
        assert t.compared == (t.budget_change is not None)
        if t.compared:
            olds.update(ident(r) for r in t.older)
            news.update(ident(r) for r in t.newer)
    return olds, news


def test_each_budget_is_compared_at_most_once(layout):
    _, store = layout
    d = diffing.diff_editions(store, "R6", "R7")
    olds, news = compared_sides(d)
    assert olds and max(olds.values()) == 1, [k for k, n in olds.items() if n > 1]
    assert max(news.values()) == 1, [k for k, n in news.items() if n > 1]
    # A budget compared in a change is never part of a compared merge or split.
    in_changes = {ident(c.older) for c in d.changes} | {ident(c.newer) for c in d.changes}
    for t in d.takeovers:
        sides = {ident(r) for r in t.older + t.newer}
        assert not (t.compared and sides & in_changes)
        assert len(t.budgets_old) == len(t.older) and len(t.budgets_new) == len(t.newer)
    # What is compared never exceeds what the common fields hold.
    t = d.common_totals
    assert sum(c.budget_old for c in d.changes) <= t["R6_budget_thousand_yen"]
    assert sum(c.budget_new for c in d.changes) <= t["R7_budget_thousand_yen"]


def test_every_change_has_its_percentage_from_its_own_two_budgets(layout):
    _, store = layout
    d = diffing.diff_editions(store, "R6", "R7")
    for c in d.changes:
        assert c.budget_change == c.budget_new - c.budget_old
        if c.budget_old:
            assert c.budget_change_pct == pytest.approx(
                c.budget_change / c.budget_old * 100, abs=0.05
            )


def test_no_rename_whose_old_name_continues(layout):
    name, store = layout
    d = diffing.diff_editions(store, "R6", "R7")
    new_cores = Counter(core_name(p.name) for p in store.projects("R7"))
    # Links within the fields both editions have (one reaching a field only R7 loaded is
    # shown apart, amounts side by side).
    common = set(d.fields.common)
    inside = [t for t in d.takeovers if all(r.field in common for r in t.older + t.newer)]
    old_sides = Counter(ident(c.older) for c in d.changes)
    old_sides.update(ident(r) for t in inside for r in t.older)
    new_sides = Counter(ident(c.newer) for c in d.changes)
    new_sides.update(ident(r) for t in inside for r in t.newer)
    renamed = [c for c in d.changes if c.renamed]
    # With a copied field in both editions every renamed project also links to its copy's
    # counterpart: many to many, so take-overs, none a rename.
    assert renamed or name == "both-extra-field"
    for c in renamed:
        assert core_name(c.older.name) != core_name(c.newer.name)
        assert new_cores[core_name(c.older.name)] == 0, c.older.name  # its name lives on
        # A rename is one project to one: neither side takes part in any other link.
        assert old_sides[ident(c.older)] == 1 and new_sides[ident(c.newer)] == 1
        assert not c.work_also_to and not c.work_also_from
    for c in d.changes:
        assert c.renamed == (c.kind == "renamed")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_renamed_section_lists_no_take_over(layout, lang):
    _, store = layout
    d = diffing.diff_editions(store, "R6", "R7")
    text = diff_text.to_text(d, markdown=True, lang=lang)
    sections = text.split("\n## ")
    heading = "名称変更" if lang == "ja" else "Renamed"
    renamed = next(s for s in sections if s.startswith(heading))
    taken = next(s for s in sections if s.startswith("統合" if lang == "ja" else "Merged"))
    assert renamed.count("\n- ") == sum(c.renamed for c in d.changes)
    assert taken.count("\n- ") == len(d.takeovers)
    common = set(d.fields.common)
    for t in d.takeovers:
        if all(r.field in common for r in t.older + t.newer):
            for r in t.newer:
                assert f"→ No{r.no} " not in renamed


def test_校務_is_continued_and_no40_took_over_two_projects(store):
    """The newcomer's case: R6 校務のICT活用推進事業 continues as No37 and 学校DXスタートアップ事業
    as No38; No40 took over part of both — shown side by side, never as a rename or a %."""
    d = diffing.diff_editions(store, "R6", "R7")
    by_old = {c.older.name: c for c in d.changes}
    kouMU = next(n for n in by_old if n.startswith("校務のICT活用推進事業"))
    assert by_old[kouMU].newer.no == 37 and by_old[kouMU].kind == "continued"
    assert by_old["学校DXスタートアップ事業"].newer.no == 38
    no40 = [t for t in d.takeovers if 40 in {r.no for r in t.newer}]
    assert len(no40) == 1 and not no40[0].compared and no40[0].budget_change_pct is None
    assert {r.name for r in no40[0].older} == {kouMU, "学校DXスタートアップ事業"}
    assert 40 not in {c.newer.no for c in d.changes}
    assert [r.no for r in by_old[kouMU].work_also_to] == [40]
    text = diff_text.to_text(d)
    assert "→ No40" not in text.split("■ 名称変更")[1].split("■")[0]


def test_a_merge_into_one_project_compares_the_sum(store):
    """Predecessors flowing only into one successor: their sum against it, with a %."""
    olds = [p for p in store.projects("R6") if p.budget_thousand_yen][:2]
    new = next(p for p in store.projects("R7") if p.budget_thousand_yen)
    group = [Link(older=p.key, newer=new.key, score=96.0, evidence="", renamed=True) for p in olds]
    assert set(link_kinds(group).values()) == {"taken_over"}
    merged = diffing._takeover(store, group, set(), comparable=True)
    total = sum(p.budget_thousand_yen for p in olds)
    assert merged.kind == "merged" and merged.compared
    assert merged.budget_change == new.budget_thousand_yen - total
    assert merged.budget_change_pct == pytest.approx(merged.budget_change / total * 100, abs=0.05)
    split = diffing._takeover(
        store,
        [Link(older=olds[0].key, newer=new.key, score=96.0, evidence="", renamed=True)]
        + [
            Link(older=olds[0].key, newer=p.key, score=96.0, evidence="", renamed=True)
            for p in store.projects("R7")[-1:]
        ],
        set(),
        comparable=True,
    )
    assert split.kind == "split" and split.compared
    # Any side already compared in a continuation: amounts only.
    shared = diffing._takeover(store, group, {olds[0].key}, comparable=True)
    assert not shared.compared and shared.budget_change is None and shared.kind == "taken_over"


def test_same_fields_no_caveat_and_common_totals_are_the_totals(store):
    d = diffing.diff_editions(store, "R6", "R7")
    assert d.fields and d.fields.same and d.caveat is None
    assert d.common_totals == d.totals
    for lang in ("ja", "en"):
        lines = diff_text.to_text(d, lang=lang).splitlines()
        assert not [line for line in lines if line.startswith("※")]
        assert len([line for line in lines[:4] if line.strip()]) == 2  # title, one totals line


def test_unequal_fields_compare_the_common_ones(tmp_path, store):
    shipped = diffing.diff_editions(store, "R6", "R7")
    wider = build(tmp_path, LAYOUTS["r7-extra-field"])
    d = diffing.diff_editions(wider, "R6", "R7")
    r7 = wider.projects("R7")
    assert d.fields.only_newer == ["産業・しごと分野"] and not d.fields.only_older
    assert d.fields.common == ["暮らし・まち分野"]
    # Totals: the common fields compared, every field kept apart for reference.
    assert d.common_totals == shipped.totals
    assert d.totals["R7_projects"] == len(r7) == 2 * shipped.totals["R7_projects"]
    assert d.totals["R7_budget_thousand_yen"] == sum(p.budget_thousand_yen for p in r7)
    # The common-field comparison is the shipped one: the other field adds nothing to it.
    assert [ident(c.older) + ident(c.newer) for c in d.changes] == [
        ident(c.older) + ident(c.newer) for c in shipped.changes
    ]
    assert [ident(r) for r in d.added] == [ident(r) for r in shipped.added]
    assert [ident(r) for r in d.ended] == [ident(r) for r in shipped.ended]
    assert all(r.field == "産業・しごと分野" for r in d.uncompared)


def test_an_older_edition_with_more_fields_says_so(tmp_path):
    d = diffing.diff_editions(build(tmp_path, LAYOUTS["r6-extra-field"]), "R6", "R7")
    assert d.fields.only_older == ["産業・しごと分野"] and not d.fields.only_newer
    assert d.common_totals["R6_projects"] < d.totals["R6_projects"]
    assert {r.edition for r in d.uncompared} <= {"R6"}
    assert "産業・しごと分野" in d.caveat["ja"] and "産業・しごと分野" in d.caveat["en"]


def test_common_fields_for_answering(tmp_path):
    """The helper answering can use to caveat any comparison of two editions."""
    wider = build(tmp_path, LAYOUTS["r7-two-extra-fields"])
    coverage = diffing.common_fields(wider, "R6", "R7")
    assert coverage.older == wider.fields("R6") and coverage.newer == wider.fields("R7")
    assert coverage.common == ["暮らし・まち分野"] and len(coverage.only_newer) == 2
    assert not coverage.same
    assert diffing.common_fields(wider, "R7", "R7").same
    ja = diffing.field_caveat(coverage, "R6", "R7", "ja")
    en = diffing.field_caveat(coverage, "R6", "R7", "en")
    assert all(f in ja and f in en for f in wider.fields("R7"))
    assert "分野" in ja and "fields" in en
    assert diffing.field_caveat(diffing.common_fields(wider, "R6", "R6"), "R6", "R6") is None


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_caveat_in_every_format_and_language(tmp_path, fmt, lang):
    wider = build(tmp_path, LAYOUTS["r7-extra-field"])
    db = wider.backup(tmp_path / "roadmap.db")
    result = cli("diff", "R6", "R7", "--format", fmt, "--db", str(db), lang=lang)
    assert result.exit_code == 0, result.output
    caveat = diffing.field_caveat(diffing.common_fields(wider, "R6", "R7"), "R6", "R7", lang)
    d = diffing.diff_editions(wider, "R6", "R7")
    if fmt == "json":
        data = json.loads(result.output)
        assert data["caveat"][lang] == caveat
        assert data["fields"]["only_newer"] == ["産業・しごと分野"]
        assert data["common_totals"] == d.common_totals and data["totals"] == d.totals
        return
    assert caveat in result.output
    common = d.common_totals
    assert f"{common['R7_budget_thousand_yen']:,}" in result.output
    reference = next(
        line
        for line in result.output.splitlines()
        if "1,392,520" in line and f"{d.totals['R7_budget_thousand_yen']:,}" in line
    )
    assert ("参考" in reference) if lang == "ja" else ("For reference" in reference)
    assert ("比較対象外" if lang == "ja" else "Not compared") in result.output


def test_the_shipped_diff_reads_in_english_without_japanese_headings(db_path):
    result = cli("diff", "R6", "R7", "--db", str(db_path), lang="en")
    assert result.exit_code == 0
    headings = [line for line in result.output.splitlines() if line.startswith("■")]
    assert headings and not any("版" in h or "件" in h for h in headings)
    assert "R6版" not in result.output


def test_links_classified_for_answering(layout):
    """What answering reuses: renames are the diff's renames, and a project's continuation is
    the one link its budget compares over (none for a project that took over others' work)."""
    _, store = layout
    d = diffing.diff_editions(store, "R6", "R7")
    kinds = diffing.classified_links(store, "R6", "R7")
    renamed = {
        (store.project(k.older).name, store.project(k.newer).no)
        for k, kind in kinds
        if kind == "renamed"
    }
    assert renamed == {(c.older.name, c.newer.no) for c in d.changes if c.renamed}
    for c in d.changes:
        new = next(p for p in store.projects("R7") if p.no == c.newer.no)
        link = diffing.continuation(store, new.key)
        assert link is not None and store.project(link.older).name == c.older.name
        assert diffing.continuation(store, link.older, successor=True) == link
    for t in d.takeovers:
        for r in t.newer:
            if r.no not in {c.newer.no for c in d.changes}:
                new = next(p for p in store.projects("R7") if p.no == r.no)
                assert diffing.continuation(store, new.key) is None


def test_documents_printing_no_field_still_compare(tmp_path, store):
    """A 分野 cell left blank in both editions: one (unnamed) common field, the same story."""
    files = []
    for source in (R6_FILE, R7_FILE):
        path = tmp_path / source.name
        path.write_text(source.read_text(encoding="utf-8").replace("暮らし・まち分野", ""), "utf-8")
        files.append(path)
    blank = Store.memory()
    load_documents(blank, files)
    d, shipped = diffing.diff_editions(blank, "R6", "R7"), diffing.diff_editions(store, "R6", "R7")
    assert d.fields.same and d.caveat is None and d.common_totals == shipped.totals
    assert [(r.no, r.name) for r in d.added] == [(r.no, r.name) for r in shipped.added]
    assert len(d.ended) == len(shipped.ended) and len(d.changes) == len(shipped.changes)
    assert not d.uncompared
