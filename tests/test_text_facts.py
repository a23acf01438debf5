"""#24 item 1: facts inside the text, generated from the documents.

Every sentence of 主な取組実績 and 概要 holding a count, a date, a place or an amount becomes a
question of the matching kind, in Japanese, English and both mixed, naming the project and
the words printed just before the value. The expected value and line are read here from the
document's own text (this file's own patterns), never from the answering code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from bot.answer import ask
from bot.sources import default_sources

COUNTERS = "件|名|人|回|校|か所|会場|病院|施設|市町村|薬局|地域"
COUNT = re.compile(rf"(?<![\d,.])(\d[\d,]*)\s*({COUNTERS})")
DATE = re.compile(r"(?:R|令和)\s*\d{1,2}\s*年\s*\d{1,2}\s*月(?:末)?")
AMOUNT = re.compile(r"(?<![\d,.])\d[\d,]*\s*千円")
PLACE = re.compile(r"[一-龥ァ-ヶー]+(?:保健所|科学館|センター)(?=に|で|へ)")
RUN = re.compile(r"[一-龥ァ-ヶーA-Za-z]{2,}")
# Counted words the English phrasing uses.
EN_COUNTER = {
    "件": "cases",
    "名": "people",
    "人": "people",
    "回": "times",
    "校": "schools",
    "か所": "venues",
    "会場": "venues",
    "病院": "hospitals",
    "施設": "facilities",
    "市町村": "municipalities",
    "薬局": "pharmacies",
    "地域": "areas",
}


@dataclass(frozen=True)
class Printed:
    """One value printed in a sentence of a document, and the words just before it."""

    edition: str
    ref: str  # how a question names the project: No40, or R6版 + its name
    line: int
    sentence: str
    kind: str
    value: str
    words: str
    counter: str = ""


def _blocks(lines: list[str]):
    """(ref, label cell, text, line) of each 概要 and 主な取組実績 of a document."""
    heading = pending = None
    name = None
    for number, raw in enumerate(lines, start=1):
        cells = [c.strip() for c in raw.split("\t")]
        first = next((c for c in cells if c), "")
        if m := re.fullmatch(r"[【\[]No(\d+)[】\]]", first):
            pending = f"No{m.group(1)}"
        label = re.sub(r"\s", "", first)
        if label == "分野":  # a block: its heading, or none printed (No33)
            heading, pending = pending, None
        if label == "事業名":
            name = next(c for c in cells[1:] if c)
            if "R7事業費" not in raw and "R6事業費" in raw:
                heading = None
        if label in ("概要", "主な取組実績"):
            text = " ".join(c for c in cells[1:] if c and not c.startswith("事業終期"))
            yield heading, name, label, re.sub(r"<[^>]+>", " ", text), number


def printed_values() -> list[Printed]:
    found = []
    for path in default_sources():
        lines = path.read_text(encoding="utf-8").split("\n")
        edition = "R7" if any("R7事業費" in x for x in lines) else "R6"
        for heading, name, _label, text, line in _blocks(lines):
            if edition == "R7" and heading is None:
                continue  # a project whose number the document does not print (No33)
            ref = heading if edition == "R7" else f"R6版の{name}"
            for sentence in re.split(r"(?:^|\s)[・○]|。", text):
                sentence = sentence.strip()
                found += _values(edition, ref, line, sentence, name or "")
    return found


def _values(edition: str, ref: str, line: int, sentence: str, name: str) -> list[Printed]:
    out = []
    spans = []
    for pattern, kind in ((DATE, "date"), (AMOUNT, "amount"), (COUNT, "count"), (PLACE, "place")):
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            spans.append((m.start(), m.end()))
            before = sentence[: m.start()]
            runs = [
                r
                for r in RUN.findall(before)
                if r not in ("R", "令和", "年度", "年", "月") and not re.fullmatch(r"[RH]\d*", r)
            ]
            if not runs and kind != "date":
                continue
            # The longest word since the previous value: what this one counts; a date is
            # printed before what happened then (R6年8月、検討会議を設置).
            previous = max([b for a, b in spans if b <= m.start()] or [0])
            near = RUN.findall(sentence[previous : m.start()]) or runs[-1:]
            if kind == "date":
                near = RUN.findall(DATE.split(sentence[m.end() :])[0])
            near = [r for r in near if r not in name]  # the project's own name says nothing
            if not near:
                continue
            words = max(near, key=len)
            counter = m.group(2) if kind == "count" else ""
            out.append(Printed(edition, ref, line, sentence, kind, m.group(0), words, counter))
    # A sentence printing the same words before two values cannot tell them apart.
    taken = [p.words for p in out]
    return [p for p in out if taken.count(p.words) == 1 and len(p.words) >= 3]


def phrasings(p: Printed) -> list[tuple[str, str]]:
    if p.kind == "count":
        en = EN_COUNTER[p.counter]
        return [
            ("ja", f"{p.ref}の{p.words}は何{p.counter}？"),
            ("en", f"How many {en} for {p.words} in {p.ref}?"),
            ("mixed", f"{p.ref}の{p.words}、how many {en}?"),
            # Whether there were any is asked by how many there were.
            ("en", f"Were there any {en} for {p.words} in {p.ref}?"),
        ]
    if p.kind == "date":
        return [
            ("ja", f"{p.ref}の{p.words}はいつ？"),
            ("en", f"When was {p.words} in {p.ref}?"),
            ("mixed", f"{p.ref}の{p.words}って when?"),
        ]
    if p.kind == "amount":
        return [
            ("ja", f"{p.ref}の{p.words}の金額はいくら？"),
            ("en", f"How much was {p.words} in {p.ref}?"),
        ]
    return [
        ("ja", f"{p.ref}の{p.words}はどこ？"),
        ("en", f"Where was {p.words} in {p.ref}?"),
        ("mixed", f"{p.ref}の{p.words}って where?"),
    ]


CASES = [(p, lang, q) for p in printed_values() for lang, q in phrasings(p)]


def test_the_documents_hold_every_kind_of_value():
    kinds = {p.kind for p, _, _ in CASES}
    assert kinds == {"count", "date", "amount", "place"}
    assert len({(p.ref, p.value) for p, _, _ in CASES}) >= 25


@pytest.mark.parametrize(("printed", "lang", "question"), CASES, ids=lambda x: str(x)[:40])
def test_a_value_of_the_text_is_stated_quoted_and_cited(store, printed, lang, question):
    a = ask(store, question)
    assert a.status == "ok", (question, a.text)
    value = re.sub(r"\s", "", printed.value)
    assert value in re.sub(r"\s", "", a.title), (question, a.text)  # the value itself, stated
    assert printed.line in [s.line for s in a.sources], (question, a.text)
    assert printed.edition in {s.edition.split(":")[-1] for s in a.sources}


TOTALS = [
    # (question, the parts printed in one text, its line) — read from the R7 document.
    ("No30のR6交付決定数、ロボット・ICT・パッケージを合算すると何件？", (148, 30, 57), 136),
    ("No45の講座の修了者は全部合わせて何名？", (34, 30, 15), 396),
]


@pytest.mark.parametrize(("question", "parts", "line"), TOTALS)
def test_a_total_adds_the_values_printed_together_and_shows_them(store, question, parts, line):
    a = ask(store, question)
    assert a.status == "ok", a.text
    assert f"{sum(parts):,}" in a.title and all(str(n) in a.title for n in parts), a.text
    assert a.value is not None and a.value.amount == sum(parts)
    assert line in [s.line for s in a.sources]


NOT_PRINTED = [
    # Asked of a sentence that prints no value of that kind: what was searched is said, and
    # neither the period, the card nor the summary is given instead.
    "公衆衛生DXで各保健所に配備したモバイル端末って何台？",
    "No47の路上装置って何台増設するの？",
    "スマートAomoriのコンサル向け講習会の参加者は何人？",
]


@pytest.mark.parametrize("question", NOT_PRINTED)
def test_a_value_the_text_does_not_print_is_not_stated(store, question):
    a = ask(store, question)
    assert a.status == "not_stated", a.text
    assert "期間" not in a.title and "概要" not in a.title.split("（")[0]


def test_a_year_in_the_question_is_the_fiscal_year_not_the_edition(store):
    # The R7 edition's 主な取組実績 tells of R6: 「R6は何病院」 is answered from it.
    a = ask(store, "No26はR6に何病院に補助した？")
    assert a.status == "ok" and "1病院" in a.title, a.text
    assert {s.edition for s in a.sources} == {"R7"} and 67 in [s.line for s in a.sources]
