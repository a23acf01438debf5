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

_COUNTED = (
    "e.platform != 'document' AND e.kind != 'retraction' "
    "AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id)"
)
_RETRACTED = (
    "e.platform != 'document' AND e.kind != 'retraction' "
    "AND EXISTS (SELECT 1 FROM entries r WHERE r.retracts = e.id)"
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
        self, scope: ReportScope, limit: int = 20, oldest: bool = False
    ) -> tuple[list[ActualEntry], int]:
        """The newest (or oldest) `limit` counted reports in scope, in that order, and how many
        there are."""
        if scope.empty:
            return [], 0
        where, params = self._scope(scope)
        way = "ASC" if oldest else "DESC"
        page = self._entries(
            where, params, order=f"e.created_at {way}, e.id {way} LIMIT {max(0, int(limit))}"
        )
        if len(page) < limit:
            return page, len(page)
        with self._reading():
            total = self.db.execute(f"SELECT count(*) FROM entries e {where}", params).fetchone()
        return page, int(total[0])

    def retracted_reports(
        self, scope: ReportScope, limit: int = 10
    ) -> tuple[list[tuple[ActualEntry, ActualEntry]], int]:
        """Reports in scope that were retracted, each with its retraction, newest first."""
        if scope.empty:
            return [], 0
        where, params = self._scope(scope, _RETRACTED)
        originals = self._entries(
            where, params, order=f"e.created_at DESC, e.id DESC LIMIT {max(0, int(limit))}"
        )
        with self._reading():
            total = self.db.execute(f"SELECT count(*) FROM entries e {where}", params).fetchone()
        if not originals:
            return [], int(total[0])
        sql, ids = _in("e.retracts", tuple(str(o.id) for o in originals))
        retractions = {
            r.retracts: r for r in self._entries(f"WHERE e.kind = 'retraction' AND {sql}", ids)
        }
        pairs = [(o, retractions[o.id]) for o in originals if o.id in retractions]
        return pairs, int(total[0])

    def report_counts(self, scope: ReportScope, per: str = "project") -> dict[str, int]:
        """How many counted reports in scope, per project key or per author id."""
        if scope.empty:
            return {}
        column = "e.project_key" if per == "project" else "e.author_id"
        where, params = self._scope(scope)
        with self._reading():
            rows = self.db.execute(
                f"SELECT {column}, count(*) FROM entries e {where} AND {column} IS NOT NULL "
                f"GROUP BY {column}",
                params,
            ).fetchall()
        return {str(key): int(n) for key, n in rows}

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
