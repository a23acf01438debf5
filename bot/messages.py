"""Every user-facing sentence and number format, Japanese first, English where asked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import Project

TOKYO = ZoneInfo("Asia/Tokyo")

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
    "priority_frame": ("重点枠事業", "Priority frame (重点枠事業)"),
    "future_response": ("将来対応分", "Future response (将来対応分)"),
    "achievements": ("主な取組実績", "Main achievements"),
    "initiatives": ("取組", "Initiatives"),
    "plan": ("計画/目標", "Plan/goal"),
    "actual": ("実績", "Actual"),
}


def label(key: str, lang: str) -> str:
    """The printed label of a field in the reply's language."""
    ja, en = FIELD_LABELS[key]
    return ja if lang == "ja" else en


def money(thousand_yen: int, lang: str = "ja") -> str:
    """188,084千円（約1.9億円） or ¥188.1 million (188,084 thousand yen)."""
    if lang == "en":
        return f"¥{thousand_yen / 1000:,.1f} million ({thousand_yen:,} thousand yen)"
    yen = thousand_yen * 1000
    if yen >= 100_000_000:
        approx = f"約{yen / 100_000_000:,.1f}億円"
    else:
        approx = f"約{round(yen / 10_000):,}万円"
    return f"{thousand_yen:,}千円（{approx}）"


def edition_name(code: str, lang: str = "ja") -> str:
    """R7版 / R7 edition."""
    return f"{code}版" if lang == "ja" else f"{code} edition"


def project_ref(project: Project, lang: str = "ja") -> str:
    """R7版 No40 県立学校… / R6版 公衆衛生DX推進事業 (unnumbered editions)."""
    number = f" No{project.no}" if project.no is not None else ""
    return f"{edition_name(project.edition, lang)}{number} {project.name}"


def source_ref(edition: str, no: int | None, line: int | None, lang: str = "ja") -> str:
    """出典: R7版 No40, line 294."""
    number = f" No{no}" if no is not None else ""
    where = f", line {line}" if line else ""
    head = "出典" if lang == "ja" else "Source"
    sep = ": " if lang == "en" else "："
    return f"{head}{sep}{edition_name(edition, lang)}{number}{where}"


def jst(moment: datetime) -> str:
    """A stored UTC time shown in Japan time."""
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M JST")


def flag(value: bool | None, lang: str = "ja") -> str:
    """○ / − for the older edition's flags."""
    if value is None:
        return "（この版には欄がありません）" if lang == "ja" else "(not in this edition)"
    if lang == "ja":
        return "○" if value else "−（該当なし）"
    return "yes (○)" if value else "no"


NOT_PRINTED = {"ja": "記載なし", "en": "not stated"}
UNDECIDED = {"ja": "未定", "en": "undecided (未定)"}
