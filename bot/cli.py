"""The `roadmap` command: a thin shell over the library (each command opens the store,
calls one function, and turns a domain error into a friendly message)."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import click

from bot.errors import RoadmapError
from bot.store import Store

logger = logging.getLogger(__name__)

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite file (default: $ROADMAP_DB, else data/roadmap.db).",
)


def friendly(func: Callable) -> Callable:
    """Turn domain errors into a one-line message and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RoadmapError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def open_store(db_path: Path | None, load: bool = True) -> Store:
    """Open the store; with load, load the embedded documents into an empty one."""
    from bot.sources import ensure_loaded

    store = Store.open(db_path)
    if load:
        ensure_loaded(store)
    return store


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens (never secrets).")
def main(verbose: bool) -> None:
    """Aomori DX roadmap bot: ask the roadmap, record progress, serve chat."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@friendly
def ingest(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Load roadmap documents (default: every file in data/sources/)."""
    from bot.sources import load_documents

    store = open_store(db_path, load=False)
    report = load_documents(store, list(files) or None)
    for code, count in report.editions.items():
        click.echo(f"{code}: {count} projects")
    click.echo(
        f"entries added: {report.entries_added}, superseded: {report.entries_superseded}, "
        f"links: {report.links}"
    )


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json")
@click.option("--edition", default=None, help="Only this edition, e.g. R7.")
@db_option
@friendly
def export(fmt: str, edition: str | None, db_path: Path | None) -> None:
    """Print every project as JSON or CSV."""
    from bot import export as exporting

    store = open_store(db_path)
    if edition and edition.upper() not in {e.code for e in store.editions()}:
        raise click.ClickException(f"no edition {edition} in the store")
    rows = exporting.records(store, edition.upper() if edition else None)
    click.echo(exporting.to_json(rows) if fmt == "json" else exporting.to_csv(rows), nl=False)
    if fmt == "json":
        click.echo()


@main.command()
@click.argument("reference")
@click.option("--edition", default=None, help="Edition to look in (default: the latest).")
@db_option
@friendly
def show(reference: str, edition: str | None, db_path: Path | None) -> None:
    """Show one project: No40, 40, R6/#3 or (part of) its name."""
    from bot import render_text
    from bot.resolve import resolve_one

    store = open_store(db_path)
    project = resolve_one(store, reference, edition.upper() if edition else None)
    click.echo(render_text.project_detail(store, project))


@main.command()
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


@main.command()
@db_option
@friendly
def console(db_path: Path | None) -> None:
    """Chat with the roadmap in this terminal."""
    from bot.adapters import console as console_adapter

    console_adapter.run(open_store(db_path))


@main.command(name="run")
@db_option
@click.pass_context
@friendly
def run_command(ctx: click.Context, db_path: Path | None) -> None:
    """Serve Slack when its tokens are set, else open the console (what `make run` does)."""
    from bot.settings import Settings

    settings = Settings()
    if settings.slack_configured:
        click.echo("Slack tokens found: serving Slack.", err=True)
        from bot.adapters.slack.serve import serve

        serve(settings, db_path=db_path)
        return
    click.echo(
        "No Slack tokens (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): opening the console.", err=True
    )
    ctx.invoke(console, db_path=db_path)


def run() -> None:
    """Entry point kept for `python -m bot.cli`."""
    main(prog_name="roadmap")


if __name__ == "__main__":
    sys.exit(run())
