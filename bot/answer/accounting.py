"""The mention check: every mention a question carries is used by the answer, or the answer
becomes a question back saying what was understood and what was not.

It reads the question again on its own — project numbers and ranges, names, departments,
sections, categories, fields, years, editions, amounts, negations, comparison and aggregate
words, question words — independently of how understanding read it, and compares each with
what the answer says it computed (`Answer.computed`). A mention left unused, or two mentions
collapsed into one (two projects into the first), is how a different question gets answered.
Filler, greetings, links and people's mentions are not mentions here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.answer.model import Answer, Computed
from bot.fiscal_year import FiscalYear
from bot.project_numbers import NUMBER, RANGE, numbers_in_range
from bot.understanding.lexicon import (
    EN_MONEY,
    EN_UNITS,
    LATEST,
    MONEY,
    PREVIOUS,
    YEAR,
    YEN_UNITS,
    arabic_numerals,
)
from bot.understanding.words import digits, prepare
from bot.vocabulary import Vocabulary, normalise


@dataclass(frozen=True)
class Mention:
    """One thing a question names or asks for, as written, and what would use it."""

    kind: str  # number name group year amount negation aggregate question
    text: str
    wants: tuple  # values any one of which the answer must have used


_NEGATED_AFTER = re.compile(
    r"\s*(?:の事業|の)?\s*(?:以外|を除(?:く|いた|いて)|除く|じゃ(?:ない|なく)|では(?:ない|なく)|でない|でなく)"
)
_NEGATED_BEFORE = re.compile(
    r"(?:not|except|excluding|other than|besides|outside(?: of)?)\s+(?:the\s+)?$"
)
_NEGATION = re.compile(
    r"以外|を除く|を除いた|を除いて|除外|(?<![a-z])(?:except|excluding|other than|besides)(?![a-z])"
)
# Aggregate and comparison words, and the operations any one of which uses each.
_AGGREGATES: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (
        re.compile(
            r"合計|総額|総計|合算|トータル|合わせて|足すと|(?<![a-z])(?:total|sum|combined|altogether|add(?:ed)? up)(?![a-z])"
        ),
        ("sum",),
    ),
    (re.compile(r"平均|(?<![a-z])(?:average|mean)(?![a-z])"), ("avg",)),
    (
        re.compile(
            r"差額|(?<![a-z])(?:difference|how much (?:more|less|bigger|smaller))(?![a-z])|差(?!し)"
        ),
        ("diff", "compare"),
    ),
    (
        re.compile(r"比較|比べ|対比|(?<![a-z])(?:vs\.?|versus|compare[ds]?|comparison)(?![a-z])"),
        ("compare", "diff", "side", "verdict", "group"),
    ),
    (
        re.compile(
            r"どちら|どっち|(?<![a-z])which (?:one |of (?:the|them|these) )?(?:is|has|was|had|got|gets|spends?)?\s*(?:the )?(?:larger|bigger|more|higher|greater|smaller|less|fewer|lower)"
        ),
        ("verdict",),
    ),
    (re.compile(r"割合|比率|何倍|(?<![a-z])(?:ratio|times as)(?![a-z])"), ("ratio",)),
    (
        re.compile(
            r"何件|件数|いくつ|幾つ|何個|何事業|事業数|(?<![a-z])(?:how many|number of|count)(?![a-z])"
        ),
        ("count",),
    ),
    (
        re.compile(
            r"最も|一番|いちばん|最大|最小|最多|最少|最高|最低|上位|下位|トップ|ワースト|(?<![a-z])(?:most|(?<!at )least|largest|smallest|biggest|fewest|highest|lowest|top|bottom)(?![a-z])"
        ),
        ("max", "min", "top", "bottom", "nth", "rank", "verdict", "group"),
    ),
]
# Question words and the facts any one of which answers them.
_QUESTIONS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (
        re.compile(r"いつ|何月|何日|(?<![a-z])(?:when|what date|what month)(?![a-z])"),
        ("period", "start", "end", "date", "time", "plan", "actual"),
    ),
    (
        re.compile(
            r"どこ(?!の課|の部|が担当|が所管)|どの(?:市|町|村|地域|会場)|(?<![a-z])where(?![a-z])"
        ),
        ("place", "owner"),
    ),
    (re.compile(r"誰|だれ|(?<![a-z])(?:who|whom)(?![a-z])"), ("owner", "person")),
    (
        re.compile(r"何(?:人|名|回|校|か所|カ所|ヶ所|箇所|社|台|病院|施設|市町村|団体)"),
        ("count",),
    ),
    # #22 (i22n): 委託先, 連絡先, 問い合わせ先 — a party asked for, as 誰 and どこ ask one:
    # answered by an owner or a person, or by a sentence that prints the word itself.
    (
        re.compile(r"(?:委託|連絡|問い?合わせ|契約|提出|送付|発注|外注|納入|納品|依頼|相談)先"),
        ("owner", "person", "said"),
    ),
]


def mentions(text: str, vocabulary: Vocabulary | None, now: datetime | None) -> list[Mention]:
    """Every mention the question carries, each once (the longest reading of a stretch)."""
    plain = arabic_numerals(digits(normalise(prepare(text).text)))
    used = [False] * len(plain)
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            used[i] = True

    for m in RANGE.finditer(plain):
        for n in numbers_in_range(m):
            found.append(Mention("number", m.group(0), (n,)))
        take(m.start(), m.end())
    if vocabulary is not None and vocabulary.terms:
        english = bool(re.search(r"[a-z]{3}", plain))
        for m in vocabulary.pattern(english).finditer(plain):
            if not free(m.start(), m.end()):
                continue
            surface = m.group(0)
            before = plain[m.start() - 1 : m.start()]
            after = plain[m.end() : m.end() + 1]
            latin = re.compile(r"[a-z0-9]")
            if (latin.match(surface[0]) and latin.match(before)) or (
                latin.match(surface[-1]) and latin.match(after)
            ):
                continue  # "phr" inside "phrase" is not the PHR project
            terms = vocabulary.terms_for(surface)
            take(m.start(), m.end())
            keys = tuple(t.value for t in terms if t.kind == "project")
            if keys:
                found.append(Mention("name", surface, keys))
                continue
            negated = bool(_NEGATED_AFTER.match(plain[m.end() :])) or bool(
                _NEGATED_BEFORE.search(plain[max(0, m.start() - 16) : m.start()])
            )
            op = "ne" if negated else "eq"
            found.append(
                Mention("group", surface, tuple((t.kind, op, normalise(t.value)) for t in terms))
            )
            if negated:
                after = _NEGATED_AFTER.match(plain[m.end() :])
                if after:
                    take(m.end(), m.end() + after.end())
    for m in NUMBER.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("number", m.group(0), (int(next(g for g in m.groups() if g)),)))
            take(m.start(), m.end())
    labels = vocabulary.editions if vocabulary is not None else []
    for pattern, index in ((PREVIOUS, -2), (LATEST, -1)):
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()) and len(labels) >= -index:
                found.append(Mention("year", m.group(0), (labels[index],)))
                take(m.start(), m.end())
    for m in re.finditer(YEAR, plain):
        if not free(m.start(), m.end()):
            continue
        code = _year(m.group(0), now)
        if code:
            found.append(Mention("year", m.group(0), (code,)))
        take(m.start(), m.end())
    for m in re.finditer(MONEY, plain):
        if not (m.group(2) or "円" in m.group(0)) or not free(m.start(), m.end()):
            continue
        amount = float(m.group(1).replace(",", "")) * YEN_UNITS[m.group(2)]
        found.append(Mention("amount", m.group(0), (round(amount),)))
        take(m.start(), m.end())
    for m in re.finditer(EN_MONEY, plain):
        unit = (m.group(2) or "").lower()
        if not (unit or re.search(r"yen|¥", m.group(0))) or not free(m.start(), m.end()):
            continue
        amount = float(m.group(1).replace(",", "")) * EN_UNITS.get(unit, 0.001)
        found.append(Mention("amount", m.group(0).strip(), (round(amount),)))
        take(m.start(), m.end())
    for m in _NEGATION.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("negation", m.group(0), (True,)))
    for pattern, wants in _AGGREGATES:
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("aggregate", m.group(0), wants))
                take(m.start(), m.end())
    for pattern, wants in _QUESTIONS:
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("question", m.group(0), wants))
                take(m.start(), m.end())
    return found


def _year(text: str, now: datetime | None) -> str | None:
    """A year mention's fiscal-year code, a relative one read against today (今年度 → R8)."""
    from bot.understanding import year_code  # the one reading of a year's written forms

    code = year_code(text)
    if code and code.startswith("@"):
        today = FiscalYear.of(now) if now else None
        return (today + int(code[1:])).reiwa.code if today else None
    return code


