"""Small talk never changes an answer (#22): a question said among greetings, weather, context
clauses and thanks — in sentences of their own, or a clause before it (〜件で恐縮ですが、) — is
answered exactly as the question alone. Generated over every numbered project of the R7
edition × several kinds of chat × Japanese and English; expected values read off the
documents' lines (tests/document_lines.py), and the bank's own right answers wrapped in chat
are graded with their gold."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest

from bot.answer import ask
from bot.understanding.parts import sentences_of
from tests.bank.checker import BANK, grade, questions, when
from tests.conftest import R7_FILE
from tests.document_lines import rows

NUMBERED = [r for r in rows(R7_FILE) if r.no is not None]

JA_CHAT = [
    "おはようございます。今日は雪がすごいですね⛄ {q}",
    "お疲れ様です！先日の打合せで話題に出た件で恐縮ですが、{q}",
    "{q} 急ぎじゃないです🙏 よろしくお願いします。",
    "課長に聞かれたんですけど、{q}",
]
EN_CHAT = [
    "Morning! It's snowing a lot here lol. {q}",
    "Hope you had a good weekend 😊 Anyway, my boss asked me something: {q}",
    "{q} Thanks a ton, and stay warm!",
]


@pytest.mark.parametrize("row", NUMBERED, ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize("chat", JA_CHAT)
def test_japanese_chat_leaves_the_answer_alone(shared, row, chat):
    """The section asked is the one printed, and the answer is the question's own, word for
    word."""
    question = f"No{row.no}の担当課はどこですか？"
    alone = ask(shared, question)
    said = ask(shared, chat.format(q=question))
    assert said.status == "ok", (chat, said.text)
    assert all(s in said.text for s in row.sections), (row.sections, said.text)
    assert said.text == alone.text


@pytest.mark.parametrize("row", NUMBERED[::2], ids=lambda r: f"No{r.no}")
@pytest.mark.parametrize("chat", EN_CHAT)
def test_english_chat_leaves_the_answer_alone(shared, row, chat):
    """The budget asked is the one printed (in thousand yen), the answer the question's own."""
    question = f"What's the R7 budget for No{row.no}?"
    alone = ask(shared, question)
    said = ask(shared, chat.format(q=question))
    assert said.status == "ok", (chat, said.text)
    assert f"{row.budget:,} thousand yen" in said.text, said.text
    assert said.text == alone.text


@pytest.mark.parametrize(
    "chat",
    [
        # Context the roadmap knows is kept: it names the project asked about.
        ("先日の会議でドローンの話が出ました。予算はいくら？", "UAV"),
        ("I'm looking at the nursing care stuff. Which projects are there?", "介護"),
    ],
)
def test_context_the_roadmap_knows_is_kept(shared, chat):
    """A sentence with a word the documents print (ドローン → UAV) is no small talk."""
    question, word = chat
    said = ask(shared, question)
    assert said.status in ("ok", "clarify"), said.text
    assert word in said.text, said.text


def test_sentences_are_cut_at_ends_emoji_and_context_clauses():
    """Where a message's sentences end: 。？! and an emoji before a space, and a context clause
    (〜ですが、) — never inside a question's own clauses."""
    assert sentences_of("今日は雪ですね⛄ No38の担当課は？") == [
        "今日は雪ですね。",
        "No38の担当課は？",
    ]
    assert sentences_of("打合せの件で恐縮ですが、No43の担当課は？") == [
        "打合せの件で恐縮ですが、",
        "No43の担当課は？",
    ]
    assert sentences_of("No40とNo41、予算はどっちが多い？") == ["No40とNo41、予算はどっちが多い？"]
    assert sentences_of("Hi team! Quick one: what's No40's budget?") == [
        "Hi team!",
        "Quick one:",
        "what's No40's budget?",
    ]


KNOWN = set(json.loads((BANK / "known.json").read_text(encoding="utf-8")))
# Every seventh question of the bank the bot answers right (the record's own scenarios aside).
SAMPLE = [
    q for q in itertools.islice(questions(), 0, None, 7) if not q.scenario and q.id not in KNOWN
]


@pytest.mark.parametrize("q", SAMPLE, ids=lambda q: q.id)
def test_bank_questions_wrapped_in_chat_stay_right(shared, q):
    """A blind-written question answered right stays right among small talk."""
    chat = (EN_CHAT if q.lang == "en" else JA_CHAT)[int(q.id[-3:]) % 3]
    wrapped = dataclasses.replace(q, text=chat.format(q=q.text))
    result = grade(wrapped, ask(shared, wrapped.text, now=when(q.now)))
    assert result.outcome == "right", (wrapped.text, result.reasons, result.text)
