"""Loading roadmap documents: their projects, cells and full-text rows, their 実績 as
the record's first entries, and the links between editions."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot import prefectures
from bot.fiscal_year import FiscalYear
from bot.models import ActualEntry, Edition, Project
from bot.store.connection import FRESH_CHECK_SECONDS, utcnow
from bot.store.reads import keys_of
from bot.store.record import fact_key
from bot.text import compact

# Full-text rows of prefecture id k have rowids in [k << ROW_BITS, (k + 1) << ROW_BITS).
ROW_BITS = 40


@dataclass(frozen=True)
class LoadReport:
    """What one ingest did: per edition, projects loaded and entries appended."""

    editions: dict[str, int]
    entries_added: int
    entries_superseded: int
    links: int


class RoadmapDocuments:
    """Writes of parsed documents and the full-text rowid ranges of each prefecture."""

    def load(self, editions: Iterable[Edition], now: datetime | None = None) -> LoadReport:
        """Load parsed editions in one transaction; chat entries are never touched."""
        now = now or utcnow()
        editions = list(editions)
        added = superseded = 0
        with self.transaction():
            for edition in editions:
                a, s = self._load_edition(edition, now)
                added += a
                superseded += s
            links = self._relink({e.code: e.projects for e in editions})
        return LoadReport(
            editions={e.code: len(e.projects) for e in editions},
            entries_added=added,
            entries_superseded=superseded,
            links=links,
        )

    def _load_edition(self, edition: Edition, now: datetime) -> tuple[int, int]:
        # The parser and the linker load documents only: a question never imports them.
        from bot.ingest import document_entries

        db = self.db
        code = edition.code
        old_keys = [r[0] for r in db.execute("SELECT key FROM projects WHERE edition = ?", [code])]
        if old_keys:
            marks = ",".join("?" * len(old_keys))
            db.execute(
                f"DELETE FROM initiative_years WHERE initiative_id IN "
                f"(SELECT id FROM initiatives WHERE project_key IN ({marks}))",
                old_keys,
            )
            db.execute(f"DELETE FROM initiatives WHERE project_key IN ({marks})", old_keys)
            db.execute(f"DELETE FROM projects WHERE key IN ({marks})", old_keys)
        lo, hi = self._row_range(edition.prefecture)
        db.execute(
            "DELETE FROM search_index WHERE rowid BETWEEN ? AND ? AND edition = ? "
            "AND kind != 'entry'",
            [lo, hi, code],
        )
        db.insert_all(
            "editions",
            [
                {
                    "code": code,
                    "prefecture": edition.prefecture,
                    "fiscal_year": edition.fiscal_year.western,
                    "title": edition.title,
                    "source_file": edition.source_file,
                    "sha256": edition.sha256,
                    "loaded_at": now.isoformat(),
                }
            ],
            replace=True,
        )
        rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM initiatives").fetchone()[0]
        wanted: dict[str, ActualEntry] = {}
        for project in edition.projects:
            next_id = _project_rows(project, next_id, rows)
            for entry in document_entries(project, edition):
                wanted[fact_key(entry)] = entry
        first = self._reserve_rows(edition.prefecture, len(rows["search_index"]))
        for rowid, row in enumerate(rows["search_index"], start=first):
            row["rowid"] = rowid
        for table in TABLES:  # bulk inserts: one statement batch per table
            db.insert_all(table, rows[table])
        return self._sync_document_entries(code, edition.source_file, wanted, now)

    def _sync_document_entries(
        self, edition: str, file: str, wanted: dict[str, ActualEntry], now: datetime
    ) -> tuple[int, int]:
        """Append the document's 実績 as entries; retract (never delete) ones now gone."""
        existing = {
            row["dedupe_key"]: row["id"]
            for row in self.db.query(
                "SELECT e.id, e.dedupe_key FROM entries e WHERE e.edition = ? "
                "AND e.platform = 'document' AND e.kind != 'retraction' AND NOT EXISTS "
                "(SELECT 1 FROM entries r WHERE r.retracts = e.id)",
                [edition],
            )
        }
        added = 0
        for key, entry in wanted.items():
            if key not in existing:
                self._insert_entry(entry.model_copy(update={"created_at": now}), key)
                added += 1
        superseded = 0
        for key, entry_id in existing.items():
            if key in wanted:
                continue
            old = self.entry(entry_id)
            assert old is not None
            retraction = old.retraction(
                f"superseded by {file}", platform="document", source_file=file, created_at=now
            )
            self._insert_entry(retraction, f"retract:{entry_id}")
            superseded += 1
        return added, superseded

    def _relink(self, loaded: dict[str, list[Project]]) -> int:
        """Recompute links between each edition and the one before it, in each prefecture
        that documents were loaded for (never across prefectures)."""
        from bot.links import link_editions

        # Every process's project cache is stale now: bump the counter they check.
        self.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'projects'")
        self._cache.clear()
        self._links = None
        self._editions = None
        self._checked_at = -FRESH_CHECK_SECONDS
        count = 0
        for prefecture in sorted({prefectures.prefecture_of(code) for code in loaded}):
            where, params = keys_of(prefecture, "newer")
            self.db.execute(f"DELETE FROM links WHERE {where}", params)
            codes = [
                r[0]
                for r in self.db.execute(
                    "SELECT code FROM editions WHERE prefecture = ? ORDER BY fiscal_year",
                    [prefecture],
                )
            ]
            for older, newer in itertools.pairwise(codes):
                links = link_editions(
                    loaded.get(older) or self._load_projects(older),
                    loaded.get(newer) or self._load_projects(newer),
                )
                self.db.insert_all("links", (link.model_dump() for link in links))
                count += len(links)
        return count

    def _reserve_rows(self, prefecture: str, count: int) -> int:
        """The first of `count` fresh full-text rowids in the prefecture's range (in a write)."""
        db = self.db
        row = db.execute(
            "SELECT id, next_row FROM prefectures WHERE name = ?", [prefecture]
        ).fetchone()
        if row is None:
            number = db.execute("SELECT coalesce(max(id), 0) + 1 FROM prefectures").fetchone()[0]
            row = (number, (number << ROW_BITS) + 1)
            db.execute(
                "INSERT INTO prefectures (id, name, next_row) VALUES (?, ?, ?)",
                [row[0], prefecture, row[1]],
            )
        db.execute("UPDATE prefectures SET next_row = next_row + ? WHERE id = ?", [count, row[0]])
        return row[1]

    def _row_range(self, prefecture: str) -> tuple[int, int]:
        """The prefecture's full-text rowid range (empty for a prefecture never loaded)."""
        number = self._prefecture_ids.get(prefecture)
        if number is None:
            row = self.db.execute(
                "SELECT id FROM prefectures WHERE name = ?", [prefecture]
            ).fetchone()
            if row is None:
                return 1, 0
            number = row[0]
            if self._tx_thread is None:  # committed: ids never change (a write may roll back)
                self._prefecture_ids[prefecture] = number
        return number << ROW_BITS, ((number + 1) << ROW_BITS) - 1


