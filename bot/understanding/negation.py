"""Negation with scope: 〜以外, 〜じゃない, 〜を除く, 〜抜き, 続かない, not, except, excluding,
other than, apart from, leave out — each applied to the one condition it is written against
(the one just before it in Japanese, the one just after it in English), whatever its kind:
a department or section, a category or field, a year, an amount, a flag, an end year that is
not printed, a project named, or a word of the text. A negation with nothing to apply to is
left for the mention check to ask about, never dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.understanding.query import Filter, Query
from bot.understanding.reading import Text

# Japanese: the marker follows what it negates.
_JA_MARKER = re.compile(
    r"以外(?:の(?:項目|分野|部局|課|カテゴリー?|もの|事業))?|(?:を|は|も)?除(?:く|いた|いて|けば|くと|いたら)"
    r"|を?除外|抜き|を?外(?:した|して|すと)|(?:で|じゃ)なかった|ではなかった"
    r"|じゃ(?:ない|なく|なかった)(?:方|ほう)?|では(?:ない|なく|なかった)(?:方|ほう)?|でない(?:方|ほう)?|でなく"
    r"|に(?:入って(?:い)?ない|入らない|入ってなかった)|に(?:なって(?:い)?ない|ならない)"
    r"|(?:を)?含ま(?:ない|れない|ず)|に該当しない|続か(?:ない|なかった)"
    # 医療・福祉でも学校教育でもない / 重点枠にも将来対応分にも○が付いてない
    r"|でもない|でもなく|でもなかった"
    r"|(?:に|にも|も)?(?:○|〇|印|マーク|チェック)?(?:が|は)?(?:付いて|ついて|載って|入って)(?:い)?"
    r"(?:ない|なかった|ません|ませんでした)"
)
# Inclusion: 病院局の分も含めて / including the police's — a group taken in, not a condition.
_JA_INCLUDE = re.compile(
    r"(?:の分|の事業)?(?:も|を)含め(?:て|た|る)?|(?:も|を)含む|込み(?:で)?"
    # 病院事業会計の分も入れて: only with の分 (予算を加えて, 事業費を足して ask for them)
    r"|の分(?:も|を)(?:入れて|加えて)"
)
# 「病院事業会計の分も入れて」: words said to be taken in that name no group — they restrict
# nothing either (every project is counted unless a condition leaves one out).
_TAKEN_IN = re.compile(
    r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9]{2,16}(?:の分|の事業|の)?(?:も|を)?\s*$"
)
# A field of the project is asked for, never taken in (予算も含めて教えて).
_FIELD_WORD = re.compile(r"予算|事業費|実績|計画|目標|概要|担当|期間|始期|終期|金額|内訳")
_EN_INCLUDE = re.compile(r"(?<![a-z])(?:including|incl\.?|inclusive of)(?![a-z])")
_COORDINATED = re.compile(r"^\s*(?:と|とか|や|、|・|,|か|でも|にも|も|and|or|&|nor)\s*$")
_FLAGS = ("priority_frame", "future_response")
# English: the marker comes first.
_EN_MARKER = re.compile(
    r"(?<![a-z])(?<!if )(?<!or )(?:not|except(?: for)?|excluding|exclude|other than|besides|apart from|aside from"
    r"|leave out|leaving out|leave aside|without|aren't|isn't|don't|doesn't|weren't|wasn't|never"
    r"|outside(?: of)?)(?![a-z])"
    r"|(?<![a-z])non-?"
)
# What may stand between a condition and its marker and still leave it the marker's scope.
_JA_BETWEEN = re.compile(
    r"^(?:\s|の|が|は|も|を|に|で|と|○|〇|事業|もの|やつ|の分|分|関係|関連|系|担当|部局|課|項目|カテゴリー?"
    r"|から|まで|始まった|始まる|終わる|終わった|入って|なって|の事業|projects?|ones?|[」』\"'”])*$"
)
# Read word by word (a set, never an alternation under *: a long gap of "a a a …" would try
# every way to split it).
_EN_BETWEEN_TEXT = (
    "the a an in of by from for run running owned handled managed under within part any"
    " everything anything all those these one ones stuff thing things project projects that"
    " which are is were was ending ended end starting started start flagged marked as do does"
    " did through until to belonging belong counting"
    # A word describing what is left out (leaving out the huge No30 …) stays in its scope.
    " huge big large giant massive biggest largest small tiny expensive costly whole entire"
    " so-called"
)
_EN_BETWEEN_WORDS = frozenset(_EN_BETWEEN_TEXT.split())


def _en_between(gap: str) -> bool:
    """Only words that leave a condition in an English marker's scope stand in the gap."""
    return all(w in _EN_BETWEEN_WORDS for w in re.findall(r"\S+", gap))


