"""The roadmap store: the only package that speaks SQL.

One SQLite file (WAL, busy timeout) holds every edition, the links between them, the
append-only actual-results record and a trigram full-text index. Reads of projects are
served from an in-process cache that is dropped whenever any connection writes.

The file may hold several prefectures' roadmaps; a Store answers for one of them (its
`prefecture`): editions, links, searches and the record's listings are that prefecture's.
"""

from __future__ import annotations

from bot.store.chat_state import ChatState, DigestRun, Owner
from bot.store.connection import (
    BUSY_TIMEOUT_MS,
    DEFAULT_DB,
    FRESH_CHECK_SECONDS,
    Connection,
    Database,
    is_roadmap_store,
    resolve_db_path,
    utcnow,
)
from bot.store.documents import ROW_BITS, LoadReport, RoadmapDocuments, field_name
from bot.store.outbox import Outbox, Owed
from bot.store.reads import DocumentInfo, EditionInfo, RoadmapReads, SearchHit
from bot.store.record import Record
from bot.store.reports import Author, Reports, ReportScope

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DEFAULT_DB",
    "FRESH_CHECK_SECONDS",
    "ROW_BITS",
    "Author",
    "Database",
    "DigestRun",
    "DocumentInfo",
    "EditionInfo",
    "LoadReport",
    "Owed",
    "Owner",
    "ReportScope",
    "SearchHit",
    "Store",
    "document_entries",
    "field_name",
    "is_roadmap_store",
    "resolve_db_path",
    "utcnow",
]


class Store(Connection, RoadmapDocuments, RoadmapReads, Record, Reports, ChatState, Outbox):
    """Every read and write of the roadmap database."""


def __getattr__(name: str):
    """document_entries, re-exported lazily: the parser is not imported to answer a question."""
    if name == "document_entries":
        from bot.ingest import document_entries

        return document_entries
    raise AttributeError(name)
