"""Plain-text / Markdown rendering of core data (terminal, console, CLI)."""

from __future__ import annotations

from bot import messages as m
from bot.models import ActualEntry, Project
from bot.store import Store


def project_detail(store: Store, project: Project, lang: str = "ja") -> str:
    """Every field of one project, readable in a terminal."""
    out = [
        f"■ {m.project_ref(project, lang)}" + ("（番号は推定）" if project.number_inferred else "")
    ]
    rows = [
        ("field", project.field),
        ("category", project.category),
        ("department", project.department),
        ("sections", "、".join(project.sections)),
        (
            "budget",
            m.money(project.budget_thousand_yen, lang)
            + (f" ({project.budget_note})" if project.budget_note else ""),
        ),
        ("start", project.start or m.NOT_PRINTED[lang]),
        ("end", project.end or m.NOT_PRINTED[lang]),
    ]
    if project.priority_frame is not None:
        rows.append(("priority_frame", m.flag(project.priority_frame, lang)))
        rows.append(("future_response", m.flag(project.future_response, lang)))
    for key, value in rows:
        out.append(f"{m.label(key, lang)}: {value or m.NOT_PRINTED[lang]}")
    out.append(f"{m.label('summary', lang)}: {project.summary}")
    for number, initiative in enumerate(project.initiatives, start=1):
        out.append(f"{m.label('initiatives', lang)}{number}: {initiative.label or '（名称なし）'}")
        for year, cell in initiative.years.items():
            if cell.plan:
                out.append(f"    {year} {m.label('plan', lang)}: {cell.plan}")
            if cell.actual:
                out.append(f"    {year} {m.label('actual', lang)}: {cell.actual}")
    if project.achievements:
        out.append(f"{m.label('achievements', lang)}: {project.achievements}")
    chat = [e for e in store.entries(project.key) if e.platform != "document"]
    if chat:
        out.append("チャットでの実績報告:" if lang == "ja" else "Progress reported in chat:")
        out.extend(f"  {entry_line(e, lang)}" for e in chat)
    for link in store.predecessors(project.key):
        older = store.project(link.older)
        if older:
            out.append(
                f"前身: {m.project_ref(older, lang)}  [{m.evidence_words(link.evidence, lang)}]"
            )
    for link in store.successors(project.key):
        newer = store.project(link.newer)
        if newer:
            out.append(
                f"後継: {m.project_ref(newer, lang)}  [{m.evidence_words(link.evidence, lang)}]"
            )
    out.append(
        m.source_ref(project.edition, project.no, project.source.line, lang)
        + f" ({project.source.file})"
    )
    return "\n".join(out)


def entry_line(entry: ActualEntry, lang: str = "ja") -> str:
    """#12 R8 [取組] text — name, 2026-11-22 10:00 JST (retracted)."""
    parts = [f"#{entry.id}"]
    if entry.fiscal_year:
        parts.append(entry.fiscal_year)
    if entry.initiative:
        parts.append(f"[{entry.initiative}]")
    if entry.kind == "retraction":
        parts.append(("取消: #" if lang == "ja" else "retracts #") + str(entry.retracts))
        if entry.text and entry.text != "retracted":  # the reason, when one was given (#17)
            parts.append(("理由: " if lang == "ja" else "reason: ") + entry.text)
    else:
        parts.append(entry.text)
    who = entry.author_name or entry.author_id or "?"
    when = m.jst(entry.created_at) if entry.created_at else ""
    line = " ".join(parts) + f" — {who}, {when}"
    if entry.retracted:
        line += "（取消済み）" if lang == "ja" else " (retracted)"
    return line


def answer_text(answer) -> str:
    """An Answer as plain text / Markdown: its text already ends with the sources."""
    return answer.text
