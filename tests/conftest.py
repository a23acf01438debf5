"""Shared fixtures: the real documents, parsed once, and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest import parse_file
from bot.models import Edition
from bot.sources import default_sources, load_documents
from bot.store import Store

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
R7_FILE = SOURCES / "roadmap_R7_kurashi-machi.txt"
R6_FILE = SOURCES / "roadmap_R6_kurashi-machi.txt"


@pytest.fixture(scope="session")
def r7() -> Edition:
    return parse_file(R7_FILE)


@pytest.fixture(scope="session")
def r6() -> Edition:
    return parse_file(R6_FILE)


@pytest.fixture
def store() -> Store:
    """A fresh in-memory store with both real editions loaded."""
    s = Store.memory()
    load_documents(s, default_sources())
    return s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A store file with both editions loaded."""
    path = tmp_path / "roadmap.db"
    s = Store.open(path)
    load_documents(s, default_sources())
    s.close()
    return path
