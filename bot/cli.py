"""The `roadmap` command: a thin shell over the library (each command opens the store,
calls one function, and turns a domain error into a friendly message)."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.errors import ProjectNotFound, RoadmapError, UserError
from bot.store import Store

if TYPE_CHECKING:
    from bot.settings import Settings

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
        except UserError as exc:
            if exc.params.get("detail"):
                raise click.ClickException(exc.params["detail"]) from exc
            from bot.messages import error_text

            raise click.ClickException(
                f"{error_text(exc, 'ja')} / {error_text(exc, 'en')}"
            ) from exc
        except RoadmapError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def load_settings() -> Settings:
    """The settings, or one line per bad variable — never its value (it may be a secret)."""
    from pydantic import ValidationError

    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise click.ClickException(f"bad setting: {problems}") from None


def open_store(db_path: Path | None, load: bool = True) -> Store:
    """Open the store; with load, load the embedded documents into an empty one."""
    from bot.sources import ensure_loaded

    db, prefecture = db_path, None
    # A .env file is read by the settings; without one the environment, which Store.open
    # reads itself, is all there is — and `roadmap ask` skips pydantic-settings' 70 ms.
    if Path(".env").is_file():
        settings = load_settings()
        db, prefecture = db_path or settings.roadmap_db, settings.roadmap_prefecture
    store = Store.open(db, prefecture)
    if load:
        ensure_loaded(store)
    return store


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens (never secrets).")
def main(verbose: bool) -> None:
    """Aomori DX roadmap bot: ask the roadmap, record progress, serve chat."""
    from bot import logs

    logs.configure(verbose)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@friendly
def ingest(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Load roadmap documents (default: every file in data/sources/)."""
    from bot.sources import load_documents

    store = open_store(db_path, load=False)
    report = load_documents(store, list(files) or None)
    for (code, field), count in report.documents.items():
        click.echo(f"{code} {field or '(no field)'}: {count} projects")
    for code, count in report.editions.items():
        total = next((e.projects for e in store.editions() if e.code == code), count)
        draft = " (draft)" if store.is_draft(code) else ""
        click.echo(f"{code}{draft}: {total} projects in the edition")
    click.echo(
        f"entries added: {report.entries_added}, superseded: {report.entries_superseded}, "
        f"links: {report.links}"
    )


@main.command()
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


out_option = click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (default: standard output; needed for xlsx).",
)


def emit(data: bytes, out: Path | None, binary: bool = False) -> None:
    """Write a result to --out, or print it."""
    if out is not None:
        out.write_bytes(data)
        click.echo(f"wrote {out} ({len(data):,} bytes)", err=True)
    elif binary:
        raise click.UsageError("this format is binary: give --out FILE")
    else:
        click.echo(data.decode("utf-8"), nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default="json")
@click.option("--edition", default=None, help="Only this edition, e.g. R7.")
@out_option
@db_option
@friendly
def export(fmt: str, edition: str | None, out: Path | None, db_path: Path | None) -> None:
    """Every project as JSON, CSV or XLSX."""
    from bot import export as exporting

    store = open_store(db_path)
    code = store.edition_code(edition) if edition else None
    if edition and not code:
        raise click.ClickException(f"no edition {edition} in the store")
    rows = exporting.records(store, code)
    emit(exporting.render(rows, fmt), out, binary=fmt == "xlsx")


@main.command()
@click.argument("older")
@click.argument("newer")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text")
@out_option
@db_option
@friendly
def diff(older: str, newer: str, fmt: str, out: Path | None, db_path: Path | None) -> None:
    """What changed between two editions (added, ended, renamed, budgets, periods, summaries)."""
    from bot import diff as diffing

    store = open_store(db_path)
    codes = {e.code for e in store.editions()}
    named = [store.edition_code(label) for label in (older, newer)]
    for label, code in zip((older, newer), named, strict=True):
        if code is None:
            raise click.ClickException(
                f"no edition {label.upper()} in the store (have: {', '.join(sorted(codes))})"
            )
    d = diffing.diff_editions(store, *named)
    text = diffing.to_json(d) + "\n" if fmt == "json" else diffing.to_text(d, markdown=fmt == "md")
    emit(text.encode("utf-8"), out)


