"""The next edition's draft: every project still running, its 実績 filled from the record.

The projects are numbered as in the latest edition; the budget is the latest figure marked
要確認 (to be confirmed); past years' 実績 cells and the last year's 主な取組実績 come from the
actual-results record (document entries and chat entries, retractions left out), each chat
entry credited. Renderers: Markdown, printable HTML, XLSX, and the source documents' own
tab-separated layout, which ingests back into the same projects.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot import messages as m
from bot.fiscal_year import FiscalYear
from bot.ingest import achievements_year
from bot.models import ActualEntry, Initiative, Project, Source, YearCell
from bot.store import Store
from bot.text import one_line

TO_CONFIRM = "要確認"


def credit(entry: ActualEntry) -> str:
    """A chat entry as it appears in the draft: its text as typed, who and when (each format
    escapes it for itself)."""
    text = entry.text
    if entry.from_document:
        return text
    when = entry.created_at.astimezone(m.TOKYO).strftime("%Y-%m-%d") if entry.created_at else ""
    return f"{text}（{entry.author_name or entry.author_id}, {when}）"


def draft_projects(store: Store, target: str, field: str | None = None) -> list[Project]:
    """The projects of the draft edition `target` (e.g. R8): every field of the latest
    edition, or one field (産業・しごと)."""
    year = FiscalYear.parse(target)
    code = year.code
    last = achievements_year(year).code
    projects = []
    for p in store.projects(field=field):
        if p.end_year is not None and p.end_year < year:
            continue  # ended before the target year: not in the next edition
        record = store.counted_entries(p.key)
        chat = [e for e in record if not e.from_document]
        initiatives = []
        for number, initiative in enumerate(p.initiatives, 1):
            label = initiative.label or f"取組{number}"
            years = {}
            for y, cell in initiative.years.items():
                actual = cell.actual
                if FiscalYear.parse(y) < year:
                    extra = [
                        credit(e) for e in chat if e.initiative == label and e.fiscal_year == y
                    ]
                    actual = " ".join(t for t in [actual, *extra] if t) or None
                # A plan the document printed in the 実績 row is a plan in the draft too (#24).
                years[y] = YearCell(plan=" ".join(cell.plans) or None, actual=actual)
            initiatives.append(
                Initiative(label=initiative.label, years=years, source=initiative.source)
            )
        achievements = [
            credit(e)
            for e in record
            if e.fiscal_year and FiscalYear.parse(e.fiscal_year) == FiscalYear.parse(last)
        ]
        note = TO_CONFIRM if not p.budget_note else f"{p.budget_note}・{TO_CONFIRM}"
        projects.append(
            p.model_copy(
                update={
                    "edition": code,
                    "budget_note": note,
                    "initiatives": initiatives,
                    "achievements": " ".join(achievements) or None,
                    "number_inferred": False,
                    "source": Source(file=f"draft_{code}", line=1),
                    "priority_frame": None,
                    "future_response": None,
                }
            )
        )
    return projects


def _years(projects: list[Project]) -> list[str]:
    years = {y for p in projects for i in p.initiatives for y in i.years}
    return sorted(years, key=lambda y: FiscalYear.parse(y).western) or [
        "R6",
        "R7",
        "R8",
        "R9",
        "R10",
    ]


def _heading(project: Project) -> str:
    """A project's heading mark, 【No40】 (none for an unnumbered edition's project)."""
    return f"【No{project.no}】" if project.no is not None else ""


def _cell(text: str | None) -> str:
    """A cell of the tab-separated layout: one line, no tabs (the text otherwise as typed)."""
    return one_line(text)


# What Markdown would read as formatting, a link, HTML or a table's column break: each is
# escaped with a backslash (CommonMark's escape for ASCII punctuation), so the text renders as
# typed. "&" only where it would start an entity (&amp;), so R&D stays readable.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")


def md(text: str | None) -> str:
    """Text for a Markdown table cell or line: shown as typed, line ends as <br>."""

    def escape(m: re.Match) -> str:
        return "\\" + m.group(1) if m.group(1) else "&amp;"

    escaped = _MARKDOWN_SPECIAL.sub(escape, text or "")
    return "<br>".join(line.strip() for line in escaped.splitlines())


def by_field(projects: list[Project]) -> dict[str, list[Project]]:
    """A draft's projects per field (分野), in the order the fields first appear."""
    fields: dict[str, list[Project]] = {}
    for p in projects:
        fields.setdefault(p.field or "", []).append(p)
    return fields


