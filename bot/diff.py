"""What changed between two editions: added, ended, renamed, budgets, periods, departments,
summaries (a word-level diff), as data; bot/diff_text.py says it as text, Markdown or JSON."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Literal

from pydantic import BaseModel, Field

from bot import messages as m
from bot.errors import UserError
from bot.links import link_kinds
from bot.models import Link, Project, amount_change, budget_change
from bot.store import Store
from bot.text import compact


class Ref(BaseModel):
    """A project in the diff."""

    edition: str
    no: int | None
    name: str
    line: int
    field: str | None = None


class Change(BaseModel):
    """One linked pair and what differs between them."""

    older: Ref
    newer: Ref
    evidence: str
    kind: Literal["continued", "renamed"] = "continued"
    renamed: bool  # one project to one under a new name (never a take-over)
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
    work_also_to: list[Ref] = Field(default_factory=list)  # took over part of the older's work
    work_also_from: list[Ref] = Field(default_factory=list)  # the newer also took over these


class Rename(BaseModel):
    """A department or section that appears under a new name (with how many projects)."""

    kind: str
    old: str
    new: str
    projects: int


class Takeover(BaseModel):
    """Work that moved other than one project to one: a merge, a split, or a project taking
    over part of another's work while that one continues. Budgets are compared (sum against
    sum) only when every project on both sides belongs to this move alone; otherwise they are
    shown side by side, since each is already counted in its own continuation."""

    kind: Literal["merged", "split", "taken_over"]
    older: list[Ref]
    newer: list[Ref]
    evidence: list[str]
    budgets_old: list[int]
    budgets_new: list[int]
    compared: bool  # False: amounts side by side, no change or percentage
    budget_change: int | None = None
    budget_change_pct: float | None = None


class FieldCoverage(BaseModel):
    """Which fields (分野) each edition has loaded; totals compare only the common ones."""

    older: list[str]
    newer: list[str]
    common: list[str]
    only_older: list[str]
    only_newer: list[str]

    @property
    def same(self) -> bool:
        """Both editions loaded the same fields: every figure compares like with like."""
        return not self.only_older and not self.only_newer


class EditionDiff(BaseModel):
    """The story of two editions."""

    older: str
    newer: str
    added: list[Ref] = Field(default_factory=list)
    ended: list[Ref] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)  # one project continuing as one
    takeovers: list[Takeover] = Field(default_factory=list)
    renames: list[Rename] = Field(default_factory=list)
    totals: dict[str, int] = Field(default_factory=dict)  # every loaded field
    fields: FieldCoverage | None = None
    common_totals: dict[str, int] = Field(default_factory=dict)  # the fields both loaded
    uncompared: list[Ref] = Field(default_factory=list)  # in a field the other edition lacks
    caveat: dict[str, str] | None = None  # ja / en, when the field sets differ


def _ref(p: Project) -> Ref:
    return Ref(edition=p.edition, no=p.no, name=p.name, line=p.source.line, field=p.field)


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


def field_key(field: str | None) -> str:
    """A field as documents may spell it: 暮らし・まち分野 and 暮らし・まち are one field."""
    return compact(field or "").removesuffix("分野")


def _fields(store: Store, edition: str) -> list[str]:
    """An edition's fields, "" among them when a document printed none (never dropped: its
    projects compare with the other edition's unfielded ones)."""
    fields = store.fields(edition)
    blank = any(not field_key(p.field) for p in store.projects(edition))
    return [*fields, ""] if blank and "" not in fields else fields


def common_fields(store: Store, older: str, newer: str) -> FieldCoverage:
    """The fields each edition has loaded, and those both have: a comparison of two editions
    (totals, counts, new and ended projects) is like with like only over the common ones."""
    old, new = _fields(store, older), _fields(store, newer)
    new_keys, old_keys = {field_key(f) for f in new}, {field_key(f) for f in old}
    return FieldCoverage(
        older=old,
        newer=new,
        common=[f for f in new if field_key(f) in old_keys],
        only_older=[f for f in old if field_key(f) not in new_keys],
        only_newer=[f for f in new if field_key(f) not in old_keys],
    )


