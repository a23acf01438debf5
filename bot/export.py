"""Projects as plain data for export: JSON with a fixed set of keys, and CSV."""

from __future__ import annotations

import csv
import io
import json

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


def entry_record(entry) -> dict:
    """One entry of the actual-results record as plain data (`history --json`, exports)."""
    return {
        "id": entry.id,
        "project_no": entry.project_no,
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
        "created_at": entry.created_at.isoformat() if entry.created_at else None,
        "retracted": entry.retracted,
        "retracts": entry.retracts,
    }


def to_json(rows: list[dict]) -> str:
    """Pretty JSON, Japanese left readable."""
    return json.dumps(rows, ensure_ascii=False, indent=2)


# -- tables for Excel: one value per cell, Japanese headers (identifiers with --header en) --

# (key, Japanese header, identifier, column width in characters)
Column = tuple[str, str, str, int]

PROJECT_COLUMNS: list[Column] = [
    ("edition", "版", "edition", 6),
    ("no", "番号", "no", 6),
    ("number_inferred", "番号は推定", "number_inferred", 8),
    ("name", "事業名", "name", 40),
    ("field", "分野", "field", 14),
    ("category", "項目", "category", 18),
    ("department", "担当部局", "department", 16),
    ("sections", "担当課", "sections", 20),
    ("budget_thousand_yen", "事業費（千円）", "budget_thousand_yen", 14),
    ("budget_note", "事業費の注記", "budget_note", 16),
    ("start", "事業始期", "start", 8),
    ("end", "事業終期", "end", 8),
    ("priority_frame", "重点枠事業", "priority_frame", 8),
    ("future_response", "将来対応分", "future_response", 8),
    ("summary", "概要", "summary", 60),
    ("achievements", "主な取組実績", "achievements", 60),
    ("source_file", "出典ファイル", "source_file", 24),
    ("source_line", "出典行", "source_line", 7),
    ("predecessors", "前身事業", "predecessors", 30),
    ("successors", "後継事業", "successors", 30),
]
INITIATIVE_COLUMNS: list[Column] = [
    ("edition", "版", "edition", 6),
    ("no", "番号", "no", 6),
    ("name", "事業名", "name", 40),
    ("initiative", "取組", "initiative", 40),
    ("fiscal_year", "年度", "fiscal_year", 8),
    ("plan", "計画/目標", "plan", 50),
    ("actual", "実績", "actual", 50),
    # #24: text the document printed in the 実績 row for the edition's year or later — a plan.
    ("plan_in_actual_row", "実績欄に印刷された計画", "plan_in_actual_row", 40),
]
ENTRY_COLUMNS: list[Column] = [
    ("id", "記録番号", "id", 8),
    ("edition", "版", "edition", 6),
    ("project_no", "事業番号", "project_no", 8),
    ("fiscal_year", "年度", "fiscal_year", 8),
    ("initiative", "取組", "initiative", 30),
    ("kind", "種別", "kind", 10),
    ("text", "内容", "text", 60),
    ("author", "記録者", "author", 14),
    ("platform", "記録元", "platform", 10),
    ("source_file", "出典ファイル", "source_file", 24),
    ("source_line", "出典行", "source_line", 7),
    ("channel", "チャンネル", "channel", 12),
    ("created_at", "記録日時", "created_at", 22),
    ("retracted", "取消済み", "retracted", 8),
    ("retracts", "取り消した記録", "retracts", 10),
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
            **{k: r.get(k) for k, *_ in PROJECT_COLUMNS},
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
            **{k: r.get(k) for k, *_ in ENTRY_COLUMNS},
            "edition": _edition(r["edition"]),
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


def to_csv(rows: list[dict], columns: list[Column], header: str = "ja") -> bytes:
    """The one CSV writer: UTF-8 with a BOM (Excel in Japanese reads it), one value a cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([ja if header == "ja" else en for _, ja, en, _ in columns])
    for row in rows:
        writer.writerow(
            ["" if (v := _cell(row.get(k), header)) is None else v for k, *_ in columns]
        )
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: list[tuple[str, list[Column], list[dict]]], header: str = "ja") -> bytes:
    """The one XLSX writer: a sheet per table, typed numbers, a frozen bold header row and
    column widths; long text wraps."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, columns, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append([ja if header == "ja" else en for _, ja, en, _ in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([_cell(row.get(k), header) for k, *_ in columns])
        for i, (_, _, _, width) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
            if width >= 30:
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.alignment = wrap
        ws.freeze_panes = "A2"
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
        entries = [entry_record(e) for e in store.entries() if e.edition == edition or not edition]
    return render(rows, fmt, header=header, table=table, entries=entries)


def render_entries(rows: list[dict], fmt: str, header: str = "ja") -> bytes:
    """History entries as json, csv or xlsx (sheet 実績記録) bytes."""
    if fmt == "xlsx":
        return to_xlsx([("実績記録", ENTRY_COLUMNS, entry_rows(rows, header))], header)
    if fmt == "csv":
        return to_csv(entry_rows(rows, header), ENTRY_COLUMNS, header)
    return (to_json(rows) + "\n").encode("utf-8")
