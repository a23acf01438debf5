"""Years and editions in a question: R7で終わる, started before R5, R6版, 来年度, FY2026."""

from __future__ import annotations

import functools
import re

from bot.fiscal_year import FiscalYear
from bot.understanding.lexicon import (
    ABSENT,
    ADDED,
    CHANGE_WORDS,
    EDITION_MARK,
    END_PRINTED,
    END_WORDS,
    LABELLED_BUDGET,
    LATEST,
    NEWLY,
    NO_END,
    PREVIOUS,
    RELATIVE,
    START_WORDS,
    YEAR,
)
from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text
from bot.vocabulary import Vocabulary, as_written

EDITION_YEAR = "@edition"  # the year of the edition asked about (新しく始まった事業 in R7 → R7)


@functools.lru_cache(maxsize=1024)  # read for every project of every list
def year_code(text: str) -> str | None:
    """The fiscal-year code of a year mention (R7; FY2025 → R7; H31 stays H31; 来年度 → @1,
    a year relative to the edition's own, resolved when the edition is known)."""
    if text in RELATIVE:
        return f"@{RELATIVE[text]}"
    if m := re.fullmatch(r"(this|next|last) (?:fiscal )?year", text):
        return f"@{ {'this': 0, 'next': 1, 'last': -1}[m.group(1)] }"
    if m := re.fullmatch(r"(\d{1,2})\s*年度?(前|後|先)", text):
        return f"@{-int(m.group(1)) if m.group(2) == '前' else int(m.group(1))}"
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    if m := re.fullmatch(
        r"(?:in )?(\d{1,2}|one|two|three|four|five) years?(?: (\w+)(?: now)?)?", text
    ):
        n = int(words.get(m.group(1), m.group(1)))
        return f"@{-n if m.group(2) in ('ago', 'before') else n}"
    text = re.sub(r"^fiscal(?:year)?", "FY", re.sub(r"\s+", "", text))
    text = text.upper().replace("令和", "R").replace("平成", "H")
    text = re.sub(r"年度?$", "", text)
    fy = FiscalYear.try_parse(text)
    if fy is None:
        return None
    if text.startswith(("R", "H")):
        return f"{text[0]}{int(text[1:])}"
    return fy.reiwa.code if fy.western >= 2019 else f"H{fy.western - 1988}"


def read_edition(t: Text, query: Query) -> None:
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
        query.budget_year = f"R{int(m.group(1))}"
        query.fields.append("budget")
        t.take(m.start(), m.end())


def _near(text: str, start: int, end: int, pattern: str, before: int = 14, after: int = 16) -> bool:
    return bool(
        re.search(pattern, text[max(0, start - before) : start] + " " + text[end : end + after])
    )


# 事業名に「ICT」が入ってる / have "DX" in their name: a word of the name, not of the text.
NAME_HAS = re.compile(
    r"(?:事業名|名前|名称)(?:に|で|の中に)?\s*[「『\"']?([^「」『』\"'\s、。]{1,20}?)[」』\"']?\s*(?:(?:って|という)?(?:言葉|語|文字|単語|ワード)?(?:が|は)?)?\s*"
    r"(?:入って(?:い)?る|入った|付く|つく|付いて(?:い)?る|ついて(?:い)?る|含まれ(?:て(?:い)?る|る)|含む|ある)"
    r"|(?:have|has|with|containing|contain|includes?)\s+[\"'“]?([^\"'”\s]{1,20})[\"'”]?\s+in\s+(?:their|its|the)\s+names?"
    r"|names?\s+(?:contains?|containing|including|with)\s+[\"'“]?([^\"'”\s]{1,20})[\"'”]?"
)
# 名前にICTもDXも入ってない: names holding none of the words.
_NAME_WORD = r"(?:[「『\"'][^「」『』\"']{1,20}+[」』\"']|[^「」『』\"'\s、。もやがはと,]{1,20}+)"
NAME_HAS_NOT = re.compile(
    # Each word quoted, or a run without particles, taken whole (possessive): a list of words
    # split every way a failing match could try took minutes on a long question.
    rf"(?:事業名|名前|名称)(?:に|で|の中に)\s*({_NAME_WORD}(?:\s*(?:も|や|と|、|,)\s*{_NAME_WORD})*(?:\s*も)?)"
    r"\s*(?:(?:って|という)?(?:言葉|語|文字|単語|ワード)?(?:が|は)?)?\s*(?:入って(?:い)?ない|入ってない|入らない|含まない|含まれて(?:い)?ない|付いて(?:い)?ない|ついてない|つかない)"
    r"|(?:without|not having|don't have|doesn't have|do not have)\s+[\"'“]?([^\"'”\s]{1,20})[\"'”]?\s+in\s+(?:their|its|the)\s+names?"
)
# 主な取組実績の欄が空っぽ / no summary printed: a part of the document left empty.
EMPTY_PART = re.compile(
    rf"(主な取組実績|取組実績|概要)[」』\"']?(?:{ABSENT}|\s*(?:が|は)?\s*(?:空|empty|blank))(?:になって(?:い)?る|の)?"
    # 実績 alone: its cell said empty (実績が空欄), not a plan missing from it (実績に載ってない).
    r"|(実績)[」』\"']?(?:の欄)?\s*(?:が|は)?\s*(?:空っぽ|空欄|空白|空|記載なし|記載がない|書かれていない|ない|empty|blank)"
    r"(?:になって(?:い)?る|の)?"
    r"|(?:empty|blank|no|missing|lacking)\s+(?:the\s+)?(main achievements|achievements|summary)"
    r"|nothing (?:(?:written|printed|stated|given|filled(?: in)?|entered) )?(?:under|in|for) (?:the |their |its )?"
    r"(主な取組実績|取組実績|概要|main achievements|achievements|summary)"
)


