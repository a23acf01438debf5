"""Two editions in one question (#23 item 3): 「R6版とR7版で」, "R6 vs R7", 「前の版から今の版」,
"between the editions" — and what is asked of a project's other edition: 前身, どうなった,
「R7版にもある？」, new, gone, under the same name.

A year is a fiscal year unless it names an edition: 「R6版」, "the R6 edition", 前の版 always do;
a bare 「R6」 does only when it is joined to another edition (「R6とR7で」, "R6 vs R7") and not
to a start or end word (「R6とR7で終わる」 are years), nor to a plan or an actual (「No40のR6と
R7の実績」 are the table's years). Editions named apart (「R6版の…、R7版では」) make the first
the one the question's subject is read in (`query.edition`); a pair is read in both.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.understanding.lexicon import (
    CHANGE_WORDS,
    EDITION_MARK,
    END_WORDS,
    LABELLED_BUDGET,
    LATEST,
    PREVIOUS,
    RELATIVE,
    START_WORDS,
)
from bot.understanding.query import Query
from bot.understanding.reading import Text

# What is asked of the other edition, beyond the comparisons lexicon.PATTERNS reads.
ABSENT = "absent"  # no counterpart there: new in the newer edition, ended in the older one
COUNTERPART = "counterpart"  # is it (still) there, what became of it, what it was
SAME_NAME = "same_name"  # continued under the same name
NOT_SAME_NAME = "not_same_name"  # not there under the same name (renamed, merged or new)
RELATIONS = (ABSENT, COUNTERPART, SAME_NAME, NOT_SAME_NAME)

_RELATIVE = re.compile("|".join(sorted(RELATIVE, key=len, reverse=True)))
_BARE = re.compile(r"(?<![a-z0-9])r\s?(\d{1,2})(?!\d)(?:\s*年度)?")
_JOIN = re.compile(
    r"\s*(?:版|年度版|\s?editions?)?\s*(?:と|や|・|、|,|/|／|及び|および|and|&|vs\.?|versus|対|→|->|⇒|or|か)"
    r"\s*(?:the\s+)?$"
)
_LEAD = re.compile(r"(?<![a-z])(?:between|from)\s+(?:the\s+)?$")
# Joins that are also how a span of years is written: editions only with a change word.
_SPAN_JOIN = re.compile(
    r"\s*(?:版|年度版|\s?editions?)?\s*(?:から|~|〜|-|to|through)\s*(?:the\s+)?$"
)
_BOTH = re.compile(
    r"両方の版|両版|各版|版ごと|版毎|版によって|版で(?=違|異な|比べ)|どちらの版"
    r"|between (?:the |both )?(?:two |2 )?editions|(?:in |across )?(?:each|both|the two|the 2) editions"
    r"|edition by edition|across (?:the )?editions|(?<=same )in both(?![a-z])"
)
_ATTACHED_AFTER = re.compile(
    rf"^\s*(?:年度)?\s*(?:に|で|から|まで|の間に?|の間で)?\s*(?:は|が|も)?\s*(?:{START_WORDS}|{END_WORDS})"
)
# "ending between R6 and R7", "started from R6 to R7": two years of the end or start, too.
_ATTACHED_BEFORE = re.compile(
    rf"(?:{START_WORDS}|{END_WORDS})\s*(?:が|は|:|=|の|in|between|from)?\s*$"
)
_TABLE_YEARS = re.compile(
    r"計画|目標|予定|実績|成果|進捗|(?<![a-z])(?:plans?|planned|goals?|actuals?|results?|progress|achiev\w*)(?![a-z])"
)

# The relations, read only where an edition is named or contrasted.
_RELATION_WORDS: list[tuple[str, re.Pattern]] = [
    (
        NOT_SAME_NAME,
        re.compile(
            r"同じ(?:事業)?名(?:前|称)?で(?:は)?(?:載って|出て|掲載されて|残って)(?:い)?(?:ない|なかった|ません)"
            r"|(?<![a-z])not (?:listed |there |in it )?(?:under|with) the same name"
        ),
    ),
    (
        SAME_NAME,
        re.compile(
            r"同じ(?:事業)?名(?:前|称)?(?:のまま|で)?|(?:事業)?名(?:前|称)?(?:が|は)?(?:同じ|変わらず|そのまま)"
            r"|(?:under )?the same name|same name|unchanged name"
        ),
    ),
    (
        ABSENT,
        re.compile(
            r"(?:に|で|には|では|から)(?:は)?(?:なかった|無かった|ない(?!か)|無い|載っていない|載ってない"
            r"|消えた|なくなった|外れた)|新しい事業|新規の?事業|新しく(?:載った|加わった|追加された)"
            r"|(?:had |has |with )?no counterpart|not in (?:the )?(?:r\d+|older|previous|newer)"
            r"|(?<![a-z])new(?:ly added)?(?![a-z])|消えた|なくなった|disappeared|dropped out"
            r"|(?:ended|dropped|discontinued|gone)(?: after| since)?(?= (?:the )?r\d)"
        ),
    ),
    (
        COUNTERPART,
        re.compile(
            r"(?:に|で)も(?:ある|あり|載って|残って|続いて|入って|同じ)|(?:でも|も)続いて|続いてますか"
            r"|どうなった|どうなりました|どうなって|どこに行った|どこへ行った|その後"
            r"|同じ(?:もの|事業|の)?(?:が|は)?(?:ある|あり)|にあたる|に当たる|当たりますか|あたりますか"
            r"|何だった|なんだった|何という事業|どの事業だった"
            # R7版ではどの事業で続いてるの: which project carries it on.
            r"|(?:では|で)?どの事業(?:で|に|として)(?:続|引き継|継続|実施)[^\s?？]{0,8}"
            r"|what (?:happened|became) (?:to|of)|where did|what was(?= no\.?\s*\d+ (?:in|called))"
            r"|(?:in|listed in) the r\d+ (?:edition|roadmap) too|(?<=r\d )too(?:\?|$)|(?<=r\d\d )too(?:\?|$)"
            r"|(?<=(?:edition|roadmap|version) )too(?:\?|$)|as well|either of them"
            r"|(?:was|were|is|are) (?:it|they|either|both|this|that)(?: of them)? (?:in|listed)"
            r"|(?<![a-z])still(?![a-z])"
        ),
    ),
]


# Asked of fields across editions: the same, or changed (only read when two editions are).
_SAME = re.compile(
    r"(?:exactly |just )?the same|(?<![a-z])(?:identical|unchanged)(?![a-z])"
    r"|同じ(?:額|金額|予算|事業費|まま|値)?|変わらない|変わっていない|変わってない|変化なし|据え置"
)
# "new in the R7 edition" (one edition named): new there, as against the one before.
_NEW_IN = re.compile(
    r"new(?= in (?:the )?r\d| to (?:the )?r\d)"
    r"|(?:ended|dropped|discontinued|disappeared|gone)(?: after| since)?(?= (?:the )?r\d)"
)
_SAME_FIELD = re.compile(
    r"(?<![a-z])(?:(?:the|a) )?same (department|section|owner|budget|name|start|end|period)s?(?![a-z])"
)
_SAME_FIELDS = {"department": "owner", "section": "owner"}
_DIFFER = re.compile(r"違|異な|ずれ|変わ|変更|(?<![a-z])(?:differ\w*|changed?)(?![a-z])")
# Words that only frame a comparison of editions: "its R6 edition entry", "carried over".
_FRAMING = re.compile(
    r"(?<![a-z])(?:(?:its|their) )?(?:edition )?(?:entry|entries|counterparts?)(?![a-z])"
    r"|(?<![a-z])(?:carried|carry|carries) over(?: from)?(?![a-z])|から(?:の)?継続(?:している|した|の)?"
)
# English field words a comparison of editions is asked about ("the name of No37 in R6 vs R7").
_EN_FIELDS = {
    "name": re.compile(r"(?<![a-z])names?(?![a-z])"),
    "owner": re.compile(
        r"(?<![a-z])(?:departments?|sections?|divisions?)(?![a-z])"
        r"|(?<!どの)(?<!どこの)(?:担当)?部局(?!別|ごと|毎|が)|部署|どこの部(?!局)"
    ),
}
_INITIATIVES = re.compile(r"取組|取り組み|(?<![a-z])initiatives?(?![a-z])")
_BREAKDOWN = re.compile(r"内訳|(?<![a-z])breakdown(?![a-z])")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    code: str  # a label (R6), or "previous" / "latest"
    explicit: bool  # R6版, the R6 edition, 前の版: always an edition
    budget: bool = False  # R6事業費, R6 budget: that edition's budget


def read_compared_editions(t: Text, query: Query, labels: list[str]) -> None:
    """Two or more editions named in one question: query.compared in the order named; the first
    as the question's own edition when they are named apart. One edition is left to read_edition."""
    if len(labels) < 2:
        return
    relative = [m for m in t.find(_RELATIVE) if m.group(0) in RELATIVE]
    codes = list(dict.fromkeys(f"@{RELATIVE[m.group(0)]}" for m in relative))
    if len(codes) >= 2 and re.search(r"予算|事業費|budget|いくら|how much", t.text):
        # 一昨年度と昨年度の予算: two fiscal years' budgets, each printed by its own edition.
        for m in relative:
            t.take(m.start(), m.end())
        query.compared = codes
        return
    found = _mentions(t, labels)
    explicit = [x for x in found if x.explicit]
    taken = {x.start: x for x in explicit}  # by position: a long question holds many
    joined = False
    changes = bool(re.search(CHANGE_WORDS, t.text))
    for a, b in itertools.pairwise(found):
        between = t.text[a.end : b.start]
        span = _SPAN_JOIN.match(between)
        if not (_JOIN.match(between) or span):
            continue
        if span and not changes:
            continue  # R5〜R9: a span of years
        if not (a.explicit or b.explicit) and _attached(t.text, a.start, b.end):
            continue
        taken.update({a.start: a, b.start: b})
        joined = True
        if lead := _LEAD.search(t.text, max(0, a.start - 16), a.start):
            t.take(lead.start(), lead.end())  # "between R6 and R7", "from R6 to R7"
    apart = [x for x in found if x.start not in taken and not _attached(t.text, x.start, x.end)]
    if explicit:
        # 「R7 で new? 前の版に…」: a bare label beside a named edition is the other edition.
        taken.update({x.start: x for x in apart})
    elif len({x.code for x in apart}) >= 2 and changes:
        # 「R7のNo46、…R6からの増減」: two editions apart with a change word, read in both.
        taken.update({x.start: x for x in apart})
        joined = True
    codes = list(dict.fromkeys(_resolve(taken[at].code, labels) for at in sorted(taken)))
    if len(codes) < 2 and (contrast := _contrast(t, explicit)) is not None:
        # 「R7で新規の事業（R6版になかったもの）」: the edition it was not in, and the other.
        others = [x for x in found if _resolve(x.code, labels) != _resolve(contrast.code, labels)]
        own = _resolve(contrast.code, labels)
        base = _resolve(others[0].code, labels) if others else _other_label(own, labels)
        taken = {x.start: x for x in [contrast, *others[:1]]}
        codes, joined = [base, own], False
    both = next(iter(t.find(_BOTH)), None)
    if len(codes) < 2 and both is not None:
        codes, joined = labels[-2:], True  # between the editions, 版ごと: the last two
        t.take(both.start(), both.end())
    if len(codes) < 2:
        return
    for x in taken.values():
        t.take(x.start, x.end)
        if x.budget and "budget" not in query.fields:
            query.fields.append("budget")
    query.compared = codes
    if not joined:
        query.edition = codes[0]  # 「R6版の…、R7版では」: the subject is read in R6


