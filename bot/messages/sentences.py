"""Sentences made of several phrases and values: what the bot can answer and the commands
(the help), example questions, and the confirmation of a recorded update."""

from __future__ import annotations

from bot.messages.formats import jst
from bot.messages.phrasing import say


def update_done(entry, project: str, lang: str = "ja") -> str:
    """✅ No40 のR8実績に記録しました（#12）… — who, when: the confirmation of an entry."""
    return say(
        "update_done",
        lang,
        project=project,
        year=entry.fiscal_year,
        id=entry.id,
        initiative=f" [{entry.initiative}]" if entry.initiative else "",
        text=entry.text,
        who=entry.author_name or entry.author_id or "?",
        when=jst(entry.created_at),
    )


def help_asks(lang: str = "ja") -> list[str]:
    """What the bot can answer, in four lines."""
    return [say(f"help_ask_{n}", lang) for n in range(1, 5)]


def help_lines(lang: str, usages: list[str]) -> list[str]:
    """What the bot can answer, then the commands: their usage lines, as the command table
    (bot/command_table.py) passes them down."""
    return [*help_asks(lang), say("help_command_list", lang, commands=" ／ ".join(usages))]


def examples(lang: str = "ja") -> list[str]:
    """Example questions."""
    if lang == "en":
        return ["R7 budget for No40?", "Who owns the PHR project?", "Which projects end in R7?"]
    return ["No40の事業費は？", "PHRの担当は？", "R7で終わる事業は？"]
