"""The documents' header lines read by hand (#28): what each project's 分野/項目/担当部局/担当課
line and its 事業名/事業費/事業始期/事業終期 line print, cell by cell, with no product code.

Tests build their expected values from these rows (or from documents rewritten from the
shipped text, tests/edge_documents.py), never from the parser or the answering code; the
parser itself is checked against them line by line (tests/test_document_lines.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Where one printed cell holds two sections joined by ・ — written out by hand, since 青少年・
# 男女共同参画課 is one section's name (R6 line 240).
SECTIONS_BY_HAND = {
    "青少年・男女共同参画課・生活安全企画課": ["青少年・男女共同参画課", "生活安全企画課"],
}
SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
NUMBER = re.compile(r"^[【\[]\s*No\.?\s*(\d+)\s*[】\]]")


@dataclass
class Row:
    """One project's header lines as printed."""

    position: int  # 1-based order of the block in its document
    line: int  # the 分野 line's number (1-based)
    no: int | None
    category: str
    department: str
    sections: list[str]
    name: str
    budget: int  # thousand yen: the first figure of the 事業費 cell
    start: str | None
    end: str | None  # 未定 as printed
    summary: str = ""
    cells: dict[str, str] = field(default_factory=dict)


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t") if c.strip()]


def label(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def after(parts: list[str], *names: str) -> str | None:
    """The cell after the first cell labelled one of names (spaces inside labels ignored)."""
    for i, cell in enumerate(parts):
        if label(cell) in names and i + 1 < len(parts):
            return parts[i + 1]
    return None


def rows(path: Path) -> list[Row]:
    """Every project block of a document, by its header lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Row] = []
    number: int | None = None
    for i, line in enumerate(lines):
        if m := NUMBER.match(line.strip()):
            number = int(m.group(1))
            continue
        parts = cells(line)
        if not parts or label(parts[0]) != "分野":
            continue
        name_line = cells(lines[i + 1])
        assert label(name_line[0]) == "事業名", lines[i + 1]
        summary_line = cells(lines[i + 2])
        # 事業終期 is printed after the summary in one block (R7 No43, line 347).
        joined = " ".join(name_line + summary_line[2:])
        budget_cell = next(
            name_line[j + 1]
            for j, c in enumerate(name_line)
            if re.match(r"^[RH]\d+事業費", label(c))
        )
        start = re.search(r"事\s*業\s*始\s*期\s+(\S+)", joined)
        end = re.search(r"事\s*業\s*終\s*期\s+(\S+)", joined)
        printed_sections = after(parts, "担当課", "担当課等") or ""
        sections = SECTIONS_BY_HAND.get(printed_sections, printed_sections.split())
        found.append(
            Row(
                position=len(found) + 1,
                line=i + 1,
                no=number,
                category=after(parts, "項目") or "",
                department=after(parts, "担当部局") or "",
                sections=sections,
                name=name_line[1],
                budget=int(re.match(r"[\d,]+", budget_cell).group(0).replace(",", "")),
                start=start.group(1) if start else None,
                end=end.group(1) if end else None,
                summary=summary_line[1] if len(summary_line) > 1 else "",
            )
        )
        number = None
    return found


def year(code: str | None) -> int | None:
    """R8 → 2026, H31 → 2019 (a Western year to compare by); None for 未定 or nothing."""
    m = re.fullmatch(r"([RH])(\d+)", code or "")
    if not m:
        return None
    return (2018 if m.group(1) == "R" else 1988) + int(m.group(2))


def numbered(found: list[Row]) -> list[Row]:
    """The R7 document's blocks with its unprinted 【No33】 numbered by its place (the block
    between No32 and No34); a document whose blocks all print a number is left as it is."""
    for i, row in enumerate(found):
        if row.no is None and 0 < i < len(found) - 1 and found[i - 1].no is not None:
            assert (found[i - 1].no, found[i + 1].no) == (32, 34)
            row.no = 33
    return found


# -- each printed block with its field, flags and whether 主な取組実績 prints anything --------
@dataclass
class Printed:
    """One project's header as its document prints it, plus what the tests below need."""

    edition: str
    row: Row
    field: str
    flags: tuple[bool, bool] | None  # (重点枠事業, 将来対応分) marked ○, where the edition has them
    achievements_blank: bool  # no 主な取組実績 line, or one printing nothing after its label


def _printed(path: Path, edition: str) -> list[Printed]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = rows(path)
    out = []
    for i, row in enumerate(found):
        end = found[i + 1].line - 1 if i + 1 < len(found) else len(lines)
        block = lines[row.line - 1 : end]
        header = cells(block[0])
        # 重点枠事業 ○ 将来対応分 ○, in cells or run together (R6 line 157: "○ 将来対応分").
        marks = re.search(r"重点枠事業\s*(○?)\s*将来対応分\s*(○?)", block[1])
        flags = (marks.group(1) == "○", marks.group(2) == "○") if marks else None
        achieved = [
            cells(ln) for ln in block if cells(ln) and label(cells(ln)[0]) == "主な取組実績"
        ]
        out.append(
            Printed(
                edition,
                row,
                field=after(header, "分野") or "",
                flags=flags,
                achievements_blank=not achieved or len(achieved[0]) == 1,
            )
        )
    return out


PRINTED = _printed(SOURCES / "roadmap_R6_kurashi-machi.txt", "R6") + _printed(
    SOURCES / "roadmap_R7_kurashi-machi.txt", "R7"
)
# A department cell naming two departments (R6 line 240), written out by hand.
JOINT = {"環境政策部・警察本部": ["環境政策部", "警察本部"]}


def departments(p: Printed) -> list[str]:
    d = p.row.department
    return [*JOINT[d], d] if d in JOINT else [d]
