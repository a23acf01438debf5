"""The command table: every command defined once — its words, arguments, who may run it,
whether its reply is public, whether it is slow — and dispatch through it (errbot-style)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot import messages as m
from bot.commands import handlers as h
from bot.commands.reply import Reply, Request
from bot.errors import NotAuthorized, UserError

if TYPE_CHECKING:
    from bot.commands.parse import Command

logger = logging.getLogger(__name__)

Permission = Literal["anyone", "owner", "admin"]


@dataclass(frozen=True)
class Spec:
    """One command. `words[0]` is its English name; the others are what people also type
    (Japanese, synonyms; full-width forms are folded by NFKC before matching)."""

    words: tuple[str, ...]
    args: tuple[str, str]  # the arguments as shown in help: (Japanese, English)
    summary: str  # a messages.py key
    handler: Callable[[Request], Reply]
    # Who may run it. `owner`: the core checks ownership of the project named in the request.
    permission: Permission = "anyone"
    public: bool = False  # a successful reply is shown to the whole conversation
    slow: bool = False  # the reply's file is made after the acknowledgement
    hidden: bool = False  # not listed in help (ask is what any other text does)
    slow_when: Callable[[str], bool] | None = None  # slow only with these arguments
    user_ids: bool = False  # its arguments name people by their chat id (@user → id)
    # Its arguments are free text (a question, an update) whose language is the reply's; the
    # others take values (`export pdf`, `retract abc`) that say nothing of the language.
    prose: bool = False
    writes: bool = False  # it changes the store (its commit must reach the disk before a reply)

    @property
    def name(self) -> str:
        return self.words[0]

    def usage(self, lang: str) -> str:
        """`update No40 [R8] …` in the language asked."""
        args = self.args[0 if lang == "ja" else 1]
        return f"{self.name} {args}".strip()


TABLE: tuple[Spec, ...] = (
    Spec(("ask", "質問"), ("質問", "question"), "cmd_ask", h.ask, hidden=True, prose=True),
    Spec(
        ("update", "更新", "報告"),
        ("No40 [R8] [取組1] 内容", "No40 [R8] [initiative 1] what was done"),
        "cmd_update",
        h.update,
        permission="owner",
        public=True,
        prose=True,
        writes=True,
    ),
    Spec(
        ("history", "履歴"),
        ("No40 [--all]", "No40 [--all]"),
        "cmd_history",
        h.history,
        slow_when=h.wants_all,  # every entry comes as a file
    ),
    Spec(
        ("retract", "取消", "取り消し"),
        ("番号 [理由]", "ID [reason]"),
        "cmd_retract",
        h.retract,
        permission="owner",
        writes=True,
    ),
    Spec(("owners", "owners list", "担当者一覧"), ("", ""), "cmd_owners", h.owners_list),
    Spec(
        ("owners add", "担当者 追加", "owners 追加"),
        ("@ユーザー No40|担当課", "@user No40|section"),
        "cmd_owners_add",
        h.owners_add,
        permission="admin",
        user_ids=True,
        writes=True,
    ),
    Spec(
        ("owners remove", "担当者 削除", "owners 削除"),
        ("@ユーザー No40|担当課", "@user No40|section"),
        "cmd_owners_remove",
        h.owners_remove,
        permission="admin",
        user_ids=True,
        writes=True,
    ),
    Spec(("digest", "週報"), ("", ""), "cmd_digest", h.digest),
    Spec(("diff", "差分"), ("R6 R7", "R6 R7"), "cmd_diff", h.diff, slow=True),
    Spec(
        ("export", "エクスポート", "出力"),
        ("csv|xlsx|json", "csv|xlsx|json"),
        "cmd_export",
        h.export,
        slow=True,
    ),
    Spec(
        ("chart", "グラフ"),
        ("budget|timeline", "budget|timeline"),
        "cmd_chart",
        h.chart,
        slow=True,
    ),
    Spec(
        ("nudges", "通知", "お知らせ"),
        ("on|off（オン|オフ）", "on|off"),
        "cmd_nudges",
        h.nudges,
        writes=True,
    ),
    # Not bare 文書: it begins questions (文書 管理…); 文書一覧 is what an admin types.
    Spec(
        ("documents", "文書一覧", "読み込み文書"),
        ("", ""),
        "cmd_documents",
        h.documents,
        permission="admin",
    ),
    Spec(("help", "ヘルプ", "使い方"), ("", ""), "cmd_help", h.help_reply, prose=True),
)
BY_NAME = {spec.name: spec for spec in TABLE}


def is_slow(spec: Spec, args: str) -> bool:
    """Whether the reply includes a file made after the acknowledgement."""
    return spec.slow or (spec.slow_when is not None and spec.slow_when(args))


def allowed(spec: Spec, req: Request) -> bool:
    """Admin commands need an admin; `owner` is checked by the core against the project."""
    return spec.permission != "admin" or req.core.is_admin(req.who)


def as_typed_here(text: str, req: Request) -> str:
    """Usage hints are written as Slack's slash command; elsewhere (console, Teams, a DM)
    commands are typed without `/roadmap`."""
    return text if req.prefix == "/roadmap " else text.replace("/roadmap ", req.prefix)


def dispatch(spec: Spec, req: Request) -> Reply:
    """Run one command: a refusal or a usage hint becomes a private reply; never raises."""
    from bot.commands.parse import command_language

    try:
        if not allowed(spec, req):
            raise NotAuthorized("admin_only")
        reply = spec.handler(req)
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
    from bot.commands.parse import parse_command

    command = parse_command(text)
    return BY_NAME[command.name], command.args


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*</at>")


def value_language(args: str) -> str:
    """The reply language of a command taking values: English only when its words after the
    command are English prose (two words or more); one value (`export pdf`, `retract abc`,
    `chart pie`) says nothing of a language, so the reply is Japanese first, like `help`."""
    from bot.commands.parse import COMMAND_WORDS, MENTIONS, command_language

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
    from bot.commands.parse import parse_command, report_language

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
