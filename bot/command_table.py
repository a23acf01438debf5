"""The command table: every chat command defined once — its words, arguments, who may run it,
whether its reply is public, whether it is slow (errbot-style). Data only, below all that reads
it: parsing and dispatch (bot/commands/), the help, answers that list the commands;
bot/commands/handlers.py binds each command to its handler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.text import nfkc

Permission = Literal["anyone", "owner", "admin"]


@dataclass(frozen=True)
class Spec:
    """One command. `words[0]` is its English name; the others are what people also type
    (Japanese, synonyms; full-width forms are folded by NFKC before matching)."""

    words: tuple[str, ...]
    args: tuple[str, str]  # the arguments as shown in help: (Japanese, English)
    summary: str  # a bot.messages key
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


ALL_WORDS = {"--all", "-a", "all", "全件", "すべて", "全部"}


def wants_all(args: str) -> bool:
    """`history No40 --all`: every entry asked for."""
    return any(nfkc(w).lower() in ALL_WORDS for w in args.split())


TABLE: tuple[Spec, ...] = (
    Spec(("ask", "質問"), ("質問", "question"), "cmd_ask", hidden=True, prose=True),
    Spec(
        ("update", "更新", "報告"),
        ("No40 [R8] [取組1] 内容", "No40 [R8] [initiative 1] what was done"),
        "cmd_update",
        permission="owner",
        public=True,
        prose=True,
        writes=True,
    ),
    Spec(
        ("history", "履歴"),
        ("No40 [--all]", "No40 [--all]"),
        "cmd_history",
        slow_when=wants_all,  # every entry comes as a file
    ),
    Spec(
        ("retract", "取消", "取り消し"),
        ("番号 [理由]", "ID [reason]"),
        "cmd_retract",
        permission="owner",
        writes=True,
    ),
    Spec(("owners", "owners list", "担当者一覧"), ("", ""), "cmd_owners"),
    Spec(
        ("owners add", "担当者 追加", "owners 追加"),
        ("@ユーザー No40|担当課", "@user No40|section"),
        "cmd_owners_add",
        permission="admin",
        user_ids=True,
        writes=True,
    ),
    Spec(
        ("owners remove", "担当者 削除", "owners 削除"),
        ("@ユーザー No40|担当課", "@user No40|section"),
        "cmd_owners_remove",
        permission="admin",
        user_ids=True,
        writes=True,
    ),
    Spec(("digest", "週報"), ("", ""), "cmd_digest"),
    Spec(("diff", "差分"), ("R6 R7", "R6 R7"), "cmd_diff", slow=True),
    Spec(
        ("export", "エクスポート", "出力"),
        ("csv|xlsx|json", "csv|xlsx|json"),
        "cmd_export",
        slow=True,
    ),
    Spec(
        ("chart", "グラフ"),
        ("budget|timeline", "budget|timeline"),
        "cmd_chart",
        slow=True,
    ),
    Spec(
        ("nudges", "通知", "お知らせ"),
        ("on|off（オン|オフ）", "on|off"),
        "cmd_nudges",
        writes=True,
    ),
    # Not bare 文書: it begins questions (文書 管理…); 文書一覧 is what an admin types.
    Spec(
        ("documents", "文書一覧", "読み込み文書"),
        ("", ""),
        "cmd_documents",
        permission="admin",
    ),
    Spec(("help", "ヘルプ", "使い方"), ("", ""), "cmd_help", prose=True),
)
BY_NAME = {spec.name: spec for spec in TABLE}


def is_slow(spec: Spec, args: str) -> bool:
    """Whether the reply includes a file made after the acknowledgement."""
    return spec.slow or (spec.slow_when is not None and spec.slow_when(args))


def usages(lang: str) -> list[str]:
    """Every listed command's usage line (`update No40 [R8] …`), in the table's order."""
    return [spec.usage(lang) for spec in TABLE if not spec.hidden]
