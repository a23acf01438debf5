"""Charts read as drawn (#26): checked on the matplotlib figure, not on the PNG's pixels."""

from __future__ import annotations

import re

import pytest

from bot import charts
from bot.fiscal_year import FiscalYear

# From the R7 document (事業始期・事業終期 as printed); the earliest start is No31's H31 (= R1),
# the latest end R10.
PERIODS = {
    "No24 へき地オンライン診療支援推進…": (2024, 2025),  # R6–R7
    "No31 障がい福祉分野の介護テクノロ…": (2019, 2025),  # H31–R7
    "No36 公立学校における教育改革支援…": (2024, 2026),  # R6–R8, a 44-character name
    "No40 県立学校次世代校務デジタル化…": (2025, 2028),  # R7–R10
    "No28 医療機関への遠隔診療支援": (2025, 2026),  # R7–R8, short enough to show whole
}
YEAR_CODES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"]


@pytest.fixture(scope="module")
def timeline(loaded_template):
    bars = charts.timeline_bars(loaded_template.projects("R7"))
    fig = charts.timeline_figure(bars, "R7", FiscalYear.parse("R8").western, "ja")
    fig.canvas.draw()
    yield fig.axes[0]
    import matplotlib.pyplot as plt

    plt.close(fig)


def bars_of(ax) -> list:
    """The bars barh drew (its containers), not the band of the current year."""
    return [bar for container in ax.containers for bar in container]


def test_the_years_are_ticks_from_the_first_to_the_last_and_the_axis_stops_there(timeline):
    assert list(timeline.get_xticks()) == list(range(2019, 2029))
    assert [t.get_text() for t in timeline.get_xticklabels()] == YEAR_CODES
    assert timeline.get_xlim() == (2018.5, 2028.5)  # half a year either side, not a year more


def test_a_bar_covers_its_years_and_ends_before_the_next(timeline):
    labels = [t.get_text() for t in timeline.get_yticklabels()]
    spans = {}
    for bar in bars_of(timeline):
        row = round(bar.get_y() + bar.get_height() / 2)
        spans[labels[row]] = (bar.get_x(), bar.get_x() + bar.get_width())
    for label, (start, end) in PERIODS.items():
        assert spans[label] == (start - 0.5, end + 0.5), label
    # An R6–R7 bar ends halfway between the R7 and R8 ticks: read as ending in R7.
    assert spans["No24 へき地オンライン診療支援推進…"][1] == 2025.5


def test_long_names_end_with_an_ellipsis_and_short_ones_are_whole(timeline):
    labels = [t.get_text() for t in timeline.get_yticklabels()]
    for label in PERIODS:
        assert label in labels
    assert all(len(label) <= charts.LABEL_LENGTH for label in labels)
    cut = [label for label in labels if label.endswith("…")]
    assert cut and "No36 公立学校における教育改革支援…" in cut


def test_the_current_fiscal_year_is_a_labelled_band(timeline):
    texts = {t.get_text(): t for t in timeline.texts}
    label = texts["今年度（R8）"]
    assert label.get_position()[0] == 2026  # over the R8 tick
    bars = bars_of(timeline)
    [band] = [p for p in timeline.patches if p not in bars]
    # In the band's own coordinates (matplotlib 3.8 draws it as a polygon, later as a rectangle).
    xs = band.get_patch_transform().transform(band.get_path().vertices)[:, 0]
    assert (xs.min(), xs.max()) == (2025.5, 2026.5)


@pytest.mark.parametrize(
    ("lang", "unit"), [("ja", "事業費（千円）"), ("en", "Budget (thousand yen)")]
)
def test_the_budget_axis_has_separators_and_its_unit(loaded_template, lang, unit):
    import matplotlib.pyplot as plt

    rows = charts.department_totals(loaded_template.projects("R7"))
    fig = charts.budget_figure(rows, "R7", lang)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_xlabel() == unit
    ticks = [
        (pos, t.get_text()) for pos, t in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
    ]
    assert any("," in text for _, text in ticks)  # the axis reaches a million thousand yen
    for pos, text in ticks:
        assert re.fullmatch(r"-?\d{1,3}(,\d{3})*", text), text
        assert int(text.replace(",", "")) == pos
    plt.close(fig)
