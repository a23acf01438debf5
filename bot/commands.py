"""`/roadmap …` commands as typed in any chat (Slack, Teams, the console): text → Command."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import drop_control, nfkc
from bot.understand import detect_language

SUBCOMMANDS = {
    "ask",
    "update",
    "history",
    "retract",
    "owners",
    "help",
    "chart",
    "nudges",
    "digest",
    "diff",
    "export",
}
ALIASES = {
    "質問": "ask",
    "更新": "update",
    "報告": "update",
    "履歴": "history",
    "取消": "retract",
    "ヘルプ": "help",
}
MAX_COMMAND = 4000


@dataclass(frozen=True)
class Command:
    """A subcommand and the rest of the line."""

    name: str
    args: str


def parse_command(text: str) -> Command:
    """`update No40 R8 …` → Command('update', 'No40 R8 …'); anything else is a question."""
    text = drop_control(text or "").strip()
    if text.startswith("/roadmap"):
        text = text[len("/roadmap") :].strip()
    if not text:
        return Command("help", "")
    head, _, rest = text.replace("\u3000", " ").partition(" ")
    head = nfkc(head)  # ｕｐｄａｔｅ typed with a Japanese keyboard is update
    name = ALIASES.get(head, head.lower())
    if name in SUBCOMMANDS:
        # An update's text is checked against its own limit, which reports its real length.
        return Command(name, rest.strip() if name == "update" else rest.strip()[:MAX_COMMAND])
    return Command("ask", text[:MAX_COMMAND])


COMMAND_WORDS = re.compile(
    r"\b(?:add|list|remove|update|history|retract|owners|ask|help|nudges|off|on|chart|budget|"
    r"timeline|digest|diff|export|csv|xlsx|json)\b",
    re.I,
)
MENTIONS = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*</at>", re.I)


def command_language(text: str) -> str:
    """Reply in Japanese unless the person wrote English (command words and mentions aside)."""
    return detect_language(COMMAND_WORDS.sub(" ", MENTIONS.sub(" ", text or "")))
