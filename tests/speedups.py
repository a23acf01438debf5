"""How the test run is made faster without touching what any test checks: test folders on a
memory disk, the order tests are handed to the workers, and one TLS context for the loopback
Teams clients."""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
import sys
import tempfile
import time
import types
from pathlib import Path

import pytest

MEMORY_DISK = Path("/dev/shm")
# A run writes some 150 MB of stores; a container's default memory disk (64 MB) is too small.
MEMORY_NEEDED = 1 << 30
memory_basetemp = pytest.StashKey[Path]()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Test folders in memory where the system has a memory disk: on disk, creating and
    removing two thousand folders of stores (and each commit's fsync) cost seconds a run.
    Each run gets its own folder (runs in other checkouts do not meet), removed if it passed."""
    if config.option.basetemp or hasattr(config, "workerinput") or not roomy(MEMORY_DISK):
        return  # a chosen --basetemp, or a worker (the controller hands it its folder)
    for old in MEMORY_DISK.glob("roadmap-tests-*"):  # failed runs' folders, kept an hour
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > 3600:
                shutil.rmtree(old, ignore_errors=True)
    try:
        config.option.basetemp = tempfile.mkdtemp(prefix="roadmap-tests-", dir=MEMORY_DISK)
    except OSError:
        return
    config.stash[memory_basetemp] = Path(config.option.basetemp)


def roomy(folder: Path) -> bool:
    """Whether the folder exists with room for a run's stores."""
    try:
        return folder.is_dir() and shutil.disk_usage(folder).free >= MEMORY_NEEDED
    except OSError:
        return False


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A passing run's memory folder is removed; a failing one's is kept to look at."""
    folder = session.config.stash.get(memory_basetemp, None)
    if folder is None:
        return
    if exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        shutil.rmtree(folder, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if nothing was written there


# Names in a test's own code (or its fixtures) that say it imports a slow library: the Teams
# SDK (~3 s), matplotlib and openpyxl (charts and workbooks, ~1 s and their first drawings);
# or that it runs other processes (seconds each: started early, they do not end a run late).
TEAMS_FIXTURES = {"teams", "connector"}
TEAMS_NAMES = re.compile(r"teams_harness|serve_teams|FakeConnector|adapters\.teams|teams_digest")
PROCESS_NAMES = re.compile(r"start_server|Popen|subprocess|multiprocessing")
PROCESS_FIXTURES = {"http_server"}  # tests/test_header_deadline.py: a server process per kind
CHART_NAMES = re.compile(r"chart|digest|export|xlsx|workbook|グラフ", re.IGNORECASE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with tests that start Teams or other processes first, then those with tests
    that may draw charts or write workbooks: xdist's worksteal hands each worker a contiguous
    half and steals from its tail, so mostly one worker pays for those imports, and no test of
    seconds is left for the end. A module moves as a whole (its module-scoped fixtures are set
    up once), the one with the largest share of such tests first; tests keep their order."""
    groups: dict[str, list[int]] = {}
    for item in items:
        groups.setdefault(item.nodeid.split("::", 1)[0], []).append(slow_imports(item))
    rank = {
        module: (min(found), -found.count(min(found)) / len(found))
        for module, found in groups.items()
    }
    items.sort(key=lambda item: rank[item.nodeid.split("::", 1)[0]])


def slow_imports(item: pytest.Item) -> int:
    """0 for a test that starts Teams or a process, 1 for one that may draw or export, else 2."""
    if (TEAMS_FIXTURES | PROCESS_FIXTURES) & set(getattr(item, "fixturenames", ())):
        return 0
    code = getattr(getattr(item, "function", None), "__code__", None)
    words = " ".join([item.name, *(code_words(code) if code else [])])
    if TEAMS_NAMES.search(words) or PROCESS_NAMES.search(words):
        return 0
    return 1 if CHART_NAMES.search(words) else 2


def code_words(code: types.CodeType) -> list[str]:
    """The names and string constants a function's code uses, its nested functions' too
    (reading the code objects: getting each test's source took a second per worker)."""
    words = [*code.co_names]
    for const in code.co_consts:
        if isinstance(const, str):
            words.append(const)
        elif isinstance(const, types.CodeType):
            words += code_words(const)
    return words


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Once the Teams SDK is imported, its HTTP clients share verifying TLS contexts."""
    share_tls_contexts()


def share_tls_contexts() -> None:
    """httpx builds a TLS context (reading every CA certificate, ~40 ms) for each client, two
    per Teams app, even for the loopback fakes: the same default context, verifying as before,
    is made once and shared. Only tests do this; the product's clients are left as they are."""
    transports = sys.modules.get("httpx._transports.default")
    if transports is None or getattr(transports.create_ssl_context, "shared", False):
        return
    create = transports.create_ssl_context
    made = functools.lru_cache(maxsize=4)(create)

    def shared(verify=True, cert=None, trust_env=True):
        if verify is True and cert is None:
            return made(verify, cert, trust_env)
        return create(verify=verify, cert=cert, trust_env=trust_env)

    shared.shared = True  # type: ignore[attr-defined]
    transports.create_ssl_context = shared
