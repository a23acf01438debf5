"""Question understanding: text → Query. Pure: no store, no I/O, no language model.

Recognises what is asked (a field, a list, an aggregate, an edition comparison, a search)
by keyword patterns in Japanese and English, and leaves the words it did not recognise as
the `subject`, which the answerer resolves against the store (a project, a department…).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from bot.fiscal_year import FiscalYear
from bot.resolve import parse_number
from bot.text import drop_control, nfkc

Lang = Literal["ja", "en"]
Intent = Literal["fact", "list", "aggregate", "compare", "search", "help", "empty"]
Comparison = Literal["lt", "le", "eq", "ge", "gt"]
MAX_QUESTION = 2000


class YearFilter(BaseModel):
    """A condition on 事業始期 or 事業終期."""

    field: Literal["start", "end"]
    op: Comparison = "eq"
    year: str | None = None  # None with op "eq": the year is not printed / 未定


class BudgetFilter(BaseModel):
    """A condition on the budget, in thousand yen."""

    op: Comparison
    thousand_yen: int


class Query(BaseModel):
    """What a question asks, in structured form."""

    raw: str
    lang: Lang = "ja"
    intent: Intent = "fact"
    fields: list[str] = Field(default_factory=list)
    project_no: int | None = None
    subject: str | None = None
    edition: str | None = None
    year: str | None = None
    year_filters: list[YearFilter] = Field(default_factory=list)
    budget_filter: BudgetFilter | None = None
    aggregate: Literal["sum", "count", "avg", "max", "min", "top"] | None = None
    top_n: int | None = None
    group_by: Literal["department", "category", "section"] | None = None
    comparison: (
        Literal["budget", "renamed", "predecessor", "successor", "dropped", "changes"] | None
    ) = None
    search_terms: list[str] = Field(default_factory=list)


# A fiscal year in any spelling: R7, 令和7年度, 令和７年度, 2025年度, FY2025, H31.
YEAR = re.compile(
    r"(?:令和\s*(\d{1,2}|元)\s*年度?|平成\s*(\d{1,2})\s*年度?|(?<![A-Za-z])R\s?(\d{1,2})(?!\d)"
    r"|(?<![A-Za-z])H\s?(\d{2})(?!\d)|FY\s?(\d{4})|(\d{4})\s*年度)",
    re.I,
)
EDITION = re.compile(
    r"(?:(?<![A-Za-z])R(\d{1,2})\s*(?:版|edition|roadmap|の?事業費|の事業(?!費)|budget|projects)"
    r"|令和\s*(\d{1,2})\s*年度版)",
    re.I,
)
FIELD_PATTERNS: dict[str, str] = {
    "budget": r"事業費|予算|いくら|金額|費用|budget|cost|how much|spend|funding",
    "owner": r"担当部局|担当課|担当|所管|部局|どこの課|どの課|who|owner|owns|responsible|"
    r"in charge|which department|which section|department|section",
    "period": r"期間|いつから|いつまで|いつ|始期|終期|何年度まで|period|when|how long|duration|"
    r"start|begin|end|until|finish",
    "summary": r"概要|何をする|なにをする|どんな|内容|目的|what does|what is|what's|about|summary|"
    r"describe|purpose",
    "plan": r"計画|目標|予定|plan|goal|target|planned|schedule",
    "actual": r"主な取組実績|実績|成果|達成|進捗|何をした|achiev|result|progress|accomplish|done",
    "flags": r"重点枠事業|重点枠|将来対応分|将来対応|priority|future response",
    "name": r"事業名|名前|名称|正式名|what is .* called|full name|official name",
}
LIST_WORDS = r"一覧|リスト|どれ|どの事業|事業は[？?]?$|事業を|which|list|what projects|projects"
END_WORDS = r"終わる|終了|終期|終える|まで|満了|end(?:s|ing|ed)?|finish(?:es|ing|ed)?"
START_WORDS = r"から始まる|から始まった|始まる|始まった|開始|始期|から始|スタート|新規|start(?:s|ing|ed)?|begin(?:s|ning)?|began|new in"
NO_END = (
    r"終期(?:が|の)?(?:ない|無い|なし|未記載|記載(?:が)?ない|書かれていない|空欄|不明|未定)"
    r"|終わりが(?:ない|決まっていない)|no end|without (?:an )?end|open[- ]ended|end (?:year )?(?:is )?"
    r"(?:not|un)(?:stated|known|printed|defined|decided)|未定"
)
BEFORE = r"より前|以前|前に|before|earlier than|prior to|まで"
AFTER = r"以降|より後|after|later than|or later|から"
AGGREGATES = [
    ("top", r"(?:トップ|上位|top|largest|biggest)\s*(\d{1,2})"),
    ("sum", r"合計|総額|総計|トータル|total|sum|altogether|combined"),
    ("avg", r"平均|average|mean"),
    (
        "max",
        r"(?:一番|最も).{0,6}?(?:大きい|多い|高い)|最大|最高|largest|biggest|highest|most expensive",
    ),
    (
        "min",
        r"(?:一番|最も).{0,6}?(?:小さい|少ない|低い)|最小|最低|smallest|lowest|least|cheapest",
    ),
    ("count", r"いくつ|何件|件数|何個|幾つ|数は|how many|number of|count"),
]
GROUPS = [
    ("department", r"部局(?:別|ごと)|部(?:局)?ごと|by department|per department|each department"),
    ("category", r"項目(?:別|ごと)|分類(?:別|ごと)|by category|per category|each category"),
    ("section", r"課(?:別|ごと)|by section|per section|each section"),
]
COMPARISONS = [
    (
        "renamed",
        r"名称(?:が|を)?(?:変更(?:された|した)?|変わった|変わる)|名前(?:が)?変わ(?:った|る)|改称"
        r"|renamed|name changed|changed (?:its |their )?names?",
    ),
    (
        "predecessor",
        r"前身|旧事業|前の事業|以前の事業|元の事業|predecessor|previous project|formerly|used to be",
    ),
    ("successor", r"後継|後の事業|引き継|successor|became|replaced by|continued as"),
    (
        "dropped",
        r"(?:R\d+|新版|今年度版|最新版)(?:版)?(?:に|で)?(?:は)?(?:ない|無い|なくなった|載っていない|消えた)"
        r"|なくなった|廃止|消えた|対応(?:する|が)?(?:事業が)?ない|no counterpart|dropped|discontinued"
        r"|not in (?:the )?(?:R\d+|new)|no longer",
    ),
    (
        "changes",
        r"何が変わった|何が変わる|変更点|変わった|違い|差分|what changed|changes|difference|diff",
    ),
    ("budget", r"比較|増減|前年|昨年|vs\.?|versus|compare|compared|増えた|減った|change in budget"),
]
SEARCH_WORDS = r"どこ|何人|何名|何回|何か所|何会場|誰|where|how many people|which place|held|参加"
HELP_WORDS = r"^(?:help|ヘルプ|使い方|へるぷ|\?|？|何ができる|what can you do|usage|commands?)$"
STOP = (
    r"について|のこと|教えて(?:ください)?|を?知りたい|ください|ですか|ますか|でしょうか|とは|って|"
    r"\b(?:the|a|an|of|for|is|are|was|were|what|which|who|whom|how|does|do|did|in|on|at|to|by|"
    r"project|projects|program|programme|roadmap|please|tell|me|show|give|and|or|its|it|this|that|"
    r"there|have|has|with|much|many|owns|own|year|years|fiscal|yen|all)\b"
)
MONEY = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(億|千万|百万|万|千)?\s*円\s*(以上|超|を超える|より多い|未満|以下|より少ない)"
    r"|(over|above|more than|at least|under|below|less than|at most)\s*[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)"
    r"\s*(billion|million|thousand)?\s*(?:yen)?",
    re.I,
)
YEN_UNITS = {"億": 100_000, "千万": 10_000, "百万": 1_000, "万": 10, "千": 1, None: 0.001}
EN_UNITS = {"billion": 1_000_000, "million": 1_000, "thousand": 1, None: 0.001}
OPS = {
    "以上": "ge",
    "超": "gt",
    "を超える": "gt",
    "より多い": "gt",
    "未満": "lt",
    "以下": "le",
    "より少ない": "lt",
    "over": "gt",
    "above": "gt",
    "more than": "gt",
    "at least": "ge",
    "under": "lt",
    "below": "lt",
    "less than": "lt",
    "at most": "le",
}


def detect_language(text: str) -> Lang:
    """English when the text has English words and no kana; Japanese otherwise."""
    if re.search(r"[\u3040-\u309f]", text):
        return "ja"
    english = re.findall(r"[A-Za-z]{2,}", text)
    acronyms = {"no", "fy", "phr", "dx", "ict", "web", "ai", "uav", "icu", "maas", "kintone"}
    if any(w.lower() not in acronyms for w in english):
        return "en"
    return "ja"  # Japanese first: numbers and acronyms alone ("No40", "PHR") get Japanese


def year_code(match: re.Match) -> str | None:
    """The fiscal-year code of a YEAR match (R7), None if it is not a valid year."""
    reiwa, heisei, r, h, fy, western = match.groups()
    if reiwa:
        return FiscalYear.try_parse(f"R{1 if reiwa == '元' else reiwa}").code
    candidates = [f"H{heisei}" if heisei else None, f"R{r}" if r else None, f"H{h}" if h else None]
    candidates += [fy, western]
    for text in candidates:
        if text and (fy_obj := FiscalYear.try_parse(text)):
            return fy_obj.code if not (fy or western) else fy_obj.reiwa.code
    return None


def understand(text: str) -> Query:
    """Read a question into a Query; never raises."""
    raw = drop_control(text or "")[:MAX_QUESTION]
    norm = nfkc(raw).strip()
    query = Query(raw=raw, lang=detect_language(norm))
    if not norm or not re.search(r"[\w\u3040-\u30ff\u4e00-\u9fff]", norm):
        query.intent = "empty"
        return query
    if re.match(HELP_WORDS, norm, re.I):
        query.intent = "help"
        return query
    rest = norm
    low = norm.lower()

    # Editions named explicitly: "R6版", "R6事業費", "R6 edition".
    if m := EDITION.search(norm):
        query.edition = f"R{int(m.group(1) or m.group(2))}"
        if re.search(r"事業費|budget", m.group(0), re.I):
            query.fields.append("budget")
        rest = rest.replace(m.group(0), " ")

    # Project numbers: No40, No.40, 【No40】, 40番.
    number = parse_number(rest)
    if number is not None:
        query.project_no = number
        rest = re.sub(
            r"[【\[]?\s*No\.?\s*\d{1,4}\s*[】\]]?|#\s*\d{1,4}|\d{1,4}\s*番",
            " ",
            rest,
            count=1,
            flags=re.I,
        )

    if m := MONEY.search(rest):
        query.budget_filter = _budget_filter(m)
        rest = rest.replace(m.group(0), " ")

    no_end = re.search(NO_END, rest, re.I)
    if no_end:
        query.year_filters.append(YearFilter(field="end", op="eq", year=None))
        rest = rest.replace(no_end.group(0), " ")

    for key, pattern in COMPARISONS:
        if re.search(pattern, rest, re.I):
            query.comparison = key  # type: ignore[assignment]
            rest = re.sub(pattern, " ", rest, flags=re.I)
            break

    for key, pattern in GROUPS:
        if re.search(pattern, rest, re.I):
            query.group_by = key  # type: ignore[assignment]
            rest = re.sub(pattern, " ", rest, flags=re.I)
            break

    for key, pattern in AGGREGATES:
        if m := re.search(pattern, rest, re.I):
            query.aggregate = key  # type: ignore[assignment]
            if key == "top":
                query.top_n = int(m.group(1))
            rest = rest.replace(m.group(0), " ")
            break

    # A year with an end or start word and no project: a filter ("R7で終わる事業").
    years = [(m, code) for m in YEAR.finditer(rest) if (code := year_code(m))]
    has_period_word = re.search(END_WORDS, rest, re.I) or re.search(START_WORDS, rest, re.I)
    if query.project_no is None and years and has_period_word:
        query.year_filters.extend(_year_filters(rest, years))
        for m, _ in years:
            rest = rest.replace(m.group(0), " ")
        rest = re.sub(f"{END_WORDS}|{START_WORDS}|{BEFORE}|{AFTER}", " ", rest, flags=re.I)

    for key, pattern in FIELD_PATTERNS.items():
        if re.search(pattern, rest, re.I):
            if key not in query.fields:
                query.fields.append(key)
            rest = re.sub(pattern, " ", rest, flags=re.I)

    years = [(m, code) for m in YEAR.finditer(rest) if (code := year_code(m))]
    if years:
        query.year = years[0][1]
        for m, _ in years:
            rest = rest.replace(m.group(0), " ")

    query.subject = _subject(rest)
    query.search_terms = _terms(norm)
    query.intent = _intent(query, low)
    return query


def _budget_filter(m: re.Match) -> BudgetFilter:
    if m.group(1):
        amount, unit, op = float(m.group(1).replace(",", "")), m.group(2), OPS[m.group(3)]
        value = amount * YEN_UNITS[unit]
    else:
        op = OPS[m.group(4).lower()]
        amount, unit = float(m.group(5).replace(",", "")), (m.group(6) or "").lower() or None
        value = amount * EN_UNITS[unit]
    return BudgetFilter(op=op, thousand_yen=round(value))  # type: ignore[arg-type]


def _year_filters(text: str, years: list[tuple[re.Match, str]]) -> list[YearFilter]:
    """Which of start/end the years constrain, and how (before, after, in)."""
    filters = []
    for m, code in years:
        after = text[m.end() : m.end() + 16].lower()
        before = text[max(0, m.start() - 24) : m.start()].lower()
        around = before + " " + after
        is_start = bool(re.search(START_WORDS, around, re.I)) and not re.search(
            r"終わる|終了|終期|end", after, re.I
        )
        op: Comparison = "eq"
        if re.search(r"より前|before|earlier than|prior to", around, re.I):
            op = "lt"
        elif re.search(r"以前|までに|or earlier|by", around, re.I):
            op = "le"
        elif re.search(r"より後|after|later than", around, re.I):
            op = "gt"
        elif re.search(r"以降|or later", around, re.I):
            op = "ge"
        filters.append(YearFilter(field="start" if is_start else "end", op=op, year=code))
    return filters


# Verb endings left at the start of a chunk once the keyword before them is removed.
VERB_HEAD = (
    r"^(?:った|っている|ている|する|した|される|された|わった|わる|れる|いる|ない)(?=事業|$)"
)


def _subject(rest: str) -> str | None:
    """The words left over once every recognised keyword is gone: a name, a department…"""
    rest = re.sub(STOP, " ", rest, flags=re.I)
    rest = re.sub(r"の(?:事業|プロジェクト)(?:一覧|リスト)?(?=$|[\s?？は])", " ", rest)
    chunks = re.split(r"[\s?？!！。、,，:：「」『』\"'()（）]+", rest)
    cleaned = []
    for chunk in chunks:
        chunk = re.sub(VERB_HEAD, "", chunk)
        chunk = re.sub(
            r"^(?:の|は|を|が|で|に|と|も|や)+|(?:の|は|を|が|で|に|と|も|か|や|な)+$", "", chunk
        )
        chunk = re.sub(r"^(?:事業|事業費|する事業|した事業)$", "", chunk)
        if len(chunk) >= 2 or re.fullmatch(r"[A-Za-z0-9]+", chunk or "-"):
            cleaned.append(chunk)
    if not cleaned:
        return None
    subject = " ".join(c for c in cleaned if c)
    return subject or None


def _terms(norm: str) -> list[str]:
    """Words to look for in the text of the roadmap: runs of kanji, katakana and letters."""
    runs = re.findall(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9ー・]{2,}", norm)
    keywords = "|".join(FIELD_PATTERNS.values())
    ignore = re.compile(
        rf"^(?:{SEARCH_WORDS}|{STOP}|{keywords}|事業|開催|実施|された|R\d+|No\d+|FY\d+)$", re.I
    )
    return [r for r in runs if not ignore.match(r)][:6]


def _intent(query: Query, low: str) -> Intent:
    if query.aggregate == "count" and not re.search(r"事業|project|件数", low):
        return "search"  # "参加した薬局の数は？" counts something in the text, not projects
    if query.comparison:
        return "compare"
    if query.aggregate or query.group_by:
        return "aggregate"
    if query.year_filters or query.budget_filter:
        return "list"
    if query.project_no is not None or query.fields:
        return "fact"
    if re.search(SEARCH_WORDS, low, re.I):
        return "search"
    if re.search(LIST_WORDS, low, re.I) and query.subject:
        return "list"
    return "fact"
