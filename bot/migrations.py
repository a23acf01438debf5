"""Schema changes, registered in order and recorded in the database itself.

The registry is sqlite-utils' Migrations; it is only imported when a migration is pending,
so the question path (`roadmap ask`) starts without loading sqlite-utils at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SET_NAME = "roadmap"
# The triggers that keep the record append-only and the claims honest (m002, m013, m017):
# `roadmap check` reports each as present or missing.
GUARDS = (
    "entries_no_update",
    "entries_no_delete",
    "entries_no_replace",
    "owners_no_replace",
    "processed_no_replace",
    "digest_runs_no_replace",
    "digest_runs_posted_stays",
    "digest_runs_posted_kept",
    "entries_retract_once",
)
MIGRATIONS: list[Callable] = []


def migration(func: Callable) -> Callable:
    """Register a schema change; they run in the order they are defined."""
    MIGRATIONS.append(func)
    return func


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of registered migrations not yet recorded in the database."""
    try:
        done = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [SET_NAME]
            )
        }
    except sqlite3.OperationalError:  # a new database: no record table yet
        done = set()
    return [f.__name__ for f in MIGRATIONS if f.__name__ not in done]


def apply(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations through sqlite-utils' recorded registry; returns their names."""
    todo = pending(conn)
    if not todo:
        return []
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    registry = Migrations(SET_NAME)
    for func in MIGRATIONS:
        registry(name=func.__name__)(func)
    registry.apply(Database(conn))
    return todo


@migration
def m001_roadmap(db) -> None:
    """Editions, projects, initiatives and their per-year cells, links, full-text index."""
    db.execute(
        """CREATE TABLE editions (
            code TEXT PRIMARY KEY, fiscal_year INTEGER NOT NULL, title TEXT,
            source_file TEXT NOT NULL, sha256 TEXT NOT NULL, loaded_at TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE projects (
            key TEXT PRIMARY KEY, edition TEXT NOT NULL REFERENCES editions(code),
            position INTEGER NOT NULL, no INTEGER, number_inferred INTEGER NOT NULL,
            name TEXT NOT NULL, field TEXT, category TEXT, department TEXT,
            sections TEXT NOT NULL, budget_thousand_yen INTEGER NOT NULL, budget_note TEXT,
            start TEXT, "end" TEXT, start_fy INTEGER, end_fy INTEGER,
            priority_frame INTEGER, future_response INTEGER, summary TEXT NOT NULL,
            achievements TEXT, achievements_line INTEGER,
            source_file TEXT NOT NULL, source_line INTEGER NOT NULL)"""
    )
    db.execute("CREATE UNIQUE INDEX projects_edition_no ON projects(edition, no)")
    db.execute("CREATE INDEX projects_end ON projects(edition, end_fy)")
    db.execute("CREATE INDEX projects_department ON projects(edition, department)")
    db.execute(
        """CREATE TABLE initiatives (
            id INTEGER PRIMARY KEY, project_key TEXT NOT NULL REFERENCES projects(key),
            position INTEGER NOT NULL, label TEXT, source_line INTEGER NOT NULL,
            UNIQUE(project_key, position))"""
    )
    db.execute(
        """CREATE TABLE initiative_years (
            initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
            fiscal_year TEXT NOT NULL, western_year INTEGER NOT NULL, plan TEXT, actual TEXT,
            PRIMARY KEY (initiative_id, fiscal_year))"""
    )
    db.execute(
        """CREATE TABLE links (
            older TEXT NOT NULL, newer TEXT NOT NULL, score REAL NOT NULL,
            evidence TEXT NOT NULL, renamed INTEGER NOT NULL, PRIMARY KEY (older, newer))"""
    )
    db.execute(
        """CREATE VIRTUAL TABLE search_index USING fts5(
            text, display UNINDEXED, project_key UNINDEXED, edition UNINDEXED,
            kind UNINDEXED, ref UNINDEXED, source_line UNINDEXED, tokenize = 'trigram')"""
    )


@migration
def m002_actual_results(db) -> None:
    """The append-only actual-results record: entries are inserted, never changed."""
    db.execute(
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY, project_key TEXT NOT NULL, edition TEXT NOT NULL,
            project_no INTEGER, fiscal_year TEXT, initiative TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('actual', 'achievement', 'retraction')),
            text TEXT NOT NULL, retracts INTEGER REFERENCES entries(id),
            author_id TEXT, author_name TEXT, platform TEXT NOT NULL, channel TEXT,
            source_file TEXT, source_line INTEGER, request_id TEXT,
            dedupe_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX entries_project ON entries(project_key, id)")
    db.execute("CREATE INDEX entries_created ON entries(created_at)")
    db.execute("CREATE INDEX entries_retracts ON entries(retracts)")
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER entries_no_{action.lower()} BEFORE {action} ON entries
            BEGIN SELECT RAISE(ABORT, 'entries are append-only: {action} refused'); END"""
        )


@migration
def m003_field_lines(db) -> None:
    """The line each labelled field of a project was printed on."""
    db.execute("ALTER TABLE projects ADD COLUMN field_lines TEXT NOT NULL DEFAULT '{}'")


@migration
def m004_owners_and_deliveries(db) -> None:
    """Who may update which project, and the chat deliveries already processed."""
    db.execute(
        """CREATE TABLE owners (
            id INTEGER PRIMARY KEY, platform TEXT NOT NULL, user_id TEXT NOT NULL,
            user_name TEXT, project_key TEXT, section TEXT, added_by TEXT, added_at TEXT NOT NULL,
            CHECK ((project_key IS NULL) != (section IS NULL)))"""
    )
    db.execute(
        "CREATE UNIQUE INDEX owners_unique ON owners(platform, user_id, "
        "coalesce(project_key, ''), coalesce(section, ''))"
    )
    # A delivery (event id, trigger id, view submission) is claimed once, by any process.
    db.execute(
        """CREATE TABLE processed (
            key TEXT PRIMARY KEY, created_at TEXT NOT NULL, result TEXT)"""
    )


@migration
def m005_digest_and_nudges(db) -> None:
    """Weekly digest posts claimed exactly once, nudges sent, and who turned nudges off."""
    db.execute(
        """CREATE TABLE digest_runs (
            week TEXT NOT NULL, target TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
            claimed_by TEXT, claimed_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1,
            message_ts TEXT, charts_done INTEGER NOT NULL DEFAULT 0, posted_at TEXT, error TEXT,
            PRIMARY KEY (week, target))"""
    )
    db.execute(
        """CREATE TABLE nudges (
            week TEXT NOT NULL, platform TEXT NOT NULL, user_id TEXT NOT NULL,
            sent_at TEXT NOT NULL, PRIMARY KEY (week, platform, user_id))"""
    )
    db.execute(
        """CREATE TABLE nudge_prefs (
            platform TEXT NOT NULL, user_id TEXT NOT NULL, enabled INTEGER NOT NULL,
            changed_at TEXT NOT NULL, PRIMARY KEY (platform, user_id))"""
    )


@migration
def m006_meta(db) -> None:
    """Counters every process reads: 'projects' changes whenever documents are loaded."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('projects', 0)")


