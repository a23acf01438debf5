"""Typed values printed in a sentence of the roadmap (#24): dates and spans, times of day or
week, places, counts with their counter, amounts of money, organisations. Pure: text in,
values with their place in the sentence out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.fiscal_year import FiscalYear


@dataclass(frozen=True)
class Found:
    """One value printed in a sentence, where it is, and what it is."""

    kind: str  # date span time place count amount organisation rate
    text: str  # as printed
    start: int
    end: int
    number: float | None = None  # a count, or an amount in 千円
    counter: str | None = None  # a count's counter (件, 名, 会場…)


_ERA = r"(?:令和|平成|R|H)\s*(?:\d{1,2}|元)"
_MONTH = r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:末|上旬|中旬|下旬|頃)?"
_DATE = (
    rf"{_ERA}\s*年度|{_ERA}\s*年(?:\s*{_MONTH})?|{_ERA}\.\d{{1,2}}(?!\d)|\d{{4}}\s*年(?:\s*{_MONTH})?"
    rf"|{_MONTH}|(?<![\d/])\d{{1,2}}/\d{{1,2}}(?:[・,、]\d{{1,2}})*(?![\d/])"
)
_TILDE = r"\s*(?:～|~|〜|－|-|から)\s*"
SPAN = re.compile(
    rf"(?:{_DATE}){_TILDE}(?:{_DATE}|\d{{1,2}}\s*年度)(?:\s*まで)?"
    rf"|\d{{1,2}}\s*(?:～|~|〜)\s*{_MONTH}"
)
DATE = re.compile(_DATE)
COUNTERS = "市町村|か所|カ所|ヶ所|箇所|会場|病院|施設|地域|薬局|団体|機関|年間|日間|件|人|名|回|校|台|社|年|日"
COUNT = re.compile(rf"(?<![\d.,])(\d[\d,]*)\s*({COUNTERS})")
# 「補助金交付実績なし」「申請無し」: nothing happened, a count of zero as printed.
NONE = re.compile(
    r"(?:実績|申請|交付|応募|参加|件数|実施市町村等)?\s*(?:（[^）]*）)?\s*(?:なし|無し)"
)
AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(億円|千万円|百万円|万円|千円|円)")
# 最大4分の3, 2分の1以内, 50%, 3割: a rate as printed.
RATE = re.compile(
    r"(?:最大|最高|上限|原則)?\s*\d+\s*分の\s*\d+(?:\s*(?:以内|以下|まで))?"
    r"|(?<![\d.])\d+(?:\.\d+)?\s*(?:%|％|パーセント)|(?<![\d.])\d+\s*割(?![合引])"
)
_YEN = {"億円": 100_000, "千万円": 10_000, "百万円": 1_000, "万円": 10, "千円": 1, "円": 0.001}
TIME = re.compile(
    r"(?:平日|休日|土曜|日曜|祝日|夜間|昼間|早朝|深夜|午前|午後|\d{1,2}\s*時)"
    r"(?:[のや・、]\s*(?:平日|休日|土曜|日曜|祝日|夜間|昼間|早朝|深夜|午前|午後|\d{1,2}\s*時))*"
)
_NOUN = r"[\u4e00-\u9fff\u30a0-\u30ffー々A-Za-z0-9Ａ-Ｚａ-ｚ]"
PLACE = re.compile(
    rf"(?<!{_NOUN}){_NOUN}*(?:市町村|市|町|村|県|保健所|センター|科学館|館|ホール|ホームページ|病院|大学"
    rf"|学校|地域|会場|協会|薬局|公民館|庁舎)(?![\u30a0-\u30ffA-Za-z0-9])"
)
# Who a contract went to: 「Xを委託先として」「Xに委託」「委託先はX」.
ORGANISATION = re.compile(
    r"(?:^|[\s、。○・])(?P<a>[^\s、。○・]+?)(?:を|に|へ)(?:委託先|委託|再委託)"
    r"|委託先(?:は|:|：)\s*(?P<b>[^\s、。]+)"
)
_ORG_SUFFIX = re.compile(r"(?:協会|法人|会社|大学|病院|市|町|村|県|機構|組合|団体|センター)")


def values_in(sentence: str) -> list[Found]:
    """Every typed value the sentence prints, spans before the dates inside them."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in SPAN.finditer(sentence):
        found.append(Found("span", m.group(0).strip(), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in DATE.finditer(sentence):
        if free(m.start(), m.end()) and not _inside_count(sentence, m):
            found.append(Found("date", m.group(0).strip(), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in COUNT.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        counter = m.group(2)
        before = sentence[max(0, m.start() - 3) : m.start()]
        if counter in ("年", "日") and re.search(r"(?:令和|平成|[RH])\s*$", before):
            continue  # R6年: a year, not a count of years
        number = float(m.group(1).replace(",", ""))
        found.append(Found("count", m.group(0), m.start(), m.end(), number, counter))
    for m in NONE.finditer(sentence):
        if free(m.start(), m.end()):
            found.append(Found("count", m.group(0).strip(), m.start(), m.end(), 0.0, None))
    for m in AMOUNT.finditer(sentence):
        number = float(m.group(1).replace(",", "")) * _YEN[m.group(2)]
        found.append(Found("amount", m.group(0), m.start(), m.end(), number))
    for m in RATE.finditer(sentence):
        found.append(Found("rate", m.group(0).strip(), m.start(), m.end()))
    for m in TIME.finditer(sentence):
        found.append(Found("time", m.group(0), m.start(), m.end()))
    for m in PLACE.finditer(sentence):
        if re.fullmatch(r"[\d０-９]*(?:市町村|地域|会場|県)", m.group(0)):
            continue  # 29市町村, 県内2地域: counted, not named
        found.append(Found("place", m.group(0), m.start(), m.end()))
    for m in ORGANISATION.finditer(sentence):
        name = (m.group("a") or m.group("b") or "").strip("「」()（）")
        if name and _ORG_SUFFIX.search(name):
            start = m.start("a") if m.group("a") else m.start("b")
            found.append(Found("organisation", name, start, start + len(name)))
    return found


def _inside_count(sentence: str, m: re.Match) -> bool:
    """「5年間」 is a count of years, not a date."""
    return bool(re.match(r"\s*間", sentence[m.end() : m.end() + 2])) and not re.match(
        r"(?:令和|平成|[RH])", m.group(0)
    )


def years_in(sentence: str) -> set[str]:
    """The fiscal years a sentence names (R6年8月 → R6, 令和6年7月 → R6, R7.3 → R7)."""
    years = set()
    for m in re.finditer(r"(令和|平成|R|H)\s*(\d{1,2}|元)(?=\s*(?:年|\.))", sentence):
        era = "R" if m.group(1) in ("令和", "R") else "H"
        number = 1 if m.group(2) == "元" else int(m.group(2))
        year = FiscalYear.try_parse(f"{era}{number}")
        if year is not None:
            years.add(year.reiwa.code if year.western >= 2019 else f"H{number}")
    return years
