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