def read_relation(t: Text, query: Query, labels: list[str]) -> None:
    """What a question asks of a project's other edition, where it names or contrasts one."""
    named = query.compared or query.edition or re.search(r"版|edition|roadmap", t.text)
    bare = not _TABLE_YEARS.search(t.text) and any(
        f"R{int(m.group(1))}" in labels for m in t.find(_BARE)
    )
    if not (named or bare):
        return
    for relation, pattern in _RELATION_WORDS:
        for m in t.find(pattern):
            if relation == ABSENT and not query.compared and not _NEW_IN.match(t.text, m.start()):
                continue  # 「R7版の新しい事業」 is a start year (years.NEWLY), not a contrast
            query.comparison = query.comparison or relation
            t.take(m.start(), m.end())
    if not (query.compared or query.comparison in RELATIONS):
        return
    for m in t.find(_SAME_FIELD):
        query.alike = "same"  # "Same department?"
        wanted = _SAME_FIELDS.get(m.group(1), m.group(1))
        if wanted not in query.fields:
            query.fields.append(wanted)
        t.take(m.start(), m.end())
    for m in t.find(_SAME):
        query.alike = "same"
        t.take(m.start(), m.end())
    if query.alike is None and t.find(_DIFFER):
        query.alike = "differ"  # left for the comparison words (変わった is also "changes")
    for pattern, wanted in (
        (_INITIATIVES, "initiatives"),
        (_BREAKDOWN, "budget"),
        (_EN_FIELDS["name"], "name"),
        (_EN_FIELDS["owner"], "owner"),
    ):
        for m in t.find(pattern):
            if wanted not in query.fields:
                query.fields.append(wanted)
            t.take(m.start(), m.end())
    for m in t.find(_FRAMING):
        t.take(m.start(), m.end())


