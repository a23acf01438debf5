"""What keeps a store from taking writes, told apart from a request's own errors (#25): SQLite's
errors classified (a full disk, a read-only file, a damaged one, a busy one), the files a
process opened replaced under it, no room left beside them; and a probe of whether a write would
succeed now (the deep health check)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bot.errors import StoreUnavailable


def _logger():
    """Imported when a fault is logged: logging is not on a one-question process's path."""
    import logging

    return logging.getLogger(__name__)


# SQLite's error names (a prefix: SQLITE_IOERR_WRITE…) → why a write cannot be made now, as a
# bot.messages key. The first match wins: a store moved away is read-only to SQLite too.
FAULTS = (
    ("SQLITE_READONLY_DBMOVED", "store_replaced"),
    ("SQLITE_FULL", "store_full"),
    ("SQLITE_READONLY", "store_read_only"),
    ("SQLITE_CORRUPT", "store_damaged"),
    ("SQLITE_NOTADB", "store_damaged"),
    ("SQLITE_IOERR", "store_io"),
    ("SQLITE_CANTOPEN", "store_io"),
    ("SQLITE_BUSY", "store_busy"),
    ("SQLITE_LOCKED", "store_busy"),
)
# Below this much free space beside the store, a write is reported as failing: SQLite reuses
# its WAL's space, so a small test write can pass while a real update needs the file to grow.
MIN_FREE_BYTES = 1 << 20
FAULT_LOG_SECONDS = 10.0  # one log line per kind of fault this often, not one per request


def fault_of(error: BaseException) -> str | None:
    """Why a SQLite error means the store cannot take writes now (a messages key), or None
    for an error of the request itself (a constraint, a bug)."""
    name = getattr(error, "sqlite_errorname", None) or ""
    return next((key for prefix, key in FAULTS if name.startswith(prefix)), None)


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file a path names now (device, inode), None when there is none."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


class Faults:
    """A store's knowledge of why it cannot take writes (part of Connection)."""

    path: Path | None
    broken: str | None  # a fault that stops every later write (the files replaced)
    _files: tuple | None
    _fault_logged: dict[str, float]

    def _unavailable(self, error: BaseException) -> StoreUnavailable | None:
        """A SQLite error that means no write can be made now, as the error a person is told
        (logged for the operator, once in a while); None for any other error."""
        fault = fault_of(error)
        if fault is None:
            return None
        if fault == "store_replaced":
            self.broken = fault
        now = time.monotonic()
        if now - self._fault_logged.get(fault, -FAULT_LOG_SECONDS) >= FAULT_LOG_SECONDS:
            self._fault_logged[fault] = now
            _logger().error(
                "the store %s cannot take writes: %s (%s)",
                self.path,
                fault,
                getattr(error, "sqlite_errorname", type(error).__name__),
            )
        return StoreUnavailable(fault)

    def _same_files(self) -> None:
        """Inside a write transaction: the store file and its WAL are still the ones this
        process opened; otherwise writes stop here (#25)."""
        fault = self.write_fault()
        if fault == "store_replaced":
            raise StoreUnavailable(fault)

    def write_fault(self) -> str | None:
        """Why a write would fail now, as far as is known without writing (a messages key): a
        fault already met, the files replaced under this process, no room left beside them."""
        if self.broken or self.path is None:
            return self.broken
        now = (file_identity(self.path), file_identity(Path(f"{self.path}-wal")))
        if self._files is None:
            self._files = now
        if now != self._files or None in now:
            self.broken = "store_replaced"
            _logger().error(
                "the store %s or its -wal was replaced or deleted while serving: writes stop "
                "(restart the server)",
                self.path,
            )
            return self.broken
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            free = MIN_FREE_BYTES
        return "store_full" if free < MIN_FREE_BYTES else None

    def write_probe(self, commit: bool = True) -> str | None:
        """Whether a write would succeed now: None, or why not (a messages key). What is known
        without writing, then (with commit) a real write to the health record, committed."""
        fault = self.write_fault()
        if fault or not commit:
            return fault
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT INTO health_checks (name, started_at) VALUES ('write', ?) "
                    "ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at",
                    [time.time()],
                )
        except StoreUnavailable as fault:
            return fault.key
        return None
