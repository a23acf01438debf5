"""The `roadmap` command: a thin shell over the library (each command opens the store,
calls one function, and turns a domain error into a friendly message)."""

from __future__ import annotations

import functools
import json
import logging
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli_support import (
    check_out,
    check_store_folder,
    cli_language,
    edition_or_error,
    failure_line,
    language,
    load_settings,
    open_store,
    pick_project,
    pipe_closed,
    say,
    set_language,
    store_location,
)
from bot.errors import CommandError, UsageMistake

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)


def unprintable(ch: str) -> bool:
    """A character no name is written with: a control (line end, tab), a line or paragraph
    separator, a format character (a bidi override) other than the joiners emoji use."""
    category = unicodedata.category(ch)
    return category in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"} or (
        category == "Cf" and ch not in "\u200c\u200d"
    )


def db_before_the_command(ctx: click.Context, param: click.Parameter, value: Path | None):
    """--db after the command, else the one written before it (`roadmap --db X ingest`)."""
    return value if value is not None else ctx.find_root().params.get("db_path")


db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),  # open_store explains a folder or a non-store in one line
    default=None,
    callback=db_before_the_command,
    help="SQLite file (default: $ROADMAP_DB, else data/roadmap.db).",
)


def friendly(func: Callable) -> Callable:
    """Kept for the commands' decorators: RoadmapGroup turns every error into one line."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.human_readable_name or param.name or "?").upper()


def usage_text(exc: click.UsageError) -> str:
    """A click usage error as one line in the user's language, with where to read more."""
    words = exc.ctx.command_path.split()[1:] if exc.ctx else []
    command = " ".join(["roadmap", *words])  # as typed, whatever the program was called
    message = exc.format_message()
    if isinstance(exc, click.MissingParameter):
        text = say("cli_usage_missing", param=_param_name(exc.param))
    elif isinstance(exc, click.NoSuchOption):
        text = say("cli_usage_option", option=exc.option_name)
    elif isinstance(exc, click.BadParameter):
        kind = getattr(exc.param, "type", None)
        choices = getattr(kind, "choices", None)
        name = _param_name(exc.param)
        path = re.search(r"(?:Path|File|Directory) '(.+?)'", message)
        if choices:
            text = say("cli_usage_value", param=name, choices=", ".join(map(str, choices)))
        elif path:
            text = say("cli_usage_path", param=name, path=path.group(1))
        else:
            text = say("cli_usage_bad_value", param=name)
    elif isinstance(exc, click.BadOptionUsage):
        text = say("cli_usage_bad_value", param=exc.option_name)
    elif m := re.search(r"No such command '(.+?)'", message):
        text = say("cli_usage_command", command=m.group(1))
    elif m := re.search(r"unexpected extra arguments? \((.+)\)", message):
        text = say("cli_usage_extra", extra=m.group(1))
    else:
        text = say("cli_usage_generic")
    return text + ("" if language() == "ja" else " ") + say("cli_usage_help", command=command)


def error_line(exc: BaseException) -> tuple[str, int]:
    """Any error as (one line for the user, exit status): 2 for usage, 1 for failures."""
    if isinstance(exc, click.UsageError):
        return usage_text(exc), 2
    if isinstance(exc, click.ClickException):
        return exc.format_message(), exc.exit_code
    if isinstance(exc, click.Abort):
        return say("cli_interrupted"), 1
    return failure_line(exc)


class RoadmapGroup(click.Group):
    """The `roadmap` group: every error, click's or ours, ends as one line and an exit status."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run a command; print one line instead of a traceback or click's usage block."""
        args = list(sys.argv[1:] if args is None else args)
        set_language(cli_language(args))
        try:
            super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()  # a closed pipe shows here, not in Python's exit
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            pipe_closed()  # a closed pipe (| head): nothing left to tell
        except (Exception, KeyboardInterrupt) as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                click.echo(exc.format_message(), err=True)  # type: ignore[attr-defined]
                sys.exit(2)
            line, code = error_line(exc)
            click.echo(" ".join(line.split()), err=True)
            sys.exit(code)
        sys.exit(0)


@click.group(cls=RoadmapGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log what happens (never secrets).")
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),
    default=None,
    help="SQLite file for the command (default: $ROADMAP_DB, else data/roadmap.db).",
)
def main(verbose: bool, db_path: Path | None) -> None:
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
    type=click.Path(path_type=Path),  # check_out explains a folder or a missing one
    default=None,
    help="Write to this file (default: standard output; needed for xlsx).",
)


