"""The `roadmap` program: `roadmap ask QUESTION` is answered without loading click (a fifth
of a one-question process); every other command line goes through bot.cli."""

from __future__ import annotations

import sys
from pathlib import Path


def plain_ask(args: list[str]) -> tuple[str, Path | None, bool] | None:
    """(question, --db, --json) for `ask` with only those options (--db also before it, as
    `roadmap --db X ask …`); None for anything else, which click then parses (and explains
    when it is wrong)."""
    db: Path | None = None
    if args[:1] == ["--db"] and len(args) > 2 and not args[1].startswith("-"):
        db, args = Path(args[1]), args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = Path(args[0].removeprefix("--db=")), args[1:]
    if args[:1] != ["ask"]:
        return None
    words: list[str] = []
    as_json = False
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--json":
            as_json = True
        elif arg == "--db":
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
            db = Path(value)
        elif arg.startswith("--db="):
            db = Path(arg.removeprefix("--db="))
        elif arg.startswith("-"):
            return None
        else:
            words.append(arg)
    question = " ".join(words)
    return (question, db, as_json) if question.strip() else None


def ask_once(question: str, db: Path | None, as_json: bool) -> int:
    """Answer one question on standard output; an error is one line, as bot.cli prints it."""
    from bot.cli_support import cli_language, failure_line, open_store, set_language

    set_language(cli_language(sys.argv[1:]))
    try:
        from bot.answer import ask

        answer = ask(open_store(db), question)
    except (Exception, KeyboardInterrupt) as exc:
        line, code = failure_line(exc)
        print(" ".join(line.split()), file=sys.stderr)
        return code
    if as_json:
        import json

        print(json.dumps(answer.public(), ensure_ascii=False, indent=2))
    else:
        print(answer.text)
    return 0


def quick_ask(question: str, db: Path | None, as_json: bool) -> int:
    """ask_once with the cyclic garbage collector off: a one-question process frees all at
    exit, and the collector's passes over every object its imports create are a tenth of
    its start. Back on afterwards, for a caller that goes on (a test calling main)."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return ask_once(question, db, as_json)
    finally:
        if was_enabled:
            gc.enable()


def main() -> None:
    """Run `roadmap` with the process's arguments."""
    try:
        quick = plain_ask(sys.argv[1:])
        if quick is not None:
            code = quick_ask(*quick)
            sys.stdout.flush()  # a closed pipe shows here, not in Python's exit
            sys.exit(code)
        from bot.cli import main as cli

        cli(prog_name="roadmap")
    except BrokenPipeError:
        from bot.cli_support import pipe_closed

        pipe_closed()


def program() -> None:
    """The `roadmap` console script: main() in a process that ends with it. A plain question
    leaves its objects to the exit untouched by the cyclic collector (gc.freeze): the
    collector's last sweep over everything the imports made is a tenth of such a process,
    and an answer holds no file or socket that needs a finaliser. Every other command
    (servers, ingest, writes to files) ends as Python ends any program."""
    if plain_ask(sys.argv[1:]) is None:
        main()
        return
    import gc

    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    program()