_NOT_THERE = re.compile(
    r"\s*(?:に|で)(?:は|も)?(?:なかった|無かった|ない(?!か)|無い|載っていない|載ってない)"
)


def _contrast(t: Text, explicit: list[_Mention]) -> _Mention | None:
    """An edition named as where something was not (「R6版になかった」)."""
    return next((x for x in explicit if _NOT_THERE.match(t.text, x.end)), None)


def _other_label(code: str, labels: list[str]) -> str:
    """The edition beside this one: the next, else the one before."""
    i = labels.index(code) if code in labels else len(labels) - 1
    return labels[i + 1] if i + 1 < len(labels) else labels[i - 1]


def _mentions(t: Text, labels: list[str]) -> list[_Mention]:
    """Every edition mention (explicit marks, labelled budgets, loaded bare labels) by position."""
    found: list[_Mention] = []
    for pattern, code in ((PREVIOUS, "previous"), (LATEST, "latest")):
        found += [_Mention(m.start(), m.end(), code, True) for m in t.find(pattern)]
    for m in t.find(EDITION_MARK):
        label = _label(m)
        if label:
            found.append(_Mention(m.start(), m.end(), label, True))
    for m in t.find(LABELLED_BUDGET):
        found.append(_Mention(m.start(), m.end(), f"R{int(m.group(1))}", True, budget=True))
    older = [x for x in found if x.code not in ("latest", labels[-1])]
    if older and not _STILL.search(t.text):
        # "called in the R6 edition, and which section runs it now?", 「R6版では…、今は？」:
        # beside an older edition named as such, "now" is the latest edition.
        found += [_Mention(m.start(), m.end(), "latest", True) for m in t.find(_NOW_CONTRAST)]
    covered = bytearray(len(t.text) + 1)
    for x in found:
        covered[x.start : x.end] = b"\x01" * (x.end - x.start)
    if _TABLE_YEARS.search(t.text):
        return sorted(found, key=_at)  # No40のR6とR7の実績: the table's years, not editions
    for m in t.find(_BARE):
        if any(covered[m.start() : m.end()]):
            continue
        label = f"R{int(m.group(1))}"
        if label in labels:
            found.append(_Mention(m.start(), m.end(), label, False))
    return sorted(found, key=_at)


