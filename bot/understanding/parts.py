"""A question that asks two things (「R6は何会場でやった？あと修了者数も」, "how many sessions were
held, and what does it say about the licence?"): cut into its parts, each asked on its own, so
that neither is answered for both nor dropped. Pure: text in, parts out."""

from __future__ import annotations

import re

# Where a second question begins: after a question mark, or at あと / それと / also.
_CUT = re.compile(
    r"(?<=[?？])\s*(?=\S)"
    r"|[、。,]\s*(?=(?:あと|それと|それから|あわせて|併せて|ついでに)[、,\s]?)"
    r"|\s*[,;]\s*(?=and (?:also |then )?(?:what|when|where|how|who|which)\b)"
    r"|[,;]\s*(?=also\b)"
)
# What makes a part a question of its own (a question word or mark, a request, a も of ellipsis).
_ASKS = re.compile(
    r"[?？]|何|いつ|どこ|誰|だれ|いくら|いくつ|どれ|どの|どう|教えて|知りたい|出して|ください|お願い"
    r"|も$|もあわせて|(?<![a-z])(?:what|when|where|how|who|which|is|are|did|does|do|was|were|tell|list"
    r"|show)(?![a-z])",
    re.IGNORECASE,
)
# A second part that only completes the first (なければ…: the fallback of one question; a
# statement after the question: R6版だと…気がする) is no question of its own.
_NOT_A_PART = re.compile(
    r"^(?:もし)?(?:なければ|無ければ|ないなら|ない場合|なかったら|if not|if none|otherwise|or)"
    r"|気がする|と思う|はず|ですよね|みたい|らしい|(?<![a-z])(?:i think|i guess)(?![a-z])"
    # A year counted from the part before (それとも翌年？, or the year after?) has no anchor alone.
    r"|来年|翌年|前年|次の年|その年|(?<![a-z])(?:next|last|following|previous|that) (?:fiscal )?year",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:あと|それと|それから|あわせて|併せて|ついでに|and (?:also |then )?|also)[、,\s]*"
)
_MIN_PART = 4  # characters: 「え？」 or "ok?" is no second question
# Words that only ask (教えて, お願いします, pls): a part of nothing but these asks nothing new.
_ONLY_ASKING = re.compile(
    r"[?？!！。、,.\s]|教えて(?:ください|下さい)?|お願い(?:します|いたします)?|ください|下さい|よろしく"
    r"|知りたい(?:です)?|です|ます|か|ね|よ|(?<![a-z])(?:please|pls|plz|thanks|thx|ty)(?![a-z])",
    re.IGNORECASE,
)


def parts(question: str) -> list[str]:
    """The questions a message asks, in order; one part when it asks one thing."""
    text = question.strip()
    cuts = [m.start() for m in _CUT.finditer(text) if 0 < m.start() < len(text)]
    pieces, last = [], 0
    for at in cuts:
        pieces.append(text[last:at])
        last = at
    pieces.append(text[last:])
    pieces = [p.strip(" 、。,;") for p in pieces]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return [text]
    merged = [pieces[0]]
    for piece in pieces[1:]:
        bare = _LEAD.sub("", piece)
        said = _ONLY_ASKING.sub("", bare)
        if (
            len(bare) < _MIN_PART
            or len(said) < _MIN_PART
            or _NOT_A_PART.search(bare)
            or not _ASKS.search(bare)
        ):
            merged[-1] = f"{merged[-1]} {piece}"  # a completion of the part before
        else:
            merged.append(bare)
    if len(merged) == 1 or not _ASKS.search(merged[0]):
        return [text]  # one question (a greeting or context before it, a completion after)
    return merged
