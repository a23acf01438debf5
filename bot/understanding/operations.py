"""What a question asks to compute: the operation, the fields, the flags."""

from __future__ import annotations

import re

from bot.understanding.lexicon import (
    COMPILED_PATTERNS,
    ENGLISH_ORDINALS,
    FLAG_PATTERNS,
    SUPERLATIVE,
)
from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text


def read_flags(t: Text, query: Query) -> None:
    """重点枠事業だった事業 (a filter on the R6 flags) unless a project is named (its flags)."""
    if query.names_project:
        return
    for kind, pattern in FLAG_PATTERNS:
        for m in t.find(re.compile(pattern)):
            if re.search(
                r"flags?|かどうか|ですか", t.text[m.end() : m.end() + 8]
            ) and not re.search(r"事業|project", t.text[m.end() : m.end() + 12]):
                continue
            # 重点枠じゃない / not 重点枠: the negation reader turns it (bot.understanding.negation).
            # 将来対応分には○がない / ○なし: the mark said missing (○ is read as a blank).
            missing = _MARK_MISSING.match(t.text, m.end())
            if missing and t.free(*missing.span()):
                query.filters.append(
                    Filter(kind, "eq", False, span=(m.start(), missing.end()), negated=True)
                )
                t.take(m.start(), missing.end())
                continue
            query.filters.append(Filter(kind, "eq", True, span=m.span()))
            t.take(m.start(), m.end())
    flags = [f for f in query.filters if f.kind in ("priority_frame", "future_response")]
    for missing_mark in [f for f in flags if f.negated and f.span]:
        # 重点枠事業にも将来対応分にも○がない (either flag first): the flag said just before it
        # and joined to it is left out too.
        for f in flags:
            joined = f.value and f.span and f.span[1] <= missing_mark.span[0]  # type: ignore[index]
            if joined and _TOGETHER.fullmatch(t.text[f.span[1] : missing_mark.span[0]]):  # type: ignore[index]
                f.value, f.negated = False, True
    if len(flags) == 2:  # 重点枠事業と将来対応分の両方に○: both, as two conditions are
        for m in t.find(_BOTH_FLAGS):
            t.take(m.start(), m.end())


_MARK_MISSING = re.compile(
    r"(?:事業)?\s*(?:の指定)?\s*(?:にも|には|に|は|も|が)?\s*[(（]?\s*[○〇]?\s*[)）]?\s*(?:が|は)?\s*"
    r"(?:ない|無い|なし|無し|なかった|ありません|付いてない|ついてない|付いていない|ついていない)"
)
_TOGETHER = re.compile(r"(?:事業)?\s*(?:にも|も|と|や|、|,)\s*")
_BOTH_FLAGS = re.compile(
    r"(?:の)?両方(?:に|とも|で|の)?|(?:の)?(?:どちらにも|いずれにも)|(?<![a-z])both(?![a-z])"
)


_HOW_MANY_TOP = re.compile(
    r"(?<![a-z])(?:which|the|top|first)\s+(\d{1,2})\s+(?:projects|ones)(?![a-z])"
    r"|(?<![\d.])(\d{1,2})\s*(?:事業|件|本|つ)(?=\s*(?:は|を|って|$|[？?]))"
)


