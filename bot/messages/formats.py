"""How values are written for people: money, years, periods, flags, the printed labels of
fields, and the words of a condition (終期がR7 / ending in R7)."""

from __future__ import annotations

from datetime import datetime

from bot.fiscal_year import TOKYO
from bot.prefectures import label_of

FIELD_LABELS = {
    "no": ("番号", "No."),
    "name": ("事業名", "Project"),
    "field": ("分野", "Field"),
    "category": ("項目", "Category"),
    "department": ("担当部局", "Department"),
    "sections": ("担当課", "Section"),
    "budget": ("事業費", "Budget"),
    "start": ("事業始期", "Start"),
    "end": ("事業終期", "End"),
    "summary": ("概要", "Summary"),
    "priority_frame": ("重点枠事業", "Priority-budget project"),
    "future_response": ("将来対応分", "Planned for a later phase"),
    "achievements": ("主な取組実績", "Main achievements"),
    "initiatives": ("取組", "Initiatives"),
    "plan": ("計画/目標", "Plan/goal"),
    "actual": ("実績", "Actual"),
}


def label(key: str, lang: str) -> str:
    """The printed label of a field in the reply's language."""
    ja, en = FIELD_LABELS[key]
    return ja if lang == "ja" else en


# A unit an amount is asked in (何万円, in million yen) and its size in thousand yen.
ASKED_UNITS = {
    "円": 0.001,
    "yen": 0.001,
    "千円": 1,
    "thousand": 1,
    "万円": 10,
    "百万円": 1_000,
    "million": 1_000,
    "億円": 100_000,
    "billion": 1_000_000,
}


def money(thousand_yen: int, lang: str = "ja", unit: str | None = None) -> str:
    """188,084千円（約1.9億円） or ¥188.1 million (188,084 thousand yen); asked in a unit
    (万円で, in yen), the exact amount in it as well: 188,084千円（18,808.4万円）."""
    size = ASKED_UNITS.get(unit or "")
    if size is not None and unit not in ("千円", "thousand"):
        exact = f"{thousand_yen / size:,.6f}".rstrip("0").rstrip(".")
        if lang == "en":
            shown = f"¥{exact}" if unit == "yen" else f"¥{exact} {unit}"
            return f"{shown} ({thousand_yen:,} thousand yen)"
        return f"{thousand_yen:,}千円（{exact}{unit}）"
    if lang == "en":
        return f"¥{thousand_yen / 1000:,.1f} million ({thousand_yen:,} thousand yen)"
    yen = thousand_yen * 1000
    if yen >= 100_000_000:
        approx = f"約{yen / 100_000_000:,.1f}億円"
    else:
        approx = f"約{round(yen / 10_000):,}万円"
    return f"{thousand_yen:,}千円（{approx}）"


def edition_name(code: str, lang: str = "ja") -> str:
    """R7版 / R7 edition (also for 岩手県:R7: a deployment only shows its own prefecture)."""
    label = label_of(code)
    return f"{label}版" if lang == "ja" else f"{label} edition"


def jst(moment: datetime) -> str:
    """A stored UTC time shown in Japan time."""
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M JST")


def flag(value: bool | None, lang: str = "ja") -> str:
    """○ / − for the older edition's flags."""
    if value is None:
        return "（この版には欄がありません）" if lang == "ja" else "(not in this edition)"
    if lang == "ja":
        return "○" if value else "−（該当なし）"
    return "yes" if value else "no"


NOT_PRINTED = {"ja": "記載なし", "en": "not stated"}


UNDECIDED = {"ja": "未定", "en": "undecided"}


def period(start: str | None, end: str | None, lang: str = "ja") -> str:
    """R5〜R10, R3〜（終期の記載なし）."""
    s = start or NOT_PRINTED[lang]
    if end is None:
        return f"{s}〜（終期の記載なし）" if lang == "ja" else f"{s}– (end not stated)"
    e = UNDECIDED[lang] if end == "未定" else end
    return f"{s}〜{e}" if lang == "ja" else f"{s}–{e}"


def initiative_name(label: str | None, number: int, lang: str = "ja") -> str:
    """An initiative's label, or 取組N where the document prints none."""
    return label or (f"取組{number}" if lang == "ja" else f"initiative {number}")


OP_WORDS = {
    "ja": {"lt": "より前", "le": "以前", "eq": "", "ge": "以降", "gt": "より後"},
    "en": {
        "lt": "before ",
        "le": "in or before ",
        "eq": "in ",
        "ge": "in or after ",
        "gt": "after ",
    },
}


def year_filter_words(field: str, op: str, year: str | None, lang: str) -> str:
    """終期がR7 / ending in R7 / 終期が記載なし・未定 (read as 「R7版で終期がR7の事業」)."""
    if year is None:
        return "終期が記載なし・未定" if lang == "ja" else "no end year printed"
    if lang == "ja":
        what = "終期" if field == "end" else "始期"
        return f"{what}が{year}{OP_WORDS['ja'][op]}"
    verb = "ending" if field == "end" else "starting"
    return f"{verb} {OP_WORDS['en'][op]}{year}"


RELATIVE_YEARS = {
    "@0": ("今年度", "this fiscal year"),
    "@1": ("来年度", "next fiscal year"),
    "@2": ("再来年度", "the fiscal year after next"),
    "@-1": ("昨年度", "last fiscal year"),
    "@-2": ("一昨年度", "the fiscal year before last"),
}


def relative_year(said: str, code: str, lang: str) -> str:
    """今年度（R8） / this fiscal year (R8): a relative year and the year it was read as."""
    ja, en = RELATIVE_YEARS.get(said, (said, said))
    if said not in RELATIVE_YEARS and (n := said.removeprefix("@")).lstrip("-").isdigit():
        away = abs(int(n))  # 3年前 / in 3 years: counted from this fiscal year
        ja = f"{away}年前" if int(n) < 0 else f"{away}年後"
        en = f"{away} years ago" if int(n) < 0 else f"{away} years from now"
    return f"{ja}（{code}）" if lang == "ja" else f"{en} ({code})"


def budget_filter_words(op: str, thousand_yen: int, lang: str) -> str:
    """事業費 100,000千円以上 / budget at least 100,000 thousand yen."""
    if lang == "ja":
        words = {"lt": "未満", "le": "以下", "eq": "", "ge": "以上", "gt": "超"}
        return f"事業費が{thousand_yen:,}千円{words[op]}"
    words = {"lt": "under", "le": "at most", "eq": "exactly", "ge": "at least", "gt": "over"}
    return f"budget {words[op]} {thousand_yen:,} thousand yen"
