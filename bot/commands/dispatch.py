"""A line from any front end run through the command table: the command it names, the reply
language, who may run it, and the handler's reply (data) — never an exception."""

from __future__ import annotations

import logging
import re

from bot import messages as m
from bot.command_table import BY_NAME, Spec
from bot.commands.handlers import HANDLERS
from bot.commands.parse import (
    COMMAND_WORDS,
    MENTIONS,
    Command,
    command_language,
    parse_command,
    report_language,
)
from bot.commands.reply import Reply, Request
from bot.errors import NotAuthorized, UserError

logger = logging.getLogger(__name__)


def allowed(spec: Spec, req: Request) -> bool:
    """Admin commands need an admin; `owner` is checked by the core against the project."""
    return spec.permission != "admin" or req.core.is_admin(req.who)


def as_typed_here(text: str, req: Request) -> str:
    """Usage hints are written as Slack's slash command; elsewhere (console, Teams, a DM)
    commands are typed without `/roadmap`."""
    return text if req.prefix == "/roadmap " else text.replace("/roadmap ", req.prefix)


def dispatch(spec: Spec, req: Request) -> Reply:
    """Run one command: a refusal or a usage hint becomes a private reply; never raises."""
    try:
        if not allowed(spec, req):
            raise NotAuthorized("admin_only")
        reply = HANDLERS[spec.name](req)
        reply.public = reply.public and spec.public and not reply.error
        reply.command = f"{spec.name} {req.args}".strip()
        reply.text = as_typed_here(reply.text, req)
        return reply
    except UserError as error:
        lang = req.lang or command_language(req.text)
        return Reply(lang, as_typed_here(m.error_text(error, lang), req), error=True)
    except Exception:
        logger.exception("command %s failed", spec.name)
        lang = req.lang or command_language(req.text)
        return Reply(lang, m.say("error_generic", lang), error=True)


def lookup(text: str) -> tuple[Spec, str]:
    """The command a line names (a question when none) and the rest of the line."""
    command = parse_command(text)
    return BY_NAME[command.name], command.args


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*</at>")


def value_language(args: str) -> str:
    """The reply language of a command taking values: English only when its words after the
    command are English prose (two words or more); one value (`export pdf`, `retract abc`,
    `chart pie`) says nothing of a language, so the reply is Japanese first, like `help`."""
    lang = command_language(args)
    prose = COMMAND_WORDS.sub(" ", MENTIONS.sub(" ", args))
    if lang == "en" and len(re.findall(r"\b[A-Za-z]{2,}\b", prose)) < 2:
        return "ja"
    return lang


def handle(
    core,
    who,
    text: str,
    *,
    prefix: str = "",
    channel: str | None = None,
    request_id: str | None = None,
    dedupe_key: str | None = None,
    command: Command | None = None,
) -> tuple[Spec, Reply]:
    """One line from any front end → its command and the reply (data); `command` is the
    line already parsed (a front end that needed it first parses once)."""
    command = command or parse_command(text)
    spec, args = BY_NAME[command.name], command.args
    if command.mistyped:
        # Nothing is run for a near-miss: `updte No40 …` recorded as a question would let the
        # person believe the update was recorded.
        lang = value_language(args)
        word = command.mistyped[:40]
        return spec, Reply(
            lang, m.say("command_mistyped", lang, word=word, guess=command.guess), error=True
        )
    # `help`, `history No40` are command words: the language is the rest's, Japanese by default.
    # A question's is its answer's own (the answer reads it): "" until a refusal needs it.
    if not spec.prose:
        lang = value_language(args)
    elif spec.name == "ask":
        lang = ""
    else:
        lang = report_language(args or text)
    if spec.name.startswith("owners") and MENTION.search(text) and not JAPANESE.search(text):
        # `owners add <@U1> No40` typed in a chat holds only a mention and a number: the
        # command word's language. A bare id (the console) is Japanese, like `help`.
        lang = "en"
    if spec.name == "ask":
        args = args or text
    request = Request(
        core,
        who,
        args,
        lang,
        text=text,
        channel=channel,
        request_id=request_id,
        dedupe_key=dedupe_key,
        prefix=prefix,
    )
    return spec, dispatch(spec, request)
