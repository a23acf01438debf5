"""What a command handler is given and what it returns: plain data, rendered by each front end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.answer import Answer
from bot.models import Project
from bot.updates import Identity

if TYPE_CHECKING:
    from bot.service import Core


@dataclass(frozen=True)
class FileOut:
    """A file a command produces: its safe name, bytes and a title."""

    name: str
    data: bytes
    title: str


@dataclass
class Request:
    """One command as typed: who, the words after the command, the language and where."""

    core: Core
    who: Identity
    args: str
    lang: str
    text: str = ""  # the whole line (questions are answered from it)
    channel: str | None = None
    request_id: str | None = None
    dedupe_key: str | None = None
    prefix: str = ""  # how the front end's commands begin: "/roadmap " on Slack's slash command


@dataclass
class Reply:
    """A command's result. Text is as the person should read it (never escaped for a platform)."""

    lang: str
    text: str = ""
    lines: list[str] = field(default_factory=list)  # the body, which a front end may shorten
    answer: Answer | None = None  # a question's answer (rendered as the platform renders answers)
    share: str | None = None  # the question, when the answer may be shared to the channel
    public: bool = False  # shown to everyone in the conversation, not only the asker
    error: bool = False  # a refusal or a usage hint: always shown only to the asker
    form: bool = False  # open the update form with these projects
    projects: list[Project] = field(default_factory=list)
    file: Callable[[], FileOut] | None = None  # made after the reply: slow
    chart: str | None = None  # the chart (budget, timeline) the file holds
    keep_tail: bool = False  # when lines must be left out, keep the last ones (the newest)
    more_hint: str = ""  # how to get every line when some are left out
    complete: bool = False  # every line was asked for: send it all (as a file or several parts)
    command: str = ""  # the command as typed, without a front end's prefix (set by dispatch)

    def body(self) -> list[str]:
        """The text's lines followed by the body lines."""
        return ([*self.text.split("\n")] if self.text else []) + self.lines


def shown_to_all(reply: Reply) -> bool:
    """Whether a reply to a message in a shared conversation (a Slack mention, a Teams channel)
    is shown to everyone there: what the command table makes public (an update's confirmation)
    and answers to questions — a question asked aloud is answered aloud, with its source.
    Everything else (history, owners, nudges, refusals…) is for the asker only."""
    return not reply.error and (reply.public or reply.answer is not None)