def read_operations(t: Text, query: Query) -> None:
    """Compare, group, N-th, top/bottom N, max/min, sum, average, count, list, search; fields."""
    ops: list[str] = []
    plan_said = False  # 予定 said: a plan asked, unless it only softens いつ終わる予定
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
                # どの部局が一番多い / the fewest: which end of the ranking is asked.
                said = m.group(0) + t.text[m.end() : m.end() + 12]
                if re.search(r"少な|fewest|least|fewer|smallest|最少|最小", said):
                    ops.append("min")
                    query.smallest = True
                elif re.search(r"多い|most|more|largest|biggest|最多|最大", said):
                    ops.append("max")
            elif slot in ("nth", "top"):
                op = "nth" if slot == "nth" else "top" if value == "max" else "bottom"
                # Each ranking keeps its own N: 上位3 and 2番目 in one question stay apart.
                ranks[op] = ENGLISH_ORDINALS.get(number or "") or int(number or 1)
                smallest[op] = slot == "nth" and value == "min"
                ops.append(op)
            elif slot == "duration":
                # 事業期間が一番長い: ranked by the length of the period printed.
                query.fields += [f for f in ("period", "duration") if f not in query.fields]
                ops.append("min" if value == "shortest" else "max")
                query.smallest = value == "shortest"
            elif slot == "year_rank":
                # 始期がいちばん早い / the latest end: a ranking by a year, not by budget.
                said = t.text[max(0, m.start() - 12) : m.end() + 12]
                field = "end" if re.search(r"終|end|長く|longest|まで|続く|last", said) else "start"
                if field not in query.fields:
                    query.fields.append(field)
                ops.append("min" if value == "earliest" else "max")
                query.smallest = value == "earliest"
            elif slot in ("op", "agg"):
                ops.append(value)
                if value == "sorted" and re.search(
                    r"少な|小さ|安|smallest|lowest|least|cheapest|fewest|ascending|increasing",
                    m.group(0),
                ):
                    query.smallest = True  # 小さい順に並べて: the smallest first (#28)
                if value == "verdict":
                    # どっちが少ない / which is smaller / 先に始まった: the end of the comparison.
                    # Said before it too: 予算が小さいのはどっち, 先に終わるのはどちら.
                    said = t.text[max(0, m.start() - 12) : m.end() + 10]
                    if re.search(r"少な|小さ|安|低|smaller|less|fewer|lower|cheaper", said):
                        query.smallest = True
                    ends = re.search(r"終わ|終了|終期|ends?\b|finish|まで続|続く", said)
                    if re.search(r"先に|早く|早い|earlier|first", said):
                        query.fields.append("end" if ends else "start")
                        query.smallest = True
                    elif re.search(r"遅く|後に|後まで|later|last|longer", said):
                        query.fields.append("end")
            elif slot == "having":
                query.having = {"eq1": ("eq", 1), "none": ("eq", 0)}.get(value, ("ge", 2))
                ops.append("group")
            elif slot == "field" and value not in query.fields:
                query.fields.append(value)
                if value == "plan" and re.fullmatch(r"予定|planned|scheduled|due", m.group(0)):
                    plan_said = True
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
            query.smallest = smallest.get(op, query.smallest)
            break
    query.ops = list(dict.fromkeys(ops))
    if query.comparison in ("increased", "decreased") and query.n is None:
        # Which 2 projects had the biggest cuts / 増えた上位3事業: how many of the top are asked.
        said = ranks.get("top")
        for m in t.find(_HOW_MANY_TOP):
            said = int(next(g for g in m.groups() if g))
            t.take(m.start(), m.end())
        if said and said > 1:
            query.n = said
    if plan_said and {"start", "end", "period"} & set(query.fields):
        query.fields.remove("plan")  # いつ終わる予定: when it ends, not its plan
    if query.having and not query.group_by:
        # 1本しかない項目 / sections that run several: the kind of group is named near by.
        kind = re.search(
            r"(項目|分野|カテゴリ|categor|field)|(課|section|division)|(部局|部|department)",
            t.rest(),
        )
        if kind:
            query.group_by = ("category", "section", "department")[kind.lastindex - 1]
            t.take(kind.start(), kind.end())
        elif "category" in query.fields:  # 1本しかない項目って: 項目 read as the field asked
            query.group_by = "category"
            query.fields.remove("category")
        elif "owner" in query.fields and (
            said := re.search(r"(課|section|division)|(部局|部署|department)", t.text)
        ):  # 1億円以上の事業が一つもない部局: 部局 read as the owner asked
            query.group_by = "section" if said.lastindex == 1 else "department"
            query.fields.remove("owner")
        elif query.having == ("eq", 0):
            # 1つもない with no kind of group: not a question about groups (said back unused).
            query.having = None
            ops.remove("group")
            query.ops = [o for o in query.ops if o != "group"]
            if query.operation == "group":
                query.operation = "count"
    if query.operation == "group" and ("sum" in ops or "count" in ops):
        query.fields.append("budget" if "sum" in ops else "count")
    ranked = {"group", "nth", "top", "bottom", "max", "min", "compare"}
    if query.operation == "group" or query.comparison in ("increased", "decreased"):
        # 予算合計トップの項目 / いちばん増えた事業: the top of that ranking is asked.
        for m in t.find(SUPERLATIVE):
            low = re.search(r"最下位|ワースト|worst|least", m.group(0))
            query.ops = [*query.ops, "min" if low else "max"]
            query.smallest = query.smallest or bool(low)
            t.take(m.start(), m.end())
    if query.operation not in ranked and not query.names_project:
        # 一番…/most… with no measure read: ask what is ranked, never list them all.
        for m in t.find(SUPERLATIVE):
            query.unknown.append(m.group(0))
            t.take(m.start(), m.end())
