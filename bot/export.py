"""Projects and the record as files people take away: JSON with a fixed set of keys, CSV for
Excel, and XLSX as an office prints it."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from datetime import datetime
from typing import Literal, NamedTuple

from bot.fiscal_year import TOKYO
from bot.messages import evidence_words
from bot.models import Link, Project
from bot.store import Store

EXPORT_KEYS = (
    "edition",
    "no",
    "number_inferred",
    "name",
    "field",
    "category",
    "department",
    "sections",
    "budget_thousand_yen",
    "budget_note",
    "start",
    "end",
    "priority_frame",
    "future_response",
    "summary",
    "initiatives",
    "achievements",
    "source",
    "predecessors",
    "successors",
)


def _link(store: Store, key: str, link: Link) -> dict:
    other = store.project(key)
    return {
        "edition": key.split("/", 1)[0],
        "no": other.no if other else None,
        "name": other.name if other else None,
        "key": key,
        "score": link.score,
        "evidence": evidence_words(link.evidence),  # people read the words, not the JSON
        "renamed": link.renamed,
    }


def project_record(store: Store, project: Project, links: list[Link] | None = None) -> dict:
    """One project with exactly EXPORT_KEYS, links included."""
    links = store.links() if links is None else links
    data = project.model_dump(mode="json", exclude={"position"})
    data["initiatives"] = [{"label": i["label"], "years": i["years"]} for i in data["initiatives"]]
    data["predecessors"] = [_link(store, k.older, k) for k in links if k.newer == project.key]
    data["successors"] = [_link(store, k.newer, k) for k in links if k.older == project.key]
    return {key: data[key] for key in EXPORT_KEYS}


def records(store: Store, edition: str | None = None) -> list[dict]:
    """Every project of one edition, or of all editions when none is given."""
    links = store.links()
    projects = store.projects(edition) if edition else store.all_projects()
    return [project_record(store, p, links) for p in projects]


def entry_time(moment: datetime | None) -> str | None:
    """When an entry was recorded, in Japan time with its offset, to the second
    (2026-11-22T10:00:00+09:00)."""
    return moment.astimezone(TOKYO).isoformat(timespec="seconds") if moment else None


def entry_record(entry, project_name: str | None = None) -> dict:
    """One entry of the actual-results record as plain data (`history --json`, exports): its
    project by number, key and name (an unnumbered edition's project has only the last two)."""
    return {
        "id": entry.id,
        "project_no": entry.project_no,
        "project_key": entry.project_key,
        "project_name": project_name,
        "edition": entry.edition,
        "fiscal_year": entry.fiscal_year,
        "initiative": entry.initiative,
        "kind": entry.kind,
        "text": entry.text,
        "author": entry.author_name or entry.author_id,
        "source": {
            "platform": entry.platform,
            "file": entry.source_file,
            "line": entry.source_line,
            "channel": entry.channel,
        },
        "created_at": entry_time(entry.created_at),
        "retracted": entry.retracted,
        "retracts": entry.retracts,
    }


def entry_records(store: Store, entries) -> list[dict]:
    """Entries as plain data, each naming its project (None: a revised document left the
    project out, and its name went with it)."""
    names: dict[str, str | None] = {}
    for e in entries:
        if e.project_key not in names:
            project = store.project(e.project_key)
            names[e.project_key] = project.name if project else None
    return [entry_record(e, names[e.project_key]) for e in entries]


def to_json(rows: list[dict]) -> str:
    """Pretty JSON, Japanese left readable."""
    return json.dumps(rows, ensure_ascii=False, indent=2)


# -- tables for Excel: one value per cell, Japanese headers (identifiers with --header en) --


class Column(NamedTuple):
    """One column of a table: its row key, Japanese header, identifier, width in characters,
    and how its cells are written (text, an amount in #,##0, or a date-time)."""

    key: str
    ja: str
    en: str
    width: int
    kind: Literal["text", "money", "time"] = "text"


PROJECT_COLUMNS: list[Column] = [
    Column("edition", "版", "edition", 6),
    Column("no", "番号", "no", 6),
    Column("number_inferred", "番号は推定", "number_inferred", 8),
    Column("name", "事業名", "name", 40),
    Column("field", "分野", "field", 14),
    Column("category", "項目", "category", 18),
    Column("department", "担当部局", "department", 16),
    Column("sections", "担当課", "sections", 20),
    Column("budget_thousand_yen", "事業費（千円）", "budget_thousand_yen", 14, "money"),
    Column("budget_note", "事業費の注記", "budget_note", 16),
    Column("start", "事業始期", "start", 8),
    Column("end", "事業終期", "end", 8),
    Column("priority_frame", "重点枠事業", "priority_frame", 8),
    Column("future_response", "将来対応分", "future_response", 8),
    Column("summary", "概要", "summary", 60),
    Column("achievements", "主な取組実績", "achievements", 60),
    Column("source_file", "出典ファイル", "source_file", 24),
    Column("source_line", "出典行", "source_line", 7),
    Column("predecessors", "前身事業", "predecessors", 30),
    Column("successors", "後継事業", "successors", 30),
]
INITIATIVE_COLUMNS: list[Column] = [
    Column("edition", "版", "edition", 6),
    Column("no", "番号", "no", 6),
    Column("name", "事業名", "name", 40),
    Column("initiative", "取組", "initiative", 40),
    Column("fiscal_year", "年度", "fiscal_year", 8),
    Column("plan", "計画/目標", "plan", 50),
    Column("actual", "実績", "actual", 50),
    # #24: text the document printed in the 実績 row for the edition's year or later — a plan.
    Column("plan_in_actual_row", "実績欄に印刷された計画", "plan_in_actual_row", 40),
]
ENTRY_COLUMNS: list[Column] = [
    Column("id", "記録番号", "id", 8),
    Column("edition", "版", "edition", 6),
    Column("project_no", "事業番号", "project_no", 8),
    Column("project_key", "事業キー", "project_key", 14),
    Column("project_name", "事業名", "project_name", 40),
    Column("fiscal_year", "年度", "fiscal_year", 8),
    Column("initiative", "取組", "initiative", 30),
    Column("kind", "種別", "kind", 10),
    Column("text", "内容", "text", 60),
    Column("author", "記録者", "author", 14),
    Column("platform", "記録元", "platform", 10),
    Column("source_file", "出典ファイル", "source_file", 24),
    Column("source_line", "出典行", "source_line", 7),
    Column("channel", "チャンネル", "channel", 12),
    Column("created_at", "記録日時", "created_at", 18, "time"),
    Column("retracted", "取消済み", "retracted", 8),
    Column("retracts", "取り消した記録", "retracts", 10),
]
KIND_WORDS = {"actual": "実績", "achievement": "主な取組実績", "retraction": "取消"}


def _edition(code: str) -> str:
    from bot.prefectures import label_of

    return label_of(code)


def _linked(links: list[dict]) -> str:
    return "、".join(
        f"{_edition(k['edition'])}版 "
        + (f"No{k['no']} " if k["no"] is not None else "")
        + k["name"]
        for k in links
        if k.get("name")
    )


def project_rows(records: list[dict]) -> list[dict]:
    """Projects as flat rows: lists joined with 「、」, links as readable names."""
    return [
        {
            **{c.key: r.get(c.key) for c in PROJECT_COLUMNS},
            "edition": _edition(r["edition"]),
            "sections": "、".join(r["sections"]),
            "source_file": (r.get("source") or {}).get("file"),
            "source_line": (r.get("source") or {}).get("line"),
            "predecessors": _linked(r["predecessors"]),
            "successors": _linked(r["successors"]),
        }
        for r in records
    ]


def initiative_rows(records: list[dict]) -> list[dict]:
    """Initiatives in long form: one row per project, initiative and fiscal year."""
    rows = []
    for r in records:
        for initiative in r["initiatives"]:
            for year, cell in initiative["years"].items():
                rows.append(
                    {
                        "edition": _edition(r["edition"]),
                        "no": r["no"],
                        "name": r["name"],
                        "initiative": initiative["label"],
                        "fiscal_year": year,
                        "plan": cell.get("plan"),
                        "actual": cell.get("actual"),
                        "plan_in_actual_row": cell.get("plan_in_actual_row"),
                    }
                )
    return rows


def entry_rows(records: list[dict], header: str = "ja") -> list[dict]:
    """Entries of the actual-results record as flat rows."""
    return [
        {
            **{c.key: r.get(c.key) for c in ENTRY_COLUMNS},
            "edition": _edition(r["edition"]),
            "project_key": _edition(r["project_key"]),  # R6/#3, as its edition reads
            "kind": KIND_WORDS.get(r["kind"], r["kind"]) if header == "ja" else r["kind"],
            "platform": r["source"]["platform"],
            "source_file": r["source"]["file"],
            "source_line": r["source"]["line"],
            "channel": r["source"]["channel"],
        }
        for r in records
    ]


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


def render(
    rows: list[dict],
    fmt: str,
    header: str = "ja",
    table: str = "projects",
    entries: list[dict] | None = None,
) -> bytes:
    """Projects as json, csv (the projects or, with table="initiatives", their initiatives in
    long form) or xlsx (sheets 事業 / 取組 / 実績記録) bytes."""
    if fmt == "xlsx":
        sheets = [
            ("事業", PROJECT_COLUMNS, project_rows(rows)),
            ("取組", INITIATIVE_COLUMNS, initiative_rows(rows)),
        ]
        if entries is not None:
            sheets.append(("実績記録", ENTRY_COLUMNS, entry_rows(entries, header)))
        return to_xlsx(sheets, header)
    if fmt == "csv":
        if table == "initiatives":
            return to_csv(initiative_rows(rows), INITIATIVE_COLUMNS, header)
        return to_csv(project_rows(rows), PROJECT_COLUMNS, header)
    return (to_json(rows) + "\n").encode("utf-8")


def export_file(
    store: Store,
    edition: str | None,
    fmt: str,
    header: str = "ja",
    table: str = "projects",
    rows: list[dict] | None = None,
) -> bytes:
    """The export of `roadmap export` and the chat's `export`: one edition's (or, with None,
    every edition's) projects; an xlsx also holds their record (sheet 実績記録)."""
    rows = records(store, edition) if rows is None else rows
    entries = None
    if fmt == "xlsx":
        entries = entry_records(
            store, [e for e in store.entries() if e.edition == edition or not edition]
        )
    return render(rows, fmt, header=header, table=table, entries=entries)


def render_entries(rows: list[dict], fmt: str, header: str = "ja") -> bytes:
    """History entries as json, csv or xlsx (sheet 実績記録) bytes."""
    if fmt == "xlsx":
        return to_xlsx([("実績記録", ENTRY_COLUMNS, entry_rows(rows, header))], header)
    if fmt == "csv":
        return to_csv(entry_rows(rows, header), ENTRY_COLUMNS, header)
    return (to_json(rows) + "\n").encode("utf-8")
