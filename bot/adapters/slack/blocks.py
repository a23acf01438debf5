"""Core data → Block Kit, kept inside Block Kit's limits.

Replies to questions are built as plain dicts: they are on every request's path, and
slack_sdk's model objects cost about half a millisecond per reply to build and serialise.
The rarer modals and App Home use the models. Tests validate both kinds with slack_sdk."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
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
from bot.answer import Answer
from bot.fiscal_year import FiscalYear
from bot.models import ActualEntry, Project

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FALLBACK = 3000
UPDATE_VIEW = "roadmap_update"
SHARE_ACTION = "share_answer"
OPEN_UPDATE_ACTION = "open_update_modal"


def escape(text: str) -> str:
    """User or document text made inert: &, <, > escaped so nothing pings or links."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def _section(text: str) -> dict:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [_mrkdwn(_cut(text, MAX_SECTION))]}


def _sections(lines: list[str], room: int) -> tuple[list[dict], int]:
    """Lines packed into section blocks of at most 3,000 characters; (blocks, lines left out)."""
    blocks: list[dict] = []
    chunk = ""
    used = 0
    for line in lines:
        line = _cut(escape(line), MAX_SECTION)
        if chunk and len(chunk) + 1 + len(line) > MAX_SECTION:
            if len(blocks) >= room:
                break
            blocks.append(_section(chunk))
            chunk = ""
        chunk = f"{chunk}\n{line}" if chunk else line
        used += 1
    if chunk and len(blocks) < room:
        blocks.append(_section(chunk))
    elif chunk:
        used -= chunk.count("\n") + 1
    return blocks, len(lines) - used


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
    body, left_out = _sections(answer.lines, MAX_BLOCKS - len(blocks) - reserved)
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
    """A plain reply as one or more sections."""
    return _sections(text.split("\n"), MAX_BLOCKS)[0]


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
        Option(text=PlainTextObject(text=_cut(f"No{p.no} {p.name}", 75)), value=p.key)
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
    for project, latest, stale in rows[: (MAX_BLOCKS - 2) // 3]:
        lines = [f"*No{project.no} {escape(project.name)}*"]
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
    return View(type="home", blocks=blocks[:MAX_BLOCKS]).to_dict()
