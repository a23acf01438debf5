"""Amounts of money in a question: 1億円以上, 1,000万円から5,000万円, over 100 million yen."""

from __future__ import annotations

import re

from bot.understanding.lexicon import (
    BUDGET_RANGE,
    EN_BUDGET,
    EN_OPS,
    EN_UNITS,
    JA_BUDGET,
    JA_OPS,
    YEN_UNITS,
)
from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text


def _thousand_yen(amount: str, unit: str | None, english: bool) -> int:
    value = float(amount.replace(",", ""))
    return round(
        value * (EN_UNITS.get((unit or "").lower(), 0.001) if english else YEN_UNITS[unit])
    )


def read_amounts(t: Text, query: Query) -> None:
    """1億円以上, 1,000万円から5,000万円, over 100 million yen, between 10 and 50 million."""
    for m in t.find(BUDGET_RANGE):
        g = m.groups()
        if g[0]:
            low_unit = g[1] or g[3]  # 1,000から5,000万円: the unit written once applies to both
            low, high = _thousand_yen(g[0], low_unit, False), _thousand_yen(g[2], g[3], False)
        else:
            i = 4 if g[4] else 8
            unit = g[i + 1] or g[i + 3]
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
