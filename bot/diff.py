"""What changed between two editions: added, ended, renamed, budgets, periods, departments,
summaries (a word-level diff). Data first; text, Markdown and JSON renderers below."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter

from pydantic import BaseModel, Field

from bot.errors import UserError
from bot.messages import evidence_words
from bot.models import Project, budget_change
from bot.store import Store
from bot.text import compact


class Ref(BaseModel):
    """A project in the diff."""

    edition: str
    no: int | None
    name: str
    line: int


class Change(BaseModel):
    """One linked pair and what differs between them."""

    older: Ref
    newer: Ref
    evidence: str
    renamed: bool
    budget_old: int
    budget_new: int
    budget_change: int
    budget_change_pct: float | None
    period_old: str
    period_new: str
    department_old: str | None
    department_new: str | None
    sections_old: list[str]
    sections_new: list[str]
    summary_diff: str | None = None  # None: unchanged


class Rename(BaseModel):
    """A department or section that appears under a new name (with how many projects)."""

    kind: str
    old: str
    new: str
    projects: int


class EditionDiff(BaseModel):
    """The story of two editions."""

    older: str
    newer: str
    added: list[Ref] = Field(default_factory=list)
    ended: list[Ref] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    renames: list[Rename] = Field(default_factory=list)
    totals: dict[str, int] = Field(default_factory=dict)


def _ref(p: Project) -> Ref:
    return Ref(edition=p.edition, no=p.no, name=p.name, line=p.source.line)


def _period(p: Project) -> str:
    return f"{p.start or '?'}–{p.end or '(記載なし)'}"


def word_diff(old: str, new: str) -> str | None:
    """[-removed-]{+added+} over words (Japanese: runs of one script), None if equal."""
    if compact(old) == compact(new):
        return None
    tokens = re.compile(r"[A-Za-z0-9]+|[\u30a0-\u30ffー]+|[\u4e00-\u9fff]+|[\u3040-\u309f]+|\s+|.")
    a, b = tokens.findall(old), tokens.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if i2 > i1:
            out.append(f"[-{''.join(a[i1:i2])}-]")
        if j2 > j1:
            out.append(f"{{+{''.join(b[j1:j2])}+}}")
    return "".join(out)


def editions_asked(store: Store, args: str) -> tuple[str, str]:
    """The two editions a chat request names ("R6 R7", any case), else the latest two up to
    the default edition (a draft is compared only when named)."""
    codes = [e.code for e in store.editions()]
    latest = store.latest_edition()
    shown = codes[: codes.index(latest) + 1] if latest in codes else codes
    asked = [store.edition_code(a) for a in args.split()[:2]] or shown[-2:]
    if len(asked) < 2 or None in asked or asked[0] == asked[1]:  # one edition: nothing to compare
        raise UserError("diff_usage", editions=", ".join(codes))
    older, newer = sorted(asked, key=codes.index)  # a reversed pair still reads older → newer
    return older, newer


def diff_editions(store: Store, older: str, newer: str) -> EditionDiff:
    """Compare two loaded editions through their links."""
    old_projects, new_projects = store.projects(older), store.projects(newer)
    old_keys, new_keys = {p.key for p in old_projects}, {p.key for p in new_projects}
    links = [k for k in store.links() if k.older in old_keys and k.newer in new_keys]
    linked_old, linked_new = {k.older for k in links}, {k.newer for k in links}
    result = EditionDiff(
        older=older,
        newer=newer,
        added=[_ref(p) for p in new_projects if p.key not in linked_new],
        ended=[_ref(p) for p in old_projects if p.key not in linked_old],
        totals={
            f"{older}_projects": len(old_projects),
            f"{newer}_projects": len(new_projects),
            f"{older}_budget_thousand_yen": sum(p.budget_thousand_yen for p in old_projects),
            f"{newer}_budget_thousand_yen": sum(p.budget_thousand_yen for p in new_projects),
        },
    )
    departments: Counter = Counter()
    sections: Counter = Counter()
    for link in links:
        old, new = store.project(link.older), store.project(link.newer)
        if old is None or new is None:
            continue
        change, pct = budget_change(old, new)
        result.changes.append(
            Change(
                older=_ref(old),
                newer=_ref(new),
                evidence=link.evidence,
                renamed=link.renamed,
                budget_old=old.budget_thousand_yen,
                budget_new=new.budget_thousand_yen,
                budget_change=change,
                budget_change_pct=pct,
                period_old=_period(old),
                period_new=_period(new),
                department_old=old.department,
                department_new=new.department,
                sections_old=old.sections,
                sections_new=new.sections,
                summary_diff=word_diff(old.summary, new.summary),
            )
        )
        if old.department and new.department and old.department != new.department:
            departments[(old.department, new.department)] += 1
        if len(old.sections) == len(new.sections) == 1 and old.sections != new.sections:
            sections[(old.sections[0], new.sections[0])] += 1
    result.renames = [
        Rename(kind="department", old=a, new=b, projects=n)
        for (a, b), n in _renames(departments, old_projects, new_projects, _departments)
    ]
    result.renames += [
        Rename(kind="section", old=a, new=b, projects=n)
        for (a, b), n in _renames(sections, old_projects, new_projects, _sections)
    ]
    return result


def _departments(p: Project) -> set[str]:
    return {compact(p.department)} if p.department else set()


def _sections(p: Project) -> set[str]:
    return {compact(s) for s in p.sections}


def _renames(pairs: Counter, older: list[Project], newer: list[Project], names) -> list:
    """The changed names that are renames. A pair seen in both directions, or whose two names
    both editions print, is one name spelled two ways (医療薬務課 and 医療業務課), not two renames
    in opposite directions; names equal but for spacing are not renamed at all."""
    old_names = set().union(*(names(p) for p in older))
    new_names = set().union(*(names(p) for p in newer))
    return [
        ((a, b), n)
        for (a, b), n in pairs.most_common()
        if compact(a) != compact(b)
        and (b, a) not in pairs
        and not (compact(a) in new_names and compact(b) in old_names)
    ]


def _label(r: Ref) -> str:
    return f"No{r.no} {r.name}" if r.no is not None else f"{r.edition}版 {r.name}"


def to_text(d: EditionDiff, markdown: bool = False) -> str:
    """A readable report; with markdown, headings and lists."""
    h = "## " if markdown else "■ "
    lines = [("# " if markdown else "") + f"{d.older}版 → {d.newer}版 の変更", ""]
    t = d.totals
    lines.append(
        f"事業数 {t[f'{d.older}_projects']} → {t[f'{d.newer}_projects']}、事業費合計 "
        f"{t[f'{d.older}_budget_thousand_yen']:,}千円 → {t[f'{d.newer}_budget_thousand_yen']:,}千円"
    )
    lines += ["", f"{h}新規（{len(d.added)}件）"] + [f"- {_label(r)}" for r in d.added]
    lines += ["", f"{h}終了・対応なし（{len(d.ended)}件）"] + [f"- {_label(r)}" for r in d.ended]
    renamed = [c for c in d.changes if c.renamed]
    lines += ["", f"{h}名称変更・統合（{len(renamed)}件）"]
    lines += [
        f"- {_label(c.older)} → {_label(c.newer)}（{evidence_words(c.evidence)}）" for c in renamed
    ]
    lines += ["", f"{h}事業費の増減"]
    for c in sorted(d.changes, key=lambda c: -abs(c.budget_change)):
        pct = f"、{c.budget_change_pct:+.1f}%" if c.budget_change_pct is not None else ""
        lines.append(
            f"- {_label(c.older)} → {_label(c.newer)}：{c.budget_old:,} → {c.budget_new:,}千円"
            f"（{c.budget_change:+,}千円{pct}）"
        )
    periods = [c for c in d.changes if c.period_old != c.period_new]
    lines += ["", f"{h}期間の変更（{len(periods)}件）"]
    lines += [
        f"- {_label(c.older)} → {_label(c.newer)}：{c.period_old} → {c.period_new}" for c in periods
    ]
    lines += ["", f"{h}部局・担当課の名称変更"] + [
        f"- {r.old} → {r.new}（{r.projects}事業）" for r in d.renames
    ]
    summaries = [c for c in d.changes if c.summary_diff]
    lines += ["", f"{h}概要の変更（{len(summaries)}件）"]
    lines += [f"- {_label(c.newer)}：{c.summary_diff}" for c in summaries]
    return "\n".join(lines) + "\n"


def to_json(d: EditionDiff) -> str:
    """The diff as JSON."""
    return json.dumps(d.model_dump(mode="json"), ensure_ascii=False, indent=2)
