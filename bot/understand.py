"""Question understanding: text + vocabulary → Query. Pure: no store, no I/O, no language model.

A question is read as slots: filters (department, section, category, field, start/end year,
budget, flags, no end year, words of the text), one operation (a fact, list, count, sum,
average, max/min, top/bottom N, the N-th, group by, compare, search) and an edition. Every
mention is consumed where it is found (longest first); the words left over are either the
name of a project (for a fact) or a condition the bot could not read — never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.fiscal_year import FiscalYear
from bot.project_numbers import NUMBER
from bot.question_words import (
    ADDED,
    BUDGET_RANGE,
    CHANGE_WORDS,
    COMPILED_PATTERNS,
    EDITION_MARK,
    EN_BUDGET,
    EN_OPS,
    EN_STOP,
    EN_UNITS,
    END_WORDS,
    ENGLISH_ORDINALS,
    FILLER,
    FLAG_PATTERNS,
    JA_BUDGET,
    JA_OPS,
    LABELLED_BUDGET,
    LATEST,
    NEGATION,
    NEWLY,
    NO_END,
    PREVIOUS,
    RELATIVE,
    START_WORDS,
    SUPERLATIVE,
    YEAR,
    YEN_UNITS,
    arabic_numerals,
)
from bot.text import drop_control, word_runs
from bot.vocabulary import Vocabulary, normalise, translate_english

Lang = Literal["ja", "en"]
MAX_QUESTION = 2000
SET_OPERATIONS = {"list", "count", "sum", "avg", "max", "min", "top", "bottom", "nth", "group"}


@dataclass
class Filter:
    """One condition on projects: kind, comparison and value (upper for a range)."""

    kind: str  # department section category field start end budget priority_frame future_response text
    op: str = "eq"  # lt le eq ge gt between
    value: str | int | bool | None = None
    upper: str | int | None = None


@dataclass
class Query:
    """What a question asks, in slots."""

    raw: str
    lang: Lang = "ja"
    operation: str = "fact"
    fields: list[str] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    edition: str | None = None  # a label (R6), "previous", or None for the latest
    project_no: int | None = None
    project_nos: list[int] = field(default_factory=list)  # No41とNo42: every number named
    project_keys: list[str] = field(default_factory=list)
    subject: str | None = None
    year: str | None = None
    n: int | None = None
    group_by: str | None = None
    comparison: str | None = None
    search_terms: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    smallest: bool = False  # the N-th smallest rather than the N-th largest
    compared: list[str] = field(default_factory=list)  # R6からR7で増えた: the editions compared

    @property
    def intent(self) -> str:
        """The coarse kind of question (fact, list, aggregate, compare, search, help, empty)."""
        if self.operation in ("help", "empty", "fact", "list", "compare", "search"):
            return self.operation
        return "aggregate"

    @property
    def names_project(self) -> bool:
        """True when the question names one project (by number, name or the words left)."""
        return self.project_no is not None or bool(self.project_keys)


def detect_language(text: str) -> Lang:
    """English when the text has English words and no kana, or is an English sentence that
    names a Japanese thing (List projects in the 子育て category); Japanese otherwise."""
    acronyms = {"no", "fy", "phr", "dx", "ict", "web", "ai", "uav", "icu", "maas", "kintone"}
    english = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in acronyms]
    if re.search(r"[\u3040-\u309f]", text):
        starts_english = re.match(r"\s*[A-Za-z]{2,}", text) and text.strip()[:2].lower() != "no"
        return "en" if starts_english and len(english) >= 2 else "ja"
    if english:
        return "en"
    return "ja"  # Japanese first: numbers and acronyms alone ("No40", "PHR") get Japanese


def year_code(text: str) -> str | None:
    """The fiscal-year code of a year mention (R7; FY2025 → R7; H31 stays H31; 来年度 → @1,
    a year relative to the edition's own, resolved when the edition is known)."""
    if text in RELATIVE:
        return f"@{RELATIVE[text]}"
    if m := re.fullmatch(r"(this|next|last) (?:fiscal )?year", text):
        return f"@{ {'this': 0, 'next': 1, 'last': -1}[m.group(1)] }"
    text = re.sub(r"\s+", "", text).upper().replace("令和", "R").replace("平成", "H")
    text = re.sub(r"年度?$", "", text)
    fy = FiscalYear.try_parse(text)
    if fy is None:
        return None
    if text.startswith(("R", "H")):
        return f"{text[0]}{int(text[1:])}"
    return fy.reiwa.code if fy.western >= 2019 else f"H{fy.western - 1988}"


class _Text:
    """The normalised question and which of its characters a slot has consumed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used = [False] * len(text)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.used[i] = True

    def find(self, pattern: re.Pattern) -> list[re.Match]:
        """Matches that touch no consumed character."""
        found, pos = [], 0
        while (m := pattern.search(self.text, pos)) is not None:
            if m.end() > m.start() and self.free(m.start(), m.end()):
                found.append(m)
                pos = m.end()
            else:  # a later, shorter alternative may still match the free part
                pos = m.start() + 1
        return found

    def rest(self) -> str:
        return "".join(c if not u else " " for c, u in zip(self.text, self.used, strict=True))


def understand(text: str, vocabulary: Vocabulary | None = None) -> Query:
    """Read a question into a Query; never raises."""
    raw = drop_control(text or "")[:MAX_QUESTION]
    norm = normalise(raw)
    query = Query(raw=raw, lang=detect_language(norm))
    # A word character or kana; CJK ideographs are word characters (a class that names their
    # range again takes milliseconds to compile, on every start).
    if not norm or not re.search(r"\w|[\u3040-\u30ff]", norm):
        query.operation = "empty"
        return query
    if re.fullmatch(
        r"help|ヘルプ|使い方|へるぷ|何ができる\??|what can you do\??|usage|commands?", norm
    ):
        query.operation = "help"
        return query
    t = _Text(arabic_numerals(norm))
    vocab = vocabulary or Vocabulary()
    _entities(t, query, vocab)
    _edition(t, query)
    for m in t.find(NUMBER):
        query.project_nos.append(int(next(g for g in m.groups() if g)))
        t.take(m.start(), m.end())
    query.project_no = query.project_nos[0] if query.project_nos else None
    _budget_filters(t, query)
    _year_filters(t, query)
    _flags(t, query)
    _operations(t, query)
    _bare_years(t, query, vocab)
    _leftovers(t, query)
    query.filters = [f for i, f in enumerate(query.filters) if f not in query.filters[:i]]
    _settle(query)
    return query


def _entities(t: _Text, query: Query, vocab: Vocabulary) -> None:
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
        else:
            term = terms[0]
            # 防災・危機管理分野 / 医療・福祉の項目: people say 分野 and 項目 for either.
            tail = re.match(r"\s*(?:の)?(?:分野|項目|カテゴリー?)", t.text[end:])
            if tail and term.kind in ("category", "field"):
                end += tail.end()
                # A name that is both a 分野 and a 項目: the word said picks which.
                wanted = "field" if "分野" in tail.group(0) else "category"
                term = next((x for x in terms if x.kind == wanted), term)
            # 教育庁以外 / other than 教育庁: every project but those.
            negated = re.match(
                r"\s*(?:の事業)?(?:以外|を除く|を除いた|を除いて|除く)", t.text[end:]
            )
            before = t.text[max(0, m.start() - 16) : m.start()]
            english_not = re.search(
                r"(?:other than|except|excluding|not (?:in|of|by)) (?:the )?$", before
            )
            if negated:
                end += negated.end()
            start = m.start() - _label_before(t, m.start(), term.kind)
            if start < m.start():
                t.take(start, m.start())
            elif not negated and (tail := _LABEL_AFTER[term.kind].match(t.text[end:])):
                end += tail.end()
            if english_not:
                t.take(m.start() - len(english_not.group(0)), m.start())
            query.filters.append(
                Filter(term.kind, "ne" if negated or english_not else "eq", term.value)
            )
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


def _label_before(t: _Text, start: int, kind: str) -> int:
    """How many characters before a value are its label (項目が子育て, 部局は教育庁, category
    子育て): the word naming the kind of value is the value's, never a condition of its own."""
    before = t.text[max(0, start - 16) : start]
    m = re.search(
        rf"(?<![a-z\u4e00-\u9fff])(?:{_KIND_LABELS.get(kind, '(?!x)x')})\s*(?:が|は|:|：|=|の|is|of)?\s*(?:the\s*)?$",
        before,
    )
    if not m or not t.free(start - len(m.group(0)), start):
        return 0
    return len(m.group(0))


def _typo_entities(t: _Text, query: Query, vocab: Vocabulary) -> None:
    """A department or section with a typo (健康医療福祈部): rapidfuzz, only for such words."""
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
            query.filters.append(Filter(term.kind, "eq", term.value))
            t.take(m.start(), m.end())


def _edition(t: _Text, query: Query) -> None:
    """R6版, R6 edition, 令和6年度版, 前の版, 最新版, R6事業費 (the budget that edition prints)."""
    for m in t.find(PREVIOUS):
        query.edition = "previous"
        t.take(m.start(), m.end())
    for m in t.find(LATEST):
        query.edition = query.edition or "latest"
        t.take(m.start(), m.end())
    for m in t.find(EDITION_MARK):
        western = m.group(3) or m.group(4)
        code = year_code(f"{western}年度" if western else f"R{m.group(1) or m.group(2)}")
        if code:
            query.edition = code
            t.take(m.start(), m.end())
    for m in t.find(LABELLED_BUDGET):
        query.edition = query.edition or f"R{int(m.group(1))}"
        query.fields.append("budget")
        t.take(m.start(), m.end())


def _thousand_yen(amount: str, unit: str | None, english: bool) -> int:
    value = float(amount.replace(",", ""))
    return round(
        value * (EN_UNITS.get((unit or "").lower(), 0.001) if english else YEN_UNITS[unit])
    )


def _budget_filters(t: _Text, query: Query) -> None:
    """1億円以上, 1,000万円から5,000万円, over 100 million yen, between 10 and 50 million."""
    for m in t.find(BUDGET_RANGE):
        g = m.groups()
        if g[0]:
            low_unit = g[1] or g[3]  # 1,000から5,000万円: the unit written once applies to both
            low, high = _thousand_yen(g[0], low_unit, False), _thousand_yen(g[2], g[3], False)
        else:
            i = 4 if g[4] else 8
            unit = g[i + 1] or g[i + 3]
            low, high = _thousand_yen(g[i], unit, True), _thousand_yen(g[i + 2], g[i + 3], True)
        if not re.search(r"円|億|万|yen|million|billion|¥", m.group(0)):
            continue  # "R5~R9" or "10から20" with no money unit is not a budget
        query.filters.append(Filter("budget", "between", min(low, high), max(low, high)))
        t.take(m.start(), m.end())
    for m in t.find(JA_BUDGET):
        if not (m.group(2) or "円" in m.group(0)):
            continue
        op = JA_OPS[m.group(3)]
        query.filters.append(Filter("budget", op, _thousand_yen(m.group(1), m.group(2), False)))
        t.take(m.start(), m.end())
    for m in t.find(EN_BUDGET):
        if not (m.group(3) or re.search(r"yen|円|¥", m.group(0))):
            continue
        op = EN_OPS[m.group(1)]
        query.filters.append(Filter("budget", op, _thousand_yen(m.group(2), m.group(3), True)))
        t.take(m.start(), m.end())


def _near(text: str, start: int, end: int, pattern: str, before: int = 14, after: int = 16) -> bool:
    return bool(
        re.search(pattern, text[max(0, start - before) : start] + " " + text[end : end + after])
    )


def _year_filters(t: _Text, query: Query) -> None:
    """R7で終わる, started before R5, 事業期間がR5〜R9, 終期が未定."""
    text = t.text
    for m in t.find(NO_END):
        query.filters.append(Filter("end", "eq", None))
        t.take(m.start(), m.end())
    for m in t.find(ADDED):
        query.filters.append(Filter("added", "eq", True))
        t.take(m.start(), m.end())
    for m in t.find(NEWLY):
        query.filters.append(Filter("start", "eq", "@0"))  # started in the edition's own year
        t.take(m.start(), m.end())
    span = re.compile(
        rf"({YEAR})\s*(?:から|~|-|〜|→|->|⇒|to|through|until)\s*({YEAR})(?:まで)?|between\s*({YEAR})\s*and\s*({YEAR})"
    )
    for m in t.find(span):
        a, b = year_code(m.group(1) or m.group(3)), year_code(m.group(2) or m.group(4))
        if not (a and b):
            continue
        ends = _near(text, m.start(), m.end(), END_WORDS)
        starts = _near(text, m.start(), m.end(), START_WORDS)
        if not (ends or starts) and re.search(CHANGE_WORDS, text):
            # R6からR7で予算が増えた / what changed between R6 and R7: two editions compared.
            query.compared = [a, b]
            t.take(m.start(), m.end())
            continue
        if ends and not starts:
            query.filters.append(Filter("end", "between", a, b))
        elif starts and not ends:
            query.filters.append(Filter("start", "between", a, b))
        else:  # 事業期間がR5〜R9: runs within those years
            query.filters += [Filter("start", "ge", a), Filter("end", "le", b)]
        t.take(m.start(), m.end())
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        after = text[m.end() : m.end() + 16]
        before = text[max(0, m.start() - 20) : m.start()]
        ends = re.search(END_WORDS, after) or re.search(rf"(?:{END_WORDS}).{{0,16}}$", before)
        starts = re.search(START_WORDS, after) or re.search(rf"(?:{START_WORDS}).{{0,16}}$", before)
        lasts = re.match(r"\s*まで(?!に)(?:の|続く|継続|実施)|\s*(?:through|until)\b", after)
        if lasts and not starts:
            ends = lasts  # R10まで続く事業 / R10までの事業: projects ending in R10
        if not (ends or starts):
            continue
        kind = _attached(before, after) if ends and starts else "end" if ends else "start"
        if lasts and not re.match(rf"\s*(?:から|より)?\s*(?:{START_WORDS})", after):
            kind = "end"  # R6から始まってR9まで続く: まで続く is the end's own word
        op = "eq"
        around = before[-14:] + " " + after[:10]
        if lasts:
            around = before[-14:]
        if re.search(r"以降|or later|since|or after", around):
            op = "ge"
        elif re.search(r"以前|までに|or earlier|or before|by ", around):
            op = "le"
        elif re.search(r"より前|before|earlier than|prior to", around):
            op = "lt"
        elif re.search(r"より後|after|later than", around):
            op = "gt"
        query.filters.append(Filter(kind, op, code))
        t.take(m.start(), m.end())
        # Only the year's surroundings: a long question with many years read them all again
        # for each (2,000 characters of 「R7で終わる事業」 took a quarter of a second).
        for w in re.compile(
            rf"(?:{END_WORDS}|{START_WORDS}|より前|以前|までに|より後|以降|before|after|since|or later|or earlier)"
        ).finditer(text, max(0, m.start() - 64), m.end() + 64):
            if abs(w.start() - m.end()) <= 10 or abs(m.start() - w.end()) <= 16:
                t.take(w.start(), w.end())


def _attached(before: str, after: str) -> str:
    """Which of a start and an end word a year belongs to (R7に始まってR10に終わる, 開始がR7で
    終了がR10, started in R7 and ending in R10): the word written onto the year decides."""
    particle = (
        r"\s*(?:年度)?\s*(?:に|で|から|まで|より|以降に|以前に|より前に|より後に)?\s*(?:は|が)?\s*"
    )
    label = r"\s*(?:が|は|:|=|年度(?:が|は)?)\s*$"
    english = r"\s*(?:in|on|from|at|by|before|after)?\s*(?:the\s*)?(?:fiscal\s*)?(?:year\s*)?$"
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.search(rf"(?:{words}){label}", before):
            return kind  # 開始がR7: the label before the year
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        found = re.search(rf"(?:{words}){english}", before)
        if found and re.match(r"[a-z]", found.group(0)):
            return kind  # started in R7 (English puts the verb first)
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.match(rf"{particle}(?:{words})", after):
            return kind  # R7に始まって: the verb right after the year
    for kind, words in (("start", START_WORDS), ("end", END_WORDS)):
        if re.search(rf"(?:{words}){english}", before):
            return kind  # R6終了、R7開始 has its own verb after; this is the last resort
    starts = [x.start() for x in re.finditer(START_WORDS, after)] or [99]
    ends = [x.start() for x in re.finditer(END_WORDS, after)] or [99]
    return "end" if ends[0] < starts[0] else "start"


def _flags(t: _Text, query: Query) -> None:
    """重点枠事業だった事業 (a filter on the R6 flags) unless a project is named (its flags)."""
    if query.names_project:
        return
    for kind, pattern in FLAG_PATTERNS:
        for m in t.find(re.compile(pattern)):
            if re.search(
                r"flags?|かどうか|ですか", t.text[m.end() : m.end() + 8]
            ) and not re.search(r"事業|project", t.text[m.end() : m.end() + 12]):
                continue
            rest = t.text[m.end() : m.end() + 12]
            negated = bool(
                re.match(NEGATION, re.sub(r"^(?:事業)?(?:だった|の)?", "", rest))
            ) or bool(re.search(r"not (?:a )?$|non-?$", t.text[max(0, m.start() - 8) : m.start()]))
            query.filters.append(Filter(kind, "eq", not negated))
            t.take(m.start(), m.end())
            if neg := re.match(r"(?:事業)?(?:では|で|じゃ)?(?:ない|なかった|以外)", rest):
                t.take(m.end(), m.end() + neg.end())


def _operations(t: _Text, query: Query) -> None:
    """Compare, group, N-th, top/bottom N, max/min, sum, average, count, list, search; fields."""
    ops: list[str] = []
    ranks: dict[str, int] = {}
    smallest: dict[str, bool] = {}
    for slot, value, pattern in COMPILED_PATTERNS:
        for m in t.find(pattern):
            number = next((g for g in m.groups() if g), None) if m.groups() else None
            if slot == "compare" and not query.comparison:
                query.comparison = value
                ops.append("compare")
            elif slot == "group":
                query.group_by = query.group_by or value
                ops.append("group")
            elif slot in ("nth", "top"):
                op = "nth" if slot == "nth" else "top" if value == "max" else "bottom"
                # Each ranking keeps its own N: 上位3 and 2番目 in one question stay apart.
                ranks[op] = ENGLISH_ORDINALS.get(number or "") or int(number or 1)
                smallest[op] = slot == "nth" and value == "min"
                ops.append(op)
            elif slot == "op":
                ops.append(value)
            elif slot == "field" and value not in query.fields:
                query.fields.append(value)
            t.take(m.start(), m.end())
    for op in (
        "compare",
        "group",
        "nth",
        "top",
        "bottom",
        "max",
        "min",
        "sum",
        "avg",
        "count",
        "search",
        "list",
    ):
        if op in ops:
            query.operation = op
            query.n = ranks.get(op)
            query.smallest = smallest.get(op, False)
            break
    if query.operation == "group" and ("sum" in ops or "count" in ops):
        query.fields.append("budget" if "sum" in ops else "count")
    ranked = {"group", "nth", "top", "bottom", "max", "min", "compare"}
    if query.operation not in ranked and not query.names_project:
        # 一番…/most… with no measure read: ask what is ranked, never list them all.
        for m in t.find(SUPERLATIVE):
            query.unknown.append(m.group(0))
            t.take(m.start(), m.end())


def _bare_years(t: _Text, query: Query, vocab: Vocabulary) -> None:
    """A year with no start/end word: the edition (R6の事業はいくつ) or a plan year (No40のR9の計画)."""
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        if code.startswith("@"):
            query.unknown.append(m.group(0))  # 来年度 with nothing to apply it to: ask
            t.take(m.start(), m.end())
            continue
        labels = vocab.editions or []
        project_year = query.names_project and ({"plan", "actual"} & set(query.fields))
        if code in labels and not query.edition and not project_year:
            query.edition = code
        elif query.year is None:
            query.year = code
        elif query.comparison and code in labels:
            pass  # R6とR7の比較: both editions are what a comparison compares
        t.take(m.start(), m.end())
    pair = [c for c in (query.edition, query.year) if c in (vocab.editions or [])]
    if query.comparison and not query.compared and len(set(pair)) == 2 and not query.names_project:
        # R7はR6より予算がいくら増えた / R6とR7で何が変わった: the two editions compared.
        query.compared, query.edition, query.year = pair, None, None


def _leftovers(t: _Text, query: Query) -> None:
    """Words no slot consumed: a project's name (for a fact) or a condition not understood."""
    rest = t.rest()
    rest = FILLER.sub(" ", rest)
    chunks = [c for c in re.split(r"[\s?？!！。、,，:：「」『』\"'()（）・/]+", rest) if c]
    subject_parts, content = [], []
    for chunk in chunks:
        chunk = re.sub(
            r"^(?:の|は|を|が|で|に|と|も|や|か|な|へ)+|(?:の|は|を|が|で|に|と|も|か|や|な|へ)+$",
            "",
            chunk,
        )
        if not chunk:
            continue
        words = word_runs(re.sub(r"'s\b", "", chunk))
        words = [
            w for w in words if w not in EN_STOP and not re.fullmatch(r"\d+|[\u3040-\u309f]+", w)
        ]
        if not words:
            continue
        subject_parts.append(chunk)
        content.extend(words)
    if subject_parts:
        query.subject = " ".join(subject_parts)
    query.unknown = query.unknown + content
    terms = word_runs(translate_english(" ".join(content)))
    query.search_terms = [w for w in terms if w not in EN_STOP][:6]


def _settle(query: Query) -> None:
    """The operation when no word chose one: a fact about a project, else a list."""
    if query.compared and query.operation != "compare":
        # How much did 教育庁's budget grow from R6 to R7: two editions compared, whatever verb.
        query.operation, query.comparison = "compare", query.comparison or "budget"
        query.unknown = [w for w in query.unknown if not re.fullmatch(CHANGE_WORDS, w)]
        query.search_terms = [w for w in query.search_terms if not re.fullmatch(CHANGE_WORDS, w)]
        if not query.unknown:
            query.subject = None
    has_filters = bool(query.filters)
    counts_text = not query.filters and query.unknown and not query.names_project
    if (
        query.operation == "count"
        and counts_text
        and not re.search(r"事業|project", query.raw.lower())
    ):
        query.operation = (
            "search"  # 参加した薬局の数は？ counts something in the text, not projects
        )
    if query.operation == "count" and query.names_project and query.unknown and not query.filters:
        query.operation = "search"  # No33で参加した薬局の数: a count printed in its text
    if query.operation == "search" and query.names_project and not query.unknown:
        query.operation = "fact"
    lone_edition = query.subject is None and query.edition and not query.fields
    # 「ドローンを使っている事業」: projects described by words of their text — a list.
    described = not query.fields and re.search(
        r"事業(?:は|を|って)?[?？]?$|projects?\??$", query.raw.strip().lower()
    )
    if query.operation == "fact" and not query.names_project and query.unknown and described:
        query.operation = "list"
    if query.operation == "fact" and not query.names_project and (has_filters or lone_edition):
        query.operation = "list"
    if query.operation == "list" and query.names_project and not has_filters:
        query.operation = "fact"
