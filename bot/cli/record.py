"""`roadmap update`, `history`, `digest`: the actual-results record — an entry appended, the
entries read back, the weekly summary (posted once a week)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.group import (
    check_binary,
    db_option,
    emit,
    friendly,
    header_option,
    out_option,
    unprintable,
)
from bot.cli_support import check_out, language, load_settings, open_store, pick_project, say
from bot.errors import CommandError, UsageMistake


# A report may start with "-" (`roadmap update No41 "-10%の削減を達成"`): an unknown option is
# taken as the text; the command has no short options for it to be mistaken for.
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("reference")
@click.argument("text")
@click.option("--user", "user", required=True, help="Who reports it (recorded as the author).")
@click.option("--year", default=None, help="Fiscal year, e.g. R8 (default: the current one).")
@click.option("--initiative", default=None, help="Initiative number or label.")
@db_option
@friendly
def update(
    reference: str,
    text: str,
    user: str,
    year: str | None,
    initiative: str | None,
    db_path: Path | None,
) -> None:
    """Append an actual result to a project's record as a named local user."""
    from bot import messages as m
    from bot import updates

    if not user.strip():
        raise UsageMistake("cli_empty_user")
    if any(unprintable(ch) for ch in user):
        # A line end or control character in an author's name splits every listing of it.
        shown = "".join(f"\\u{ord(ch):04x}" if unprintable(ch) else ch for ch in user)
        raise UsageMistake("cli_bad_user", user=shown[:40])
    store = open_store(db_path)
    project = pick_project(store, reference)
    entry, _ = updates.append_update(
        store,
        updates.Identity("cli", user, user),
        project,
        text,
        fiscal_year=year,
        initiative=initiative,
        check_owner=False,
    )
    click.echo(
        say(
            "cli_update_done",
            id=entry.id,
            year=entry.fiscal_year,
            project=m.entry_project(project.no, project.key),
            text=entry.text,
        )
    )


@click.command()
@click.argument("reference", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="The whole record as CSV (or --format): of the project named, else of every project.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "xlsx"]), default=None)
@header_option
@out_option
@db_option
@friendly
def history(
    reference: str | None,
    as_json: bool,
    everything: bool,
    fmt: str | None,
    header: str,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """Every entry of a project's actual-results record, oldest first; --all: the whole record
    as a file (CSV unless --format) — of the project named, or of every project without one."""
    from bot import export as exporting
    from bot import render_text
    from bot.service import project_history

    fmt = fmt or ("json" if as_json else "text")
    if everything and fmt == "text":
        fmt = "csv"
    if not everything and not reference:
        raise UsageMistake("cli_history_needs_target")
    check_binary(fmt, out)
    check_out(out)
    store = open_store(db_path)
    if everything and not reference:
        rows = exporting.entry_records(store, store.entries())
        emit(exporting.render_entries(rows, fmt, header), out)
        return
    found = project_history(store, reference or "", find=pick_project)
    entries = found.entries
    if fmt in ("csv", "xlsx"):
        emit(exporting.render_entries(exporting.entry_records(store, entries), fmt, header), out)
        return
    if fmt == "json":
        rows = exporting.entry_records(store, entries)
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    title, lines = render_text.history_lines(found, language())
    click.echo(title)
    for line in lines:
        click.echo(line)


@click.command()
@click.option(
    "--now",
    "now_text",
    default=None,
    help="ISO-8601 time to compute the digest for (default: now).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the digest as JSON.")
@click.option("--post", is_flag=True, help="Post it to ROADMAP_DIGEST_CHANNEL (once per week).")
@db_option
@friendly
def digest(now_text: str | None, as_json: bool, post: bool, db_path: Path | None) -> None:
    """The weekly summary of the week before --now."""
    from datetime import UTC, datetime

    from bot.digest import digest as compute
    from bot.digest import digest_text

    settings = load_settings()
    try:
        now = datetime.fromisoformat(now_text) if now_text else datetime.now(UTC)
    except ValueError as exc:
        raise UsageMistake("cli_bad_time", value=now_text) from exc
    if now.tzinfo is None:
        from bot.fiscal_year import TOKYO

        now = now.replace(tzinfo=TOKYO)  # a bare time is read as Japan time
    store = open_store(db_path)
    if post:
        if not (settings.slack_bot_token and settings.roadmap_digest_channel):
            raise CommandError("cli_post_needs")
        from bot.adapters.slack.digest import post_digest

        posted = post_digest(settings, store, now)
        if posted.outcome == "failed":
            why = posted.why(language()) if posted.failure else say("cli_digest_unknown_failure")
            raise CommandError(
                "cli_digest_failed", channel=posted.channel, code=posted.code or "?", why=why
            )
        if posted.outcome == "in_progress":
            from bot.serving import describe_process

            holder = describe_process(posted.holder)
            click.echo(say("cli_digest_in_progress", channel=posted.channel, holder=holder))
            return
        click.echo(say(f"cli_digest_{posted.outcome}", channel=posted.channel))
        return
    d = compute(store, now, settings.roadmap_stale_weeks)
    if as_json:
        click.echo(d.model_dump_json(indent=2))
    else:
        click.echo(digest_text(d))
