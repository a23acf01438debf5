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
from bot.text import drop_control
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


KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def kanji_number(text: str) -> int | None:
    """七 → 7, 十二 → 12, 二十 → 20 (up to 99); None if text is not one."""
    if text == "元":
        return 1
    if not text or any(c not in KANJI_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return KANJI_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (KANJI_DIGITS.get(tens, 0) if tens else 1) * 10 + (KANJI_DIGITS.get(ones, 0))


_KANJI_NUM = r"[一二三四五六七八九十]+"
_KANJI_CONTEXTS = [
    re.compile(rf"(令和|平成)({_KANJI_NUM}|元)(?=年)"),
    re.compile(rf"(上位|下位|トップ|ワースト|ベスト)({_KANJI_NUM})"),
    re.compile(rf"()({_KANJI_NUM})(?=番目|件|つ|位)"),
]


def _arabic(text: str) -> str:
    """Kanji numerals where they are numbers (令和八年度, 上位五, 二番目), not in 一番 or names."""
    for pattern in _KANJI_CONTEXTS:
        text = pattern.sub(lambda m: m.group(1) + str(kanji_number(m.group(2)) or m.group(2)), text)
    return re.sub(r"令和元年", "令和1年", text)


ENGLISH_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3}
LARGE = r"大きかった|多かった|高かった|大きい|多い|高い|高額|large|big|high|expensive|most"
SMALL = (
    r"小さかった|少なかった|低かった|安かった|小さい|少ない|低い|安い|少額|small|low|cheap|least"
)
RELATIVE = {
    "今年度": 0,
    "本年度": 0,
    "来年度": 1,
    "再来年度": 2,
    "昨年度": -1,
    "前年度": -1,
    "今年": 0,
    "来年": 1,
    "昨年": -1,
    "去年": -1,
}
RELATIVE_EN = r"(?:this|next|last) (?:fiscal )?year"
YEAR = r"(?:再来年度|来年度|今年度|本年度|昨年度|前年度|今年|来年|昨年|去年|(?:this|next|last) (?:fiscal )?year|令和\s*\d{1,2}\s*年度?|平成\s*\d{1,2}\s*年度?|(?<![a-z0-9])[rh]\s?\d{1,2}(?!\d)(?:\s*年度)?|fy\s?\d{4}|\d{4}\s*年度)"
END_WORDS = r"(?<![a-z])(?:終わる|終わった|終わり|終了|終期|終える|満了|完了|end(?:s|ing|ed)?|finish(?:es|ing|ed)?|conclud\w*)(?![a-z])"
START_WORDS = r"(?<![a-z])(?:始まる|始まった|始まり|開始|始期|スタート|着手|新規|start(?:s|ing|ed)?|begin(?:s|ning)?|began|launch(?:ed)?)(?![a-z])"