TABLES = ("projects", "initiatives", "initiative_years", "search_index")


def _project_rows(p: Project, next_id: int, rows: dict[str, list[dict]]) -> int:
    """The rows one project adds to each table; returns the next free initiative id."""
    rows["projects"].append(
        {
            "key": p.key,
            "edition": p.edition,
            "position": p.position,
            "no": p.no,
            "number_inferred": p.number_inferred,
            "name": p.name,
            "field": p.field,
            "category": p.category,
            "department": p.department,
            "sections": json.dumps(p.sections, ensure_ascii=False),
            "budget_thousand_yen": p.budget_thousand_yen,
            "budget_note": p.budget_note,
            "start": p.start,
            "end": p.end,
            "start_fy": p.start_year.western if p.start_year else None,
            "end_fy": p.end_year.western if p.end_year else None,
            "priority_frame": p.priority_frame,
            "future_response": p.future_response,
            "summary": p.summary,
            "achievements": p.achievements,
            "achievements_line": p.achievements_line,
            "field_lines": json.dumps(p.field_lines),
            "source_file": p.source.file,
            "source_line": p.source.line,
        }
    )
    index = [("name", None, p.name, p.source.line), ("summary", None, p.summary, p.source.line)]
    if p.achievements:
        index.append(("achievement", None, p.achievements, p.achievements_line))
    for position, initiative in enumerate(p.initiatives, start=1):
        line = initiative.source.line
        rows["initiatives"].append(
            {
                "id": next_id,
                "project_key": p.key,
                "position": position,
                "label": initiative.label,
                "source_line": line,
            }
        )
        if initiative.label:
            index.append(("initiative", str(position), initiative.label, line))
        for year, cell in initiative.years.items():
            rows["initiative_years"].append(
                {
                    "initiative_id": next_id,
                    "fiscal_year": year,
                    "western_year": FiscalYear.parse(year).western,
                    "plan": cell.plan,
                    "actual": cell.actual,
                }
            )
            if cell.plan:
                index.append(("plan", f"{position}:{year}", cell.plan, line))
            if cell.actual:
                index.append(("actual", f"{position}:{year}", cell.actual, line))
        next_id += 1
    rows["search_index"].extend(
        {
            "text": compact(text),
            "display": text,
            "project_key": p.key,
            "edition": p.edition,
            "kind": kind,
            "ref": ref,
            "source_line": line,
        }
        for kind, ref, text, line in index
    )
    return next_id
