"""A local chat in the terminal over the same core as the chat platforms (also a test harness)."""

from __future__ import annotations

import contextlib
import getpass
import logging
import sys
from collections.abc import Callable

from bot import messages as m
from bot.answer import ask
from bot.commands import command_language, parse_command
from bot.errors import UserError
from bot.render_text import answer_text, entry_line
from bot.store import Store

logger = logging.getLogger(__name__)

PROMPT = "roadmap> "
BANNER = (
    "DXロードマップ・コンソール — 質問をどうぞ（例: No40の事業費は？ / who owns the PHR project?）。"
    "\n'help' で使い方、'quit' で終了。"
)


class Console:
    """One person's chat session: a line in, a reply out (questions and `/roadmap …` commands).

    The console is the operator's own terminal on the store, like the CLI: updates are
    recorded under the operator's name without an owner check.
    """

    def __init__(self, store: Store, user: str | None = None) -> None:
        from bot.service import Core
        from bot.updates import Identity

        self.store = store
        self.core = Core(store)
        name = user or getpass.getuser()
        self.identity = Identity("console", name, name)
        self.commands: dict[str, Callable[[str, str], str]] = {
            "update": self._update,
            "history": self._history,
            "retract": self._retract,
            "digest": self._digest,
            "diff": self._diff,
        }

    def handle(self, line: str) -> str:
        """The reply to one line; never raises."""
        text = line.strip()
        cmd = parse_command(text)
        lang = command_language(cmd.args or text)
        try:
            if cmd.name in self.commands:
                return self.commands[cmd.name](cmd.args, lang)
            if cmd.name == "help":  # "help" itself is English; "ヘルプ" Japanese
                return answer_text(ask(self.store, text or "ヘルプ"))
            question = cmd.args if cmd.name == "ask" else text
            return answer_text(ask(self.store, question))
        except UserError as error:
            return m.error_text(error, lang)
        except Exception:
            logger.exception("console could not handle a line")
            return m.say("error_generic", lang)

    def _update(self, args: str, lang: str) -> str:
        result = self.core.update(self.identity, args)
        return m.update_done(result.entry, f"No{result.project.no}", lang)

    def _history(self, args: str, lang: str) -> str:
        history = self.core.history(args)
        title = m.say(
            "history_title",
            lang,
            project=f"No{history.project.no} {history.project.name}",
            n=len(history.entries),
        )
        return "\n".join([title, *(entry_line(e, lang) for e in history.entries)])

    def _retract(self, args: str, lang: str) -> str:
        original, _ = self.core.retract(self.identity, args)
        return m.say(
            "retract_done",
            lang,
            id=original.id,
            project=m.entry_project(original.project_no, original.project_key),
        )

    def _digest(self, args: str, lang: str) -> str:
        from bot.digest import digest, digest_text

        return digest_text(digest(self.store, self.core.clock()), lang)

    def _diff(self, args: str, lang: str) -> str:
        from bot import diff as diffing

        older, newer = diffing.editions_asked(self.store, args)
        return diffing.to_text(diffing.diff_editions(self.store, older, newer))


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
