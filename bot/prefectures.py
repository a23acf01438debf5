"""Prefectures: whose roadmap an edition is, and how an edition's code says so.

One store can hold every prefecture's roadmaps (a national roll-out); each deployment answers
for one of them (ROADMAP_PREFECTURE). This bot's own prefecture keeps bare codes ("R7",
project keys "R7/No40", as every existing store and citation has them); another prefecture's
editions are qualified ("岩手県:R7", keys "岩手県:R7/No40") so keys stay unique in one store.
"""

from __future__ import annotations

from bot.errors import UnknownPrefecture

HOME_PREFECTURE = "青森県"

# JIS X 0401 order: the position is the prefecture code (北海道 = 1, 青森県 = 2, …).
PREFECTURES = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
]

SEPARATOR = ":"


def check(name: str) -> str:
    """The name if it is one of the 47 prefectures, else UnknownPrefecture."""
    name = name.strip()
    if name not in PREFECTURES:
        raise UnknownPrefecture(
            f"unknown prefecture {name!r}: use a full name such as 青森県, 東京都, 北海道"
        )
    return name


def qualify(name: str, prefecture: str = HOME_PREFECTURE) -> str:
    """A name made unique per prefecture in a shared store: as is at home, 岩手県:name elsewhere."""
    return name if prefecture == HOME_PREFECTURE else f"{prefecture}{SEPARATOR}{name}"


def edition_code(label: str, prefecture: str = HOME_PREFECTURE) -> str:
    """The store's code for a prefecture's edition: R7 at home, 岩手県:R7 elsewhere."""
    return qualify(label, prefecture)


def label_of(code: str) -> str:
    """The fiscal-year label an edition code carries: R7 for both R7 and 岩手県:R7."""
    return code.rpartition(SEPARATOR)[2]


def prefecture_of(code: str) -> str:
    """Whose edition (or project key) a code is: 岩手県 for 岩手県:R7/No3, home for R7/No40."""
    return code.partition(SEPARATOR)[0] if SEPARATOR in code else HOME_PREFECTURE
