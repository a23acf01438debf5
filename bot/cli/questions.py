"""`roadmap show`, `ask`: one project, and a question answered as chat answers it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.group import db_option, friendly
from bot.cli_support import open_store, pick_project


@click.command()
@click.argument("reference")
@click.option("--edition", default=None, help="Edition to look in (default: the latest).")
@db_option
@friendly
def show(reference: str, edition: str | None, db_path: Path | None) -> None:
    """Show one project: No40, 40, R6/#3 or (part of) its name."""
    from bot import render_text

    store = open_store(db_path)
    project = pick_project(store, reference, edition)
    click.echo(render_text.project_detail(store, project))


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the Answer as JSON.")
@db_option
@friendly
def ask(question: tuple[str, ...], as_json: bool, db_path: Path | None) -> None:
    """Ask the roadmap a question, in Japanese or English."""
    from bot.answer import ask as ask_core

    store = open_store(db_path)
    answer = ask_core(store, " ".join(question))
    if as_json:
        click.echo(json.dumps(answer.public(), ensure_ascii=False, indent=2))
    else:
        click.echo(answer.text)
