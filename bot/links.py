"""Links between editions: the same project in an older and a newer roadmap.

Pure: takes two lists of projects, returns Link models with their evidence and score.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.fiscal_year import FiscalYear
from bot.models import Evidence, Link, Project
from bot.text import compact

# A link needs this much evidence (0–100); tuned on the R6 → R7 editions so that renamed
# projects (へき地オンライン診療支援対策事業 → 推進事業) link and unrelated ones do not.
THRESHOLD = 72.0
_PARENS = re.compile(r"[(（][^)）]*[)）]")
_SUFFIXES = ("事業費補助", "費補助", "事業費", "費")
SAME_NAME = 100.0
# "校務のICT活用推進事業より" in a newer table: that project took over part of the older one's
# work (a merge), which a mere mention ("デジタルデバイド対策事業として実施") is not.
TAKEN_OVER = 96.0
TAKEN_FROM = ("より", "から")


def core_name(name: str) -> str:
    """A project name without spaces, parentheses or a budget suffix: how people refer to it."""
    base = compact(_PARENS.sub("", compact(name))) or compact(name)
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix) + 2:
            return base[: -len(suffix)] + ("事業" if suffix.startswith("事業") else "")
    return base


@dataclass(frozen=True)
class _Features:
    """What linking compares, computed once per project."""

    project: Project
    core: str
    texts: str
    summary: str
    labels: str
    label_list: tuple[str, ...]
    start: FiscalYear | None


def _features(project: Project) -> _Features:
    parts = [project.summary, project.achievements or ""]
    for initiative in project.initiatives:
        parts.append(initiative.label or "")
        for cell in initiative.years.values():
            parts.extend([cell.plan or "", cell.actual or ""])
    labels = tuple(compact(i.label) for i in project.initiatives if i.label)
    return _Features(
        project=project,
        core=core_name(project.name),
        texts=compact(" ".join(parts)),
        summary=compact(project.summary),
        labels=" ".join(labels),
        label_list=labels,
        start=project.start_year,
    )


def _closest_labels(older: _Features, newer: _Features) -> tuple[float, str, str] | None:
    """The most alike pair of initiative labels, with their similarity."""
    from rapidfuzz import fuzz  # at use: `roadmap ask` imports core_name, never scoring

    pairs = [(fuzz.ratio(a, b), a, b) for a in older.label_list for b in newer.label_list]
    return max(pairs, default=None)


def score(older: Project, newer: Project) -> tuple[float, str]:
    """How sure we are that two projects are one, and the evidence (Evidence.stored())."""
    return _score(_features(older), _features(newer))


def _score(old: _Features, new: _Features) -> tuple[float, str]:
    value, evidence = _evidence(old, new)
    return value, evidence.stored()


def _evidence(old: _Features, new: _Features) -> tuple[float, Evidence]:
    if old.core == new.core:
        return 100.0, Evidence(same_name=True)
    if any(f"{old.core}{word}" in new.texts for word in TAKEN_FROM):
        return TAKEN_OVER, Evidence(named_older=old.core, taken_over=True)
    if old.core in new.texts:
        return 95.0, Evidence(named_older=old.core)
    same_start = old.start is not None and old.start == new.start
    from rapidfuzz import fuzz

    name = fuzz.ratio(old.core, new.core)
    summary = fuzz.ratio(old.summary, new.summary)
    labels = fuzz.token_set_ratio(old.labels, new.labels)
    combined = 0.45 * name + 0.35 * summary + 0.20 * labels + (5.0 if same_start else 0.0)
    scores = Evidence(
        name=round(name), summary=round(summary), labels=round(labels), same_start=same_start
    )
    best = (min(combined, 94.0), scores)
    pair = _closest_labels(old, new)
    if same_start and pair and pair[0] >= 90 and best[0] <= 85.0:
        # Same first year and the same initiative: a project renamed and regrouped (No31).
        pair_evidence = Evidence(
            same_start=True, start=old.project.start, initiative_pair=(pair[1], pair[2])
        )
        best = (85.0, pair_evidence)
    return best


def _candidates(old: list[_Features], new: list[_Features]) -> set[tuple[int, int]]:
    """Pairs that might clear the threshold; every other pair provably cannot.

    Scoring every pair in Python is fine for one prefecture (60 × 60) but not for a national
    store (2,820 × 2,820 per edition pair: half an hour). rapidfuzz compares whole columns in
    C, and a pair is left out only when no rule of _score could reach THRESHOLD:
    the weighted sum with labels and start counted at their best stays below it, neither
    name occurs in the other's text, and no initiative label pair is 90+ with the same start.
    """
    if not old or not new:
        return set()
    from rapidfuzz import fuzz, process

    names = process.cdist(
        [o.core for o in old], [n.core for n in new], scorer=fuzz.ratio, workers=-1
    )
    summaries = process.cdist(
        [o.summary for o in old], [n.summary for n in new], scorer=fuzz.ratio, workers=-1
    )
    best = 0.45 * names + 0.35 * summaries + 20.0 + 5.0
    pairs = {(int(i), int(j)) for i, j in zip(*(best >= THRESHOLD).nonzero(), strict=True)}
    for i, o in enumerate(old):
        pairs.update((i, j) for j, n in enumerate(new) if o.core in n.texts)
    old_labels = [(i, label) for i, o in enumerate(old) for label in o.label_list]
    new_labels = [(j, label) for j, n in enumerate(new) for label in n.label_list]
    if old_labels and new_labels:
        close = process.cdist(
            [label for _, label in old_labels],
            [label for _, label in new_labels],
            scorer=fuzz.ratio,
            workers=-1,
            score_cutoff=90,
        )
        for a, b in zip(*close.nonzero(), strict=True):
            i, j = old_labels[a][0], new_labels[b][0]
            if old[i].start is not None and old[i].start == new[j].start:
                pairs.add((i, j))
    return pairs


def scored_links(older: list[Project], newer: list[Project]) -> list[Link]:
    """Every pair of projects whose evidence clears the threshold."""
    old_features = [_features(p) for p in older]
    new_features = [_features(p) for p in newer]
    links = []
    for i, j in sorted(_candidates(old_features, new_features)):
        value, evidence = _score(old_features[i], new_features[j])
        if value >= THRESHOLD:
            links.append(
                Link(
                    older=older[i].key,
                    newer=newer[j].key,
                    score=round(value, 1),
                    evidence=evidence,
                    # The same name (as people say it: no spaces, brackets or suffix) is a
                    # continuation, not a rename.
                    renamed=value < SAME_NAME,
                )
            )
    return links


def continuations_first(links: list[Link]) -> list[Link]:
    """A project that continues under its own name is linked to that project, and to one that
    says it took over part of its work (…より); another that merely mentions its name
    (デジタルデバイド対策事業 named in No54's table, while No45 carries it on) is not where it went."""
    continued = {link.older for link in links if link.score >= SAME_NAME}
    return [link for link in links if link.older not in continued or link.score >= TAKEN_OVER]


def named_in(newer: Project, older: list[Project]) -> list[Project]:
    """Older projects whose name the newer project's table prints (「デジタルデバイド対策事業として
    実施」 in No54): where part of its earlier work was done, even when that older project
    continues under its own name elsewhere (and so has no link here: continuations_first)."""
    texts = _features(newer).texts
    return [o for o in older if core_name(o.name) in texts]


def link_editions(older: list[Project], newer: list[Project]) -> list[Link]:
    """The links between two editions: scored pairs, continuations under one name first."""
    return continuations_first(scored_links(older, newer))


def link_kinds(links: list[Link]) -> dict[tuple[str, str], str]:
    """What each link between two editions is, by (older, newer) key: "continued" (the same
    project under its own name), "renamed" (one project to one project under a new name) or
    "taken_over" (part of a merge, split or take-over). A link is a rename only when it is the
    sole link of both its projects: R6 校務のICT活用推進事業 continues as No37 under the same
    name, so No40 saying it took over work 「…より」 is a take-over, not where the name went."""
    same = [link for link in links if link.score >= SAME_NAME]
    same_old = Counter(link.older for link in same)
    same_new = Counter(link.newer for link in same)
    olds = Counter(link.older for link in links)
    news = Counter(link.newer for link in links)
    kinds = {}
    for link in links:
        pair = (link.older, link.newer)
        if link.score >= SAME_NAME:
            # Two successors under one name would count the one budget twice: not a continuation.
            one = same_old[link.older] == 1 and same_new[link.newer] == 1
            kinds[pair] = "continued" if one else "taken_over"
        elif olds[link.older] == 1 and news[link.newer] == 1:
            kinds[pair] = "renamed"
        else:
            kinds[pair] = "taken_over"
    return kinds
