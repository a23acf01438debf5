"""The declared lowest version of every runtime dependency, as pip constraints.

`make test-floors` installs the project with these pins in a venv of its own and runs the
tests, so a floor in pyproject.toml is a version the tests passed with, not a guess.
`--check` (run by that venv's Python) confirms the pins are what is installed there.
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def floors(pyproject: Path = PYPROJECT) -> list[tuple[Requirement, str]]:
    """Each runtime dependency with its lowest declared version (its one `>=`)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    found = []
    for line in data["project"]["dependencies"]:
        requirement = Requirement(line)
        lowest = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(lowest) != 1:
            raise SystemExit(f"pyproject.toml: {line!r} needs exactly one lower bound (>=)")
        found.append((requirement, lowest[0]))
    return found


def constraints() -> str:
    """`name==lowest` a line, each dependency's environment marker kept."""
    lines = []
    for requirement, lowest in floors():
        marker = f"; {requirement.marker}" if requirement.marker else ""
        lines.append(f"{requirement.name}=={lowest}{marker}\n")
    return "".join(lines)


def mismatches() -> list[str]:
    """Dependencies (for this platform) whose installed version is not their floor."""
    wrong = []
    for requirement, lowest in floors():
        if requirement.marker and not requirement.marker.evaluate():
            continue
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            installed = "not installed"
        if installed == "not installed" or Version(installed) != Version(lowest):
            wrong.append(f"{requirement.name}: {installed}, floor {lowest}")
    return wrong


def main(args: list[str]) -> int:
    """Print the constraints; with --check, list what differs from them (exit 1 if any)."""
    if args[:1] == ["--check"]:
        wrong = mismatches()
        sys.stdout.write("".join(f"not at its floor: {w}\n" for w in wrong))
        return 1 if wrong else 0
    sys.stdout.write(constraints())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
