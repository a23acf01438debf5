"""Plain-text / Markdown rendering of core data (terminal, console, CLI)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import messages as m
from bot.models import ActualEntry, Project
from bot.store import Store

if TYPE_CHECKING:
    from bot.service import History


def project_detail(store: Store, project: Project, lang: str = "ja") -> str:
    """Every field of one project, readable in a terminal."""
    inferred = m.say("number_inferred_mark", lang) if project.number_inferred else ""
    out = [f"■ {m.project_ref(project, lang)}{inferred}"]
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
        name = initiative.label or m.say("initiative_untitled", lang)
        out.append(f"{m.label('initiatives', lang)}{number}: {name}")
        for year, cell in initiative.years.items():
            if cell.plan:
                out.append(f"    {year} {m.label('plan', lang)}: {cell.plan}")
            if cell.plan_in_actual_row:  # #24: a plan, printed in the 実績 row
                out.append(
                    f"    {year} {m.label('plan', lang)}{m.say('printed_in_actual_row', lang)}: "
                    f"{cell.plan_in_actual_row}"
                )
            if cell.actual:
                out.append(f"    {year} {m.label('actual', lang)}: {cell.actual}")
    if project.achievements:
        out.append(f"{m.label('achievements', lang)}: {project.achievements}")
    chat = [e for e in store.entries(project.key) if not e.from_document]
    if chat:
        out.append(m.say("chat_progress_title", lang))
        out.extend(f"  {entry_line(e, lang)}" for e in chat)
    for link in store.predecessors(project.key):
        older = store.project(link.older)
        if older:
            words = m.evidence_words(link.evidence, lang)
            out.append(
                m.say("predecessor_line", lang, project=m.project_ref(older, lang), why=words)
            )
    for link in store.successors(project.key):
        newer = store.project(link.newer)
        if newer:
            words = m.evidence_words(link.evidence, lang)
            out.append(m.say("successor_line", lang, project=m.project_ref(newer, lang), why=words))
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
        parts.append(m.say("entry_retracts", lang, id=entry.retracts))
        if entry.text and entry.text != "retracted":  # the reason, when one was given (#17)
            parts.append(m.say("entry_reason", lang, reason=entry.text))
    else:
        parts.append(entry.text)
    who = entry.author_name or entry.author_id or "?"
    when = m.jst(entry.created_at) if entry.created_at else ""
    line = " ".join(parts) + f" — {who}, {when}"
    if entry.retracted:
        line += m.say("entry_retracted_mark", lang)
    return line


def history_lines(history: History, lang: str = "ja") -> tuple[str, list[str]]:
    """A project's record as a title and one line per entry, for chat and the CLI alike."""
    project = history.label
    title = m.say("history_title", lang, project=project, n=len(history.entries))
    if history.gone:  # #14: a revised document left it out; its record is still shown whole
        title += "\n" + m.say("project_gone", lang, project=project, edition=history.edition)
    lines = [entry_line(e, lang) for e in history.entries]
    return title, lines or [m.say("history_empty", lang, project=project)]


def answer_text(answer) -> str:
    """An Answer as plain text / Markdown: its text already ends with the sources."""
    return answer.text
