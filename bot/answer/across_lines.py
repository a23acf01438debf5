"""The lines of a two-edition answer (#23 item 3): how a project is linked to the other
edition (or that it is not), each field in both editions, a budget with its difference and its
printed note, the initiatives only one edition prints, totals, and sentences of the text."""

from __future__ import annotations

import re

from bot import messages as m
from bot.answer.across_row import Across
from bot.fiscal_year import FiscalYear
from bot.models import Project, amount_change
from bot.prefectures import label_of
from bot.text import compact
from bot.vocabulary import normalise


def link_lines(row: Across, lang: str) -> list[str]:
    """How a project is linked to the other edition, with the evidence; or that it is not."""
    p = row.project
    if not row.others:
        key = "across_absent_old" if row.later else "across_absent_new"
        line = "・" + m.say(
            key,
            lang,
            ref=m.project_ref(p, lang),
            other=m.edition_name(row.other, lang),
            period=m.period(p.start, p.end, lang),
        )
        return [line, *aside_lines(row, lang)]
    olds, news = row.sides()
    evidence = "・".join(dict.fromkeys(m.evidence_words(e, lang) for e in row.evidence))
    join = "、" if lang == "ja" else ", "
    line = "・" + m.say(
        f"across_{row.kind}",
        lang,
        old=join.join(m.project_ref(o, lang) for o in olds),
        new=join.join(m.project_ref(n, lang) for n in news),
        evidence=evidence,
    )
    return [line, *aside_lines(row, lang)]


def aside_lines(row: Across, lang: str) -> list[str]:
    """A partial take-over, or an older project only named in the newer table: uncertain."""
    lines = []
    for o, why in row.asides:
        older = row.via.get(o.key)
        lines.append(
            m.say(
                f"across_aside_{why}",
                lang,
                ref=m.project_ref(row.project, lang),
                other=m.project_ref(o, lang),
                older=m.project_ref(older, lang) if older else "",
            )
        )
    return lines


def field_lines(
    olds: list[Project], news: list[Project], fields: list[str], lang: str
) -> list[str]:
    """Each field in the older and the newer edition, the budget with its difference."""
    lines = []
    old_label = label_of(olds[0].edition)
    new_label = label_of(news[0].edition)
    for f in fields:
        if f == "budget":
            lines += budget_lines(olds, news, lang)
            continue
        if f == "initiatives":
            lines += initiative_lines(olds, news, lang)
            continue
        before = _value(olds, f, lang)
        after = _value(news, f, lang)
        same = same_field(olds, news, f)
        lines.append(
            m.say(
                "across_field_same" if same else "across_field_changed",
                lang,
                what=m.label(f, lang),
                older=old_label,
                newer=new_label,
                old=before,
                new=after,
            )
        )
    return lines


def budget_lines(olds: list[Project], news: list[Project], lang: str) -> list[str]:
    """事業費：R6 4,202千円 → R7 45,581千円（+41,379千円、+984.8%）, a merge with its sum."""
    if len(olds) == 1 and len(news) == 1:
        before, after = olds[0].budget_thousand_yen, news[0].budget_thousand_yen
        diff, pct = amount_change(before, after)
        unit = m.say("unit_thousand_yen", lang)
        sep = "" if lang == "ja" else " "
        line = m.say(
            "across_budget",
            lang,
            older=label_of(olds[0].edition),
            newer=label_of(news[0].edition),
            old=f"{before:,}{sep}{unit}",
            new=f"{after:,}{sep}{unit}",
            change=f"{'+' if diff >= 0 else '−'}{abs(diff):,}{sep}{unit}",
            pct=f"{'+' if diff >= 0 else '−'}{abs(pct):.1f}%" if pct is not None else "—",
        )
    else:
        before = sum(p.budget_thousand_yen for p in olds)
        after = sum(p.budget_thousand_yen for p in news)
        diff, pct = amount_change(before, after)
        parts = "＋".join(f"{p.budget_thousand_yen:,}" for p in olds)
        line = m.say(
            "across_budget_merged",
            lang,
            older=label_of(olds[0].edition),
            newer=label_of(news[0].edition),
            parts=parts,
            before=f"{before:,}",
            after=f"{after:,}",
            change=f"{diff:+,}",
        )
    notes = [budget_note(p, lang) for p in (*olds, *news) if p.budget_note]
    return [line, *notes]


