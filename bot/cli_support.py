"""What the command line needs besides click: its language, its one-line errors, opening
the store and checking paths — importable without click, so `roadmap ask` starts fast."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import (
    CommandError,
    InvalidFiscalYear,
    ParseError,
    RoadmapError,
    UnknownPrefecture,
    UsageMistake,
    UserError,
)

if TYPE_CHECKING:
    from bot.models import Project
    from bot.settings import Settings
    from bot.store import Store

# Kana, CJK ideographs and full-width forms: typed text that makes the reply Japanese.
JAPANESE_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u9fff"), ("\uff00", "\uffef"))
# The language of this invocation's messages: set once, by bot.cli or bot.launch.
_language = ["ja"]


def cli_language(args: list[str], environ: os._Environ | dict | None = None) -> str:
    """Japanese unless the locale is English and nothing typed is Japanese (compared by code
    point: a regular expression of these ranges takes `roadmap ask` 5 ms to compile)."""
    if any(lo <= c <= hi for a in args for c in a for lo, hi in JAPANESE_RANGES):
        return "ja"
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "ja"


def set_language(lang: str) -> None:
    """Choose the language of this invocation's messages (once, from its arguments)."""
    _language[0] = lang


def language() -> str:
    """The language this command speaks to its user."""
    return _language[0]


def say(key: str, **values) -> str:
    """A phrase of bot.messages in this command's language."""
    from bot.messages import say as phrase

    return phrase(key, language(), **values)


def pipe_closed() -> None:
    """The reader went away (`roadmap ask … | head -3`): stop quietly. Standard output is
    pointed at /dev/null so that Python's last flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test's captured output)
        pass
    sys.exit(1)


def failure_line(exc: BaseException) -> tuple[str, int]:
    """An error that is not click's as (one line for the user, exit status 1, or 2 for a
    UsageMistake); never a traceback: the details go to the log (roadmap -v)."""
    from bot.messages import error_text

    if isinstance(exc, UserError):
        if exc.params.get("detail"):
            return str(exc.params["detail"]), 1
        return error_text(exc, language()), getattr(exc, "exit_code", 1)
    if isinstance(exc, UnknownPrefecture):
        name = re.search(r"'(.*?)'", str(exc))
        return say("cli_unknown_prefecture", name=name.group(1) if name else "?"), 1
    if isinstance(exc, InvalidFiscalYear):
        value = re.search(r"'(.*?)'", str(exc))
        return say("cli_not_a_year", value=value.group(1) if value else "?"), 2
    if isinstance(exc, ParseError) and exc.key:
        where = say("parse_where_line", file=exc.file, line=exc.line) if exc.line else exc.file
        return say("parse_error_at", where=where, reason=say(exc.key, **exc.params)), 1
    if isinstance(exc, RoadmapError):
        return str(exc), 1
    if isinstance(exc, sqlite3.DatabaseError):
        from bot.store import resolve_db_path

        return say("cli_store_unreadable", path=resolve_db_path()), 1
    if isinstance(exc, FileNotFoundError) and exc.filename:
        return say("cli_no_such_place", path=exc.filename), 1
    if isinstance(exc, OSError) and exc.filename:
        return say("cli_cannot_write", path=exc.filename), 1
    if isinstance(exc, KeyboardInterrupt | EOFError):
        return say("cli_interrupted"), 1
    # Logged at INFO: `roadmap -v` shows the details; by default nobody sees a traceback.
    # (logging is imported here: `roadmap ask` needs it only when something went wrong.)
    import logging

    logging.getLogger("bot.cli").info("unexpected error", exc_info=exc)
    return say("cli_internal", kind=type(exc).__name__), 1


def load_settings() -> Settings:
    """The settings, or one line naming each bad variable — never its value (a secret)."""
    from pydantic import ValidationError

    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        names = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors())
        raise CommandError("cli_bad_setting", names=names) from None


def _first_run() -> bool:
    """`roadmap run` (what `make run` does on a fresh clone): the one command besides ingest
    that creates its store, in a folder that exists."""
    if "click" not in sys.modules:
        return False  # the quick `roadmap ask` path: never run
    import click

    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.info_name == "run":
            return True
        ctx = ctx.parent
    return False


def store_location(db_path: Path | None) -> tuple[Path, str | None]:
    """--db, else the settings' (environment's or .env's) store, and the prefecture."""
    from bot.settings import store_settings
    from bot.store import resolve_db_path

    settings = store_settings()  # the environment over .env, as Settings reads them
    return resolve_db_path(db_path or settings.roadmap_db), settings.roadmap_prefecture


