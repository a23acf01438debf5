"""A table as an office file: one value per cell, CSV for Excel (a cell that would run as a
formula is written as text) and XLSX as an office prints it (amounts in #,##0, Japan time as
date-times, widths and wrapped rows that fit, an autofilter, A4 landscape with the header
repeated on every page)."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from datetime import datetime
from typing import Literal, NamedTuple

from bot.fiscal_year import TOKYO


class Column(NamedTuple):
    """One column of a table: its row key, Japanese header, identifier, width in characters,
    and how its cells are written (text, an amount in #,##0, or a date-time)."""

    key: str
    ja: str
    en: str
    width: int
    kind: Literal["text", "money", "time"] = "text"


def _cell(value, header: str):
    """A value as one spreadsheet cell: numbers stay numbers, flags read as ○ in Japanese."""
    if isinstance(value, bool):
        if header == "ja":
            return "○" if value else ""
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection):
# `=HYPERLINK(…)` typed in chat would be a live link in the file an admin opens.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would evaluate (a signed number such as -10 is only a number)."""
    return text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text)


def csv_cell(value, header: str):
    """A CSV cell: formula-like text behind an apostrophe, which shows it as typed
    (`'-10%の削減`) instead of running it."""
    value = _cell(value, header)
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def to_csv(rows: list[dict], columns: list[Column], header: str = "ja") -> bytes:
    """The one CSV writer: UTF-8 with a BOM (Excel in Japanese reads it), one value a cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.ja if header == "ja" else c.en for c in columns])
    for row in rows:
        writer.writerow(
            ["" if (v := csv_cell(row.get(c.key), header)) is None else v for c in columns]
        )
    return out.getvalue().encode("utf-8-sig")


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a full-width (Japanese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(column: Column, header: str) -> int:
    """The column's width, at least its header's (a bold Japanese header needs two per
    character and a little room for the filter button)."""
    title = column.ja if header == "ja" else column.en
    return max(column.width, display_width(title) + 4)


def lines_needed(text: str, width: int) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide."""
    usable = max(1, width - 1)
    return sum(max(1, -(-display_width(line) // usable)) for line in text.split("\n"))


LINE_HEIGHT = 15  # points: one line of the default 11-point font


MAX_ROW_HEIGHT = 409  # points: Excel's limit


def _local_time(value):
    """An ISO time with its offset → the same moment in Japan time, without the zone (Excel
    knows no time zones; its date-times sort and filter)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(TOKYO).replace(tzinfo=None)


def _sheet(wb, title: str, columns: list[Column], rows: list[dict], header: str) -> None:
    """One sheet as an office prints it: typed cells, text kept as text, amounts in #,##0,
    date-times, wrapped long text with row heights, a filter and a frozen header row, and
    A4 landscape one page wide with the header row on every page."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    widths = [column_width(c, header) for c in columns]
    for i, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=column.ja if header == "ja" else column.en)
        cell.font = Font(bold=True)
        cell.alignment = top
        ws.column_dimensions[get_column_letter(i)].width = widths[i - 1]
    for r, row in enumerate(rows, start=2):
        lines = 1
        for i, column in enumerate(columns, start=1):
            value = _cell(row.get(column.key), header)
            if value is None or value == "":
                continue
            if column.kind == "time":
                value = _local_time(value)
            cell = ws.cell(row=r, column=i)
            cell.value = value
            if isinstance(value, str):
                # Never a formula: openpyxl stores text that starts with "=" as one.
                cell.data_type = "s"
                if looks_like_formula(value):
                    cell.quotePrefix = True  # Excel keeps it text when the cell is edited
            if column.kind == "money":
                cell.number_format = "#,##0"
            elif column.kind == "time":
                cell.number_format = "yyyy-mm-dd hh:mm"
            if column.width >= 30 and isinstance(value, str):
                cell.alignment = wrap
                lines = max(lines, lines_needed(value, widths[i - 1]))
            else:
                cell.alignment = top
        if lines > 1:
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)
    last = get_column_letter(len(columns))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True


def to_xlsx(sheets: list[tuple[str, list[Column], list[dict]]], header: str = "ja") -> bytes:
    """The one XLSX writer: a sheet per table (see _sheet)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, columns, rows in sheets:
        _sheet(wb, title, columns, rows, header)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
