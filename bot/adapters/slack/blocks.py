"""Core data → Block Kit, kept inside Block Kit's limits.

Replies to questions are built as plain dicts: they are on every request's path, and
slack_sdk's model objects cost about half a millisecond per reply to build and serialise.
The rarer modals and App Home use the models. Tests validate both kinds with slack_sdk."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import messages as m
from bot.adapters.slack.text import escape
from bot.answer import Answer
from bot.commands.reply import Reply
from bot.fiscal_year import FiscalYear
from bot.models import ActualEntry, Project

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100  # App Home and modals
# Slack refuses a message whose blocks hold much more than ~13,000 characters of text
# (msg_blocks_too_long): every message stays under this, with room to spare.
MAX_TEXT = 11_000
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FALLBACK = 3000
UPDATE_VIEW = "roadmap_update"
SHARE_ACTION = "share_answer"
OPEN_UPDATE_ACTION = "open_update_modal"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def _section(text: str) -> dict:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [_mrkdwn(_cut(text, MAX_SECTION))]}


def _pack(lines: list[str], room: int, budget: int) -> tuple[list[str], int]:
    """Lines joined into chunks of at most 3,000 characters: at most `room` chunks and
    `budget` characters in all; (chunks, how many lines they hold — the first ones)."""
    chunks: list[str] = []
    chunk = ""
    used = 0
    count = 0
    for line in lines:
        line = _cut(line, MAX_SECTION)
        if chunk and len(chunk) + 1 + len(line) > MAX_SECTION:
            chunks.append(chunk)
            chunk = ""
        if len(chunks) >= room or used + len(line) + 1 > budget:
            break
        chunk = f"{chunk}\n{line}" if chunk else line
        used += len(line) + 1
        count += 1
    if chunk:  # opened only while there was room
        chunks.append(chunk)
    return chunks, count


def _sections(
    lines: list[str], room: int, budget: int = MAX_TEXT, plain: bool = False
) -> tuple[list[dict], int]:
    """Lines packed into sections — escaped mrkdwn, or plain text shown exactly as written —
    (blocks, lines left out)."""
    if plain:
        chunks, shown = _pack(lines, room, budget)
        return [_plain(c) for c in chunks], len(lines) - shown
    chunks, shown = _pack([escape(line) for line in lines], room, budget)
    return [_section(c) for c in chunks], len(lines) - shown


def answer_blocks(answer: Answer, share_question: str | None = None) -> list[dict]:
    """Header, the facts, 'and N more', the sources as context, and an optional share button."""
    lang = answer.lang
    blocks: list[dict] = []
    title = escape(answer.title or "")
    if title and len(title) <= MAX_HEADER and "\n" not in title and answer.lines:
        header = {"type": "plain_text", "text": answer.title[:MAX_HEADER]}
        blocks.append({"type": "header", "text": header})
    elif title:
        blocks.append(_section(_cut(title, MAX_SECTION)))
    reserved = 3 + (1 if share_question else 0)
    budget = MAX_TEXT - len(title) - 3 * 400  # the title, the notes and the sources
    # Plain text: chat entries quoted in an answer (which may be shared to the channel) are
    # shown as typed — no Markdown, links or mentions.
    body, left_out = _sections(
        answer.lines, MAX_BLOCKS - len(blocks) - reserved, budget, plain=True
    )
    blocks.extend(body)
    more = answer.more + left_out
    if more:
        blocks.append(_context(escape(m.say("and_more", lang, n=more))))
    if answer.suggestions and answer.status in ("not_found", "ambiguous", "clarify"):
        text = m.say("suggestions", lang) + " " + " / ".join(answer.suggestions)
        blocks.append(_context(escape(text)))
    if answer.sources:
        blocks.append(_context(escape(m.sources_line(answer.sources, lang))))
    if share_question:
        button = {
            "type": "button",
            "text": {"type": "plain_text", "text": m.say("share_button", lang)},
            "action_id": SHARE_ACTION,
            "value": share_question[:2000],
        }
        blocks.append({"type": "actions", "elements": [button]})
    return blocks[:MAX_BLOCKS]


def fallback(text: str) -> str:
    """The plain `text` of a message (notifications, screen readers)."""
    return _cut(escape(text), MAX_FALLBACK)


def text_blocks(text: str) -> list[dict]:
    """Our own short text (a notice, an apology) as sections."""
    return _sections(text.split("\n"), MAX_BLOCKS)[0]


def _plain(text: str) -> dict:
    # plain_text: what the person typed is shown as typed — no Markdown, links or mentions.
    return {"type": "section", "text": {"type": "plain_text", "text": text, "emoji": False}}


def fit(reply: Reply, budget: int = MAX_TEXT, room: int = MAX_BLOCKS - 1) -> tuple[list[str], int]:
    """The reply's lines that fit (its first line always; the newest when keep_tail) and how
    many were left out."""
    lines = reply.body()
    if not lines:
        return [], 0
    head, rest = lines[:1], lines[1:]
    order = list(reversed(rest)) if reply.keep_tail else rest
    _, shown = _pack(head + order, room, budget)
    chosen = order[: max(0, shown - 1)]
    if reply.keep_tail:
        chosen.reverse()
    return head + chosen, len(rest) - len(chosen)


def left_out_note(reply: Reply, n: int) -> str:
    """…ほか12行は省略しました。すべては … で: what was left out and how to get it all."""
    key = "left_out_earlier" if reply.keep_tail else "left_out"
    return m.say(key, reply.lang, n=n, hint=reply.more_hint)


def reply_blocks(reply: Reply) -> list[dict]:
    """A command's reply as plain-text sections within Slack's limits, saying what was left out."""
    lines, left_out = fit(reply)
    blocks = [_plain(chunk) for chunk in _pack(lines, MAX_BLOCKS - 1, MAX_TEXT)[0]]
    if left_out:
        blocks.append(_context(escape(left_out_note(reply, left_out))))
    return blocks


def reply_fallback(reply: Reply) -> str:
    """The notification text of a reply: its first lines, inert."""
    return fallback("\n".join(reply.body()[:5]))


def _year_options(project_start: FiscalYear | None, current: FiscalYear) -> list[Option]:
    first = max(project_start or current - 4, current - 4)
    years = []
    year = current
    while year >= first:
        years.append(year)
        year = year - 1
    return [Option(text=PlainTextObject(text=y.code), value=y.code) for y in years]


def update_modal(
    projects: list[Project], current: FiscalYear, channel: str | None, lang: str = "ja"
) -> dict:
    """The update form: project (only the user's), initiative, fiscal year, multi-line text."""
    options = [
        Option(text=PlainTextObject(text=_cut(m.short_ref(p), 75)), value=p.key)
        for p in projects[:100]
    ]
    blocks: list[Block] = [
        InputBlock(
            block_id="project",
            label=PlainTextObject(text=m.say("update_modal_project", lang)),
            element=StaticSelectElement(
                action_id="value",
                options=options,
                initial_option=options[0] if len(options) == 1 else None,
            ),
        ),
        InputBlock(
            block_id="initiative",
            optional=True,
            label=PlainTextObject(text=m.say("update_modal_initiative", lang)),
            element=PlainTextInputElement(
                action_id="value", placeholder=PlainTextObject(text="1 / 取組名")
            ),
        ),
        InputBlock(
            block_id="year",
            label=PlainTextObject(text=m.say("update_modal_year", lang)),
            element=StaticSelectElement(
                action_id="value",
                options=_year_options(None, current),
                initial_option=Option(text=PlainTextObject(text=current.code), value=current.code),
            ),
        ),
        InputBlock(
            block_id="text",
            label=PlainTextObject(text=m.say("update_modal_text", lang)),
            element=PlainTextInputElement(action_id="value", multiline=True, max_length=3000),
        ),
    ]
    view = View(
        type="modal",
        callback_id=UPDATE_VIEW,
        title=PlainTextObject(text=m.say("update_modal_title", lang)),
        submit=PlainTextObject(text=m.say("update_modal_submit", lang)),
        close=PlainTextObject(text=m.say("update_modal_cancel", lang)),
        private_metadata=json.dumps({"channel": channel, "lang": lang}),
        blocks=blocks,
    )
    return view.to_dict()


def notice_modal(text: str, lang: str = "ja") -> dict:
    """A modal that only says something (e.g. you own no project)."""
    view = View(
        type="modal",
        title=PlainTextObject(text=m.say("update_modal_title", lang)),
        close=PlainTextObject(text="OK"),
        blocks=[SectionBlock(text=MarkdownTextObject(text=escape(text)))],
    )
    return view.to_dict()


def home_view(
    rows: list[tuple[Project, ActualEntry | None, bool]], current: FiscalYear, lang: str = "ja"
) -> dict:
    """App Home: the user's projects, each with its latest entry, a warning and an update button."""
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=m.say("home_title", lang)))]
    if not rows:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=m.say("home_none", lang))))
    # Two blocks a project, within App Home's 100 (a header, and a note when some are left out).
    shown = rows[: (MAX_VIEW_BLOCKS - 2) // 2]
    for project, latest, stale in shown:
        lines = [f"*{escape(m.short_ref(project))}*"]
        if latest is not None and latest.created_at:
            lines.append(
                m.say(
                    "home_latest",
                    lang,
                    date=m.jst(latest.created_at),
                    who=escape(latest.author_name or latest.author_id or "?"),
                )
            )
            lines.append(_cut(escape(latest.text), 300))
        if stale:
            lines.append(m.say("home_stale", lang, year=current.code))
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=_cut("\n".join(lines), MAX_SECTION)),
                accessory=ButtonElement(
                    text=PlainTextObject(text=m.say("home_update", lang)),
                    action_id=OPEN_UPDATE_ACTION,
                    value=project.key,
                ),
            )
        )
        blocks.append(DividerBlock())
    if len(rows) > len(shown):
        more = m.say("home_more", lang, n=len(rows) - len(shown))
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=escape(more))]))
    return View(type="home", blocks=blocks[:MAX_VIEW_BLOCKS]).to_dict()