PATTERNS: list[tuple[str, str, str]] = [
    # (slot, value, pattern): operations and fields, each consumed where found.
    (
        "compare",
        "renamed",
        r"名称(?:が|を)?(?:変更(?:された|した)?|変わった|変わる)|名前(?:が)?変わ(?:った|る)|改称|renamed|name changed|changed (?:its |their )?names?",
    ),
    (
        "compare",
        "predecessor",
        r"前身|旧事業|前の事業|以前の事業|元の事業|predecessor|previous project|formerly|used to be",
    ),
    ("compare", "successor", r"後継|後の事業|引き継|successor|replaced by|continued as"),
    (
        "compare",
        "dropped",
        r"r\d+(?:版)?(?:に|で)?(?:は)?(?:ない|無い|なくなった|載っていない|消えた)|なくなった|廃止|消えた|対応(?:する|が)?(?:事業が)?ない|no counterpart|dropped|discontinued|not in (?:the )?(?:r\d+|new)|no longer",
    ),
    (
        "compare",
        "changes",
        r"何が変わった|何が変わる|変更点|違い|差分|what changed|changes|difference|diff",
    ),
    (
        "compare",
        "budget",
        r"比較|増減|前年比|vs\.?|versus|compare[ds]?|増えた|減った|change in budget",
    ),
    (
        "group",
        "department",
        r"(?:担当)?部局(?:別|ごと|毎)|部(?:ごと|別|毎)|by department|per department|each department"
        r"|which department(?= has| spends)|どの部局が|どの部が|(?:一番|最も)(?:事業が)?多い部局",
    ),
    ("group", "section", r"(?:担当)?課(?:別|ごと|毎)|by section|per section|each section"),
    (
        "group",
        "category",
        r"(?:項目|分類|分野|カテゴリー?)(?:別|ごと|毎)|by (?:category|field)|per (?:category|field)|each (?:category|field)",
    ),
    (
        "nth",
        "max",
        rf"(\d{{1,2}})\s*番目に(?:予算が|事業費が)?(?:{LARGE})|(\d{{1,2}})(?:st|nd|rd|th)[- ](?:largest|biggest|highest|most expensive)|(second|third|fourth|fifth) (?:largest|biggest|highest|most expensive)",
    ),
    (
        "nth",
        "min",
        rf"(\d{{1,2}})\s*番目に(?:予算が|事業費が)?(?:{SMALL})|(\d{{1,2}})(?:st|nd|rd|th)[- ](?:smallest|lowest|cheapest)|(second|third|fourth|fifth) (?:smallest|lowest|cheapest)",
    ),
    (
        "top",
        "max",
        rf"(?:上位|トップ|ベスト|top|largest|biggest|highest)\s*(\d{{1,2}})|(\d{{1,2}})\s*(?:largest|biggest|highest|most expensive)|(?:{LARGE})(?:い)?順に?\s*(\d{{1,2}})",
    ),
    (
        "top",
        "min",
        rf"(?:下位|ワースト|bottom|smallest|lowest|cheapest)\s*(\d{{1,2}})|(\d{{1,2}})\s*(?:smallest|lowest|cheapest)|(?:{SMALL})(?:い)?順に?\s*(\d{{1,2}})",
    ),
    (
        "op",
        "max",
        rf"(?:一番|最も|もっとも|いちばん).{{0,8}}?(?:{LARGE})|最大|最高|最多|largest|biggest|highest|most expensive|maximum",
    ),
    (
        "op",
        "min",
        rf"(?:一番|最も|もっとも|いちばん).{{0,8}}?(?:{SMALL})|最小|最低|最少|smallest|lowest|cheapest|minimum",
    ),
    ("op", "sum", r"合計|総額|総計|トータル|合わせて|全部でいくら|total|sum|altogether|combined"),
    ("op", "avg", r"平均|average|mean"),
    ("op", "count", r"いくつ|何件|件数|何個|幾つ|何事業|数は|の数|how many|number of|count"),
    (
        "op",
        "list",
        r"一覧|リスト|どれ|どんな事業|どの事業|ありますか|ある\?|list|which projects|what projects|which ones|show (?:me )?(?:all|the)",
    ),
    (
        "op",
        "search",
        r"どこで|どこに|何人|何名|何回|何か所|何会場|誰が|where|how many people|which place|held",
    ),
    (
        "field",
        "budget",
        r"事業費|予算|いくら|金額|費用|budgets?|costs?|how much|spend(?:s|ing)?|funding",
    ),
    (
        "field",
        "owner",
        r"担当部局|担当課等?|担当|所管|どこの課|どの課|どこが|who|owner|owns|responsible|in charge|which department|which section|run by|runs",
    ),
    (
        "field",
        "start",
        r"いつから|始期|開始年度|since when|start year|start(?:s|ed)?|begin(?:s)?|began",
    ),
    ("field", "end", r"いつまで|終期|終了年度|end year|until when|end(?:s|ed)?|finish(?:es)?"),
    ("field", "period", r"期間|いつ|period|when|how long|duration"),
    (
        "field",
        "summary",
        r"概要|何をする|なにをする|どんな|内容|目的|what does|about|summary|describe|purpose",
    ),
    ("field", "plan", r"計画|目標|予定|plans?|goals?|targets?|planned|schedules?"),
    (
        "field",
        "actual",
        r"主な取組実績|取組実績|実績|成果|達成|進捗|何をした|achiev\w*|results?|progress|accomplish\w*|done",
    ),
    (
        "field",
        "flags",
        r"重点枠事業|重点枠|将来対応分|将来対応|priority(?: frames?)?(?: flags?)?|future response|flags?",
    ),
    ("field", "name", r"事業名|名前|名称|正式名|full name|official name|called"),
    (
        "field",
        "category",
        r"(?:の)?(?:項目|分野|カテゴリー?)(?:は|って|を)|which category|what category|category",
    ),
]
# English words match whole (no "sum" in "summary", no "end" in "spending").
# Only a Latin end of a match needs a non-Latin neighbour: 「R7にないR6」 still matches.
_LEFT = r"(?:(?<![a-z])|(?![a-z]))"
_RIGHT = r"(?:(?<![a-z])|(?![a-z]))"
_COMPILED = [(slot, value, re.compile(rf"{_LEFT}(?:{p}){_RIGHT}")) for slot, value, p in PATTERNS]
NO_END = re.compile(
    r"終期(?:が|の)?(?:ない|無い|なし|未記載|記載(?:が)?(?:ない|無い|なし)|書かれていない|空欄|不明|未定)"
    r"|終わり(?:が)?(?:ない|無い|決まっていない|未定)|終了(?:年度)?(?:が)?未定|期限(?:が)?(?:ない|なし)"
    r"|no end(?: year| date)?|without (?:an )?end(?: year)?|open[- ]ended|end (?:year )?(?:is )?"
    r"(?:not|un)(?:stated|known|printed|defined|decided)|未定"
)
NEWLY = re.compile(
    r"新しく始まった|新しく始まる|新たに始まった|新規(?:の)?事業|新規に?始まった"
    r"|newly (?:started|launched|begun)|new projects?"
)
FLAG_PATTERNS = [
    ("priority_frame", r"重点枠(?:事業)?|priority(?: frame)?(?: projects?)?"),
    ("future_response", r"将来対応(?:分)?|future response"),
]
NEGATION = r"^(?:で|じゃ)?(?:は)?(?:ない|なかった|以外)|^(?:ではない|でない|じゃない)"
EDITION_MARK = re.compile(
    r"(?:in )?(?:the )?(?<![a-z])r\s?(\d{1,2})(?:\s*(?:年度)?版| edition| roadmap|のロードマップ)"
    r"|令和\s*(\d{1,2})\s*年度版|(\d{4})\s*年度版"
)
PREVIOUS = re.compile(
    r"前の版|前版|旧版|昨年度版|前年度版|去年の版|昨年の版|一つ前の版|previous (?:edition|roadmap|version)"
    r"|last year'?s (?:edition|roadmap|version)|(?:the )?old(?:er)? (?:edition|roadmap)|prior edition"
)
LATEST = re.compile(
    r"最新版|今年度版|今の版|latest (?:edition|roadmap)|current (?:edition|roadmap)|new(?:est)? edition"
)
LABELLED_BUDGET = re.compile(r"(?<![a-z])r\s?(\d{1,2})\s*(?:事業費|年度事業費|budget)")
MONEY = r"(\d[\d,]*(?:\.\d+)?)\s*(億|千万|百万|万|千)?\s*円?"
EN_MONEY = r"[¥]?\s*(\d[\d,]*(?:\.\d+)?)\s*(billion|million|thousand|k|m|bn)?\s*(?:yen|円)?"
YEN_UNITS = {
    "億": 100_000,
    "千万": 10_000,
    "百万": 1_000,
    "万": 10,
    "千": 1,
    None: 0.001,
    "": 0.001,
}
EN_UNITS = {
    "billion": 1_000_000,
    "bn": 1_000_000,
    "million": 1_000,
    "m": 1_000,
    "thousand": 1,
    "k": 1,
}
JA_OPS = {
    "以上": "ge",
    "超": "gt",
    "を超える": "gt",
    "超える": "gt",
    "より多い": "gt",
    "より大きい": "gt",
    "より高い": "gt",
    "未満": "lt",
    "以下": "le",
    "より少ない": "lt",
    "より小さい": "lt",
    "より安い": "lt",
    "以内": "le",
    "まで": "le",
}
EN_OPS = {
    "over": "gt",
    "above": "gt",
    "more than": "gt",
    "greater than": "gt",
    "exceeding": "gt",
    "at least": "ge",
    "under": "lt",
    "below": "lt",
    "less than": "lt",
    "at most": "le",
    "up to": "le",
    "no more than": "le",
}
BUDGET_RANGE = re.compile(
    rf"{MONEY}\s*(?:から|~|-|〜|－)\s*{MONEY}(?:まで|の間|の範囲)?"
    rf"|between\s*{EN_MONEY}\s*and\s*{EN_MONEY}|from\s*{EN_MONEY}\s*to\s*{EN_MONEY}"
)
JA_BUDGET = re.compile(
    rf"{MONEY}\s*(以上|超える|を超える|超|より多い|より大きい|より高い|未満|以下|より少ない|より小さい|より安い|以内)"
)
EN_BUDGET = re.compile(
    rf"(no more than|more than|greater than|less than|at least|at most|up to|exceeding|over|above|under|below)\s*{EN_MONEY}"
)
FILLER = re.compile(
    r"(?:を|で|に)?(?:活用|利用|使用|使っ|使う|使った|導入|関連|関係|関する|関わる|による|によって)(?:して|した|する|している|してる|の)?"
    r"|について|のこと|教えて(?:ください|下さい)?|を?知りたい|ください|下さい|ですか|ますか|でしょうか|とは|って"
    r"|ロードマップ|プロジェクト|事業費|事業|全部|全体|すべて|全て|一番|いちばん|何|なに|どう|なん|現在|今|青森県|県"
)
EN_STOP = frozenset(
    [
        "a",
        "about",
        "across",
        "all",
        "also",
        "among",
        "amongst",
        "amount",
        "amounts",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "could",
        "current",
        "currently",
        "did",
        "do",
        "does",
        "done",
        "each",
        "edition",
        "every",
        "figure",
        "figures",
        "find",
        "fiscal",
        "for",
        "from",
        "funded",
        "get",
        "give",
        "had",
        "has",
        "have",
        "here",
        "how",
        "i",
        "in",
        "included",
        "into",
        "is",
        "it",
        "its",
        "just",
        "kindly",
        "know",
        "latest",
        "less",
        "list",
        "listed",
        "many",
        "me",
        "money",
        "more",
        "most",
        "much",
        "new",
        "now",
        "number",
        "numbers",
        "of",
        "off",
        "on",
        "one",
        "ones",
        "only",
        "or",
        "order",
        "our",
        "out",
        "per",
        "please",
        "program",
        "programme",
        "project",
        "projects",
        "r",
        "rank",
        "ranked",
        "ranking",
        "roadmap",
        "run",
        "running",
        "should",
        "show",
        "shown",
        "so",
        "some",
        "sorted",
        "such",
        "tell",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "us",
        "want",
        "was",
        "we",
        "were",
        "what",
        "what's",
        "whats",
        "which",
        "who",
        "whom",
        "whose",
        "will",
        "with",
        "within",
        "would",
        "year",
        "years",
        "yen",
        "you",
        "your",
    ]
)
# Words that soften or frame a question, never a condition.
EN_STOP |= frozenset(
    {
        "exactly",
        "roughly",
        "approximately",
        "approx",
        "details",
        "detail",
        "info",
        "information",
        "overall",
        "full",
        "say",
        "says",
        "said",
        "need",
        "like",
        "exact",
        "currently",
        "really",
    }
)


