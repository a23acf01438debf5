"""A local chat in the terminal over the same core as the chat platforms (also a test harness)."""

from __future__ import annotations

import contextlib
import getpass
import logging
import sys
from pathlib import Path

from bot import messages as m
from bot.commands.dispatch import handle
from bot.commands.reply import Reply
from bot.render_text import answer_text
from bot.store import Store

logger = logging.getLogger(__name__)

PROMPT = "roadmap> "
BANNER = (
    "DXロードマップ・コンソール — 質問をどうぞ（例: No40の事業費は？ / who owns the PHR project?）。"
    "\n'help' で使い方、'quit' で終了。"
)


class Console:
    """One person's chat session: a line in, a reply out, through the same command table as
    Slack and Teams. The console is its operator's own terminal on the store, like the CLI:
    the operator is an admin who may record for any project (Core.operators)."""

    def __init__(self, store: Store, user: str | None = None, out_dir: Path | None = None) -> None:
        from bot.service import Core
        from bot.updates import Identity

        self.store = store
        name = user or getpass.getuser()
        self.identity = Identity("console", name, name)
        self.core = Core(store, operators=frozenset({("console", name)}))
        self.out_dir = out_dir  # where files (export, diff, charts) are written; cwd by default

    def handle(self, line: str) -> str:
        """The reply to one line; never raises."""
        try:
            _, reply = handle(self.core, self.identity, line.strip())
            return self.render(reply)
        except Exception:
            logger.exception("console could not handle a line")
            return m.say("error_generic", "ja")

    def render(self, reply: Reply) -> str:
        """A reply as terminal text: everything (a terminal has no size limit), files saved."""
        if reply.answer is not None:
            return answer_text(reply.answer)
        if reply.form:
            return m.say("console_no_form", reply.lang, usage=reply.text)
        out = reply.body()
        if reply.file is not None:  # history --all included: help promises its file
            made = reply.file()
            path = (self.out_dir or Path.cwd()) / made.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(made.data)
            out.append(m.say("file_saved", reply.lang, path=str(path)))
        return "\n".join(out)


def run(store: Store, stdin=None, stdout=None) -> None:
    """The interactive loop: readline history when on a terminal, EOF or 'quit' to leave."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):  # not on every platform
            import readline  # noqa: F401  (history and line editing for input())
    console = Console(store)
    print(BANNER, file=stdout)
    while True:
        try:
            line = input(PROMPT) if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            print(file=stdout)
            return
        if not interactive and line == "":
            return
        if line.strip().lower() in {"quit", "exit", "終了", ":q"}:
            return
        if not line.strip():
            continue
        print(console.handle(line), file=stdout)
        stdout.flush()