def budget_note(p: Project, lang: str) -> str:
    """The note printed beside a budget: its breakdown in 千円 (県法2,207+監察1,524), or the
    account it is paid from (病院事業会計)."""
    parts = re.findall(r"([^\d+＋,、]+?)\s*([\d,]+)", p.budget_note or "")
    whole = re.fullmatch(
        r"(?:[^\d+＋]+?\s*[\d,]+\s*[+＋]\s*)+[^\d+＋]+?\s*[\d,]+", p.budget_note or ""
    )
    unit = m.say("unit_thousand_yen", lang)
    if whole and parts:
        sep = "" if lang == "ja" else " "
        breakdown = "＋".join(f"{name.strip()}{sep}{amount}{sep}{unit}" for name, amount in parts)
        return m.say("across_budget_breakdown", lang, edition=label_of(p.edition), parts=breakdown)
    return m.say("across_budget_account", lang, edition=label_of(p.edition), note=p.budget_note)


def initiative_lines(olds: list[Project], news: list[Project], lang: str) -> list[str]:
    """The initiatives (取組) each edition prints, and which are only in one of them."""

    def labels(ps: list[Project]) -> list[str]:
        return [i.label for p in ps for i in p.initiatives if i.label]

    before, after = labels(olds), labels(news)
    kept = {compact(x) for x in before} & {compact(x) for x in after}
    gone = [x for x in before if compact(x) not in kept]
    new = [x for x in after if compact(x) not in kept]
    join = "、" if lang == "ja" else "; "
    lines = [
        m.say(
            "across_initiatives",
            lang,
            edition=label_of(olds[0].edition),
            n=len(before),
            labels=join.join(before) or "—",
        ),
        m.say(
            "across_initiatives",
            lang,
            edition=label_of(news[0].edition),
            n=len(after),
            labels=join.join(after) or "—",
        ),
    ]
    if gone:
        lines.append(
            m.say(
                "across_initiatives_only",
                lang,
                edition=label_of(olds[0].edition),
                labels=join.join(gone),
            )
        )
    if new:
        lines.append(
            m.say(
                "across_initiatives_only",
                lang,
                edition=label_of(news[0].edition),
                labels=join.join(new),
            )
        )
    return lines


def _value(ps: list[Project], f: str, lang: str) -> str:
    join = "、" if lang == "ja" else ", "
    values = []
    for p in ps:
        if f == "sections":
            values.append(join.join(p.sections) or m.NOT_PRINTED[lang])
        elif f == "end" and p.end == "未定":
            values.append(m.UNDECIDED[lang])
        else:
            values.append(getattr(p, f, None) or m.NOT_PRINTED[lang])
    return join.join(dict.fromkeys(values))


def same_field(olds: list[Project], news: list[Project], f: str) -> bool:
    """Whether a field reads the same in both editions (years as years: H31 is R1)."""
    a = [getattr(p, f, None) for p in olds]
    b = [getattr(p, f, None) for p in news]
    if f in ("start", "end"):
        return [_fy(x) for x in a] == [_fy(x) for x in b]
    if f == "sections":
        return [sorted(normalise(s) for s in x) for x in a] == [
            sorted(normalise(s) for s in x) for x in b
        ]
    return [normalise(str(x or "")) for x in a] == [normalise(str(x or "")) for x in b]


def _fy(printed: str | None) -> object:
    fy = FiscalYear.try_parse(printed)
    return fy.western if fy else printed


def totals_lines(before: int, after: int, older: str, newer: str, lang: str) -> list[str]:
    diff, pct = amount_change(before, after)
    return [
        m.say("across_total", lang, edition=label_of(older), money=m.money(before, lang)),
        m.say("across_total", lang, edition=label_of(newer), money=m.money(after, lang)),
        m.say(
            "edition_difference",
            lang,
            older=label_of(older),
            newer=label_of(newer),
            money=("+" if diff > 0 else "−" if diff < 0 else "") + m.money(abs(diff), lang),
            pct=f"{pct:+.1f}%" if pct is not None else "—",
        ),
    ]


def text_lines(rows: list[Across], words: list[str], lang: str) -> list[str]:
    """The sentences of each edition's text that hold the words, side by side."""
    lines = []
    for row in rows:
        olds, news = row.sides()
        for p in (*olds, *news):
            texts = [p.summary, p.achievements or ""]
            texts += [i.label or "" for i in p.initiatives]
            texts += [c.plan or "" for i in p.initiatives for c in i.years.values()]
            for w in words:
                found = [m.quote(t, w) for t in texts if w.lower() in t.lower()]
                for sentence in dict.fromkeys(found):
                    lines.append(
                        m.say("across_text", lang, edition=label_of(p.edition), text=sentence)
                    )
    return lines