def field_caveat(coverage: FieldCoverage, older: str, newer: str, lang: str = "ja") -> str | None:
    """The sentence that warns a comparison spans different fields, None when they match."""
    if coverage.same:
        return None
    return m.say(
        "diff_field_caveat",
        lang,
        older=older,
        newer=newer,
        older_fields=field_list(coverage.older, lang),
        newer_fields=field_list(coverage.newer, lang),
        common=field_list(coverage.common, lang),
    )


def field_list(fields: list[str], lang: str = "ja") -> str:
    """Fields as a reader sees them, one printed without a name said so."""
    none = m.say("diff_no_field", lang)
    return ("、" if lang == "ja" else ", ").join(f or none for f in fields) or none


def _totals(older: str, newer: str, old: list[Project], new: list[Project]) -> dict[str, int]:
    return {
        f"{older}_projects": len(old),
        f"{newer}_projects": len(new),
        f"{older}_budget_thousand_yen": sum(p.budget_thousand_yen for p in old),
        f"{newer}_budget_thousand_yen": sum(p.budget_thousand_yen for p in new),
    }


def classified_links(store: Store, older: str, newer: str) -> list[tuple[Link, str]]:
    """The links between two editions, each with its kind as the diff reads it: "continued",
    "renamed" (one project to one under a new name: what 名称が変わった事業 lists) or
    "taken_over" (a merge, split or take-over: never a rename, no budget change of its own).
    When the editions' fields differ, a link reaching a field only one of them has is a
    take-over: budgets compare like with like."""
    coverage = common_fields(store, older, newer)
    common = {field_key(f) for f in coverage.common}
    inside = {
        p.key for e in (older, newer) for p in store.projects(e) if field_key(p.field) in common
    }
    old_keys = {p.key for p in store.projects(older)}
    new_keys = {p.key for p in store.projects(newer)}
    every = [k for k in store.links() if k.older in old_keys and k.newer in new_keys]
    links = [k for k in every if k.older in inside and k.newer in inside]
    kinds = link_kinds(links)
    return [(k, kinds.get((k.older, k.newer), "taken_over")) for k in every]


def continuation(store: Store, key: str, successor: bool = False) -> Link | None:
    """The one link over which a project's budget compares with another edition's (its
    predecessor, or with successor its successor): continued or renamed; None when the project
    was merged, split or taken over, or has no link, so no single budget change is meaningful."""
    project = store.project(key)
    if project is None:
        return None
    links = store.successors(key) if successor else store.predecessors(key)
    for edition in dict.fromkeys(
        other.edition
        for k in links
        if (other := store.project(k.newer if successor else k.older)) is not None
    ):
        pair = (project.edition, edition) if successor else (edition, project.edition)
        for link, kind in classified_links(store, *pair):
            if key in (link.older, link.newer) and kind != "taken_over":
                return link
    return None


