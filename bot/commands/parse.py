"""A line typed in any chat (Slack, Teams, the console) → the command it names and the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.command_table import TABLE
from bot.text import drop_control, nfkc
from bot.understanding import detect_language

MAX_COMMAND = 4000


@dataclass(frozen=True)
class Command:
    """A command's name (its English word, e.g. `owners add`) and the rest of the line."""

    name: str
    args: str
    # A first word that is almost a command word (`updte`): what was typed and the command
    # meant; such a line is answered with a question back, never recorded nor answered.
    mistyped: str = ""
    guess: str = ""


@cache
def _words() -> dict[tuple[str, ...], str]:
    """Every word sequence of the table → the command's name."""
    return {tuple(nfkc(w).lower().split()): spec.name for spec in TABLE for w in spec.words}


def parse_command(text: str) -> Command:
    """`update No40 R8 …` → Command('update', 'No40 R8 …'); anything else is a question."""
    # Not cut here: an update's text has its own limit, which reports its real length (#16).
    text = drop_control(text or "").strip()
    if text.startswith("/roadmap"):
        text = text[len("/roadmap") :].strip()
    if not text:
        return Command("help", "")
    words = _words()
    parts = text.replace("\u3000", " ").split(" ")
    # ｕｐｄａｔｅ typed with a Japanese keyboard is update; the longest match wins
    # (`owners add` before `owners`).
    for n in (2, 1):
        head = tuple(nfkc(p).lower() for p in parts[:n])
        if len(head) == n and head in words:
            args = " ".join(parts[n:]).strip()
            return Command(words[head], args if words[head] == "update" else args[:MAX_COMMAND])
    guess = near_command(parts[0])
    if guess:
        return Command("help", " ".join(parts[1:]).strip()[:MAX_COMMAND], parts[0], guess)
    return Command("ask", text[:MAX_COMMAND])


# A Latin first word at most this many edits (OSA: a swap counts once) from a command word is
# a typo; longer words allow two (`hitsroy`). Words that merely extend a command word
# (`owner`, `updated`, `retracted`) are English words that start questions, not typos.
def _edits_allowed(word: str) -> int:
    return 1 if len(word) <= 6 else 2


def near_command(first: str) -> str:
    """The command word `first` is a slip of (`updte` → update), or "" when it is none."""
    word = nfkc(first).lower()
    if len(word) < 4 or not word.isascii() or not word.isalpha() or (word,) in _words():
        return ""
    from rapidfuzz.distance import OSA  # lazily: most lines start with a command or a question

    best, distance = "", _edits_allowed(word) + 1
    for command, *rest in _words():
        if rest or not command.isascii() or len(command) < 4:
            continue
        if command.startswith(word) or word.startswith(command):
            continue
        d = OSA.distance(word, command, score_cutoff=distance - 1)
        if d < distance:
            best, distance = _words()[(command,)], d
    return best


def top_level(name: str) -> str:
    """`owners add` → `owners`: the word a command line starts with."""
    return name.split(" ", 1)[0]


def subcommands() -> set[str]:
    """Every command's name (`owners add` included)."""
    return {spec.name for spec in TABLE}


COMMAND_WORDS = re.compile(
    r"\b(?:add|list|remove|update|history|retract|owners|ask|help|nudges|off|on|chart|budget|"
    r"timeline|digest|diff|export|csv|xlsx|json|all|documents)\b",
    re.I,
)
MENTIONS = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*</at>|@[\w.-]+", re.I)


def command_language(text: str) -> str:
    """Reply in Japanese unless the person wrote English (command words and mentions aside)."""
    return detect_language(COMMAND_WORDS.sub(" ", MENTIONS.sub(" ", text or "")))


JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
LATIN_WORD = re.compile(r"[A-Za-z]+")


def report_language(text: str) -> str:
    """The reply language of a command that carries a person's words (`update No40 …`):
    Japanese when any of them is Japanese, unless the rest is English prose — two words of
    three letters or more, not all capitals. Beside Japanese words, NW, AP or Wi-Fi are
    abbreviations, not English (`update No40 NW機器 AP 120台` is answered in Japanese)."""
    lang = command_language(text)
    prose = COMMAND_WORDS.sub(" ", MENTIONS.sub(" ", text or ""))
    if lang == "en" and JAPANESE_SCRIPT.search(prose):
        words = [w for w in LATIN_WORD.findall(prose) if len(w) >= 3 and not w.isupper()]
        return "en" if len(words) >= 2 else "ja"
    return lang
