"""An amount asked in a unit (何万円, 億円で, in yen, in million yen) is answered in it, exactly,
beside the 千円 the document prints: for every project of the latest edition and every unit.
Expected amounts are computed here from the parsed budgets.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS

PROJECTS = [p for p in EDITIONS["R7"] if p.no is not None and p.budget_thousand_yen is not None]
# (phrasing, size of the unit in 千円, how the unit is written in the answer)
UNITS = [
    ("No{no}の事業費は何万円？", 10, "万円"),
    ("No{no}って何億円？", 100_000, "億円"),
    ("No{no}の予算を円で教えて", Decimal("0.001"), "円"),
    ("No{no}の予算を百万円単位で", 1_000, "百万円"),
    ("What is No{no}'s budget in yen?", Decimal("0.001"), "¥"),
    ("No{no} budget in million yen", 1_000, "million"),
]


def written(thousand_yen: int, size) -> str:
    value = Decimal(thousand_yen) / Decimal(size)
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


@pytest.mark.parametrize(("phrasing", "size", "unit"), UNITS)
def test_every_budget_in_the_unit_asked(shared, phrasing, size, unit):
    for p in PROJECTS:
        answer = ask(shared, phrasing.format(no=p.no))
        assert answer.status == "ok", answer.text
        assert answer.value is not None and answer.value.amount == p.budget_thousand_yen
        amount = written(p.budget_thousand_yen, size)
        shown = (
            f"¥{amount}"
            if unit == "¥"
            else f"{amount}{unit}"
            if unit != "million"
            else (f"¥{amount} million")
        )
        assert shown in answer.text and f"{p.budget_thousand_yen:,}" in answer.text, answer.text
