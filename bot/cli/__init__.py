"""The `roadmap` command: a thin shell over the library (each command opens the store, calls
one function, and turns a domain error into a friendly message), its commands by group."""

from bot.cli import chat, files, owners, questions, record, store
from bot.cli.group import main

for command in (
    store.ingest,
    store.documents,
    store.backup,
    store.check,
    files.export,
    files.diff,
    files.draft,
    questions.show,
    questions.ask,
    record.update,
    record.history,
    record.digest,
    owners.owners,
    chat.console,
    chat.run_command,
    chat.serve,
    chat.teams_package,
):
    main.add_command(command)


def run() -> None:
    """Entry point kept for `python -m bot.cli`."""
    main(prog_name="roadmap")


__all__ = ["main", "run"]