def open_store(db_path: Path | None, load: bool = True, create: bool = False) -> Store:
    """Open an existing store (with load, load the embedded documents into an empty one);
    only `create` (ingest, or `run` on the default path) makes a new file, never a folder."""
    from bot.settings import configured_prefecture
    from bot.store import Store, is_roadmap_store

    target, prefecture = store_location(db_path)
    prefecture = configured_prefecture(prefecture)  # a bad name is reported before the path
    if target.is_dir():
        raise CommandError("cli_not_a_store", path=target)
    if not target.exists():
        if not target.parent.is_dir():
            raise CommandError("cli_store_no_folder", folder=target.parent, path=target)
        if not (create or _first_run()):
            raise CommandError("cli_store_missing", path=target)
        writable_or_error(target)  # a store to be made in a folder it cannot be written in
    # An existing store that cannot take writes is still read (questions, exports); a write
    # is refused saying nothing was recorded and what to do (#25).
    try:
        if target.exists() and not is_roadmap_store(target):
            raise CommandError("cli_not_a_store", path=target)
        store = Store.open(target, prefecture)
    except sqlite3.OperationalError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise CommandError("cli_not_a_store", path=target) from exc
        raise CommandError("cli_store_unreadable", path=target) from exc
    except sqlite3.DatabaseError as exc:
        raise CommandError("cli_not_a_store", path=target) from exc
    if load and not store.editions():  # the parser is imported only for a first load
        from bot.sources import ensure_loaded

        ensure_loaded(store)
    return store


def check_store_folder(db_path: Path | None) -> None:
    """A server creates its store on first start, but never the folder it should be in."""
    target, _ = store_location(db_path)
    if not target.exists() and not target.parent.is_dir():
        raise CommandError("cli_store_no_folder", folder=target.parent, path=target)
    if not target.exists():
        writable_or_error(target)  # it must be made: a folder it cannot be written in stops here
    # A store that exists but cannot take writes is served for questions; the server warns at
    # start and every update is refused saying nothing was recorded (#25).


def writable_or_error(target: Path) -> None:
    """Refuse, in one line naming this process's user, a store it cannot write: SQLite writes
    next to the file too (its -wal and -shm files), so the folder must be writable — a
    root-owned folder mounted at the Docker image's /data is the usual case."""
    folder = target.parent
    if not folder.is_dir():
        return  # said by the callers, with the folder's name
    if os.access(folder, os.W_OK) and (not target.exists() or os.access(target, os.W_OK)):
        return
    uid = os.getuid() if hasattr(os, "getuid") else "?"
    raise CommandError(
        "cli_store_not_writable", folder=folder, uid=uid, command=f"chown -R {uid} {folder}"
    )


def check_out(out: Path | None) -> None:
    """Refuse, before any work, an output path whose folder is missing or that is a folder."""
    if out is None:
        return
    if out.is_dir():
        raise CommandError("cli_out_is_folder", path=out)
    if not out.parent.is_dir():
        raise CommandError("cli_out_no_folder", folder=out.parent, path=out)


def edition_or_error(store: Store, label: str) -> str:
    """The code of an edition a person named, or an error listing the loaded ones."""
    from bot.prefectures import label_of

    code = store.edition_code(label)
    if code is None:
        editions = ", ".join(label_of(e.code) for e in store.editions()) or "-"
        raise CommandError("cli_no_edition", label=label.strip().upper(), editions=editions)
    return code


def pick_project(store: Store, reference: str, edition: str | None = None) -> Project:
    """The one project a reference names in an edition (default: the latest), the same way
    for every command; otherwise an error that says why and suggests names."""
    from bot.prefectures import label_of
    from bot.project_numbers import parse_number
    from bot.resolve import resolve

    if not reference.strip():
        raise UsageMistake("cli_usage_missing", param="REFERENCE")
    code = edition_or_error(store, edition) if edition else store.latest_edition()
    if code is None:
        raise CommandError("empty_store")
    projects = store.projects(code)
    shown = label_of(code)
    numbered = parse_number(reference) is not None or reference.strip().isdigit()
    if numbered and projects and all(p.no is None for p in projects):
        examples = "、".join(p.name for p in projects[:2])
        raise CommandError("cli_unnumbered", label=shown, examples=examples)
    resolution = resolve(store, reference, code)
    if resolution.project:
        return resolution.project
    names = "、".join(_name(m.project) for m in resolution.matches[:5])
    if resolution.status == "ambiguous":
        raise CommandError("cli_ambiguous", reference=reference, names=names)
    message = say("cli_no_project", label=shown, reference=reference)
    if names:
        message += ("" if language() == "ja" else " ") + say("cli_closest", names=names)
    raise CommandError("cli_no_project", detail=message)


def _name(project: Project) -> str:
    from bot.messages import short_ref

    return short_ref(project)
