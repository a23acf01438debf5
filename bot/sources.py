"""Where the roadmap documents live, and loading them into a store."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from bot.errors import ParseError
from bot.ingest import parse_file
from bot.prefectures import HOME_PREFECTURE
from bot.settings import store_settings
from bot.store import DocumentInfo, LoadReport, Store

logger = logging.getLogger(__name__)

SOURCES_DIR = Path(__file__).resolve().parent.parent / "data" / "sources"


def sources_dir() -> Path:
    """$ROADMAP_SOURCES, else the checkout's data/sources/, else ./data/sources (an installed copy)."""
    if configured := store_settings().roadmap_sources:
        return Path(configured)
    return SOURCES_DIR if SOURCES_DIR.is_dir() else Path.cwd() / "data" / "sources"


def default_sources() -> list[Path]:
    """Every document in the sources folder, in name order."""
    return sorted(p for p in sources_dir().glob("*.txt") if p.is_file())


def load_documents(store: Store, paths: Iterable[Path] | None = None) -> LoadReport:
    """Parse every file (as the store's prefecture's documents) first, then load them all in
    one transaction (all or nothing)."""
    paths = list(paths) if paths is not None else default_sources()
    if not paths:
        raise ParseError(
            str(sources_dir()), None, "no roadmap documents found", key="parse_none_found"
        )
    # Several documents of one edition (one per field) load together, in any order; the
    # store refuses two that claim the same field or project number, naming both.
    editions = [parse_file(Path(p), store.prefecture) for p in paths]
    report = store.load(editions)
    logger.info("loaded editions %s", report.editions)
    return report


def ensure_loaded(store: Store) -> None:
    """Load the documents into an empty store (first use of `make run`). The embedded ones are
    the home prefecture's: another prefecture's deployment names its own (ROADMAP_SOURCES)."""
    if store.editions():
        return
    if store.prefecture == HOME_PREFECTURE or store_settings().roadmap_sources:
        load_documents(store)


def loaded_documents(store: Store) -> list[DocumentInfo]:
    """The documents loaded into the store's prefecture (`roadmap documents`, admins in chat)."""
    return store.documents()


def documents_text(documents: list[DocumentInfo], lang: str = "ja") -> str:
    """The loaded documents as plain text: edition, field, file, projects, loaded at, checksum."""
    from datetime import datetime

    from bot import messages as m

    if not documents:
        return m.say("documents_none", lang)
    lines = [m.say("documents_title", lang, n=len(documents))]
    for d in documents:
        lines.append(
            m.say(
                "documents_row",
                lang,
                edition=d.edition,
                field=d.field or "—",
                draft=m.say("draft_mark", lang) if d.draft else "",
                file=d.source_file,
                n=d.projects,
                loaded=m.jst(datetime.fromisoformat(d.loaded_at)),
                sha=d.sha256[:12],
            )
        )
    return "\n".join(lines)
