"""The chat record as questions read it (#27): reports counted the way answers count them —
entries from chat, not retractions, not retracted — newest first and bounded, with a count of
the rest; who wrote them; which projects have one for a fiscal year.

Every read is bounded by what is shown (a page of reports, counts, one look-up per project
asked about), never a whole project's or prefecture's record loaded to be filtered in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.models import ActualEntry

_CHAT = "e.platform != 'document' AND e.kind != 'retraction'"
_COUNTED = f"{_CHAT} AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id)"
# The retracted reports from their retractions: CROSS JOIN keeps the (few) retractions the
# outer loop, through their index, whatever the planner would guess.
_RETRACTED_JOIN = (
    "FROM entries r INDEXED BY entries_retracts CROSS JOIN entries e ON e.id = r.retracts"
)


@dataclass(frozen=True)
class ReportScope:
    """Which reports: of these projects (None: the whole record of this store's prefecture),
    posted in [since, until), by these authors, for these fiscal years, on this initiative."""

    projects: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None
    authors: tuple[str, ...] | None = None
    fiscal_years: tuple[str, ...] | None = None
    initiative: str | None = None

    @property
    def empty(self) -> bool:
        """No project or no author can match: nothing to read."""
        return self.projects == () or self.authors == () or self.fiscal_years == ()


@dataclass(frozen=True)
class Author:
    """Someone who reported in chat, under a display name they had when writing."""

    author_id: str
    name: str | None
    platform: str


def _in(column: str, values: tuple[str, ...]) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


class Reports:
    """Chat reports: pages, counts, people, and which projects reported for a year."""

    def _scope(self, scope: ReportScope, counted: str = _COUNTED) -> tuple[str, list]:
        where, params = [counted], []
        if scope.projects is not None:
            sql, values = _in("e.project_key", scope.projects)
            where.append(sql)
            params += values
        else:
            where.append("e.edition IN (SELECT code FROM editions WHERE prefecture = ?)")
            params.append(self.prefecture)
        if scope.since is not None:
            where.append("e.created_at >= ?")
            params.append(scope.since.astimezone(UTC).isoformat())
        if scope.until is not None:
            where.append("e.created_at < ?")
            params.append(scope.until.astimezone(UTC).isoformat())
        if scope.authors is not None:
            sql, values = _in("e.author_id", scope.authors)
            where.append(sql)
            params += values
        if scope.fiscal_years is not None:
            sql, values = _in("e.fiscal_year", scope.fiscal_years)
            where.append(sql)
            params += values
        if scope.initiative is not None:
            where.append("e.initiative = ?")
            params.append(scope.initiative)
        return "WHERE " + " AND ".join(where), params

    def reports(
        self, scope: ReportScope, limit: int = 20, oldest: bool = False, count: bool = True
    ) -> tuple[list[ActualEntry], int]:
        """The newest (or oldest) `limit` counted reports in scope, in that order, and how many
        there are (-1 when not asked to count and the page is full: the caller knows)."""
        if scope.empty:
            return [], 0
        where, params = self._scope(scope)
        way = "ASC" if oldest else "DESC"
        page = self._entries(
            where, params, order=f"e.created_at {way}, e.id {way} LIMIT {max(0, int(limit))}"
        )
        if len(page) < limit:
            return page, len(page)
        if not count:
            return page, -1
        chat, retracted = self._counts(scope)
        return page, chat - retracted

    def retracted_reports(
        self, scope: ReportScope, limit: int = 10
    ) -> tuple[list[tuple[ActualEntry, ActualEntry]], int]:
        """Reports in scope that were retracted, each with its retraction, newest first —
        found from their retractions (few), never by checking every report."""
        if scope.empty:
            return [], 0
        where, params = self._scope(scope, _CHAT)
        with self._reading():
            ids = [
                row[0]
                for row in self.db.execute(
                    f"SELECT DISTINCT e.id, e.created_at {_RETRACTED_JOIN} {where} "
                    "AND r.retracts IS NOT NULL ORDER BY e.created_at DESC, e.id DESC",
                    params,
                ).fetchall()
            ]
        if not ids:
            return [], 0
        shown = tuple(str(i) for i in ids[: max(0, int(limit))])
        sql, values = _in("e.id", shown)
        originals = self._entries(f"WHERE {sql}", values, order="e.created_at DESC, e.id DESC")
        sql, values = _in("e.retracts", shown)
        retractions = {
            r.retracts: r for r in self._entries(f"WHERE e.kind = 'retraction' AND {sql}", values)
        }
        return [(o, retractions[o.id]) for o in originals if o.id in retractions], len(ids)

    def _counts(self, scope: ReportScope) -> tuple[int, int]:
        """(chat reports, retracted ones among them) in scope: the retracted are found from
        their retractions (few), never by a look-up for every report."""
        where, params = self._scope(scope, _CHAT)
        with self._reading():
            chat = self.db.execute(f"SELECT count(*) FROM entries e {where}", params).fetchone()
            retracted = self.db.execute(
                f"SELECT count(DISTINCT e.id) {_RETRACTED_JOIN} {where} AND r.retracts IS NOT NULL",
                params,
            ).fetchone()
        return int(chat[0]), int(retracted[0])

    def report_counts(self, scope: ReportScope, per: str = "project") -> dict[str, int]:
        """How many counted reports in scope, per project key or per author id: every chat
        report, less the retracted ones (found from their few retractions, not by a look-up
        for each report)."""
        if scope.empty:
            return {}
        column = "e.project_key" if per == "project" else "e.author_id"
        where, params = self._scope(scope, _CHAT)
        with self._reading():
            rows = self.db.execute(
                f"SELECT {column}, count(*) FROM entries e {where} AND {column} IS NOT NULL "
                f"GROUP BY {column}",
                params,
            ).fetchall()
            retracted = self.db.execute(
                f"SELECT {column}, count(DISTINCT e.id) {_RETRACTED_JOIN} {where} "
                f"AND r.retracts IS NOT NULL GROUP BY {column}",
                params,
            ).fetchall()
        counts = {str(key): int(n) for key, n in rows}
        for key, n in retracted:
            counts[str(key)] -= int(n)
        return {key: n for key, n in counts.items() if n > 0}

    def chat_authors(self, after: int = 0) -> tuple[list[Author], int]:
        """Everyone who reported in this prefecture's record (each name they wrote under),
        from entries after id `after`, and the last id read: callers keep what they read."""
        with self._reading():
            rows = self.db.execute(
                "SELECT author_id, author_name, platform, max(id) FROM entries "
                "WHERE id > ? AND platform != 'document' AND author_id IS NOT NULL "
                "AND edition IN (SELECT code FROM editions WHERE prefecture = ?) "
                "GROUP BY author_id, author_name, platform ORDER BY 4",  # a later name last
                [after, self.prefecture],
            ).fetchall()
        last = max([after, *(int(r[3]) for r in rows)])
        return [Author(r[0], r[1], r[2]) for r in rows], last

    def document_entry_count(self, project_key: str) -> int:
        """How many of a project's entries are its documents' printed 実績."""
        with self._reading():
            row = self.db.execute(
                "SELECT count(*) FROM entries WHERE project_key = ? AND platform = 'document'",
                [project_key],
            ).fetchone()
        return int(row[0])