# "Now" set against an older edition (then vs. now, 今は), never "still running now" or 今も.
_NOW_CONTRAST = re.compile(
    r"(?<![a-z])(?:now|nowadays|these days|today|currently)(?![a-z])|現在(?:は|では|の担当)|今は|今では|いまは|今の担当"
)
_STILL = re.compile(r"今も|現在も|いまも|(?<![a-z])(?:still|ongoing|running|continu\w*)(?![a-z])")


def _label(m: re.Match) -> str | None:
    from bot.understanding.years import year_code  # the one reading of a year's forms

    western = m.group(3) or m.group(4)
    return year_code(f"{western}年度" if western else f"R{m.group(1) or m.group(2)}")


def _attached(text: str, start: int, end: int) -> bool:
    """「R6とR7で終わる」, 「終期がR6とR7」: two years of a start or end, not two editions —
    unless a change is asked of them (「事業始期はR6とR7でどう変わった」: the field, twice)."""
    after = text[end : end + 24]  # the words around, not the whole of a long question
    if _ATTACHED_AFTER.match(after):
        return True
    if _ATTACHED_BEFORE.search(text[max(0, start - 24) : start]):
        return not (re.match(r"\s*(?:の間)?で", after) and re.search(CHANGE_WORDS, text))
    return False


def _resolve(code: str, labels: list[str]) -> str:
    return {"previous": labels[-2], "latest": labels[-1]}.get(code, code)


def _at(x: _Mention) -> int:
    return x.start
