"""`roadmap console`, `run`, `serve slack|teams`, `teams-package`: the chat front ends, served
or packaged (a server holds its store alone and checks its ports first)."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from bot.cli.group import db_option, friendly
from bot.cli_support import (
    check_out,
    check_store_folder,
    load_settings,
    open_store,
    say,
    store_location,
)
from bot.errors import CommandError, UsageMistake

logger = logging.getLogger(__name__)


@click.command()
@db_option
@friendly
def console(db_path: Path | None) -> None:
    """Chat with the roadmap in this terminal."""
    from bot.adapters import console as console_adapter

    console_adapter.run(open_store(db_path))


@click.command(name="run")
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


@click.group()
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


@click.command(name="teams-package")
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
