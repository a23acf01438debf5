"""Named things in a question: departments, sections, categories, fields and project names."""

from __future__ import annotations

import re

from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text
from bot.vocabulary import Vocabulary


def read_entities(t: Text, query: Query, vocab: Vocabulary) -> None:
    """Departments, sections, categories, fields and project names, longest mention first."""
    english = bool(re.search(r"[a-z]{3}", t.text))
    for m in t.find(vocab.pattern(english)) if vocab.terms else []:
        surface = m.group(0)
        before = t.text[m.start() - 1] if m.start() else ""
        after = t.text[m.end()] if m.end() < len(t.text) else ""
        if re.match(r"[a-z0-9]", surface[0] + surface[-1]) and (
            re.match(r"[a-z0-9]", before) or re.match(r"[a-z0-9]", after)
        ):
            continue  # "phr" inside "phrase" is not the PHR project
        terms = vocab.terms_for(surface)
        projects = [x.value for x in terms if x.kind == "project"]
        end = m.end()
        if projects:
            query.project_keys.extend(k for k in projects if k not in query.project_keys)
            query.named_spans += [(k, (m.start(), end)) for k in projects]
        else:
            term = terms[0]
            # 防災・危機管理分野 / 医療・福祉の項目: people say 分野 and 項目 for either.
            tail = re.match(r"\s*(?:の)?(?:分野|項目|カテゴリー?)", t.text[end:])
            if tail and term.kind in ("category", "field"):
                end += tail.end()
                # A name that is both a 分野 and a 項目: the word said picks which.
                wanted = "field" if "分野" in tail.group(0) else "category"
                term = next((x for x in terms if x.kind == wanted), term)
            # 教育庁以外 / other than 教育庁 is read by the negation reader, which knows the
            # values said together with it (健康福祉部と教育庁を除いた).
            start = m.start() - _label_before(t, m.start(), term.kind)
            if start < m.start():
                t.take(start, m.start())
            elif tail := _LABEL_AFTER[term.kind].match(t.text[end:]):
                end += tail.end()
            query.filters.append(Filter(term.kind, "eq", term.value, span=(m.start(), end)))
        t.take(m.start(), end)
    _typo_entities(t, query, vocab)


_KIND_LABELS = {
    "department": r"担当部局|所管部局|部局|担当部署|部署|所管|担当部|部|department|dept\.?|bureau|agency",
    "section": r"担当課等|担当課|課等|課|section|division",
    "category": r"項目|分野|カテゴリー?|分類|category|field",
    "field": r"分野|項目|カテゴリー?|分類|field|category",
}
# 教育庁という部局 / the 子育て category: the label said after the value.
_LABEL_AFTER = {
    kind: re.compile(rf"\s*(?:という|の)?\s*(?:{words})(?![a-z]|別|ごと|毎)")
    for kind, words in {
        "department": r"担当部局|部局|department|dept\.?",
        "section": r"担当課|section|division",
        "category": r"category|field",
        "field": r"field|category",
    }.items()
}


def _label_before(t: Text, start: int, kind: str) -> int:
    """How many characters before a value are its label (項目が子育て, 部局は教育庁, category
    子育て): the word naming the kind of value is the value's, never a condition of its own."""
    before = t.text[max(0, start - 16) : start]
    m = re.search(
        rf"(?<![a-z\u4e00-\u9fff])(?:{_KIND_LABELS.get(kind, '(?!x)x')})\s*(?:が|は|:|：|=|の|is|of)?\s*(?:the\s*)?[「『\"']?$",
        before,
    )
    if not m or not t.free(start - len(m.group(0)), start):
        return 0
    return len(m.group(0))


