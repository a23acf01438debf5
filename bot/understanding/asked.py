"""What kind of value a question asks for (#24): a date or span, a time of day or week, a
place, a count with its counter, an amount, an organisation — and a total over several, and
the years of a plan (R8以降, beyond R8, still in R10).

The question words stay where they are (the operation and field readers use them too); this
reader only says what the answer must be: 「何病院に補助した」 wants a count of 病院, 「どこの市」
a place, 「いつからいつまで」 a span.
"""

from __future__ import annotations

import re

from bot.understanding.lexicon import HOW_MUCH, YEAR
from bot.understanding.query import Query
from bot.understanding.reading import Text

# Counters a count is printed with, by the word a question uses (何か所 → か所, カ所…).
COUNTER_FAMILIES: dict[str, tuple[str, ...]] = {
    "件": ("件",),
    "人": ("人", "名"),
    "名": ("人", "名"),
    "回": ("回",),
    "校": ("校",),
    "か所": ("か所", "カ所", "ヶ所", "箇所", "会場"),
    "会場": ("会場", "か所", "カ所", "ヶ所", "箇所"),
    "病院": ("病院",),
    "施設": ("施設",),
    "地域": ("地域",),
    "台": ("台",),
    "薬局": ("薬局",),
    "市町村": ("市町村",),
    "年": ("年", "年間"),
    "日": ("日", "日間"),
    "社": ("社",),
    "団体": ("団体",),
    "機関": ("機関", "件"),
    "者": ("人", "名"),  # 修了者数はどのくらい
}
_COUNTED = r"件|人|名|回|校|か所|カ所|ヶ所|箇所|会場|病院|施設|地域|台|薬局|市町村|社|団体|機関"
_JA_COUNT = re.compile(
    rf"何\s*({_COUNTED}|年(?!度)|日(?!に))"
    # 市町村ってどれくらい / 参加者数はどのくらい: the thing counted, said before how much.
    rf"|(者)数|({_COUNTED}|者)(?:数)?(?:って|は|が|の数は)?{HOW_MUCH}"
)
# "how many X": the counters X is printed with.
_EN_COUNTERS = [
    (r"people|persons|participants?|students|visitors|attendees|staff|officials|graduates", "人"),
    (r"sessions|times|meetings|seminars|workshops|rounds", "回"),
    (r"schools", "校"),
    (r"venues|places|locations|sites", "会場"),
    (r"hospitals", "病院"),
    (r"municipalities|cities|towns", "市町村"),
    (r"medical institutions|institutions|organi[sz]ations", "機関"),
    (r"facilities", "施設"),
    (r"pharmacies", "薬局"),
    (r"regions|areas|districts", "地域"),
    (r"units|devices|terminals|machines", "台"),
    (r"cases|applications|grants|subsidies|projects", "件"),
    (r"years", "年"),
    (r"days", "日"),
]
_EN_HOW_MANY = re.compile(
    r"(?<![a-z])(?:how many|number of|(?:get|got|receive[ds]?|have|had|were there|was there) any)"
    r"\s+((?:[a-z\-]+\s+){0,3}[a-z\-]+)"
)
_ANY_JA = r"(?:申請|応募|交付|問い?合わせ|相談|参加者?|利用者?|受講者?)(?:は|が)?(?:あった|ありました|ある|あります|来た)"
_EN_COUNTED_END = re.compile(
    r"(?<![a-z])(?:for|of|in|at|on|to|by|from|with|were|was|are|is|did|do|does|have|has|had"
    r"|held|got|get)(?![a-z])"
)
_COUNT = re.compile(
    r"いくつ(?!か)|幾つ(?!か)|(?<![a-z])(?:how many|number of|how often)(?![a-z])|の数(?:は|を)?"
    # 申請はありましたか / any applications: whether there were any is answered by how many.
    rf"|{_ANY_JA}"
)
_SPAN = re.compile(
    r"いつからいつまで|何月から何月|期間|(?<![a-z])(?:from when to when|how long|what period|between when)(?![a-z])"
)
_DATE = re.compile(
    r"いつ|何月|何日|何年度|どの年度|(?<![a-z])(?:when|what date|which dates?|what month|which month|which days?|what day|what year)(?![a-z])"
)
_TIME = re.compile(
    r"時間帯|曜日|何時|(?<![a-z])(?:what time|which hours|which days of the week)(?![a-z])"
)
_PLACE = re.compile(
    r"どこ(?!の課|の部|が担当|が所管)|どの(?:市|町|村|地域|会場|場所|保健所|学校)|会場|場所"
    r"|(?<![a-z])(?:where|which (?:city|town|place|venue|site|prefecture|hospital|school))(?![a-z])"
)
_ORGANISATION = re.compile(
    r"委託先|受託者|委託した相手|どこの(?:病院|団体|会社|企業|機関|大学)|どの(?:病院|団体|会社|企業|機関|大学)"
    r"|(?<![a-z])(?:which (?:organi[sz]ation|company|body|firm|contractor|university)|company name|contractor)(?![a-z])"
)
_AMOUNT = re.compile(
    r"いくら|金額|交付決定額|補助額|(?<![a-z])(?:how much|what amount|amount of)(?![a-z])"
)
# A rate printed in the text (補助率 最大4分の3, 利用率50%): 比率, 効率, 確率 are other words.
RATE_WORD = re.compile(
    r"[\u4e00-\u9fff]{1,3}(?<![比倍効確能])率(?!的|化)|割合|何割|何分の|"
    # 最大どのくらいまで補助: how much of the cost is paid, the rate printed.
    r"(?:どの|どれ)(?:くらい|ぐらい|程度)\s*(?:まで)?\s*(?:補助|助成)|"
    r"(?<![a-z])(?:subsidy|grant|aid|usage|adoption|uptake|participation|coverage|co-?payment)"
    r" rates?(?![a-z])"
)
_TOTAL = re.compile(
    r"合算|合計|合わせて|足すと|全部で|総数|(?<![a-z])(?:in total|total|altogether|combined|sum(?: of)?)(?![a-z])"
)
# A year range of a plan: R8以降 / beyond R8 / after R8 / from R9 on.
_AFTER = re.compile(
    rf"(?P<y1>{YEAR})\s*(?:年度)?\s*(?:以降|以後|より後|から先|から後|onwards?|and later|or later)"
    rf"|(?<![a-z])(?:beyond|after|later than)\s+(?:the\s+)?(?P<y2>{YEAR})"
)
# Words that only frame a plan or result question: 「R10も」「still planned」「取組ごとに全部」.
_PLAN_FRAMING = re.compile(
    r"(?<![a-z])(?:still|also|too|yet|anymore|any more)(?![a-z])|取組(?:ごと|別|毎)に?|取組|全部|もう|まだ"
)


