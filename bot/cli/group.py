"""The `roadmap` command group and what its commands share: --db (also before the command),
--out and what is written there, and every error, click's or ours, as one line."""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import click

from bot.cli_support import cli_language, failure_line, language, pipe_closed, say, set_language
from bot.errors import CommandError, UsageMistake


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
