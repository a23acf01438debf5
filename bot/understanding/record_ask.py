"""What a question asks of the chat record (#27), as read: the slots, the operation it
settles on, and a cheap look at whether a question could be about the record at all — the
record's many patterns (bot/understanding/record.py) are compiled only for those that could,
so a process answering one question about a budget never builds them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding.periods import Period

# Every record question holds one of these (a superset of what record.py reads as one).
_MAYBE = re.compile(
    r"報告|投稿|更新|履歴|アップデート|レポート|進捗|状況|た人|未提出|担当者|担当(?:って|は)\s*(?:誰|だれ)"
    r"|オーナー|さん|様|氏|くん|自分|私|わたし|わたくし|僕|ぼく|俺|おれ"
    r"|report|updat|post|submission|histor|own|(?<![a-z])(?:my|me|i|mine|myself)(?![a-z])"
)


# 「あとで課長に報告します！」, "I'll pass it on to my boss": what the asker will do next, at
# the end of a sentence — never a question about the record.
OWN_PLAN = re.compile(
    r"(?:報告|共有|連絡|相談|確認|回答|展開|説明)(?:を)?(?:して)?(?:おき|しとき)?"
    r"(?:します|しますね|しときます|いたします|させていただきます|する予定です|するつもりです)"
    r"(?:ね|ので|ー|〜)?\s*[!！。.♪☺️🙏]*\s*(?=$|[。！？!?])"
    r"|(?<![a-z])(?:i'll|i will|i'm going to|will) (?:report|pass|share|forward|relay|update)"
    r"[^.?!]{0,40}(?:boss|manager|chief|team|them|him|her|everyone)[^?]*$"
)


def might_be_record(text: str, people: list[str]) -> bool:
    """Whether a (normalised) question could be about the record: a mention, or a word of one."""
    return bool(people) or bool(_MAYBE.search(OWN_PLAN.sub(" ", text)))


@dataclass
class Person:
    """A person a question names: the asker (me), a name as said, or a chat id."""

    kind: str  # me | name
    said: str
    role: str = "author"  # author (what they reported) | owner (what they own)


@dataclass
class RecordAsk:
    """What a question asks of the record, as read."""

    subject: str  # reports | projects | reporters | ranking | owners | missing | unowned | silent
    periods: list[Period] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    latest: bool = False
    oldest: bool = False  # oldest first (古い順)
    first: bool = False  # the very first report (最初の報告)
    retracted: bool = False  # asks about the retracted reports themselves
    report_years: list[str] = field(default_factory=list)  # codes, @0 relative, "past"
    running: list[str] = field(default_factory=list)  # fiscal years projects run in (@0…)
    initiative: int | None = None
    which_initiative: bool = False
    rank: str | None = None  # max | min: most / fewest reports
    group: str | None = None  # counts per project, person, department, section, category
    limit: int | None = None  # the newest N reports (直近の報告を5件)
    numbers: list[int] = field(default_factory=list)  # counts said (5件, 2件以上), as said
    per: str = "project"  # what a ranking ranks: project | person
    more_than: int | None = None  # projects with more than N reports
    owners: bool = False  # the owners of the projects are asked
    who: bool = False
    only_earlier: bool = False  # reported, but only for years before the one asked
    said: list[str] = field(default_factory=list)  # the record words as written