def read_asked(t: Text, query: Query) -> None:
    """The kind of value asked for, its counters, and whether a total over them is asked."""
    text = t.text
    counters: list[str] = []
    for m in _JA_COUNT.finditer(text):
        said = next(g for g in m.groups() if g)
        counters += [c for c in COUNTER_FAMILIES[said] if c not in counters]
    for m in _EN_HOW_MANY.finditer(text):
        # The thing counted ends where its words do: "sessions for staff" counts sessions.
        counted = _EN_COUNTED_END.split(m.group(1))[0]
        for pattern, counter in _EN_COUNTERS:
            if re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", counted):
                counters += [c for c in COUNTER_FAMILIES[counter] if c not in counters]
                break
    query.counters = counters
    if re.search(r"年何回|how often", text) and "回" not in counters:
        counters.append("回")
    kinds = []
    if counters or _COUNT.search(text):
        kinds.append("count")
    if _SPAN.search(text):
        kinds.append("span")
    if _DATE.search(text):
        kinds.append("date")
    if _TIME.search(text):
        kinds.append("time")
    if _ORGANISATION.search(text):
        kinds.append("organisation")
    if _PLACE.search(text):
        kinds.append("place")
    if _AMOUNT.search(text) and "count" not in kinds:
        kinds.append("amount")
    if RATE_WORD.search(text):
        kinds = ["rate"]  # 補助率は最大いくつ: the rate is the value asked, not a count
    query.asks = kinds
    query.total = bool(_TOTAL.search(text)) and bool({"count", "amount"} & set(kinds))


def read_plan_years(t: Text, query: Query) -> None:
    """For a plan or result question: R8以降 / beyond R8 (the years after R8), and the words
    that only frame such a question (still, also, 取組ごとに)."""
    from bot.understanding.years import year_code

    if not {"plan", "actual"} & set(query.fields):
        return
    for m in t.find(_AFTER):
        code = year_code(m.group("y1") or m.group("y2"))
        if code and query.year is None:
            query.year, query.year_op = (
                code,
                "gt" if m.group("y2") or "より後" in m.group(0) else "ge",
            )
            if re.search(r"から先|から後", m.group(0)):
                query.year_op = "ge"
            t.take(m.start(), m.end())
    # 「R10も」「R6にも」: is the year also planned — answered with the years that are.
    if re.search(rf"(?:{YEAR})\s*(?:年度)?\s*(?:に|で|は)?\s*も", t.text):
        query.also = True
    for m in t.find(_PLAN_FRAMING):
        query.also = query.also or bool(re.match(r"still|also|too", m.group(0)))
        t.take(m.start(), m.end())