def diff_editions(store: Store, older: str, newer: str) -> EditionDiff:
    """Compare two loaded editions through their links; each older budget is compared in at
    most one change, and totals, new and ended projects cover the fields both editions have."""
    old_projects, new_projects = store.projects(older), store.projects(newer)
    coverage = common_fields(store, older, newer)
    common = {field_key(f) for f in coverage.common}
    old_common = [p for p in old_projects if field_key(p.field) in common]
    new_common = [p for p in new_projects if field_key(p.field) in common]
    old_keys, new_keys = {p.key for p in old_projects}, {p.key for p in new_projects}
    every = [k for k in store.links() if k.older in old_keys and k.newer in new_keys]
    linked_old, linked_new = {k.older for k in every}, {k.newer for k in every}
    # Budgets are compared like with like: links within the common fields. A link reaching a
    # field only one edition has is shown as a take-over, its amounts side by side.
    classified = classified_links(store, older, newer)
    compared = {p.key for p in old_common + new_common}
    links = [k for k, _ in classified if k.older in compared and k.newer in compared]
    outside = [k for k, _ in classified if k.older not in compared or k.newer not in compared]
    result = EditionDiff(
        older=older,
        newer=newer,
        added=[_ref(p) for p in new_common if p.key not in linked_new],
        ended=[_ref(p) for p in old_common if p.key not in linked_old],
        totals=_totals(older, newer, old_projects, new_projects),
        fields=coverage,
        common_totals=_totals(older, newer, old_common, new_common),
        uncompared=[
            _ref(p)
            for p in old_projects + new_projects
            if field_key(p.field) not in common and p.key not in linked_old | linked_new
        ],
        caveat=None
        if coverage.same
        else {lang: field_caveat(coverage, older, newer, lang) or "" for lang in ("ja", "en")},
    )
    kinds = {(k.older, k.newer): kind for k, kind in classified}
    moved = [k for k in links if kinds[(k.older, k.newer)] == "taken_over"]
    departments: Counter = Counter()
    sections: Counter = Counter()
    for link in links:
        if kinds[(link.older, link.newer)] == "taken_over":
            continue
        old, new = store.project(link.older), store.project(link.newer)
        if old is None or new is None:
            continue
        change, pct = budget_change(old, new)
        result.changes.append(
            Change(
                older=_ref(old),
                newer=_ref(new),
                evidence=link.evidence,
                kind=kinds[(link.older, link.newer)],
                renamed=kinds[(link.older, link.newer)] == "renamed",
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
                work_also_to=[_ref(q) for q in _others(store, moved, old.key, "newer")],
                work_also_from=[_ref(q) for q in _others(store, moved, new.key, "older")],
            )
        )
        if old.department and new.department and old.department != new.department:
            departments[(old.department, new.department)] += 1
        if len(old.sections) == len(new.sections) == 1 and old.sections != new.sections:
            sections[(old.sections[0], new.sections[0])] += 1
    in_changes = {k.older for k in links if kinds[(k.older, k.newer)] != "taken_over"} | {
        k.newer for k in links if kinds[(k.older, k.newer)] != "taken_over"
    }
    groups = [(g, True) for g in _groups(moved)] + [(g, False) for g in _groups(outside)]
    result.takeovers = [
        t
        for group, comparable in groups
        if (t := _takeover(store, group, in_changes, comparable)) is not None
    ]
    result.renames = [
        Rename(kind="department", old=a, new=b, projects=n)
        for (a, b), n in _renames(departments, old_projects, new_projects, _departments)
    ]
    result.renames += [
        Rename(kind="section", old=a, new=b, projects=n)
        for (a, b), n in _renames(sections, old_projects, new_projects, _sections)
    ]
    return result


def _others(store: Store, moved: list[Link], key: str, side: str) -> list[Project]:
    """The projects a take-over joins to key: where else its work went, or came from."""
    mine = "older" if side == "newer" else "newer"
    found = [store.project(getattr(k, side)) for k in moved if getattr(k, mine) == key]
    return [p for p in found if p is not None]


def _groups(moved: list[Link]) -> list[list[Link]]:
    """Take-over links in connected groups: the projects one move of work joins."""
    groups: list[list[Link]] = []
    for link in moved:
        touching = [
            g for g in groups if any(link.older == k.older or link.newer == k.newer for k in g)
        ]
        merged = [link] + [k for g in touching for k in g]
        groups = [g for g in groups if g not in touching] + [merged]
    return groups


def _takeover(
    store: Store, group: list[Link], in_changes: set[str], comparable: bool
) -> Takeover | None:
    """One move of work; budgets compared only when no side is compared elsewhere and every
    project lies in a field both editions have."""
    old_keys = list(dict.fromkeys(k.older for k in sorted(group, key=lambda k: k.older)))
    new_keys = list(dict.fromkeys(k.newer for k in sorted(group, key=lambda k: k.newer)))
    olds = [p for p in map(store.project, old_keys) if p is not None]
    news = [p for p in map(store.project, new_keys) if p is not None]
    if not olds or not news:
        return None
    olds.sort(key=lambda p: (p.no is None, p.no or 0, p.source.line))
    news.sort(key=lambda p: (p.no is None, p.no or 0, p.source.line))
    alone = comparable and not (set(old_keys) | set(new_keys)) & in_changes
    kind = "merged" if len(news) == 1 else "split" if len(olds) == 1 else "taken_over"
    compared = alone and kind != "taken_over"
    change, pct = (None, None)
    if compared:
        change, pct = amount_change(
            sum(p.budget_thousand_yen for p in olds), sum(p.budget_thousand_yen for p in news)
        )
    return Takeover(
        kind=kind if alone else "taken_over",
        older=[_ref(p) for p in olds],
        newer=[_ref(p) for p in news],
        evidence=list(dict.fromkeys(k.evidence for k in group)),
        budgets_old=[p.budget_thousand_yen for p in olds],
        budgets_new=[p.budget_thousand_yen for p in news],
        compared=compared,
        budget_change=change,
        budget_change_pct=pct,
    )


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