def _typo_names(t: Text, query: Query, vocab: Vocabulary) -> None:
    """A project's name typed with a slip (公衆衛星DX推進事業, デジタルデバイト対策事業): the one
    name clearly nearest a long word ending in 事業, by rapidfuzz, only for such words."""
    candidates = t.find(_NAME_LIKE)
    if not candidates:
        return
    from rapidfuzz import fuzz, process  # here: most questions have no such word

    names = vocab.surfaces(["project"])
    for m in candidates:
        # デジタルデバイト対策 (事業 left unsaid) is compared as the name it would be.
        said = m.group(0) if m.group(0).endswith("事業") else m.group(0) + "事業"
        best = process.extract(said, list(names), scorer=fuzz.ratio, limit=2)
        # Nearly every character the same (one slip in ten), as long as the name (not a part
        # of a longer one: 介護テクノロジー導入支援 names two), and no other name as near.
        if not best or best[0][1] < 88 or (len(best) > 1 and best[1][1] >= best[0][1] - 8):
            continue
        if abs(len(best[0][0]) - len(said)) > 1:
            continue
        if said != m.group(0) and best[0][1] == 100:
            continue  # a name said without its 事業 is the vocabulary's own (short forms)
        # Every edition's project of that name, as an exact mention of it gives.
        keys = [x.value for x in vocab.terms_for(best[0][0]) if x.kind == "project"]
        query.project_keys.extend(k for k in keys if k not in query.project_keys)
        query.named_spans += [(k, m.span()) for k in keys]
        t.take(m.start(), m.end())


# A long run of kanji, katakana and letters (ending in 事業, or long): a name as typed.
_NAME_LIKE = re.compile(
    r"[\u4e00-\u9fff\u30a0-\u30ffa-z0-9・]{5,}事業|[\u4e00-\u9fff\u30a0-\u30ffa-z0-9・]{7,}"
)


def _abbreviated_offices(t: Text, query: Query, vocab: Vocabulary) -> None:
    """An office said short (健福部 for 健康医療福祉部, DX課 for DX推進課): its own first
    character, some of its others in order, and its suffix — read as every office so named."""
    surfaces = vocab.surfaces(["department", "section"])
    for m in t.find(_SHORT_OFFICE):
        said = m.group(0)
        if said in surfaces:
            continue
        offices = sorted(
            {
                (term.kind, term.value)
                for surface, term in surfaces.items()
                if surface[0] == said[0]
                and surface[-1] == said[-1]
                and len(surface) > len(said)
                and _in_order(said, surface)
            }
        )
        if not offices or len({kind for kind, _ in offices}) > 1:
            continue
        for kind, value in offices:  # 健福部: 健康医療福祉部, and 健康福祉部 as No29 prints it
            query.filters.append(Filter(kind, "eq", value, span=m.span()))
        t.take(m.start(), m.end())


# A short word ending in an office's suffix (健福部, DX課, 地交課).
_SHORT_OFFICE = re.compile(
    r"(?<![\u4e00-\u9fffa-z])[\u4e00-\u9fffa-z]{2,4}(?:部|課|局|庁|室)(?!(?!以外|別|毎)[\u4e00-\u9fff])"
)


def _in_order(short: str, name: str) -> bool:
    """Every character of the short form found in the name, in the same order."""
    at = 0
    for c in short:
        at = name.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def _typo_entities(t: Text, query: Query, vocab: Vocabulary) -> None:
    """A department or section with a typo (健康医療福祈部): rapidfuzz, only for such words."""
    _typo_names(t, query, vocab)
    if any(c in t.text for c in "部課局庁室"):
        _abbreviated_offices(t, query, vocab)
    if not any(c in t.text for c in "部課局庁室"):
        return  # no word such a name could end in (and the pattern is not compiled for nothing)
    candidates = t.find(re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffa-z・]{3,}(?:部|課|局|庁|室)"))
    if not candidates or not vocab.terms:
        return
    from rapidfuzz import fuzz, process  # here: most questions have no such word

    surfaces = vocab.surfaces(["department", "section"])
    for m in candidates:
        word = m.group(0)
        best = process.extractOne(word, list(surfaces), scorer=fuzz.ratio, score_cutoff=80)
        if best:
            term = surfaces[best[0]]
            query.filters.append(Filter(term.kind, "eq", term.value, span=m.span()))
            t.take(m.start(), m.end())