def to_txt(projects: list[Project], target: str) -> str:
    """The source documents' layout (ingests back into the same projects, as a draft: the
    title ends in （案）)."""
    year = FiscalYear.parse(target)
    title = f"{year.label}DX関連事業ロードマップ（案）"
    years = _years(projects)
    out = [title, ""]
    for p in projects:
        budget = f"{p.budget_thousand_yen:,}" + (f" ({p.budget_note})" if p.budget_note else "")
        out += [
            _heading(p),
            "",
            "\t".join(
                [
                    "分野",
                    _cell(p.field),
                    "項目",
                    _cell(p.category),
                    "担当部局",
                    _cell(p.department),
                    "担当課",
                    " ".join(p.sections),
                ]
            ),
            "\t".join(
                [
                    "事業名",
                    _cell(p.name),
                    f"{year.code}事業費(千円)",
                    budget,
                    "事業始期",
                    p.start or "",
                    "事業終期",
                    p.end or "",
                ]
            ),
            "\t".join(["概要", _cell(p.summary)]),
            "",
            "\t".join(["取組", "", *years]),
        ]
        for initiative in p.initiatives:
            out.append(
                "\t".join(
                    [
                        _cell(initiative.label),
                        "計画",
                        *(_cell(initiative.years.get(y, YearCell()).plan) for y in years),
                    ]
                )
            )
            out.append(
                "\t".join(
                    [
                        "",
                        "実績",
                        *(_cell(initiative.years.get(y, YearCell()).actual) for y in years),
                    ]
                )
            )
        out += ["\t".join(["主な取組実績", _cell(p.achievements)]), "", title, ""]
    return "\n".join(out)


def to_markdown(projects: list[Project], target: str) -> str:
    """A Markdown document: one section per project, its initiative table."""
    year = FiscalYear.parse(target)
    years = _years(projects)
    lines = [
        f"# {year.label}DX関連事業ロードマップ（案）",
        "",
        f"事業費は前版の額です（{TO_CONFIRM}）。実績はチャットでの報告を含みます。",
        "",
    ]
    for p in projects:
        lines += [
            f"## {md(m.short_ref(p))}",
            "",
            f"- 分野：{md(p.field)}／項目：{md(p.category)}",
            f"- 担当：{md(p.department)} {md('、'.join(p.sections))}",
            f"- {year.code}事業費（千円）：{p.budget_thousand_yen:,}（{md(p.budget_note)}）",
            f"- 事業始期：{md(p.start)}　事業終期：{md(p.end) or '（記載なし）'}",
            f"- 概要：{md(p.summary)}",
            "",
            "| 取組 | 区分 | " + " | ".join(years) + " |",
            "|---|---|" + "---|" * len(years),
        ]
        for initiative in p.initiatives:
            for kind, label in (("plan", "計画"), ("actual", "実績")):
                cells = [md(getattr(initiative.years.get(y, YearCell()), kind)) for y in years]
                lines.append(
                    f"| {md(initiative.label) if kind == 'plan' else ''} | {label} | "
                    + " | ".join(cells)
                    + " |"
                )
        lines += [
            "",
            f"**主な取組実績（{achievements_year(year).code}）**：{md(p.achievements) or '（記録なし）'}",
            "",
        ]
    return "\n".join(lines)


CSS = """
@page { size: A4 landscape; margin: 10mm; }
body { font-family: "IPAexGothic", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", sans-serif; font-size: 9pt; margin: 0; }
section { page-break-after: always; }
h1 { font-size: 13pt; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 3mm; }
th, td { border: 0.6pt solid #333; padding: 1.2mm; vertical-align: top; overflow-wrap: anywhere; word-break: break-all; white-space: pre-line; }
th { background: #dfe8f3; font-weight: normal; }
td.money { text-align: right; }
.confirm { color: #b03a2e; }
"""