def detect_language(text: str) -> Lang:
    """English when the text has English words and no kana; Japanese otherwise."""
    if re.search(r"[\u3040-\u309f]", text):
        return "ja"
    english = re.findall(r"[A-Za-z]{2,}", text)
    acronyms = {"no", "fy", "phr", "dx", "ict", "web", "ai", "uav", "icu", "maas", "kintone"}
    if any(w.lower() not in acronyms for w in english):
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
    if not norm or not re.search(r"[\w\u3040-\u30ff\u4e00-\u9fff]", norm):
        query.operation = "empty"
        return query
    if re.fullmatch(
        r"help|ヘルプ|使い方|へるぷ|何ができる\??|what can you do\??|usage|commands?", norm
    ):
        query.operation = "help"
        return query
    t = _Text(_arabic(norm))
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
    _settle(query)
    return query


def _entities(t: _Text, query: Query, vocab: Vocabulary) -> None:
    """Departments, sections, categories, fields and project names, longest mention first."""
    for m in t.find(vocab.pattern()) if vocab.terms else []:
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
            query.filters.append(Filter(term.kind, "eq", term.value))
        t.take(m.start(), end)
    _typo_entities(t, query, vocab)


def _typo_entities(t: _Text, query: Query, vocab: Vocabulary) -> None:
    """A department or section with a typo (健康医療福祈部): rapidfuzz, only for such words."""
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
        code = year_code(f"R{m.group(1) or m.group(2)}" if not m.group(3) else f"{m.group(3)}年度")
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
    for m in t.find(NEWLY):
        query.filters.append(Filter("start", "eq", "@0"))  # started in the edition's own year
        t.take(m.start(), m.end())
    span = re.compile(
        rf"({YEAR})\s*(?:から|~|-|〜|to|through|until)\s*({YEAR})(?:まで)?|between\s*({YEAR})\s*and\s*({YEAR})"
    )
    for m in t.find(span):
        a, b = year_code(m.group(1) or m.group(3)), year_code(m.group(2) or m.group(4))
        if not (a and b):
            continue
        ends = _near(text, m.start(), m.end(), END_WORDS)
        starts = _near(text, m.start(), m.end(), START_WORDS)
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
        if ends and starts:  # the nearer word decides
            kind = "end" if ends.start() < starts.start() else "start"
        else:
            kind = "end" if ends else "start"
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
        for w in re.finditer(
            rf"(?:{END_WORDS}|{START_WORDS}|より前|以前|までに|より後|以降|before|after|since|or later|or earlier)",
            text,
        ):
            if abs(w.start() - m.end()) <= 10 or abs(m.start() - w.end()) <= 16:
                t.take(w.start(), w.end())