@migration
def m007_conversations(db) -> None:
    """Where a chat platform can reach us proactively (Teams conversation references)."""
    db.execute(
        """CREATE TABLE conversations (
            platform TEXT NOT NULL, conversation_id TEXT NOT NULL, service_url TEXT NOT NULL,
            conversation_type TEXT, tenant_id TEXT, user_id TEXT, user_name TEXT,
            updated_at TEXT NOT NULL, PRIMARY KEY (platform, conversation_id))"""
    )


@migration
def m008_entry_indexes(db) -> None:
    """Indexes for a project's latest entry and its entries of a fiscal year (digest at scale)."""
    db.execute("CREATE INDEX entries_project_created ON entries(project_key, created_at)")
    db.execute("CREATE INDEX entries_project_year ON entries(project_key, fiscal_year)")


@migration
def m009_search_merging(db) -> None:
    """No incremental FTS5 merging on each append (bench/load.py: writes slowed tenfold for
    seconds at a time under concurrent updates); full levels still merge (crisismerge)."""
    db.execute("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0)")


@migration
def m010_prefectures(db) -> None:
    """Whose roadmap each edition is, and a full-text rowid range per prefecture.

    A prefecture's search rows get rowids in its own range (id << 40 …), so a question's
    full-text search seeks inside one prefecture's rows instead of filtering the nation's.
    Rows already written are the home prefecture's (id 0, rowids below 2**40).
    """
    db.execute("ALTER TABLE editions ADD COLUMN prefecture TEXT NOT NULL DEFAULT '青森県'")
    db.execute("CREATE INDEX editions_prefecture ON editions(prefecture, fiscal_year)")
    db.execute(
        """CREATE TABLE prefectures (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, next_row INTEGER NOT NULL)"""
    )
    db.execute(
        "INSERT INTO prefectures (id, name, next_row) "
        "SELECT 0, '青森県', coalesce(max(rowid), 0) + 1 FROM search_index"
    )
    db.execute("CREATE INDEX entries_edition_created ON entries(edition, created_at)")


