"""#24: a document cell printed in a 実績 row for the edition's own fiscal year or a later one
is a plan, never a result — in the parsed models, the record, history, exports and drafts —
and a store loaded before is corrected by appended retractions (migration m018).

Expected cells are read from the documents' own lines here, not from the parser."""

from __future__ import annotations

import re
import sqlite3

from bot import migrations
from bot.fiscal_year import FiscalYear
from bot.models import DOCUMENT_PLATFORM, ActualEntry
from bot.sources import default_sources
from bot.store import Store


def _documents() -> dict[str, list[list[str]]]:
    """Each document's lines as cells, by edition (R6, R7: from the 事業費 label)."""
    out = {}
    for path in default_sources():
        lines = [raw.split("\t") for raw in path.read_text(encoding="utf-8").split("\n")]
        edition = next(
            f"R{cell[1:].split('事業費')[0]}"
            for row in lines
            for cell in row
            if cell.startswith("R") and "事業費" in cell
        )
        out[edition] = lines
    return out


def _later_actual_cells() -> list[tuple[str, int, str, str]]:
    """(edition, line, year, text) of every 実績 row cell, with its year read from the table's
    header the way the gold of the bank reads them: where the header has a 目標/実績 column
    (取組⇥⇥R6…) each year has its cell; where it has none, the cells after 実績 are read in
    order from the header's years, and a row whose first cell is 実績 (No41) likewise."""
    found = []
    for edition, lines in _documents().items():
        own = FiscalYear.parse(edition)
        years: list[str] = []
        for number, cells in enumerate(lines, start=1):
            stripped = [c.strip() for c in cells]
            if stripped and stripped[0].replace(" ", "") == "取組":
                years = [c for c in stripped[1:] if c]
                continue
            if "実績" not in stripped[:2] or not years:
                continue
            after = stripped[stripped.index("実績") + 1 :]
            for year, text in zip(years, after, strict=False):
                if text and FiscalYear.parse(year) >= own:
                    found.append((edition, number, year, text))
    return found


def test_no_plan_printed_in_an_actual_row_is_an_actual(store):
    later = _later_actual_cells()
    # The documents hold such cells: No34, No55 and the R6 edition's 公衆衛生DX推進事業 among them.
    lines = {(e, n) for e, n, _, _ in later}
    assert {("R7", 201), ("R7", 565), ("R6", 36)} <= lines
    for edition, number, year, text in later:
        cells = [
            (p, i, i.years.get(year))
            for p in store.projects(edition)
            for i in p.initiatives
            if i.lines.get(f"plan_in_actual_row:{year}") == number
        ]
        assert cells, (edition, number, year, text)
        for _, _, cell in cells:
            printed = re.sub(r"<[^>]+>|\s", "", text)  # the dumps' HTML fragments, spaces
            assert cell.actual is None
            assert printed in re.sub(r"\s", "", cell.plan_in_actual_row or "")
    for p in store.all_projects():
        own = FiscalYear.parse(p.edition)
        for i in p.initiatives:
            for year, cell in i.years.items():
                if cell.actual:
                    assert FiscalYear.parse(year) < own, (p.key, year, cell.actual)
        for e in store.counted_entries(p.key):
            if e.from_document and e.kind == "actual":
                assert FiscalYear.parse(e.fiscal_year) < own, (p.key, e)


def test_no55_keeps_its_later_cells_as_plans(store):
    no55 = store.project("R7/No55")
    meeting = no55.initiatives[0]
    assert [meeting.years[y].plan_in_actual_row for y in ("R8", "R9", "R10")] == [
        "推進体制検討・構築",
        "推進体制運用",
        "推進体制運用",
    ]
    assert meeting.years["R9"].plans == ["検討会実施", "推進体制運用"]
    assert not [e for e in store.entries("R7/No55") if e.kind == "actual"]


def test_a_store_loaded_before_is_corrected_by_appended_retractions(tmp_path, loaded_template):
    path = loaded_template.backup(tmp_path / "old.db")
    store = Store.open(path)
    # The store as the parser before #24 left it: those cells as 実績, each an entry.
    old = []
    for p in store.all_projects():
        for position, i in enumerate(p.initiatives, start=1):
            for year, cell in i.years.items():
                if cell.plan_in_actual_row:
                    old.append((p, position, i, year, cell.plan_in_actual_row))
    assert len(old) >= 7
    appended = []
    for p, position, i, year, text in old:
        entry, _ = store.append_entry(
            ActualEntry(
                project_key=p.key,
                edition=p.edition,
                project_no=p.no,
                fiscal_year=year,
                initiative=i.label or f"取組{position}",
                kind="actual",
                text=text,
                author_name=p.source.file,
                platform=DOCUMENT_PLATFORM,
                source_file=p.source.file,
                source_line=i.lines[f"plan_in_actual_row:{year}"],
            )
        )
        appended.append(entry.id)
    before = len(store.entries())
    store.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE initiative_years SET actual = plan_in_actual_row, "
        "actual_line = plan_in_actual_row_line WHERE plan_in_actual_row IS NOT NULL"
    )
    for sql in (
        "ALTER TABLE initiatives DROP COLUMN short_from",
        "ALTER TABLE initiative_years DROP COLUMN plan_in_actual_row",
        "ALTER TABLE initiative_years DROP COLUMN plan_in_actual_row_line",
        "DELETE FROM _sqlite_migrations WHERE name = 'm018_plans_printed_in_actual_rows'",
    ):
        conn.execute(sql)
    conn.commit()
    conn.close()
    assert migrations.pending(sqlite3.connect(path)) == ["m018_plans_printed_in_actual_rows"]
    store = Store.open(path)
    try:
        entries = store.entries()
        # Appended, never edited: every old entry is still there, each retracted once.
        assert len(entries) == before + len(appended)
        retractions = [e for e in entries if e.kind == "retraction"]
        assert sorted(e.retracts for e in retractions) == sorted(appended)
        assert all(e.text == migrations.PLAN_NOT_RESULT for e in retractions)
        counted = {e.id for p in store.all_projects() for e in store.counted_entries(p.key)}
        assert not counted & set(appended)
        for p, _, i, year, text in old:
            cell = next(x for x in store.project(p.key).initiatives if x.label == i.label)
            assert cell.years[year].actual is None
            assert cell.years[year].plan_in_actual_row == text
        assert not [
            h for h in store.search("推進体制運用", "R7") if h.kind == "actual"
        ]  # searched as a plan
    finally:
        store.close()
