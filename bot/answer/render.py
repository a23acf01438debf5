"""Turning answer data into its text, and the small references every answer carries."""

from __future__ import annotations

import re

from bot import messages as m
from bot.answer.model import Answer, ProjectRef, SourceRef
from bot.command_table import usages
from bot.fiscal_year import FiscalYear
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


# A fiscal year an answer states (not an edition's label: R7版, the R7 edition).
_YEAR_CODE = re.compile(
    r"(?<![A-Za-z0-9])([RH]\d{1,2})(?![0-9/])(?!\s*(?:版|edition|[（(]\s*(?:FY)?\d{4}))"
)


def in_western(result: Answer, lang: str) -> Answer:
    """Every fiscal year an answer states, with its Western year beside it (R7（2025年度））."""

    def beside(code: re.Match) -> str:
        year = FiscalYear.try_parse(code.group(1))
        if year is None:
            return code.group(0)
        space = "" if lang == "ja" else " "
        return code.group(1) + space + m.say("western_year", lang, year=year.western)

    def each(text: str) -> str:
        return _YEAR_CODE.sub(beside, text) if text else text

    result.title = each(result.title or "")
    result.lines = [each(line) for line in result.lines]
    result.text = each(result.text)  # rendered already: the same years in the same words
    result.computed.fields.add("western")
    return result