@migration
def m011_owners_per_prefecture(db) -> None:
    """Owners belong to a prefecture: a section name (学校教育課) exists in many of them."""
    db.execute("ALTER TABLE owners ADD COLUMN prefecture TEXT NOT NULL DEFAULT '青森県'")
    db.execute("DROP INDEX owners_unique")
    db.execute(
        "CREATE UNIQUE INDEX owners_unique ON owners(prefecture, platform, user_id, "
        "coalesce(project_key, ''), coalesce(section, ''))"
    )


@migration
def m012_documents(db) -> None:
    """An edition is made of documents, one per field (分野), each loaded and replaced alone.

    The documents already loaded become one row per edition and field, keeping their keys
    (key_scope ''). Each initiative's label, plan and 実績 cells get their own lines (recorded
    from the next load on; until then they cite the initiative's first line, as before).
    """
    db.execute(
        """CREATE TABLE documents (
            edition TEXT NOT NULL REFERENCES editions(code), field TEXT NOT NULL,
            prefecture TEXT NOT NULL, title TEXT, source_file TEXT NOT NULL,
            sha256 TEXT NOT NULL, loaded_at TEXT NOT NULL, draft INTEGER NOT NULL DEFAULT 0,
            key_scope TEXT NOT NULL DEFAULT '', PRIMARY KEY (edition, field))"""
    )
    db.execute("ALTER TABLE projects ADD COLUMN key_scope TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE initiatives ADD COLUMN label_line INTEGER")
    db.execute("ALTER TABLE initiative_years ADD COLUMN plan_line INTEGER")
    db.execute("ALTER TABLE initiative_years ADD COLUMN actual_line INTEGER")
    db.execute("CREATE INDEX projects_document ON projects(edition, field)")
    db.execute(
        """INSERT INTO documents (edition, field, prefecture, title, source_file, sha256,
            loaded_at, draft, key_scope)
        SELECT e.code, f.field, e.prefecture, e.title, e.source_file, e.sha256, e.loaded_at,
            coalesce(e.title, '') LIKE '%（案）' OR coalesce(e.title, '') LIKE '%(案)', ''
        FROM editions e JOIN (SELECT DISTINCT edition, coalesce(field, '') AS field
            FROM projects) f ON f.edition = e.code"""
    )


@migration
def m013_append_only_without_loopholes(db) -> None:
    """Close the REPLACE loophole: an insert that would replace a row is refused.

    REPLACE (INSERT OR REPLACE, REPLACE INTO) deletes a conflicting row without firing DELETE
    triggers, so entries_no_delete never saw it. A BEFORE INSERT trigger refuses any insert
    whose id or dedupe key is taken, whatever its conflict clause; an upsert's DO UPDATE is
    refused by entries_no_update. The other tables keep their own rules: an owner grant or a
    delivery claim is never silently rewritten (the insert is skipped, as INSERT OR IGNORE does),
    a week's digest run is never replaced, and once posted never reopened or removed.
    """
    db.execute(
        """CREATE TRIGGER entries_no_replace BEFORE INSERT ON entries
        WHEN EXISTS (SELECT 1 FROM entries WHERE id = NEW.id OR dedupe_key = NEW.dedupe_key)
        BEGIN SELECT RAISE(ABORT, 'entries are append-only: REPLACE refused'); END"""
    )
    db.execute(
        """CREATE TRIGGER owners_no_replace BEFORE INSERT ON owners
        WHEN EXISTS (SELECT 1 FROM owners WHERE id = NEW.id OR (
            prefecture = NEW.prefecture AND platform = NEW.platform AND user_id = NEW.user_id
            AND coalesce(project_key, '') = coalesce(NEW.project_key, '')
            AND coalesce(section, '') = coalesce(NEW.section, '')))
        BEGIN SELECT RAISE(IGNORE); END"""
    )
    db.execute(
        """CREATE TRIGGER processed_no_replace BEFORE INSERT ON processed
        WHEN EXISTS (SELECT 1 FROM processed WHERE key = NEW.key)
        BEGIN SELECT RAISE(IGNORE); END"""
    )
    db.execute(
        """CREATE TRIGGER digest_runs_no_replace BEFORE INSERT ON digest_runs
        WHEN EXISTS (SELECT 1 FROM digest_runs WHERE week = NEW.week AND target = NEW.target)
        BEGIN SELECT RAISE(ABORT, 'a week''s digest run is never replaced'); END"""
    )
    db.execute(
        """CREATE TRIGGER digest_runs_posted_stays BEFORE UPDATE ON digest_runs
        WHEN OLD.status = 'posted' AND (NEW.status != 'posted' OR NEW.message_ts IS NOT OLD.message_ts)
        BEGIN SELECT RAISE(ABORT, 'a posted digest is never reopened'); END"""
    )
    # When a post of the digest was first attempted: a takeover then looks for it in the channel
    # (the post may have gone through although its answer never arrived) before posting again.
    db.execute("ALTER TABLE digest_runs ADD COLUMN post_attempted_at TEXT")
    db.execute(
        """CREATE TRIGGER digest_runs_posted_kept BEFORE DELETE ON digest_runs
        WHEN OLD.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted digest is never removed'); END"""
    )


