"""Reads of the roadmap: editions, projects (cached), links between editions, search."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from bot import prefectures
from bot.models import Initiative, Link, Project, Source, YearCell
from bot.text import compact


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


class RoadmapReads:
    """Editions, projects, links and full-text search of this store's prefecture."""

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
                where, params = keys_of(self.prefecture, "newer")
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


def keys_of(prefecture: str, column: str) -> tuple[str, list]:
    """SQL matching the project keys of one prefecture (岩手県:R7/No3; home keys have no ':')."""
    if prefecture == prefectures.HOME_PREFECTURE:
        return f"instr({column}, '{prefectures.SEPARATOR}') = 0", []
    # Keys of a prefecture sort between "岩手県:" and "岩手県;" (';' follows ':').
    return f"{column} >= ? AND {column} < ?", [
        prefecture + prefectures.SEPARATOR,
        prefecture + chr(ord(prefectures.SEPARATOR) + 1),
    ]


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)