def to_html(projects: list[Project], target: str) -> str:
    """Printable on A4 landscape, laid out like the original tables."""
    year = FiscalYear.parse(target)
    years = _years(projects)
    e = html.escape
    parts = [
        f"<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>{e(year.label)}DX関連事業ロードマップ（案）</title><style>{CSS}</style></head><body>"
    ]
    for p in projects:
        rows = [
            f"<section><h1>{e(year.label)}DX関連事業ロードマップ（案）{e(_heading(p))}</h1>",
            "<table><colgroup><col style='width:9%'><col style='width:24%'><col style='width:7%'><col style='width:14%'><col style='width:9%'><col style='width:14%'><col style='width:8%'><col style='width:15%'></colgroup>",
            f"<tr><th>分野</th><td>{e(p.field or '')}</td><th>項目</th><td>{e(p.category or '')}</td><th>担当部局</th><td>{e(p.department or '')}</td><th>担当課</th><td>{e('、'.join(p.sections))}</td></tr>",
            f"<tr><th>事業名</th><td colspan='3'>{e(p.name)}</td><th>{year.code}事業費(千円)</th><td class='money'>{p.budget_thousand_yen:,} <span class='confirm'>({e(p.budget_note or '')})</span></td><th>事業期間</th><td>{e(p.start or '')}〜{e(p.end or '')}</td></tr>",
            f"<tr><th>概要</th><td colspan='7'>{e(p.summary)}</td></tr></table>",
            "<table><colgroup><col style='width:16%'><col style='width:5%'>"
            + "".join("<col>" for _ in years)
            + "</colgroup>",
            "<tr><th>取組</th><th></th>" + "".join(f"<th>{y}</th>" for y in years) + "</tr>",
        ]
        for initiative in p.initiatives:
            plan = "".join(
                f"<td>{e(initiative.years.get(y, YearCell()).plan or '')}</td>" for y in years
            )
            actual = "".join(
                f"<td>{e(initiative.years.get(y, YearCell()).actual or '')}</td>" for y in years
            )
            rows.append(
                f"<tr><td rowspan='2'>{e(initiative.label or '')}</td><th>計画</th>{plan}</tr><tr><th>実績</th>{actual}</tr>"
            )
        rows.append(
            f"<tr><th colspan='2'>主な取組実績（{achievements_year(year).code}）</th><td colspan='{len(years)}'>{e(p.achievements or '')}</td></tr></table></section>"
        )
        parts.append("".join(rows))
    parts.append("</body></html>")
    return "".join(parts)


def to_xlsx(projects: list[Project], target: str) -> bytes:
    """One sheet: a row per project, then a row per initiative with plan/actual per year
    (written by bot/spreadsheets.py's one XLSX writer)."""
    from bot.spreadsheets import Column
    from bot.spreadsheets import to_xlsx as write_xlsx

    years = _years(projects)
    header = [
        "種別",
        "No",
        "事業名",
        "分野",
        "項目",
        "担当部局",
        "担当課",
        "事業費(千円)",
        "事業費の注記",
        "事業始期",
        "事業終期",
        "概要",
        "主な取組実績",
        "取組",
    ]
    for y in years:
        header += [f"{y} 計画", f"{y} 実績"]
    widths = [6, 6, 40, 14, 18, 16, 20, 14, 16, 8, 8, 60, 60, 40] + [40] * (2 * len(years))
    columns = [
        Column(str(i), h, h, w, "money" if h == "事業費(千円)" else "text")
        for i, (h, w) in enumerate(zip(header, widths, strict=True))
    ]
    rows = []
    for p in projects:
        values = ["事業", p.no, p.name, p.field, p.category, p.department]
        values += ["、".join(p.sections), p.budget_thousand_yen, p.budget_note, p.start, p.end]
        values += [p.summary, p.achievements, None]
        rows.append(dict(zip(map(str, range(len(values))), values, strict=True)))
        for initiative in p.initiatives:
            cells = ["取組", p.no, p.name] + [None] * 10 + [initiative.label]
            for y in years:
                cell = initiative.years.get(y, YearCell())
                cells += [cell.plan, cell.actual]
            rows.append(dict(zip(map(str, range(len(cells))), cells, strict=True)))
    return write_xlsx([(f"{FiscalYear.parse(target).code}案", columns, rows)])


RENDERERS = {"md": to_markdown, "html": to_html, "txt": to_txt}


def render(projects: list[Project], target: str, fmt: str) -> bytes:
    """The draft in one format, as bytes."""
    if fmt == "xlsx":
        return to_xlsx(projects, target)
    return RENDERERS[fmt](projects, target).encode("utf-8")


def safe_filename(*parts: str, ext: str) -> str:
    """A file name from safe parts only: letters, digits, '-' and '_' (no paths, no tricks)."""
    import re

    cleaned = [re.sub(r"[^A-Za-z0-9_-]", "", p) for p in parts]
    stem = "_".join(c for c in cleaned if c) or "roadmap"
    return f"{stem[:80]}.{re.sub(r'[^a-z0-9]', '', ext.lower()) or 'txt'}"


def now_stamp(now: datetime) -> str:
    """2026-11-22 in Japan time, for file names."""
    return now.astimezone(m.TOKYO).strftime("%Y-%m-%d")
