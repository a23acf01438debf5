"""Years and editions in a question: R7で終わる, started before R5, R6版, 来年度, FY2026."""

from __future__ import annotations

import re

from bot.fiscal_year import FiscalYear
from bot.understanding.lexicon import (
    ADDED,
    CHANGE_WORDS,
    EDITION_MARK,
    END_WORDS,
    LABELLED_BUDGET,
    LATEST,
    NEWLY,
    NO_END,
    PREVIOUS,
    RELATIVE,
    START_WORDS,
    YEAR,
)
from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text
from bot.vocabulary import Vocabulary

EDITION_YEAR = "@edition"  # the year of the edition asked about (新しく始まった事業 in R7 → R7)


def year_code(text: str) -> str | None:
    """The fiscal-year code of a year mention (R7; FY2025 → R7; H31 stays H31; 来年度 → @1,
    a year relative to the edition's own, resolved when the edition is known)."""
    if text in RELATIVE:
        return f"@{RELATIVE[text]}"
    if m := re.fullmatch(r"(this|next|last) (?:fiscal )?year", text):
        return f"@{ {'this': 0, 'next': 1, 'last': -1}[m.group(1)] }"
    text = re.sub(r"\s+", "", text).upper().replace("令和", "R").replace("平成", "H")
    text = re.sub(r"年度?$", "", text)
    fy = FiscalYear.try_parse(text)
    if fy is None:
        return None
    if text.startswith(("R", "H")):
        return f"{text[0]}{int(text[1:])}"
    return fy.reiwa.code if fy.western >= 2019 else f"H{fy.western - 1988}"


def read_edition(t: Text, query: Query) -> None:
    """R6版, R6 edition, 令和6年度版, 前の版, 最新版, R6事業費 (the budget that edition prints)."""
    for m in t.find(PREVIOUS):
        query.edition = "previous"
        t.take(m.start(), m.end())
    for m in t.find(LATEST):
        query.edition = query.edition or "latest"
        t.take(m.start(), m.end())
    for m in t.find(EDITION_MARK):
        western = m.group(3) or m.group(4)
        code = year_code(f"{western}年度" if western else f"R{m.group(1) or m.group(2)}")
        if code:
            query.edition = code
            t.take(m.start(), m.end())
    for m in t.find(LABELLED_BUDGET):
        query.edition = query.edition or f"R{int(m.group(1))}"
        query.budget_year = f"R{int(m.group(1))}"
        query.fields.append("budget")
        t.take(m.start(), m.end())


def _near(text: str, start: int, end: int, pattern: str, before: int = 14, after: int = 16) -> bool:
    return bool(
        re.search(pattern, text[max(0, start - before) : start] + " " + text[end : end + after])
    )


