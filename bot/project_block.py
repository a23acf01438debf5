"""One project's block of a roadmap document → its fields: the labelled header (name, budget,
period, department, flags…), the initiative table (each year's plan and actual as printed) and
主な取組実績. Every field is recognised by its label, never by its column (see bot/ingest.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.errors import ParseError
from bot.fiscal_year import FiscalYear
from bot.models import Initiative, Source, YearCell
from bot.text import compact, nfkc

# Labels that fill a whole cell, compared after NFKC and removal of spaces ("事 業 名").
CELL_LABELS = {
    "分野": "field",
    "項目": "category",
    "担当部局": "department",
    "担当課": "sections",
    "担当課等": "sections",
    "事業名": "name",
    "概要": "summary",
    "重点枠事業": "priority_frame",
    "将来対応分": "future_response",
    "事業始期": "start",
    "事業終期": "end",
}
BUDGET_LABEL = re.compile(r"^R(\d+)事業費[(（]千円[)）]$")
# Labels that the dumps also print inside another cell: "R5 事業終期 R10", "○ 将来対応分".
MID_LABEL = re.compile(
    r"(事\s*業\s*始\s*期|事\s*業\s*終\s*期|重\s*点\s*枠\s*事\s*業|将\s*来\s*対\s*応\s*分"
    r"|R\s*\d+\s*事\s*業\s*費\s*[(（]\s*千\s*円\s*[)）])"
)
TITLE = re.compile(r"DX関連事業ロードマップ\s*(?:[(（]\s*案\s*[)）])?\s*$")
BUDGET_VALUE = re.compile(r"^([\d,]+)\s*(.*)$")
KINDS = {"目標": "plan", "計画": "plan", "実績": "actual"}
KIND_PREFIX = re.compile(r"^(目標|計画|実績)\s+(.+)$")
PLAN_AND_ACTUAL = re.compile(r"^(?:目標|計画)\s+(.*?)\s*実績\s+(.+)$")
REQUIRED = {"name": "事業名", "budget": "事業費(千円)", "summary": "概要"}
FLAG_MARKS = ("○", "◯", "〇")


@dataclass
class Line:
    number: int
    cells: list[str]  # cleaned cells, positions kept
    first: str  # compact form of the first non-empty cell


@dataclass
class Block:
    start: int  # line of the heading, or of 分野 when there is none
    heading_no: int | None
    lines: list[Line] = field(default_factory=list)


class BlockParser:
    """Parses one project block: the labelled header, the initiative table, achievements."""

    def __init__(self, block: Block, file: str) -> None:
        self.block = block
        self.file = file
        self.initiatives: list[_InitiativeBuilder] = []
        self.achievements: list[str] = []
        self.achievements_line: int | None = None
        self.kind_column = False

    def fail(self, line: int, reason: str, key: str = "", **params) -> ParseError:
        return ParseError(self.file, line, reason, key, **params)

    def parse(self) -> tuple[str, dict]:
        header, table, achievements = self._regions()
        values, edition = self._header(header)
        if table:
            self._table(table)
        for line in achievements:
            self._achievement_line(line)
        edition_year = FiscalYear.parse(edition)
        shift = self._short_row_shift(values.get("start"), edition_year)
        values["initiatives"] = [b.build(self.file, shift, edition_year) for b in self.initiatives]
        values["achievements"] = " ".join(self.achievements) or None
        values["achievements_line"] = (
            self.achievements_line
        )  # also a line printed with no achievement (No29)
        return edition, values

    def _regions(self) -> tuple[list[Line], list[Line], list[Line]]:
        header: list[Line] = []
        table: list[Line] = []
        achievements: list[Line] = []
        region = header
        for line in self.block.lines:
            if not line.first or TITLE.search(line.first):
                continue
            if line.first == "取組" and region is header:
                region = table
            elif line.first == "主な取組実績":
                region = achievements
            region.append(line)
        return header, table, achievements

    # -- header ----------------------------------------------------------------------------

    def _tokens(self, lines: list[Line]) -> list[tuple[str, str, int]]:
        """Label and value tokens in reading order: ("label", key, line) / ("value", text, line)."""
        tokens: list[tuple[str, str, int]] = []
        for line in lines:
            for cell in line.cells:
                if not cell:
                    continue
                key = compact(cell)
                if key in CELL_LABELS:
                    tokens.append(("label", CELL_LABELS[key], line.number))
                    continue
                if m := BUDGET_LABEL.match(key):
                    tokens.append(("label", f"budget:R{int(m.group(1))}", line.number))
                    continue
                for i, part in enumerate(MID_LABEL.split(cell)):
                    part = part.strip()
                    if not part:
                        continue
                    if i % 2:  # the split keeps labels at odd positions
                        pkey = compact(part)
                        label = CELL_LABELS.get(pkey)
                        if label is None and (m := BUDGET_LABEL.match(pkey)):
                            label = f"budget:R{int(m.group(1))}"
                        tokens.append(("label", label or pkey, line.number))
                    else:
                        tokens.append(("value", part, line.number))
        return tokens

    def _header(self, lines: list[Line]) -> tuple[dict, str]:
        found: dict[str, list[str]] = {}
        label_line: dict[str, int] = {}
        value_line: dict[str, int] = {}  # where a field's text starts: what a citation points at
        current: str | None = None
        for kind, text, number in self._tokens(lines):
            if kind == "label":
                key = "budget" if text.startswith("budget:") else text
                if key in found:
                    raise self.fail(
                        number,
                        f"label {text} appears twice in one project",
                        "parse_label_twice",
                        label=text,
                    )
                if key == "budget":
                    label_line["edition"] = number
                    found["edition"] = [text.split(":", 1)[1]]
                found[key] = []
                label_line[key] = number
                current = key
            elif current is not None:
                found[current].append(text)
                value_line.setdefault(current, number)
        for key, label in REQUIRED.items():
            if not found.get(key):
                missing = "is missing" if key not in found else "has no value"
                raise self.fail(
                    self.block.start,
                    f"{label} {missing} (truncated block?)",
                    "parse_label_missing" if key not in found else "parse_label_empty",
                    label=label,
                )
        values: dict = {
            "name": " ".join(found["name"]),
            "summary": " ".join(found["summary"]),
            "field": " ".join(found.get("field", [])) or None,
            "category": " ".join(found.get("category", [])) or None,
            "department": " ".join(found.get("department", [])) or None,
            "sections": _sections(found.get("sections", [])),
        }
        values["budget_thousand_yen"], values["budget_note"] = self._budget(
            " ".join(found["budget"]), label_line["budget"]
        )
        for key in ("start", "end"):
            values[key] = self._year(found.get(key), label_line.get(key))
        for key in ("priority_frame", "future_response"):
            marks = found.get(key)
            values[key] = None if marks is None else any(m in FLAG_MARKS for m in marks)
        values["field_lines"] = {
            k: value_line.get(k, v) for k, v in label_line.items() if k != "edition"
        }
        return values, found["edition"][0]

    def _budget(self, text: str, line: int) -> tuple[int, str | None]:
        m = BUDGET_VALUE.match(nfkc(text))
        if not m:
            raise self.fail(
                line,
                f"budget is not a number of thousand yen: {text!r}",
                "parse_bad_budget",
                value=text,
            )
        note = m.group(2).strip()
        if note.startswith(("(", "（")) and note.endswith((")", "）")):
            note = note[1:-1].strip()
        return int(m.group(1).replace(",", "")), note or None

    def _year(self, values: list[str] | None, line: int | None) -> str | None:
        if not values:
            return None  # not printed: stays empty, never guessed
        text = compact(" ".join(values))
        if text == "未定" or FiscalYear.try_parse(text):
            return text
        raise self.fail(
            line or self.block.start, f"not a fiscal year: {text!r}", "parse_bad_year", value=text
        )

    # -- initiative table ------------------------------------------------------------------

    def _table(self, lines: list[Line]) -> None:
        head, *rows = lines
        years = [c for c in (compact(c) for c in head.cells[1:]) if FiscalYear.try_parse(c)]
        if not years:
            raise self.fail(
                head.number, "initiative table has no fiscal-year columns", "parse_no_year_columns"
            )
        first_year = next(i for i, c in enumerate(head.cells) if compact(c) in years)
        self.years = years
        self.kind_column = first_year >= 2  # "取組⇥⇥R6…": an empty column for 目標/実績
        for row in rows:
            self._row(row)

    def _row(self, row: Line, forced_kind: str | None = None) -> None:
        cells = list(row.cells)
        while cells and not cells[-1]:
            cells.pop()
        label = cells[0] if cells else ""
        rest = cells[1:]
        kind = forced_kind
        kind_cell = False
        if label in KINDS:
            kind, label = KINDS[label], ""
        elif rest and rest[0] in KINDS:
            kind = KINDS[rest.pop(0)]
            kind_cell = True
        elif (
            not self.kind_column
            and rest
            and (m := KIND_PREFIX.match(rest[0]))
            and not PLAN_AND_ACTUAL.match(rest[0])
        ):
            kind, rest[0] = KINDS[m.group(1)], m.group(2)
        elif self.kind_column and rest and not rest[0]:
            rest.pop(0)  # the empty 目標/実績 cell
        explicit = kind is not None
        # 「取組⇥R6…」 with rows 「label⇥目標⇥…」: the 目標/実績 cell stands where a year's
        # cell would, so the row prints one cell fewer than there are years (No26, No34…).
        short = explicit and not self.kind_column and kind_cell
        current = self.initiatives[-1] if self.initiatives else None
        if label and current is not None and current.label is None and not explicit:
            # The label cell spans the plan and actual rows and was printed on the second.
            current.label = label
            current.lines["label"] = row.number
            kind = "actual" if current.has("plan") else "plan"
        elif label or current is None or (kind == "plan" and current.has("plan")):
            current = _InitiativeBuilder(label or None, row.number, self.years)
            self.initiatives.append(current)
            kind = kind or "plan"
        elif kind is None:
            # An unlabelled row with no 目標/実績: the actual after an implicit plan row,
            # else the second printed line of the row above.
            kind = "actual" if current.last_implicit_plan else current.last_kind
        # Markers inside cells ("目標 …", "実績 …") are the PDF's merged cells; a table with its
        # own 目標/実績 column (the R6 edition, our drafts) has none, so its text stays as is.
        current.add(
            kind, rest, explicit, markers=not self.kind_column, line=row.number, short=short
        )

    def _short_row_shift(self, start: str | None, edition_year: FiscalYear) -> int:
        """Which year the first cell of a short row is (0: the first year, 1: the second).

        A row printing one cell fewer than there are years can be read from the first year
        (its last year left blank) or from the second (the 目標/実績 cell standing in the first
        year's column). The document decides: a 実績 in the first cell is from the first
        year, since an edition reports results only for years before its own (No26, No34,
        No44, No49, No53); otherwise text that would fall before 事業始期 is read from the
        second year (No43, No47). Every short row of a project is read the same way."""
        placed = [x for b in self.initiatives for x in b.placed if x.short]
        if not placed or len(self.years) < 2:
            return 0
        second = FiscalYear.parse(self.years[1])
        if any(x.kind == "actual" and x.index == 0 for x in placed) and second >= edition_year:
            return 0
        begins = FiscalYear.try_parse(start)
        before = begins is not None and FiscalYear.parse(self.years[0]) < begins
        return 1 if before and any(x.index == 0 for x in placed) else 0

    def _achievement_line(self, line: Line) -> None:
        texts = [c for c in line.cells if c]
        if texts and compact(texts[0]) == "主な取組実績":
            texts = texts[1:]
        marked = texts and (m := KIND_PREFIX.match(texts[0])) and m.group(1) == "実績"
        if marked and not self.kind_column:
            # The initiative's 実績 row printed into the achievements line (No29): read as that
            # row, but the line is not empty (主な取組実績が空の事業 does not count it).
            self._row(Line(line.number, ["", m.group(2), *texts[1:]], ""), forced_kind="actual")
            self.achievements_line = self.achievements_line or line.number
            return
        if texts and self.achievements_line is None:
            self.achievements_line = line.number
        self.achievements.extend(texts)


@dataclass
class _Placed:
    """One printed cell of an initiative: its place in its row, kind, text and line."""

    index: int  # 0 for the row's first year cell
    kind: str  # plan | actual
    text: str
    line: int
    short: bool  # its row printed one cell fewer than there are years


class _InitiativeBuilder:
    """Collects the rows of one initiative into per-year plan and actual text."""

    def __init__(self, label: str | None, line: int, years: list[str]) -> None:
        self.label = label
        self.line = line
        self.years = years
        self.placed: list[_Placed] = []
        self.kinds: list[str] = []
        self.last_kind = "plan"
        self.last_implicit_plan = False
        self.lines: dict[str, int] = {"label": line} if label else {}
        self.row_line = line
        self.row_short = False

    def has(self, kind: str) -> bool:
        return kind in self.kinds

    def _put(self, index: int, kind: str, text: str) -> None:
        if text:
            self.placed.append(_Placed(index, kind, text, self.row_line, self.row_short))

    def add(
        self,
        kind: str,
        cells: list[str],
        explicit: bool,
        markers: bool = True,
        line: int = 0,
        short: bool = False,
    ) -> None:
        self.row_line = line or self.line
        self.row_short = short
        index = 0
        for cell in cells:
            if not markers:
                self._put(index, kind, cell)
                index += 1
            elif m := PLAN_AND_ACTUAL.match(cell):  # "目標 … 実績 …" in one cell (No44, No52)
                self._put(index, "plan", m.group(1))
                self._put(index, "actual", m.group(2))
                index += 1
            elif (m := KIND_PREFIX.match(cell)) and m.group(1) == "実績" and kind == "plan":
                # The previous year's 実績 printed beside its plan (No39).
                self._put(max(index - 1, 0), "actual", m.group(2))
            elif m := KIND_PREFIX.match(cell):
                self._put(index, KINDS[m.group(1)], m.group(2))
                index += 1
            else:
                self._put(index, kind, cell)
                index += 1
        self.kinds.append(kind)
        self.last_kind = kind
        self.last_implicit_plan = kind == "plan" and not explicit

    def build(
        self, file: str, shift: int = 0, edition_year: FiscalYear | None = None
    ) -> Initiative:
        """The initiative, short rows read `shift` years on; a 実績 printed for the edition's
        own year or later is kept as a plan printed in the 実績 row (an edition reports results
        only for the years before its own: R7's tells of R6)."""
        cells: dict[str, dict[str, list[str]]] = {
            y: {"plan": [], "actual": [], "plan_in_actual_row": []} for y in self.years
        }
        lines = {"label": self.lines["label"]} if "label" in self.lines else {}
        last = len(self.years) - 1
        for x in self.placed:
            year = self.years[min(x.index + (shift if x.short else 0), last)]  # overflow: last
            kind = x.kind
            if kind == "actual" and edition_year and FiscalYear.parse(year) >= edition_year:
                kind = "plan_in_actual_row"
            cells[year][kind].append(x.text)
            lines.setdefault(f"{kind}:{year}", x.line)
        years = {
            y: YearCell(**{k: " ".join(texts) or None for k, texts in c.items()})
            for y, c in cells.items()
        }
        short = any(x.short for x in self.placed)
        return Initiative(
            label=self.label,
            years=years,
            source=Source(file=file, line=self.line),
            short_from=self.years[min(shift, last)] if short else None,
            lines={
                k: n
                for k, n in lines.items()
                if k == "label" or getattr(years[k.split(":")[1]], k.split(":")[0])
            },
        )


def _sections(values: list[str]) -> list[str]:
    """Several sections in one cell: split on spaces, and on ・ after a 課/部/室 name."""
    sections: list[str] = []
    for value in values:
        for part in value.split():
            sections.extend(p for p in re.split(r"(?<=[課部室局])・", part) if p)
    return sections
