"""Core data → Adaptive Cards (schema 1.5) built with the Teams SDK's card models."""

from __future__ import annotations

import json
import uuid

from microsoft_teams.api import MessageActivityInput
from microsoft_teams.cards import (
    AdaptiveCard,
    Choice,
    ChoiceSetInput,
    RichTextBlock,
    SubmitAction,
    TextBlock,
    TextInput,
    TextRun,
)

from bot import messages as m
from bot.answer import Answer
from bot.digest import Digest
from bot.fiscal_year import FiscalYear
from bot.models import Project

VERSION = "1.5"
MAX_LINES = 40
MAX_MESSAGE_BYTES = 26_000  # Teams refuses messages over about 28 KB: keep a margin
UPDATE_ACTION = "roadmap_update"
DIGEST_MARKER = "roadmap-digest"  # the id prefix of a digest card's title (#16)


def _card(body: list) -> AdaptiveCard:
    return AdaptiveCard(version=VERSION, body=body)


def _fits(card: AdaptiveCard, text: str) -> bool:
    size = len(
        json.dumps(card.model_dump(by_alias=True, exclude_none=True), ensure_ascii=False).encode()
    ) + len(text.encode())
    return size <= MAX_MESSAGE_BYTES


def answer_message(answer: Answer) -> MessageActivityInput:
    """The answer as a card (title, facts, sources) with the plain text as fallback."""
    lang = answer.lang
    lines = answer.lines[:MAX_LINES]
    more = answer.more + max(0, len(answer.lines) - MAX_LINES)
    while True:
        body = [TextBlock(text=answer.title or "", weight="Bolder", size="Medium", wrap=True)]
        # A TextRun is never read as Markdown: document and chat text are shown as written.
        body += [RichTextBlock(inlines=[TextRun(text=line)], spacing="Small") for line in lines]
        if more:
            body.append(TextBlock(text=m.say("and_more", lang, n=more), is_subtle=True, wrap=True))
        if answer.suggestions and answer.status in ("not_found", "ambiguous", "clarify"):
            body.append(
                TextBlock(
                    text=m.say("suggestions", lang) + " " + " / ".join(answer.suggestions),
                    wrap=True,
                )
            )
        if answer.sources:
            body.append(
                TextBlock(
                    text=m.sources_line(answer.sources, lang),
                    is_subtle=True,
                    size="Small",
                    wrap=True,
                )
            )
        card = _card(body)
        fallback = answer.text[:4000]
        if _fits(card, fallback) or not lines:
            return MessageActivityInput(text=fallback, text_format="plain").add_card(card)
        drop = max(1, len(lines) // 4)  # too big for Teams: show fewer lines, count the rest
        lines, more = lines[:-drop], more + drop


def text_message(text: str) -> MessageActivityInput:
    """A short plain reply (a nudge): shown as typed, never as Markdown or HTML."""
    return MessageActivityInput(text=text[:8000], text_format="plain")


def update_form(
    projects: list[Project], current: FiscalYear, lang: str = "ja"
) -> MessageActivityInput:
    """The update form: the user's projects, initiative, fiscal year, text."""
    years = [current - n for n in range(0, 5)]
    card = AdaptiveCard(
        version=VERSION,
        body=[
            TextBlock(text=m.say("update_modal_title", lang), weight="Bolder", size="Medium"),
            ChoiceSetInput(
                id="project",
                label=m.say("update_modal_project", lang),
                is_required=True,
                value=projects[0].key if len(projects) == 1 else None,
                choices=[Choice(title=m.short_ref(p)[:80], value=p.key) for p in projects[:100]],
            ),
            TextInput(
                id="initiative",
                label=m.say("update_modal_initiative", lang),
                placeholder="1 / 取組名",
            ),
            ChoiceSetInput(
                id="year",
                label=m.say("update_modal_year", lang),
                value=current.code,
                choices=[Choice(title=y.code, value=y.code) for y in years],
            ),
            TextInput(
                id="text",
                label=m.say("update_modal_text", lang),
                is_multiline=True,
                max_length=3000,
                is_required=True,
            ),
        ],
        # A form id per card: a double-clicked submit appends once.
        actions=[
            SubmitAction(
                title=m.say("update_modal_submit", lang),
                data={"action": UPDATE_ACTION, "form": uuid.uuid4().hex, "lang": lang},
            )
        ],
    )
    title = m.say("update_modal_title", lang)
    return MessageActivityInput(text=title, text_format="plain").add_card(card)


def digest_marker(prefecture: str, week: str) -> str:
    """Which digest a card is, as its title's element id: Teams keeps an element's id (it is
    part of the card schema), so the card read back through Microsoft Graph still says it.
    The prefecture is its ISO 3166-2 code (JP-02 for 青森県): an id in plain ASCII."""
    from bot.prefectures import PREFECTURES

    code = (
        f"JP-{PREFECTURES.index(prefecture) + 1:02d}" if prefecture in PREFECTURES else prefecture
    )
    return f"{DIGEST_MARKER}:{code}:{week}"


def digest_message(d: Digest, lang: str = "ja", marker: str | None = None) -> MessageActivityInput:
    """The weekly digest as a card (lists summarised with a count), its title marked."""
    from bot.digest import digest_text

    text = digest_text(d, lang)
    lines = text.split("\n")
    body = [TextBlock(id=marker, text=lines[0], weight="Bolder", size="Medium", wrap=True)]
    body += [TextBlock(text=line, wrap=True, spacing="None") for line in lines[1:MAX_LINES]]
    if len(lines) > MAX_LINES:
        body.append(
            TextBlock(
                text=m.say("digest_more", lang, n=len(lines) - MAX_LINES, command="digest"),
                is_subtle=True,
                wrap=True,
            )
        )
    return MessageActivityInput(text=lines[0], text_format="plain").add_card(_card(body))
