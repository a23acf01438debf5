"""Teams' text format at the edge: a typed message arrives as HTML (or, with textFormat
"plain", as typed), a card input as typed.

All come out as what the person typed — the bot's own <at> mention removed, other mentions
`@name`, an HTML message's formatting tags dropped and entities decoded — and replies are sent
as plain text.

The bot's own mention is known by its entity's id (the activity's recipient), never by its
text: a bot registered as "DX Roadmap Bot" can be mentioned as "DX Roadmap", or as two tags
(<at>DX</at> <at>Roadmap</at>) when a person picks part of its name."""

from __future__ import annotations

import html
import re

from bot.text import drop_control

_AT = re.compile(r"<at>([^<]*)</at>", re.I)
_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.I)
_TAG = re.compile(r"<[^>]+>")


def own_mentions(activity) -> list[str]:
    """The <at> tags of the activity's mention entities whose mentioned id is the recipient's
    (the bot), as they appear in its text (an entity without text: its name in a tag)."""
    recipient = getattr(getattr(activity, "recipient", None), "id", None)
    tags = []
    for entity in getattr(activity, "entities", None) or []:
        mentioned = _field(entity, "mentioned")
        if _field(entity, "type") != "mention" or mentioned is None or recipient is None:
            continue
        if _field(mentioned, "id") != recipient:
            continue
        tag = _field(entity, "text") or _field(mentioned, "name")
        if tag:
            tags.append(tag if _AT.fullmatch(tag) else f"<at>{tag}</at>")
    return tags


def _field(thing, name: str):
    """A field of an SDK model or of a plain dict (an entity the SDK did not type)."""
    return thing.get(name) if isinstance(thing, dict) else getattr(thing, name, None)


def from_teams(
    text: str | None, own: list[str] | tuple[str, ...] = (), text_format: str | None = None
) -> str:
    """A typed message → the text as typed; `own` are the bot's own mention tags
    (`own_mentions`), taken off; every other mention becomes @name. HTML unless the activity
    says it is plain, where a "<" is the person's own (R&D <phase 2>) and no tag is removed."""
    if not text:
        return ""
    for tag in sorted(set(own), key=len, reverse=True):
        # ロードマップさん, ロードマップ様: the honorific is the mention's, not a word asked.
        text = re.sub(re.escape(tag) + r"\s*(?:さん|様|さま|くん|君)?", " ", text)

    def mention(m: re.Match) -> str:
        return f"@{html.unescape(m.group(1)).strip()}"

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
