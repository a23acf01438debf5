"""The append-only actual-results record: entries are added and retracted, never changed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from bot import prefectures
from bot.errors import InvalidUpdate
from bot.models import ActualEntry
from bot.store.connection import utcnow
from bot.text import compact

# Columns of an entries row that are no field of ActualEntry (created_at is parsed apart).
_NOT_FIELDS = ("dedupe_key", "is_retracted", "created_at")


class Record:
    """Appending entries and reading a project's or the prefecture's record."""

    def append_entry(
        self, entry: ActualEntry, dedupe_key: str | None = None
    ) -> tuple[ActualEntry, bool]:
        """Append an entry; with a dedupe key seen before, return the first one instead."""
        key = dedupe_key or fact_key(entry)
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
        try:
            entry_id = self.db.insert("entries", data)
        except sqlite3.IntegrityError as error:
            if "retracted once" in str(error):  # m017: a second retraction, refused inside
                raise InvalidUpdate("retract_already", id=entry.retracts) from None
            raise
        if entry.kind != "retraction" and not entry.from_document:
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

    def latest_entries(
        self,
        project_key: str,
        limit: int,
        fiscal_year: str | None = None,
        chat_only: bool = False,
        count_up_to: int = 1000,
    ) -> tuple[list[ActualEntry], int]:
        """A project's latest counted entries (of a fiscal year; from chat only), oldest of
        them first, and how many counted entries there are — counted up to `count_up_to`, a
        larger record says count_up_to + 1: an answer shows a few and says the rest (#24),
        its work the same for a record of 70,000 entries as for one of ten."""
        where = "e.project_key = ? AND e.kind != 'retraction'"
        params: list = [project_key]
        if fiscal_year is not None:
            where += " AND e.fiscal_year = ?"
            params.append(fiscal_year)
        if chat_only:
            where += " AND e.platform != 'document'"
        # Newest first along an index in the id's order, stopping after as many as needed.
        index = "entries_project_year" if fiscal_year is not None else "entries_project"
        with self._reading():
            ids = [
                r[0]
                for r in self.db.execute(
                    f"SELECT e.id FROM entries e INDEXED BY {index} WHERE {where} "
                    "AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id) "
                    "ORDER BY e.id DESC LIMIT ?",
                    [*params, max(limit, count_up_to + 1)],
                )
            ]
        total, shown = len(ids), ids[:limit]
        if not shown:
            return [], total
        marks = ",".join("?" * len(shown))
        return self._entries(f"WHERE e.id IN ({marks})", shown), total

    def latest_matching_entries(
        self, project_key: str, words: list[str], limit: int
    ) -> list[ActualEntry]:
        """A project's latest counted chat entries holding any of the words (three characters
        or more, through the full-text index): what a text question reads of the record."""
        ids: set[int] = set()
        with self._reading():
            lo, hi = self._row_range(self.prefecture)
            for word in words:
                needle = compact(word)
                if len(needle) < 3:
                    continue
                for r in self.db.execute(
                    "SELECT ref FROM search_index WHERE text MATCH ? AND rowid BETWEEN ? AND ? "
                    "AND kind = 'entry' AND project_key = ? ORDER BY rowid DESC LIMIT ?",
                    ['"' + needle.replace('"', '""') + '"', lo, hi, project_key, limit],
                ):
                    ids.add(int(r[0]))
        if not ids:
            return []
        chosen = sorted(ids)[-limit * 2 :]
        marks = ",".join("?" * len(chosen))
        found = self._entries(f"WHERE e.id IN ({marks})", chosen)
        return [e for e in found if e.kind != "retraction" and not e.retracted][-limit:]

    def counted_entries(self, project_key: str) -> list[ActualEntry]:
        """A project's record as answers count it: retractions and retracted entries left out."""
        return [e for e in self.entries(project_key) if e.kind != "retraction" and not e.retracted]

    def _entries(self, where: str, params: list, order: str = "e.id") -> list[ActualEntry]:
        sql = (
            "SELECT e.*, EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id) AS is_retracted "
            f"FROM entries e {where} ORDER BY {order}"
        )
        # Rows this store wrote from validated entries: built, not validated again (a
        # validation would build the model's schema: a fifth of a one-question process).
        with self._reading():
            return [
                ActualEntry.model_construct(
                    **{k: v for k, v in r.items() if k not in _NOT_FIELDS},
                    created_at=datetime.fromisoformat(r["created_at"]),
                    retracted=bool(r["is_retracted"]),
                )
                for r in self.db.query(sql, params)
            ]


def fact_key(entry: ActualEntry) -> str:
    """A key that is the same for the same document fact, so re-ingesting adds nothing."""
    digest = hashlib.sha256(entry.text.encode()).hexdigest()[:16]
    return f"doc:{entry.project_key}:{entry.kind}:{entry.initiative}:{entry.fiscal_year}:{digest}"