def _western(code: str) -> int | None:
    """R1 and H31 are one fiscal year: years are compared as years, not as spellings."""
    fy = FiscalYear.try_parse(code.split(":")[-1])
    return fy.western if fy else None


def used(mention: Mention, computed: Computed) -> bool:
    """Whether the answer used this mention in some role."""
    kind = mention.kind
    if kind == "number":
        return mention.wants[0] in computed.numbers
    if kind == "name":
        return any(k in computed.projects for k in mention.wants)
    if kind == "group":
        return any(w in computed.groups for w in mention.wants)
    if kind == "year":
        want = _western(mention.wants[0])
        return any(_western(y) == want for y in computed.years | computed.editions)
    if kind == "amount":
        return mention.wants[0] in computed.amounts
    if kind == "negation":
        return computed.negated
    if kind == "aggregate":
        return bool(set(mention.wants) & (computed.operations | computed.fields))
    if kind == "question":
        if "said" in mention.wants and mention.text in computed.words:
            return True  # the sentence quoted holds the very word asked (委託先として決定)
        return bool(set(mention.wants) & (computed.fields | computed.operations))
    return True


def unaccounted(
    answer: Answer, text: str, vocabulary: Vocabulary | None, now: datetime | None
) -> list[Mention]:
    """The question's mentions the answer did not use."""
    filled = _with_projects(answer)
    return [x for x in mentions(text, vocabulary, now) if not used(x, filled)]


def _with_projects(answer: Answer) -> Computed:
    """The answer's computed slots, with the projects it shows counted as used."""
    computed = Computed()
    computed.merge(answer.computed)
    for p in answer.projects:
        if p.key:
            computed.projects.add(p.key)
        computed.editions.add(p.edition.split(":")[-1])
    return computed
