"""How a reply names what it is about: a project, where it is printed, a recorded entry, a
quoted sentence, and the evidence that links two editions' projects."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.messages.formats import edition_name, jst, label
from bot.prefectures import label_of
from bot.text import compact

if TYPE_CHECKING:  # wording needs no model classes to import (#17: `roadmap ask` starts fast)
    from bot.models import Evidence, Project


def project_ref(project: Project, lang: str = "ja") -> str:
    """R7版 No40 県立学校… / R6版 公衆衛生DX推進事業 (unnumbered editions)."""
    number = f" No{project.no}" if project.no is not None else ""
    return f"{edition_name(project.edition, lang)}{number} {project.name}"


def source_ref(edition: str, no: int | None, line: int | None, lang: str = "ja") -> str:
    """出典：R7版 No40 294行目 / Source: R7 edition No40, line 294."""
    head = "出典：" if lang == "ja" else "Source: "
    return head + _cited(edition, no, line, lang, edition_shown=True)


def _cited(edition: str, no: int | None, line: int | None, lang: str, edition_shown: bool) -> str:
    """One cited place in one form: R7版 No40 294行目 / R7 edition No40, line 294."""
    parts = [edition_name(edition, lang)] if edition_shown else []
    if no is not None:
        parts.append(f"No{no}")
    where = " ".join(parts)
    if not line:
        return where
    if lang == "ja":
        return f"{where} {line}行目".strip()
    return f"{where}, line {line}" if where else f"line {line}"


def sources_line(sources, lang: str = "ja") -> str:
    """出典：R7版 No40 294行目、No41 310行目 ほか2件 — the edition said again when it changes."""
    if not sources:
        return ""
    shown, previous = [], None
    for s in sources[:6]:
        shown.append(_cited(s.edition, s.no, s.line, lang, edition_shown=s.edition != previous))
        previous = s.edition
    text = ("出典：" + "、".join(shown)) if lang == "ja" else ("Source: " + "; ".join(shown))
    more = len(sources) - 6
    if more > 0:
        text += f" ほか{more}件" if lang == "ja" else f" and {more} more"
    return text


def entry_project(no: int | None, key: str) -> str:
    """How a recorded entry names its project: No40, or the key of an unnumbered one (#16),
    as people read it (R6/#3, also for 岩手県:R6/#3)."""
    return f"No{no}" if no is not None else label_of(key)


def project_label(no: int | None, key: str, name: str | None = None) -> str:
    """How a reply names a project: No40 県立学校…, or by its key for an unnumbered edition's
    (R6/#3 公衆衛生…: the key is what people type back, and reads the same in English); the
    number or key alone once a revised document took the project, and its name, away."""
    ref = entry_project(no, key)
    return f"{ref} {name}" if name else ref


def short_ref(project: Project) -> str:
    """No40 県立学校…, or R6/#3 公衆衛生… for an unnumbered edition's project (see
    project_label)."""
    return project_label(project.no, project.key, project.name)


def quote(text: str, term: str, width: int = 60) -> str:
    """The bullet or sentence of text that holds term, cut to a readable length."""
    parts = [p.strip() for p in re.split(r"(?:^|\s)・|。|<br>|\n", text) if p.strip()]
    needle = compact(term)
    chosen = next((p for p in parts if needle in compact(p)), text)
    if len(chosen) <= width * 2:
        return chosen
    at = max(0, compact(chosen).find(needle) - width // 2)
    return ("…" if at else "") + chosen[at : at + width * 2] + "…"


def entry_fact(entry, lang: str = "ja") -> str:
    """One line of the actual-results record: year, initiative, text, and who/when for chat."""
    year = f"{entry.fiscal_year} " if entry.fiscal_year else ""
    where = f"[{entry.initiative}] " if entry.initiative else ""
    if entry.kind == "achievement":
        where = f"[{label('achievements', lang)}] "
    line = f"・{year}{where}{entry.text}"
    if not entry.from_document:
        who = entry.author_name or entry.author_id or "?"
        when = jst(entry.created_at) if entry.created_at else ""
        line += (
            f"（{who}, {when}, #{entry.id}）" if lang == "ja" else f" ({who}, {when}, #{entry.id})"
        )
    return line


def budget_change(old: Project, new: Project, diff: int, pct: float | None, lang: str) -> str:
    """R6 4,202千円 → R7 45,581千円（+41,379千円、+984.8%）."""
    sign = "+" if diff >= 0 else "−"
    change = f"{sign}{abs(diff):,}"
    rate = f"、{sign}{abs(pct):.1f}%" if pct is not None and lang == "ja" else ""
    if lang == "en":
        rate = f", {sign}{abs(pct):.1f}%" if pct is not None else ""
        return (
            f"Budget: {label_of(old.edition)} {old.budget_thousand_yen:,} → {label_of(new.edition)} "
            f"{new.budget_thousand_yen:,} thousand yen ({change} thousand yen{rate})"
        )
    return (
        f"事業費：{label_of(old.edition)} {old.budget_thousand_yen:,}千円 → {label_of(new.edition)} "
        f"{new.budget_thousand_yen:,}千円（{change}千円{rate}）"
    )


# How alike two linked projects' name, summary and initiatives are, in words (#17): the
# link's evidence stores scores (名称88・概要100); people read 「名称がほぼ同じ」.
ALIKE = (
    (100, "同じ", "the same"),
    (85, "ほぼ同じ", "nearly the same"),
    (60, "似ている", "similar"),
    (0, "異なる", "different"),
)


ASPECTS = {
    "name": ("名称", "name"),
    "summary": ("概要", "summary"),
    "labels": ("取組", "initiatives"),
}


def _alike(score: int, lang: str) -> str:
    ja, en = next((ja, en) for floor, ja, en in ALIKE if score >= floor)
    return ja if lang == "ja" else en


def evidence_words(evidence: str | Evidence, lang: str = "ja") -> str:
    """A link's evidence (stored JSON or Evidence) as words: 名称がほぼ同じ・概要が同じ / …."""
    from bot.models import Evidence

    e = evidence if isinstance(evidence, Evidence) else Evidence.read(evidence)
    ja = lang == "ja"
    if e.note:
        return e.note
    if e.same_name:
        return "名称が同じ" if ja else "the same name"
    if e.named_older:
        named = e.named_older + ("より" if e.taken_over else "")
        if ja:
            return f"新しい版が前の事業名「{named}」を記載"
        return f"the newer edition names the older project 「{named}」"
    if e.initiative_pair:
        older, newer = e.initiative_pair
        if ja:
            return f"始期{e.start}が同じ・取組「{older}」→「{newer}」"
        return f"same start ({e.start}) and initiative 「{older}」 → 「{newer}」"
    scores = [(k, v) for k, v in (("name", e.name), ("summary", e.summary), ("labels", e.labels))]
    scores = [(k, v) for k, v in scores if v is not None]
    if ja:
        parts = [f"{ASPECTS[k][0]}が{_alike(v, lang)}" for k, v in scores]
        return "・".join(parts + (["始期が同じ"] if e.same_start else []))
    parts = [f"{ASPECTS[k][1]} {_alike(v, lang)}" for k, v in scores]
    return ", ".join(parts + (["same start"] if e.same_start else []))
