"""A local chat in the terminal over the same core as the chat platforms (also a test harness)."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable

from bot.answer import ask
from bot.render_text import answer_text
from bot.store import Store

logger = logging.getLogger(__name__)

PROMPT = "roadmap> "
BANNER = (
    "DXロードマップ・コンソール — 質問をどうぞ（例: No40の事業費は？ / who owns the PHR project?）。"
    "\n'help' で使い方、'quit' で終了。"
)


class Console:
    """One person's chat session: a line in, a reply out."""

    def __init__(self, store: Store, user: str = "console") -> None:
        self.store = store
        self.user = user
        self.commands: dict[str, Callable[[str], str]] = {}

    def handle(self, line: str) -> str:
        """The reply to one line; never raises."""
        text = line.strip()
        try:
            head = text.split(maxsplit=1)[0].lower() if text else ""
            if head in self.commands:
                return self.commands[head](text)
            return answer_text(ask(self.store, text))
        except Exception:
            logger.exception("console could not handle a line")
            return "すみません、処理できませんでした。もう一度お試しください。 (Sorry, something went wrong.)"


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
