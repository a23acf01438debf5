"""The words questions are read with: operation and field patterns, years, amounts, editions,
flags, and the filler that is never a condition. Tables only, plus kanji numerals."""

from __future__ import annotations

import re

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


EN_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_EN_NUMBER = re.compile(
    r"(?<![a-z])(?:(top|bottom|the|first|last) (one|two|three|four|five|six|seven|eight|nine|ten)"
    r"|(one|two|three|four|five|six|seven|eight|nine|ten)(?= (?:largest|biggest|highest|smallest|"
    r"lowest|cheapest|most|least|projects)))(?![a-z])"
)


# A project's number in English words: project fifty-four, No. twenty one, number 7.
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_EN_TENS |= {"eighty": 80, "ninety": 90}
_EN_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_EN_TEENS |= {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_EN_PROJECT_NUMBER = re.compile(
    rf"(?<![a-z])(projects?|no\.?|number|#)\s*(?:({'|'.join(_EN_TENS)})(?:[\s-]({_EN_UNITS}))?"
    rf"|({'|'.join(_EN_TEENS)}|ten|{_EN_UNITS}))(?![a-z])"
)


def _english_project_number(m: re.Match) -> str:
    if m.group(2):
        value = _EN_TENS[m.group(2)] + (EN_NUMBERS[m.group(3)] if m.group(3) else 0)
    else:
        value = _EN_TEENS.get(m.group(4)) or EN_NUMBERS[m.group(4)]
    return f"{m.group(1)} {value}"


def _english_number(m: re.Match) -> str:
    word = m.group(2) or m.group(3)
    head = f"{m.group(1)} " if m.group(1) else ""
    return f"{head}{EN_NUMBERS[word]}"


# 百万円単位で, 千万円で: a unit the answer is asked in stays a word (the 何 before 千円 too).
_KANJI_AMOUNT = re.compile(
    r"(?<![\d,.何])([一二三四五六七八九十百千]+)(億|万)(?!円\s*(?:で|単位|換算|に直して|表示))"
)


def kanji_amount(text: str) -> int | None:
    """二千五百 → 2500, 百 → 100, 一千 → 1000 (the part before 万 or 億)."""
    total, digit = 0, None
    for c in text:
        if c in KANJI_DIGITS:
            digit = KANJI_DIGITS[c]
        elif c in "十百千":
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


def arabic_numerals(text: str) -> str:
    """Kanji numerals where they are numbers (令和八年度, 上位五, 二番目), not in 一番 or names."""
    for pattern in _KANJI_CONTEXTS:
        text = pattern.sub(lambda m: m.group(1) + str(kanji_number(m.group(2)) or m.group(2)), text)
    text = _EN_PROJECT_NUMBER.sub(_english_project_number, text)
    text = _EN_NUMBER.sub(_english_number, text)
    # 一億円, 五千万円, 百万円: amounts in kanji numerals.
    text = _KANJI_AMOUNT.sub(
        lambda m: f"{kanji_amount(m.group(1)) or m.group(1)}{m.group(2)}", text
    )
    return re.sub(r"令和元年", "令和1年", text)


ENGLISH_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3}
# #13: cost words — お金がかかる is a large budget, かかってない a small one (never a list).
LARGE = (
    r"大きかった|多かった|高かった|大きい|多い|高い|デカい|でかい|でっかい|高額|高価|お金がかかる|お金がかかっている"
    r"|お金がかかってる|お金がかかった|かかっている|かかってる|かかる|かかった|費用がかさむ"
    r"|使っている|使ってる|使った|使う|高予算|大規模|予算規模が大きい"
    r"|large|big|high|expensive|most|costliest"
)
SMALL = (
    r"小さかった|少なかった|低かった|安かった|小さい|少ない|低い|安い|ちっちゃい|小っちゃい|少額|安価"
    r"|お金がかからない|お金がかかってない|お金がかかっていない|お金がかからなかった"
    r"|かからない|かかってない|かかっていない|かからなかった"
    r"|使っていない|使ってない|使わない|低予算|小規模|予算規模が小さい"
    r"|small|low|cheap|least"
)
# #13: a ranking word; when no max/min/top was read from it, the measure was not understood.
SUPERLATIVE = re.compile(
    r"一番|いちばん|最も|もっとも|トップ|最下位|ワースト|ベスト|(?<![a-z])(?:most|least|top|best|worst)(?![a-z])"
)
# #13: two years with one of these near are two editions compared, not a start–end range.
CHANGE_WORDS = (
    r"増え|増加|増額|減っ|減少|減額|変わ|変化|変更|伸び|比べ|比較|増減|差|違い|推移"
    r"|(?<![a-z])(?:chang\w*|increas\w*|decreas\w*|gr[eo]w\w*|rose|rise|fell|differ\w*|compar\w*|vs"
    r"|cuts?|raised|went (?:up|down)|up or down|higher|lower|drop(?:s|ped)?|trends?)(?![a-z])"
)
RELATIVE = {
    "一昨年度": -2,  # #23: 一昨年度と昨年度の予算 are two fiscal years (two editions' budgets)
    "一昨年": -2,
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
# 3年前, 2年後, two years ago, in 3 years: a year counted from today's fiscal year.
YEARS_AWAY = (
    r"\d{1,2}\s*年度?(?:前|後|先)(?!半)|(?<![a-z])(?:\d{1,2}|one|two|three|four|five) years? "
    r"(?:ago|from now|later|before)(?![a-z])|(?<![a-z])in (?:\d{1,2}|one|two|three|four|five) years"
    r"(?![a-z])"
)
YEAR = (
    "(?:"
    + YEARS_AWAY
    + r"|一昨年度|一昨年|再来年度|来年度|今年度|本年度|昨年度|前年度|今年|来年|昨年|去年|(?:this|next|last) (?:fiscal )?year|fiscal (?:year )?\d{4}|令和\s*\d{1,2}\s*年度?|平成\s*\d{1,2}\s*年度?|(?<![a-z0-9])[rh]\s?\d{1,2}(?!\d)(?:\s*年度)?|fy\s?\d{4}|\d{4}\s*年度)"
)
# Only the English words need word boundaries: 「R8に終わるhow many」 still ends in R8.
END_WORDS = (
    r"(?:終わる|終わった|終わって|終わっちゃ|終わん|終わり|終わります|終わらない|終わらず|終了|終期|終える|終えた|満了|完了"
    r"|(?<![a-z])(?:end(?:s|ing|ed)?|finish(?:es|ing|ed)?|conclud\w*|wrap(?:s|ping|ped)? up|wind(?:s|ing)? up|complet\w*|due to end|slated to end)(?![a-z]))"
)
START_WORDS = (
    r"(?:始まる|始まった|始まって|始まり|始めた|始めて|(?<!運用|供用|利用|運転|稼働)(?<!operation)(?<!operations)開始|始期|スタート|着手|新規"
    r"|(?<![a-z])(?:start(?:s|ing|ed)?(?! of (?:op|use|serv|trial|full))|begin(?:s|ning)?|began|begun|launch(?:ed)?(?! of (?:op|use|serv|trial|full|the system))|kick(?:s|ed)? off|got started)(?![a-z]))"
)

# How many, said after the thing counted (市町村ってどれくらい, 修了者数はどのくらい): the noun
# stays a word of the question; a count is asked. One pattern for every reader of it.
HOW_MUCH = r"(?:どれ|どの)(?:くらい|ぐらい|だけ)"
HOW_MANY_AFTER = rf"(?<=[件人名回校所場院設域台局村社体関者数])(?:数)?(?:って|は|が)?{HOW_MUCH}"

# 1位と2位, 1位、2位、3位: the first places listed one by one, each next to the last (1位と3位
# is no "first three").
_FIRST_PLACES = "|".join(
    r"(?<![\d下])1\s*位"
    + "".join(rf"\s*(?:と|、|,)\s*{k}\s*位" for k in range(2, n))
    + rf"\s*(?:と|、|,)\s*({n})\s*位(?!\s*\d)"
    for n in range(5, 1, -1)
)
PATTERNS: list[tuple[str, str, str]] = [
    # (slot, value, pattern): operations and fields, each consumed where found.
    # Words that combine several targets (two projects, two groups): their difference, ratio,
    # which one is larger, each one side by side, in order; read before the edition words.
    (
        "agg",
        "diff",
        r"(?:の)?差額|差は|差が|差を|の差|差って|いくら違う|どれだけ違う|どのくらい違う|どれくらい違う|開き"
        r"|(?:減少|増加|減額|増額|増減)(?:額|幅|分|率)|(?:減っ|増え)た(?:額|分|金額)"
        r"|difference|how much (?:more|less|bigger|smaller)|gap between|the gap",
    ),
    (
        "agg",
        "ratio",
        r"何倍|倍|割合|比率|占める|シェア|何%|何パーセント|何割|(?<=の)比(?=[はがをってで?？]|$)"
        r"|ratio|is how many times|how many times (?=bigger|larger|more|greater|as |higher|smaller|the )"
        r"|times (?:as|bigger|larger|more)|percent(?:age)?|share of",
    ),
    (
        "agg",
        "verdict",
        r"どっち(?!も|とも)|どちら(?!も|とも)"
        r"|which (?:one )?(?:is|has|got|gets|was|had|spends?|costs?)?\s*(?:the )?"
        r"(?:more|bigger|larger|higher|greater|smaller|less|fewer|lower|earlier|later)(?= |$|\?)"
        r"|which (?:one )?(?:started|starts|ends|ended|began) (?:first|earlier|later|last)"
        r"|is (?:no\.?\s*\d+ )?(?:bigger|larger|more|smaller)"
        r"|(?<![a-z])(?:bigger|larger|smaller|cheaper|pricier)(?![a-z])",
    ),
    (
        "agg",
        "each",
        r"それぞれ|各々|ずつ|各(?:課|部局|部|項目|分野)|(?<![a-z])each(?![a-z])|respectively|side by side|並べ(?:て|た)?|一緒に",
    ),
    (
        "agg",
        "sorted",
        r"(?:多い|大きい|高い|少ない|小さい|安い)順(?![にで]?\s*\d)(?:に|で)?|順番に|in (?:that )?order|sorted|ranked"
        # Rank / sort / order them by budget, biggest first: every one, in order (not the top).
        r"|(?<![a-z])(?:rank|sort|order|arrange|list)(?![a-z])(?=[^.?!]{0,80}? by (?:the |their |its )?"
        r"(?:(?:fy|r)\s?\d+ |\d{4} )?(?:budgets?|costs?|size|amounts?|spending|money))"
        r"|(?:biggest|largest|highest|most|smallest|lowest|least|cheapest|fewest) (?:one )?first"
        r"|(?:from|high|big) (?:the )?(?:largest|biggest|highest) to (?:the )?(?:smallest|lowest)"
        r"|in (?:descending|ascending|decreasing|increasing) order|descending|ascending"
        r"|ランキング(?!\s*(?:上位|下位|トップ|ワースト|\d))",
    ),
    (
        "having",
        "eq1",
        r"(?:1|一)(?:本|件|つ|事業)(?:しか|のみ|だけ)(?:ない|持って(?:い)?ない)?|(?:1|一)(?:本|件|つ)だけ"
        r"|only (?:one|1) project|just (?:one|1) project|a single project",
    ),
    (
        # R7開始の事業が1つもない項目 / departments with no 重点枠 projects: groups with none.
        "having",
        "none",
        r"(?:1|一|ひと)(?:つ|件|本|個)も(?:ない|無い|なかった|無かった|ありません|ありませんでした|なし)"
        # (what follows may be read already: have no [priority-slot] projects)
        r"|(?<![a-z])(?:have|has|had) no(?![a-z])"
        r"|(?<![a-z])with no\b[^.?!,]{0,40}?projects?|without any\b[^.?!,]{0,40}?projects?",
    ),
    (
        "having",
        "ge2",
        r"複数(?:の事業)?|(?:2|二)(?:本|件|つ)以上|more than one(?: project)?|several projects|multiple projects",
    ),
    (
        "compare",
        "renamed",
        r"名称(?:が|を)?(?:変更(?:された|した)?|変わった|変わる)|名前(?:が)?変わ(?:った|る)|改称|renamed|name changed|changed (?:its |their )?names?",
    ),
    (
        "compare",
        "predecessor",
        r"(?:から|より)引き継(?:い|ぎ|ぐ|が)|前身|旧事業|前の事業|以前の事業|元の事業|predecessor|previous project|formerly|used to be",
    ),
    (
        "compare",
        "successor",
        r"後継|後の事業|引き継|successor|replaced by|continued as"
        r"|carr(?:y|ies|ied) (?:it |them )?on|continues? it|took (?:it )?over|takes (?:it )?over",
    ),
    (
        "compare",
        "dropped",
        r"r\d+(?:版)?(?:に|で)?(?:は)?(?:ない|無い|なくなった|載っていない|消えた)|なくなった|廃止|消えた|対応(?:する|が)?(?:事業が)?ない|no counterpart|dropped|discontinued|not in (?:the )?(?:r\d+|new)|no longer",
    ),
    (
        "compare",
        "increased",
        r"(?:予算|事業費)が(?:増えた|増加した|増額された|上がった|増えている)|増額(?:された)?|"
        r"(?:増えた|増加した|伸びた)(?=\s*\d{0,2}\s*(?:事業|project))|"
        r"budgets? (?:increased|went up|grew|rose)|increased (?:its |their )?budgets?|budget increases?",
    ),
    (
        "compare",
        "decreased",
        r"(?:予算|事業費)が(?:減った|減少した|減額された|下がった|減っている)|減額(?:された)?|"
        r"(?:減った|減少した)(?=\s*\d{0,2}\s*(?:事業|project))|"
        r"budgets? (?:decreased|went down|fell|shrank|drop(?:ped)?|go down|(?:was|were) cut)|decreased (?:its |their )?budgets?|budget cuts?",
    ),
    (
        "compare",
        "changes",
        r"何が変わった|何が変わる|どう変わった|どれだけ変わった|どのくらい変わった|変わった|変化した"
        r"|変わりました|変わってる|変わっている|変わってます|変わっています|変化しました|変更された|変更されました"
        r"|入れ替わ(?:った|り|る)|入れ替え"
        r"|変更点|違い|差分|what changed|changed?|changes|difference|diff"
        r"|(?:go|goes|went|gone|going) up or down|up or down|increase or decrease|(?:rise|rose) or fall",
    ),
    (
        "compare",
        "budget",
        r"比較|比べ(?:て|ると|たら)?|増減|前年比|vs\.?|versus|compare[ds]?|増えた|減った|change in budget",
    ),
    (
        "group",
        "department",
        r"(?:担当)?部局(?:別|ごと|毎)|部(?:ごと|別|毎)|by department|per department|each department"
        r"|which departments?(?= has| have| spends| gets| got| is)(?: has the (?:most|fewest|least|more|fewer) projects)?"
        r"|(?:一番|最も|いちばん)(?:多くの|少ない)事業を(?:持って(?:い)?(?:た|る)|担当して(?:い)?(?:た|る))部局"
        r"|(?:一番|最も|いちばん).{0,6}?(?:大きい|小さい|高い|低い)(?:部局|部)(?![a-z\u4e00-\u9fff])|何部局"
        r"|どの部局が|どの部が|(?:一番|最も|いちばん)?(?:事業が)?(?:一番|最も|いちばん)?(?:多い|少ない)部局",
    ),
    (
        "group",
        "section",
        r"(?:担当)?課(?:・室)?(?:別|ごと|毎)|(?:課|室)(?:・|や)(?:課|室)(?:別|ごと|毎)|by section|per section|each section"
        # which section runs the most projects — not "which section runs the PHR project" (its owner)
        r"|which sections?(?:\s*[（(]課[）)])?(?= has| have| run| runs)(?! runs? (?:the|this|that|no\.?\s*\d)(?! most| fewest| least| more))"
        r"(?: has the (?:most|fewest|least|more|fewer) projects)?"
        r"|(?:一番|最も|いちばん).{0,6}?(?:大きい|小さい|高い|低い)(?:課|担当課)|何課"
        r"|(?:課|担当課)(?:（室）|\(室\)|・室)?を(?:全部|すべて|一覧で?|全て)"
        r"|(?:一番|最も|いちばん)?(?:事業が)?(?:一番|最も|いちばん)?(?:多い|少ない)課",
    ),
    (
        "group",
        "category",
        r"(?:項目|分類|分野|カテゴリー?)(?:別|ごと|毎)|by (?:category|field)|per (?:category|field)|each (?:category|field)"
        r"|which (?:項目|category|categor(?:y|ies)|fields?)(?:\s*[(（](?:項目|category|分野|field)[)）])?(?: gets| got| receives| received)?(?= has| have| spends| gets| is| got| the| most| more)|どの(?:項目|category|カテゴリー?|分野)(?:（項目）|\(項目\))?が"
        r"|(?:一番|最も|いちばん)?(?:事業が|事業数が|project数が|事業の数が)?(?:一番|最も|いちばん)?(?:多い|少ない|少なかった|多かった)(?:項目|分野|カテゴリー?)"
        r"|(?:一番|最も|いちばん).{0,6}?(?:大きい|小さい|大きかった|小さかった|高い|低い)(?:項目|分野|カテゴリー?|category)"
        r"|(?:項目|カテゴリー?|分野)(?:[（(](?:項目|カテゴリー?|分野)[）)])?(?:は|が|って)?\s*何種類|何種類|how many (?:categories|kinds)",
    ),
    (
        # 一番多いのと2番目(に多いの) / the biggest and the second biggest: the first two places
        # (read before the N-th alone, which would answer the second only).
        "top",
        "max",
        rf"(?:一番|いちばん|最も|もっとも|1\s*番目?)[^、。？?]{{0,12}}?(?:{LARGE})(?:い)?(?:の|もの|事業|やつ)?(?:は|が)?"
        rf"\s*(?:と|、|,)\s*(2)\s*(?:番目|位)(?:に(?:{LARGE})(?:い)?)?"
        rf"|(?:largest|biggest|highest)(?: one)?,? and (?:the )?(second|2nd) (?:largest|biggest|highest)",
    ),
    (
        "top",
        "min",
        rf"(?:一番|いちばん|最も|もっとも|1\s*番目?)[^、。？?]{{0,12}}?(?:{SMALL})(?:い)?(?:の|もの|事業|やつ)?(?:は|が)?"
        rf"\s*(?:と|、|,)\s*(2)\s*(?:番目|位)(?:に(?:{SMALL})(?:い)?)?"
        rf"|(?:smallest|lowest|cheapest)(?: one)?,? and (?:the )?(second|2nd) (?:smallest|lowest|cheapest)",
    ),
    (
        "nth",
        "max",
        rf"(?:上|大きい方|多い方)から\s*(\d{{1,2}})\s*番目(?:に(?:予算が|事業費が)?(?:{LARGE}))?"
        rf"|(\d{{1,2}})\s*番目に(?:予算が|事業費が)?(?:{LARGE})|(\d{{1,2}})(?:st|nd|rd|th)[- ](?:largest|biggest|highest|most expensive)|(second|third|fourth|fifth) (?:largest|biggest|highest|most expensive)"
        # 2位は / 3位の事業: a place in the ranking (not 下位, 最下位, 2位以下).
        rf"|(?<![\d下と〜~、,-])(?<!から)(?<!と )([2-9]|1\d)\s*位(?!\s*(?:以|まで|と|から|〜|~))",
    ),
    (
        "nth",
        "min",
        rf"(?:下|後ろ|少ない方|小さい方)から\s*(\d{{1,2}})\s*番目(?:に(?:予算が|事業費が)?(?:{SMALL}))?"
        rf"|(\d{{1,2}})\s*番目に(?:予算が|事業費が)?(?:{SMALL})|(\d{{1,2}})(?:st|nd|rd|th)[- ](?:smallest|lowest|cheapest)|(second|third|fourth|fifth) (?:smallest|lowest|cheapest)",
    ),
    (
        "top",
        "max",
        rf"(?:上位|トップ|ベスト|top|largest|biggest|highest)\s*(\d{{1,2}})|(\d{{1,2}})\s*(?:largest|biggest|highest|most expensive)|(?:{LARGE})(?:い)?順に?\s*(\d{{1,2}})"
        rf"|(?:多い|大きい|高い)(?:方|ほう)から\s*(\d{{1,2}})\s*(?:つ|件|個|本)?"
        rf"|(?:{LARGE})(?:い)?順に?\s*(?:上から|トップ)\s*(\d{{1,2}})\s*(?:つ|件|個|本|位)?"
        rf"|上から\s*(\d{{1,2}})\s*(?:つ|件|個|本|位)"
        # 1位と2位, 1位から3位, 1〜3位: the first N places of the ranking.
        rf"|(?<![\d下])1\s*位?\s*(?:から|〜|~|-|–)\s*(\d{{1,2}})\s*位|{_FIRST_PLACES}"
        rf"|(\d{{1,2}}) (?:biggest|largest)[^,.?]{{0,40}}?(?:largest|biggest) first"
        # which 3 projects have the largest budgets
        rf"|(?<![a-z\d])(\d{{1,2}}) projects? (?:have|has|with|got|get) the (?:largest|biggest|highest)",
    ),
    (
        "top",
        "min",
        rf"(?:下位|ワースト|bottom|smallest|lowest|cheapest)\s*(\d{{1,2}})|(\d{{1,2}})\s*(?:smallest|lowest|cheapest)|(?:{SMALL})(?:い)?順に?\s*(\d{{1,2}})"
        rf"|(?:少ない|小さい|低い|安い)(?:方|ほう)から\s*(\d{{1,2}})\s*(?:つ|件|個|本)?"
        rf"|(?<![a-z\d])(\d{{1,2}}) projects? (?:have|has|with|got|get) the (?:smallest|lowest|cheapest)",
    ),
    (
        "op",
        "max",
        rf"(?:一番|最も|もっとも|いちばん).{{0,8}}?(?:{LARGE})|最大(?!\s*(?:どの|どれ|いくらまで|何割|何分の))|最高|最多|largest|biggest|highest|most expensive|maximum|costliest|costs? the most"
        # 予算トップ, budgetトップ, 事業費1位: the first of the ranking by budget (トップ5 is five).
        rf"|(?:予算|事業費|budget)\s*(?:が|の|で)?\s*(?:トップ|ナンバーワン|1位|一位|首位)(?!\s*\d)"
        rf"|(?:トップ|1位|一位|首位)(?:の|は|が)?(?:予算|事業費)",
    ),
    (
        "op",
        "min",
        rf"(?:一番|最も|もっとも|いちばん).{{0,8}}?(?:{SMALL})|最小|最低|最少|最下位|smallest|lowest|cheapest|minimum|least expensive|costs? the least"
        rf"|(?:予算|事業費|budget)\s*(?:が|の|で)?\s*(?:ワースト|ビリ)(?!\s*\d)",
    ),
    (
        "op",
        "sum",
        r"合計額|合計|総額|総計|合算|トータル|合わせて|合わせると|合わせたら|合わせた額|合わせた(?=\s*(?:事業費|予算|金額|額))|足す(?:と)?|足して|足したら|足し合わせ"
        r"|全部でいくら|total|sum|altogether|combined|add(?:ed)? up|added together",
    ),
    ("op", "avg", r"平均|average|mean"),
    # The length of the period ranked (事業期間が一番長い: end − start), before the years.
    (
        "duration",
        "longest",
        r"(?:事業)?期間が(?:一番|最も|もっとも|いちばん)長い|(?:事業)?期間が最長|最も長期の"
        r"|longest (?:duration|period|project period|time span)|runs? for the longest",
    ),
    (
        "duration",
        "shortest",
        r"(?:事業)?期間が(?:一番|最も|もっとも|いちばん)短い|(?:事業)?期間が最短"
        r"|shortest (?:duration|period|project period|time span)|runs? for the shortest",
    ),
    # Years ranked: which started first, which runs the longest.
    (
        "year_rank",
        "earliest",
        r"(?:一番|最も|もっとも|いちばん)(?:古い|昔|早い|早く|先に|古くから|昔から)|最も早い|最古|earliest|oldest|first to start|longest[- ]running",
    ),
    (
        "year_rank",
        "latest",
        r"(?:一番|最も|もっとも|いちばん)(?:新しい|遅い|遅く|最後|長く続く|長く)|最も遅い|latest|newest|most recent(?:ly started)?|last to (?:start|end)|runs? the longest",
    ),
    (
        # 何年間続く / how many (fiscal) years does it run: a project's length, not a count.
        "field",
        "duration",
        r"何年間|何年度間|何か年|何ヵ年|何カ年|何年続|(?:how many|number of) (?:fiscal )?years(?= does| will| did| is| in| of| it| the|\?|$)"
        r"|counting (?:both )?(?:the )?start and (?:the )?end(?: years?)?|(?:始期|開始年度)と終期(?:の)?(?:両方|どちらも)?(?:を)?(?:含めて|数えて)",
    ),
    (
        "op",
        "count",
        r"いくつ|何件|何本|件数|何個|幾つ|何事業|(?:(?<=事業)|(?<=ject)|(?<=jects)|(?<=クト))(?:って|は|が)?\s*(?:どれ|どの)(?:くらい|ぐらい)(?=\s*(?:ある|あり|[?？]|$))|事業数|事業の数|プロジェクト数|projects?\s*数|数は|の数|数を|(?<=[0-9a-z\u4e00-\u9fff])数$"
        r"|how many|number of|count",
    ),
    (
        "op",
        "list",
        r"一覧|リストアップ|listアップ|list up|リスト|どれ(?!くらい|ぐらい|だけ)|どんな事業|どの事業|ありますか|ある\?|list|which projects|what projects|which ones|show (?:me )?(?:all|the)"
        r"|残り|残る|残った|remaining|what'?s left|are left"
        r"|(?:(?:is|are) there (?:a |any )?)?projects? (?:about|on|for|related to|regarding|concerning|involving|mentioning|that mention)",
    ),
    (
        "op",
        "search",
        r"どこで(?!す|し)|どこに(?!な)|何人|何名|何回|何か所|何会場|誰が|where|how many people|which place|(?<!actually )(?<!it )held"
        rf"|{HOW_MANY_AFTER}",
    ),
    (
        "field",
        "budget",
        r"事業費|予算|いくら|(?:何|なん)(?:千|万|百万|億)?円|金額(?:付き|つき|入り|も)?|費用|内訳|budgets?(?:-?wise|ed)?|costs?|costing|how much|how many yen|spend(?:s|ing)?|funding|funded|money|breakdown|broken down|break(?:s)? down",
    ),
    (
        "field",
        "owner",
        r"担当部局|担当課等?|担当|所管|所属(?:の)?(?:部局|部|課)?|どこの課|どの課|どこが|who|owner|owns|responsible|in charge|which department|which section|run by|runs|ran(?= it| this| that| the )|(?<=section )ran|(?<=department )ran|(?<=who )ran|(?:was|were) run by"
        r"|handles?|handling|handled by|looks? after|looking after|manages|managed by|oversees|overseen by"
        r"|(?<=department and which section )own|(?<=section )own|(?<=sections )own|(?<=departments )own"
        r"|dept\.?(?: and | ?\+ ?| ?& ?)sections?|departments? and sections?|(?:dept|department|section|division)s?(?![a-z])"
        r"|部局|部署",
    ),
    (
        "field",
        "start",
        r"(?:何|なん)年度?から|(?:何|なん)年度?に(?:始ま|開始)|いつから|いつ始ま(?:る|った|って|り)|いつ開始|始期|始[起記気]|開始年度|始まった年度|始まりの年度|since when|start (?:year|date|fy)|(?:got|get|gets) started|kick(?:ed)? off|start(?:s|ed)?(?! of (?:op|use|serv|trial|full))|begin(?:s)?|began",
    ),
    (
        "field",
        "end",
        r"(?:何|なん)年度?まで|(?:何|なん)年度?に(?:終わ|終了)|いつまで|いつ終わ(?:る|った|り|って)|いつ終了|終わりは|終わり(?=\s*いつ)|終期|終[起記気]|[集修]期|終了年度|終わる年度|end (?:year|date|fy)|until when|end(?:s|ed)?|finish(?:es)?|wrap(?:s)? up|wind(?:s)? up",
    ),
    ("field", "period", r"期間|いつ|period|when|how long|duration"),
    (
        "field",
        "summary",
        r"概要|何をする|なにをする|どんな|内容|目的|what does|about|summary|describe|purpose",
    ),
    # "as planned" asks what happened against the plan: the actual's words read it.
    (
        "field",
        "plan",
        r"計画|目標|予定|plans?|goals?|targets?|(?<!\bas )planned|schedules?|initiatives?",
    ),
    (
        "field",
        "actual",
        r"主な取組実績|取組実績|実績|成果|達成|進捗|何をした|achiev\w*|results?|actuals(?![a-z])|actual(?![a-z])(?!\s+(?!(?:results?|figures?|numbers?|achievements?|vs|versus|and|for|in|of|was|were|is|so|to)\b)[a-z])|progress|accomplish\w*|done"
        # 目標どおり…できた？ asks what happened against the plan (目標 stays the plan word).
        r"|(?<=目標|予定|計画)(?:どおり|通り)|でき(?:た|ました)(?=ん|の|か|[?？]|$)"
        # R6は実際どうだった / 結局やったんですか: what happened, against what was planned.
        r"|実際(?:は|に|のところ)?(?:どう|何を|何が)|結局(?:どう|やった|実施)"
        # R6に県民集会って実際やったの？: whether it was done, in that year's results.
        r"|実際(?:に)?(?:やった|やりました|行った|行われた|実施(?:した|された|しました)|開催(?:した|された|しました))"
        # 計画でやらなかったのある？: what was not done is told by the results.
        r"|やらなかった|やれなかった|できなかった|実施(?:し|され)なかった|取りやめ|見送(?:った|られた|り)"
        r"|(?:what )?actually happened|what happened|how did it go|how it went"
        r"|(?:was|were) (?:it|they) (?:actually )?(?:held|done|carried out|implemented)|actually (?:held|done|carried out)"
        r"|main (?:results?|achievements?)(?: so far)?|results? so far|(?<=results )to date"
        r"|go (?:as|to) (?:targeted|planned|plan|schedule)|as (?:targeted|planned)|on (?:schedule|track)",
    ),
    (
        "field",
        "flags",
        r"重点枠事業|重点枠|将来対応分|将来対応|じゅうてんわく|juten[- ]?waku"
        r"|priority(?:[- ](?:frames?|slots?))?(?: flags?)?|future response|flags?",
    ),
    (
        "field",
        "name",
        r"(?:何|なん)て(?:いう)?名前?|何という名前?|事業名|正式名称|正式な(?:名称|名前)|名前|名称|正式名|full name|official name|called"
        r"|(?:project )?(?<!in their )(?<!in the )(?<!in its )(?<!in )name",
    ),
    (
        "field",
        "category",
        r"(?:の)?(?:項目|分野|カテゴリー?)(?:の分類)?(?:\s*[(（](?:分類|項目|分野)[)）])?(?:は|って|を|と)|(?:項目の)?分類|which category|what category|category",
    ),
]
# English words match whole (no "sum" in "summary", no "end" in "spending"). Only a Latin end
# of a match needs a non-Latin neighbour: 「R7にないR6」 still matches.
_LEFT = r"(?:(?<![a-z])|(?![a-z]))"
_RIGHT = r"(?:(?<![a-z])|(?![a-z]))"


def _latin(c: str) -> bool:
    return "a" <= c <= "z"


class WholeWords:
    """A pattern whose matches keep English words whole. The lookarounds that say so keep
    the regex engine from skipping ahead to the pattern's first characters (twice the time
    of a question's read), so the bare pattern is searched first and the bounded one only
    from where a bare match broke a word: the same matches, found faster."""

    def __init__(self, source: str) -> None:
        self.bare = re.compile(source)
        self.source = source
        self._bounded: re.Pattern | None = None

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        m = self.bare.search(text, pos)
        if m is None or self._whole(text, m.start(), m.end()):
            return m
        if self._bounded is None:
            self._bounded = re.compile(rf"{_LEFT}(?:{self.source}){_RIGHT}")
        return self._bounded.search(text, m.start())

    @staticmethod
    def _whole(text: str, start: int, end: int) -> bool:
        left = start == 0 or not _latin(text[start - 1]) or not _latin(text[start])
        right = end == len(text) or not _latin(text[end]) or not _latin(text[end - 1])
        return left and right


COMPILED_PATTERNS = [(slot, value, WholeWords(p)) for slot, value, p in PATTERNS]
# 始期と終期が両方書いてある / with an end year printed: the end printed (not blank, not 未定).
END_PRINTED = re.compile(
    r"(?:始期と)?終期(?:が|も|は)?(?:両方)?(?:とも)?(?:書いてある|書かれている|書かれてる|記載されている|記載されてる"
    r"|記載がある|載っている|載ってる|決まっている|決まってる|入っている|入ってる)"
    r"|(?:始期と終期|始まりと終わり)(?:が|の)?(?:両方|どちらも|ともに)(?:とも)?"
    r"(?:書いてある|書かれている|書かれてる|記載されている|記載されてる|記載がある|載っている|載ってる|ある)"
    r"|(?:with|having|that have|that has) (?:both )?(?:a start and )?an? end(?: year| date)?"
    r"(?: (?:printed|stated|given|set))?"
)
# A cell left empty, however it is said: 書いてない, 記載されていない, 何も書かれてない, 空欄.
ABSENT = (
    r"(?:\s*(?:に|には|の欄に|の欄が|の欄は|の|が|は|も|まだ|何も|なにも|一切|全く|まったく|特に))*\s*"
    r"(?:空っぽ|空欄|空白|ブランク|未記載|未入力|記載なし|記載(?:が|は)?(?:ない|無い|なし|されていない|されてない)"
    r"|書いてない|書いていない|書かれていない|書かれてない|載っていない|載ってない|入っていない|入ってない"
    r"|埋まっていない|埋まってない|ない|無い|なし)"
)
NO_END = re.compile(
    rf"終期(?:が|の)?(?:{ABSENT}|不明|未定)"
    r"|(?:missing|lacking|lacks?) (?:an? |the )?end(?: year| date)?"
    r"|終わり(?:が)?(?:ない|無い|決まっていない|未定)|終了(?:年度)?(?:が)?未定|期限(?:が)?(?:ない|なし)"
    r"|終期(?:が|は)?(?:blank|ブランク|空白|空欄|空き)|end (?:year )?(?:is )?(?:blank|empty|missing)"
    r"|(?:終期|終わり|終了(?:年度)?)(?:が|は)?決まって(?:い)?ない|(?:終期|終わり)(?:が|は)?決まってない"
    r"|no end(?: year| date)?|without (?:an )?end(?: year)?|open[- ]ended|end (?:year )?(?:is )?"
    r"(?:not|un)(?:stated|known|printed|defined|decided)|未定"
    # don't have an end year (事業終期) printed at all
    r"|(?:don't|do not|doesn't|does not|didn't) (?:have|show|list|give) (?:an? |any )?end(?: year| date)?"
    r"(?:\s*[(（][^)）]{0,12}[)）])?(?: (?:printed|stated|given|listed|written))?(?: at all)?"
)
ADDED = re.compile(
    r"新しく追加(?:された|の)?|新たに追加(?:された)?|新規(?:に)?追加(?:された)?|追加された|新しく載った"
    r"|(?:新しく|新たに)加わ(?:った|る)"  # #28: 新しく加わった was answered with every project
    r"|newly added|added (?:in|to)(?: the)?(?: r\d+)?(?: edition)?|new (?:in|to) (?:the )?(?:edition|roadmap)"
)
NEWLY = re.compile(
    r"新しく始まった|新しく始まる|新たに始まった|新規(?:の)?事業|新規に?始まった"
    r"|(?:新しく|新たに)(?:でき|作られ|設けられ)た|新設(?:された|の)?"
    r"|newly (?:started|launched|begun)|new projects?"
)
FLAG_PATTERNS = [
    (
        "priority_frame",
        r"重点枠(?:事業)?|じゅうてんわく|juten[- ]?waku"
        r"|priority(?:[- ](?:framework|frame|slot|budget|allocation))?(?: projects?)?",
    ),
    ("future_response", r"将来対応(?:分)?|future[- ](?:response|provision|readiness)"),
]
NEGATION = r"^(?:で|じゃ)?(?:は)?(?:ない|なかった|以外)|^(?:ではない|でない|じゃない)"
EDITION_MARK = re.compile(
    r"(?:in )?(?:the )?(?<![a-z])r\s?(\d{1,2})(?:\s*(?:年度)?版| edition| roadmap|のロードマップ"
    r"|(?:年度)?(?:のとき|の時|当時|時点)(?=の|は|で|に|、|\s))"  # R6のときの事業費: as printed then
    r"|令和\s*(\d{1,2})\s*年度版|(\d{4})\s*年度版|(?:in )?(?:the )?fy\s?(\d{4})(?:\s*(?:年度)?版| edition| roadmap)"
)
PREVIOUS = re.compile(
    r"(?:前の版|前版|旧版|昨年度版|前年度版|去年の版|昨年の版|一つ前の版|前回版|前回の版)"
    # 前の版（R6）: the label said beside it is the same edition.
    r"(?:\s*[(（]\s*(?:r\s?\d{1,2}|令和\s?\d{1,2}(?:年度)?)\s*(?:版)?\s*[)）])?"
    r"|previous\s*(?:[(（]\s*r\s?\d{1,2}\s*[)）]\s*)?(?:edition|roadmap|version)"
    r"|last year'?s (?:edition|roadmap|version)|(?:the )?old(?:er)? (?:edition|roadmap)|prior edition"
)
LATEST = re.compile(
    r"最新版|最新の版|最新(?:の)?ロードマップ|今の(?:版|ロードマップ)|今回の(?:版|ロードマップ)|現行(?:の)?(?:版|ロードマップ)|今年度版"
    r"|新版|新しい版|今回版|新しいほうの版"
    r"|latest (?:edition|roadmap|version)|current (?:edition|roadmap|version)|new(?:er|est)? edition"
    r"|newer (?:roadmap|version)"
)
LABELLED_BUDGET = re.compile(r"(?<![a-z])r\s?(\d{1,2})\s*(?:事業費|年度事業費|budget)")
# An amount starts where a run of digits starts and takes the whole run at once: tried at
# every digit and given back one digit at a time, a pasted 2,000-digit number took a second.
MONEY = r"(?<![\d,.])(\d[\d,]*+(?:\.\d+)?)\s*(億|千万|百万|万|千)?\s*円?"
# An amount with its unit written (1,000万円, 300万, 3,522千円): the unit is required.
MONEY_UNIT = r"(?<![\d,.])(\d[\d,]*+(?:\.\d+)?)\s*(億|千万|百万|万|千)?\s*円"
EN_MONEY = (
    r"[¥]?\s*(?<![\d,.])(\d[\d,]*+(?:\.\d+)?)\s*(billion|million|thousand|k|m|bn)?\s*(?:yen|円)?"
)
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
    "を超えてる": "gt",
    "を超えている": "gt",
    "を超えた": "gt",
    "超えの": "gt",
    "超え": "gt",
    "を上回る": "gt",
    "より上": "gt",
    "に届かない": "lt",
    "に満たない": "lt",
    "を下回る": "lt",
    "より下": "lt",
    "もない": "lt",
    "超": "gt",
    "を超える": "gt",
    "超える": "gt",
    "を超えて": "gt",  # 1億円を超えていて
    "超えて": "gt",
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
    "north of": "gt",
    "short of": "lt",
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
    rf"{MONEY}\s*(以上|を超えてる|を超えている|を超えて|超えて|を超えた|超えの|超え|超える|を超える|を上回る|より上|超|より多い|より大きい|より高い"
    rf"|未満|以下|に届かない|に満たない|を下回る|より下|より少ない|より小さい|より安い|以内)"
)
EN_BUDGET = re.compile(
    rf"(no more than|more than|greater than|less than|at least|at most|up to|exceeding|north of|short of|over|above|under|below)\s*{EN_MONEY}"
)
# ¥100 million or more: the comparison said after the amount.
EN_BUDGET_AFTER = re.compile(
    rf"{EN_MONEY}\s*(or more|or above|and (?:up|above)|or less|or under|or below)"
)
EN_OPS_AFTER = {
    "or more": "ge",
    "or above": "ge",
    "and up": "ge",
    "and above": "ge",
    "or less": "le",
    "or under": "le",
    "or below": "le",
}
FILLER = re.compile(
    # (導入 inside a name, 介護テクノロジー導入支援, is the name's own word)
    r"(?:を|で|に)?(?:活用|利用|使用|使っ|使う|使った|(?<![\u30a0-\u30ff])導入(?!支援)|関連|関係|関する|関わる|による|によって|向け|対象)(?:して|した|する|している|してる|の)?"
    r"|について|のこと|とは"
    r"|(?:た|る|だった)?気がする(?:んですが|んだけど|のですが|けど|が)?|ランキング"
    r"|ロードマップ|プロジェクト|(?:全|各)事業|事業費|事業|全部|全体|すべて|全て|一番|いちばん|現在|青森県"
    r"|県(?![\u4e00-\u9fff\u30a0-\u30ff])"  # 県の事業, not 県民集会
    r"|年度|時期|内容|ロードマ[ップ]*|言葉|単語|キーワード|指定されて(?:い)?る|指定|(?:版)?ベース(?:で)?"
    r"|[（(](?:項目|分野|部局|課|カテゴリー?|室|category|department|section)[）)]|経由|依頼|順番(?:つき|付き)?"
    # 参考スレ https://… / (参考リンク): what the link beside the question is, not a topic.
    r"|参考(?:スレ(?:ッド)?|リンク|URL|まで)?"
    # 掲載されている事業 / ご教示ください / お示しいただき: how a formal question is put.
    r"|(?:に)?掲載(?:されている|されていた|されてる|の)?|ご教示(?:ください|いただき(?:たく)?|願います)?"
    r"|お示し(?:ください|いただき(?:たく)?)?|及び"
    # 旧版（R6事業費の方）で: which side of a pair, said in passing.
    r"|の方(?=\s*[)）])"
    # …笑 / （笑）: a laugh, said in passing.
    r"|[(（]笑[)）]|笑(?![\u3040-\u30ff\u4e00-\u9fff])"
)
# English words that frame or soften a question: never a condition, never a project's name.
_STOP_TEXT = (
    "a about across all also among amongst amount amounts an and any approx "
    "approximately are as at be been being by can could current currently detail details "
    "did do does done each edition every exact exactly figure figures find fiscal for "
    "from full funded get give had has have here how i in included info information into "
    "is it its just kindly know latest less like list listed many me money more most "
    "much need new now number numbers of off on one ones only or order our out overall "
    "per please program programme project projects r rank ranked ranking really roadmap "
    "roughly run running said say says should show shown so some sorted such tell than "
    "that the their them then there there's these they this those to up us want was we "
    "were what what's whats which who whom whose will with within would year years yen "
    "you your under date dates gets got getting receive receives received obtain obtains "
    "printed written stated shown sort carry carried carries "
)
EN_STOP = frozenset(_STOP_TEXT.split())
