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
    totals: dict[str, int] = defaultdict(int)
    for p in projects:
        totals[p.department or "?"] += p.budget_thousand_yen
    return _budget_png(tuple(sorted(totals.items(), key=lambda kv: kv[1])), edition, lang)


# Drawing takes a few tenths of a second; the same values always give the same PNG bytes, and a
# retried or taken-over digest redraws the same week's charts, so recent drawings are kept.
@lru_cache(maxsize=16)
def _budget_png(rows: tuple[tuple[str, int], ...], edition: str, lang: str) -> bytes:
    """The budget chart of these (department, total) rows, smallest first."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, max(3, 0.45 * len(rows) + 1.2)), dpi=110)
    bars = ax.barh([k for k, _ in rows], [v for _, v in rows], color="#1d4e89")
    ax.bar_label(bars, labels=[f"{v:,}" for _, v in rows], padding=3, fontsize=8)
    ax.set_title(m.say("chart_budget_title", lang, edition=edition))
    ax.ticklabel_format(axis="x", style="plain")
    ax.margins(x=0.15)
    fig.tight_layout()
    return _png(fig, plt)


def timeline(projects: list[Project], edition: str, current: FiscalYear, lang: str = "ja") -> bytes:
    """One bar per project from its start to its end year; open-ended ones run to the edge."""
    bars = tuple(
        (
            p.start_year.western,
            p.end_year.western if p.end_year else None,
            f"No{p.no} {p.name[:18]}" if p.no is not None else p.name[:22],
        )
        for p in projects
        if p.start_year is not None
    )
    return _timeline_png(bars, edition, current.western, lang)


@lru_cache(maxsize=16)
def _timeline_png(
    bars: tuple[tuple[int, int | None, str], ...], edition: str, current: int, lang: str
) -> bytes:
    """The timeline of these (start, end or None when open-ended, label) bars, top first."""
    plt = _pyplot()
    last = max([end for _, end, _ in bars if end] + [current + 2])
    fig, ax = plt.subplots(figsize=(9, max(4, 0.28 * len(bars) + 1.5)), dpi=110)
    labels = []
    for i, (start, end, label) in enumerate(reversed(bars)):
        open_ended = end is None
        ax.barh(
            i,
            (last if open_ended else end) - start + 1,
            left=start,
            color="#9bb7d4" if open_ended else "#1d4e89",
            hatch="//" if open_ended else None,
        )
        labels.append(label)
    ax.set_yticks(range(len(labels)), labels=labels, fontsize=7)
    years = range(min(start for start, _, _ in bars), last + 2)
    ax.set_xticks(list(years), labels=[FiscalYear(y).code for y in years], fontsize=8)
    ax.axvline(current + 0.5, color="#c0392b", linewidth=1)
    ax.set_title(m.say("chart_timeline_title", lang, edition=edition))
    ax.text(last + 1, -0.9, m.say("chart_ongoing", lang), fontsize=7, ha="right", color="#555")
    fig.tight_layout()
    return _png(fig, plt)


def _png(fig, plt) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
