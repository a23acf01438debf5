"""Every command is documented in the README, and the README names the two commands first."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "roadmap") -> list[str]:
    found = []
    for name, command in group.commands.items():
        found.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
    return found


def test_every_command_is_in_the_readme():
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith(".venv/bin/roadmap ")]

    def documented(command: str) -> bool:
        words = command.split()[1:]  # e.g. ["owners", "remove"]
        return any(
            line.split()[1] == words[0] and all(w in line for w in words[1:]) for line in lines
        )

    missing = [c for c in commands(main) if not documented(c)]
    assert missing == []


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make run" in first_block and "make test" in first_block


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "make test" in ci
