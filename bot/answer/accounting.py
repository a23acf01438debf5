"""The mention check: every mention a question carries is used by the answer, or the answer
becomes a question back saying what was understood and what was not.

It reads the question again on its own — project numbers and ranges, names, departments,
sections, categories, fields, years, editions, amounts, negations, comparison and aggregate
words, question words — independently of how understanding read it, and compares each with
what the answer says it computed (`Answer.computed`). A mention left unused, or two mentions
collapsed into one (two projects into the first), is how a different question gets answered.
Filler, greetings, links and people's mentions are not mentions here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from bot.answer.model import Answer, Computed
from bot.fiscal_year import FiscalYear
from bot.project_numbers import NUMBER, RANGE, numbers_in_range
from bot.understanding import CORRECTION as _CORRECTION
from bot.understanding.lexicon import (
    EN_MONEY,
    EN_UNITS,
    HOW_MANY_AFTER,
    LATEST,
    MONEY,
    PREVIOUS,
    YEAR,
    YEN_UNITS,
    arabic_numerals,
)
from bot.understanding.record_ask import might_be_record
from bot.understanding.words import digits, prepare
from bot.vocabulary import Vocabulary, normalise


@dataclass(frozen=True)
class Mention:
    """One thing a question names or asks for, as written, and what would use it."""

    kind: str  # number name group year amount negation aggregate question period person record
    text: str
    wants: tuple  # values any one of which the answer must have used


# A group's polarity is read from the words written against it (its own reading of them).
_NEGATED_AFTER = re.compile(
    r"(?:\s|の|が|は|も|を|に|事業|もの|やつ|担当|関係|関連|系|部局|課|項目|カテゴリー?|分野|[」』\"”])*"
    r"(?:以外|(?:を|は|も)?除(?:く|いた|いて|けば|くと|いたら)|除外|抜き|じゃ(?:ない|なく|なかった)"
    r"|では(?:ない|なく|なかった)|でない|でなく|でなかった|に入って(?:い)?ない|に入らない"
    r"|でもない|でもなく|でもなかった)"
)
_NEGATED_BEFORE = re.compile(
    r"(?:not|except(?: for)?|excluding|other than|besides|apart from|aside from|outside(?: of)?"
    r"|leave out|leaving out|without|non-?)\s*(?:(?:the|a|run|by|in|of|from|owned|handled|managed"
    r"|under|flagged|marked|ones?|projects?)\s+)*$"
)
_INCLUDED_AFTER = re.compile(r"(?:\s|の分|の事業)*(?:も|を)含め|(?:も|を)含む|込み")
_INCLUDED_BEFORE = re.compile(r"(?:including|incl\.?|inclusive of)\s+(?:the\s+)?$")
# Negations not written against a group: the answer must have applied some "not".
_NEGATION = re.compile(
    r"以外|除(?:く|いた|いて|けば|くと|いたら)|除外|抜き|じゃ(?:ない|なく|なかった)|では(?:ない|なく|なかった)"
    r"|でない|でなく|でもない|でもなく|入って(?:い)?ない|入らない|含ま(?:ない|れない)|含め(?:ない|ず)|終わらない|終わらず|終了しない|続か(?:ない|なかった)"
    r"|(?:○|〇)?(?:が)?(?:付いて|ついて)(?:い)?(?:ない|なかった|ません)"
    r"|(?:ひとつ|一つ|1つ|1件|一件|1本|一本)も(?:ない|なかった|無い)"
    r"|(?<![a-z])(?<!if )(?<!or )(?:not|except|excluding|other than|besides|apart from|aside from|without"
    r"|leave out|leaving out|aren't|isn't|don't|doesn't|weren't|wasn't|never|none|outside)(?![a-z])"
)
# The chat record: reports, updates, who posted — answered only from the record (#27).
_RECORD = re.compile(
    r"報告|更新履歴|投稿|書き込|進捗報告|(?<![a-z])(?:report(?:s|ed|ing)?|posted|updates?|updated)(?![a-z])"
)
# Inclusion not written against a group (including the one run jointly…): ask.
_INCLUSION = re.compile(r"含め(?!ない|ず)|含む|込み|(?<![a-z])(?:including|inclusive of)(?![a-z])")
_JOINED = re.compile(r"^\s*(?:と|とか|や|、|・|,|か|でも|にも|and|or|&|nor)\s*$")
# Aggregate and comparison words, and the operations any one of which uses each.
_AGGREGATES: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (
        re.compile(
            r"合計|総額|総計|合算|トータル|合わせ(?:て|ると|たら|た額|た(?=\s*(?:事業費|予算|金額|額)))|足すと|足したら|足し合わせ"
            r"|(?<![a-z])(?:total|sum|combined|altogether|add(?:ed)? up)(?![a-z])"
        ),
        ("sum",),
    ),
    (re.compile(r"平均|(?<![a-z])(?:average|mean)(?![a-z])"), ("avg",)),
    (
        # 2本ありますよね / both projects: several projects said, never one project's answer.
        re.compile(
            r"(?<![\d.])(?:2|二|ふた)(?:本|つ)(?=あ|の事業|とも)"
            r"|(?<![a-z])(?:both|the two|two) (?:of (?:the|these|those) )?projects(?![a-z])"
        ),
        ("each", "side", "list", "group", "sum", "count", "compare", "diff", "verdict", "rank"),
    ),
    (
        # 前の版から変わりました: a change asked is answered by comparing, never by one side.
        re.compile(
            r"変わ(?:った|る|り|って)|変化|増え|減っ|増加|減少|増額|減額"
            r"|(?<![a-z])(?:changed|increased|decreased|grew|rose|fell|dropped)(?![a-z])"
        ),
        ("compare", "diff", "side", "verdict"),
    ),
    (
        re.compile(
            r"差額|(?<![a-z])(?:difference|how much (?:more|less|bigger|smaller))(?![a-z])|差(?!し)"
        ),
        ("diff", "compare"),
    ),
    (
        re.compile(r"比較|比べ|対比|(?<![a-z])(?:vs\.?|versus|compare[ds]?|comparison)(?![a-z])"),
        ("compare", "diff", "side", "verdict", "group"),
    ),
    (
        re.compile(
            r"どちら(?!も|とも)|どっち(?!も|とも)|(?<![a-z])which (?:one |of (?:the|them|these) )?(?:is|has|was|had|got|gets|spends?)?\s*(?:the )?(?:larger|bigger|more|higher|greater|smaller|less|fewer|lower)"
        ),
        ("verdict",),
    ),
    (
        re.compile(
            r"(?<!上限)(?<!補助の)(?<!負担)割合|比率|(?<=の)比(?=[はがをってで?？]|$)|何倍|占め|半分|半額|[2-9２-９二三四五]倍|"
            r"(?<![a-z])(?:half|double|twice|triple)(?![a-z])|何%|何パーセント|(?<![a-z])(?:ratio|times as|is how many times|how many times(?= (?:bigger|larger|more|greater|as|higher|smaller|the))|percent(?:age)?|share of)(?![a-z])"
        ),
        ("ratio",),
    ),
    (
        re.compile(
            r"何件|何本|件数|いくつ(?!か)|幾つ(?!か)|何個|何事業|事業数|(?<![a-z])(?:how many|number of|count)(?![a-z])"
        ),
        ("count",),
    ),
    (
        re.compile(
            r"最も|一番|いちばん|最大(?!\s*(?:どの|どれ|いくらまで|何割|何分の))|最小|最多|最少|最高|最低|上位|下位|トップ|ワースト|1\s*位|(?<![a-z])(?:most|(?<!at )least|largest|smallest|biggest|fewest|highest|lowest|top|bottom)(?![a-z])"
        ),
        ("max", "min", "top", "bottom", "nth", "rank", "verdict", "group"),
    ),
]
# 2位, 3位: a place after the first is answered by the N-th or by the first N, never by the
# largest alone (予算の1位と3位 read as the largest is asked back).
_AGGREGATES.append(
    (re.compile(r"(?<![\d下])(?:[2-9]|1\d)\s*位"), ("nth", "top", "bottom", "group"))
)
# Question words and the facts any one of which answers them.
_QUESTIONS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (
        re.compile(r"いつ|何月|何日|(?<![a-z])(?:when|what date|what month)(?![a-z])"),
        ("period", "start", "end", "date", "time", "plan", "actual"),
    ),
    (
        re.compile(
            r"どこ(?!の課|の部|が担当|が所管)|どの(?:市|町|村|地域|会場)|(?<![a-z])where(?![a-z])"
        ),
        ("place", "owner", "verdict", "group", "category"),  # 項目はどこに入ってる: the category
    ),
    (re.compile(r"誰|だれ|(?<![a-z])(?:who|whom)(?![a-z])"), ("owner", "person")),
    (
        re.compile(
            r"何(?:人|名|回|校|か所|カ所|ヶ所|箇所|社|台|病院|施設|市町村|団体)"
            # 修了者数は / 市町村ってどれくらい: the thing counted, then (how) many.
            rf"|(?<=者)数|{HOW_MANY_AFTER}"
        ),
        ("count",),
    ),
    # #22 (i22n): 委託先, 連絡先, 問い合わせ先 — a party asked for, as 誰 and どこ ask one:
    # answered by an owner or a person, or by a sentence that prints the word itself.
    (
        re.compile(r"(?:委託|連絡|問い?合わせ|契約|提出|送付|発注|外注|納入|納品|依頼|相談)先"),
        ("owner", "person", "said", "organisation"),
    ),
]


def mentions(text: str, vocabulary: Vocabulary | None, now: datetime | None) -> list[Mention]:
    """Every mention the question carries, each once (the longest reading of a stretch)."""
    plain = arabic_numerals(digits(normalise(prepare(text).text)))
    used = [False] * len(plain)
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            used[i] = True

    groups: list[tuple[int, int, int]] = []  # where each group mention is, and its index
    for m in RANGE.finditer(plain):
        for n in numbers_in_range(m):
            found.append(Mention("number", m.group(0), (n,)))
        take(m.start(), m.end())
    if vocabulary is not None and vocabulary.terms:
        english = bool(re.search(r"[a-z]{3}", plain))
        for m in vocabulary.pattern(english).finditer(plain):
            if not free(m.start(), m.end()):
                continue
            surface = m.group(0)
            before = plain[m.start() - 1 : m.start()]
            after = plain[m.end() : m.end() + 1]
            latin = re.compile(r"[a-z0-9]")
            if (latin.match(surface[0]) and latin.match(before)) or (
                latin.match(surface[-1]) and latin.match(after)
            ):
                continue  # "phr" inside "phrase" is not the PHR project
            terms = vocabulary.terms_for(surface)
            take(m.start(), m.end())
            keys = tuple(t.value for t in terms if t.kind == "project")
            if keys:
                found.append(Mention("name", surface, keys))
                continue
            negated = bool(_NEGATED_AFTER.match(plain[m.end() :])) or bool(
                _NEGATED_BEFORE.search(plain[max(0, m.start() - 32) : m.start()])
            )
            op = "ne" if negated else "eq"
            if _INCLUDED_AFTER.match(plain[m.end() :]) or _INCLUDED_BEFORE.search(
                plain[max(0, m.start() - 16) : m.start()]
            ):
                op = "incl"
            found.append(
                Mention("group", surface, tuple((t.kind, op, normalise(t.value)) for t in terms))
            )
            groups.append((m.start(), m.end(), len(found) - 1))
            if negated:
                after = _NEGATED_AFTER.match(plain[m.end() :])
                if after:
                    take(m.end(), m.end() + after.end())
    _coordinate(found, groups, plain)
    record = _record_mentions(text, plain, now, free, take)  # #27: None for other questions
    found += record or []
    numbered = [m for m in NUMBER.finditer(plain) if free(m.start(), m.end())]
    for i, m in enumerate(numbered):
        after = numbered[i + 1] if i + 1 < len(numbered) else None
        # 「No47の…あ、ちがう、No49の」: a number taken back by a correction is no mention.
        if after is None or not _CORRECTION.search(plain[m.end() : after.start()]):
            found.append(Mention("number", m.group(0), (int(next(g for g in m.groups() if g)),)))
        else:
            take(m.end(), after.start())  # the correction's words (じゃなくて) are no negation
        take(m.start(), m.end())
    labels = vocabulary.editions if vocabulary is not None else []
    for pattern, index in ((PREVIOUS, -2), (LATEST, -1)):
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()) and len(labels) >= -index:
                found.append(Mention("year", m.group(0), (labels[index], "edition")))
                take(m.start(), m.end())
    for m in re.finditer(YEAR, plain):
        if not free(m.start(), m.end()):
            continue
        code = _year(m.group(0), now)
        if code:
            # 「R7版」, "the R7 edition": an edition said as such (an edition answers it).
            edition = bool(re.match(r"\s*(?:版|edition|roadmap|ロードマップ)", plain[m.end() :]))
            found.append(Mention("year", m.group(0), (code, "edition") if edition else (code,)))
        take(m.start(), m.end())
    for m in re.finditer(MONEY, plain):
        if not (m.group(2) or "円" in m.group(0)) or not free(m.start(), m.end()):
            continue
        amount = float(m.group(1).replace(",", "")) * YEN_UNITS[m.group(2)]
        found.append(Mention("amount", m.group(0), (round(amount),)))
        take(m.start(), m.end())
    for m in re.finditer(EN_MONEY, plain):
        unit = (m.group(2) or "").lower()
        if not (unit or re.search(r"yen|¥", m.group(0))) or not free(m.start(), m.end()):
            continue
        amount = float(m.group(1).replace(",", "")) * EN_UNITS.get(unit, 0.001)
        found.append(Mention("amount", m.group(0).strip(), (round(amount),)))
        take(m.start(), m.end())
    for m in _NEGATION.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("negation", m.group(0), (True,)))
    for m in _RECORD.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("record", m.group(0), ("record",)))
            take(m.start(), m.end())
    for m in _INCLUSION.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("inclusion", m.group(0), ("incl",)))
    for pattern, wants in _AGGREGATES:
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("aggregate", m.group(0), wants))
                take(m.start(), m.end())
    for pattern, wants in _QUESTIONS:
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("question", m.group(0), wants))
                take(m.start(), m.end())
    if record is not None:  # #27: a "not" no record phrase read (まだ報告されていない…) inverts it
        for m in _RECORD_NOT.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("negation", m.group(0), (True,)))
    return found


# -- #27: the chat record -------------------------------------------------------------------
# A question about the record (a record word: 報告, update, 担当者, 未報告, no owner) also
# names a period (今週, since Feb 10), people (田中さん, <@U…> さん, me/自分) and what it asks
# of the record (what is missing, no owner, retracted ones). Each must be used by the answer
# (Computed.times, .people, .fields): a period or a person the answer did not apply is asked
# back. Report years (R8分の報告) are years, checked above as every year is.


_RECORD_COUNT = re.compile(r"(?<![\d.,])(\d{1,4})\s*(?:件|つ)")
# A negation in a record question no record phrase read: asked back, never dropped. Polite
# requests (教えてもらえない？) and existence questions (報告はありませんか) are not negations.
_RECORD_NOT = re.compile(
    r"(?<!もらえ)(?<!いただけ)(?<!くれ)(?<!じゃ)(?<!でき)(?:ない|無い|なし|無し|ません(?!か)|なかった)"
    r"|(?<![a-z])(?:not|without|never|none)(?![a-z])|n't(?![a-z])|(?<![a-z])no(?![a-z0-9.])"
)
_RECORD_GROUPS = re.compile(
    r"(?:部局|部|課|担当課|項目|分野|カテゴリー?|事業|人|担当者|報告者)(?:別|ごと|毎)"
    r"|(?<![a-z])(?:per|by|for\s+each|each)\s+(?:department|section|category|field|project|person|owner|reporter)(?![a-z])"
)


def _record_asks(words) -> tuple:
    """What each record phrase asks of the answer (the phrases from record_words)."""
    return (
        (words.ONLY_EARLIER, ("missing",)),
        (words.MISSING, ("missing",)),
        (words.UNOWNED, ("unowned",)),
        (words.RETRACTED_OUT, ("counted",)),
        (words.RETRACTED, ("retracted",)),
        (words.OWNER, ("owners", "owner", "department", "sections")),
        (words.REPORTERS, ("reporters", "rank")),
        (words.MORE_THAN, ("more_than",)),
        (words.REPORT, ("record",)),
    )


def _record_mentions(
    text: str, plain: str, now: datetime | None, free, take
) -> list[Mention] | None:
    """The record's own mentions: periods, people, and what the question asks of it (None
    when the question is not about the record)."""
    prepared = prepare(text)
    if not might_be_record(plain, prepared.people):
        return None
    # The record's patterns, compiled only for a question that could be about it.
    from bot.understanding import record as _record
    from bot.understanding import record_words as _words
    from bot.understanding.periods import all_time_words, find_periods
    from bot.understanding.periods import resolve as resolve_period

    people = _record.referenced_people(text, prepared.people)
    if not _record.is_record_question(plain, people):
        return None
    found = []
    for a, b, period in find_periods(plain, free) if now is not None else []:
        found.append(Mention("period", period.said, (resolve_period(period, now).key,)))
        take(a, b)
    for m in all_time_words(plain):
        take(m.start(), m.end())  # これまで, so far: the whole record, no condition
    for said in people:
        found.append(Mention("person", said, (normalise(said),)))
    for a, b, name in _record.names_said(plain, free):
        found.append(Mention("person", name, (normalise(name),)))
        take(a, b)
    for m in _words.ME.finditer(plain):
        if free(m.start(), m.end()):
            found.append(Mention("person", m.group(0).strip(), ("me",)))
            take(m.start(), m.end())
    for m in _words.INITIATIVE.finditer(plain):
        if free(m.start(), m.end()):
            wants = ("initiative",) if m.group("which") else (f"initiative:{int(m.group(1))}",)
            found.append(Mention("record", m.group(0), wants))
            take(m.start(), m.end())
    for m in _words.NEWEST.finditer(plain):  # 直近の報告を5件: the five newest
        if free(m.start(), m.end()):
            n = int(m.group("n") or m.group("n2") or m.group("n3"))
            found.append(Mention("record", m.group(0), (f"limit:{n}",)))
            take(m.start(), m.end())
    for m in _RECORD_GROUPS.finditer(plain):  # 部局別, by person: counts per group
        if free(m.start(), m.end()):
            found.append(Mention("record", m.group(0), ("group",)))
            take(m.start(), m.end())
    for pattern, wants in _record_asks(_words):
        for m in pattern.finditer(plain):
            if free(m.start(), m.end()):
                found.append(Mention("record", m.group(0), wants))
                take(m.start(), m.end())
    for m in _RECORD_COUNT.finditer(plain):  # 2件以上の報告, 上位3件: a count said is used
        if free(m.start(), m.end()):
            found.append(Mention("record", m.group(0), (f"n:{int(m.group(1))}",)))
            take(m.start(), m.end())
    return found


def _coordinate(found: list[Mention], groups: list[tuple[int, int, int]], plain: str) -> None:
    """Groups said together (健康福祉部と教育庁を除いた, except A and B) share a "not" or an
    "including" written against one of them."""
    for _ in range(2):  # both ways along a chain of three
        for (_, end_a, i), (start_b, _, j) in itertools.pairwise(groups):
            if not _JOINED.match(plain[end_a:start_b]):
                continue
            ops = {w[1] for w in found[i].wants} | {w[1] for w in found[j].wants}
            marked = next((op for op in ("ne", "incl") if op in ops), None)
            if marked:
                for k in (i, j):
                    wants = tuple((kind, marked, value) for kind, _, value in found[k].wants)
                    found[k] = Mention("group", found[k].text, wants)


def _year(text: str, now: datetime | None) -> str | None:
    """A year mention's fiscal-year code, a relative one read against today (今年度 → R8)."""
    from bot.understanding import year_code  # the one reading of a year's written forms

    code = year_code(text)
    if code and code.startswith("@"):
        today = FiscalYear.of(now) if now else None
        return (today + int(code[1:])).reiwa.code if today else None
    return code


