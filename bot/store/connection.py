"""The store's connections: one writer, a reader per thread, transactions and the cache check.

Schema changes are applied (once, across processes) when a Store is opened.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from bot import migrations, prefectures
from bot.errors import StoreUnavailable
from bot.models import Link, Project
from bot.store.faults import Faults, file_identity
from bot.store.reads import EditionInfo, Naming

DEFAULT_DB = Path("data/roadmap.db")
BUSY_TIMEOUT_MS = 10_000
# How stale another process's document load may look here: checking the counter on every
# read costs a read transaction each (a third of a busy server's time, measured).
FRESH_CHECK_SECONDS = 1.0


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db, else ROADMAP_DB (bot/settings.py), else data/roadmap.db."""
    if explicit:
        return Path(explicit)
    from bot.settings import store_settings

    return Path(store_settings().roadmap_db or DEFAULT_DB)


def is_roadmap_store(path: Path) -> bool:
    """An empty file, or a SQLite file with no tables or this bot's migrations table: another
    program's database is never migrated into a store by a mistyped --db."""
    if path.stat().st_size == 0:
        return True
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    return not tables or "_sqlite_migrations" in tables


def utcnow() -> datetime:
    """Now, in UTC (entries are stored in UTC and shown in JST)."""
    return datetime.now(UTC)


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


class Connection(Faults):
    """Opening, connections, transactions and the project cache's freshness check."""

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
        self._namings: dict[str, list[Naming]] = {}
        self._keyed: dict[str, tuple[list[Project], dict[str, Project]]] = {}
        self._links: list[Link] | None = None
        self._editions: list[EditionInfo] | None = None
        self._documents: list | None = None  # DocumentInfo, cached as the editions are
        self._cache_version: int | None = None
        self._checked_at = -FRESH_CHECK_SECONDS
        # The files being served (#25): a store replaced or its -wal deleted under a running
        # server took acknowledged writes into files nobody would read again. Once seen, every
        # write is refused (`broken`) and the deep health check says why.
        self._files: tuple | None = None
        self.broken: str | None = None
        self._fault_logged: dict[str, float] = {}
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        # Every commit waits for the disk: an acknowledged update survives a power cut too
        # (transaction(durable=False) relaxes it for bookkeeping that can be done again).
        db.execute("PRAGMA synchronous = FULL")
        if migrations.pending(conn):
            with self.transaction():  # BEGIN IMMEDIATE: two processes starting at once migrate once
                migrations.apply(conn)
        if path is not None:  # the files this connection has open now (it has read the WAL)
            self._files = (file_identity(path), file_identity(Path(f"{path}-wal")))

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, prefecture: str | None = None) -> Self:
        """Open (creating the file if needed, never a folder: a mistyped path must not start
        a second store) the store at path, ROADMAP_DB or data/roadmap.db, answering for
        prefecture, ROADMAP_PREFECTURE or the home prefecture."""
        from bot.settings import configured_prefecture

        scope = configured_prefecture(prefecture)  # a bad name fails before a file is made
        target = resolve_db_path(path)
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "no such folder for the store", str(target.parent))
        conn = _connect(str(target))
        conn.execute("PRAGMA journal_mode = WAL")
        return cls(conn, target, scope)

    @classmethod
    def memory(cls, prefecture: str = prefectures.HOME_PREFECTURE) -> Self:
        """A fresh in-memory store (tests, one-off questions)."""
        return cls(_connect(":memory:"), prefecture=prefecture)

    def scoped(self, prefecture: str) -> Self:
        """Another Store on the same file answering for another prefecture (own connections)."""
        if self.path is None:
            raise ValueError("an in-memory store cannot be shared")
        return type(self).open(self.path, prefecture)

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
    def transaction(self, durable: bool = True) -> Iterator[Database]:
        """One atomic write: all of it lands, or none of it (BEGIN IMMEDIATE, so writers queue).
        A store that cannot take writes now raises StoreUnavailable, and nothing is written.

        durable=False commits without waiting for the disk (synchronous=NORMAL: the write
        survives the process being killed, not a power cut): for bookkeeping that can be done
        again, such as marking a reply sent. The record's writes are durable, always."""
        with self._lock:
            conn = self._writer.conn
            if conn.in_transaction:
                conn.execute("SAVEPOINT nested")
                try:
                    yield self._writer
                except BaseException as error:
                    conn.execute("ROLLBACK TO SAVEPOINT nested")
                    conn.execute("RELEASE SAVEPOINT nested")
                    if (fault := self._unavailable(error)) is None:
                        raise
                    raise fault from error
                conn.execute("RELEASE SAVEPOINT nested")
                return
            if self.broken:
                raise StoreUnavailable(self.broken)
            if not durable:  # a setting of the connection, changed outside transactions only
                conn.execute("PRAGMA synchronous = NORMAL")
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                if not durable:
                    conn.execute("PRAGMA synchronous = FULL")
                if (fault := self._unavailable(error)) is None:
                    raise
                raise fault from error
            self._tx_thread = threading.get_ident()
            try:
                self._same_files()
                yield self._writer
                conn.execute("COMMIT")
            except BaseException as error:
                # Also when COMMIT itself failed (a full disk): left open, the transaction
                # would refuse every later BEGIN of this process.
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if (fault := self._unavailable(error)) is None:
                    raise
                raise fault from error
            finally:
                self._tx_thread = None
                if not durable:
                    conn.execute("PRAGMA synchronous = FULL")

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
            self._namings.clear()
            self._links = None
            self._editions = None
            self._documents = None
            self._cache_version = version

    # -- operations ------------------------------------------------------------------------

    def backup(self, target: str | os.PathLike) -> Path:
        """A consistent copy through SQLite's online backup API (safe while the bot runs)."""
        target = Path(target)
        if target.exists():
            raise FileExistsError(str(target))
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "no such folder for the backup", str(target.parent))
        destination = sqlite3.connect(str(target))
        try:
            with self._lock:
                self.db.conn.backup(destination)
        finally:
            destination.close()
        return target

    def guards(self) -> dict[str, bool]:
        """Each append-only trigger (migrations.GUARDS): present in this database or not."""
        with self._reading():
            present = {
                row[0]
                for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            }
        return {name: name in present for name in migrations.GUARDS}

    def integrity_check(self) -> str:
        """SQLite's own integrity check: 'ok' when the file is sound."""
        with self._reading():
            return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    # -- the integrity check, shared by every process on the file (bot/health.py) ----------

    def claim_integrity_check(self, interval: float, now: float | None = None) -> bool:
        """True for the one process that is to run the check now: none ran one in `interval`
        seconds (wall clock: the processes share no other)."""
        now = time.time() if now is None else now
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO health_checks (name, started_at) VALUES ('integrity', ?) "
                "ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at "
                "WHERE health_checks.started_at <= ?",
                [now, now - interval],
            )
            return cursor.rowcount == 1

    def record_integrity_check(self, result: str, now: float | None = None) -> None:
        """Keep a finished check's result for the other processes."""
        with self.transaction() as db:
            db.execute(
                "UPDATE health_checks SET result = ?, finished_at = ? WHERE name = 'integrity'",
                [result, time.time() if now is None else now],
            )

    def last_integrity_check(self) -> str | None:
        """The result of the last finished check by any process, None before the first."""
        with self._reading():
            row = self.db.execute(
                "SELECT result FROM health_checks WHERE name = 'integrity'"
            ).fetchone()
        return row[0] if row else None


def _connect(target: str) -> sqlite3.Connection:
    """A connection shared by this process's threads (the Store serialises them with a lock)."""
    return sqlite3.connect(
        target, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