def emit(data: bytes, out: Path | None) -> None:
    """Write a result to --out (checked by check_out before any work), or print it."""
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CommandError("cli_cannot_write", path=out) from exc
    click.echo(say("cli_wrote", path=out, size=f"{len(data):,}"), err=True)


def check_binary(fmt: str, out: Path | None) -> None:
    """A binary format (xlsx) needs --out: say so before any work."""
    if fmt == "xlsx" and out is None:
        raise UsageMistake("cli_binary_needs_out", fmt=fmt)


header_option = click.option(
    "--header",
    type=click.Choice(["ja", "en"]),
    default="ja",
    help="CSV/XLSX column names: Japanese (default) or English identifiers.",
)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default="json")
@click.option("--edition", default=None, help="Only this edition, e.g. R7.")
@click.option(
    "--table",
    type=click.Choice(["projects", "initiatives"]),
    default="projects",
    help="CSV: one row per project, or per initiative and year (long form).",
)
@header_option
@out_option
@db_option
@friendly
def export(
    fmt: str,
    edition: str | None,
    table: str,
    header: str,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """Every project as JSON, CSV (UTF-8 with BOM, for Excel) or XLSX (事業/取組/実績記録)."""
    from bot import export as exporting

    check_binary(fmt, out)
    check_out(out)
    store = open_store(db_path)
    code = edition_or_error(store, edition) if edition else None
    emit(exporting.export_file(store, code, fmt, header=header, table=table), out)


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

    check_out(out)
    store = open_store(db_path)
    old_code, new_code = (edition_or_error(store, label) for label in (older, newer))
    if old_code == new_code:
        codes = [e.code for e in store.editions()]
        example = " ".join(codes[-2:]) if len(codes) > 1 else "R6 R7"
        raise UsageMistake("cli_diff_same", example=example)
    order = [e.code for e in store.editions()]  # oldest first
    if order.index(old_code) > order.index(new_code):
        old_code, new_code = new_code, old_code
        click.echo(say("cli_diff_reordered", older=old_code, newer=new_code), err=True)
    d = diffing.diff_editions(store, old_code, new_code)
    if fmt == "json":
        text = diffing.to_json(d) + "\n"
    else:
        text = diffing.to_text(d, markdown=fmt == "md", lang=language())
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
        raise UsageMistake("cli_not_a_year", value=target)
    check_binary(fmt, out)
    check_out(out)
    store = open_store(db_path)
    latest = store.latest_edition()
    if latest is None:
        raise CommandError("empty_store")
    latest_year = FiscalYear.try_parse(latest.rsplit(":", 1)[-1])
    if latest_year is not None and year.western <= latest_year.western:
        following = (latest_year + 1).code
        raise UsageMistake("cli_draft_year", target=year.code, latest=latest, next=following)
    projects = drafting.draft_projects(store, year.code, field)
    if field is not None and not projects:
        fields = "、".join(store.fields()) or "—"
        raise UsageMistake("cli_no_field", field=field, fields=fields)
    if per_field is None:
        emit(drafting.render(projects, year.code, fmt), out)
        return
    per_field.mkdir(parents=True, exist_ok=True)  # the folder the user named
    for number, (name, part) in enumerate(drafting.by_field(projects).items(), start=1):
        path = per_field / drafting.safe_filename("draft", year.code, f"field{number}", ext=fmt)
        emit(drafting.render(part, year.code, fmt), path)
        click.echo(say("cli_draft_field_file", path=path, field=name or "—", n=len(part)))


@main.command()
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
    missing = incomplete_chat(settings)
    if missing:
        # Half a configuration is a mistake: opening the console instead would hide it.
        raise UsageMistake("cli_run_incomplete", missing=" / ".join(missing))
    slack, teams = settings.slack_configured, settings.teams_configured
    if slack and teams:
        serving = prepare_serving(db_path, "slack+teams", settings.port, settings.teams_port)
        click.echo(
            say("cli_serving_both", port=settings.port, teams_port=settings.teams_port),
            err=True,
        )
        serve_both(settings, db_path, serving)
        return
    if slack:
        http = not settings.slack_app_token
        serving = prepare_serving(db_path, "slack", settings.port if http else None)
        click.echo(say("cli_serving", what="Slack", port=settings.port), err=True)
        from bot.adapters.slack.serve import serve as serve_slack

        serve_slack(settings, db_path=db_path, serving=serving)
        return
    if teams:
        serving = prepare_serving(db_path, "teams", settings.port)
        click.echo(say("cli_serving", what="Teams", port=settings.port), err=True)
        from bot.adapters.teams.serve import serve as serve_teams

        serve_teams(settings, db_path=db_path, serving=serving)
        return
    click.echo(say("cli_run_console"), err=True)
    ctx.invoke(console, db_path=db_path)


def incomplete_chat(settings) -> list[str]:
    """The variables a half-configured platform still needs (none set for it: nothing)."""
    missing = []
    s = settings
    if (s.slack_bot_token or s.slack_signing_secret or s.slack_app_token) and not (
        s.slack_configured
    ):
        if not s.slack_bot_token:
            missing.append("SLACK_BOT_TOKEN")
        if not (s.slack_signing_secret or s.slack_app_token):
            missing.append(say("cli_run_either", a="SLACK_SIGNING_SECRET", b="SLACK_APP_TOKEN"))
    if (s.teams_app_id or s.teams_app_password) and not s.teams_configured:
        missing.append("TEAMS_APP_PASSWORD" if s.teams_app_id else "TEAMS_APP_ID")
    return missing


def serve_both(settings, db_path: Path | None, serving) -> None:
    """Teams in a second process on TEAMS_PORT (its own event loop), Slack in this one: one
    server, one hold on the store (the Teams process inherits it)."""
    import multiprocessing

    from bot.adapters.slack.serve import serve as serve_slack
    from bot.adapters.teams.serve import serve as serve_teams

    teams = multiprocessing.Process(
        target=serve_teams,
        args=(settings, db_path, settings.teams_port, serving),
        name="roadmap-teams",
        daemon=True,  # ends with the Slack server
    )
    teams.start()
    try:
        serve_slack(settings, db_path=db_path, serving=serving)
    finally:
        teams.terminate()


def prepare_serving(db_path: Path | None, what: str, *ports: int | None):
    """Before a server starts (#25): its store held by it alone, its ports free (each refusal
    names the process in the way), the file a roadmap store, and a warning when the store
    cannot take writes (questions are still answered)."""
    from bot.serving import check_port, hold_store

    check_store_folder(db_path)
    target, _ = store_location(db_path)
    serving = hold_store(target, what, next((p for p in ports if p), None))
    try:
        for port in ports:
            if port:
                check_port(port)
        store = open_store(db_path, load=False, create=True)  # "not a roadmap store" says so
        fault = store.write_probe()
        store.close()
    except BaseException:
        serving.release()
        raise
    if fault:
        logger.warning(
            "the store %s cannot take writes (%s): updates will be refused", target, fault
        )
        click.echo(say("serve_cannot_write", path=target, why=say(f"why_{fault}")), err=True)
    return serving


# A report may start with "-" (`roadmap update No41 "-10%の削減を達成"`): an unknown option is
# taken as the text; the command has no short options for it to be mistaken for.
@main.command(context_settings={"ignore_unknown_options": True})
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


@main.command()
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


@main.command()
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


@main.command()
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


@main.group()
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
        raise CommandError("cli_slack_token_missing")
    if not socket and not settings.slack_signing_secret and not settings.slack_app_token:
        raise CommandError("cli_slack_secret_missing")
    http = not (socket or settings.slack_app_token)
    serving = prepare_serving(db_path, "slack", (port or settings.port) if http else None)
    from bot.adapters.slack.serve import serve as serve_slack

    serve_slack(
        settings, db_path=db_path, port=port, socket=socket, workers=workers, serving=serving
    )


@serve.command(name="teams")
@click.option("--port", type=int, default=None, help="HTTP port (default: $PORT, else 3000).")
@db_option
@friendly
def serve_teams_command(port: int | None, db_path: Path | None) -> None:
    """Serve Teams at /api/messages (+ GET /healthz), authenticated by the Teams SDK."""
    settings = load_settings()
    if not settings.teams_configured:
        raise CommandError("cli_teams_missing")
    serving = prepare_serving(db_path, "teams", port or settings.port)
    from bot.adapters.teams.serve import serve as serve_teams

    serve_teams(settings, db_path=db_path, port=port, serving=serving)


DEFAULT_PACKAGE = Path("build/teams-app.zip")


@main.command(name="teams-package")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PACKAGE)
@friendly
def teams_package(out: Path) -> None:
    """Zip the Teams app package (manifest with TEAMS_APP_ID, icons)."""
    from bot.adapters.teams.package import build_package

    if out != DEFAULT_PACKAGE:  # the default's build/ folder is the project's own
        check_out(out)
    try:
        build_package(load_settings().teams_app_id or "", out)
    except OSError as exc:
        raise CommandError("cli_cannot_write", path=out) from exc
    click.echo(say("cli_teams_package", path=out))


def run() -> None:
    """Entry point kept for `python -m bot.cli`."""
    main(prog_name="roadmap")


if __name__ == "__main__":
    sys.exit(run())
