"""Old and new names of the same department or section across editions (企画政策部 → 総合政策部,
教職員課 → 教育政策課, 健康医療福祉部 → 健康福祉部 asked of the older edition), read from the links
between the editions' projects — never from a list written by hand.

A name asked of an edition that does not print it is read as the name that edition gives to
the linked projects that had it (the one most of them have; several when as many have each),
and the answer says so: the filter keeps the name as asked (`Filter.said`).
"""

from __future__ import annotations

import weakref
from collections import Counter

from bot import messages as m
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Filter
from bot.vocabulary import departments_of, normalise

_KINDS = ("department", "section")
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _values(project, kind: str) -> list[str]:
    return departments_of(project.department) if kind == "department" else list(project.sections)


def _pairs(store: Store) -> dict[tuple[str, str], Counter]:
    """(kind, name as normalised) → Counter of (edition, the linked project's name there)."""
    stamp = (tuple((e.code, e.sha256) for e in store.editions()), len(store.links()))
    cached = _CACHE.get(store)
    if cached and cached[0] == stamp:
        return cached[1]
    pairs: dict[tuple[str, str], Counter] = {}
    for link in store.links():
        older, newer = store.project(link.older), store.project(link.newer)
        if older is None or newer is None:
            continue
        for kind in _KINDS:
            before, after = _values(older, kind), _values(newer, kind)
            if len(before) != len(after):
                continue  # 二つの課が一つに: which became which is not printed
            # Names printed in the same order in both editions are the same office's.
            for old, new in zip(before, after, strict=True):
                if normalise(old) == normalise(new):
                    continue
                pairs.setdefault((kind, normalise(old)), Counter())[(newer.edition, new)] += 1
                pairs.setdefault((kind, normalise(new)), Counter())[(older.edition, old)] += 1
    _CACHE[store] = (stamp, pairs)
    return pairs


_PRINTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _printed(store: Store, kind: str, edition: str) -> dict[str, str]:
    """The edition's offices of a kind, normalised → as printed (kept while its projects are)."""
    projects = store.projects(edition)
    cached = _PRINTED.setdefault(store, {}).get((kind, edition))
    if cached and cached[0] is projects:
        return cached[1]
    printed = {normalise(v): v for p in projects for v in _values(p, kind)}
    _PRINTED[store][(kind, edition)] = (projects, printed)
    return printed


def names_in(store: Store, kind: str, value: str, edition: str) -> list[str]:
    """What an edition calls a department or section it does not print under this name: the
    name most of the linked projects have there (every one as common); none if it prints it."""
    if kind not in _KINDS:
        return []
    wanted = normalise(value)
    if wanted in _printed(store, kind, edition):
        return []
    pairs = _pairs(store)
    counts = {
        name: n
        for (code, name), n in pairs.get((kind, wanted), Counter()).items()
        if code == edition
    }
    if not counts:
        return []
    most = max(counts.values())
    # A rename reads both ways: the new name's linked projects came mostly from the old one
    # (こども家庭部 split from 健康福祉部 is not what R6 called 健康福祉部).
    return sorted(
        name
        for name, n in counts.items()
        if n == most and wanted in _most_common(pairs.get((kind, normalise(name)), Counter()))
    )


def _most_common(counts: Counter) -> set[str]:
    """The names a name was linked to most often (each as common), normalised."""
    if not counts:
        return set()
    most = max(counts.values())
    return {normalise(name) for (_, name), n in counts.items() if n == most}


def spelled(store: Store, kind: str, value: str, edition: str) -> str:
    """The office as this edition spells it (障害福祉課 asked of R7 is its 障がい福祉課)."""
    return _printed(store, kind, edition).get(normalise(value), value)


def translate(store: Store, filters: list[Filter], edition: str) -> list[Filter]:
    """Filters on a department or section the edition does not print, as the edition names it
    (the name asked kept in `said`), and as the edition spells it; every other filter as is."""
    out: list[Filter] = []
    for f in filters:
        names = names_in(store, f.kind, str(f.value), edition) if f.kind in _KINDS else []
        if not names:
            if f.kind in _KINDS and isinstance(f.value, str):
                f = Filter(f.kind, f.op, spelled(store, f.kind, f.value, edition), f.upper, f.said)
            out.append(f)
            continue
        said = f.said or str(f.value)
        out += [Filter(f.kind, f.op, name, f.upper, said=said) for name in names]
    return out


def notes(filters: list[Filter], edition: str, lang: str) -> list[str]:
    """One sentence per department or section read by another edition's name for it."""
    return [
        m.say("renamed_note", lang, said=f.said, value=f.value, edition=label_of(edition))
        for f in filters
        if f.kind in _KINDS and f.said and normalise(f.said) != normalise(str(f.value))
    ]
