"""Project numbers as people write them: the one place that parses No40, 【No40】, 40番, #40."""

from __future__ import annotations

import re

from bot.text import compact

# "2番目" is a rank, not project No2; "一番" is a superlative: neither is a project number.
NUMBER = re.compile(
    r"(?:【\s*|\[\s*)?(?<![A-Za-z])(?:No\.?|project\s*(?:no\.?|number|#)?|プロジェクト|事業番号)\s*(\d{1,4})(?!\d)(?!\s*(?:本|件|つ|個|事業))\s*(?:】|\])?"
    r"|#\s*(\d{1,4})(?!\d)|(?<![\d.])(\d{1,4})\s*番(?!目|台)",
    re.I,
)


# No30〜No35, No.31 through 34, 30番から35番, projects 31-34: every number from one to the other.
RANGE = re.compile(
    r"(?<![A-Za-z])(?:No\.?|#|projects?\s*(?:no\.?)?)\s*(\d{1,4})\s*(?:〜|～|~|-|–|—|から|to|through|thru)\s*(?:No\.?|#)?\s*(\d{1,4})(?!\d)(?:\s*番)?(?:\s*まで)?"
    r"|(?<![\d.])(\d{1,4})\s*番\s*(?:〜|～|~|-|–|から)\s*(\d{1,4})\s*番(?:\s*まで)?"
    r"|(?<![\d.])(\d{1,3}0)\s*番台()",
    re.I,
)


def numbers_in_range(m: re.Match) -> list[int]:
    """The project numbers a range names, low to high (No35〜No30 as well); none past 60 apart."""
    given = [int(g) for g in m.groups() if g]
    if len(given) == 1:  # 30番台: the thirties
        given.append(given[0] + 9)
    low, high = sorted(given)
    return list(range(low, high + 1)) if 0 < high - low <= 60 else []


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
