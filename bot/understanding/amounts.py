"""Amounts of money in a question: 1億円以上, 1,000万円から5,000万円, over 100 million yen."""

from __future__ import annotations

import re

from bot.understanding.lexicon import (
    BUDGET_RANGE,
    EN_BUDGET,
    EN_BUDGET_AFTER,
    EN_OPS,
    EN_OPS_AFTER,
    EN_UNITS,
    JA_BUDGET,
    JA_OPS,
    MONEY_UNIT,
    YEN_UNITS,
)
from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text


def _thousand_yen(amount: str, unit: str | None, english: bool) -> int:
    value = float(amount.replace(",", ""))
    return round(
        value * (EN_UNITS.get((unit or "").lower(), 0.001) if english else YEN_UNITS[unit])
    )


# 1,000万円台 / 300万円台: from that amount up to the next step of its first digit.
BAND = re.compile(rf"{MONEY_UNIT}\s*台")
# 事業費が3,522千円の事業 / a budget of ¥61,144,000: exactly that amount.
EXACT = re.compile(
    rf"(?:(?:事業費|予算|budget)\s*(?:が|は|of|=|:)?\s*)?{MONEY_UNIT}(?=\s*(?:ちょうど)?の\s*(?:事業|project|もの|やつ))"
    r"|[¥￥]\s*(\d[\d,]*+)(?!\s*(?:million|billion|m|bn|k))(?=\s*(?:の|project|$))"
)
# 「R7 budget って 9,840千円 で合ってますか？」: an amount said to be checked, as a year is.
CHECKED = re.compile(
    rf"{MONEY_UNIT}(?=\s*(?:ちょうど|ぴったり)?\s*(?:で|って)?\s*(?:合って|あって|正しい|間違い(?:ない|ありません)|ですか|でしたっけ"
    r"|だっけ|ですよね|だよね|でOK|でok|(?:is that |is it )?(?:correct|right)\b))"
)
# The unit an answer is asked in: 万円で, in million yen, 何億円.
UNIT_ASKED = re.compile(
    r"(千円|万円|百万円|億円|円)\s*(?:で|単位|換算|に直して|表示)|何(億|千万|百万|万|千)円"
    r"|in (?:the )?(million|billion|thousand)s?(?: of)?(?: yen)?|(?:in|as) (yen)\b"
    r"|(million|billion) yen\s*(?:で|に直すと|換算|単位で)"
)


_YEN_AFTER = re.compile(r"\s*(?:円|yen)")


def _own_yen(m: re.Match, group: int) -> bool:
    """Whether a range's first amount (that group) said its yen: ¥10,000,000 and, 10000000円から."""
    before = m.string[m.start() : m.start(group)]
    return "¥" in before or _YEN_AFTER.match(m.string, m.end(group)) is not None


def read_amounts(t: Text, query: Query) -> None:
    """1億円以上, 1,000万円から5,000万円, over 100 million yen, between 10 and 50 million."""
    for m in t.find(CHECKED):  # before 円で (a unit asked): 9,840千円で合ってる？
        amount = _thousand_yen(m.group(1), m.group(2), False)
        query.filters.append(Filter("budget", "eq", amount, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(UNIT_ASKED):
        said = next(g for g in m.groups() if g)
        query.unit = {
            "億": "億円",
            "千万": "万円",
            "百万": "百万円",
            "万": "万円",
            "千": "千円",
        }.get(said, said)
        if query.unit == "million" and query.lang != "en":
            query.unit = "百万円"  # million yen で言うと, answered in Japanese
        if not m.group(0).startswith("何"):
            t.take(m.start(), m.end())  # 何万円 also asks the amount: left for the budget word
    for m in t.find(BAND):
        low = _thousand_yen(m.group(1), m.group(2), False)
        step = 10 ** (len(str(int(low * 1000))) - 1) / 1000  # the first digit's place, in 千円
        query.filters.append(Filter("budget", "band", low, round(low + step), span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(BUDGET_RANGE):
        g = m.groups()
        if g[0]:
            # 1,000から5,000万円: the unit written once applies to both — not to a first
            # amount that said its yen (1,000万円から1.5億円, read as 10000000円から1.5億円).
            low_unit = g[1] or (None if _own_yen(m, 1) else g[3])
            low, high = _thousand_yen(g[0], low_unit, False), _thousand_yen(g[2], g[3], False)
        else:
            i = 4 if g[4] else 8
            unit = g[i + 1] or (None if _own_yen(m, i + 1) else g[i + 3])
            low, high = _thousand_yen(g[i], unit, True), _thousand_yen(g[i + 2], g[i + 3], True)
        if not re.search(r"円|億|万|yen|million|billion|¥", m.group(0)):
            continue  # "R5~R9" or "10から20" with no money unit is not a budget
        query.filters.append(
            Filter("budget", "between", min(low, high), max(low, high), span=m.span())
        )
        t.take(m.start(), m.end())
    for m in t.find(JA_BUDGET):
        if not (m.group(2) or "円" in m.group(0)):
            continue
        op = JA_OPS[m.group(3)]
        query.filters.append(
            Filter("budget", op, _thousand_yen(m.group(1), m.group(2), False), span=m.span())
        )
        t.take(m.start(), m.end())
    for m in t.find(EN_BUDGET):
        if not (m.group(3) or re.search(r"yen|円|¥", m.group(0))):
            continue
        op = EN_OPS[m.group(1)]
        query.filters.append(
            Filter("budget", op, _thousand_yen(m.group(2), m.group(3), True), span=m.span())
        )
        t.take(m.start(), m.end())
    for m in t.find(EN_BUDGET_AFTER):
        if not (m.group(2) or re.search(r"yen|円|¥", m.group(0))):
            continue
        amount = _thousand_yen(m.group(1), m.group(2), True)
        query.filters.append(Filter("budget", EN_OPS_AFTER[m.group(3)], amount, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(EXACT):
        if m.group(3):
            amount = round(int(m.group(3).replace(",", "")) / 1000)
        elif m.group(2) or "円" in m.group(0):
            amount = _thousand_yen(m.group(1), m.group(2), False)
        else:
            continue
        query.filters.append(Filter("budget", "eq", amount, span=m.span()))
        t.take(m.start(), m.end())
    # An amount said with no comparison (「No46の3,731千円って内訳は？」): no condition, and no
    # word to search either; the mention check asks back unless the answer states it.
    for m in t.find(_SAID_AMOUNT):
        t.take(m.start(), m.end())


_SAID_AMOUNT = re.compile(rf"{MONEY_UNIT}")
