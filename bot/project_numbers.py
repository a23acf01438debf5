"""Project numbers as people write them: the one place that parses No40, 【No40】, 40番, #40."""

from __future__ import annotations

import re

from bot.text import compact

# "2番目" is a rank, not project No2; "一番" is a superlative: neither is a project number.
NUMBER = re.compile(
    r"(?:【\s*|\[\s*)?(?<![A-Za-z])No\.?\s*(\d{1,4})(?!\d)\s*(?:】|\])?"
    r"|#\s*(\d{1,4})(?!\d)|(?<![\d.])(\d{1,4})\s*番(?!目)",
    re.I,
)


def find_number(text: str) -> re.Match | None:
    """Where a project number is written in (NFKC) text, if anywhere."""
    return NUMBER.search(text)


def parse_number(text: str, bare: bool = False) -> int | None:
    """A project number written as No40, No.40, no 40, No.４０, 【No40】, 40番 or #40
    (and a lone 40 when `bare`, as commands take it)."""
    text = compact(text)
    if bare and re.fullmatch(r"\d{1,4}", text):
        return int(text)
    m = NUMBER.search(text.replace("No.", "No"))
    if not m:
        return None
    return int(next(g for g in m.groups() if g))


def is_project_reference(text: str) -> bool:
    """True when text is only a project number (40, No40, 【No40】, 40番)."""
    text = compact(text).replace("No.", "No")
    return bool(re.fullmatch(r"\d{1,4}", text) or NUMBER.fullmatch(text))