@main.command()
@click.argument("target")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "xlsx", "txt"]), default="md")
@click.option("--field", default=None, help="Only this field (分野), e.g. 産業・しごと.")
@click.option(
    "--per-field",
    "per_field",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write one file per field into this folder.",
)
@out_option
@db_option
@friendly
def draft(
    target: str,
    fmt: str,
    field: str | None,
    per_field: Path | None,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """The next edition's draft (e.g. R8), with the actual results reported so far: every
    field in one file, one --field, or --per-field files."""
    from bot import draft as drafting
    from bot.fiscal_year import FiscalYear

    year = FiscalYear.try_parse(target)
    if year is None:
        raise click.BadParameter(f"not a fiscal year: {target}", param_hint="TARGET")
    store = open_store(db_path)
    projects = drafting.draft_projects(store, year.code, field)
    if field is not None and not projects:
        fields = "、".join(store.fields()) or "—"
        raise click.BadParameter(f"no project in the field {field} (fields: {fields})")
    if per_field is None:
        emit(drafting.render(projects, year.code, fmt), out, binary=fmt == "xlsx")
        return
    per_field.mkdir(parents=True, exist_ok=True)
    for number, (name, part) in enumerate(drafting.by_field(projects).items(), start=1):
        path = per_field / drafting.safe_filename("draft", year.code, f"field{number}", ext=fmt)
        emit(drafting.render(part, year.code, fmt), path)
        click.echo(f"{path}: {name or '(no field)'}, {len(part)} projects")


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
    """Serve what is configured — Slack, Teams or both — else open the console (`make run`)."""
    settings = load_settings()
    slack, teams = settings.slack_configured, settings.teams_configured
    if slack and teams:
        click.echo(
            f"Serving Slack (port {settings.port}) and Teams (port {settings.teams_port}).",
            err=True,
        )
        serve_both(settings, db_path)
        return
    if slack:
        click.echo(f"Serving Slack (port {settings.port}).", err=True)
        from bot.adapters.slack.serve import serve as serve_slack

        serve_slack(settings, db_path=db_path)
        return
    if teams:
        click.echo(f"Serving Teams (port {settings.port}).", err=True)
        from bot.adapters.teams.serve import serve as serve_teams

        serve_teams(settings, db_path=db_path)
        return
    click.echo(
        "No chat tokens (Slack: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; "
        "Teams: TEAMS_APP_ID + TEAMS_APP_PASSWORD): opening the console.",
        err=True,
    )
    ctx.invoke(console, db_path=db_path)


def serve_both(settings, db_path: Path | None) -> None:
    """Teams in a second process on TEAMS_PORT (its own event loop), Slack in this one."""
    import multiprocessing

    from bot.adapters.slack.serve import serve as serve_slack
    from bot.adapters.teams.serve import serve as serve_teams

    teams = multiprocessing.Process(
        target=serve_teams,
        args=(settings, db_path, settings.teams_port),
        name="roadmap-teams",
        daemon=True,  # ends with the Slack server
    )
    teams.start()
    try:
        serve_slack(settings, db_path=db_path)
    finally:
        teams.terminate()


@main.command()
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
    from bot import updates

    store = open_store(db_path)
    project = updates.find_project(store, reference)
    entry, _ = updates.append_update(
        store,
        updates.Identity("cli", user, user),
        project,
        text,
        fiscal_year=year,
        initiative=initiative,
        check_owner=False,
    )
    click.echo(f"#{entry.id} {entry.fiscal_year} No{project.no}: {entry.text}")


@main.command()
@click.argument("reference", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.option("--all", "everything", is_flag=True, help="Every entry of every project.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "xlsx"]), default=None)
@out_option
@db_option
@friendly
def history(
    reference: str | None,
    as_json: bool,
    everything: bool,
    fmt: str | None,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """Every entry of a project's actual-results record (or --all), oldest first."""
    from bot import export as exporting
    from bot import render_text, updates

    store = open_store(db_path)
    fmt = fmt or ("json" if as_json else "text")
    if everything:
        rows = [history_record(e) for e in store.entries()]
        if fmt == "text":
            fmt = "csv"
        emit(exporting.render_entries(rows, fmt), out, binary=fmt == "xlsx")
        return
    if not reference:
        raise click.UsageError("give a project (No40) or --all")
    try:
        project = updates.find_project(store, reference)
    except ProjectNotFound:
        # #14: a project a revised document left out keeps its record; history still shows it.
        number = updates.project_number(reference)
        gone = [k for k, no in store.gone_projects().items() if number and no == number]
        if not gone:
            raise
        project = None
        entries = store.entries(gone[0])
    else:
        entries = store.entries(project.key)
    if fmt in ("csv", "xlsx"):
        emit(
            exporting.render_entries([history_record(e) for e in entries], fmt),
            out,
            binary=fmt == "xlsx",
        )
        return
    if fmt == "json":
        click.echo(json.dumps([history_record(e) for e in entries], ensure_ascii=False, indent=2))
        return
    if project is None:
        from bot import messages as m

        label = f"No{entries[0].project_no}"
        click.echo(m.say("project_gone", "ja", project=label, edition=entries[0].edition))
        click.echo(f"{label}: {len(entries)} entries")
    else:
        click.echo(f"No{project.no} {project.name}: {len(entries)} entries")
    for entry in entries:
        click.echo(render_text.entry_line(entry))


def history_record(entry) -> dict:
    """One entry for `history --json`."""
    return {
        "id": entry.id,
        "project_no": entry.project_no,
        "edition": entry.edition,
        "fiscal_year": entry.fiscal_year,
        "initiative": entry.initiative,
        "kind": entry.kind,
        "text": entry.text,
        "author": entry.author_name or entry.author_id,
        "source": {
            "platform": entry.platform,
            "file": entry.source_file,
            "line": entry.source_line,
            "channel": entry.channel,
        },
        "created_at": entry.created_at.isoformat() if entry.created_at else None,
        "retracted": entry.retracted,
        "retracts": entry.retracts,
    }


@main.command()
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
        raise click.BadParameter(f"not an ISO-8601 time: {now_text}", param_hint="--now") from exc
    if now.tzinfo is None:
        from bot.fiscal_year import TOKYO

        now = now.replace(tzinfo=TOKYO)  # a bare time is read as Japan time
    store = open_store(db_path)
    if post:
        if not (settings.slack_bot_token and settings.roadmap_digest_channel):
            raise click.ClickException("--post needs SLACK_BOT_TOKEN and ROADMAP_DIGEST_CHANNEL")
        from bot.adapters.slack.client import web_client
        from bot.adapters.slack.digest import SlackDigestPoster
        from bot.adapters.slack.failures import (
            FailureKept,
            RefusalsWithoutTraceback,
            error_code,
            explain,
        )
        from bot.digest_schedule import run_digest

        # The app's own client: SLACK_API_URL, rate limits retried after Retry-After.
        slack = SlackDigestPoster(web_client(settings), settings.roadmap_digest_channel, store)
        poster = FailureKept(slack)
        schedule_log = logging.getLogger("bot.digest_schedule")
        refusals = RefusalsWithoutTraceback()  # a refusal is told below, in words
        schedule_log.addFilter(refusals)
        try:
            outcome = run_digest(
                store, poster, now, settings.roadmap_digest_cron, settings.roadmap_stale_weeks
            )
        finally:
            schedule_log.removeFilter(refusals)
        if outcome == "failed" and poster.failure is not None:
            why = f"{explain(poster.failure, 'ja')} / {explain(poster.failure, 'en')}"
            channel = settings.roadmap_digest_channel
            raise click.ClickException(
                f"digest: failed in {channel} ({error_code(poster.failure)}): {why}"
            )
        click.echo(f"digest: {outcome}")
        return
    d = compute(store, now, settings.roadmap_stale_weeks)
    if as_json:
        click.echo(d.model_dump_json(indent=2))
    else:
        click.echo(digest_text(d))


@main.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@friendly
def backup(target: Path, db_path: Path | None) -> None:
    """Copy the store to TARGET with SQLite's online backup API (safe while serving)."""
    store = open_store(db_path, load=False)
    try:
        store.backup(target)
    except FileExistsError as exc:
        raise click.ClickException(f"{target} exists: choose a new file") from exc
    copy = Store.open(target)
    click.echo(f"backed up to {target} (integrity: {copy.integrity_check()})")


@main.group()
def owners() -> None:
    """Who may append to which project."""


@owners.command(name="add")
@click.argument("user_id")
@click.option("--project", default=None, help="Project number, e.g. 40.")
@click.option("--section", default=None, help="A section (担当課) owning all its projects.")
@click.option("--platform", default="slack", type=click.Choice(["slack", "teams"]))
@click.option("--teams", "teams", is_flag=True, help="USER_ID is a Teams (AAD) object id.")
@click.option("--name", default=None, help="Display name.")
@db_option
@friendly
def owners_add(
    user_id: str,
    project: str | None,
    section: str | None,
    platform: str,
    teams: bool,
    name: str | None,
    db_path: Path | None,
) -> None:
    """Make USER_ID an owner of --project N or of --section NAME."""
    from bot.service import add_owner

    if bool(project) == bool(section):
        raise click.UsageError("give exactly one of --project or --section")
    store = open_store(db_path)
    target = f"No{project}" if project else section
    what, created = add_owner(
        store, "teams" if teams else platform, user_id, target or "", name, added_by="cli"
    )
    click.echo(f"{user_id} {'now owns' if created else 'already owns'} {what}")


@owners.command(name="remove")
@click.argument("user_id")
@click.option("--project", default=None, help="Project number, e.g. 40.")
@click.option("--section", default=None, help="A section (担当課).")
@click.option("--platform", default="slack", type=click.Choice(["slack", "teams"]))
@click.option("--teams", "teams", is_flag=True, help="USER_ID is a Teams (AAD) object id.")
@db_option
@friendly
def owners_remove(
    user_id: str,
    project: str | None,
    section: str | None,
    platform: str,
    teams: bool,
    db_path: Path | None,
) -> None:
    """Take away USER_ID's ownership of --project N or --section NAME."""
    from bot.service import remove_owner

    if bool(project) == bool(section):
        raise click.UsageError("give exactly one of --project or --section")
    store = open_store(db_path)
    what, removed = remove_owner(
        store, "teams" if teams else platform, user_id, f"No{project}" if project else section or ""
    )
    click.echo(f"{user_id} {'no longer owns' if removed else 'did not own'} {what}")


@owners.command(name="list")
@db_option
@friendly
def owners_list(db_path: Path | None) -> None:
    """Every ownership."""
    store = open_store(db_path)
    for o in store.owners():
        target = o.project_key or f"section {o.section}"
        click.echo(f"{o.platform}\t{o.user_id}\t{o.user_name or ''}\t{target}")


@main.group()
def serve() -> None:
    """Serve a chat platform."""


@serve.command(name="slack")
@click.option("--port", type=int, default=None, help="HTTP port (default: $PORT, else 3000).")
@click.option("--socket", is_flag=True, help="Socket Mode (needs SLACK_APP_TOKEN).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="HTTP server processes (default: $ROADMAP_WORKERS, else one per core, at most 4).",
)
@db_option
@friendly
def serve_slack_command(
    port: int | None, socket: bool, workers: int | None, db_path: Path | None
) -> None:
    """Serve Slack: HTTP at /slack/events (+ GET /healthz), or Socket Mode."""
    settings = load_settings()
    if not settings.slack_bot_token:
        raise click.ClickException("SLACK_BOT_TOKEN is not set (see README: Connect to Slack).")
    if not socket and not settings.slack_signing_secret and not settings.slack_app_token:
        raise click.ClickException(
            "SLACK_SIGNING_SECRET is not set (or use --socket with SLACK_APP_TOKEN)."
        )
    from bot.adapters.slack.serve import serve as serve_slack

    serve_slack(settings, db_path=db_path, port=port, socket=socket, workers=workers)


@serve.command(name="teams")
@click.option("--port", type=int, default=None, help="HTTP port (default: $PORT, else 3000).")
@db_option
@friendly
def serve_teams_command(port: int | None, db_path: Path | None) -> None:
    """Serve Teams at /api/messages (+ GET /healthz), authenticated by the Teams SDK."""
    settings = load_settings()
    if not settings.teams_configured:
        raise click.ClickException(
            "TEAMS_APP_ID and TEAMS_APP_PASSWORD are not set (see README: Connect to Teams)."
        )
    from bot.adapters.teams.serve import serve as serve_teams

    serve_teams(settings, db_path=db_path, port=port)


@main.command(name="teams-package")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/teams-app.zip")
)
@friendly
def teams_package(out: Path) -> None:
    """Zip the Teams app package (manifest with TEAMS_APP_ID, icons)."""
    from bot.adapters.teams.package import build_package

    try:
        build_package(load_settings().teams_app_id or "", out)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {out}: upload it in Teams → Apps → Manage your apps → Upload an app")


def run() -> None:
    """Entry point kept for `python -m bot.cli`."""
    main(prog_name="roadmap")


if __name__ == "__main__":
    sys.exit(run())