def _flags(t: _Text, query: Query) -> None:
    """重点枠事業だった事業 (a filter on the R6 flags) unless a project is named (its flags)."""
    if query.names_project:
        return
    for kind, pattern in FLAG_PATTERNS:
        for m in t.find(re.compile(pattern)):
            if re.search(
                r"flags?|は\?|は$|かどうか|ですか", t.text[m.end() : m.end() + 8]
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
    for slot, value, pattern in _COMPILED:
        for m in t.find(pattern):
            number = next((g for g in m.groups() if g), None) if m.groups() else None
            if slot == "compare" and not query.comparison:
                query.comparison = value
                ops.append("compare")
            elif slot == "group":
                query.group_by = query.group_by or value
                ops.append("group")
            elif slot in ("nth", "top"):
                n = ENGLISH_ORDINALS.get(number or "") or int(number or 1)
                query.n = n
                query.smallest = slot == "nth" and value == "min"
                ops.append("nth" if slot == "nth" else "top" if value == "max" else "bottom")
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
            break
    if query.operation == "group" and ("sum" in ops or "count" in ops):
        query.fields.append("budget" if "sum" in ops else "count")


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
        words = re.findall(r"[\u30a0-\u30ff\u4e00-\u9fffa-z0-9ー]{2,}", re.sub(r"'s\b", "", chunk))
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
    terms = re.findall(
        r"[\u30a0-\u30ff\u4e00-\u9fffa-z0-9ー]{2,}", translate_english(" ".join(content))
    )
    query.search_terms = [w for w in terms if w not in EN_STOP][:6]


def _settle(query: Query) -> None:
    """The operation when no word chose one: a fact about a project, else a list."""
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
    if (
        query.operation == "compare"
        and has_filters
        and not query.names_project
        and query.subject is None
    ):
        query.operation = "list"  # 「R6とR7の比較」 over a filtered set: the list of that set