def read_year_filters(t: Text, query: Query) -> None:
    """R7で終わる, started before R5, 事業期間がR5〜R9, 終期が未定."""
    text = t.text
    for m in t.find(NO_END):
        query.filters.append(Filter("end", "eq", None))
        t.take(m.start(), m.end())
    for m in t.find(ADDED):
        query.filters.append(Filter("added", "eq", True))
        t.take(m.start(), m.end())
    for m in t.find(NEWLY):
        query.filters.append(Filter("start", "eq", EDITION_YEAR))  # started in the edition's year
        t.take(m.start(), m.end())
    span = re.compile(
        rf"({YEAR})\s*(?:から|~|-|〜|→|->|⇒|to|through|until)\s*({YEAR})(?:まで)?|between\s*({YEAR})\s*and\s*({YEAR})"
    )
    for m in t.find(span):
        a, b = year_code(m.group(1) or m.group(3)), year_code(m.group(2) or m.group(4))
        if not (a and b):
            continue
        ends = _near(text, m.start(), m.end(), END_WORDS)
        starts = _near(text, m.start(), m.end(), START_WORDS)
        if not (ends or starts) and re.search(CHANGE_WORDS, text):
            # R6からR7で予算が増えた / what changed between R6 and R7: two editions compared.
            query.compared = [a, b]
            t.take(m.start(), m.end())
            continue
        if ends and not starts:
            query.filters.append(Filter("end", "between", a, b))
        elif starts and not ends:
            query.filters.append(Filter("start", "between", a, b))
        else:  # 事業期間がR5〜R9: runs within those years
            query.filters += [Filter("start", "ge", a), Filter("end", "le", b)]
        t.take(m.start(), m.end())
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        after = text[m.end() : m.end() + 16]
        before = text[max(0, m.start() - 20) : m.start()]
        ends = re.search(END_WORDS, after) or re.search(rf"(?:{END_WORDS}).{{0,16}}$", before)
        starts = re.search(START_WORDS, after) or re.search(rf"(?:{START_WORDS}).{{0,16}}$", before)
        lasts = re.match(r"\s*まで(?!に)(?:の|続く|継続|実施)|\s*(?:through|until)\b", after)
        if lasts and not starts:
            ends = lasts  # R10まで続く事業 / R10までの事業: projects ending in R10
        if not (ends or starts):
            continue
        kind = _attached(before, after) if ends and starts else "end" if ends else "start"
        if lasts and not re.match(rf"\s*(?:から|より)?\s*(?:{START_WORDS})", after):
            kind = "end"  # R6から始まってR9まで続く: まで続く is the end's own word
        op = "eq"
        around = before[-14:] + " " + after[:10]
        if lasts:
            around = before[-14:]
        if re.search(r"以降|or later|since|or after", around):
            op = "ge"
        elif re.search(r"以前|までに|or earlier|or before|by ", around):
            op = "le"
        elif re.search(r"より前|before|earlier than|prior to", around):
            op = "lt"
        elif re.search(r"より後|after|later than", around):
            op = "gt"
        query.filters.append(Filter(kind, op, code))
        t.take(m.start(), m.end())
        # Only the year's surroundings: a long question with many years read them all again
        # for each (2,000 characters of 「R7で終わる事業」 took a quarter of a second).
        for w in re.compile(
            rf"(?:{END_WORDS}|{START_WORDS}|より前|以前|までに|より後|以降|before|after|since|or later|or earlier)"
        ).finditer(text, max(0, m.start() - 64), m.end() + 64):
            if abs(w.start() - m.end()) <= 10 or abs(m.start() - w.end()) <= 16:
                t.take(w.start(), w.end())


def _attached(before: str, after: str) -> str:
    """Which of a start and an end word a year belongs to (R7に始まってR10に終わる, 開始がR7で
    終了がR10, started in R7 and ending in R10): the word written onto the year decides."""
    particle = (
        r"\s*(?:年度)?\s*(?:に|で|から|まで|より|以降に|以前に|より前に|より後に)?\s*(?:は|が)?\s*"
    )
    label = r"\s*(?:が|は|:|=|年度(?:が|は)?)\s*$"
    english = r"\s*(?:in|on|from|at|by|before|after)?\s*(?:the\s*)?(?:fiscal\s*)?(?:year\s*)?$"
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.search(rf"(?:{words}){label}", before):
            return kind  # 開始がR7: the label before the year
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        found = re.search(rf"(?:{words}){english}", before)
        if found and re.match(r"[a-z]", found.group(0)):
            return kind  # started in R7 (English puts the verb first)
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.match(rf"{particle}(?:{words})", after):
            return kind  # R7に始まって: the verb right after the year
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.search(rf"(?:{words}){english}", before):
            return kind  # R6終了、R7開始 has its own verb after; this is the last resort
    starts = [x.start() for x in re.finditer(START_WORDS, after)] or [99]
    ends = [x.start() for x in re.finditer(END_WORDS, after)] or [99]
    return "end" if ends[0] < starts[0] else "start"


def read_bare_years(t: Text, query: Query, vocab: Vocabulary) -> None:
    """A year with no start/end word: the edition (R6の事業はいくつ) or a plan year (No40のR9の計画)."""
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        if code.startswith("@"):
            query.unknown.append(m.group(0))  # 来年度 with nothing to apply it to: ask
            t.take(m.start(), m.end())
            continue
        labels = vocab.editions or []
        project_year = query.names_project and ({"plan", "actual"} & set(query.fields))
        if code in labels and not query.edition and not project_year:
            query.edition = code
        elif query.year is None:
            query.year = code
        elif query.comparison and code in labels:
            pass  # R6とR7の比較: both editions are what a comparison compares
        t.take(m.start(), m.end())
    pair = [c for c in (query.edition, query.year) if c in (vocab.editions or [])]
    if query.comparison and not query.compared and len(set(pair)) == 2 and not query.names_project:
        # R7はR6より予算がいくら増えた / R6とR7で何が変わった: the two editions compared.
        query.compared, query.edition, query.year = pair, None, None
