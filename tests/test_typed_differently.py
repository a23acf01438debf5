"""The same question typed differently is answered the same (#22): a question word ending in
ですか or でしたっけ, a leading すみません, full-width digits, the question mark left off, English
in lower case or with "quick q:" before it. Every ninth question of the blind bank answered
right is typed each way and graded with its own gold."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re

import pytest

from bot.answer import ask
from tests.bank.checker import BANK, grade, questions, when

_ASKED_LAST = r"(どこ|いつ|いくら|何件|どれ|誰|いくつ|何年度)[？?]$"


def typed(text: str, lang: str) -> list[str]:
    """The ways a question is typed again (each keeps its meaning)."""
    if lang == "en":
        out = [text.lower(), f"quick q: {text}", text.rstrip("?")]
    else:
        out = ["すみません、" + text, text.translate({c: c + 0xFEE0 for c in range(48, 58)})]
        out += [text[:-1]] if text.endswith(("？", "?")) else []
        if re.search(_ASKED_LAST, text):
            out += [
                re.sub(_ASKED_LAST, r"\1ですか？", text),
                re.sub(_ASKED_LAST, r"\1でしたっけ？", text),
            ]
    return [v for v in dict.fromkeys(out) if v != text]


KNOWN = set(json.loads((BANK / "known.json").read_text(encoding="utf-8")))
CASES = [
    (q, v)
    for q in itertools.islice(questions(), 3, None, 9)
    if not q.scenario and q.id not in KNOWN
    # A mention's platform id is typed as the platform sends it, never in full width.
    for v in typed(q.text, q.lang)
    if "<@" not in q.text
]


@pytest.mark.parametrize(("q", "text"), CASES, ids=lambda x: getattr(x, "id", None))
def test_typed_differently_stays_right(shared, q, text):
    result = grade(dataclasses.replace(q, text=text), ask(shared, text, now=when(q.now)))
    assert result.outcome == "right", (text, result.reasons, result.text)
