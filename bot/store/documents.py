"""Loading roadmap documents: their projects, cells and full-text rows, their 実績 as
the record's first entries, and the links between editions."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime

from bot import prefectures
from bot.errors import ParseError
from bot.fiscal_year import FiscalYear
from bot.models import DOCUMENT_PLATFORM, ActualEntry, Edition, Project
from bot.store.connection import FRESH_CHECK_SECONDS, utcnow
from bot.store.reads import keys_of, project_order
from bot.store.record import fact_key
from bot.text import compact

# A document fact appended again (printed again after a retraction, or at a new place) gets
# its dedupe key with this and a counter.
RECITED = "~"
# Full-text rows of prefecture id k have rowids in [k << ROW_BITS, (k + 1) << ROW_BITS).
ROW_BITS = 40


@dataclass(frozen=True)
class LoadReport:
    """What one ingest did: per edition, projects loaded and entries appended; per document
    (edition and field), the projects it holds now."""

    editions: dict[str, int]
    entries_added: int
    entries_superseded: int
    links: int
    documents: dict[tuple[str, str], int] = dataclass_field(default_factory=dict)


@dataclass
class _Document:
    """The part of a parsed file that is one document: its edition and one field."""

    edition: Edition
    field: str
    projects: list[Project]

    @property
    def id(self) -> tuple[str, str]:
        return self.edition.code, self.field


def split_documents(edition: Edition) -> list[_Document]:
    """A parsed file as documents: one per field it prints (a combined draft holds several)."""
    fields: dict[str, list[Project]] = {}
    for project in edition.projects:
        fields.setdefault(project.field or "", []).append(project)
    return [_Document(edition, name, projects) for name, projects in fields.items()]


def field_name(field: str) -> str:
    """A field as people say it: 産業・しごと分野 → 産業・しごと."""
    return field.removesuffix("分野") or field


class RoadmapDocuments:
    """Writes of parsed documents and the full-text rowid ranges of each prefecture."""

    def load(self, editions: Iterable[Edition], now: datetime | None = None) -> LoadReport:
        """Load parsed files in one transaction, each field of each as its own document:
        a document replaces only its own earlier load; chat entries are never touched."""
        now = now or utcnow()
        documents = [d for e in editions for d in split_documents(e)]
        added = superseded = 0
        written: dict[str, list[Project]] = {}  # per edition, the projects as written
        with self.transaction():
            self._check_documents(documents)
            for document in documents:
                a, s = self._load_document(document, now, written)
                added += a
                superseded += s
            links = self._relink(self._whole_editions(written))
            # Appends leave the full-text index in small segments (no merging on each write,
            # which slowed them); a load, rare, merges them all: searches read one segment.
            self.db.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        counts: dict[str, int] = {}
        for d in documents:
            counts[d.edition.code] = counts.get(d.edition.code, 0) + len(d.projects)
        return LoadReport(
            editions=counts,
            entries_added=added,
            entries_superseded=superseded,
            links=links,
            documents={d.id: len(d.projects) for d in documents},
        )

    def _check_documents(self, documents: list[_Document]) -> None:
        """Refuse a load that would make two documents claim one project (in a write)."""
        seen: dict[tuple[str, str], _Document] = {}
        for d in documents:
            if d.id in seen:
                other = seen[d.id]
                raise ParseError(
                    d.edition.source_file,
                    d.projects[0].source.line,
                    f"{d.edition.code} {d.field or '(no field)'} is also in "
                    f"{other.edition.source_file}, line {other.projects[0].source.line}",
                    key="parse_field_twice",
                    code=d.edition.code,
                    field=d.field or "—",
                    other=other.edition.source_file,
                    other_line=other.projects[0].source.line,
                )
            seen[d.id] = d
        numbers: dict[tuple[str, int], tuple[str, str, int]] = {}  # → field, file, line
        replaced = {d.id for d in documents}
        for code in {d.edition.code for d in documents}:
            for r in self.db.query(
                "SELECT no, coalesce(field, '') AS field, source_file, source_line FROM projects "
                "WHERE edition = ? AND no IS NOT NULL",
                [code],
            ):
                if (code, r["field"]) not in replaced:
                    numbers[(code, r["no"])] = (r["field"], r["source_file"], r["source_line"])
        for d in documents:
            for p in d.projects:
                if p.no is None:
                    continue
                other = numbers.get((p.edition, p.no))
                if other is not None and other[0] != d.field:
                    raise ParseError(
                        p.source.file,
                        p.source.line,
                        f"No{p.no} of {p.edition} is also in {other[1]}, line {other[2]} "
                        "(two documents cannot hold the same number; nothing was loaded)",
                        key="parse_number_twice",
                        no=p.no,
                        edition=p.edition,
                        other=other[1],
                        other_line=other[2],
                    )
                numbers[(p.edition, p.no)] = (d.field, p.source.file, p.source.line)
        for d in documents:
            row = self.db.execute(
                "SELECT draft, source_file FROM documents WHERE edition = ? AND field = ?",
                list(d.id),
            ).fetchone()
            if row is not None and d.edition.draft and not row[0]:
                raise ParseError(
                    d.edition.source_file,
                    None,
                    f"a draft cannot replace {d.edition.code} {d.field}, loaded from "
                    f"the published {row[1]}",
                )

    def _key_scope(self, document: _Document) -> str:
        """The document part of unnumbered keys: kept from an earlier load of the document;
        none for an edition's first document (R6/#3); the field for the others."""
        if any(p.no is not None for p in document.projects):
            return ""
        row = self.db.execute(
            "SELECT key_scope FROM documents WHERE edition = ? AND field = ?", list(document.id)
        ).fetchone()
        if row is not None:
            return row[0]
        others = self.db.execute(
            "SELECT count(*) FROM documents WHERE edition = ?", [document.edition.code]
        ).fetchone()[0]
        return field_name(document.field) or "doc" if others else ""

    def _whole_editions(self, written: dict[str, list[Project]]) -> dict[str, list[Project] | None]:
        """Per edition loaded, its projects when this load wrote every document of it (linking
        then needs no read back), else None."""
        whole: dict[str, list[Project] | None] = {}
        for code, projects in written.items():
            fields = {
                r[0]
                for r in self.db.execute("SELECT field FROM documents WHERE edition = ?", [code])
            }
            complete = fields == {p.field or "" for p in projects}
            whole[code] = sorted(projects, key=project_order) if complete else None
        return whole

    def _load_document(
        self, document: _Document, now: datetime, written: dict[str, list[Project]]
    ) -> tuple[int, int]:
        # The parser loads documents only: a question never imports it.
        from bot.ingest import document_entries

        db = self.db
        edition = document.edition
        code = edition.code
        scope = self._key_scope(document)
        projects = [
            p.model_copy(update={"key_scope": scope, "draft": edition.draft})
            for p in document.projects
        ]
        old_keys = [
            r[0]
            for r in db.execute(
                "SELECT key FROM projects WHERE edition = ? AND coalesce(field, '') = ?",
                list(document.id),
            )
        ]
        lo, hi = self._row_range(edition.prefecture)
        for chunk in _chunks(old_keys, 500):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"DELETE FROM initiative_years WHERE initiative_id IN "
                f"(SELECT id FROM initiatives WHERE project_key IN ({marks}))",
                chunk,
            )
            db.execute(f"DELETE FROM initiatives WHERE project_key IN ({marks})", chunk)
            db.execute(f"DELETE FROM projects WHERE key IN ({marks})", chunk)
            db.execute(
                "DELETE FROM search_index WHERE rowid BETWEEN ? AND ? AND edition = ? "
                f"AND kind != 'entry' AND project_key IN ({marks})",
                [lo, hi, code, *chunk],
            )
        db.execute(
            "INSERT INTO editions (code, prefecture, fiscal_year, title, source_file, sha256, "
            "loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
            "loaded_at = excluded.loaded_at",
            [
                code,
                edition.prefecture,
                edition.fiscal_year.western,
                edition.title,
                edition.source_file,
                edition.sha256,
                now.isoformat(),
            ],
        )
        db.insert_all(
            "documents",
            [
                {
                    "edition": code,
                    "field": document.field,
                    "prefecture": edition.prefecture,
                    "title": edition.title,
                    "source_file": edition.source_file,
                    "sha256": edition.sha256,
                    "loaded_at": now.isoformat(),
                    "draft": int(edition.draft),
                    "key_scope": scope,
                }
            ],
            replace=True,
        )
        rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM initiatives").fetchone()[0]
        wanted: dict[str, ActualEntry] = {}
        for project in projects:
            next_id = _project_rows(project, next_id, rows)
            for entry in document_entries(project, edition):
                wanted[fact_key(entry)] = entry
        first = self._reserve_rows(edition.prefecture, len(rows["search_index"]))
        for rowid, row in enumerate(rows["search_index"], start=first):
            row["rowid"] = rowid
        for table in TABLES:  # bulk inserts: one statement batch per table
            db.insert_all(table, rows[table])
        keys = set(old_keys) | {p.key for p in projects}
        written.setdefault(code, []).extend(projects)
        return self._sync_document_entries(keys, edition.source_file, wanted, now)

    def _sync_document_entries(
        self, keys: set[str], file: str, wanted: dict[str, ActualEntry], now: datetime
    ) -> tuple[int, int]:
        """Append the document's 実績 as entries; retract (never delete) ones now gone.
        Only the document's projects (before and after) are looked at: others are untouched."""
        existing: dict[str, dict] = {}
        for chunk in _chunks(sorted(keys), 500):
            marks = ",".join("?" * len(chunk))
            existing.update(
                (row["dedupe_key"].split(RECITED)[0], row)
                for row in self.db.query(
                    "SELECT e.id, e.dedupe_key, e.source_line FROM entries e "
                    f"WHERE e.project_key IN ({marks}) AND e.platform = 'document' "
                    "AND e.kind != 'retraction' "
                    "AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id)",
                    chunk,
                )
            )
        added = superseded = 0
        for key, row in existing.items():
            entry = wanted.get(key)
            # A fact still printed on the same line stays (even if the file was renamed); one
            # printed elsewhere now (a revised document, lines moved) is cited again there.
            if entry is not None and entry.source_line == row["source_line"]:
                continue
            old = self.entry(row["id"])
            assert old is not None
            retraction = old.retraction(
                f"superseded by {file}",
                platform=DOCUMENT_PLATFORM,
                source_file=file,
                created_at=now,
            )
            self._insert_entry(retraction, f"retract:{row['id']}")
            superseded += 1
            if entry is not None:
                existing[key] = {}
        for key, entry in wanted.items():
            if existing.get(key):
                continue
            self._insert_entry(entry.model_copy(update={"created_at": now}), self._free(key))
            added += 1
        return added, superseded

    def _free(self, key: str) -> str:
        """A dedupe key not used before: a fact retracted once and printed again is new."""
        candidate, n = key, 1
        while self.db.execute("SELECT 1 FROM entries WHERE dedupe_key = ?", [candidate]).fetchone():
            n += 1
            candidate = f"{key}{RECITED}{n}"
        return candidate

    def _relink(self, loaded: dict[str, list[Project] | None]) -> int:
        """Recompute links between each edition and the one before it, in each prefecture
        that documents were loaded for (never across prefectures)."""
        from bot.links import link_editions

        # Every process's project cache is stale now: bump the counter they check.
        self.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'projects'")
        self._cache.clear()
        self._namings.clear()
        self._links = None
        self._editions = None
        self._documents = None
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
            "key_scope": p.key_scope,
        }
    )
    index = [
        ("name", None, p.name, p.line_of("name")),
        ("summary", None, p.summary, p.line_of("summary")),
    ]
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
                "label_line": initiative.lines.get("label"),
                "short_from": initiative.short_from,
            }
        )
        if initiative.label:
            index.append(
                ("initiative", str(position), initiative.label, initiative.line_of("label"))
            )
        for year, cell in initiative.years.items():
            rows["initiative_years"].append(
                {
                    "initiative_id": next_id,
                    "fiscal_year": year,
                    "western_year": FiscalYear.parse(year).western,
                    "plan": cell.plan,
                    "actual": cell.actual,
                    "plan_line": initiative.lines.get(f"plan:{year}"),
                    "actual_line": initiative.lines.get(f"actual:{year}"),
                    "plan_in_actual_row": cell.plan_in_actual_row,
                    "plan_in_actual_row_line": initiative.lines.get(f"plan_in_actual_row:{year}"),
                }
            )
            if cell.plan:
                index.append(
                    ("plan", f"{position}:{year}", cell.plan, initiative.line_of("plan", year))
                )
            if cell.plan_in_actual_row:  # a plan, wherever it was printed
                index.append(
                    (
                        "plan",
                        f"{position}:{year}",
                        cell.plan_in_actual_row,
                        initiative.line_of("plan_in_actual_row", year),
                    )
                )
            if cell.actual:
                index.append(
                    (
                        "actual",
                        f"{position}:{year}",
                        cell.actual,
                        initiative.line_of("actual", year),
                    )
                )
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


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Pieces small enough for one statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
