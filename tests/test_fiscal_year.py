from datetime import UTC, date, datetime

import pytest

from bot.errors import InvalidFiscalYear
from bot.fiscal_year import FiscalYear


@pytest.mark.parametrize(
    "text", ["R7", "r7", "令和7年度", "令和７年度", "2025年度", "FY2025", "fy 2025", "Ｒ７", "2025"]
)
def test_every_spelling_of_r7_is_fy2025(text):
    fy = FiscalYear.parse(text)
    assert fy.western == 2025
    assert fy.code == "R7"
    assert fy.label == "令和7年度"


def test_h31_is_r1_is_fy2019_but_keeps_its_printed_era():
    h31 = FiscalYear.parse("H31")
    assert h31 == FiscalYear.parse("R1") == FiscalYear.parse("令和元年度")
    assert h31.western == 2019
    assert h31.code == "H31"
    assert h31.reiwa.code == "R1"
    assert FiscalYear.parse("平成31年度") == h31


def test_fiscal_year_runs_april_to_march():
    r7 = FiscalYear.parse("R7")
    assert (r7.starts, r7.ends) == (date(2025, 4, 1), date(2026, 3, 31))
    assert FiscalYear.of(date(2026, 3, 31)).code == "R7"
    assert FiscalYear.of(date(2026, 4, 1)).code == "R8"


def test_today_november_2026_is_r8_in_tokyo():
    # 2026-03-31 20:00 UTC is already April 1st in Tokyo.
    assert FiscalYear.of(datetime(2026, 3, 31, 20, 0, tzinfo=UTC)).code == "R8"
    assert FiscalYear.of(datetime(2026, 11, 22, tzinfo=UTC)).code == "R8"


def test_arithmetic_and_order():
    r7 = FiscalYear.parse("R7")
    assert (r7 + 1).code == "R8"
    assert (r7 - 7).code == "H30"
    assert FiscalYear.parse("H31") < r7


@pytest.mark.parametrize("text", ["", "未定", "R", "R100", "H32", "令和", "1899", "abc"])
def test_not_a_fiscal_year(text):
    with pytest.raises(InvalidFiscalYear):
        FiscalYear.parse(text)
    assert FiscalYear.try_parse(text) is None
