"""The edition diff (bot/diff.py) as people read it: text or Markdown in the reader's language
(totals, take-overs, each change), and JSON."""

from __future__ import annotations

import json
from collections import Counter

from bot import messages as m
from bot.diff import Change, EditionDiff, Ref, Takeover, field_list
from bot.messages import evidence_words


def _label(r: Ref, lang: str = "ja") -> str:
    if r.no is not None:
        return f"No{r.no} {r.name}"
    return f"{r.edition}版 {r.name}" if lang == "ja" else f"{r.edition} {r.name}"


def _labels(refs: list[Ref], lang: str) -> str:
    return ("、" if lang == "ja" else ", ").join(_label(r, lang) for r in refs)


def _yen(lang: str) -> str:
    return (
        m.say("diff_thousand_yen", lang) if lang == "ja" else " " + m.say("diff_thousand_yen", lang)
    )


def _count(n: int, lang: str) -> str:
    return f"{n}事業" if lang == "ja" else f"{n} project{'s' if n != 1 else ''}"


def _signed(value: int | float, pct: bool = False) -> str:
    return f"{value:+.1f}%" if pct else f"{value:+,}"


def _totals_lines(d: EditionDiff, lang: str) -> list[str]:
    """The totals: one line when both editions loaded the same fields; otherwise the common
    fields compared, and every loaded field shown apart as a reference, never as a change."""

    def figures(t: dict[str, int]) -> dict[str, str]:
        return {
            "old_n": str(t[f"{d.older}_projects"]),
            "new_n": str(t[f"{d.newer}_projects"]),
            "old_sum": f"{t[f'{d.older}_budget_thousand_yen']:,}",
            "new_sum": f"{t[f'{d.newer}_budget_thousand_yen']:,}",
        }

    if d.fields is None or d.fields.same:
        return [m.say("diff_totals", lang, **figures(d.totals))]
    common = field_list(d.fields.common, lang)
    return [
        f"※ {d.caveat[lang] if d.caveat else ''}",
        m.say("diff_totals_common", lang, common=common, **figures(d.common_totals)),
        m.say(
            "diff_totals_all",
            lang,
            older=d.older,
            newer=d.newer,
            old_fields=len(d.fields.older),
            new_fields=len(d.fields.newer),
            **figures(d.totals),
        ),
    ]


def _takeover_line(t: Takeover, lang: str) -> str:
    yen = _yen(lang)
    amounts = "・".join(f"{b:,}" for b in t.budgets_old)
    after = "・".join(f"{b:,}" for b in t.budgets_new)
    if t.compared and t.budget_change is not None:
        pct = _signed(t.budget_change_pct, True) if t.budget_change_pct is not None else "—"
        note = m.say("diff_takeover_compared", lang, change=_signed(t.budget_change), pct=pct)
    else:
        note = m.say("diff_takeover_side_by_side", lang)
    kind = m.say(f"diff_kind_{t.kind}", lang)
    head = f"- {_labels(t.older, lang)} → {_labels(t.newer, lang)}"
    if lang == "ja":
        return f"{head}（{kind}）：{amounts} → {after}{yen}（{note}）"
    return f"{head} ({kind}): {amounts} → {after}{yen} ({note})"


def _change_line(c: Change, lang: str) -> str:
    yen = _yen(lang)
    pct = f"、{_signed(c.budget_change_pct, True)}" if c.budget_change_pct is not None else ""
    notes = [pct.lstrip("、")] if pct else []
    if c.work_also_to:
        notes.append(m.say("diff_work_also_to", lang, refs=_labels(c.work_also_to, lang)))
    if c.work_also_from:
        notes.append(m.say("diff_work_also_from", lang, refs=_labels(c.work_also_from, lang)))
    head = f"- {_label(c.older, lang)} → {_label(c.newer, lang)}"
    change = f"{_signed(c.budget_change)}{yen}"
    if lang == "ja":
        return f"{head}：{c.budget_old:,} → {c.budget_new:,}{yen}（{'、'.join([change, *notes])}）"
    return f"{head}: {c.budget_old:,} → {c.budget_new:,}{yen} ({', '.join([change, *notes])})"


def to_text(d: EditionDiff, markdown: bool = False, lang: str = "ja") -> str:
    """A readable report in the reader's language; with markdown, headings and lists."""
    h = "## " if markdown else "■ "
    lines = [("# " if markdown else "") + m.say("diff_title", lang, older=d.older, newer=d.newer)]
    lines += ["", *_totals_lines(d, lang)]
    lines += ["", h + m.say("diff_added", lang, n=len(d.added))]
    lines += [f"- {_label(r, lang)}" for r in d.added]
    lines += ["", h + m.say("diff_ended", lang, n=len(d.ended))]
    lines += [f"- {_label(r, lang)}" for r in d.ended]
    renamed = [c for c in d.changes if c.renamed]
    open_, close = ("（", "）") if lang == "ja" else (" (", ")")
    lines += ["", h + m.say("diff_renamed", lang, n=len(renamed))]
    lines += [
        f"- {_label(c.older, lang)} → {_label(c.newer, lang)}{open_}{evidence_words(c.evidence, lang)}{close}"
        for c in renamed
    ]
    lines += ["", h + m.say("diff_takeovers", lang, n=len(d.takeovers))]
    lines += [_takeover_line(t, lang) for t in d.takeovers]
    lines += ["", h + m.say("diff_budgets", lang, n=len(d.changes))]
    lines += [_change_line(c, lang) for c in sorted(d.changes, key=lambda c: -abs(c.budget_change))]
    periods = [c for c in d.changes if c.period_old != c.period_new]
    lines += ["", h + m.say("diff_periods", lang, n=len(periods))]
    sep = "：" if lang == "ja" else ": "
    lines += [
        f"- {_label(c.older, lang)} → {_label(c.newer, lang)}{sep}{c.period_old} → {c.period_new}"
        for c in periods
    ]
    lines += ["", h + m.say("diff_org_renames", lang)]
    lines += [f"- {r.old} → {r.new}{open_}{_count(r.projects, lang)}{close}" for r in d.renames]
    summaries = [c for c in d.changes if c.summary_diff]
    lines += ["", h + m.say("diff_summaries", lang, n=len(summaries))]
    lines += [f"- {_label(c.newer, lang)}{sep}{c.summary_diff}" for c in summaries]
    if d.uncompared:
        counts = Counter((r.edition, r.field or m.say("diff_no_field", lang)) for r in d.uncompared)
        lines += ["", h + m.say("diff_uncompared", lang)]
        lines += [
            "- " + m.say("diff_uncompared_row", lang, edition=e, field=f, n=n)
            for (e, f), n in counts.items()
        ]
    return "\n".join(lines) + "\n"


def to_json(d: EditionDiff) -> str:
    """The diff as JSON."""
    return json.dumps(d.model_dump(mode="json"), ensure_ascii=False, indent=2)
