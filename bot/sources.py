"""Where the roadmap documents live, and loading them into a store."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from bot.errors import ParseError
from bot.ingest import parse_file
from bot.prefectures import HOME_PREFECTURE
from bot.settings import store_settings
from bot.store import LoadReport, Store

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
        raise ParseError(str(sources_dir()), None, "no roadmap documents found")
    editions = [parse_file(Path(p), store.prefecture) for p in paths]
    seen: dict[str, str] = {}
    for edition in editions:
        if edition.code in seen:
            raise ParseError(
                edition.source_file, None, f"edition {edition.code} is also in {seen[edition.code]}"
            )
        seen[edition.code] = edition.source_file
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