_FLIP = {
    "eq": "ne",
    "ne": "eq",
    "ge": "lt",
    "lt": "ge",
    "le": "gt",
    "gt": "le",
    "between": "outside",
    "outside": "between",  # R5〜R8に開始以外じゃない: within R5〜R8 again
}
_WINDOW = 24
# English words are longer: "excluding projects that started in R6" puts R6 27 characters on.
_EN_WINDOW = 48


def read_negations(t: Text, query: Query) -> None:
    """Apply each negation marker to the condition it is written against."""
    for m in t.find(_JA_MARKER):
        named = _named_before(t, query, m.start())
        target = None if named is not None else _before(t, query, m.start())
        if named is not None:
            _exclude(query, named)
        if named is not None or (target is not None and _negate(query, target)):
            t.take(m.start(), m.end())
    for m in t.find(_EN_MARKER):
        named = _named_after(t, query, m.end())
        target = None if named is not None else _after(t, query, m.end())
        if named is not None:
            _exclude(query, named)
            start = min(s for r, (s, _) in query.named_spans if r in named and s >= m.end())
            t.take(m.end(), start)  # the words between (the huge …) describe what is left out
        if named is not None or (target is not None and _negate(query, target)):
            t.take(m.start(), m.end())
            if target is not None and target.span:  # leaving out everything that started …
                t.take(m.end(), target.span[0])
    for m in t.find(_JA_INCLUDE):
        target = _before(t, query, m.start())
        if target is not None:
            _include(query, target)
            t.take(m.start(), m.end())
        elif words := _TAKEN_IN.search(_gap(t, max(0, m.start() - 16), m.start())):
            start = m.start() - len(words.group(0))
            if t.free(start, m.start()) and not _FIELD_WORD.search(words.group(0)):
                t.take(start, m.end())
                said = re.sub(r"(?:の分|の事業|の)?(?:も|を)?\s*$", "", words.group(0))
                query.included.append(Filter("text", "incl", said))
    for m in t.find(_EN_INCLUDE):
        target = _after(t, query, m.end())
        if target is not None:
            _include(query, target)
            t.take(m.start(), m.end())
    _said_again(query)


def _said_again(query: Query) -> None:
    """「Outside the Board of Education (教育庁)」: a group said again beside its negated self
    is the same group, left out once — never also a condition of its own."""
    left_out = {(f.kind, f.value) for f in query.filters if f.op in ("ne", "outside") or f.negated}
    query.filters = [
        f
        for f in query.filters
        if not (f.op == "eq" and not f.negated and (f.kind, f.value) in left_out)
    ]


def _include(query: Query, target: Filter) -> None:
    """A group said to be taken in (病院局の分も含めて) restricts nothing: it is noted."""
    query.filters.remove(target)
    query.included.append(target)


def _named_before(t: Text, query: Query, at: int) -> list[str | int] | None:
    """A project named just before a Japanese marker (デジタルデバイド対策事業を除く)."""
    for _, (start, end) in sorted(query.named_spans, key=lambda x: -x[1][1]):
        if at - _WINDOW <= end <= at and _JA_BETWEEN.match(_gap(t, end, at)):
            return _named_together(t, query, (start, end))
    return None


def _named_after(t: Text, query: Query, at: int) -> list[str | int] | None:
    """A project named just after an English marker (except No45)."""
    for _, (start, end) in sorted(query.named_spans, key=lambda x: x[1][0]):
        if at <= start <= at + _WINDOW and _en_between(_gap(t, at, start)):
            return _named_together(t, query, (start, end))
    return None


