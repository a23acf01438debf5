"""An R7 document made from the shipped text that reaches the edges the real editions lack
(#28): tied largest and smallest budgets, a budget exactly on 1,000万円 beside No53's
exactly 5,000万円, a project starting and ending in the same later year. Everything else is
left as printed; tests read expected values from this text's own lines (document_lines)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import R7_FILE

# (the line as the shipped R7 document prints it, the line in the edge document)
CHANGES = {
    # No41 ties No30's 491,000 for the largest budget.
    "R7事業費(千円)\t288,458": "R7事業費(千円)\t491,000",
    # No35 ties No32's 796 for the smallest.
    "R7事業費(千円)\t3,300": "R7事業費(千円)\t796",
    # No45 exactly 1,000万円 (No53 is exactly 5,000万円 as shipped).
    "R7事業費(千円)\t9,257": "R7事業費(千円)\t10,000",
    # No34 starts and ends in R8.
    "21,897\t事業始期\tR7 事業終期 R10": "21,897\t事業始期\tR8 事業終期 R8",
}


def edge_text() -> str:
    text = R7_FILE.read_text(encoding="utf-8")
    for old, new in CHANGES.items():
        assert text.count(old) == 1, old  # each change is of one line of the shipped text
        text = text.replace(old, new)
    return text


def write_edge_document(folder: Path) -> Path:
    path = folder / "roadmap_R7_edges.txt"
    path.write_text(edge_text(), encoding="utf-8")
    return path
