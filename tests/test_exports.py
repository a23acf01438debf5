"""Files an office hands out (#26): chat text never runs as a formula, Japan time, an XLSX as an
office prints it, and every record row naming its project. Read back with the standard library
and openpyxl, as a person's spreadsheet would read them."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import Store
from tests.conftest import R6_FILE, chat_entry, cli

# Reported at 2026-11-22 01:02:03.456789 UTC = 10:02:03 in Japan.
WHEN = datetime(2026, 11, 22, 1, 2, 3, 456789, tzinfo=UTC)
PLANTED = [
    '=HYPERLINK("http://example.com","詳細")',
    "=1+2",
    "+1+2",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "-10%の削減",
]
# How each planted text reads in the CSV: behind an apostrophe, which a spreadsheet shows as
# text (OWASP's CSV-injection guidance); plain text is left alone.
IN_CSV = {text: "'" + text for text in PLANTED}


@pytest.fixture
def recorded(store: Store, tmp_path):
    """A store file whose No40 record holds each planted text and one plain one."""
    for text in [*PLANTED, "R&D 完了"]:
        store.append_entry(chat_entry(40, text, "R8", WHEN))
    path = store.backup(tmp_path / "recorded.db")

    def run(*args: str, lang: str = "ja"):
        return cli(*args, "--db", str(path), lang=lang)

    return run


def csv_rows(data: str | bytes) -> list[dict]:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_never_start_a_formula(recorded, tmp_path):
    out = tmp_path / "h.csv"
    assert recorded("history", "No40", "--format", "csv", "--out", str(out)).exit_code == 0
    texts = [row["内容"] for row in csv_rows(out.read_bytes())]
    for planted, shown in IN_CSV.items():
        assert shown in texts, planted
    assert "R&D 完了" in texts  # ordinary text as typed
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    for row in csv_rows(out.read_bytes()):
        assert not any(str(v).startswith(dangerous) for v in row.values()), row


def test_xlsx_keeps_chat_text_as_text_never_a_formula(recorded, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "h.xlsx"
    assert recorded("history", "No40", "--format", "xlsx", "--out", str(out)).exit_code == 0
    sheet = load_workbook(out)["実績記録"]
    column = [c.value for c in sheet[1]].index("内容") + 1
    cells = {
        sheet.cell(row=r, column=column).value: sheet.cell(row=r, column=column)
        for r in range(2, sheet.max_row + 1)
    }
    # XML reads a carriage return back as a line end: that one is checked in the CSV only.
    for planted in [t for t in PLANTED if not t.startswith("\r")]:
        cell = cells[planted]  # the text exactly as typed, -10%の削減 included
        assert cell.data_type == "s", planted  # a string, not "f" (a formula)
        assert cell.quotePrefix, planted  # Excel keeps it text when the cell is edited
    assert not cells["R&D 完了"].quotePrefix
    # The same for the project export's record sheet.
    whole = tmp_path / "all.xlsx"
    assert recorded("export", "--format", "xlsx", "--out", str(whole)).exit_code == 0
    values = [c.value for row in load_workbook(whole)["実績記録"].iter_rows() for c in row]
    assert "=1+2" in values


def test_a_signed_number_is_still_a_number_not_an_apostrophe():
    from bot.spreadsheets import csv_cell

    assert csv_cell("-10", "ja") == "-10" and csv_cell(-10, "ja") == -10
    assert csv_cell("-10%の削減", "ja") == "'-10%の削減"


def test_times_are_japan_time_iso_in_json_and_csv(recorded):
    rows = json.loads(recorded("history", "No40", "--format", "json").output)
    mine = [r for r in rows if r["text"] == "R&D 完了"]
    assert mine[0]["created_at"] == "2026-11-22T10:02:03+09:00"
    csv_text = recorded("history", "No40", "--format", "csv", "--header", "en").output
    [row] = [r for r in csv_rows(csv_text) if r["text"] == "R&D 完了"]
    assert row["created_at"] == "2026-11-22T10:02:03+09:00"


def test_times_are_date_times_excel_sorts_in_xlsx(recorded, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "h.xlsx"
    assert recorded("history", "No40", "--format", "xlsx", "--out", str(out)).exit_code == 0
    sheet = load_workbook(out)["実績記録"]
    header = [c.value for c in sheet[1]]
    text, when = header.index("内容") + 1, header.index("記録日時") + 1
    [row] = [
        r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=text).value == "R&D 完了"
    ]
    cell = sheet.cell(row=row, column=when)
    assert cell.value == datetime(2026, 11, 22, 10, 2, 3)  # Japan time, a real date-time
    assert cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm"


# The project workbook's columns and how an office reads them (hand-written from the headers).
MONEY_COLUMN = "事業費（千円）"
WRAPPED = {"事業名", "概要", "主な取組実績", "前身事業", "後継事業"}


def display_width(text: str) -> int:
    """A header's width in a spreadsheet's character columns: two for a Japanese character."""
    return sum(1 if ch.isascii() else 2 for ch in text)


def test_xlsx_prints_a4_landscape_one_page_wide_with_the_header_on_every_page(db_path, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "all.xlsx"
    assert cli("export", "--format", "xlsx", "--out", str(out), "--db", str(db_path)).exit_code == 0
    wb = load_workbook(out)
    for sheet in wb.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape", sheet.title  # 9: A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
        assert sheet.freeze_panes == "A2"
        for cell in sheet[1]:
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= display_width(cell.value) + 2, (sheet.title, cell.value, width)


def test_xlsx_budgets_have_separators_and_long_text_wraps_with_room(db_path, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "all.xlsx"
    assert cli("export", "--format", "xlsx", "--out", str(out), "--db", str(db_path)).exit_code == 0
    sheet = load_workbook(out)["事業"]
    header = [c.value for c in sheet[1]]
    money = header.index(MONEY_COLUMN) + 1
    [no40] = [
        r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=2).value == 40 and sheet.cell(row=r, column=1).value == "R7"
    ]
    budget = sheet.cell(row=no40, column=money)
    assert budget.value == 188084 and budget.number_format == "#,##0"
    summary = sheet.cell(row=no40, column=header.index("概要") + 1)
    assert summary.alignment.wrap_text
    # No40's summary is longer than one line of its column: its row is taller than one line.
    width = sheet.column_dimensions[summary.column_letter].width
    assert display_width(summary.value) > width
    assert sheet.row_dimensions[no40].height >= 2 * 15
    for name in WRAPPED:
        cell = sheet.cell(row=no40, column=header.index(name) + 1)
        assert cell.value is None or cell.alignment.wrap_text, name


def test_the_draft_workbook_prints_the_same_way(db_path, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "draft.xlsx"
    result = cli("draft", "R8", "--format", "xlsx", "--out", str(out), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    header = [c.value for c in sheet[1]]
    budgets = [
        sheet.cell(row=r, column=header.index("事業費(千円)") + 1)
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value == "事業"
    ]
    assert budgets and all(c.number_format == "#,##0" for c in budgets)


# An R6 (unnumbered) project as the R6 document prints it, with a report appended in chat (the
# R6 document's 実績 cells are plans printed in that row, never entries: #24).
R6_PROJECT = ("R6/#3", "公衆衛生DX推進事業", "モデル保健所の伴走支援を実施（チャットの報告）")


def _reported_on_r6(db_path: Path) -> None:
    from bot.models import ActualEntry

    key, _, text = R6_PROJECT
    store = Store.open(db_path)
    entry = ActualEntry(
        project_key=key,
        edition="R6",
        fiscal_year="R6",
        text=text,
        author_id="U1",
        author_name="佐藤",
        platform="slack",
        created_at=datetime(2025, 3, 1, tzinfo=UTC),
    )
    store.append_entry(entry, dedupe_key="test:r6")


def test_every_record_row_names_its_project(db_path, tmp_path):
    from openpyxl import load_workbook

    key, name, text = R6_PROJECT
    assert name in R6_FILE.read_text(encoding="utf-8")
    _reported_on_r6(db_path)
    rows = json.loads(cli("history", "--all", "--format", "json", "--db", str(db_path)).output)
    assert all(r["project_key"] and r["project_name"] for r in rows)
    [r6] = [r for r in rows if r["text"] == text]
    assert (r6["project_no"], r6["project_key"], r6["project_name"]) == (None, key, name)
    csv_text = cli("history", "--all", "--format", "csv", "--db", str(db_path)).output
    [row] = [r for r in csv_rows(csv_text) if r["内容"] == text]
    assert (row["事業番号"], row["事業キー"], row["事業名"]) == ("", key, name)
    out = tmp_path / "h.xlsx"
    assert (
        cli(
            "history", "--all", "--format", "xlsx", "--out", str(out), "--db", str(db_path)
        ).exit_code
        == 0
    )
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    found = [
        [sheet.cell(row=r, column=header.index(h) + 1).value for h in ("事業キー", "事業名")]
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=header.index("内容") + 1).value == text
    ]
    assert found == [[key, name]]


def test_replies_name_an_unnumbered_project_by_its_key_and_name(db_path):
    from bot.adapters.console import Console

    key, name, _ = R6_PROJECT
    db = str(db_path)
    done = cli("update", key, "R&D 完了", "--user", "佐藤", "--db", db)
    assert done.exit_code == 0, done.output
    assert f" {key}：R&D 完了" in done.output and "None" not in done.output
    history = cli("history", key, "--db", db).output
    assert history.startswith(f"{key} {name} の実績の記録") and "None" not in history
    digest = cli("digest", "--now", "2099-01-01T10:00:00+09:00", "--db", db).output
    assert "None" not in digest
    store = Store.open(db_path)
    [entry] = [e for e in store.entries(key) if e.platform == "cli"]
    next_week = (entry.created_at + timedelta(days=7)).isoformat()  # the digest looks back
    digest = cli("digest", "--now", next_week, "--db", db).output
    assert f"・{key} {name} R" in digest
    reply = Console(store).handle(f"history {key}")
    assert reply.startswith(f"{key} {name}") and "None" not in reply
    Console(store).handle(f"history {key} --all")  # the whole record as a file, named by key
    [written] = Path.cwd().glob("roadmap_history_*.txt")
    assert written.name.startswith("roadmap_history_R6_3_")
