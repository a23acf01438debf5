"""Projects as plain data for export: JSON with a fixed set of keys, and CSV."""

from __future__ import annotations

import csv
import io
import json

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
        "evidence": link.evidence,
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


def to_json(rows: list[dict]) -> str:
    """Pretty JSON, Japanese left readable."""
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict]) -> str:
    """One row per project; lists and nested values as JSON text in their cell."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EXPORT_KEYS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
    return out.getvalue()


def to_xlsx(rows: list[dict], sheet: str = "projects") -> bytes:
    """Rows as one sheet; nested values as JSON text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    columns = list(rows[0]) if rows else list(EXPORT_KEYS)
    ws.append(columns)
    for row in rows:
        ws.append(
            [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for v in (row.get(c) for c in columns)
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def render(rows: list[dict], fmt: str) -> bytes:
    """Projects as json, csv or xlsx bytes."""
    if fmt == "xlsx":
        return to_xlsx(rows)
    if fmt == "csv":
        return to_csv(rows).encode("utf-8")
    return (to_json(rows) + "\n").encode("utf-8")


def render_entries(rows: list[dict], fmt: str) -> bytes:
    """History entries as json, csv or xlsx bytes."""
    if fmt == "xlsx":
        return to_xlsx(rows, sheet="entries")
    if fmt == "json":
        return (to_json(rows) + "\n").encode("utf-8")
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["id"]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
    return out.getvalue().encode("utf-8")
