"""Two editions, field by field (#23 item 3): a project's budget, start, end, department,
sections and name in each edition and their difference; what it became in the newer edition or
what it was in the older one (continued, renamed, taken over, ended, new). Every answer names
both editions' projects and the link it followed, and says when that link is uncertain (a
take-over or a merge; a project only named in the other's table)."""

from __future__ import annotations

import functools
import weakref
from dataclasses import replace

from bot import messages as m
from bot.answer.across_lines import field_lines, link_lines, text_lines, totals_lines
from bot.answer.across_row import Across
from bot.answer.across_words import qualified_words
from bot.answer.model import Answer, Computed, Value
from bot.answer.render import ref, src, unique
from bot.answer.selection import GROUP_KINDS, by_text, default_codes, find_project
from bot.fiscal_year import FiscalYear
from bot.links import link_kinds, named_in
from bot.models import Project
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query
from bot.understanding.editions import RELATIONS
from bot.vocabulary import normalise

# A link to the same project (under its own or a new name); a take-over is part of a merge.
CERTAIN = ("continued", "renamed")
# The fields a comparison can show, in the order shown; what people ask maps onto them.
SHOWN = ("name", "budget", "department", "sections", "start", "end", "category", "initiatives")
ASKED = {
    "owner": ("department", "sections"),
    "period": ("start", "end"),
    "name": ("name",),
    "budget": ("budget",),
    "start": ("start",),
    "end": ("end",),
    "category": ("category",),
    "initiatives": ("initiatives",),
}


# Per store, for its current links (a list the store keeps until its editions change): their
# kinds, and the older projects each newer table names (both asked many times per answer).
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached(store: Store) -> tuple[dict, dict]:
    links = store.links()
    entry = _CACHE.get(store)
    if entry is None or entry[0] is not links:
        entry = _CACHE[store] = (links, link_kinds(links), {})
    return entry[1], entry[2]


def kinds_of(store: Store) -> dict:
    """link_kinds of the store's links, once per loaded set of links."""
    return _cached(store)[0]


def _named_in(store: Store, newer: Project, other: str) -> list[Project]:
    """links.named_in for a newer project, once per loaded set of links."""
    named = _cached(store)[1]
    if (newer.key, other) not in named:
        named[(newer.key, other)] = named_in(newer, store.projects(other))
    return named[(newer.key, other)]


@functools.lru_cache(maxsize=64)
def _year(label: str) -> int:
    fy = FiscalYear.try_parse(label)
    return fy.western if fy else 0


def across(store: Store, p: Project, other: str, kinds: dict | None = None) -> Across:
    """p's counterparts in edition `other`: the same project first (continued or renamed), a
    take-over only where there is none; the rest as asides. Looking back, an older project the
    newer table names as where part of its work was done (…として実施) is an aside too."""
    kinds = kinds if kinds is not None else kinds_of(store)
    later = _year(label_of(other)) > _year(label_of(p.edition))
    links = store.successors(p.key) if later else store.predecessors(p.key)
    found = [
        (o, link)
        for link in links
        if (o := store.project(link.newer if later else link.older)) and o.edition == other
    ]
    sure = [(o, k) for o, k in found if kinds.get((k.older, k.newer)) in CERTAIN]
    unsure = [(o, k) for o, k in found if (o, k) not in sure]
    result = Across(p, other, later)
    chosen = sure or unsure
    if chosen:
        first = chosen[0][1]
        result.kind = kinds.get((first.older, first.newer), "taken_over") if sure else "taken_over"
        result.others = [o for o, _ in chosen]
        result.evidence = [k.evidence for _, k in chosen]
    if sure:
        result.asides = [(o, "taken_over") for o, _ in unsure]
    elif unsure and not later:
        # No40 took over work of two R6 projects that also continue as No37 and No38.
        for o, _ in unsure:
            for k in store.successors(o.key):
                x = store.project(k.newer)
                if kinds.get((k.older, k.newer)) in CERTAIN and x and x.key != p.key:
                    result.asides.append((x, "continues"))
                    result.via[x.key] = o
    if not later:
        linked = {o.key for o, _ in found}
        result.asides += [(o, "named") for o in _named_in(store, p, other) if o.key not in linked]
    return result