def _json(data: dict) -> str:
    """As models.Evidence.stored() writes it: compact, names as they are."""
    import json

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def evidence_from_prose(text: str) -> str:
    """A link's evidence as m001–m013 stored it (Japanese prose: 名称88・概要100・取組100) as the
    JSON of models.Evidence; prose of no known form is kept whole as its note."""
    import re

    text = re.sub(r"\s*\([A-Za-z ,]+\)\s*$", "", text or "").strip()  # old English notes
    if text in ("同名", ""):
        return _json({"same_name": True})
    if found := re.fullmatch(r"新版の記載に「(.+)」", text):
        named = found.group(1)
        if named.endswith("より"):
            return _json({"named_older": named[:-2], "taken_over": True})
        return _json({"named_older": named})
    if scores := dict(re.findall(r"(名称|概要|取組)(\d+)", text)):
        data: dict = {
            field: int(scores[aspect])
            for aspect, field in (("名称", "name"), ("概要", "summary"), ("取組", "labels"))
            if aspect in scores
        }
        if "始期同じ" in text:
            data["same_start"] = True
        return _json(data)
    if found := re.match(r"始期(\S+?)が同じ・取組「(.+)」→「(.+)」", text):
        start, older, newer = found.groups()
        data = {"same_start": True, "start": start, "initiative_pair": [older, newer]}
        return _json(data)
    return _json({"note": text})


@migration
def m014_link_evidence_as_data(db) -> None:
    """Links keep their evidence as data (JSON of models.Evidence), worded only when shown.

    Before, the evidence was Japanese prose (名称88・概要100・始期同じ) that the wording code
    parsed back with patterns; each stored row is converted once, here.
    """
    rows = db.execute("SELECT older, newer, evidence FROM links").fetchall()
    for older, newer, evidence in rows:
        db.execute(
            "UPDATE links SET evidence = ? WHERE older = ? AND newer = ?",
            [evidence_from_prose(evidence), older, newer],
        )


@migration
def m015_conversation_teams(db) -> None:
    """The team a Teams channel conversation belongs to: its thread id (channelData.team.id)
    and its AAD group id, the id Microsoft Graph knows a team by (#16: the digest poster
    reads the channel back through Graph). Null for chats and for references stored before."""
    db.execute("ALTER TABLE conversations ADD COLUMN team_id TEXT")
    db.execute("ALTER TABLE conversations ADD COLUMN team_aad_group_id TEXT")


@migration
def m016_health_checks(db) -> None:
    """The last integrity check of the file, shared by every process serving it: one check a
    minute in all, whatever the number of workers (each had its own minute before)."""
    db.execute(
        """CREATE TABLE health_checks (
            name TEXT PRIMARY KEY, started_at REAL NOT NULL, result TEXT, finished_at REAL)"""
    )


@migration
def m017_retract_once(db) -> None:
    """An entry is retracted at most once, decided inside the write transaction (#25).

    Two retractions of one entry sent at the same moment each passed a check made before their
    write, and both were recorded for good. A trigger refuses the second whatever wrote it; a
    unique index could not be created on a store that already holds such a pair (entries are
    never deleted), and the trigger reads the retractions through entries_retracts. A
    retraction itself is never retracted. (A document's 実績 is retracted by a revised document,
    never from chat: bot/updates.py refuses that.)
    """
    db.execute(
        """CREATE TRIGGER entries_retract_once BEFORE INSERT ON entries
        WHEN NEW.retracts IS NOT NULL AND (
            EXISTS (SELECT 1 FROM entries WHERE retracts = NEW.retracts)
            OR NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.retracts
                AND kind != 'retraction'))
        BEGIN SELECT RAISE(ABORT, 'entries: an entry is retracted once'); END"""
    )


