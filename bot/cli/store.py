"""`roadmap ingest`, `documents`, `backup`, `check`: loading the documents, what is loaded,
and the store file itself."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from bot.cli.group import db_option, friendly
from bot.cli_support import check_out, open_store, say
from bot.errors import CommandError


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@friendly
def ingest(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Load roadmap documents (default: every file in data/sources/)."""
    from bot.sources import load_documents

    store = open_store(db_path, load=False, create=True)
    report = load_documents(store, list(files) or None)
    for (code, field), count in report.documents.items():
        click.echo(say("cli_ingest_document", code=code, field=field or "—", n=count))
    for code, count in report.editions.items():
        total = next((e.projects for e in store.editions() if e.code == code), count)
        draft = say("cli_ingest_draft") if store.is_draft(code) else ""
        click.echo(say("cli_ingest_edition", code=code, draft=draft, n=total))
    click.echo(
        say(
            "cli_ingest_totals",
            added=report.entries_added,
            superseded=report.entries_superseded,
            links=report.links,
        )
    )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the documents as JSON.")
@db_option
@friendly
def documents(as_json: bool, db_path: Path | None) -> None:
    """List the loaded documents: edition, field, file, projects, loaded at, checksum."""
    from dataclasses import asdict

    from bot.sources import documents_text, loaded_documents

    rows = loaded_documents(open_store(db_path, load=False))
    if as_json:
        click.echo(json.dumps([asdict(d) for d in rows], ensure_ascii=False, indent=2))
        return
    click.echo(documents_text(rows))


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@friendly
def backup(target: Path, db_path: Path | None) -> None:
    """Copy the store to TARGET with SQLite's online backup API (safe while serving)."""
    from bot.store import Store

    if target.exists():
        raise CommandError("cli_out_exists", path=target)
    check_out(target)  # the folder must exist: a mistyped one is not quietly created
    store = open_store(db_path, load=False)
    try:
        store.backup(target)
    except (OSError, sqlite3.Error) as exc:
        raise CommandError("cli_cannot_write", path=target) from exc
    copy = Store.open(target)
    guards = copy.guards()
    click.echo(
        say(
            "cli_backed_up",
            path=target,
            integrity=copy.integrity_check(),
            present=sum(guards.values()),
            total=len(guards),
        )
    )


@click.command()
@db_option
@friendly
def check(db_path: Path | None) -> None:
    """SQLite's integrity check and the append-only triggers present (exit 1 if any is not)."""
    store = open_store(db_path, load=False)
    integrity = store.integrity_check()
    guards = store.guards()
    click.echo(say("cli_integrity", result=integrity))
    for name, present in guards.items():
        click.echo(say("cli_trigger_present" if present else "cli_trigger_missing", name=name))
    if integrity != "ok" or not all(guards.values()):
        raise SystemExit(1)
