"""Turning answer data into its text, and the small references every answer carries."""

from __future__ import annotations

from bot import messages as m
from bot.answer.model import Answer, ProjectRef, SourceRef
from bot.command_table import usages
from bot.models import Project


def ref(p: Project) -> ProjectRef:
    """The project an answer is about."""
    return ProjectRef(edition=p.edition, no=p.no, name=p.name, key=p.key)


def src(p: Project, field_name: str = "") -> SourceRef:
    """Where a field of a project was printed (the block's first line if not labelled)."""
    line = p.achievements_line if field_name == "achievements" else p.line_of(field_name)
    return SourceRef(file=p.source.file, line=line or p.source.line, edition=p.edition, no=p.no)


def unique(sources: list[SourceRef]) -> list[SourceRef]:
    """Sources without repeats, in order."""
    seen, out = set(), []
    for s in sources:
        if (s.file, s.line) not in seen:
            seen.add((s.file, s.line))
            out.append(s)
    return out


def inferred_note(projects: list[Project], lang: str) -> list[str]:
    """A number the document does not print (inferred from its neighbours) is always said."""
    return [m.say("number_inferred", lang, no=p.no) for p in projects if p.number_inferred]


def finish(a: Answer, lang: str) -> Answer:
    """Compose the text: title, lines, '…and N more', suggestions, then the sources."""
    a.lang = lang
    parts = [a.title] if a.title else []
    parts += a.lines
    if a.more:
        parts.append(m.say("and_more", lang, n=a.more))
    if a.suggestions and a.status in ("not_found", "ambiguous", "clarify"):
        parts.append(m.say("suggestions", lang) + " " + " / ".join(a.suggestions))
    if a.sources:
        parts.append(m.sources_line(a.sources, lang))
    a.text = "\n".join(parts)
    return a


def help_answer(lang: str) -> Answer:
    """What can be asked, for an empty question or 'help'."""
    return Answer(
        status="clarify",
        title=m.say("help_title", lang),
        lines=m.help_lines(lang, usages(lang)),
        suggestions=m.examples(lang),
    )