def pair_of(store: Store, query: Query, projects: list[Project]) -> tuple[str, str] | None:
    """(older, newer): the two editions a question is about — named (R6版とR7版), else the one
    named and the named projects' own, else the last two."""
    codes = default_codes(store)
    asked = [*query.compared, query.edition, query.year]
    wanted = [code_of(store, x, codes, query.now) for x in asked]
    wanted += [p.edition for p in projects]
    found = sorted({c for c in wanted if c in codes}, key=codes.index)
    if len(found) >= 2:
        return found[0], found[-1]
    if len(codes) >= 2:
        if found and found[0] != codes[-1]:
            return found[0], codes[codes.index(found[0]) + 1]
        return codes[-2], codes[-1]
    return None


def base_of(store: Store, query: Query, pair: tuple[str, str]) -> str | None:
    """The edition the question's subject is read in (「R6版の学校教育の事業、R7版では」)."""
    code = code_of(store, query.edition, default_codes(store), query.now)
    return code if code in pair else None


def code_of(store: Store, said: str | None, codes: list[str], now=None) -> str | None:
    """The store code of an edition as said: R6, previous, latest, or a fiscal year relative
    to the day asked (@-1: last fiscal year's budget is printed by that year's edition)."""
    if not said:
        return None
    if said.startswith("@"):
        if now is None:
            return None
        return store.edition_code((FiscalYear.of(now) + int(said[1:])).reiwa.code)
    if said == "previous":
        return codes[-2] if len(codes) > 1 else None
    if said == "latest":
        return codes[-1] if codes else None
    return store.edition_code(said)


def wanted_fields(query: Query, default: tuple[str, ...] = ("budget",)) -> list[str]:
    """The fields to show in both editions: those asked, else `default`."""
    out: list[str] = []
    for f in query.fields:
        out += [x for x in ASKED.get(f, ()) if x not in out]
    if query.comparison == "changes" and not out:
        out = list(SHOWN[:-1])
    return sorted(out or list(default), key=SHOWN.index)


# -- one or more named projects -------------------------------------------------------------


def named(store: Store, query: Query, pair: tuple[str, str]) -> tuple[list[Project], str]:
    """The projects a question names, each once (a name printed in both editions is one
    project), and how they were found ("" when by number or name, else the words used)."""
    older, newer = pair
    found: list[Project] = []
    for no in query.project_nos:
        numbered = [p for c in (newer, older) for p in store.projects(c) if p.no == no]
        found += numbered[:1]
    found += [p for k in query.project_keys if (p := store.project(k))]
    kinds = kinds_of(store)
    unique_found: list[Project] = found[:1]
    for p in found[1:]:
        same = {p.key} | {
            o.key for side in (older, newer) for o in across(store, p, side, kinds).others
        }
        if not any(q.key in same for q in unique_found):
            unique_found.append(p)
    if unique_found and query.subject and not query.filters:
        # 「WEB出願 project and ミライへつなぐ…」: words naming one more project beside a name.
        words = replace(query, project_no=None, project_nos=[], project_keys=[])
        more = find_project(store, words, newer)
        if more.status == "ok" and more.matches[0].project not in unique_found:
            unique_found.append(more.matches[0].project)
    if unique_found or not query.subject:
        return unique_found, ""
    base = base_of(store, query, pair)
    for code in dict.fromkeys([base or newer, newer, older]):
        if code is None:
            continue
        resolution = find_project(store, replace(query, edition=code), code)
        if resolution.status == "ok":
            return [resolution.matches[0].project], ""
    if query.search_terms:
        for code in dict.fromkeys([base or newer, newer, older]):
            if code is None:
                continue
            resolution, missing = by_text(store, query.search_terms, code)
            if resolution.status == "ok" and not missing:
                return [resolution.matches[0].project], " ".join(query.search_terms)
    return [], ""


