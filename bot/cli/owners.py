"""`roadmap owners add|remove|list`: who may append to which project."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.group import db_option, friendly
from bot.cli_support import open_store, say
from bot.errors import CommandError, UsageMistake


@click.group()
def owners() -> None:
    """Who may append to which project."""


@owners.command(name="add")
@click.argument("user_id")
@click.option("--project", default=None, help="Project number, e.g. 40.")
@click.option("--section", default=None, help="A section (担当課) owning all its projects.")
@click.option("--teams", "teams", is_flag=True, help="USER_ID is a Teams (AAD) object id.")
@click.option("--name", default=None, help="Display name.")
@db_option
@friendly
def owners_add(
    user_id: str,
    project: str | None,
    section: str | None,
    teams: bool,
    name: str | None,
    db_path: Path | None,
) -> None:
    """Make USER_ID an owner of --project N or of --section NAME."""
    from bot.service import add_owner

    if bool(project) == bool(section):
        raise UsageMistake("cli_one_target")
    store = open_store(db_path)
    target = f"No{project}" if project else section
    what, created = add_owner(
        store, "teams" if teams else "slack", user_id, target or "", name, added_by="cli"
    )
    click.echo(say("owners_added" if created else "owners_exists", user=user_id, target=what))


@owners.command(name="remove")
@click.argument("user_id")
@click.option("--project", default=None, help="Project number, e.g. 40.")
@click.option("--section", default=None, help="A section (担当課).")
@click.option("--teams", "teams", is_flag=True, help="USER_ID is a Teams (AAD) object id.")
@db_option
@friendly
def owners_remove(
    user_id: str,
    project: str | None,
    section: str | None,
    teams: bool,
    db_path: Path | None,
) -> None:
    """Take away USER_ID's ownership of --project N or --section NAME."""
    from bot.service import remove_owner

    if bool(project) == bool(section):
        raise UsageMistake("cli_one_target")
    store = open_store(db_path)
    what, removed = remove_owner(
        store, "teams" if teams else "slack", user_id, f"No{project}" if project else section or ""
    )
    if not removed:  # nothing was taken away: a failure, as for any other target not found
        raise CommandError("owners_not_owner", user=user_id, target=what)
    click.echo(say("owners_removed", user=user_id, target=what))


@owners.command(name="list")
@db_option
@friendly
def owners_list(db_path: Path | None) -> None:
    """Every ownership."""
    store = open_store(db_path)
    if not store.owners():
        click.echo(say("owners_none"))
    for o in store.owners():
        target = o.project_key or say("cli_owner_section", section=o.section)
        click.echo(f"{o.platform}\t{o.user_id}\t{o.user_name or ''}\t{target}")
