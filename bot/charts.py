"""Charts as PNG bytes: budget by department, and a timeline of project periods.

matplotlib is imported only here, and only when a chart is drawn (it is slow to import);
matplotlib-fontja supplies a Japanese font from a package, so labels never become boxes.
"""

from __future__ import annotations

import io
from collections import defaultdict
from functools import lru_cache

from bot import messages as m
from bot.fiscal_year import FiscalYear
from bot.models import Project


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    import matplotlib.pyplot as plt
    import matplotlib_fontja  # noqa: F401  (registers and selects IPAexGothic)

    return plt


def font_name() -> str:
    """The font family charts are drawn with."""
    plt = _pyplot()
    return plt.rcParams["font.family"][0]


def budget_by_department(projects: list[Project], edition: str, lang: str = "ja") -> bytes:
    """Horizontal bars: total budget per department, largest on top."""
    return _budget_png(department_totals(projects), edition, lang)


def department_totals(projects: list[Project]) -> tuple[tuple[str, int], ...]:
    """(department, total budget in thousand yen), smallest first (drawn bottom to top)."""
    totals: dict[str, int] = defaultdict(int)
    for p in projects:
        totals[p.department or "?"] += p.budget_thousand_yen
    return tuple(sorted(totals.items(), key=lambda kv: kv[1]))


# Drawing takes a few tenths of a second; the same values always give the same PNG bytes, and a
# retried or taken-over digest redraws the same week's charts, so recent drawings are kept.
@lru_cache(maxsize=16)
def _budget_png(rows: tuple[tuple[str, int], ...], edition: str, lang: str) -> bytes:
    """The budget chart of these (department, total) rows, as PNG."""
    plt = _pyplot()
    return _png(budget_figure(rows, edition, lang), plt)


def budget_figure(rows: tuple[tuple[str, int], ...], edition: str, lang: str = "ja"):
    """The budget chart of these (department, total) rows, smallest first: amounts in
    thousand yen with separators on the bars and the axis, which names its unit."""
    from matplotlib.ticker import FuncFormatter

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, max(3, 0.45 * len(rows) + 1.2)), dpi=110)
    bars = ax.barh([k for k, _ in rows], [v for _, v in rows], color="#1d4e89")
    ax.bar_label(bars, labels=[f"{v:,}" for _, v in rows], padding=3, fontsize=8)
    ax.set_title(m.say("chart_budget_title", lang, edition=edition))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.set_xlabel(m.say("chart_budget_axis", lang))
    ax.margins(x=0.15)
    fig.tight_layout()
    return fig


def timeline(projects: list[Project], edition: str, current: FiscalYear, lang: str = "ja") -> bytes:
    """One bar per project from its start to its end year; open-ended ones run to the edge."""
    return _timeline_png(timeline_bars(projects), edition, current.western, lang)


LABEL_LENGTH = 20  # characters of a project's label on the timeline, the ellipsis included


def timeline_bars(projects: list[Project]) -> tuple[tuple[int, int | None, str], ...]:
    """(start, end or None when open-ended, label) per project with a start year: labels
    cut with an ellipsis, so a shortened name never passes for a whole one."""
    return tuple(
        (
            p.start_year.western,
            p.end_year.western if p.end_year else None,
            _cut(f"No{p.no} {p.name}" if p.no is not None else p.name, LABEL_LENGTH),
        )
        for p in projects
        if p.start_year is not None
    )


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


@lru_cache(maxsize=16)
def _timeline_png(
    bars: tuple[tuple[int, int | None, str], ...], edition: str, current: int, lang: str
) -> bytes:
    """The timeline of these bars, as PNG."""
    plt = _pyplot()
    return _png(timeline_figure(bars, edition, current, lang), plt)


def timeline_figure(
    bars: tuple[tuple[int, int | None, str], ...], edition: str, current: int, lang: str = "ja"
):
    """The timeline of these (start, end or None, label) bars, top first. A fiscal year is
    the unit wide around its tick, so a bar covers its years' ticks and ends between its end
    year and the next (an R6–R7 bar ends before R8); the axis stops at the last year, and
    the current fiscal year is a labelled band."""
    plt = _pyplot()
    first = min([start for start, _, _ in bars] + [current])
    last = max([end for _, end, _ in bars if end] + [current + 2])
    fig, ax = plt.subplots(figsize=(9, max(4, 0.28 * len(bars) + 1.5)), dpi=110)
    labels = []
    for i, (start, end, label) in enumerate(reversed(bars)):
        open_ended = end is None
        ax.barh(
            i,
            (last if open_ended else end) - start + 1,
            left=start - 0.5,
            color="#9bb7d4" if open_ended else "#1d4e89",
            hatch="//" if open_ended else None,
        )
        labels.append(label)
    ax.set_yticks(range(len(labels)), labels=labels, fontsize=7)
    years = range(first, last + 1)
    ax.set_xticks(list(years), labels=[FiscalYear(y).code for y in years], fontsize=8)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.axvspan(current - 0.5, current + 0.5, color="#c0392b", alpha=0.12, linewidth=0)
    ax.text(
        current,
        1.0,
        m.say("chart_this_year", lang, year=FiscalYear(current).code),
        transform=ax.get_xaxis_transform(),  # x in years, y at the top of the axes
        ha="center",
        va="bottom",
        fontsize=7,
        color="#c0392b",
    )
    ax.set_title(m.say("chart_timeline_title", lang, edition=edition), pad=14)
    ax.annotate(
        m.say("chart_ongoing", lang),
        xy=(1.0, 0.0),
        xycoords="axes fraction",
        xytext=(0, -24),  # points: below the year labels
        textcoords="offset points",
        fontsize=7,
        ha="right",
        va="top",
        color="#555",
    )
    fig.tight_layout()
    return fig


def _png(fig, plt) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