def projects_across(
    store: Store, query: Query, projects: list[Project], pair: tuple[str, str], how: str = ""
) -> Answer:
    """Each named project beside its counterpart: the link, each field in both editions and
    the difference; several projects' totals per edition; no counterpart said plainly."""
    lang = query.lang
    older, newer = pair
    kinds = kinds_of(store)
    rows = [across(store, p, newer if p.edition == older else older, kinds) for p in projects]
    default = ("name", "start", "end") if query.comparison in RELATIONS else ("budget",)
    if query.comparison in ("predecessor", "successor", "renamed") and not query.fields:
        default = ("name",)
    fields = wanted_fields(query, default)
    lines: list[str] = [m.say("found_by_text", lang, words=how)] if how else []
    shown: list[Project] = []
    sources = []
    quoted = qualified_words(query, [p for r in rows for p in (r.project, *r.others)])
    if quoted:
        fields = []  # 「大会の名前」: the words' sentences in each edition, not a field
    for row in rows:
        lines += link_lines(row, lang)
        olds, news = row.sides()
        if row.others and fields:
            lines += field_lines(olds, news, fields, lang)
        if quoted:
            lines += text_lines([row], quoted, lang)
        # What it was or became: the project asked about first; a comparison: older first.
        linked = query.comparison in ("predecessor", "successor", *RELATIONS)
        order = (row.project, *row.others) if linked else (*olds, *news)
        shown += [p for p in (*order, *row.named_back()) if p not in shown]
        sources += [src(p, _source_field(fields)) for p in (*olds, *news)]
    value = None
    budget_rows = [r for r in rows if r.others]
    if "budget" in fields and budget_rows:
        before = sum(p.budget_thousand_yen for r in budget_rows for p in r.sides()[0])
        after = sum(p.budget_thousand_yen for r in budget_rows for p in r.sides()[1])
        if len(rows) > 1:
            lines += totals_lines(before, after, older, newer, lang)
        value = Value(amount=after - before, unit=m.say("unit_thousand_yen", lang))
        if "ratio" in query.ops and before:
            lines.append(
                m.say(
                    "across_ratio",
                    lang,
                    older=label_of(older),
                    newer=label_of(newer),
                    ratio=f"{after / before:,.2f}",
                )
            )
    title_key = "across_title_one" if len(rows) == 1 else "across_title"
    answer = Answer(
        status="ok",
        title=m.say(title_key, lang, older=label_of(older), newer=label_of(newer), n=len(rows)),
        lines=lines,
        projects=[ref(p) for p in shown],
        value=value,
        sources=unique(sources),
    )
    answer.computed = said(pair, fields, query)
    answer.computed.projects.update(p.key for p in shown)
    answer.computed.numbers.update(query.project_nos)
    answer.computed.projects.update(query.project_keys)
    if how:
        answer.computed.words.update(query.search_terms)
    if quoted:
        answer.computed.words.update(quoted)
        answer.computed.fields.update(query.fields)
    return answer


def _source_field(fields: list[str]) -> str:
    return "budget" if "budget" in fields else "name"


def said(pair: tuple[str, str], fields: list[str], query: Query) -> Computed:
    """What a two-edition answer computed: both editions, the fields shown, the comparisons."""
    labels = {label_of(c) for c in pair}
    done = Computed(editions=set(labels), years=set(labels))
    done.fields.update(fields)
    if {"department", "sections"} & set(fields):
        done.fields.add("owner")
    if {"start", "end"} & set(fields):
        done.fields.update(("period", "start", "end"))
    done.operations.update(("compare", "diff", "each", "side", "list"))
    if "budget" in fields:
        done.operations.update(("sum", "ratio") if "ratio" in query.ops else ("sum",))
    for f in query.filters:
        if f.kind in GROUP_KINDS:
            done.groups.add((f.kind, f.op, normalise(str(f.value))))
        done.negated = done.negated or f.op == "ne"
    return done


def note_link(store: Store, query: Query, p: Project, result: Answer) -> None:
    """A project answered in another edition than the one it was named in (No24's name in R6,
    R6版だとどの事業): the project as named and the link followed join the answer."""
    if query.project_no is not None:
        latest = store.latest_edition()
        named = [x for x in store.projects(latest or "") if x.no == query.project_no]
    else:
        named = [x for k in query.project_keys if (x := store.project(k))]
    if not named or any(x.edition == p.edition for x in named):
        return
    kinds = kinds_of(store)
    for x in named:
        row = across(store, x, p.edition, kinds)
        if p.key not in {o.key for o in row.others} | {o.key for o, _ in row.asides}:
            continue
        result.lines += link_lines(row, query.lang)
        for other in (x, *row.others, *row.named_back()):
            if other.key not in {r.key for r in result.projects}:
                result.projects.append(ref(other))
            result.computed.projects.add(other.key)
            result.computed.editions.add(label_of(other.edition))


__all__ = ["Across", "across", "named", "note_link", "pair_of", "projects_across"]
