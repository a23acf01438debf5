"""A command's Reply → Teams activities, within Teams' message size, text shown as typed."""

from __future__ import annotations

from microsoft_teams.api import MessageActivityInput

from bot import messages as m
from bot.adapters.teams import cards
from bot.commands.reply import Reply
from bot.fiscal_year import FiscalYear

# Teams refuses a message over about 28 KB (text, attachments and envelope together).
MAX_TEXT_BYTES = 24_000


def plain(text: str) -> MessageActivityInput:
    """A plain-text message: user text is never read as Markdown or HTML."""
    return MessageActivityInput(text=text, text_format="plain")


def _size(lines: list[str]) -> int:
    return sum(len(line.encode()) + 1 for line in lines)


def _fit(reply: Reply, budget: int) -> tuple[list[str], int]:
    """The first line and as many body lines as fit (the newest when keep_tail)."""
    lines = reply.body()
    head, rest = lines[:1], lines[1:]
    order = list(reversed(rest)) if reply.keep_tail else rest
    used = _size(head)
    chosen: list[str] = []
    for line in order:
        if used + _size([line]) > budget:
            break
        chosen.append(line)
        used += _size([line])
    if reply.keep_tail:
        chosen.reverse()
    return head + chosen, len(rest) - len(chosen)


def parts(reply: Reply, budget: int = MAX_TEXT_BYTES) -> list[MessageActivityInput]:
    """Every line, in as many messages as it takes (history --all)."""
    chunks: list[list[str]] = [[]]
    for line in reply.body():
        line = line.encode()[: budget - 64].decode(errors="ignore")
        if chunks[-1] and _size(chunks[-1]) + _size([line]) > budget - 64:
            chunks.append([])
        chunks[-1].append(line)
    n = len(chunks)
    if n == 1:
        return [plain("\n".join(chunks[0]))]
    return [
        plain(m.say("teams_part", reply.lang, i=i, n=n) + "\n" + "\n".join(chunk))
        for i, chunk in enumerate(chunks, start=1)
    ]


def render(reply: Reply, current: FiscalYear) -> list[MessageActivityInput]:
    """The messages that answer one command on Teams."""
    if reply.answer is not None:
        return [cards.answer_message(reply.answer)]
    if reply.form:
        return [cards.update_form(reply.projects, current, reply.lang)]
    if reply.complete:
        return parts(reply)
    note = ""
    if reply.chart:  # what Teams cannot show, it says
        note = m.say("teams_no_chart", reply.lang)
    elif reply.file is not None and not reply.error:
        note = m.say("teams_no_file", reply.lang, command=reply.command)
    budget = MAX_TEXT_BYTES - len(note.encode()) - 600
    lines, left_out = _fit(reply, budget)
    if left_out:
        key = "left_out_earlier" if reply.keep_tail else "left_out"
        lines.append(m.say(key, reply.lang, n=left_out, hint=reply.more_hint))
    if note:
        lines.append(note)
    return [plain("\n".join(lines))]
