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
    """An edition as loaded: code, fiscal year, title, file and number of projects, the fields
    its documents cover, and whether it is only a draft (every document titled （案）)."""

    code: str
    fiscal_year: int
    title: str | None
    source_file: str
    sha256: str
    projects: int
    fields: tuple[str, ...] = ()
    draft: bool = False
    # Some of its documents are drafts: the edition is not published as a whole yet.
    has_draft: bool = False


@dataclass(frozen=True)
class Naming:
    """What names a project in questions: its key and name, department, sections, category and
    field (a project's words, read without its initiatives and year cells)."""

    key: str
    name: str
    department: str | None
    sections: tuple[str, ...]
    category: str | None
    field: str | None


@dataclass(frozen=True)
class DocumentInfo:
    """One loaded document: an edition's field, from which file, when, and how many projects."""

    edition: str
    field: str
    title: str | None
    source_file: str
    sha256: str
    loaded_at: str
    draft: bool
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


def project_order(p: Project) -> tuple:
    """An edition's projects in order: fields number them in one sequence (No1… of one field,
    No23… of the next); unnumbered documents follow their edition's first one."""
    return (p.no or 0, p.key_scope, p.position)


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
                "SELECT e.*, (SELECT count(*) FROM projects p WHERE p.edition = e.code) AS n, "
                "(SELECT group_concat(field, char(31)) FROM (SELECT field FROM documents d "
                "WHERE d.edition = e.code ORDER BY field)) AS fields, "
                "(SELECT coalesce(min(draft), 0) FROM documents d WHERE d.edition = e.code) "
                "AS draft, (SELECT coalesce(max(draft), 0) FROM documents d "
                "WHERE d.edition = e.code) AS has_draft "
                "FROM editions e WHERE e.prefecture = ? ORDER BY fiscal_year",
                [self.prefecture],
            )
            editions = [
                EditionInfo(
                    r["code"],
                    r["fiscal_year"],
                    r["title"],
                    r["source_file"],
                    r["sha256"],
                    r["n"],
                    tuple(f for f in (r["fields"] or "").split(chr(31)) if f),
                    bool(r["draft"]),
                    bool(r["has_draft"]),
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
        """The code of the newest published edition, None for an empty store: answers,
        lists, the digest and updates default to it. A draft document never makes its edition
        the default: an edition with any draft field (（案）) is shown only when named, so no
        default answer carries draft content. Only when no edition is wholly published does
        one with published fields, then a draft, serve."""
        editions = self.editions()
        published = (
            [e for e in editions if not e.has_draft]
            or [e for e in editions if not e.draft]
            or editions
        )
        return published[-1].code if published else None

    def is_draft(self, edition: str, no: int | None = None) -> bool:
        """Whether an edition is loaded only from drafts (（案）), or its project numbered `no`
        comes from a draft document: answers drawn from it say so."""
        if any(e.code == edition and e.draft for e in self.editions()):
            return True
        return no is not None and any(p.draft for p in self.projects(edition) if p.no == no)

    def documents(self) -> list[DocumentInfo]:
        """Every loaded document of this prefecture: edition, field, file, when, projects (cached
        until any process loads documents again, as the editions are)."""
        with self._reading():
            if self._tx_thread is None or self._tx_thread != threading.get_ident():
                self._fresh()
                if self._documents is not None:
                    return list(self._documents)
            rows = self.db.query(
                "SELECT d.*, (SELECT count(*) FROM projects p WHERE p.edition = d.edition "
                "AND coalesce(p.field, '') = d.field) AS n FROM documents d "
                "JOIN editions e ON e.code = d.edition WHERE d.prefecture = ? "
                "ORDER BY e.fiscal_year, d.field",
                [self.prefecture],
            )
        documents = [
            DocumentInfo(
                edition=r["edition"],
                field=r["field"],
                title=r["title"],
                source_file=r["source_file"],
                sha256=r["sha256"],
                loaded_at=r["loaded_at"],
                draft=bool(r["draft"]),
                projects=r["n"],
            )
            for r in rows
        ]
        if self._tx_thread is None:
            self._documents = documents
        return documents

    def projects(self, edition: str | None = None, field: str | None = None) -> list[Project]:
        """All projects of an edition (default: the latest), every field in number order;
        with field (産業・しごと or 産業・しごと分野), that field's only."""
        with self._reading():
            self._fresh()
            code = edition or self.latest_edition()
            if code is None:
                return []
            if code not in self._cache:
                self._cache[code] = self._load_projects(code)
            projects = self._cache[code]
        if field is None:
            return projects
        wanted = compact(field).removesuffix("分野")
        return [p for p in projects if compact(p.field or "").removesuffix("分野") == wanted]

    def namings(self, edition: str) -> list[Naming]:
        """The words that name an edition's projects, in project order (cached like projects;
        the vocabulary of every edition is built from these, not from whole projects)."""
        with self._reading():
            self._fresh()
            if (found := self._namings.get(edition)) is None:
                rows = self.db.query(
                    "SELECT key, name, department, sections, category, field FROM projects "
                    "WHERE edition = ? ORDER BY coalesce(no, 0), key_scope, position",
                    [edition],
                )
                found = self._namings[edition] = [
                    Naming(
                        r["key"],
                        r["name"],
                        r["department"],
                        tuple(json.loads(r["sections"])),
                        r["category"],
                        r["field"],
                    )
                    for r in rows
                ]
        return found

    def fields(self, edition: str | None = None) -> list[str]:
        """The fields (分野) an edition's loaded documents cover."""
        code = edition or self.latest_edition()
        return next((list(e.fields) for e in self.editions() if e.code == code), [])

    def project_gone(self, key: str) -> bool:
        """Whether a project that has a record is no longer in its edition (its document was
        revised without it): its record stays, and history says so."""
        return self.project(key) is None and bool(self.entries(key))

    def gone_projects(self, edition: str | None = None) -> dict[str, int | None]:
        """Projects of an edition (default: the latest) that have a record but are no longer
        in it: key → number."""
        code = edition or self.latest_edition()
        with self._reading():
            rows = self.db.query(
                "SELECT DISTINCT project_key, project_no FROM entries WHERE edition = ? "
                "AND project_key NOT IN (SELECT key FROM projects WHERE edition = ?)",
                [code, code],
            )
        return {r["project_key"]: r["project_no"] for r in rows}

    def all_projects(self) -> list[Project]:
        """Every project of every edition, oldest edition first."""
        return [p for e in self.editions() for p in self.projects(e.code)]

    def project(self, key: str) -> Project | None:
        """One project by key (R7/No40, R6/#3)."""
        edition = key.split("/", 1)[0]
        projects = self.projects(edition)
        # Indexed by key once per read of the edition (answers look projects up by the dozen).
        keyed = self._keyed.get(edition)
        if keyed is None or keyed[0] is not projects:
            index: dict[str, Project] = {}
            for p in projects:
                index.setdefault(p.key, p)
            keyed = self._keyed[edition] = (projects, index)
        return keyed[1].get(key)

    def _load_projects(self, edition: str) -> list[Project]:
        """Rebuild an edition's projects from rows this store wrote (validated when parsed)."""
        db = self.db
        initiatives: dict[str, list[Initiative]] = {}
        cells: dict[int, dict[str, YearCell]] = {}
        lines: dict[int, dict[str, int]] = {}
        for r in db.query(
            "SELECT y.* FROM initiative_years y JOIN initiatives i ON i.id = y.initiative_id "
            "JOIN projects p ON p.key = i.project_key WHERE p.edition = ? ORDER BY y.western_year",
            [edition],
        ):
            cells.setdefault(r["initiative_id"], {})[r["fiscal_year"]] = YearCell.model_construct(
                plan=r["plan"], actual=r["actual"], plan_in_actual_row=r["plan_in_actual_row"]
            )
            for kind in ("plan", "actual", "plan_in_actual_row"):
                if r[f"{kind}_line"] is not None:
                    lines.setdefault(r["initiative_id"], {})[f"{kind}:{r['fiscal_year']}"] = r[
                        f"{kind}_line"
                    ]
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
                    lines={
                        **({"label": r["label_line"]} if r["label_line"] is not None else {}),
                        **lines.get(r["id"], {}),
                    },
                    short_from=r["short_from"],
                )
            )
        projects = []
        # The order of project_order.
        for r in db.query(
            "SELECT p.*, coalesce(d.draft, 0) AS is_draft FROM projects p LEFT JOIN documents d "
            "ON d.edition = p.edition AND d.field = coalesce(p.field, '') WHERE p.edition = ? "
            "ORDER BY coalesce(p.no, 0), p.key_scope, p.position",
            [edition],
        ):
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
                    key_scope=r["key_scope"],
                    draft=bool(r["is_draft"]),
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
                # Rows this store wrote from validated links: built, not validated again.
                self._links = [
                    Link.model_construct(
                        older=r["older"],
                        newer=r["newer"],
                        score=float(r["score"]),
                        evidence=r["evidence"],
                        renamed=bool(r["renamed"]),
                    )
                    for r in rows
                ]
            return self._links

    def predecessors(self, key: str) -> list[Link]:
        """Links from older editions to this project."""
        return [link for link in self.links() if link.newer == key]

    def successors(self, key: str) -> list[Link]:
        """Links from this project to newer editions."""
        return [link for link in self.links() if link.older == key]

    def search(self, words: str, edition: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Places in this prefecture's roadmap where the words occur (drafts only when their
        edition is named): FTS5 trigram for 3+ characters, LIKE below that; either only visits
        the prefecture's rowid range."""
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
        else:  # a draft edition is searched only when named: answers never default to it
            drafts = [e.code for e in self.editions() if e.draft]
            if drafts:
                sql += f" AND edition NOT IN ({','.join('?' * len(drafts))})"
                params += drafts
            if any(e.has_draft and not e.draft for e in self.editions()):
                # Nor the draft fields of an edition whose other fields are published.
                sql += (
                    " AND project_key NOT IN (SELECT p.key FROM projects p JOIN documents d "
                    "ON d.edition = p.edition AND d.field = coalesce(p.field, '') "
                    "WHERE d.draft = 1 AND d.prefecture = ?)"
                )
                params.append(self.prefecture)
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
