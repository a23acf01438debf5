"""#24 item 3: each year's plan and actual, by initiative, generated from the documents.

Cells are read here from the documents' own lines: tables whose header has a 目標/実績 column
(取組⇥⇥R6…R10) print one cell per year on each 計画/目標 and 実績 row, so every labelled
initiative × year cell there becomes a plan question and a result question. Rows printed one
cell short of the years (No26, No34, No43, No47, No49) are checked line by line against the
reading the answer says it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from bot.answer import ask
from bot.fiscal_year import FiscalYear
from bot.sources import default_sources


@dataclass(frozen=True)
class Cell:
    edition: str
    ref: str
    label: str
    year: str
    kind: str  # plan | actual
    text: str
    line: int


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def cells() -> list[Cell]:
    out = []
    for path in default_sources():
        lines = path.read_text(encoding="utf-8").split("\n")
        edition = "R7" if any("R7事業費" in x for x in lines) else "R6"
        heading = pending = name = None
        years: list[str] = []
        label = ""
        for number, raw in enumerate(lines, start=1):
            row = [c.strip() for c in raw.split("\t")]
            first = next((c for c in row if c), "")
            if m := re.fullmatch(r"[【\[]No(\d+)[】\]]", first):
                pending = f"No{m.group(1)}"
            if re.sub(r"\s", "", first) == "分野":
                heading, pending, years = pending, None, []
            if re.sub(r"\s", "", first) == "事業名":
                name = next(c for c in row[1:] if c)
            if re.sub(r"\s", "", row[0]) == "取組":
                # Only a header with its own 目標/実績 column: one cell per year.
                years = row[2:] if row[1] == "" and row[2:3] == ["R6"] else []
                continue
            if not years or len(row) < 2 or row[1] not in ("計画", "目標", "実績"):
                continue
            label = row[0] or label
            if not label or (edition == "R7" and heading is None):
                continue
            ref = heading if edition == "R7" else f"R6版の{name}"
            kind = "actual" if row[1] == "実績" else "plan"
            for year, text in zip(years, row[2:], strict=False):
                text = _clean(text)
                if year and text:
                    out.append(Cell(edition, ref, label, year, kind, text, number))
    return out


CELLS = cells()
PLANS = [c for c in CELLS if c.kind == "plan"]
ACTUALS = [c for c in CELLS if c.kind == "actual"]


def test_the_documents_give_cells_of_both_editions():
    assert {c.edition for c in PLANS} == {"R6", "R7"}
    assert len(PLANS) >= 60 and ACTUALS


def _plain(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("cell", PLANS, ids=lambda c: f"{c.ref}-{c.line}-{c.year}")
def test_a_year_plan_of_an_initiative(store, cell):
    for question in (
        f"{cell.ref}の{cell.label}の{cell.year}の目標は？",
        f"What is planned for {cell.year} under {cell.label} in {cell.ref}?",
    ):
        a = ask(store, question)
        assert a.status == "ok", (question, a.text)
        assert _plain(cell.text) in _plain(a.text), (question, a.text)
        assert cell.line in [s.line for s in a.sources], (question, a.text)


@pytest.mark.parametrize("cell", ACTUALS, ids=lambda c: f"{c.ref}-{c.line}-{c.year}")
def test_a_year_result_of_an_initiative(store, cell):
    question = f"{cell.ref}の{cell.label}の{cell.year}の実績は？"
    a = ask(store, question)
    if FiscalYear.parse(cell.year) < FiscalYear.parse(cell.edition):
        assert a.status == "ok" and _plain(cell.text) in _plain(a.text), (question, a.text)
    elif FiscalYear.parse(cell.year) < FiscalYear.parse("R7"):
        # The R6 edition's R6 cell: a plan; R6's result is told by the R7 edition.
        assert "R7" in {s.edition for s in a.sources}, (question, a.text)
        results = a.text.split("実績：")[-1]  # what is given as results, after their heading
        assert _plain(cell.text) not in _plain(results), a.text
    else:
        # Printed in the 実績 row for the edition's year or later: a plan, never a result.
        assert a.status == "not_stated", (question, a.text)
        assert _plain(cell.text) in _plain(a.text) and "実績の行" in a.text, (question, a.text)


# The rows printed one cell short of the years, line by line (R7 document): the cells in the
# order printed, the year the first one is read as, and why.
SHORT_ROWS = [
    ("No26", 65, ["①補助金交付 ②導入後の活用状況確認", "① ②"], "R6"),  # its 実績 is R6's
    ("No34", 200, ["試行実施に向けた検討", "試行実施", "本格実施", "本格実施"], "R6"),
    ("No43", 355, ["配信内容 検討 補習配信", "振り 返り 補習配信"], "R7"),  # starts in R7
    ("No47", 430, ["調達・設置", "運用"], "R7"),  # starts in R7, no 実績 printed
    ("No49", 466, ["試験的運用", "本格運用"], "R6"),  # its 実績 (R6's) in the first cell
]


@pytest.mark.parametrize(("ref", "line", "printed", "first"), SHORT_ROWS)
def test_a_short_row_says_which_reading_is_used(store, ref, line, printed, first):
    raw = default_sources()[1].read_text(encoding="utf-8").split("\n")[line - 1].split("\t")
    assert [c.strip() for c in raw[2 : 2 + len(printed)]] == printed  # the line as printed
    start = FiscalYear.parse(first)
    for offset, text in enumerate(printed):
        year = (start + offset).reiwa.code
        a = ask(store, f"{ref}の{year}の目標は？")
        assert a.status == "ok" and _plain(text) in _plain(a.text), (ref, year, a.text)
        assert line in [s.line for s in a.sources]
        assert "少ないセル" in a.text and f"最初のセルを{first}" in a.text, a.text


@pytest.mark.parametrize(
    ("question", "status", "printed"),
    [
        ("What is planned beyond R8 for No44?", "ok", ["創出したモデルを県内で活用"]),
        ("No55のR9には何をする予定？", "ok", ["検討会実施", "推進体制運用"]),
        ("Is anything still planned in R10 for No55?", "ok", ["サービス提供基盤運用"]),
        ("No55のR9の実績は？", "not_stated", ["推進体制運用"]),
        ("No32はR8も何かやる予定？", "ok", ["R7"]),  # the project ends in R7
        ("No41のR7の実績は？", "not_stated", []),
    ],
)
def test_years_after_and_results_not_yet(store, question, status, printed):
    a = ask(store, question)
    assert a.status == status, a.text
    assert all(_plain(t) in _plain(a.text) for t in printed), a.text
