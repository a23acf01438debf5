"""The build installs what the tests ran (#26): the lock file, the floors, the bounds on the
HTTP servers whose internals are patched, and the Docker image — read, since no Docker
engine runs here."""

from __future__ import annotations

import importlib.util
import os
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "constraints.txt"
DEPENDENCIES = [
    Requirement(r)
    for r in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
]
# Patched internals (bot/adapters/header_deadline.py): gunicorn's asyncio worker and uvicorn's
# h11 protocol. Hand-written: a version beyond these is taken only by raising the bound.
BOUNDED = {"gunicorn": Version("28"), "uvicorn": Version("0.56")}


def locked() -> dict[str, str]:
    """The lock file's pins: {canonical name: version}."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, pinned = line.partition("==")
        assert pinned and not re.search(r"[\s;<>~!]", pinned), line  # one exact version a line
        pins[canonicalize_name(name)] = pinned
    return pins


def docker_instructions() -> list[tuple[str, str]]:
    """The Dockerfile's (INSTRUCTION, arguments), continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", " ", text)
    out = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest))
    return out


def floors_module():
    spec = importlib.util.spec_from_file_location("floors", ROOT / "scripts" / "floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lock_pins_every_runtime_dependency_within_its_declared_range():
    pins = locked()
    for requirement in DEPENDENCIES:
        if requirement.marker and not requirement.marker.evaluate():
            continue
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(pinned, prereleases=True), (requirement, pinned)


@pytest.mark.skipif(
    os.environ.get("ROADMAP_VERSIONS") == "floors", reason="make test-floors: checked below"
)
def test_these_tests_run_with_the_locked_versions():
    pins = locked()
    ran = {name: version(name) for name in pins if name != "pip"}
    differ = {
        name: (ran[name], pins[name]) for name in ran if Version(ran[name]) != Version(pins[name])
    }
    assert differ == {}, "`make test` installs constraints.txt; rebuild .venv (make clean)"


@pytest.mark.skipif(
    os.environ.get("ROADMAP_VERSIONS") != "floors", reason="only in make test-floors"
)
def test_these_tests_run_with_the_declared_floors():
    assert floors_module().mismatches() == []


def test_the_patched_servers_are_bounded_above():
    for requirement in DEPENDENCIES:
        name = canonicalize_name(requirement.name)
        if name in BOUNDED:
            uppers = [Version(s.version) for s in requirement.specifier if s.operator == "<"]
            assert uppers == [BOUNDED[name]], requirement
            assert Version(locked()[name]) < BOUNDED[name]
    assert set(BOUNDED) <= {canonicalize_name(r.name) for r in DEPENDENCIES}


def test_floors_are_read_from_pyproject_with_their_markers(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["alpha>=1.2,<2", "beta>=3.0; sys_platform != \'win32\'"]\n',
        encoding="utf-8",
    )
    floors = floors_module()
    pins = [f"{r.name}=={lowest}" for r, lowest in floors.floors(pyproject)]
    assert pins == ["alpha==1.2", "beta==3.0"]
    pyproject.write_text('[project]\ndependencies = ["gamma<2"]\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        floors.floors(pyproject)


def test_the_image_installs_from_the_lock_file():
    steps = docker_instructions()
    copied = [
        i for i, (word, args) in enumerate(steps) if word == "COPY" and "constraints.txt" in args
    ]
    installs = [
        (i, args) for i, (word, args) in enumerate(steps) if word == "RUN" and "pip install" in args
    ]
    assert copied and installs
    for i, args in installs:
        for command in re.split(r"&&", args):
            if "pip install" in command:
                assert "-c constraints.txt" in command, command
                assert i > copied[0]
    project = [
        c for _, a in installs for c in a.split("&&") if re.search(r"pip install .* \.$", c.strip())
    ]
    assert project, "the image installs the project itself"


def test_the_image_runs_as_uid_10001_which_owns_data():
    steps = dict(docker_instructions())  # the last of each instruction wins
    assert steps["USER"] == "roadmap"
    runs = [args for word, args in docker_instructions() if word == "RUN"]
    assert any("--uid 10001 roadmap" in r and "chown roadmap /data" in r for r in runs)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docker = readme.split("- Docker:", 1)[1].split("\n- ", 1)[0]
    assert "uid 10001" in docker and "serve teams" in docker and "chown -R 10001" in docker


def test_make_has_the_targets_and_ci_runs_both():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-floors", "test-all", "lock"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert re.search(r"pip install [^\n]*-e \"\.\[dev\]\" -c \$\(LOCK\)", makefile)
    assert "ROADMAP_VERSIONS=floors" in makefile
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M) and re.search(r"^make test-floors$", ci, re.M)


def test_a_store_folder_this_process_cannot_write_is_one_line_naming_its_uid(db_path, monkeypatch):
    from tests.conftest import cli

    real = os.access
    folder = str(db_path.parent)

    def access(path, mode, *args, **kwargs):
        if str(path) == folder and mode == os.W_OK:
            return False  # as for a root-owned folder mounted at the image's /data
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    uid = os.getuid() if hasattr(os, "getuid") else "?"
    # The store to be made there (first start on a root-owned /data): one line, before any work.
    fresh = db_path.parent / "new.db"
    result = cli("ingest", "--db", str(fresh))
    assert result.exit_code == 1, result.output
    assert f"{folder} に書き込めません" in result.output and f"UID は {uid}" in result.output
    assert f"chown -R {uid} {folder}" in result.output and not fresh.exists()
    # A server checks the same before it starts (serve slack / serve teams).
    from bot.cli_support import check_store_folder
    from bot.errors import CommandError

    with pytest.raises(CommandError) as refused:
        check_store_folder(fresh)
    assert refused.value.key == "cli_store_not_writable"
    # A store that is there is still read (a question), its writes refused when they come (#25).
    assert cli("ask", "No40", "--db", str(db_path)).exit_code == 0
