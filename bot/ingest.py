"""Roadmap document (tab-separated text dump of the PDF tables) → validated Edition.

Every field is recognised by its label, never by its column: the dumps drift cells out
of their columns, merge labels into neighbouring cells and print some on other lines.
Pure: reads text, returns models, touches no store.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from bot.errors import ParseError
from bot.fiscal_year import achievements_year
from bot.models import DOCUMENT_PLATFORM, ActualEntry, Edition, Project, Source
from bot.prefectures import HOME_PREFECTURE, edition_code
from bot.project_block import TITLE, Block, BlockParser, Line
from bot.text import clean_cell, compact

HEADING = re.compile(r"^[【\[]\s*No\.?\s*(\d+)\s*[】\]]$", re.IGNORECASE)
# A draft's title ends in （案）, as `roadmap draft` writes it.
DRAFT_TITLE = re.compile(r"[(（]\s*案\s*[)）]\s*$")


def _split(raw: str, number: int) -> Line:
    cells = [clean_cell(c) for c in raw.rstrip("\r").split("\t")]
    first = next((compact(c) for c in cells if c), "")
    return Line(number, cells, first)


def parse_file(path: Path, prefecture: str = HOME_PREFECTURE) -> Edition:
    """Read and parse one of a prefecture's documents; errors name the file and line."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(
            name, None, f"cannot read the file ({exc.strerror})", key="parse_unreadable"
        ) from exc
    return parse_bytes(data, name, prefecture)


def parse_bytes(data: bytes, file: str, prefecture: str = HOME_PREFECTURE) -> Edition:
    """Parse a document given as bytes (UTF-8, with or without BOM)."""
    if not data.strip():
        raise ParseError(file, None, "the file is empty", key="parse_empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(file, line, "not UTF-8 text", key="parse_not_utf8") from exc
    return parse_text(text, file, sha256=hashlib.sha256(data).hexdigest(), prefecture=prefecture)


def parse_text(
    text: str, file: str, sha256: str | None = None, prefecture: str = HOME_PREFECTURE
) -> Edition:
    """Parse the text of one roadmap document (of a prefecture) into an Edition."""
    sha256 = sha256 or hashlib.sha256(text.encode()).hexdigest()
    lines = [_split(raw, i) for i, raw in enumerate(text.split("\n"), start=1)]
    blocks = _blocks(lines, file)
    if not blocks:
        raise ParseError(
            file,
            None,
            "not a roadmap: no project block (分野 … 事業名 …) found",
            key="parse_not_roadmap",
        )
    # The title heads the document, before its first project: a title line further down is a
    # page header of a pasted-in page (R6 has 「令和5年度…」 at line 227), not this document's.
    head = text.split("\n")[: blocks[0].start - 1]
    title = next((clean_cell(raw) for raw in head if TITLE.search(compact(raw))), None)
    parsed = [BlockParser(b, file).parse() for b in blocks]
    editions = Counter(code for code, _ in parsed)
    if len(editions) > 1:
        code, _ = editions.most_common(1)[0]
        odd = next(i for i, (c, _) in enumerate(parsed) if c != code)
        raise ParseError(
            file,
            blocks[odd].start,
            f"budget label says {parsed[odd][0]}, the others say {code}",
            key="parse_mixed_editions",
            odd=parsed[odd][0],
            code=code,
        )
    code = edition_code(parsed[0][0], prefecture)
    numbers = _numbers(blocks, file)
    projects = []
    for position, ((_, values), block, (no, inferred)) in enumerate(
        zip(parsed, blocks, numbers, strict=True), start=1
    ):
        try:
            projects.append(
                Project(
                    edition=code,
                    position=position,
                    no=no,
                    number_inferred=inferred,
                    source=Source(file=file, line=block.start),
                    **values,
                )
            )
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"])
            raise ParseError(file, block.start, f"{where}: {problem['msg']}") from exc
    draft = bool(title and DRAFT_TITLE.search(compact(title)))
    if draft:
        projects = [p.model_copy(update={"draft": True}) for p in projects]
    return Edition(
        code=code, title=title, source_file=file, sha256=sha256, projects=projects, draft=draft
    )


def _blocks(lines: list[Line], file: str) -> list[Block]:
    """Cut the document into project blocks: a 分野 line, with the heading before it if any."""
    blocks: list[Block] = []
    pending: tuple[int, int] | None = None  # (line, number) of a heading awaiting its block
    for line in lines:
        heading = HEADING.match(line.first)
        if heading and sum(1 for c in line.cells if c) == 1:
            if pending:
                raise ParseError(
                    file,
                    pending[0],
                    f"【No{pending[1]}】 has no project block",
                    key="parse_heading_alone",
                    no=pending[1],
                )
            pending = (line.number, int(heading.group(1)))
            continue
        if line.first == "分野":
            start, no = pending if pending else (line.number, None)
            blocks.append(Block(start=start, heading_no=no))
            pending = None
        if blocks and pending is None:
            blocks[-1].lines.append(line)
    if pending:
        raise ParseError(
            file,
            pending[0],
            f"【No{pending[1]}】 has no project block",
            key="parse_heading_alone",
            no=pending[1],
        )
    return blocks


def _numbers(blocks: list[Block], file: str) -> list[tuple[int | None, bool]]:
    """Each block's number: from its heading, or inferred from its neighbours."""
    if all(b.heading_no is None for b in blocks):
        return [(None, False)] * len(blocks)  # an edition without numbering
    result: list[tuple[int | None, bool]] = []
    for i, block in enumerate(blocks):
        if block.heading_no is not None:
            result.append((block.heading_no, False))
            continue
        prev = result[i - 1][0] if i > 0 else None
        nxt = next((b.heading_no for b in blocks[i + 1 :] if b.heading_no is not None), None)
        guess = prev + 1 if prev is not None else (nxt - 1 if nxt is not None else None)
        if guess is None or (nxt is not None and guess >= nxt):
            raise ParseError(
                file,
                block.start,
                "project has no 【No..】 heading and no free number",
                key="parse_no_number",
            )
        result.append((guess, True))
    seen: dict[int, int] = {}
    for (no, _), block in zip(result, blocks, strict=True):
        if no is not None and no in seen:
            raise ParseError(
                file,
                block.start,
                f"No{no} appears twice (also line {seen[no]})",
                key="parse_number_repeated",
                no=no,
                other_line=seen[no],
            )
        if no is not None:
            seen[no] = block.start
    return result


def document_entries(project: Project, edition: Edition) -> list[ActualEntry]:
    """The first entries of a project's record: the 実績 cells and 主な取組実績 as printed."""
    entries = []
    for position, initiative in enumerate(project.initiatives, start=1):
        for year, cell in initiative.years.items():
            if cell.actual:
                entries.append(
                    ActualEntry(
                        project_key=project.key,
                        edition=project.edition,
                        project_no=project.no,
                        fiscal_year=year,
                        initiative=initiative.label or f"取組{position}",
                        kind="actual",
                        text=cell.actual,
                        author_name=edition.source_file,
                        platform=DOCUMENT_PLATFORM,
                        source_file=initiative.source.file,
                        source_line=initiative.actual_line(year),
                    )
                )
    if project.achievements:
        entries.append(
            ActualEntry(
                project_key=project.key,
                edition=project.edition,
                project_no=project.no,
                fiscal_year=achievements_year(edition.fiscal_year).code,
                kind="achievement",
                text=project.achievements,
                author_name=edition.source_file,
                platform=DOCUMENT_PLATFORM,
                source_file=project.source.file,
                source_line=project.achievements_line or project.source.line,
            )
        )
    return entries
