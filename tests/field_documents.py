"""Field documents made from the shipped R7 document, for tests of editions made of several
分野: another field's numbers, departments and names, budgets and lines unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from bot.models import ActualEntry
from tests.conftest import R7_FILE

SHIPPED_FIELD = "暮らし・まち分野"
# Other fields of the same edition: another 分野, numbers after the shipped ones, other
# departments, names of their own.
FIELDS = {
    "sangyo": ("産業・しごと分野", 100, "商工労働部", "産業"),
    "gyosei": ("行政経営分野", 200, "総務部", "行政"),
}


def field_text(source: Path, field: str, offset: int, department: str, prefix: str) -> str:
    """The shipped document rewritten as another field's: every 分野, number, 担当部局 and
    事業名 changed; budgets, tables and lines left exactly where they were."""
    text = source.read_text(encoding="utf-8").replace(SHIPPED_FIELD, field)
    text = re.sub(
        r"^([【\[]\s*No\.?\s*)(\d+)",
        lambda m: f"{m.group(1)}{int(m.group(2)) + offset}",
        text,
        flags=re.MULTILINE,
    )
    text = re.sub(r"(担当部局\t)[^\t\n]+", rf"\g<1>{department}", text)
    return re.sub(r"(事\s*業\s*名\t)", rf"\g<1>{prefix}", text)


def write_field(tmp_path: Path, kind: str, source: Path = R7_FILE, **changes) -> Path:
    """Another field's document of the edition, written to tmp_path (with text replaced)."""
    field, offset, department, prefix = FIELDS[kind]
    text = field_text(source, field, offset, department, prefix)
    for old, new in changes.items():
        text = text.replace(old, new)
    path = tmp_path / f"{source.stem.replace('kurashi-machi', kind)}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def chat(no: int, text: str) -> ActualEntry:
    """An R7 entry of project No{no}, as if reported in Slack."""
    return ActualEntry(
        project_key=f"R7/No{no}",
        edition="R7",
        project_no=no,
        fiscal_year="R7",
        text=text,
        author_id="U1",
        author_name="佐藤",
        platform="slack",
    )