def _western(code: str) -> int | None:
    """R1 and H31 are one fiscal year: years are compared as years, not as spellings."""
    fy = FiscalYear.try_parse(code.split(":")[-1])
    return fy.western if fy else None


def used(mention: Mention, computed: Computed) -> bool:
    """Whether the answer used this mention in some role."""
    kind = mention.kind
    if kind == "number":
        return mention.wants[0] in computed.numbers
    if kind == "name":
        return any(k in computed.projects for k in mention.wants)
    if kind == "group":
        return any(w in computed.groups for w in mention.wants)
    if kind == "year":
        want = _western(mention.wants[0])
        # A year asked of plans or results (R6の実績とR7の目標) is one of the years answered;
        # the edition read (R7) answers it only when no year was answered.
        plain_year = (
            len(mention.wants) == 1 and computed.years and {"plan", "actual"} & computed.fields
        )
        said = computed.years if plain_year else computed.years | computed.editions
        return any(_western(y) == want for y in said)
    if kind == "amount":
        return mention.wants[0] in computed.amounts
    if kind == "negation":
        return computed.negated
    if kind == "inclusion":
        return any(op == "incl" for _, op, _ in computed.groups)
    if kind == "aggregate":
        return bool(set(mention.wants) & (computed.operations | computed.fields))
    if kind == "question":
        if "said" in mention.wants and mention.text in computed.words:
            return True  # the sentence quoted holds the very word asked (委託先として決定)
        return bool(set(mention.wants) & (computed.fields | computed.operations))
    if kind == "period":  # #27: a period of the record
        return mention.wants[0] in computed.times
    if kind == "person":  # #27: a person whose record (or projects) was read
        return bool(set(mention.wants) & computed.people)
    if kind == "record":  # #27: what is asked of the record (reports, missing, owners…)
        return bool(set(mention.wants) & (computed.fields | computed.operations))
    return True


def unaccounted(
    answer: Answer, text: str, vocabulary: Vocabulary | None, now: datetime | None
) -> list[Mention]:
    """The question's mentions the answer did not use."""
    filled = _with_projects(answer)
    return [x for x in mentions(text, vocabulary, now) if not used(x, filled)]


def _with_projects(answer: Answer) -> Computed:
    """The answer's computed slots, with the projects it shows counted as used."""
    computed = Computed()
    computed.merge(answer.computed)
    for p in answer.projects:
        if p.key:
            computed.projects.add(p.key)
        computed.editions.add(p.edition.split(":")[-1])
    return computed