# The words of the correcting entry m018 appends (the record's own language, as the documents').
PLAN_NOT_RESULT = "実績の行に印刷された計画（版の年度以降の実績は報告されない）: 実績ではありません"


@migration
def m018_plans_printed_in_actual_rows(db) -> None:
    """A 実績 cell for the edition's own fiscal year or a later one is a plan printed in the
    wrong row (#24): an edition reports results only for the years before its own (R7's tells
    of R6). Such cells are kept apart as plans (initiative_years.plan_in_actual_row, cited at
    their line) and searched as plans; the record's entries made from them stay, each
    corrected by an appended retraction (never an edit). Rows printed with one cell fewer than
    years say which year their first cell is read as (initiatives.short_from, from the next
    load on)."""
    from datetime import UTC, datetime

    from bot.fiscal_year import FiscalYear

    db.execute("ALTER TABLE initiatives ADD COLUMN short_from TEXT")
    db.execute("ALTER TABLE initiative_years ADD COLUMN plan_in_actual_row TEXT")
    db.execute("ALTER TABLE initiative_years ADD COLUMN plan_in_actual_row_line INTEGER")
    rows = db.execute(
        "SELECT y.initiative_id, y.fiscal_year, i.project_key, i.position FROM initiative_years y "
        "JOIN initiatives i ON i.id = y.initiative_id JOIN projects p ON p.key = i.project_key "
        "JOIN editions e ON e.code = p.edition "
        "WHERE y.actual IS NOT NULL AND y.western_year >= e.fiscal_year"
    ).fetchall()
    for initiative_id, year, key, position in rows:
        db.execute(
            "UPDATE initiative_years SET plan_in_actual_row = actual, "
            "plan_in_actual_row_line = actual_line, actual = NULL, actual_line = NULL "
            "WHERE initiative_id = ? AND fiscal_year = ?",
            [initiative_id, year],
        )
        db.execute(
            "UPDATE search_index SET kind = 'plan' WHERE kind = 'actual' AND project_key = ? "
            "AND ref = ?",
            [key, f"{position}:{year}"],
        )
    entries = db.execute(
        "SELECT en.id, en.project_key, en.edition, en.project_no, en.fiscal_year, "
        "en.initiative, en.source_file, e.fiscal_year FROM entries en "
        "JOIN editions e ON e.code = en.edition WHERE en.platform = 'document' "
        "AND en.kind = 'actual' AND en.fiscal_year IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.retracts = en.id)"
    ).fetchall()
    now = datetime.now(UTC).isoformat()
    for entry_id, key, edition, no, year, initiative, file, edition_year in entries:
        printed = FiscalYear.try_parse(year)
        if printed is None or printed.western < edition_year:
            continue
        db.execute(
            "INSERT INTO entries (project_key, edition, project_no, fiscal_year, initiative, "
            "kind, text, retracts, platform, source_file, dedupe_key, created_at) "
            "VALUES (?, ?, ?, ?, ?, 'retraction', ?, ?, 'document', ?, ?, ?)",
            [
                key,
                edition,
                no,
                year,
                initiative,
                PLAN_NOT_RESULT,
                entry_id,
                file,
                f"retract:{entry_id}",
                now,
            ],
        )


@migration
def m019_entries_by_author(db) -> None:
    """A person's reports, newest first (#27: 「田中さんの報告」, "my updates this week")."""
    db.execute("CREATE INDEX entries_author_created ON entries(author_id, created_at)")


@migration
def m020_outbox(db) -> None:
    """Replies owed to people, kept until they are sent (#25).

    A chat message that records an update (a Slack DM or mention, the update form's
    confirmation) is acknowledged only once its reply is in this table, written in the same
    transaction as the entry; the reply is then sent and marked. A server killed before sending
    leaves the row, and the next server sends it: nothing acknowledged is lost, and the person
    always hears whether it was recorded. Bookkeeping, not the record: sent rows are pruned.
    """
    db.execute(
        """CREATE TABLE outbox (
            key TEXT PRIMARY KEY, platform TEXT NOT NULL, payload TEXT NOT NULL,
            created_at TEXT NOT NULL, claimed_by TEXT, claimed_at REAL,
            attempts INTEGER NOT NULL DEFAULT 0, sent_at TEXT, error TEXT)"""
    )
    db.execute("CREATE INDEX outbox_pending ON outbox(platform, key) WHERE sent_at IS NULL")
    db.execute("CREATE INDEX outbox_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL")
