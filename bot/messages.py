"""Every user-facing sentence and number format, Japanese first, English where asked."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from bot.fiscal_year import TOKYO
from bot.prefectures import label_of
from bot.text import compact

if TYPE_CHECKING:  # wording needs no model classes to import (#17: `roadmap ask` starts fast)
    from bot.models import Evidence, Project

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
    """R7版 / R7 edition (also for 岩手県:R7: a deployment only shows its own prefecture)."""
    label = label_of(code)
    return f"{label}版" if lang == "ja" else f"{label} edition"


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


def entry_project(no: int | None, key: str) -> str:
    """How a recorded entry names its project: No40, or the key of an unnumbered one (#16),
    as people read it (R6/#3, also for 岩手県:R6/#3)."""
    return f"No{no}" if no is not None else label_of(key)


def short_ref(project: Project) -> str:
    """No40 県立学校…, or R6/#3 公衆衛生… for an unnumbered edition's project (see
    project_label)."""
    return project_label(project.no, project.key, project.name)


def initiative_name(label: str | None, number: int, lang: str = "ja") -> str:
    """An initiative's label, or 取組N where the document prints none."""
    return label or (f"取組{number}" if lang == "ja" else f"initiative {number}")


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


def update_done(entry, project: str, lang: str = "ja") -> str:
    """✅ No40 のR8実績に記録しました（#12）… — who, when: the confirmation of an entry."""
    return say(
        "update_done",
        lang,
        project=project,
        year=entry.fiscal_year,
        id=entry.id,
        initiative=f" [{entry.initiative}]" if entry.initiative else "",
        text=entry.text,
        who=entry.author_name or entry.author_id or "?",
        when=jst(entry.created_at),
    )


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
    return f"{ja}（{code}）" if lang == "ja" else f"{en} ({code})"


def budget_filter_words(op: str, thousand_yen: int, lang: str) -> str:
    """事業費 100,000千円以上 / budget at least 100,000 thousand yen."""
    if lang == "ja":
        words = {"lt": "未満", "le": "以下", "eq": "", "ge": "以上", "gt": "超"}
        return f"事業費が{thousand_yen:,}千円{words[op]}"
    words = {"lt": "under", "le": "at most", "eq": "exactly", "ge": "at least", "gt": "over"}
    return f"budget {words[op]} {thousand_yen:,} thousand yen"


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


def help_asks(lang: str = "ja") -> list[str]:
    """What the bot can answer, in four lines."""
    return [say(f"help_ask_{n}", lang) for n in range(1, 5)]


def help_lines(lang: str, usages: list[str]) -> list[str]:
    """What the bot can answer, then the commands: their usage lines, as the command table
    (bot/commands/table.py) passes them down."""
    return [*help_asks(lang), say("help_command_list", lang, commands=" ／ ".join(usages))]


def examples(lang: str = "ja") -> list[str]:
    """Example questions."""
    if lang == "en":
        return ["R7 budget for No40?", "Who owns the PHR project?", "Which projects end in R7?"]
    return ["No40の事業費は？", "PHRの担当は？", "R7で終わる事業は？"]


PHRASES: dict[str, tuple[str, str]] = {
    "empty_store": (
        "ロードマップがまだ読み込まれていません（roadmap ingest）。",
        "No roadmap is loaded yet (roadmap ingest).",
    ),
    "and_more": (
        "…ほか{n}件（条件を絞ってください）",
        "…and {n} more (narrow the question to see them)",
    ),
    "suggestions": ("候補：", "Try:"),
    "help_title": ("DXロードマップについて質問できます。", "You can ask me about the DX roadmap."),
    "list_title": ("{edition}{what}の事業は{n}件です。", "{edition}: {n} projects {what}."),
    "none_match": ("該当する事業はありません。", "No project matches."),
    "unit_count": ("件", "projects"),
    "unit_thousand_yen": ("千円", "thousand yen"),
    "scope": ("{edition}{what}", "{edition} {what}"),
    "n_projects": ("{n}件", "{n} projects"),
    "group_title": ("{scope}の{by}{count}：", "{scope} {by}{count}:"),
    "by_department": ("部局別", "by department"),
    "by_category": ("項目別", "by category"),
    "by_section": ("担当課別", "by section"),
    "by_field": ("分野別", "by field"),
    "count_is": ("{scope}の事業は{n}件です。", "{scope}: {n} projects."),
    "sum_is": (
        "{scope}の事業費の合計は{money}です（{n}件）。",
        "{scope}: total budget {money} ({n} projects).",
    ),
    "avg_is": (
        "{scope}の事業費の平均は{money}です（{n}件）。",
        "{scope}: average budget {money} ({n} projects).",
    ),
    "max_is": ("{scope}で事業費が最も大きい事業：", "{scope}: the largest budget:"),
    "min_is": ("{scope}で事業費が最も小さい事業：", "{scope}: the smallest budget:"),
    "top_is": ("{scope}の事業費上位{n}件：", "{scope}: top {n} by budget:"),
    "not_found": (
        "{edition}に「{what}」に当たる事業は見つかりませんでした。",
        'No project matching "{what}" in the {edition}.',
    ),
    "which_project": (
        "どの事業についての質問ですか？ 番号（No40）か事業名を添えてください。",
        "Which project? Add its number (No40) or its name.",
    ),
    "ambiguous": (
        "「{what}」に当たる事業が複数あります。どれですか？",
        'Several projects match "{what}". Which one?',
    ),
    "budget_is": (
        "{ref}の{edition}事業費は{money}{note}です。",
        "{ref}: {edition} budget {money}{note}.",
    ),
    "owner_is": (
        "{ref}の担当は{department} {sections}です。",
        "{ref} is run by {department}, {sections}.",
    ),
    "end_not_stated": (
        "{ref}の事業終期は記載されていません（事業始期は{start}）。",
        "{ref}: the end year is not stated (it started in {start}).",
    ),
    "start_not_stated": (
        "{ref}の事業始期は記載されていません。",
        "{ref}: the start year is not stated.",
    ),
    "start_is": ("{ref}の事業始期は{start}です。", "{ref} started in {start}."),
    "end_is": ("{ref}の事業終期は{end}です。", "{ref} ends in {end}."),
    "period_is": ("{ref}の期間は{period}です。", "{ref} runs {period}."),
    "summary_is": ("{ref}の概要：", "{ref} — summary:"),
    "plan_not_stated": (
        "{ref}の{year}計画/目標は記載されていません。",
        "{ref}: no {year} plan is stated.",
    ),
    "plan_is": ("{ref}の{year}計画/目標：", "{ref} — {year} plan/goal:"),
    "actual_not_stated": (
        "{ref}の{year}実績はまだ記録されていません。",
        "{ref}: no {year} results are recorded yet.",
    ),
    "actual_is": ("{ref}の{year}実績：", "{ref} — {year} results:"),
    "flags_not_in_edition": (
        "{ref}の版には重点枠事業・将来対応分の欄がありません。",
        "{ref}: this edition has no priority flags.",
    ),
    "flags_are": (
        "{ref}：重点枠事業 {priority}、将来対応分 {future}",
        "{ref}: priority frame {priority}, future response {future}",
    ),
    "name_is": ("正式名は{ref}です。", "The full name is {ref}."),
    "takeovers_heading": (
        "ほかに、統合・業務の引継ぎ（名称変更ではありません）：{n}件",
        "Also merged or taken over (not renamed): {n}",
    ),
    "renamed_title": (
        "名称が変わった事業：{n}件",
        "Projects renamed: {n}",
    ),
    "one_edition": ("比較できる版が1つしかありません。", "Only one edition is loaded."),
    "dropped_title": (
        "{older}版にあって{newer}版に対応する事業がないもの：{n}件",
        "{older} projects with no counterpart in {newer}: {n}",
    ),
    "no_successor": ("{ref}の後継事業は見つかりません。", "{ref}: no successor found."),
    "no_predecessor": ("{ref}の前身事業は見つかりません。", "{ref}: no predecessor found."),
    "successor_title": ("{ref}の後継：", "{ref} — successor:"),
    "predecessor_title": ("{ref}の前身：", "{ref} — predecessor:"),
    "no_other_edition": (
        "{ref}は他の版に対応する事業がありません。",
        "{ref} has no counterpart in another edition.",
    ),
    "changed": ("{what}：{old} → {new}", "{what}: {old} → {new}"),
    "summary_same": ("概要：変更なし", "Summary: unchanged"),
    "summary_changed": ("概要：変更あり", "Summary: changed"),
    "changes_title": ("{old} → {new}", "{old} → {new}"),
    "edition_totals": ("版ごとの事業費合計：", "Total budget per edition:"),
    "search_none": (
        "「{what}」はロードマップに見つかりませんでした。",
        '"{what}" does not appear in the roadmap.',
    ),
    "search_title": ("「{what}」の記載：", 'Where the roadmap mentions "{what}":'),
    "kind_name": ("事業名", "name"),
    "kind_summary": ("概要", "summary"),
    "kind_initiative": ("取組", "initiative"),
    "kind_plan": ("計画/目標", "plan"),
    "kind_actual": ("実績", "actual"),
    "kind_achievement": ("主な取組実績", "main achievements"),
    "kind_entry": ("チャットでの実績報告", "progress reported in chat"),
    # -- updates, history, owners --------------------------------------------------------
    "update_usage": (
        "使い方：/roadmap update No40 [R8] [取組1] 実績の内容（番号から始めてください）",
        "Usage: /roadmap update No40 [R8] [initiative 1] what was done (start with the number)",
    ),
    "update_bad_year": (
        "「{year}」は年度として読めません（例: R8、令和8年度）。",
        '"{year}" is not a fiscal year (e.g. R8).',
    ),
    "update_no_project": (
        "{reference} という番号の事業は最新版にありません。",
        "No project {reference} in the latest edition.",
    ),
    "update_empty_text": (
        "実績の内容が空です。何をしたかを書いてください。",
        "The update is empty: say what was done.",
    ),
    "update_too_long": (
        "長すぎます（{n}文字）。{max}文字以内にしてください。何も記録していません。",
        "Too long ({n} characters): keep it under {max}. Nothing was recorded.",
    ),
    "update_not_owner": (
        "{project} を更新できるのは担当者だけです（担当者：{owners}）。何も記録していません。",
        "Only the owners of {project} can update it (owners: {owners}). Nothing was recorded.",
    ),
    "update_unknown_initiative": (
        "取組「{given}」が見つかりません。候補：{choices}",
        'No initiative "{given}". Choose one of: {choices}',
    ),
    "update_future_year": (
        "{year}はまだ来ていません（今は{current}）。実績は今年度までです。",
        "{year} has not started yet (it is {current}); results are for this year or earlier.",
    ),
    "update_before_start": (
        "{year}は事業始期（{start}）より前です。",
        "{year} is before the project started ({start}).",
    ),
    "update_done": (
        "✅ {project} の{year}実績に記録しました（#{id}）{initiative}\n{text}\n— {who}, {when}",
        "✅ Recorded for {project}, {year} (#{id}){initiative}\n{text}\n— {who}, {when}",
    ),
    "update_modal_title": ("実績を報告", "Report progress"),
    "update_modal_project": ("事業", "Project"),
    "update_modal_initiative": ("取組（任意）", "Initiative (optional)"),
    "update_modal_year": ("年度", "Fiscal year"),
    "update_modal_text": ("実績の内容", "What was done"),
    "update_modal_submit": ("記録する", "Record"),
    "update_modal_cancel": ("やめる", "Cancel"),
    "update_modal_none": (
        "担当している事業がありません。管理者に担当者登録を依頼してください。",
        "You own no project yet: ask an admin to add you as an owner.",
    ),
    "retract_usage": (
        "使い方：/roadmap retract 記録番号 [理由]",
        "Usage: /roadmap retract ENTRY_ID [reason]",
    ),
    "retract_no_entry": ("#{id} という記録はありません。", "There is no entry #{id}."),
    "retract_document": (
        "#{id} はロードマップ本文の記載なので取り消せません。",
        "#{id} comes from the published document and cannot be retracted.",
    ),
    "retract_already": ("#{id} は取り消し済みです。", "#{id} is already retracted."),
    "retract_done": (
        "↩️ #{id}（{project}）を取り消しました。記録は履歴に残ります。",
        "↩️ Retracted #{id} ({project}). It stays in the history.",
    ),
    "history_title": ("{project} の実績の記録（{n}件）", "{project}: {n} entries"),
    "history_empty": ("{project} にはまだ記録がありません。", "{project} has no entries yet."),
    "admin_only": ("この操作は管理者だけができます。", "Only admins can do that."),
    "owners_unknown_target": (
        "「{target}」は事業番号（No40）でも担当課名でもありません。",
        '"{target}" is neither a project number (No40) nor a section.',
    ),
    "owners_usage": (
        "使い方：/roadmap owners add|remove @ユーザー No40（または担当課名） / owners list",
        "Usage: /roadmap owners add|remove @user No40 (or a section) / owners list",
    ),
    "owners_added": ("{user} を {target} の担当者に登録しました。", "{user} now owns {target}."),
    "owners_exists": ("{user} はすでに {target} の担当者です。", "{user} already owns {target}."),
    "owners_removed": (
        "{user} を {target} の担当者から外しました。",
        "{user} no longer owns {target}.",
    ),
    "owners_not_owner": (
        "{user} は {target} の担当者ではありません。",
        "{user} does not own {target}.",
    ),
    "owners_list_title": ("担当者の登録（{n}件）", "Owners ({n})"),
    "owners_none": ("担当者はまだ登録されていません。", "No owners are registered yet."),
    # -- newcomer trial (branch h) --------------------------------------------------------
    "parse_error_at": ("{where}：{reason}", "{where}: {reason}"),
    "parse_where_line": ("{file} {line}行目", "{file}, line {line}"),
    "parse_not_roadmap": (
        "ロードマップの文書ではありません（分野 … 事業名 … の事業ブロックが見つかりません）。",
        "not a roadmap: no project block (「分野」 … 「事業名」 …) found.",
    ),
    "parse_number_twice": (
        "{edition}版のNo{no}は {other} の{other_line}行目にもあります（同じ番号は一つの文書にだけ置けます）。何も読み込んでいません。",
        "No{no} of {edition} is also in {other}, line {other_line} (two documents cannot hold the same number). Nothing was loaded.",
    ),
    # The code as stored (岩手県:R7): ingest says exactly which prefecture's edition it loaded.
    "cli_ingest_document": ("{code} {field}：{n}事業", "{code} {field}: {n} projects"),
    "parse_field_twice": (
        "{code} {field} は {other} の{other_line}行目にもあります（同じ分野は一つの文書だけ）。何も読み込んでいません。",
        "{code} {field} is also in {other}, line {other_line} (one document per field). Nothing was loaded.",
    ),
    "parse_unreadable": ("ファイルを読めません。", "cannot read the file."),
    "parse_empty": ("ファイルが空です。", "the file is empty."),
    "parse_not_utf8": ("UTF-8のテキストではありません。", "not UTF-8 text."),
    "parse_mixed_editions": (
        "事業費の見出しが{odd}の事業があります（ほかは{code}）。一つの文書は一つの版です。",
        "a budget label says {odd}, the others say {code}: one document is one edition.",
    ),
    "parse_heading_alone": (
        "【No{no}】の見出しの後に事業の記載がありません。",
        "【No{no}】 has no project block after it.",
    ),
    "parse_no_number": (
        "この事業には【No..】の見出しがなく、前後から番号を決められません。",
        "this project has no 【No..】 heading and no free number between its neighbours.",
    ),
    "parse_number_repeated": (
        "No{no}が二度あります（{other_line}行目にも）。",
        "No{no} appears twice (also line {other_line}).",
    ),
    "parse_label_twice": (
        "一つの事業に項目「{label}」が二度あります。",
        "the label 「{label}」 appears twice in one project.",
    ),
    "parse_label_missing": (
        "項目「{label}」がありません（途中で切れていませんか）。",
        "the label 「{label}」 is missing (a truncated block?).",
    ),
    "parse_label_empty": (
        "項目「{label}」に値がありません（途中で切れていませんか）。",
        "the label 「{label}」 has no value (a truncated block?).",
    ),
    "parse_bad_budget": (
        "事業費「{value}」が千円単位の数として読めません。",
        "the budget 「{value}」 is not a number of thousand yen.",
    ),
    "parse_bad_year": ("「{value}」は年度として読めません。", "「{value}」 is not a fiscal year."),
    "parse_no_year_columns": (
        "取組の表に年度の列がありません。",
        "the initiative table has no fiscal-year columns.",
    ),
    "parse_none_found": (
        "ロードマップの文書が見つかりません。",
        "no roadmap documents found.",
    ),
    "cli_backed_up": (
        "{path} にバックアップしました（整合性：{integrity}、追記専用のトリガー：{total}個中{present}個あり）",
        "backed up to {path} (integrity: {integrity}; append-only triggers: {present} of {total} present)",
    ),
    "cli_teams_package": (
        "{path} を作りました。Teams の「アプリ」→「アプリを管理」→「アプリをアップロード」からアップロードしてください。",
        "wrote {path}: upload it in Teams → Apps → Manage your apps → Upload an app",
    ),
    "cli_ingest_draft": ("（案）", " (draft)"),
    "cli_ingest_edition": (
        "{code}{draft}：版全体で{n}事業",
        "{code}{draft}: {n} projects in the edition",
    ),
    "cli_ingest_totals": (
        "追加した記録：{added}件、置き換え：{superseded}件、事業のつながり：{links}件",
        "entries added: {added}, superseded: {superseded}, links: {links}",
    ),
    "cli_wrote": ("{path} に書き出しました（{size}バイト）", "wrote {path} ({size} bytes)"),
    "cli_no_field": (
        "--field「{field}」の事業はありません。分野：{fields}",
        "--field: no project in the field {field} (fields: {fields})",
    ),
    "cli_draft_field_file": ("{path}：{field}、{n}事業", "{path}: {field}, {n} projects"),
    "cli_update_done": ("#{id} {year}実績 {project}：{text}", "#{id} {year} {project}: {text}"),
    "cli_run_incomplete": (
        "チャットの設定が途中です：{missing} が設定されていません。設定するか、設定済みの変数を外してください（外すとコンソールが開きます）。",
        "The chat settings are incomplete: {missing} is not set. Set it, or unset the others (then the console opens).",
    ),
    "cli_run_either": ("{a} または {b}", "{a} or {b}"),
    "cli_run_console": (
        "チャットの設定がないため、コンソールを開きます（Slack：SLACK_BOT_TOKEN と SLACK_SIGNING_SECRET、Teams：TEAMS_APP_ID と TEAMS_APP_PASSWORD）。",
        "No chat settings (Slack: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; Teams: TEAMS_APP_ID + TEAMS_APP_PASSWORD): opening the console.",
    ),
    "cli_serving": ("{what} を提供しています（ポート {port}）。", "Serving {what} (port {port})."),
    "cli_serving_both": (
        "Slack（ポート {port}）と Teams（ポート {teams_port}）を提供しています。",
        "Serving Slack (port {port}) and Teams (port {teams_port}).",
    ),
    "command_mistyped": (
        "「{word}」はコマンドではありません。{guess} のことですか？何も実行していません。"
        "質問なら文章で書いてください（help で使い方）。",
        '"{word}" is not a command. Did you mean {guess}? Nothing was done. '
        "For a question, write it as a sentence (help lists the commands).",
    ),
    "owners_bad_user_id": (
        "ユーザーの識別子「{user_id}」は使えません（空白や制御文字を含まない識別子を指定してください）。何も登録していません。",
        'The user id "{user_id}" cannot be used (no blanks or control characters). Nothing was added.',
    ),
    "error_generic": (
        "すみません、処理できませんでした。もう一度お試しください。",
        "Sorry, something went wrong. Please try again.",
    ),
    "share_button": ("チャンネルに共有", "Share to channel"),
    "shared_by": ("{user} が共有", "Shared by {user}"),
    "home_title": ("DXロードマップ：あなたの担当事業", "DX roadmap: your projects"),
    "home_none": (
        "担当している事業はありません。質問はいつでもどうぞ（/roadmap help）。",
        "You own no project. Ask me anything (/roadmap help).",
    ),
    "home_latest": ("最新の記録：{date}（{who}）", "Latest entry: {date} ({who})"),
    "home_stale": ("⚠️ {year}の実績がまだありません", "⚠️ No {year} entry yet"),
    "home_update": ("実績を報告", "Report progress"),
    # -- weekly digest, charts, nudges ---------------------------------------------------
    "digest_title": (
        "📊 DXロードマップ週報 {start}〜{end}（{week}）",
        "📊 DX roadmap week {start} to {end} ({week})",
    ),
    "digest_entries": ("新しい実績報告：{n}件", "New progress entries: {n}"),
    "digest_retraction": ("取消：{text}（{who}）", "retracted: {text} ({who})"),
    "digest_stale": (
        "{year}の実績がない・止まっている事業：{n}件",
        "No {year} progress or silent: {n} projects",
    ),
    "digest_ending": ("{year}に終了予定の事業：{n}件", "Ending in {year}: {n} projects"),
    "digest_ended": ("昨年度に終了した事業：{n}件", "Ended last year: {n} projects"),
    "digest_totals": (
        "{edition}版：{n}事業、事業費合計 {money}",
        "{edition} edition: {n} projects, total budget {money}",
    ),
    "digest_none": ("（なし）", "(none)"),
    "chart_budget_title": (
        "部局別事業費（{edition}版、千円）",
        "Budget by department ({edition} edition, thousand yen)",
    ),
    "chart_timeline_title": ("事業期間（{edition}版）", "Project periods ({edition} edition)"),
    "chart_ongoing": ("終期未定・記載なし →", "no end year →"),
    "chart_usage": (
        "使い方：/roadmap chart budget または /roadmap chart timeline",
        "Usage: /roadmap chart budget | timeline",
    ),
    "nudge_text": (
        "{year}の実績がまだ記録されていない担当事業があります：\n{projects}\n「実績を報告」から記録してください（通知を止める: /roadmap nudges off）。",
        "Your projects have no {year} progress yet:\n{projects}\nUse “Report progress” (stop these: /roadmap nudges off).",
    ),
    "nudges_off": (
        "週次のお知らせを止めました（再開: /roadmap nudges on）。",
        "Weekly nudges are off (turn on: /roadmap nudges on).",
    ),
    "nudges_on": ("週次のお知らせを再開しました。", "Weekly nudges are on."),
    "diff_usage": (
        "使い方：/roadmap diff R6 R7（読み込み済みの版：{editions}）",
        "Usage: /roadmap diff R6 R7 (loaded editions: {editions})",
    ),
    "diff_summary": (
        "{older}版 → {newer}版：新規{added}件、終了・対応なし{ended}件、名称変更{renamed}件。詳しくはファイルをご覧ください。",
        "{older} → {newer}: {added} added, {ended} ended, {renamed} renamed. Details in the file.",
    ),
    "export_usage": (
        "使い方：/roadmap export csv|xlsx|json",
        "Usage: /roadmap export csv | xlsx | json",
    ),
    "export_summary": (
        "最新版の事業一覧（{fmt}）をこのチャンネルにアップロードします。",
        "Uploading the latest edition's projects ({fmt}) to this channel.",
    ),
    "nudges_usage": ("使い方：/roadmap nudges off または on", "Usage: /roadmap nudges off | on"),
    # -- #15: the command table, replies that fit, failures told to the person -------------
    "cmd_ask": ("質問に答えます", "answers a question"),
    "cmd_update": (
        "実績を記録します（内容なしで入力フォーム）",
        "records progress (alone: opens the form)",
    ),
    "cmd_history": (
        "事業の実績の記録を表示します（--all で全件をファイルで）",
        "shows a project's entries (--all: all of them as a file)",
    ),
    "cmd_retract": (
        "記録を取り消します（履歴には残ります）",
        "retracts an entry (it stays in the history)",
    ),
    "cmd_owners": ("担当者の一覧", "lists the owners"),
    "cmd_owners_add": ("担当者を登録します", "makes someone an owner"),
    "cmd_owners_remove": ("担当者を外します", "removes an owner"),
    "cmd_digest": ("今週の週報を表示します", "shows this week's digest"),
    "cmd_diff": ("2つの版の違いをファイルで", "compares two editions (as a file)"),
    "cmd_export": ("最新版の事業一覧をファイルで", "the latest edition's projects as a file"),
    "cmd_chart": ("グラフ（画像）", "a chart (image)"),
    "cmd_nudges": (
        "週次のお知らせ（ダイレクトメッセージ）のオン・オフ",
        "weekly reminders by DM on or off",
    ),
    "cmd_help": ("この使い方", "this help"),
    "help_commands": ("コマンド：", "Commands:"),
    "help_also": ("（別名：{words}）", "(also: {words})"),
    "help_owner": ("［担当者］", "[owners]"),
    "help_admin": ("［管理者］", "[admins]"),
    "help_examples": ("質問の例：{examples}", "Examples: {examples}"),
    "history_usage": ("使い方：{usage}", "Usage: {usage}"),
    "history_more_hint": (
        "すべての記録は {command} でファイルとして受け取れます。",
        "Get every entry as a file with {command}.",
    ),
    "left_out": ("…ほか{n}行は省略しました。{hint}", "…{n} more lines left out. {hint}"),
    "left_out_earlier": (
        "…古い{n}行は省略しました。{hint}",
        "…{n} earlier lines left out. {hint}",
    ),
    "home_more": (
        "ほか{n}件の担当事業があります（/roadmap update で選べます）。",
        "And {n} more projects (choose them in /roadmap update).",
    ),
    "chart_making": ("📊 グラフ：{title}", "📊 Chart: {title}"),
    "file_uploading": (
        "ファイルをこのチャンネルにアップロードします。",
        "Uploading the file to this channel.",
    ),
    "export_made": (
        "{edition}版の事業一覧（{fmt}、{n}件）",
        "The {edition} edition's projects ({fmt}, {n} projects)",
    ),
    "console_no_form": (
        "コンソールには入力フォームがありません。次の形で入力してください：{usage}",
        "The console has no form: type {usage}",
    ),
    "file_saved": ("ファイルを保存しました：{path}", "Saved the file: {path}"),
    "teams_no_file": (
        "Teamsではファイルを送れません。Slack の /roadmap {command} か、コンソールの {command} をお使いください。",
        "Teams cannot receive this file here: use /roadmap {command} in Slack, or {command} in the console (roadmap console).",
    ),
    "teams_no_chart": (
        "Teamsではグラフ画像を表示できません。Slack の /roadmap chart か、データは export csv でどうぞ。",
        "Teams cannot show the chart image here: use /roadmap chart in Slack, or export csv for the data.",
    ),
    "teams_part": ("（{i}/{n}）", "({i}/{n})"),
    "teams_send_failed": (
        "返信をTeamsに送れませんでした。条件を絞るか、少し待ってからもう一度お試しください。",
        "Teams refused my reply: narrow the question or try again in a moment.",
    ),
    # Review of #15/#16 (branch j): Teams has no private messages inside a channel.
    "teams_sent_to_personal_chat": (
        "この返信はあなただけに見えるよう、ボットとの個人チャットに送りました。",
        "This reply is for you only: I sent it to your personal chat with me.",
    ),
    "teams_private_in_thread": (
        "（Teamsでは本人だけに見える返信ができません。ボットと個人チャットを始めると、次からはそちらに送ります。）",
        "(Teams cannot show a reply to you alone here. Start a personal chat with me and such replies will go there.)",
    ),
    "slack_not_in_channel": (
        "このチャンネルに投稿できませんでした。/invite @roadmap でチャンネルに招待してから、もう一度お試しください。",
        "I could not post in this channel: invite me with /invite @roadmap, then try again.",
    ),
    "slack_channel_not_found": (
        "このチャンネルには投稿できません（ボットが参加していない会話です）。/invite @roadmap で招待するか、ボットとのダイレクトメッセージで実行してください。",
        "I cannot post in this conversation (I am not in it): invite me with /invite @roadmap or run the command in a DM with me.",
    ),
    "slack_is_archived": (
        "このチャンネルはアーカイブされているため投稿できません。別のチャンネルで実行してください。",
        "This channel is archived, so I cannot post there: run the command in another channel.",
    ),
    "slack_too_long": (
        "返信が長すぎてSlackに受け付けられませんでした。条件を絞るか、export / history --all でファイルとして受け取ってください。",
        "The reply was too long for Slack: narrow the question, or get it as a file (export, history --all).",
    ),
    "slack_ratelimited": (
        "Slackが混み合っていて投稿できませんでした。少し待ってからもう一度お試しください。",
        "Slack is busy and refused the post: wait a moment and try again.",
    ),
    "slack_failed": (
        "Slackへの投稿に失敗しました（{error}）。もう一度お試しください。",
        "Posting to Slack failed ({error}). Please try again.",
    ),
    "update_recorded_not_posted": (
        "記録はされています（#{id}）が、チャンネルへのお知らせを投稿できませんでした。{why}",
        "Your entry is recorded (#{id}), but I could not announce it in the channel. {why}",
    ),
    # -- issue #16 ---------------------------------------------------------------------------
    "retract_not_allowed": (
        "#{id} を取り消せるのは、記録した本人か {project} の担当者だけです（担当者：{owners}）。何も取り消していません。",
        "Only the author of #{id} or an owner of {project} can retract it (owners: {owners}). Nothing was retracted.",
    ),
    "update_form_other_edition": (
        "{project} は最新版の事業ではありません。フォームで選べる事業だけを更新できます。何も記録していません。",
        "{project} is not a project of the latest edition: choose one the form offers. Nothing was recorded.",
    ),
    # -- #17 command line: one line in the user's language, with the path and what to do ------
    "cli_usage_missing": ("{param} が指定されていません。", "{param} is missing."),
    "cli_usage_option": ("{option} というオプションはありません。", "There is no option {option}."),
    "cli_usage_value": (
        "{param} の値が正しくありません（使える値：{choices}）。",
        "{param} has a value that cannot be used (allowed: {choices}).",
    ),
    "cli_usage_bad_value": ("{param} の値が正しくありません。", "{param} has a bad value."),
    "cli_usage_path": (
        "{param} の {path} は使えません（ファイルがない、またはフォルダです）。",
        "{param}: cannot use {path} (it does not exist or is a folder).",
    ),
    "cli_usage_command": (
        "{command} というコマンドはありません。",
        "There is no command {command}.",
    ),
    "cli_usage_extra": ("余分な引数があります：{extra}", "Unexpected extra arguments: {extra}"),
    "cli_usage_generic": (
        "コマンドの書き方が正しくありません。",
        "The command is not written correctly.",
    ),
    "cli_usage_help": (
        "使い方は {command} --help で確認できます。",
        "See {command} --help for how to use it.",
    ),
    "cli_out_no_folder": (
        "出力先のフォルダ {folder} がありません（{path}）。既存のフォルダを指定してください。フォルダは作成しません。",
        "The folder {folder} does not exist ({path}): choose an existing folder; none is created.",
    ),
    "cli_out_is_folder": (
        "{path} はフォルダです。ファイル名まで指定してください。",
        "{path} is a folder: give a file name.",
    ),
    "cli_cannot_write": (
        "{path} に書き込めません。書き込み権限のある場所を指定してください。",
        "Cannot write {path}: choose a place you may write to.",
    ),
    "cli_out_exists": (
        "{path} はすでにあります。上書きしないので、新しいファイル名を指定してください。",
        "{path} already exists: choose a new file name (nothing is overwritten).",
    ),
    "cli_binary_needs_out": (
        "{fmt} 形式は画面に出せません。--out ファイル名 を指定してください。",
        "The {fmt} format cannot be printed: give --out FILE.",
    ),
    "cli_store_missing": (
        "データベース {path} がありません。先に roadmap ingest --db {path} で作成してください。",
        "There is no store at {path}: create it first with roadmap ingest --db {path}.",
    ),
    "cli_store_no_folder": (
        "データベースのフォルダ {folder} がありません。既存のフォルダを指定してください。フォルダは作成しません。",
        "The folder {folder} for the store does not exist: choose an existing folder; none is created.",
    ),
    "cli_not_a_store": (
        "{path} はロードマップのデータベースではありません。--db の指定を確認してください。",
        "{path} is not a roadmap store: check --db.",
    ),
    "cli_store_unreadable": (
        "データベース {path} を開けません。パスと読み取り権限を確認してください。",
        "Cannot open the store {path}: check the path and that you may read it.",
    ),
    "cli_unknown_prefecture": (
        "「{name}」という都道府県はありません。青森県・東京都・北海道のように正式名で指定してください（ROADMAP_PREFECTURE）。",
        'There is no prefecture "{name}": use a full name such as 「青森県」, 「東京都」 or 「北海道」 (ROADMAP_PREFECTURE).',
    ),
    "cli_no_such_place": (
        "{path} がありません。パスを確認してください。",
        "{path} does not exist: check the path.",
    ),
    "cli_input_unreadable": (
        "{path} を読めません。パスと読み取り権限を確認してください。",
        "Cannot read {path}: check the path and that you may read it.",
    ),
    "cli_no_edition": (
        "{label}版はありません（読み込み済みの版：{editions}）。",
        "There is no {label} edition (loaded: {editions}).",
    ),
    "cli_unnumbered": (
        "{label}版の事業には番号がありません。事業名で指定してください（例：{examples}）。",
        "The {label} edition does not number its projects: give a name (e.g. {examples}).",
    ),
    "cli_no_project": (
        "{label}版に「{reference}」に当たる事業はありません。",
        'No project matches "{reference}" in the {label} edition.',
    ),
    "cli_closest": ("近いもの：{names}", "Closest: {names}"),
    "cli_ambiguous": (
        "「{reference}」に当たる事業が複数あります：{names}。番号か正式名で指定してください。",
        '"{reference}" matches several projects: {names}. Give the number or the full name.',
    ),
    "cli_diff_same": (
        "同じ版どうしは比較できません。異なる2つの版を指定してください（例：roadmap diff {example}）。",
        "An edition cannot be compared with itself: give two different ones (e.g. roadmap diff {example}).",
    ),
    "cli_diff_reordered": (
        "古い版から新しい版への変化として比較します：{older}版 → {newer}版",
        "Comparing from the older to the newer edition: {older} → {newer}",
    ),
    "cli_not_a_year": (
        "「{value}」は年度として読めません（例：R8、令和8年度）。",
        '"{value}" is not a fiscal year (e.g. R8).',
    ),
    "cli_draft_year": (
        "{target}の原案は作れません。最新の版は{latest}版なので、{next}以降の年度を指定してください。",
        "No draft for {target}: the latest edition is {latest}, so give {next} or later.",
    ),
    "cli_empty_user": (
        "--user が空です。記録する人の名前を指定してください。",
        "--user is empty: give the name of the person reporting.",
    ),
    "cli_history_needs_target": (
        "事業（No40 など）か --all を指定してください。",
        "Give a project (No40) or --all.",
    ),
    "cli_one_target": (
        "--project か --section のどちらか一方を指定してください。",
        "Give exactly one of --project or --section.",
    ),
    "cli_bad_time": (
        "--now の「{value}」は日時として読めません（例：2026-11-22T09:00）。",
        '--now "{value}" is not a time (e.g. 2026-11-22T09:00).',
    ),
    "cli_bad_setting": (
        "設定 {names} の値が正しくありません。.env か環境変数を確認してください。",
        "The setting {names} has a bad value: check .env or the environment.",
    ),
    "cli_interrupted": ("中断しました。", "Interrupted."),
    "cli_slack_token_missing": (
        "SLACK_BOT_TOKEN が設定されていません（README の「Connect to Slack」を参照）。",
        "SLACK_BOT_TOKEN is not set (see README: Connect to Slack).",
    ),
    "cli_slack_secret_missing": (
        "SLACK_SIGNING_SECRET が設定されていません（または SLACK_APP_TOKEN と --socket を使ってください）。",
        "SLACK_SIGNING_SECRET is not set (or use --socket with SLACK_APP_TOKEN).",
    ),
    "cli_teams_missing": (
        "TEAMS_APP_ID と TEAMS_APP_PASSWORD が設定されていません（README の「Connect to Teams」を参照）。",
        "TEAMS_APP_ID and TEAMS_APP_PASSWORD are not set (see README: Connect to Teams).",
    ),
    "cli_post_needs": (
        "--post には SLACK_BOT_TOKEN と ROADMAP_DIGEST_CHANNEL の設定が必要です。",
        "--post needs SLACK_BOT_TOKEN and ROADMAP_DIGEST_CHANNEL.",
    ),
    "cli_internal": (
        "予期しないエラーで中断しました（{kind}）。roadmap -v を付けて実行すると詳細を記録します。",
        "Stopped by an unexpected error ({kind}). Run with roadmap -v to log the details.",
    ),
    # -- #13 understanding that composes: every answer says what it computed ----------------
    "scope_all": ("{edition}の全事業（{n}件）", "all {n} projects of the {edition}"),
    "scope_filtered": (
        "{edition}の{what}の事業（{n}件）",
        "{edition} projects {what} ({n} project(s))",
    ),
    "scope_all_plain": ("{edition}の事業", "projects of the {edition}"),
    "scope_filtered_plain": ("{edition}の{what}の事業", "{edition} projects {what}"),
    "count_of_rest": ("一覧は「一覧」を付けて聞いてください。", "Ask for the list to see them."),
    "budget_of": ("{label}事業費", "{label} budget"),
    "list_is": ("{scope}：", "{scope}:"),
    "count_of": ("{scope}は{n}件です。", "{scope}: {n} project(s)."),
    "sum_of": ("{scope}の{budget}の合計は{money}です。", "{budget} total of {scope}: {money}."),
    "avg_of": ("{scope}の{budget}の平均は{money}です。", "{budget} average of {scope}: {money}."),
    "max_of": ("{scope}のうち{budget}が最も大きい事業：", "Largest {budget} among {scope}:"),
    "min_of": ("{scope}のうち{budget}が最も小さい事業：", "Smallest {budget} among {scope}:"),
    "top_of": ("{scope}のうち{budget}の上位{n}件：", "Top {n} by {budget} among {scope}:"),
    "bottom_of": ("{scope}のうち{budget}の下位{n}件：", "Bottom {n} by {budget} among {scope}:"),
    "nth_largest": (
        "{scope}のうち{budget}が{n}番目に大きい事業：",
        "Number {n} by {budget}, largest first, among {scope}:",
    ),
    "nth_smallest": (
        "{scope}のうち{budget}が{n}番目に小さい事業：",
        "Number {n} by {budget}, smallest first, among {scope}:",
    ),
    "nth_missing": (
        "{scope}には{n}番目の事業がありません。",
        "{scope} has fewer than {n} projects.",
    ),
    "filter_category": ("項目「{value}」", "in category {value}"),
    "filter_field": ("分野「{value}」", "in field {value}"),
    "filter_start_between": ("{low}〜{high}に開始", "starting {low}–{high}"),
    "filter_end_between": ("{low}〜{high}に終了", "ending {low}–{high}"),
    "filter_budget_between": (
        "事業費 {low}〜{high}千円",
        "budget {low}–{high} thousand yen",
    ),
    "filter_priority_frame_yes": ("重点枠事業", "in the priority budget"),
    "filter_priority_frame_no": ("重点枠事業以外", "not in the priority budget"),
    "filter_future_response_yes": ("将来対応分", "planned for a later phase"),
    "filter_future_response_no": ("将来対応分以外", "not planned for a later phase"),
    "budget_rose": (
        "{scope}のうち前の版より事業費が増えた事業は{n}件です（前の版 → 今の版）：",
        "{scope}: {n} with a higher budget than in the previous edition (before → now):",
    ),
    "budget_fell": (
        "{scope}のうち前の版より事業費が減った事業は{n}件です（前の版 → 今の版）：",
        "{scope}: {n} with a lower budget than in the previous edition (before → now):",
    ),
    "merged_budget": (
        "※前の版では{names}の合計{total}千円 → {now}千円（{change}千円）",
        "Note: in the previous edition this was {names}, together {total} → {now} thousand yen ({change})",
    ),
    "merged_from": (
        "※前の版の{n}事業の合計と比較",
        " (compared with the sum of {n} older projects)",
    ),
    "year_not_used": (
        "※この項目は年度ごとには記載されていないため、{year}は使っていません（版の記載です）。",
        "Note: this is not printed per year, so {year} was not applied (the edition's entry).",
    ),
    "ambiguous_plain": (
        "当たる事業が複数あります。どれですか？",
        "Several projects match. Which one?",
    ),
    "projects_of": ("{value}の事業", "projects of {value}"),
    "difference": ("差額：{money}", "Difference: {money}"),
    "per_edition_title": ("版ごとの比較：", "Per edition:"),
    "filter_not": ("{value}以外", "other than {value}"),
    "filter_added": ("前の版にない（新規掲載）", "not in the previous edition (newly listed)"),
    "filter_text": ("「{value}」関連（本文に記載あり）", "mentioning 「{value}」"),
    "value_not_in_edition": (
        "（{value}は{edition}にはありません。別の版の名称かもしれません）",
        "({value} does not appear in the {edition}; it may be another edition's name)",
    ),
    "budget_year_not_stated": (
        "{ref}の{year}事業費は記載されていません（この版が記載するのは{printed}事業費です）。",
        "{ref}: no {year} budget is stated (this edition prints the {printed} budget).",
    ),
    "category_is": (
        "{ref}の項目は{category}（分野：{field}）です。",
        "{ref}: category {category} (field: {field}).",
    ),
    "sentence_is": ("{ref}の記載：", "{ref} — the roadmap says:"),
    "words_not_in_text": (
        "「{words}」はロードマップの本文に見つかりませんでした。{found}を含む事業：",
        "「{words}」 does not appear in the roadmap. Projects mentioning {found}:",
    ),
    "found_by_text": (
        "（「{words}」を本文に含む事業として見つけました）",
        "(found as the project whose text mentions 「{words}」)",
    ),
    "not_applied": (
        "「{words}」を条件として読み取れませんでした。分かった条件：{edition}・{understood}（{operation}）。"
        "部局・課・項目・年度・金額などで言い換えてください。",
        "I could not apply 「{words}」 as a condition. Understood: {edition}, {understood} ({operation}). "
        "Please rephrase with a department, section, category, year or amount.",
    ),
    "operation_list": ("一覧", "list"),
    "operation_count": ("件数", "count"),
    "operation_sum": ("合計", "total"),
    "operation_avg": ("平均", "average"),
    "operation_max": ("最大", "largest"),
    "operation_min": ("最小", "smallest"),
    "operation_top": ("上位", "top"),
    "operation_bottom": ("下位", "bottom"),
    "operation_nth": ("順位指定", "N-th"),
    "operation_group": ("集計", "grouping"),
    "gone_in_edition": (
        "{ref}に当たる事業は{edition}にはありません。",
        "{ref} has no counterpart in the {edition}.",
    ),
    "no_such_edition": ("その版は読み込まれていません。", "That edition is not loaded."),
    "project_fails_filter": (
        "{ref}は「{what}」に当たりません。どちらについての質問か教えてください。",
        "{ref} does not match {what}. Which did you mean?",
    ),
    "project_not_applied": (
        "{ref}について聞かれたと理解しましたが、「{words}」を条件として読み取れませんでした。言い換えてください。",
        "I understood a question about {ref}, but could not apply 「{words}」. Please rephrase.",
    ),
    "number_inferred": (
        "※No{no}の番号は文書に印刷されておらず、前後の番号から推定しています。",
        "Note: No{no} is not printed in the document; the number is inferred from its neighbours.",
    ),
}


# -- issue #14: field documents, drafts ----------------------------------------------------
PHRASES.update(
    {
        "draft_note": (
            "※ {edition}版は案（ドラフト）です。確定版ではありません。",
            "Note: the {edition} edition is a draft, not the published roadmap.",
        ),
        "documents_title": ("読み込み済みの文書（{n}件）：", "Loaded documents ({n}):"),
        "documents_none": (
            "文書がまだ読み込まれていません（roadmap ingest）。",
            "No document is loaded yet (roadmap ingest).",
        ),
        "documents_row": (
            "・{edition}版 {field}{draft}：{file}（{n}件、{loaded}読込、SHA-256 {sha}）",
            "- {edition} {field}{draft}: {file} ({n} projects, loaded {loaded}, SHA-256 {sha})",
        ),
        "draft_mark": ("（案）", " (draft)"),
        "project_gone": (
            "{project}は現在の{edition}版にはもうありません（改訂された文書に含まれていません）。記録はそのまま残っています。",
            "{project} is no longer in the {edition} edition (the revised document leaves it out); its record is kept.",
        ),
    }
)

# -- follow-ups of issues #14 and #15: documents in chat ------------------------------------
PHRASES.update(
    {
        "cmd_documents": (
            "読み込んだロードマップ文書の一覧",
            "lists the loaded roadmap documents",
        ),
    }
)

# -- diff: edition comparison report (merges and take-overs, unequal field sets) ----------
PHRASES.update(
    {
        "diff_title": ("{older}版 → {newer}版 の変更", "{older} → {newer}: what changed"),
        "diff_no_field": ("分野の記載なし", "no field"),
        "diff_field_caveat": (
            "読み込まれている分野が版によって異なります（{older}版：{older_fields}／{newer}版：{newer_fields}）。合計と新規・終了は両方にある分野（{common}）だけで比べています。",
            "The editions have different fields loaded ({older}: {older_fields}; {newer}: {newer_fields}). Totals, added and ended projects compare only the fields both have ({common}).",
        ),
        "diff_totals": (
            "事業数 {old_n} → {new_n}、事業費合計 {old_sum}千円 → {new_sum}千円",
            "Projects {old_n} → {new_n}, total budget {old_sum} → {new_sum} thousand yen",
        ),
        "diff_totals_common": (
            "両方にある分野（{common}）：事業数 {old_n} → {new_n}、事業費合計 {old_sum}千円 → {new_sum}千円",
            "Fields in both ({common}): projects {old_n} → {new_n}, total budget {old_sum} → {new_sum} thousand yen",
        ),
        "diff_totals_all": (
            "参考・読み込み済みの全分野（分野がそろっていないため比較ではありません）：{older}版 {old_n}事業 {old_sum}千円（{old_fields}分野）、{newer}版 {new_n}事業 {new_sum}千円（{new_fields}分野）",
            "For reference, every loaded field (not a comparison: the fields differ): {older} {old_n} projects, {old_sum} thousand yen (fields: {old_fields}); {newer} {new_n} projects, {new_sum} thousand yen (fields: {new_fields})",
        ),
        "diff_added": ("新規（{n}件）", "Added ({n})"),
        "diff_ended": ("終了・対応なし（{n}件）", "Ended or not carried on ({n})"),
        "diff_renamed": ("名称変更（{n}件）", "Renamed ({n})"),
        "diff_takeovers": ("統合・引継ぎ（{n}件）", "Merged or taken over ({n})"),
        "diff_budgets": ("事業費の増減（{n}件）", "Budget changes ({n})"),
        "diff_periods": ("期間の変更（{n}件）", "Period changes ({n})"),
        "diff_org_renames": ("部局・担当課の名称変更", "Departments and sections renamed"),
        "diff_summaries": ("概要の変更（{n}件）", "Summary changes ({n})"),
        "diff_uncompared": (
            "比較対象外（片方の版にしかない分野）",
            "Not compared (fields only one edition has)",
        ),
        "diff_uncompared_row": (
            "{edition}版 {field}：{n}事業（もう一方の版にこの分野の文書がありません）",
            "{edition} {field}: {n} projects (the other edition has no document for this field)",
        ),
        "diff_kind_merged": ("統合", "merged"),
        "diff_kind_split": ("分割", "split"),
        "diff_kind_taken_over": ("業務の引継ぎ", "work taken over"),
        "diff_takeover_compared": (
            "合計で{change}千円、{pct}",
            "together {change} thousand yen, {pct}",
        ),
        "diff_takeover_side_by_side": (
            "増減は示しません。前の事業費は継続する事業の増減で比べているか、片方の版にしかない分野の事業です",
            "no change shown: these budgets are compared where the projects continue, or lie in a field only one edition has",
        ),
        "diff_work_also_to": ("一部は{refs}が引継ぎ", "part of its work went to {refs}"),
        "diff_work_also_from": ("{refs}の業務も引継ぎ", "also took over work of {refs}"),
        "diff_thousand_yen": ("千円", "thousand yen"),  # English: after a space
    }
)

# -- review findings (branch k): wording that was built outside this module ----------------
PHRASES.update(
    {
        "help_ask_1": (
            "番号や事業名で聞いてください：事業費・担当・期間・概要・計画・実績。",
            "Ask about a project by number or name: budget, owner, period, summary, plan, results.",
        ),
        "help_ask_2": (
            "一覧：R7で終わる事業、R5より前に始まった事業、教育庁の事業、1億円以上の事業。",
            "Ask for lists: ending in R7, started before R5, by department, over 100 million yen.",
        ),
        "help_ask_3": (
            "集計：合計・件数・平均・最大・トップ5・部局別。",
            "Ask for totals, counts, averages, the largest, top 5, per department.",
        ),
        "help_ask_4": (
            "版の比較：R6とR7の予算比較、名称が変わった事業、前身・後継、何が変わったか。",
            "Compare editions: R6 vs R7 budget, renamed projects, predecessor, what changed.",
        ),
        "help_command_list": ("コマンド：{commands}", "Commands: {commands}"),
        "number_inferred_mark": ("（番号は推定）", " (number inferred)"),
        "initiative_untitled": ("（名称なし）", "(untitled)"),
        "chat_progress_title": ("チャットでの実績報告:", "Progress reported in chat:"),
        "predecessor_line": ("前身: {project}  [{why}]", "Predecessor: {project}  [{why}]"),
        "successor_line": ("後継: {project}  [{why}]", "Successor: {project}  [{why}]"),
        "entry_retracts": ("取消: #{id}", "retracts #{id}"),
        "entry_reason": ("理由: {reason}", "reason: {reason}"),
        "entry_retracted_mark": ("（取消済み）", " (retracted)"),
        "cli_integrity": ("整合性チェック：{result}", "integrity: {result}"),
        "cli_trigger_present": ("追記専用トリガー {name}：あり", "trigger {name}: present"),
        "cli_trigger_missing": ("追記専用トリガー {name}：ありません", "trigger {name}: MISSING"),
        "cli_owner_section": ("担当課 {section}", "section {section}"),
        "cli_digest_posted": (
            "今週のまとめを {channel} に投稿しました。",
            "digest: posted to {channel}.",
        ),
        "cli_digest_done": (
            "今週のまとめは {channel} に投稿済みです。",
            "digest: done — this week's is already in {channel}.",
        ),
        "cli_digest_not_due": (
            "今週のまとめはまだ投稿の時刻になっていません（ROADMAP_DIGEST_CRON）。",
            "digest: not due yet this week (ROADMAP_DIGEST_CRON).",
        ),
        "cli_digest_failed": (
            "今週のまとめを {channel} に投稿できませんでした（{code}）：{why}",
            "digest: failed in {channel} ({code}): {why}",
        ),
        "cli_digest_unknown_failure": (
            "原因は記録を確認してください（roadmap -v）。",
            "see the log for why (roadmap -v).",
        ),
    }
)

# -- issue #22: every mention accounted for ----------------------------------------------
PHRASES.update(
    {
        "several_title": (
            "{edition}の事業ごとの{budget}：",
            "{budget} of each project ({edition}):",
        ),
        "several_total": ("合計（{n}件）：{money}", "Total of the {n}: {money}"),
        "several_average": ("平均：{money}", "Average: {money}"),
        "several_difference": ("差：{money}（{a} と {b}）", "Difference: {money} ({a} and {b})"),
        "several_ratio": ("{a}は{b}の{ratio}倍です。", "{a} is {ratio} times {b}."),
        "several_larger": ("大きいのは {who} です。", "The larger: {who}."),
        "several_smaller": ("小さいのは {who} です。", "The smaller: {who}."),
        "several_facts_title": ("事業ごとに：", "Each project:"),
        "several_earliest_start": ("先に始まったのは {who} です。", "Started first: {who}."),
        "several_latest_start": ("後に始まったのは {who} です。", "Started last: {who}."),
        "several_earliest_end": ("先に終わるのは {who} です。", "Ends first: {who}."),
        "several_latest_end": ("後まで続くのは {who} です。", "Runs the longest: {who}."),
        "several_same_period": ("期間は同じです。", "They run over the same period."),
        "several_other_period": ("期間は異なります。", "They run over different periods."),
        "group_row": ("{n}件、合計 {money}", "{n} project(s), total {money}"),
        "groups_title": ("{edition}のグループごと：", "Each group ({edition}):"),
        "groups_together": ("合わせて：{n}件、{money}", "Together: {n} project(s), {money}"),
        "groups_shared": (
            "※{names} は複数のグループに記載されているため、それぞれに数えています（合わせた数では1件）。",
            "Note: {names} is printed under more than one group and counted in each (once together).",
        ),
        "groups_difference": (
            "差：{a}と{b}で{n}件、{money}",
            "Difference between {a} and {b}: {n} project(s), {money}",
        ),
        "groups_more_budget": ("合計額が大きいのは {who} です。", "The larger total: {who}."),
        "groups_more_count": ("事業数が多いのは {who} です。", "More projects: {who}."),
        "groups_fewer_budget": ("合計額が小さいのは {who} です。", "The smaller total: {who}."),
        "groups_fewer_count": ("事業数が少ないのは {who} です。", "Fewer projects: {who}."),
        "group_most_count": (
            "事業数が最も多いのは {who}（{n}件）です。",
            "The most projects: {who} ({n}).",
        ),
        "group_fewest_count": (
            "事業数が最も少ないのは {who}（{n}件）です。",
            "The fewest projects: {who} ({n}).",
        ),
        "group_most_budget": (
            "合計額が最も大きいのは {who}（{money}）です。",
            "The largest total: {who} ({money}).",
        ),
        "group_fewest_budget": (
            "合計額が最も小さいのは {who}（{money}）です。",
            "The smallest total: {who} ({money}).",
        ),
        "filter_running": ("{year}に実施中", "running in {year}"),
        "filter_single_year": ("始期と終期が同じ年度", "starting and ending in the same year"),
        "earliest_start": ("{scope}のうち始期が最も早い事業：", "Earliest start among {scope}:"),
        "latest_start": ("{scope}のうち始期が最も遅い事業：", "Latest start among {scope}:"),
        "earliest_end": ("{scope}のうち終期が最も早い事業：", "Earliest end among {scope}:"),
        "latest_end": ("{scope}のうち終期が最も遅い事業：", "Latest end among {scope}:"),
        "filter_budget_band": (
            "事業費が{low}千円以上{high}千円未満",
            "budget from {low} up to (not including) {high} thousand yen",
        ),
        "budget_breakdown": ("内訳：{parts}", "breakdown: {parts}"),
        "filter_name_has": ("事業名に「{value}」を含む", "with 「{value}」 in the name"),
        "filter_empty": ("{part}が空欄", "with nothing printed under {part}"),
        "group_count": ("（{n}{counter}）", " ({n} {counter})"),
        "flags_not_printed": (
            "{edition}には重点枠事業・将来対応分の記載がありません（記載があるのは{editions}です）。",
            "The {edition} does not print the priority-frame or future-response flags (printed in: {editions}).",
        ),
        "taken_over_not_compared": (
            "※{names} は前の版の複数の事業の取組を引き継いだ事業のため、事業費は比べていません。",
            "Note: {names} took over work of several earlier projects, so its budget is not compared.",
        ),
        "year_check_yes": ("はい、{what}は{year}です。", "Yes: the {what} is {year}."),
        "year_check_no": (
            "いいえ、{what}は{year}ではありません。",
            "No: the {what} is not {year}.",
        ),
        "included_note": ("※{value}の事業も含めています。", "Includes the projects {value}."),
        "ends_gap": (
            "最大と最小の差：{money}",
            "Gap between the largest and the smallest: {money}",
        ),
        "mentions_unused": (
            "「{words}」をどう使うか読み取れませんでした（そのまま答えると「{draft}」になり、質問と違う答えになります）。"
            "言い換えるか、条件を分けて聞いてください。",
            "I could not tell how to use “{words}” (answering without it would give “{draft}”, "
            "a different question). Please rephrase, or ask one part at a time.",
        ),
    }
)


# -- issue #13 round two: edition changes, editions not loaded, older editions used --------
PHRASES.update(
    {
        "edition_difference": (
            "{newer}版 − {older}版：{money}（{pct}）を計算しました。",
            "Computed {newer} minus {older}: {money} ({pct}).",
        ),
        "fields_differ": (
            "※ 版によって読み込まれている項目が異なります（{older}版のみ：{only_old}／{newer}版のみ：{only_new}）。",
            "Note: the editions carry different fields ({older} only: {only_old}; {newer} only: {only_new}).",
        ),
        "edition_changes_title": (
            "{older}版 → {newer}版の変更：",
            "Changes from the {older} edition to the {newer} edition:",
        ),
        "edition_changes_counts": (
            "新規{added}件・終了/統合{ended}件・名称変更{renamed}件・増額{up}件・減額{down}件",
            "{added} added, {ended} ended or merged, {renamed} renamed, {up} budgets up, {down} down",
        ),
        "edition_changes_list": ("{what}：{names}", "{what}: {names}"),
        "edition_changes_added": ("新規", "Added"),
        "edition_changes_ended": ("終了/統合", "Ended or merged"),
        "edition_changes_renamed": ("名称変更", "Renamed"),
        "edition_changes_more": ("ほか{n}件", "and {n} more"),
        "edition_not_loaded": (
            "{edition}版は読み込まれていません。読み込み済みの版：{known}。",
            "No {edition} edition is loaded. Loaded editions: {known}.",
        ),
        "answered_from_edition": (
            "※ {latest}版には該当がないため、{year}を計画期間に含む{edition}版から答えています。",
            "Note: the {latest} edition has none, so this is answered from the {edition} edition, whose plan covers {year}.",
        ),
        "only_in_edition": (
            "「{words}」は{edition}版にはありません。{other}版にあります。",
            "「{words}」 is not in the {edition} edition; it is in the {other} edition.",
        ),
    }
)

# -- issue #26: every record names its project; files and words an office hands out ------


PHRASES.update(
    {
        "chart_budget_axis": ("事業費（千円）", "Budget (thousand yen)"),
        "chart_this_year": ("今年度（{year}）", "this fiscal year ({year})"),
        "digest_more": (
            "…ほか{n}件。全件はボットに「{command}」と送ると表示されます（送った人にだけ表示）。",
            "…and {n} more: send the bot “{command}” to see them all (shown to you only).",
        ),
        "teams_package_bad_id": (
            "TEAMS_APP_ID がアプリ登録の識別子（GUID、例：00000000-0000-0000-0000-000000000000）ではありません。README の「Connect to Teams」の手順で登録したアプリの識別子を設定してください。",
            "TEAMS_APP_ID is not the app registration's id (a GUID such as 00000000-0000-0000-0000-000000000000): set the id of the app registered as README's “Connect to Teams” says.",
        ),
        "teams_package_permissions": (
            "Teams アプリのマニフェストのテンプレートに必要な RSC 権限がありません（{missing}）。",
            "The Teams manifest template lacks the RSC permissions {missing}.",
        ),
        "cli_store_not_writable": (
            "データベースのフォルダ {folder} に書き込めません（このプロセスの UID は {uid}）。フォルダとその中のファイルをこの UID のものにしてください（例：{command}）。",
            "Cannot write in the store's folder {folder} (this process runs as uid {uid}): give that uid the folder and its files (e.g. {command}).",
        ),
        "cli_bad_user": (
            "--user に改行や制御文字が含まれています（{user}）。記録する人の名前を1行で指定してください。",
            "--user holds a line end or control character ({user}): give the reporter's name on one line.",
        ),
    }
)


def project_label(no: int | None, key: str, name: str | None = None) -> str:
    """How a reply names a project: No40 県立学校…, or by its key for an unnumbered edition's
    (R6/#3 公衆衛生…: the key is what people type back, and reads the same in English); the
    number or key alone once a revised document took the project, and its name, away."""
    ref = entry_project(no, key)
    return f"{ref} {name}" if name else ref


# English counts of one are singular wherever a phrase says "{n} projects" (1 project).
SINGULAR = {"projects": "project", "entries": "entry", "documents": "document"}
ONE_OF = re.compile(r"(?<![\d,.])(1 )(projects|entries|documents)\b")


# -- issue #23 item 3: two editions, field by field ------------------------------------------
PHRASES.update(
    {
        "across_title_one": ("{older}版と{newer}版の比較：", "The {older} and {newer} editions:"),
        "across_title": (
            "{older}版と{newer}版の比較（{n}事業）：",
            "The {older} and {newer} editions ({n} projects):",
        ),
        "across_continued": (
            "{old} → {new}：同じ名前で続いています（つながりの根拠：{evidence}）",
            "{old} → {new}: continued under the same name (linked by: {evidence})",
        ),
        "across_renamed": (
            "{old} → {new}：名称を変えて続いています（つながりの根拠：{evidence}）",
            "{old} → {new}: continued under a new name (linked by: {evidence})",
        ),
        "across_taken_over": (
            "{old} → {new}：統合・業務の引継ぎとしてつながっています（根拠：{evidence}）。同じ事業とは言い切れません",
            "{old} → {new}: linked as a merge or take-over ({evidence}); not certainly the same project",
        ),
        "across_absent_old": (
            "{ref}は{other}にはありません（対応する事業なし。この版での事業期間：{period}）",
            "{ref} is not in the {other} (no counterpart; its period in its own edition: {period})",
        ),
        "across_absent_new": (
            "{ref}は{other}にはありません（対応する事業なし：この版で新しく載った事業。事業期間：{period}）",
            "{ref} is not in the {other} (no counterpart: new in its own edition; period {period})",
        ),
        "across_aside_taken_over": (
            "　※{other}も{ref}の業務の一部を引き継いでいます（統合・引継ぎ：同じ事業とは言い切れません）",
            "　Note: {other} also took over part of the work of {ref} (a merge or take-over: uncertain)",
        ),
        "across_aside_continues": (
            "　※{older}は、{other}として同じ事業が続いています（{ref}はその業務の一部の引継ぎ）",
            "　Note: {older} itself continues as {other} ({ref} took over part of its work)",
        ),
        "across_aside_named": (
            "　※{ref}の表には、{other}として実施した取組も記載されています（{other}とのつながりは表の記載のみ：不確か）",
            "　Note: the table of {ref} also lists work done under {other} (linked only by that mention: uncertain)",
        ),
        "across_field_same": (
            "{what}：{older}版 {old} → {newer}版 {new}（変更なし）",
            "{what}: {older} {old} → {newer} {new} (unchanged)",
        ),
        "across_field_changed": (
            "{what}：{older}版 {old} → {newer}版 {new}（変更あり）",
            "{what}: {older} {old} → {newer} {new} (changed)",
        ),
        "across_budget": (
            "事業費：{older} {old} → {newer} {new}（{change}、{pct}）",
            "Budget: {older} {old} → {newer} {new} ({change}, {pct})",
        ),
        "across_budget_merged": (
            "事業費：{older} {parts}＝{before}千円 → {newer} {after}千円（{change}千円）",
            "Budget: {older} {parts} = {before} → {newer} {after} thousand yen ({change})",
        ),
        "across_budget_breakdown": (
            "　{edition}事業費の内訳：{parts}",
            "　Breakdown of the {edition} budget: {parts}",
        ),
        "across_budget_account": (
            "　{edition}事業費の注記：{note}",
            "　Note printed with the {edition} budget: {note}",
        ),
        "across_ratio": (
            "{newer}版の事業費は{older}版の{ratio}倍です。",
            "The {newer} budget is {ratio} times the {older} one.",
        ),
        "across_years_not_printed": (
            "{years}の事業費を記載した版はありません（各版は自分の年度の事業費を記載しています。読み込み済みの版：{known}）。",
            "No edition prints the budget of {years} (each edition prints its own year's budget; loaded: {known}).",
        ),
        "across_year_budget": (
            "{year}：{ref} {money}",
            "{year}: {ref}, {money}",
        ),
        "across_not_read": (
            "「{words}」がどの事業か、または何を比べるのか読み取れませんでした。事業名か番号（No40など）で聞いてください。",
            "I could not tell which project 「{words}」 is, or what to compare. Please name the project or its number (No40).",
        ),
        "across_text": ("　{edition}版の記載：「{text}」", "　{edition} edition: 「{text}」"),
        "across_total": ("合計（{edition}版）：{money}", "Total ({edition} edition): {money}"),
        "across_initiatives": (
            "取組（{edition}版、{n}件）：{labels}",
            "Initiatives ({edition} edition, {n}): {labels}",
        ),
        "across_initiatives_only": (
            "　{edition}版だけにある取組：{labels}",
            "　Only in the {edition} edition: {labels}",
        ),
        "across_fate_title": (
            "{scope}の、{other}での対応：",
            "{scope}: what each is in the {other}:",
        ),
        "across_absent_title_old": (
            "{scope}のうち、{other}に対応する事業がないもの（終了・掲載なし）：{n}件",
            "{scope}: {n} with no counterpart in the {other} (ended or no longer listed)",
        ),
        "across_absent_title_new": (
            "{scope}のうち、{other}に対応する事業がないもの（新しく載った事業）：{n}件",
            "{scope}: {n} with no counterpart in the {other} (new)",
        ),
        "across_renamed_title": (
            "{scope}のうち、{other}で名称が変わったもの：{n}件",
            "{scope}: {n} renamed in the {other}",
        ),
        "across_rose_title": (
            "{scope}のうち、{other}との間で事業費が増えたもの：{n}件",
            "{scope}: {n} whose budget rose between editions ({other})",
        ),
        "across_fell_title": (
            "{scope}のうち、{other}との間で事業費が減ったもの：{n}件",
            "{scope}: {n} whose budget fell between editions ({other})",
        ),
        "across_same_name_title": (
            "{scope}のうち、{other}にも同じ名前で載っているもの：{n}件",
            "{scope}: {n} also in the {other} under the same name",
        ),
        "across_alike_same_title": (
            "{scope}のうち、{other}と{fields}が同じもの：{n}件",
            "{scope}: {n} with the same {fields} in the {other}",
        ),
        "across_alike_differ_title": (
            "{scope}のうち、{other}と{fields}が違うもの：{n}件",
            "{scope}: {n} whose {fields} differs in the {other}",
        ),
        "across_most_rose": (
            "{scope}のうち、{older}版から事業費が最も増えた事業（同じ事業として続く{n}件のうち）：",
            "{scope}: the largest budget increase from the {older} edition (of {n} continued projects that rose):",
        ),
        "across_most_fell": (
            "{scope}のうち、{older}版から事業費が最も減った事業（同じ事業として続く{n}件のうち）：",
            "{scope}: the largest budget cut from the {older} edition (of {n} continued projects that fell):",
        ),
        "across_edition_row": ("{scope}：合計 {money}", "{scope}: total {money}"),
        "across_count_difference": (
            "件数：{older}版 {a}件 → {newer}版 {b}件（{d}件）",
            "Projects: {older} {a} → {newer} {b} ({d})",
        ),
        "across_status_continued": (
            "（{other}では{others}として継続）",
            " (continued as {others} in the {other})",
        ),
        "across_status_renamed": (
            "（{other}では{others}に名称変更）",
            " (renamed: {others} in the {other})",
        ),
        "across_status_taken_over": (
            "（{other}の{others}に統合・引継ぎ：不確か）",
            " (merged into or taken over by {others} in the {other}: uncertain)",
        ),
        "across_status_continued_back": (
            "（{other}の{others}から継続）",
            " (continued from {others} of the {other})",
        ),
        "across_status_renamed_back": (
            "（{other}の{others}から名称変更）",
            " (renamed from {others} of the {other})",
        ),
        "across_status_taken_over_back": (
            "（{other}の{others}から統合・引継ぎ：不確か）",
            " (merged from or taking over {others} of the {other}: uncertain)",
        ),
        "across_spelling": (
            "　（{edition}版での表記：{value}）",
            "　(printed as {value} in the {edition} edition)",
        ),
        "across_status_ended": ("（{other}にはなし）", " (not in the {other})"),
        "across_status_new": ("（新規：{other}にはなし）", " (new: not in the {other})"),
        "across_none": ("なし", "none"),
        "across_group_title": (
            "{by}の{older}版と{newer}版：",
            "{by}, {older} and {newer} editions:",
        ),
        "across_group_row": (
            "{group}：{older}版 {a}件 {old} → {newer}版 {b}件 {new}（{change}千円）",
            "{group}: {older} {a}, {old} → {newer} {b}, {new} ({change} thousand yen)",
        ),
    }
)


# -- issue #22 (i22n): names as people type them, old and new names, words not printed ------
PHRASES.update(
    {
        "scope_filtered_one": (
            "{edition}の{what}の事業（{n}件）",
            "{edition} projects {what} ({n} project)",
        ),
        "renamed_office": (
            "{value}（「{said}」のこの版での名前）",
            "{value} (this edition's name for {said})",
        ),
        "not_in_roadmap": (
            "『{words}』はロードマップに見当たりません。分かった条件：{edition}・{understood}。",
            "“{words}” does not appear in the roadmap. Understood: {edition}, {understood}.",
        ),
        "which_one_of": (
            "{scope}は{n}件あります。どの事業についてですか？",
            "{scope}: there are {n}. Which one do you mean?",
        ),
        "initiative_is": ("{ref}の取組「{name}」：", "{ref} — initiative “{name}”:"),
        "initiative_plan": ("{year} 計画/目標：{text}", "{year} plan/goal: {text}"),
        "initiative_actual": ("{year} 実績：{text}", "{year} result: {text}"),
        "renamed_note": (
            "「{said}」は{edition}版では「{value}」です（版の間でつながる事業の担当から）。",
            "{said} is {value} in the {edition} edition (from the projects linked between editions).",
        ),
    }
)


# -- issue #25 -----------------------------------------------------------------------------
# Faults a person meets: what happened, that nothing was recorded, and what to do.
PHRASES.update(
    {
        "store_full": (
            "記録できませんでした。サーバーのディスクがいっぱいのため、何も記録していません。"
            "管理者に連絡し、空きができてからもう一度送ってください。",
            "Nothing was recorded: the server's disk is full. Tell the administrator, and send "
            "it again once there is room.",
        ),
        "store_read_only": (
            "記録できませんでした。データベースが読み取り専用になっているため、何も記録していません。"
            "管理者に連絡してください（質問にはこれまでどおり答えます）。",
            "Nothing was recorded: the store is read-only. Tell the administrator (questions are "
            "still answered).",
        ),
        "store_damaged": (
            "記録できませんでした。データベースが壊れているため、何も記録していません。"
            "管理者に連絡してください（整合性を確認し、バックアップから復元します）。",
            "Nothing was recorded: the store is damaged. Tell the administrator (roadmap check, "
            "then restore a backup).",
        ),
        "store_replaced": (
            "記録できませんでした。サーバーが使っているデータベースのファイルが差し替えられたか削除されたため、"
            "記録を止めています。何も記録していません。管理者に連絡してください（サーバーの再起動が必要です）。",
            "Nothing was recorded: the store's file was replaced or deleted under the running "
            "server, so it stopped recording. Tell the administrator (the server must be restarted).",
        ),
        "store_busy": (
            "記録できませんでした。データベースが混み合っているため、何も記録していません。"
            "少し待ってからもう一度送ってください。",
            "Nothing was recorded: the store is busy. Wait a moment and send it again.",
        ),
        "store_io": (
            "記録できませんでした。データベースの読み書きに失敗したため、何も記録していません。"
            "管理者に連絡してください。",
            "Nothing was recorded: the store could not be read or written. Tell the administrator.",
        ),
        "serve_store_taken": (
            "データベース {path} はすでに別のサーバーが使っています（{holder}）。"
            "同じデータベースで二つ目のサーバーは起動しません。先にそのサーバーを止めてください。",
            "The store {path} is already served by another server ({holder}): a second server "
            "on the same store does not start. Stop that one first.",
        ),
        "cli_digest_in_progress": (
            "今週のまとめは別のプロセス（{holder}）が今 {channel} に投稿しているところです。"
            "二重には投稿しません。",
            "digest: another process ({holder}) is posting this week's to {channel} right now; "
            "it is not posted twice.",
        ),
        "serve_cannot_write": (
            "データベース {path} に書き込めません（{why}）。質問には答えますが、更新はすべて"
            "「何も記録していません」と断ります。",
            "The store {path} cannot take writes ({why}): questions are answered, but every "
            "update is refused with “nothing was recorded”.",
        ),
        "why_store_full": ("ディスクがいっぱいです", "the disk is full"),
        "why_store_read_only": ("読み取り専用です", "it is read-only"),
        "why_store_damaged": ("壊れています", "it is damaged"),
        "why_store_replaced": ("ファイルが差し替えられました", "its file was replaced"),
        "why_store_busy": ("混み合っています", "it is busy"),
        "why_store_io": ("読み書きに失敗します", "reading or writing fails"),
        "serve_port_taken": (
            "ポート {port} はすでに使われています（{holder}）。そのプログラムを止めるか、"
            "--port で別のポートを指定してください。",
            "Port {port} is already in use ({holder}): stop that program or choose another "
            "port with --port.",
        ),
    }
)


# Values that name an edition: people read "R7" whichever prefecture's store code it is
# (岩手県:R7) — a deployment only ever shows its own prefecture.
EDITION_VALUES = {"edition", "older", "newer"}


# Japanese phrases where a condition follows the edition: 「R7版で終期がR10の事業」, but
# 「R7版の事業」 when there is none (#17: 「R7版R10に終了の事業」 read as one run-on word).
CONDITION_PARTICLE = {"scope": "で", "list_title": "で"}


def say(key: str, lang: str = "ja", **values) -> str:
    """The sentence for key in the reply's language, filled in."""
    ja, en = PHRASES[key]
    for name in EDITION_VALUES & values.keys():
        values[name] = label_of(str(values[name]))
    if lang == "ja" and key in CONDITION_PARTICLE and values.get("what"):
        values["what"] = CONDITION_PARTICLE[key] + str(values["what"])
    text = (ja if lang == "ja" else en).format(**values)
    if lang != "ja":
        text = ONE_OF.sub(lambda found: found.group(1) + SINGULAR[found.group(2)], text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def error_text(error, lang: str = "ja") -> str:
    """A UserError as a sentence for the person who caused it."""
    try:
        return say(error.key, lang, **error.params)
    except (KeyError, IndexError):
        return say("error_generic", lang)


# -- issue #24: facts inside the text; each year's plan and actual --------------------------
PHRASES.update(
    {
        "text_value_is": ("{ref}：{value}", "{ref}: {value}"),
        "text_total_is": (
            "{ref}：合計{total}（{parts}）",
            "{ref}: {total} in total ({parts})",
        ),
        "text_none_happened": ("{zero}（「{text}」）", "{zero} (“{text}”)"),
        "text_quote": (
            "・{project}：「{sentence}」（{where}）",
            "- {project}: “{sentence}” ({where})",
        ),
        "text_closest": (
            "近い記載：「{sentence}」（{where}）",
            "Closest passage: “{sentence}” ({where})",
        ),
        "text_where_summary": ("概要", "summary"),
        "text_where_achievement": (
            "主な取組実績：{year}の実績",
            "「主な取組実績」: results of {year}",
        ),
        "text_where_plan": ("{year}の目標/計画：{initiative}", "{year} plan: {initiative}"),
        "text_where_actual": ("{year}の実績：{initiative}", "{year} result: {initiative}"),
        "text_where_plan_in_actual_row": (
            "{year}の計画（実績の行に印刷）：{initiative}",
            "{year} plan, printed in the 「実績」 row: {initiative}",
        ),
        "text_where_entry": ("記録 #{id}：{year}", "record #{id}: {year}"),
        "text_value_not_stated": (
            "{ref}の記載（概要・主な取組実績・取組の目標と実績、「{words}」を含むもの）には、{what}は書かれていません。",
            "{ref}: the roadmap's text (summary, 「主な取組実績」, the initiatives' plans and results "
            "mentioning {words}) states no {what}.",
        ),
        "text_what_count_of": ("「{counter}」の数", "number of {counter}"),
        "text_what_count": ("数", "number"),
        "text_what_date": ("日付・時期", "date"),
        "text_what_span": ("期間", "period"),
        "text_what_time": ("時間帯・曜日", "time"),
        "text_what_place": ("場所", "place"),
        "text_what_organisation": ("相手先の名称", "organisation's name"),
        "text_what_amount": ("金額", "amount"),
        "plan_in_actual_row_note": (
            "※ {year}の欄は実績の行に印刷されていますが、版の年度以降の実績は報告されないため計画として読んでいます。",
            "Note: the {year} cell is printed in the 「実績」 row, but an edition reports no results for its own year or later, so it is read as a plan.",
        ),
    }
)
PHRASES.update(
    {
        "printed_in_actual_row": ("（実績の行に印刷）", " (printed in the 「実績」 row)"),
        "short_row_from_first": (
            "※ {initiative}の行は年度の数より1つ少ないセルで印刷されています。最初のセルを{first}として読み、{last}は空欄としています。",
            "Note: the row of {initiative} prints one cell fewer than there are years; its first cell is read as {first} and {last} as blank.",
        ),
        "short_row_from_second": (
            "※ {initiative}の行は年度の数より1つ少ないセルで印刷されています。目標/実績の見出しが最初の年度の列にあるとみなし、最初のセルを{first}（事業始期 {start}）として読んでいます。",
            "Note: the row of {initiative} prints one cell fewer than there are years; the 「目標」/「実績」 heading is taken to stand in the first year's column, so its first cell is read as {first} (the project starts in {start}).",
        ),
        "plan_none_ended": (
            "{ref}の{year}の計画/目標はありません（事業期間 {period}）。",
            "{ref}: nothing is planned for {year} (the project runs {period}).",
        ),
        "plan_other_years": ("計画/目標のある年度：", "Years with a plan:"),
        "plan_in_older_edition": ("{ref}（前の版）では：", "In {ref} (the earlier edition):"),
        "years_gt": ("{year}より後", "after {year}"),
        "years_ge": ("{year}以降", "{year} and later"),
        "actual_told_by": (
            "※ {year}の実績は翌年度以降の版が報告します：{ref}の記載です。",
            "Note: {year}'s results are reported by a later edition: these are from {ref}.",
        ),
        "actual_not_yet": (
            "{ref}の{year}の実績はまだありません（読み込み済みの最新の{edition}版が報告するのはその前年度までの実績です）。",
            "{ref}: there are no {year} results yet (the latest edition loaded, {edition}, reports results up to the year before it).",
        ),
        "actual_planned_instead": ("計画/目標：", "Planned:"),
    }
)
PHRASES.update(
    {
        "entries_more_than": (
            "…ほか{n}件以上の記録があります（全件は history --all で）。",
            "…and more than {n} other entries (history --all gives them all).",
        ),
    }
)


# -- issue #27: the living record — reports, by whom, when, what is missing ---------------
PHRASES.update(
    {
        "record_n_report": ("{n}件", "{n} reports"),
        "record_n_report_one": ("{n}件", "{n} report"),
        "record_n_project": ("{n}件", "{n} projects"),
        "record_n_project_one": ("{n}件", "{n} project"),
        "record_n_person": ("{n}人", "{n} people"),
        "record_n_person_one": ("{n}人", "{n} person"),
        "record_all": ("記録全体", "the whole record"),
        "record_person": ("{name}さん", "{name}"),
        "record_you": ("あなた（{name}）", "you ({name})"),
        "record_by": ("{names}", "by {names}"),
        "record_year_for": ("{year}分", "for {year}"),
        "record_years_before": ("{year}より前の年度分", "for years before {year}"),
        "record_initiative": ("取組{n}「{label}」", "initiative {n} ({label})"),
        "record_owned_by": ("{names}の担当事業", "projects owned by {names}"),
        "record_period": ("{said}（{first}〜{last}）", "{said} ({first} to {last})"),
        "record_period_day": ("{said}（{first}）", "{said} ({first})"),
        "record_period_day_now": ("{said}（{first}、{now}時点）", "{said} ({first}, as of {now})"),
        "record_period_now": (
            "{said}（{first}〜{last}、{now}時点）",
            "{said} ({first} to {last}, as of {now})",
        ),
        "record_line": (
            "・{when} {project}{year}{initiative}{text} — {who}（#{id}）",
            "- {when} {project}{year}{initiative}{text} — {who} (#{id})",
        ),
        "record_no_reason": ("理由の記載なし", "no reason given"),
        "record_retracted_line": (
            "・（取消済み）{line}／取消：{when} {who}「{reason}」",
            "- (retracted) {line} / retracted {when} by {who}: {reason}",
        ),
        "record_none": (
            "{what}のチャットでの報告はありません（0件）。",
            "No chat reports ({what}): 0 reports.",
        ),
        "record_latest": (
            "{what}の最新のチャットでの報告（全{count}のうち）：",
            "Latest chat report ({what}), of {count}:",
        ),
        "record_newest": (
            "{what}の最新のチャットでの報告{n}件（全{count}のうち）：",
            "The {n} latest chat reports ({what}), of {count}:",
        ),
        "record_first": (
            "{what}の最初のチャットでの報告（全{count}のうち）：",
            "First chat report ({what}), of {count}:",
        ),
        "record_list_oldest": (
            "{what}のチャットでの報告：{count}{on}（古い順）",
            "Chat reports ({what}): {count}{on}, oldest first:",
        ),
        "record_count": (
            "{what}のチャットでの報告は{count}{on}です。",
            "Chat reports ({what}): {count}{on}.",
        ),
        "record_list": (
            "{what}のチャットでの報告：{count}{on}（新しい順）",
            "Chat reports ({what}): {count}{on}, newest first:",
        ),
        "record_on_projects": ("（{n}事業）", " on {projects}"),
        "record_retracted_list": (
            "{what}の取り消された報告：{n}件（報告には数えていません）",
            "Retracted chat reports ({what}): {n} (not counted as reports)",
        ),
        "record_counted_besides": (
            "数えている報告は{count}です。",
            "Reports counted: {count}.",
        ),
        "record_retracted_title": (
            "取り消された報告（数えていません）：{n}件",
            "Retracted reports (not counted): {n}",
        ),
        "record_retracted_count": (
            "ほかに取り消された報告が{n}件あります（数えていません）。",
            "Retracted reports are not counted (there are {n}).",
        ),
        "record_retracted_none": ("取り消された報告はありません。", "No report was retracted."),
        "record_documents": (
            "文書の実績（ロードマップに印刷された実績）は報告とは別に{n}件あります：「{ref}の実績」で見られます。",
            "The documents' printed results are kept apart from reports ({n} printed): ask “{ref} results”.",
        ),
        "record_documents_none": (
            "文書の実績（ロードマップに印刷された実績）はこの事業にはありません。",
            "The documents print no results for this project.",
        ),
        "record_unit": ("件", "reports"),
        "record_people_unit": ("人", "people"),
        "record_more_history": (
            "ほか{n}件。全件は「history No{no} --all」で。",
            "and {n} more — every one: history No{no} --all",
        ),
        "record_more": (
            "ほか{n}件（期間や事業を絞って聞いてください）。",
            "and {n} more (ask for a shorter period or fewer projects).",
        ),
        "record_latest_of": ("・{ref}：{line}（全{count}）", "- {ref}: {line} (of {count})"),
        "record_latest_none": (
            "・{ref}：チャットでの報告はまだありません",
            "- {ref}: no chat report yet",
        ),
        "record_latest_each": (
            "{what}の最新のチャットでの報告（{projects}）：",
            "Latest chat report of each project ({what}), {projects}:",
        ),
        "record_project_row": (
            "・{ref}：{count}（最新：{latest}）",
            "- {ref}: {count} (latest: {latest})",
        ),
        "record_projects": (
            "チャットでの報告があった事業（{what}）：{projects}（報告{reports}）",
            "Projects with chat reports ({what}): {projects} ({reports})",
        ),
        "record_projects_more_than": (
            "チャットでの報告が{more}より多い事業（{what}）：{projects}",
            "Projects with more than {more} ({what}): {projects}",
        ),
        "record_projects_none": (
            "チャットでの報告があった事業はありません（{what}、0件）。",
            "No project has chat reports ({what}): 0 projects.",
        ),
        "record_rank_row": ("{i}. {name}：{count}", "{i}. {name}: {count}"),
        "record_grouped": (
            "{what}のチャットでの報告{count}の{by}：",
            "Chat reports ({what}), {count} {by}:",
        ),
        "record_group_row": ("・{name}：{count}", "- {name}: {count}"),
        "record_group_most": (
            "チャットでの報告が最も多い{group}（{what}）：",
            "The {group} with the most chat reports ({what}):",
        ),
        "record_group_least": (
            "チャットでの報告が最も少ない{group}（{what}）：",
            "The {group} with the fewest chat reports ({what}):",
        ),
        "record_group_department": ("部局", "department"),
        "record_group_section": ("担当課", "section"),
        "record_group_category": ("項目", "category"),
        "record_group_field": ("分野", "field"),
        "record_group_project": ("事業", "project"),
        "record_group_person": ("人", "person"),
        "record_by_department": ("部局別", "by department"),
        "record_by_section": ("担当課別", "by section"),
        "record_by_category": ("項目別", "by category"),
        "record_by_field": ("分野別", "by field"),
        "record_by_project": ("事業別", "by project"),
        "record_by_person": ("報告者別", "by person"),
        "record_rank_projects": (
            "チャットでの報告が最も多い事業（{what}）：",
            "Most reported project ({what}):",
        ),
        "record_rank_projects_least": (
            "チャットでの報告が最も少ない事業（{what}）：",
            "Least reported project ({what}):",
        ),
        "record_rank_projects_top": (
            "チャットでの報告が多い事業の上位{n}（{what}）：",
            "Top {n} projects by chat reports ({what}):",
        ),
        "record_rank_projects_least_top": (
            "チャットでの報告が少ない事業の下位{n}（{what}）：",
            "Bottom {n} projects by chat reports ({what}):",
        ),
        "record_rank_people": (
            "チャットでの報告が最も多い人（{what}）：",
            "Who reported the most in chat ({what}):",
        ),
        "record_rank_people_least": (
            "チャットでの報告が最も少ない人（{what}）：",
            "Who reported the least in chat ({what}):",
        ),
        "record_rank_people_top": (
            "チャットでの報告が多い人の上位{n}（{what}）：",
            "Top {n} reporters in chat ({what}):",
        ),
        "record_rank_people_least_top": (
            "チャットでの報告が少ない人の下位{n}（{what}）：",
            "Bottom {n} reporters in chat ({what}):",
        ),
        "record_reporter_row": (
            "・{name}：{count}（{projects}）",
            "- {name}: {count} ({projects})",
        ),
        "record_reporters": (
            "チャットで報告した人（{what}）：{people}",
            "People who reported in chat ({what}): {people}",
        ),
        "record_reporters_none": (
            "チャットで報告した人はいません（{what}、0人）。",
            "Nobody reported in chat ({what}): 0 people.",
        ),
        "record_owners_are": ("登録されている担当者：{names}", "Registered owners: {names}"),
        "record_no_owner": ("担当者の登録なし", "no registered owner"),
        "record_no_owner_of": (
            "{ref}に登録されている担当者はいません。",
            "{ref} has no registered owner.",
        ),
        "record_owned_list": (
            "{names}が担当者として登録されている事業：{projects}",
            "Projects with {names} registered as owner: {projects}",
        ),
        "record_owned_none": (
            "{names}が担当者として登録されている事業はありません（0件）。",
            "No project has {names} registered as owner (0 projects).",
        ),
        "record_owners_of_list": (
            "{what}の担当者（{n}事業）：",
            "Owners of {what} ({projects}):",
        ),
        "record_owner_row": ("・{ref}：{owners}", "- {ref}: {owners}"),
        "record_owner_suffix": ("（{owners}）", " ({owners})"),
        "record_year_today": (
            "今日（{today}）は{label}（{year}）なので、{year}の分で見ています。",
            "Today ({today}) is in fiscal year {year}, so {year} is meant.",
        ),
        "record_year_asked": (
            "今日（{today}）は{label}（{now}）です。聞かれた{year}の分で見ています。",
            "Today ({today}) is in fiscal year {now}; {year} was asked for.",
        ),
        "record_running_rule": (
            "実施中＝事業始期が{year}以前で、事業終期が{year}以降の事業。",
            "Running in {year}: started in or before {year}, ending in or after {year}.",
        ),
        "record_open_ended": (
            "事業終期が印刷されていない事業（{refs}）は、終わりが決まっていないものとして実施中に含めています。",
            "Projects whose end year is not printed ({refs}) are taken as not decided: still running.",
        ),
        "record_latest_projects": ("最新版の事業", "the latest edition's projects"),
        "record_missing": (
            "{what}のうち、{run}に実施中で{year}分のチャットでの報告がない事業：{projects}",
            "Projects running in {run} with no chat report for {year} ({what}): {projects}",
        ),
        "record_missing_earlier": (
            "{what}のうち、{run}に実施中で、チャットでの報告が{year}より前の年度分しかない事業：{projects}",
            "Projects running in {run} whose chat reports are only for years before {year} ({what}): {projects}",
        ),
        "record_missing_period": (
            "{what}のうち、{run}に実施中で、この期間にチャットでの報告がない事業：{projects}",
            "Projects running in {run} with no chat report in the period ({what}): {projects}",
        ),
        "record_counted_rule": (
            "文書の実績（印刷された実績）と取り消された報告は、報告に数えていません。",
            "The documents' printed results and retracted reports are not counted as reports.",
        ),
        "record_missing_none": ("該当する事業はありません（0件）。", "None (0 projects)."),
        "record_unowned": (
            "{what}のうち、担当者が登録されていない事業：{projects}",
            "Projects with no registered owner ({what}): {projects}",
        ),
        "record_unowned_none": ("該当する事業はありません（0件）。", "None (0 projects)."),
        "record_silent_row": ("・{name}（担当：{projects}）", "- {name} (owns {projects})"),
        "record_silent": (
            "{what}にチャットで報告していない担当者：{people}（担当者{owners}のうち）",
            "Owners with no chat report ({what}): {people} (of {owners} owners)",
        ),
        "record_silent_none": ("該当する担当者はいません（0人）。", "None (0 people)."),
        "record_who_is_me": (
            "「自分」が誰か、ここでは分かりません。名前で聞いてください（例：田中さんの報告）。",
            "I cannot tell who “me” is here: please ask with a name (e.g. reports by Tanaka).",
        ),
        "record_no_such_person": (
            "「{name}」という人の報告も、担当者の登録も記録にありません。",
            "Nobody called “{name}” has reported or is registered as an owner.",
        ),
        "record_which_person": (
            "「{name}」に当たる人が複数います：{names}。どなたか指定してください。",
            "“{name}” could be several people: {names}. Which one?",
        ),
        "record_which_project": (
            "どの事業の記録か一つに決められません：{names}。番号で聞いてください。",
            "Which project's record? {names}. Please ask with its number.",
        ),
        "record_words_unused": (
            "「{words}」を記録の条件として使えませんでした。言い換えてください。",
            "I could not use “{words}” as a condition on the record. Please rephrase.",
        ),
        "record_words_not_printed": (
            "{ref}の記録について聞かれたと理解しましたが、「{words}」はこの事業に書かれていません。言い換えてください。",
            "I read this as a question about the record of {ref}, but “{words}” is not printed about it. Please rephrase.",
        ),
        "record_no_initiative": ("{ref}に取組{n}はありません。", "{ref} has no initiative {n}."),
        "record_initiative_of_which": (
            "どの事業の取組か分かりません。事業の番号と一緒に聞いてください（例：No38の取組3の報告）。",
            "Which project's initiative? Please ask with its number (e.g. reports on No38 initiative 3).",
        ),
        "record_two_years": (
            "年度が複数あります（{years}）。一つにして聞いてください。",
            "Several fiscal years were given ({years}); please ask for one.",
        ),
    }
)
