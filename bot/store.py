"""The roadmap store: the only module that speaks SQL.

One SQLite file (WAL, busy timeout) holds every edition, the links between them, the
append-only actual-results record and a trigram full-text index. Reads of projects are
served from an in-process cache that is dropped whenever any connection writes.

The file may hold several prefectures' roadmaps; a Store answers for one of them (its
`prefecture`): editions, links, searches and the record's listings are that prefecture's.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot import migrations, prefectures
from bot.fiscal_year import FiscalYear
from bot.links import link_editions
from bot.models import ActualEntry, Edition, Initiative, Link, Project, Source, YearCell
from bot.text import compact

logger = logging.getLogger(__name__)

DEFAULT_DB = Path("data/roadmap.db")
BUSY_TIMEOUT_MS = 10_000
# How stale another process's document load may look here: checking the counter on every
# read costs a read transaction each (a third of a busy server's time, measured).
FRESH_CHECK_SECONDS = 1.0
# Full-text rows of prefecture id k have rowids in [k << ROW_BITS, (k + 1) << ROW_BITS).
ROW_BITS = 40


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db, else ROADMAP_DB, else data/roadmap.db."""
    return Path(explicit or os.environ.get("ROADMAP_DB") or DEFAULT_DB)


def utcnow() -> datetime:
    """Now, in UTC (entries are stored in UTC and shown in JST)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class EditionInfo:
    """An edition as loaded: code, fiscal year, title, file and number of projects."""

    code: str
    fiscal_year: int
    title: str | None
    source_file: str
    sha256: str
    projects: int


@dataclass(frozen=True)
class SearchHit:
    """One place in the roadmap where searched words occur."""

    project_key: str
    edition: str
    kind: str  # name, summary, initiative, plan, actual, achievement, entry
    ref: str | None
    text: str
    source_line: int | None


@dataclass(frozen=True)
class LoadReport:
    """What one ingest did: per edition, projects loaded and entries appended."""

    editions: dict[str, int]
    entries_added: int
    entries_superseded: int
    links: int


class Database:
    """A thin layer over sqlite3: dict rows and multi-row inserts (no ORM, no magic)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.row_factory = sqlite3.Row
        self.conn = conn

    def execute(self, sql: str, params: Iterable = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def query(self, sql: str, params: Iterable = ()) -> list[dict]:
        return [dict(row) for row in self.conn.execute(sql, tuple(params))]

    def insert(self, table: str, row: dict) -> int:
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" * len(row))
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values())
        )
        return int(cursor.lastrowid or 0)

    def insert_all(self, table: str, rows: Iterable[dict], replace: bool = False) -> None:
        rows = list(rows)
        if not rows:
            return
        columns = list(rows[0])
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.conn.executemany(
            f"{verb} INTO {table} ({cols}) VALUES ({marks})",
            [[r[c] for c in columns] for r in rows],
        )

    def close(self) -> None:
        self.conn.close()


