"""Shared fixtures: the real documents, parsed once, and fresh stores."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# The product's modules are imported where used: xdist's controller process, which runs no
# test, then starts its workers without first importing them (a third of a second).
if TYPE_CHECKING:
    from bot.models import ActualEntry, Edition
    from bot.store import Store

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
R7_FILE = SOURCES / "roadmap_R7_kurashi-machi.txt"
R6_FILE = SOURCES / "roadmap_R6_kurashi-machi.txt"

# How the run is made faster without touching what any test checks (folders, order, TLS).
pytest_plugins = ["tests.speedups"]


def pytest_configure(config: pytest.Config) -> None:
    """Property tests: a quick profile for `make test`, the thorough one for a deliberate run
    (HYPOTHESIS_PROFILE=thorough make test). Both keep hypothesis' own deadline check."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return  # xdist's controller: its workers run the tests, and load the profile
    from hypothesis import settings

    settings.register_profile("quick", max_examples=40)
    settings.register_profile("thorough", max_examples=300)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(autouse=True)
def japanese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks Japanese unless the locale is English: pin it for every test."""
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


CHECKOUT = Path(__file__).resolve().parent.parent


def checkout_state() -> set[str]:
    """The checkout's untracked and changed files (git's view), or its root listing without git."""
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=CHECKOUT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        return set(out.splitlines())
    except (OSError, subprocess.SubprocessError):
        return {p.name for p in CHECKOUT.iterdir()}


@pytest.fixture(scope="session", autouse=True)
def checkout_untouched():
    """A test that writes a file into the checkout (a diff, an export, a chart) fails the run:
    files belong under tmp_path."""
    before = checkout_state()
    yield
    gained = sorted(checkout_state() - before)
    assert not gained, f"tests wrote into the checkout: {gained}"


@pytest.fixture(autouse=True)
def in_tmp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in its own directory: whatever a command writes to the working
    directory (a Console without out_dir, `roadmap export` with no -o) lands in tmp_path."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def r7() -> Edition:
    from bot.ingest import parse_file

    return parse_file(R7_FILE)


@pytest.fixture(scope="session")
def r6() -> Edition:
    from bot.ingest import parse_file

    return parse_file(R6_FILE)


# Stores loaded once per run (per worker) from a list of documents, by the documents' names and
# contents: tests get copies, never a template itself (parsing and linking for each test took
# a tenth of the suite).
_TEMPLATES: dict[tuple[tuple[str, str], ...], Store] = {}
_AS_READ: dict[tuple[tuple[str, str], ...], bytes] = {}  # each template's projects, pickled


def template_of(files: list[Path]) -> Store:
    """The store loaded with these documents, in this order (made on first use)."""
    from bot.sources import load_documents
    from bot.store import Store

    key = tuple((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files)
    if key not in _TEMPLATES:
        s = Store.memory()
        load_documents(s, files)
        # Read back from its rows once, as any store reads them: copies start with these read.
        for edition in s.editions():
            s.projects(edition.code)
        s.links()
        _TEMPLATES[key] = s
        _AS_READ[key] = pickle.dumps((s._cache, s._links))
    return _TEMPLATES[key]


def loaded_copy(files: list[Path]) -> Store:
    """A fresh in-memory store with these documents loaded: a copy of their template."""
    return copy_of(template_of(files))


@pytest.fixture(scope="module")
def shared() -> Store:
    """One store with both documents for a module's questions (answering never writes; a
    module that needs its own keeps its own fixture of this name)."""
    from bot.sources import default_sources

    return loaded_copy(default_sources())


@pytest.fixture(scope="session", autouse=True)
def templates_unchanged():
    """Copies share their template's projects: a test that changed one in place would have
    changed what later tests read, so the run fails if they no longer match the rows."""
    yield
    for key, s in _TEMPLATES.items():
        assert pickle.dumps((s._cache, s._links)) == _AS_READ[key], "a test changed a project"


@pytest.fixture(scope="session")
def loaded_template() -> Store:
    """Both real editions loaded once per run (per worker)."""
    from bot.sources import default_sources

    return template_of(default_sources())


def copy_of(template: Store) -> Store:
    """A fresh in-memory store holding the template's rows, with its projects already read
    from them (rebuilding them from rows in each test's store cost several seconds a run)."""
    from bot.store import Store
    from bot.store.connection import _connect

    # Connected as Store.memory() connects, but not migrated first: the copy brings the
    # template's schema and its record of migrations (migrating each copy cost ~20 ms).
    conn = _connect(":memory:")
    template.db.conn.backup(conn)
    s = Store(conn, prefecture=template.prefecture)
    s._cache = {code: list(projects) for code, projects in template._cache.items()}
    s._links = None if template._links is None else list(template._links)
    s._editions = None if template._editions is None else list(template._editions)
    s._cache_version = template._cache_version
    return s


@pytest.fixture
def store(loaded_template: Store) -> Store:
    """A fresh in-memory store with both real editions loaded (a copy of the template)."""
    return copy_of(loaded_template)


@pytest.fixture
def db_path(tmp_path: Path, loaded_template: Store) -> Path:
    """A store file with both editions loaded (a copy of the template)."""
    return loaded_template.backup(tmp_path / "roadmap.db")


@pytest.fixture
def fake():
    """A fake Slack Web API (and Teams connector) on loopback."""
    from tests.slack_harness import FakeSlack

    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def slack(fake, store: Store):
    """The Slack app served on loopback over a copy of the loaded store, U1 owning R7 No40,
    at a fixed time in fiscal year R8."""
    from tests.slack_harness import NOW, serve_app

    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    app = serve_app(store, fake, clock=lambda: NOW)
    yield app
    app.stop()


@pytest.fixture
def connector():
    """A fake Teams connector (the activities' serviceUrl) on loopback."""
    from tests.teams_harness import FakeConnector

    server = FakeConnector().start()
    yield server
    server.stop()


@pytest.fixture
def teams(db_path: Path, connector):
    """The Teams app served on loopback over a copy of the loaded store, aad-owner owning
    R7 No40, at the same fixed time as the Slack app."""
    from bot.store import Store
    from tests.slack_harness import NOW
    from tests.teams_harness import serve_teams

    Store.open(db_path).add_owner("teams", "aad-owner", project_key="R7/No40", user_name="佐藤")
    server = serve_teams(db_path, connector, clock=lambda: NOW)
    yield server
    server.stop()


def cli(*args: str, lang: str = "ja", env: dict | None = None):
    """Run `roadmap ARGS` in-process with a Japanese (or English) locale; the click Result."""
    from click.testing import CliRunner

    from bot.cli import main

    locale = "en_US.UTF-8" if lang == "en" else "ja_JP.UTF-8"
    return CliRunner().invoke(
        main, list(args), env={"LC_ALL": None, "LC_MESSAGES": None, "LANG": locale, **(env or {})}
    )


def chat_entry(
    no: int,
    text: str,
    year: str,
    when: datetime,
    initiative: str | None = None,
    author: str = "佐藤",
) -> ActualEntry:
    """An entry of the R7 edition's project No{no}, as if reported in Slack at `when`."""
    from bot.models import ActualEntry

    return ActualEntry(
        project_key=f"R7/No{no}",
        edition="R7",
        project_no=no,
        fiscal_year=year,
        initiative=initiative,
        text=text,
        author_id="U1",
        author_name=author,
        platform="slack",
        created_at=when,
    )