# The end said not to fall in that year (R7で終わらない, R7にendしない).
_NOT_ENDING = re.compile(
    r"\s*(?:年度)?\s*(?:で|に|には)?\s*(?:は)?\s*(?:終わらない|終わらず|終了しない|終わりじゃない"
    r"|end\s*しない|endしない|終期(?:じゃ|では)ない)"
)
# A year followed by the budget it labels (R7の事業費と事業終期, end year and FY2025 budget).
_LABELS_BUDGET = re.compile(r"\s*(?:年度)?\s*(?:の|版の)?\s*(?:事業費|予算|budgets?)(?![a-z])")
# What follows a condition to leave its projects out: ものは数えないで, 事業は除いて.
_LEFT_OUT = re.compile(
    r"\s*(?:もの|事業|の|やつ)?\s*(?:は|を|も)?\s*(?:数えない|数えず|含めない|含めず|含まない|除い|除く|除外|抜いて|外して"
    r"|カウントしない|対象外)"
)


def read_year_filters(t: Text, query: Query) -> None:
    """R7で終わる, started before R5, 事業期間がR5〜R9, 終期が未定."""
    # Around a year, only words no other slot used: スタート in 学校DXスタートアップ事業 is a name.
    text = t.rest()
    for m in t.find(END_PRINTED):
        query.filters.append(Filter("end", "ne", None, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(NO_END):
        # "don't have an end year", 終期がない: the negation said is this condition's own.
        said_not = bool(re.search(r"ない|無い|なし|n't|\bnot\b|\bno\b|without", m.group(0)))
        left_out = _LEFT_OUT.match(t.text, m.end())
        if left_out and t.free(*left_out.span()):
            # 終期が書かれてないものは数えないで: those left out — the end printed.
            query.filters.append(Filter("end", "ne", None, span=(m.start(), left_out.end())))
            t.take(m.start(), left_out.end())
            continue
        query.filters.append(Filter("end", "eq", None, span=m.span(), negated=said_not))
        t.take(m.start(), m.end())
    for m in t.find(ADDED):
        query.filters.append(Filter("added", "eq", True, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(NEWLY):
        query.filters.append(
            Filter("start", "eq", EDITION_YEAR, span=m.span())
        )  # started in the edition's year
        t.take(m.start(), m.end())
    read_running(t, query)
    for m in t.find(NAME_HAS_NOT):
        said = m.group(1) or m.group(2)
        for word in re.split(r"\s*(?:も|や|と|、|,)\s*", said):
            word = word.strip("「」『』\"' ")
            if word:
                typed = as_written(word, query.raw)  # shown as typed (DX, not dx)
                query.filters.append(Filter("name_has", "ne", word, said=typed, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(NAME_HAS):
        word = next(g for g in m.groups() if g)
        typed = as_written(word, query.raw)
        query.filters.append(Filter("name_has", "eq", word, said=typed, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(EMPTY_PART):
        part = next(g for g in m.groups() if g)
        which = "summary" if part in ("概要", "summary") else "achievements"
        query.filters.append(Filter("empty", "eq", which, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(SINGLE_YEAR):
        query.filters.append(Filter("single_year", "eq", True, span=m.span()))
        t.take(m.start(), m.end())
    for m in t.find(HEISEI):
        query.filters.append(Filter("start", "le", "H31", span=m.span()))
        t.take(m.start(), m.end())
    span = re.compile(
        rf"({YEAR})\s*(?:から|~|-|〜|→|->|⇒|to|through|until|all the way to|and on to)\s*({YEAR})(?:まで)?"
        rf"|between\s*({YEAR})\s*and\s*({YEAR})"
    )
    for m in t.find(span):
        a, b = year_code(m.group(1) or m.group(3)), year_code(m.group(2) or m.group(4))
        if not (a and b):
            continue
        a, b = sorted((a, b), key=_order)  # R10からR8に終わる: the years between, either way
        ends = _near(text, m.start(), m.end(), END_WORDS)
        starts = _near(text, m.start(), m.end(), START_WORDS)
        _take_near(t, m, rf"(?:{END_WORDS}|{START_WORDS})")
        if not (ends or starts) and re.search(CHANGE_WORDS, text):
            # R6からR7で予算が増えた / what changed between R6 and R7: two editions compared.
            query.compared = [a, b]
            t.take(m.start(), m.end())
            continue
        if ends and not starts:
            query.filters.append(Filter("end", "between", a, b, span=m.span()))
        elif starts and not ends:
            query.filters.append(Filter("start", "between", a, b, span=m.span()))
        elif _near(
            text, m.start(), m.end(), r"間に収まる|以内|の間|内に収まる|within|inside|fall(?:s)? in"
        ):
            # R5〜R9の間に収まる事業: starts and ends inside those years
            query.filters += [
                Filter("start", "ge", a, span=m.span()),
                Filter("end", "le", b, span=m.span()),
            ]
            _take_near(t, m, r"間に収まる|以内|の間|内に収まる|within|inside|falls? in")
        else:  # 事業期間がR5〜R9 / runs from FY2023 to FY2028: that period
            query.filters += [
                Filter("start", "eq", a, span=m.span()),
                Filter("end", "eq", b, span=m.span()),
            ]
        t.take(m.start(), m.end())
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        after = text[m.end() : m.end() + 16]
        before = text[max(0, m.start() - 20) : m.start()]
        if _LABELS_BUDGET.match(after):
            continue  # R7の事業費と事業終期: the year is the budget's (read as an edition)
        ends = re.search(END_WORDS, after) or re.search(rf"(?:{END_WORDS}).{{0,16}}$", before)
        starts = re.search(START_WORDS, after) or re.search(rf"(?:{START_WORDS}).{{0,16}}$", before)
        lasts = re.match(
            r"\s*まで(?!に)(?:の|続[いかきくけ]|継続|実施)|\s*(?:through|until)\b"
            r"|\s*(?:年度)?\s*以降(?:も|まで)?\s*(?:まだ|引き続き|ずっと)?\s*(?:続[いかきくけ]|継続|実施|行)",
            after,
        )
        through = re.search(
            r"(?:through|until|till|up to|lasting to)\s*(?:the\s*)?(?:fiscal\s*)?(?:year\s*)?$",
            before,
        )
        if not lasts and through:
            lasts = through  # run through fiscal 2028: the end year
            t.take(m.start() - len(before) + through.start(), m.start())
        if lasts and not starts:
            ends = lasts  # R10まで続く事業 / R10までの事業: projects ending in R10
        if not (ends or starts):
            continue
        kind = _attached(before, after) if ends and starts else "end" if ends else "start"
        if lasts and not re.match(rf"\s*(?:から|より)?\s*(?:{START_WORDS})", after):
            kind = "end"  # R6から始まってR9まで続く: まで続く is the end's own word
        op = "eq"
        around = before[-14:] + " " + after[:12]  # " or earlier" is 11 characters
        if lasts:
            around = before[-14:] + (" 以降" if "以降" in lasts.group(0) else "")
        if re.search(r"以降|or later|since|or after", around):
            op = "ge"
        elif re.search(r"以前|までに|or earlier|or before", around) or re.search(
            # ending by R10 (a deadline said before the year; "R10 by department" is no deadline)
            r"(?<![a-z])by\s*(?:the end of\s*)?(?:fiscal\s*)?(?:year\s*)?$",
            before,
        ):
            op = "le"
        elif re.search(r"より前|before|earlier than|prior to", around):
            op = "lt"
        elif re.search(r"より後|after|later than", around):
            op = "gt"
        if kind == "end" and op == "eq" and _NOT_ENDING.match(after):
            # R7で終わらない / R7にendしない / not ending in R7: every end but that one.
            op = "ne"
            t.take(m.end(), m.end() + _NOT_ENDING.match(after).end())  # type: ignore[union-attr]
        query.filters.append(Filter(kind, op, code, span=m.span()))
        t.take(m.start(), m.end())
        # Only the year's surroundings: a long question with many years read them all again
        # for each (2,000 characters of 「R7で終わる事業」 took a quarter of a second).
        for w in re.compile(
            # "earlier than R8" is read as before R8 above: its words are used too.
            rf"(?:{END_WORDS}|{START_WORDS}|より前|以前|までに|より後|以降|before|after|since|or later|or earlier"
            r"|earlier than|later than|prior to)"
        ).finditer(text, max(0, m.start() - 64), m.end() + 64):
            if abs(w.start() - m.end()) <= 10 or abs(m.start() - w.end()) <= 16:
                t.take(w.start(), w.end())
    # 「R7に新しく始まった」: the year said is the start; 新しく only says it is new.
    explicit = [f for f in query.filters if f.kind == "start" and f.value != EDITION_YEAR]
    if explicit:
        query.filters = [f for f in query.filters if f.value != EDITION_YEAR or f.kind != "start"]


def _order(code: str) -> int:
    fy = FiscalYear.try_parse(code)
    return fy.western if fy else 0


def _take_near(t: Text, m: re.Match, words: str) -> None:
    """The start/end words written onto a year (R6〜R7に開始した): read with it."""
    for w in re.finditer(words, t.text[m.end() : m.end() + 12]):
        if w.start() <= 4:
            t.take(m.end() + w.start(), m.end() + w.end())
    before = t.text[max(0, m.start() - 16) : m.start()]
    for w in re.finditer(words, before):
        if len(before) - w.end() <= 6:
            t.take(m.start() - len(before) + w.start(), m.start() - len(before) + w.end())


# Running in a year: started by then and not yet ended (an undecided end still runs).
RUNNING = re.compile(
    # The で of まで is no particle of it: R10まで続いている is the end year's phrase.
    r"(?:も|に|(?<!ま)で|の|には|でも)?\s*(?:まだ|引き続き)?\s*(?:続いて(?:い)?る|続いている|実施中|進行中|継続中|動いて(?:い)?る"
    r"|(?<=も)続く|(?<=も)続ける|(?<=も)実施(?:する|される)?"
    r"|やって(?:い)?る|実施されて(?:い)?る|走って(?:い)?る)"
    r"|(?<![a-z])(?:still (?:running|going|active|on|ongoing|underway)|active|ongoing|underway|in progress"
    r"|(?:(?<=projects )|(?<=project )|(?<=which )|(?<=that ))runs? (?:in|during)"
    r"|(?:are|is) running in|(?:are|is) (?:still )?(?:on|live) in"
    r"|running)(?![a-z])"
)
NOW_WORDS = re.compile(r"今も|現在も|今なお|今まだ|今|現在|currently|still|right now|now")
SINGLE_YEAR = re.compile(
    r"単年度|(?:1|一)年(?:度)?(?:だけ|のみ|限り)|(?:1|一)年で終わる|同じ年度に(?:始まって)?終わる"
    r"|始まった年度に(?:そのまま)?終わる|single[- ]year|one[- ]year only|start and end in the same (?:fiscal )?year"
)
HEISEI = re.compile(
    # 平成31年度 is a year, read as one (終期が平成31年度 was read as started in 平成).
    r"平成(?!\s*\d)(?:の|から|に)?(?:時代|年間|の頃|期)?に?(?:始まった|開始)?(?=.{0,6}(?:事業|始))"
    r"|(?:since (?:the )?)?heisei(?: era)?"
)


def read_running(t: Text, query: Query) -> None:
    """今年度も実施中 / still running next fiscal year / 令和8年度に実施中: start ≤ year ≤ end."""
    text = t.text
    for m in t.find(RUNNING):
        if re.match(r"\s*(?:まで|until|through|since)", text[m.end() : m.end() + 7]):
            continue  # R10まで続く is the end year's own phrase; running since: a start
        before = text[max(0, m.start() - 18) : m.start()]
        if re.search(r"(?:から|ずっと|昔|since|long|以降も?|まで)\s*$", before):
            continue  # 昔から続いてる: how long, not a year it runs in
        year = None
        for y in re.finditer(YEAR, before):
            year = y
        if year is not None and not re.fullmatch(
            r"\s*(?:年度)?\s*(?:に|で|も|の|には|でも|は|中|中も|にも|になって|になっても|の時点で|時点で)?\s*"
            r"(?:まだ|も)?\s*",
            before[year.end() :],
        ):
            year = None  # R6開始の事業で、今もまだ続いている: R6 is the start, not the year it runs
        code = None
        if year is not None and t.free(
            m.start() - len(before) + year.start(), m.start() - len(before) + year.end()
        ):
            code = year_code(year.group(0))
            t.take(m.start() - len(before) + year.start(), m.start() - len(before) + year.end())
        else:
            after = text[m.end() : m.end() + 24]
            later = re.search(YEAR, after)
            if later and re.match(
                r"\s*(?:in|during|through|next|this|in fy)?\s*$", after[: later.start()]
            ):
                code = year_code(later.group(0))
                # The words between are read with it (active during R8: "during" is used).
                t.take(m.end(), m.end() + later.end())
            elif NOW_WORDS.search(before + " " + after[:10]) or not query.filters:
                code = "@0"
        if code is None:
            continue
        query.filters.append(Filter("running", "eq", code, span=m.span()))
        t.take(m.start(), m.end())
        for w in NOW_WORDS.finditer(text, max(0, m.start() - 8), m.end() + 10):
            t.take(w.start(), w.end())


def _attached(before: str, after: str) -> str:
    """Which of a start and an end word a year belongs to (R7に始まってR10に終わる, 開始がR7で
    終了がR10, started in R7 and ending in R10): the word written onto the year decides."""
    particle = (  # R10年度中に終わる: 中 too (the last resort took the start said before it)
        r"\s*(?:年度)?\s*中?\s*(?:に|で|から|まで|より|以降に|以前に|より前に|より後に)?\s*(?:は|が)?\s*"
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


_WORDS_LEFT = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]{4,}")


def read_bare_years(t: Text, query: Query, vocab: Vocabulary) -> None:
    """A year with no start/end word: the edition (R6の事業はいくつ) or a plan year (No40のR9の計画)."""
    for m in t.find(re.compile(YEAR)):
        code = year_code(m.group(0))
        if not code:
            continue
        # A relative year in a plan, result or text-value question is the fiscal year asked
        # about (今年度の目標); a budget's stays a question back (the document prints one).
        # (「今年度…何件」 counts projects: a plain count stays a question back, as before.)
        specific = [k for k in query.asks if k != "count"] or [
            c for c in query.counters if c != "件"
        ]
        fiscal = bool({"plan", "actual"} & set(query.fields)) or (
            bool(specific) and "budget" not in query.fields
        )
        if code.startswith("@"):
            if fiscal and query.year is None and not query.edition_from_year:
                # #24: 今年度の目標 — read against the day asked (beside another year, as in
                # 「R6で策定済み？それともnext year？」, which year it follows is not known: ask).
                query.year = code
            else:
                query.unknown.append(m.group(0))  # 来年度 with nothing to apply it to: ask
            t.take(m.start(), m.end())
            continue
        labels = vocab.editions or []
        # (a project named by its words is read later: a plan or result asked with no
        # project number is a year's too, when the words are left to name one)
        left = re.sub(r"(?:再来|一昨|来|昨|今|前|翌|次)?年度", " ", t.rest())
        project_year = (query.names_project or _WORDS_LEFT.search(left)) and (
            {"plan", "actual"} & set(query.fields)
        )
        if code in labels and not query.edition and not project_year:
            query.edition = code
            # #24: answering may read it as the fiscal year asked about (R6の実績 is told by
            # the R7 edition) when the question asks a plan, result or value of the text.
            query.edition_from_year = True
        elif query.year is None:
            query.year = code
        elif query.comparison and code in labels:
            pass  # R6とR7の比較: both editions are what a comparison compares
        t.take(m.start(), m.end())
    if (
        query.year is not None
        and query.year == query.edition == query.budget_year
        and "budget" in query.fields
        and not {"plan", "actual"} & set(query.fields)
    ):
        query.year = None  # the R7 projects … their R7事業費: the edition's own year, said again
    pair = [c for c in (query.edition, query.year) if c in (vocab.editions or [])]
    if query.comparison and not query.compared and len(set(pair)) == 2 and not query.names_project:
        # R7はR6より予算がいくら増えた / R6とR7で何が変わった: the two editions compared.
        query.compared, query.edition, query.year = pair, None, None
