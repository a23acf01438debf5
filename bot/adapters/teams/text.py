"""Teams' text format at the edge: a typed message arrives as HTML (or, with textFormat
"plain", as typed), a card input as typed.

All come out as what the person typed — the bot's own <at> mention removed, other mentions
`@name`, an HTML message's formatting tags dropped and entities decoded — and replies are sent
as plain text."""

from __future__ import annotations

import html
import re

from bot.text import drop_control

_AT = re.compile(r"<at>([^<]*)</at>", re.I)
_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.I)
_TAG = re.compile(r"<[^>]+>")


def from_teams(
    text: str | None, bot_name: str | None = None, text_format: str | None = None
) -> str:
    """A typed message → the text as typed: HTML unless the activity says it is plain, where
    a "<" is the person's own (R&D <phase 2>) and no tag is removed or entity decoded."""
    if not text:
        return ""

    def mention(m: re.Match) -> str:
        name = html.unescape(m.group(1)).strip()
        return " " if bot_name is None or name == bot_name else f"@{name}"

    text = _AT.sub(mention, text)
    if (text_format or "").lower() == "plain":
        return user_text(text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)  # formatting Teams added; a typed "<" arrives as &lt;
    return user_text(html.unescape(text))


def user_text(text: str | None) -> str:
    """What every typed or submitted text goes through: no control characters, trimmed."""
    lines = [" ".join(line.split()) for line in drop_control(text or "").split("\n")]
    return "\n".join(line for line in lines if line).strip()