class Store:
    """Every read and write of the roadmap database."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None = None,
        prefecture: str = prefectures.HOME_PREFECTURE,
    ) -> None:
        self._writer = db = Database(conn)
        self.path = path
        self.prefecture = prefectures.check(prefecture)
        self._prefecture_ids: dict[str, int] = {}
        self._lock = threading.RLock()  # one writer at a time in this process
        self._tx_thread: int | None = None
        self._local = threading.local()
        self._readers: list[Database] = []
        self._cache: dict[str, list[Project]] = {}
        self._links: list[Link] | None = None
        self._editions: list[EditionInfo] | None = None
        self._cache_version: int | None = None
        self._checked_at = -FRESH_CHECK_SECONDS
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if migrations.pending(conn):
            with self.transaction():  # BEGIN IMMEDIATE: two processes starting at once migrate once
                migrations.apply(conn)

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, prefecture: str | None = None) -> Store:
        """Open (creating if needed) the store at path, ROADMAP_DB or data/roadmap.db,
        answering for prefecture, ROADMAP_PREFECTURE or the home prefecture."""
        scope = prefectures.configured(prefecture)  # a bad name fails before a file is made
        target = resolve_db_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(str(target))
        conn.execute("PRAGMA journal_mode = WAL")
        return cls(conn, target, scope)

    @classmethod
    def memory(cls, prefecture: str = prefectures.HOME_PREFECTURE) -> Store:
        """A fresh in-memory store (tests, one-off questions)."""
        return cls(_connect(":memory:"), prefecture=prefecture)

    def scoped(self, prefecture: str) -> Store:
        """Another Store on the same file answering for another prefecture (own connections)."""
        if self.path is None:
            raise ValueError("an in-memory store cannot be shared")
        return Store.open(self.path, prefecture)

    def close(self) -> None:
        """Close every connection."""
        for reader in self._readers:
            reader.close()
        self._writer.close()

    @property
    def db(self) -> Database:
        """The connection for this thread: the writer inside a transaction (and for an
        in-memory store), else a per-thread reader, so questions never wait for a write's fsync."""
        if self.path is None or self._tx_thread == threading.get_ident():
            return self._writer
        reader = getattr(self._local, "reader", None)
        if reader is None:
            conn = _connect(str(self.path))
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only = ON")
            reader = self._local.reader = Database(conn)
            with self._lock:
                self._readers.append(reader)
        return reader

    def _reading(self):
        """Reads of an in-memory store share its one connection: serialise them."""
        return self._lock if self.path is None else contextlib.nullcontext()

    # -- transactions and caching ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic write: all of it lands, or none of it (BEGIN IMMEDIATE, so writers queue)."""
        with self._lock:
            conn = self._writer.conn
            if conn.in_transaction:
                conn.execute("SAVEPOINT nested")
                try:
                    yield self._writer
                except BaseException:
                    conn.execute("ROLLBACK TO SAVEPOINT nested")
                    conn.execute("RELEASE SAVEPOINT nested")
                    raise
                conn.execute("RELEASE SAVEPOINT nested")
                return
            conn.execute("BEGIN IMMEDIATE")
            self._tx_thread = threading.get_ident()
            try:
                yield self._writer
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._tx_thread = None

    def _fresh(self) -> None:
        """Drop cached projects if any process has loaded documents since (a counter in meta)."""
        now = time.monotonic()
        if self._tx_thread is None and now - self._checked_at < FRESH_CHECK_SECONDS:
            return
        self._checked_at = now
        row = self.db.execute("SELECT value FROM meta WHERE key = 'projects'").fetchone()
        version = row[0] if row else 0
        if version != self._cache_version:
            self._cache.clear()
            self._links = None
            self._editions = None
            self._cache_version = version

    # -- ingestion -------------------------------------------------------------------------

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
                wanted[_dedupe_key(entry)] = entry
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
        # Every process's project cache is stale now: bump the counter they check.
        self.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'projects'")
        self._cache.clear()
        self._links = None
        self._editions = None
        self._checked_at = -FRESH_CHECK_SECONDS
        count = 0
        for prefecture in sorted({prefectures.prefecture_of(code) for code in loaded}):
            where, params = _keys_of(prefecture, "newer")
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

    # -- reads -----------------------------------------------------------------------------

    def editions(self) -> list[EditionInfo]:
        """Every loaded edition of this store's prefecture, oldest first."""
        with self._reading():
            if self._tx_thread is None or self._tx_thread != threading.get_ident():
                self._fresh()  # cached until any process loads documents again
                if self._editions is not None:
                    return self._editions
            rows = self.db.query(
                "SELECT e.*, (SELECT count(*) FROM projects p WHERE p.edition = e.code) AS n "
                "FROM editions e WHERE e.prefecture = ? ORDER BY fiscal_year",
                [self.prefecture],
            )
            editions = [
                EditionInfo(
                    r["code"], r["fiscal_year"], r["title"], r["source_file"], r["sha256"], r["n"]
                )
                for r in rows
            ]
            if self._tx_thread is None:
                self._editions = editions
            return editions

    def edition_code(self, label: str) -> str | None:
        """The code of this prefecture's edition a person named (r7, R7 → R7 or 岩手県:R7)."""
        wanted = label.strip().upper()
        return next(
            (e.code for e in self.editions() if prefectures.label_of(e.code).upper() == wanted),
            None,
        )

    def latest_edition(self) -> str | None:
        """The code of the newest edition, None for an empty store."""
        editions = self.editions()
        return editions[-1].code if editions else None

    def projects(self, edition: str | None = None) -> list[Project]:
        """All projects of an edition (default: the latest), in document order."""
        with self._reading():
            self._fresh()
            code = edition or self.latest_edition()
            if code is None:
                return []
            if code not in self._cache:
                self._cache[code] = self._load_projects(code)
            return self._cache[code]

    def all_projects(self) -> list[Project]:
        """Every project of every edition, oldest edition first."""
        return [p for e in self.editions() for p in self.projects(e.code)]

    def project(self, key: str) -> Project | None:
        """One project by key (R7/No40, R6/#3)."""
        edition = key.split("/", 1)[0]
        return next((p for p in self.projects(edition) if p.key == key), None)

    def _load_projects(self, edition: str) -> list[Project]:
        """Rebuild an edition's projects from rows this store wrote (validated when parsed)."""
        db = self.db
        initiatives: dict[str, list[Initiative]] = {}
        cells: dict[int, dict[str, YearCell]] = {}
        for r in db.query(
            "SELECT y.* FROM initiative_years y JOIN initiatives i ON i.id = y.initiative_id "
            "JOIN projects p ON p.key = i.project_key WHERE p.edition = ? ORDER BY y.western_year",
            [edition],
        ):
            cells.setdefault(r["initiative_id"], {})[r["fiscal_year"]] = YearCell.model_construct(
                plan=r["plan"], actual=r["actual"]
            )
        for r in db.query(
            "SELECT i.*, p.source_file FROM initiatives i JOIN projects p ON p.key = i.project_key "
            "WHERE p.edition = ? ORDER BY i.project_key, i.position",
            [edition],
        ):
            initiatives.setdefault(r["project_key"], []).append(
                Initiative.model_construct(
                    label=r["label"],
                    years=cells.get(r["id"], {}),
                    source=Source.model_construct(file=r["source_file"], line=r["source_line"]),
                )
            )
        projects = []
        for r in db.query("SELECT * FROM projects WHERE edition = ? ORDER BY position", [edition]):
            projects.append(
                Project.model_construct(
                    edition=r["edition"],
                    position=r["position"],
                    no=r["no"],
                    number_inferred=bool(r["number_inferred"]),
                    name=r["name"],
                    field=r["field"],
                    category=r["category"],
                    department=r["department"],
                    sections=json.loads(r["sections"]),
                    budget_thousand_yen=r["budget_thousand_yen"],
                    budget_note=r["budget_note"],
                    start=r["start"],
                    end=r["end"],
                    priority_frame=_bool(r["priority_frame"]),
                    future_response=_bool(r["future_response"]),
                    summary=r["summary"],
                    initiatives=initiatives.get(r["key"], []),
                    achievements=r["achievements"],
                    achievements_line=r["achievements_line"],
                    field_lines=json.loads(r["field_lines"]),
                    source=Source.model_construct(file=r["source_file"], line=r["source_line"]),
                )
            )
        return projects

    def links(self) -> list[Link]:
        """Every link between this prefecture's editions, best first."""
        with self._reading():
            self._fresh()
            if self._links is None:
                where, params = _keys_of(self.prefecture, "newer")
                rows = self.db.query(
                    f"SELECT * FROM links WHERE {where} ORDER BY older, score DESC", params
                )
                self._links = [Link(**{**r, "renamed": bool(r["renamed"])}) for r in rows]
            return self._links

    def predecessors(self, key: str) -> list[Link]:
        """Links from older editions to this project."""
        return [link for link in self.links() if link.newer == key]

    def successors(self, key: str) -> list[Link]:
        """Links from this project to newer editions."""
        return [link for link in self.links() if link.older == key]

    def search(self, words: str, edition: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Places in this prefecture's roadmap where the words occur: FTS5 trigram for 3+
        characters, LIKE below that; either only visits the prefecture's rowid range."""
        needle = compact(words)
        if not needle:
            return []
        with self._reading():
            lo, hi = self._row_range(self.prefecture)
        if len(needle) >= 3:
            sql = "SELECT * FROM search_index WHERE text MATCH ?"
            params: list = ['"' + needle.replace('"', '""') + '"']
        else:
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            sql = "SELECT * FROM search_index WHERE text LIKE ? ESCAPE '\\'"
            params = [f"%{escaped}%"]
        sql += " AND rowid BETWEEN ? AND ?"
        params += [lo, hi]
        if edition:
            sql += " AND edition = ?"
            params.append(edition)
        sql += " LIMIT ?"
        params.append(limit)
        with self._reading():
            return [
                SearchHit(
                    r["project_key"],
                    r["edition"],
                    r["kind"],
                    r["ref"],
                    r["display"],
                    int(r["source_line"]) if r["source_line"] not in (None, "") else None,
                )
                for r in self.db.query(sql, params)
            ]

    # -- the actual-results record ---------------------------------------------------------

    def append_entry(
        self, entry: ActualEntry, dedupe_key: str | None = None
    ) -> tuple[ActualEntry, bool]:
        """Append an entry; with a dedupe key seen before, return the first one instead."""
        key = dedupe_key or _dedupe_key(entry)
        with self.transaction():
            row = self.db.execute("SELECT id FROM entries WHERE dedupe_key = ?", [key]).fetchone()
            if row:
                existing = self.entry(row[0])
                assert existing is not None
                return existing, False
            entry_id = self._insert_entry(entry, key)
        stored = self.entry(entry_id)
        assert stored is not None
        return stored, True

    def _insert_entry(self, entry: ActualEntry, dedupe_key: str) -> int:
        created = entry.created_at or utcnow()
        data = entry.model_dump(exclude={"id", "retracted", "created_at"})
        data["created_at"] = created.astimezone(UTC).isoformat()
        data["dedupe_key"] = dedupe_key
        entry_id = self.db.insert("entries", data)
        if entry.kind != "retraction" and entry.platform != "document":
            self.db.insert(
                "search_index",
                {
                    "rowid": self._reserve_rows(prefectures.prefecture_of(entry.edition), 1),
                    "text": compact(entry.text),
                    "display": entry.text,
                    "project_key": entry.project_key,
                    "edition": entry.edition,
                    "kind": "entry",
                    "ref": str(entry_id),
                    "source_line": None,
                },
            )
        return int(entry_id)

    def chat_activity(
        self, project_key: str, fiscal_year: str, until: datetime
    ) -> tuple[datetime | None, bool]:
        """(when the last counted chat entry was made, whether one reports fiscal_year).

        Counted: appended from chat before `until`, not a retraction, not retracted.
        Two indexed look-ups, so the digest stays fast with a million entries.
        """
        counted = (
            "project_key = ? AND platform != 'document' AND kind != 'retraction' AND created_at < ? "
            "AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id)"
        )
        stamp = until.astimezone(UTC).isoformat()
        with self._reading():
            last = self.db.execute(
                f"SELECT created_at FROM entries e WHERE {counted} ORDER BY created_at DESC LIMIT 1",
                [project_key, stamp],
            ).fetchone()
            # The planner prefers (project_key, created_at) here, which scans the project's
            # whole history; (project_key, fiscal_year) goes straight to the year.
            this_year = self.db.execute(
                f"SELECT 1 FROM entries e INDEXED BY entries_project_year WHERE {counted} "
                "AND fiscal_year = ? LIMIT 1",
                [project_key, stamp, fiscal_year],
            ).fetchone()
        return (datetime.fromisoformat(last[0]) if last else None), this_year is not None

    def bulk_append(self, entries: Iterable[ActualEntry], dedupe_prefix: str) -> int:
        """Append many entries in one transaction (imports, benchmarks); still append-only."""
        count = 0
        with self.transaction():
            for i, entry in enumerate(entries):
                self._insert_entry(entry, f"{dedupe_prefix}:{i}")
                count += 1
        return count

    def entry_by_dedupe(self, key: str) -> ActualEntry | None:
        """The entry appended under a dedupe key (a Slack view id, an event id…)."""
        rows = self._entries("WHERE e.dedupe_key = ?", [key])
        return rows[0] if rows else None

    def entry(self, entry_id: int) -> ActualEntry | None:
        """One entry by id."""
        rows = self._entries("WHERE e.id = ?", [entry_id])
        return rows[0] if rows else None

    def entries(
        self,
        project_key: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        include_retractions: bool = True,
    ) -> list[ActualEntry]:
        """Entries in the order they were appended, filtered by project and time (without a
        project: this prefecture's entries)."""
        where, params = [], []
        if project_key:
            where.append("e.project_key = ?")
            params.append(project_key)
        else:
            where.append("e.edition IN (SELECT code FROM editions WHERE prefecture = ?)")
            params.append(self.prefecture)
        if since:
            where.append("e.created_at >= ?")
            params.append(since.astimezone(UTC).isoformat())
        if until:
            where.append("e.created_at < ?")
            params.append(until.astimezone(UTC).isoformat())
        if not include_retractions:
            where.append("e.kind != 'retraction'")
        return self._entries(("WHERE " + " AND ".join(where)) if where else "", params)

    def counted_entries(self, project_key: str) -> list[ActualEntry]:
        """A project's record as answers count it: retractions and retracted entries left out."""
        return [e for e in self.entries(project_key) if e.kind != "retraction" and not e.retracted]

    def _entries(self, where: str, params: list) -> list[ActualEntry]:
        sql = (
            "SELECT e.*, EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id) AS is_retracted "
            f"FROM entries e {where} ORDER BY e.id"
        )
        with self._reading():
            return [
                ActualEntry(
                    **{k: v for k, v in r.items() if k not in ("dedupe_key", "is_retracted")},
                    retracted=bool(r["is_retracted"]),
                )
                for r in self.db.query(sql, params)
            ]

    # -- owners and processed deliveries -------------------------------------------------

    def add_owner(
        self,
        platform: str,
        user_id: str,
        *,
        project_key: str | None = None,
        section: str | None = None,
        user_name: str | None = None,
        added_by: str | None = None,
    ) -> bool:
        """Record an owner of a project or of a section (in this store's prefecture); False if
        already recorded."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO owners (prefecture, platform, user_id, user_name, "
                "project_key, section, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    self.prefecture,
                    platform,
                    user_id,
                    user_name,
                    project_key,
                    section,
                    added_by,
                    utcnow().isoformat(),
                ],
            )
            return cursor.rowcount == 1

    def remove_owner(
        self,
        platform: str,
        user_id: str,
        *,
        project_key: str | None = None,
        section: str | None = None,
    ) -> bool:
        """Remove an ownership (owners are configuration, not part of the record)."""
        with self.transaction() as db:
            cursor = db.execute(
                "DELETE FROM owners WHERE prefecture = ? AND platform = ? AND user_id = ? "
                "AND coalesce(project_key, '') = ? AND coalesce(section, '') = ?",
                [self.prefecture, platform, user_id, project_key or "", section or ""],
            )
            return cursor.rowcount > 0

    def owners(self, platform: str | None = None) -> list[Owner]:
        """Every ownership in this store's prefecture, optionally of one platform."""
        sql = "SELECT * FROM owners WHERE prefecture = ?" + (
            " AND platform = ?" if platform else ""
        )
        params = [self.prefecture] + ([platform] if platform else [])
        with self._reading():
            return [
                Owner(**{k: v for k, v in r.items() if k != "prefecture"})
                for r in self.db.query(sql + " ORDER BY id", params)
            ]

    def claim(self, key: str) -> bool:
        """Claim a delivery id for processing; False if any process claimed it before."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO processed (key, created_at) VALUES (?, ?)",
                [key, utcnow().isoformat()],
            )
            return cursor.rowcount == 1

    def forget_claim(self, key: str) -> None:
        """Release a claim whose work failed, so a retry can do it."""
        with self.transaction() as db:
            db.execute("DELETE FROM processed WHERE key = ?", [key])

    # -- weekly digest: claimed once per week and target, across processes --------------

    def claim_digest(
        self,
        week: str,
        target: str,
        owner: str,
        now: datetime,
        lease_seconds: int = 600,
        max_attempts: int = 5,
    ) -> DigestRun | None:
        """Claim the digest of a week for a target; None if posted, or claimed by a live owner.

        A claim whose owner crashed (older than the lease) or whose post failed is taken over,
        up to max_attempts: a half-done post is finished, never repeated.
        """
        target = self._digest_target(target)
        with self.transaction() as db:
            row = db.execute(
                "SELECT * FROM digest_runs WHERE week = ? AND target = ?", [week, target]
            ).fetchone()
            stamp = now.astimezone(UTC).isoformat()
            if row is None:
                db.execute(
                    "INSERT INTO digest_runs (week, target, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)",
                    [week, target, owner, stamp],
                )
            else:
                expired = (
                    datetime.fromisoformat(row["claimed_at"]).timestamp()
                    < now.timestamp() - lease_seconds
                )
                takeover = row["status"] == "failed" or (row["status"] == "claimed" and expired)
                if not takeover or row["attempts"] >= max_attempts:
                    return None
                db.execute(
                    "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, "
                    "attempts = attempts + 1, error = NULL WHERE week = ? AND target = ?",
                    [owner, stamp, week, target],
                )
            return self._digest_run(week, target)

    def _digest_target(self, target: str) -> str:
        """Each prefecture's digest is its own post, even to a channel another one uses."""
        return prefectures.qualify(target, self.prefecture)

    def digest_run(self, week: str, target: str) -> DigestRun | None:
        """The state of one week's digest (of this prefecture) for one target."""
        return self._digest_run(week, self._digest_target(target))

    def _digest_run(self, week: str, stored_target: str) -> DigestRun | None:
        row = self.db.execute(
            "SELECT * FROM digest_runs WHERE week = ? AND target = ?", [week, stored_target]
        ).fetchone()
        return DigestRun(**dict(row)) if row else None

    def digest_progress(self, week: str, target: str, **fields) -> None:
        """Record a step of a claimed digest post: message_ts, charts_done, status, error."""
        allowed = {"message_ts", "charts_done", "status", "posted_at", "error"}
        assert set(fields) <= allowed, fields
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as db:
            db.execute(
                f"UPDATE digest_runs SET {sets} WHERE week = ? AND target = ?",
                [*fields.values(), week, self._digest_target(target)],
            )

    def claim_nudge(self, week: str, platform: str, user_id: str, now: datetime) -> bool:
        """At most one nudge a week per user: True if this one may be sent."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO nudges (week, platform, user_id, sent_at) VALUES (?, ?, ?, ?)",
                [week, platform, user_id, now.astimezone(UTC).isoformat()],
            )
            return cursor.rowcount == 1

    def set_nudges(self, platform: str, user_id: str, enabled: bool) -> None:
        """Turn a user's nudges on or off."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO nudge_prefs (platform, user_id, enabled, changed_at) VALUES (?, ?, ?, ?)",
                [platform, user_id, int(enabled), utcnow().isoformat()],
            )

    def nudges_enabled(self, platform: str, user_id: str) -> bool:
        """Nudges are on unless the user turned them off."""
        row = self.db.execute(
            "SELECT enabled FROM nudge_prefs WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return True if row is None else bool(row[0])

    # -- conversation references (proactive messages) -----------------------------------

    def save_conversation(
        self, platform: str, conversation_id: str, service_url: str, **fields
    ) -> None:
        """Remember how to reach a conversation later (Teams installs and messages)."""
        row = {
            "platform": platform,
            "conversation_id": conversation_id,
            "service_url": service_url,
            "conversation_type": fields.get("conversation_type"),
            "tenant_id": fields.get("tenant_id"),
            "user_id": fields.get("user_id"),
            "user_name": fields.get("user_name"),
            "updated_at": utcnow().isoformat(),
        }
        with self.transaction() as db:
            db.insert_all("conversations", [row], replace=True)

    def conversation(self, platform: str, conversation_id: str) -> dict | None:
        """A remembered conversation."""
        with self._reading():
            rows = self.db.query(
                "SELECT * FROM conversations WHERE platform = ? AND conversation_id = ?",
                [platform, conversation_id],
            )
        return rows[0] if rows else None

    def personal_conversation(self, platform: str, user_id: str) -> dict | None:
        """The one-to-one chat with a user, if they ever talked to the bot."""
        with self._reading():
            rows = self.db.query(
                "SELECT * FROM conversations WHERE platform = ? AND user_id = ? "
                "AND conversation_type = 'personal' ORDER BY updated_at DESC LIMIT 1",
                [platform, user_id],
            )
        return rows[0] if rows else None

    # -- operations ------------------------------------------------------------------------

    def backup(self, target: str | os.PathLike) -> Path:
        """A consistent copy through SQLite's online backup API (safe while the bot runs)."""
        target = Path(target)
        if target.exists():
            raise FileExistsError(str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(str(target))
        try:
            with self._lock:
                self.db.conn.backup(destination)
        finally:
            destination.close()
        return target

    def integrity_check(self) -> str:
        """SQLite's own integrity check: 'ok' when the file is sound."""
        with self._reading():
            return self.db.execute("PRAGMA integrity_check").fetchone()[0]


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


def _keys_of(prefecture: str, column: str) -> tuple[str, list]:
    """SQL matching the project keys of one prefecture (岩手県:R7/No3; home keys have no ':')."""
    if prefecture == prefectures.HOME_PREFECTURE:
        return f"instr({column}, '{prefectures.SEPARATOR}') = 0", []
    # Keys of a prefecture sort between "岩手県:" and "岩手県;" (';' follows ':').
    return f"{column} >= ? AND {column} < ?", [
        prefecture + prefectures.SEPARATOR,
        prefecture + chr(ord(prefectures.SEPARATOR) + 1),
    ]


def _connect(target: str) -> sqlite3.Connection:
    """A connection shared by this process's threads (the Store serialises them with a lock)."""
    return sqlite3.connect(
        target, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _dedupe_key(entry: ActualEntry) -> str:
    """A key that is the same for the same document fact, so re-ingesting adds nothing."""
    digest = hashlib.sha256(entry.text.encode()).hexdigest()[:16]
    return f"doc:{entry.project_key}:{entry.kind}:{entry.initiative}:{entry.fiscal_year}:{digest}"


def document_entries(project: Project, edition: Edition) -> list[ActualEntry]:
    """The first entries of a project's record: the 実績 cells and 主な取組実績 as printed."""
    entries = []
    for position, initiative in enumerate(project.initiatives, start=1):
        for year, cell in initiative.years.items():
            if cell.actual:
                entries.append(
                    ActualEntry(
                        project_key=project.key,
                        edition=project.edition,
                        project_no=project.no,
                        fiscal_year=year,
                        initiative=initiative.label or f"取組{position}",
                        kind="actual",
                        text=cell.actual,
                        author_name=edition.source_file,
                        platform="document",
                        source_file=initiative.source.file,
                        source_line=initiative.source.line,
                    )
                )
    if project.achievements:
        # 主な取組実績 of the R7 edition reports the year before it: R6.
        entries.append(
            ActualEntry(
                project_key=project.key,
                edition=project.edition,
                project_no=project.no,
                fiscal_year=(edition.fiscal_year - 1).code,
                kind="achievement",
                text=project.achievements,
                author_name=edition.source_file,
                platform="document",
                source_file=project.source.file,
                source_line=project.achievements_line or project.source.line,
            )
        )
    return entries


@dataclass(frozen=True)
class Owner:
    """A user who may append to a project's record: for one project, or a whole section."""

    id: int
    platform: str
    user_id: str
    user_name: str | None
    project_key: str | None
    section: str | None
    added_by: str | None
    added_at: str


@dataclass(frozen=True)
class DigestRun:
    """One week's digest post for one target, as claimed and progressed."""

    week: str
    target: str
    status: str
    claimed_by: str | None
    claimed_at: str
    attempts: int
    message_ts: str | None
    charts_done: int
    posted_at: str | None
    error: str | None
