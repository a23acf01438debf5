"""Projects and the record as files people take away: JSON with a fixed set of keys, and the
tables (projects, initiatives, entries) that bot/spreadsheets.py writes as CSV and XLSX."""

from __future__ import annotations

import json
from datetime import datetime

from bot.fiscal_year import TOKYO
from bot.messages import evidence_words
from bot.models import Link, Project
from bot.spreadsheets import Column, to_csv, to_xlsx
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