def _named_together(t: Text, query: Query, span: tuple[int, int]) -> list[str | int]:
    """The projects named at span and those named beside it with と, 、, and (No40とNo41を
    除く, except No40 and No41): left out together."""
    # A number listed after another (No40とNo41) is named twice: keep the longest span.
    spans = sorted({s for _, s in query.named_spans})
    spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    at = next(i for i, s in enumerate(spans) if s[0] <= span[0] and span[1] <= s[1])
    first = last = at
    while first > 0 and _COORDINATED.match(t.text[spans[first - 1][1] : spans[first][0]]):
        first -= 1
    while last + 1 < len(spans) and _COORDINATED.match(t.text[spans[last][1] : spans[last + 1][0]]):
        last += 1
    together = spans[first : last + 1]
    refs = [r for r, s in query.named_spans if any(o[0] <= s[0] and s[1] <= o[1] for o in together)]
    return list(dict.fromkeys(refs))


def _exclude(query: Query, refs: list[str | int]) -> None:
    """A named project left out: no longer a target, a condition against it instead."""
    query.project_nos = [n for n in query.project_nos if n not in refs]
    query.project_keys = [k for k in query.project_keys if k not in refs]
    query.project_no = query.project_nos[0] if query.project_nos else None
    query.excluded += refs


def _gap(t: Text, start: int, end: int) -> str:
    """The characters between two places that no slot has read."""
    return "".join(
        c for c, used in zip(t.text[start:end], t.used[start:end], strict=True) if not used
    )


def _before(t: Text, query: Query, at: int) -> Filter | None:
    """The condition written just before a Japanese marker."""
    candidates = [f for f in query.filters if f.span and at - _WINDOW <= f.span[1] <= at]
    for f in sorted(candidates, key=lambda f: -f.span[1]):  # type: ignore[index]
        if _JA_BETWEEN.match(_gap(t, f.span[1], at)):  # type: ignore[index]
            return f
    return None


def _after(t: Text, query: Query, at: int) -> Filter | None:
    """The condition written just after an English marker."""
    candidates = [f for f in query.filters if f.span and at <= f.span[0] <= at + _EN_WINDOW]
    for f in sorted(candidates, key=lambda f: f.span[0]):  # type: ignore[index]
        if _en_between(_gap(t, at, f.span[0])):  # type: ignore[index]
            return f
    return None


def _start(f: Filter) -> int:
    return f.span[0] if f.span else 0


def _negate(query: Query, target: Filter) -> bool:
    """Turn one condition into its opposite, in place; False if it cannot be negated."""
    if target.kind not in _FLAGS and target.op not in _FLIP:
        return False
    # 健康福祉部と教育庁を除いた, 子育てや教育庁以外, 重点枠にも将来対応分にも付いてない: every
    # condition said together with it (a flag, or one compared the same way) is turned too.
    for f in _said_together(query, target, lambda f: f.kind in _FLAGS or f.op == target.op):
        if f.kind in _FLAGS:
            f.value = not f.value
        else:
            f.op = _FLIP[f.op]
        f.negated = True
    return True


def _said_together(query: Query, target: Filter, alike: Callable[[Filter], bool]) -> list[Filter]:
    """The target and the conditions like it joined to it by と, や, and, or — either side."""
    together = [target]
    said = sorted((f for f in query.filters if alike(f) and f.span), key=_start)
    at = next((i for i, f in enumerate(said) if f is target), None)
    if at is None:
        return together
    for step in (-1, 1):
        i, last = at + step, target
        while 0 <= i < len(said):
            f = said[i]
            a, b = (f.span[1], last.span[0]) if step < 0 else (last.span[1], f.span[0])  # type: ignore[index]
            if not _COORDINATED.match(query.reading[a:b]):
                break
            together.append(f)
            last, i = f, i + step
    # 健福部以外: the offices one short word named (健康医療福祉部, 健康福祉部) are left out together.
    together += [f for f in said if f is not target and f.span == target.span and f not in together]
    return together
