"""A question that asks two things (「R6は何会場でやった？あと修了者数も」, "how many sessions were
held, and what does it say about the licence?"): cut into its parts, each asked on its own, so
that neither is answered for both nor dropped. Pure: text in, parts out."""

from __future__ import annotations

import re

from bot.understanding.words import is_emoji, prepare

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
    r"|も(?:分|わ)かれば|も(?:分|わ)かったら"  # 先進地調査の期間も分かれば…: asked as well
    r"|も$|のは$|もあわせて|(?<![a-z])(?:too|as well)[.!?]*$|(?<![a-z])(?:what|when|where|how|who|which|is|are|did|does|do|was|were|tell|list"
    r"|show)(?![a-z])",
    re.IGNORECASE,
)
# A second part that only completes the first (なければ…: the fallback of one question; a
# statement after the question: R6版だと…気がする) is no question of its own.
_NOT_A_PART = re.compile(
    r"^(?:もし)?(?:なければ|無ければ|ないなら|ない場合|なかったら|if not|if none|otherwise|or)"
    # 「numberあれば知りたい」, "if there is one": asks what the question before asked, if any.
    r"|^(?![^、。,]*(?:no\.?\s*\d|\d+\s*番))[^、。,]{0,12}(?:が|は)?(?:あれば|あったら|あるなら)"
    r"(?:知りたい|教えて|お願い)?[^?？]{0,6}[?？]?$"
    r"|^(?:if any|if there (?:is|are) (?:one|any))[?.!]?$"
    r"|気がする|と思う|はず|ですよね|みたい|らしい|(?<![a-z])(?:i think|i guess)(?![a-z])"
    # A year counted from the part before (それとも翌年？, or the year after?) has no anchor alone.
    r"|来年|翌年|前年|次の年|その年|(?<![a-z])(?:next|last|following|previous|that) (?:fiscal )?year"
    # 「それぞれ何件？totalも」: the total of what the part before counted.
    r"|^(?:total|合計|合算|トータル|計|sum|in total)(?:も|は)?(?:\s*(?:で|教えて|お願い|pls|please))?[?？]?$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:あと|それと|それから|あわせて|併せて|ついでに|and (?:also |then )?|also)[、,\s]*"
)
# 「R6の実績とR7の目標」, "the R6 result and the R7 goal": a year and what is asked of it, twice.
# The query holds one year per field, so each pair is its own part (the project carried over).
_YEAR_FIELD = (
    r"(?:r|令和|fy)\s?\d{1,4}\s*(?:年度)?\s*(?:の|'s)?\s*"
    r"(?:実績|計画|目標|予定|取組実績|actuals?|results?|plans?|goals?|targets?)"
)
_PAIR_CUT = re.compile(
    rf"(?:(?<=実績|計画|目標|予定)|(?<=actual|result|target)|(?<=actuals|results|targets)"
    rf"|(?<=plan|goal)|(?<=plans|goals))\s*(?=(?:と|及び|および|、|,|and |&)\s*(?:the\s+)?{_YEAR_FIELD})",
    re.IGNORECASE,
)
# 「R6は実際どうだったのかと、R7の目標」: a question about one year, then a year's field.
_YEAR_THEN_FIELD = re.compile(rf"(?<=[とか])[、,]\s*(?={_YEAR_FIELD})", re.IGNORECASE)
_COUNT_PAIR = re.compile(
    r"(?<=[者場回件人校所]数)(?=と[、,]\s*[^、。？?]{2,30}?[者場回件人校所]数)"
)
_PAIR_LEAD = re.compile(r"^(?:と|及び|および|、|,|and |&)\s*(?:the\s+)?", re.IGNORECASE)
# A first part that names what it asks (「…の取組について、R6の計画と実績、それから…」).
_FIELD_ASKED = re.compile(r"計画|実績|目標|予算|事業費|担当|終期|始期|概要")
_MIN_PART = 4  # characters: 「え？」 or "ok?" is no second question
# Words that only ask (教えて, お願いします, pls): a part of nothing but these asks nothing new.
_ONLY_ASKING = re.compile(
    r"[?？!！。、,.\s]|教えて(?:ください|下さい)?|お願い(?:します|いたします)?|ください|下さい|よろしく"
    r"|知りたい(?:です)?|です|ます|か|ね|よ|(?<![a-z])(?:please|pls|plz|thanks|thx|ty)(?![a-z])",
    re.IGNORECASE,
)


# 「…システム、委託契約の締結と全機能の構築完了はそれぞれいつ？」: two things of one project,
# each asked the same question.
_EACH_THING = re.compile(
    r"^(?P<head>.*?[、,]\s*)?(?P<a>[^、,。？?]{2,30}?)(?:と|及び|および)、?(?P<b>[^、,。？?]{2,30}?)"
    r"(?:は|の|を|、)?\s*(?:それぞれ|各々)\s*(?P<ask>(?:いつ|何|どこ|いくつ|いくら|どれ|どの)[^、,。]*)$"
)
# Things that are no events of one project: numbers, years, groups (handled as targets).
_NO_EVENT = re.compile(r"\d|no\.?|番|(?:課|部|局|庁|室)$|項目|分野|事業$", re.IGNORECASE)


def _each_thing(text: str) -> list[str]:
    """The same question asked of each of two things said together, or none."""
    m = _EACH_THING.match(text)
    if not m or any(_NO_EVENT.search(m.group(x)) for x in ("a", "b")):
        return []
    head = m.group("head") or ""
    return [f"{head}{m.group(x)}は{m.group('ask')}" for x in ("a", "b")]


def parts(question: str) -> list[str]:
    """The questions a message asks, in order; one part when it asks one thing."""
    text = question.strip()
    if each := _each_thing(text):
        return each
    pair = _pair_cuts(text)
    cuts = sorted({m.start() for m in _CUT.finditer(text) if 0 < m.start() < len(text)} | pair)
    bounds = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
    pieces: list[tuple[str, bool]] = []  # each piece, and whether it is a year and its field
    for start, end in bounds:
        piece = text[start:end].strip(" 、。,;")
        if end in pair:  # the year before a pair cut loses its joining と (…のかと、)
            piece = re.sub(r"(?:のか)?と$", "", piece)
        if start in pair:
            piece = _PAIR_LEAD.sub("", piece)
        if piece:
            pieces.append((piece, start in pair or end in pair))
    if len(pieces) < 2:
        return [text]
    merged = [pieces[0][0]]
    for piece, paired in pieces[1:]:
        if paired:
            merged.append(_LEAD.sub("", piece))  # a year and its field: a part of its own
            continue
        bare = _LEAD.sub("", piece)
        # Judged without links, emoji and courtesy (「修了者数も 急ぎじゃないです🙏」 still asks).
        clean = prepare(bare).text.strip(" 、。,;")
        said = _ONLY_ASKING.sub("", clean)
        if (
            len(clean) < _MIN_PART
            or len(said) < _MIN_PART
            or _NOT_A_PART.search(clean)
            or not _ASKS.search(clean)
        ):
            merged[-1] = f"{merged[-1]} {piece}"  # a completion of the part before
        else:
            merged.append(bare)
    asks_first = _ASKS.search(merged[0]) or _FIELD_ASKED.search(merged[0]) or pieces[0][1]
    if len(merged) == 1 or not asks_first:
        return [text]  # one question (a greeting or context before it, a completion after)
    return merged


def _pair_cuts(text: str) -> set[int]:
    """Where a year and its field follow another (R6の実績とR7の目標); none where the two are
    compared (R6の目標とR7の目標を比べて: one comparison)."""
    if re.search(r"比べ|比較|違い|差|変わ|compare|differ|vs", text, re.IGNORECASE):
        return set()
    cuts = {m.start() for m in _PAIR_CUT.finditer(text) if _paired_year(text[: m.start()])}
    # 「…セミナーの開催会場数と、…講座の修了者数」: two counts of the text, each its own part.
    cuts |= {m.start() for m in _COUNT_PAIR.finditer(text)}
    cuts |= {
        m.start()
        for m in _YEAR_THEN_FIELD.finditer(text)
        if re.search(r"(?:r|令和|fy)\s?\d{1,4}", text[max(0, m.start() - 24) : m.start()], re.I)
    }
    return cuts


def _paired_year(before: str) -> bool:
    """The text before a cut ends in a year and what is asked of it (R6の実績)."""
    return bool(re.search(rf"{_YEAR_FIELD}\s*$", before, re.IGNORECASE))


# -- a question among sentences of small talk -------------------------------------------------
# "Hope you had a good weekend. It's freezing here, snow everywhere lol. Anyway, my boss asked
# me something: what's the FY2025 budget for No43? Thanks!", 「おはようございます。今日は雪が
# すごいですね。No38の担当課は？」 — some sentences ask, others only chat. Cut at sentence ends,
# at a colon, and after a clause of context (〜ですが、).
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+|(?<=[。！？])\s*|\n+"
    # 「先日の打合せで話題に出た件で恐縮ですが、」: a clause of context before the question.
    r"|(?<=(?:です|ます|した)が、)|(?<=けど、)|(?<=けれど、)|(?<=けれども、)"
    r"|(?<=:)\s+"
    # "quick q before the 11am call – which section runs…": a dash between two clauses.
    r"|\s+[–—]\s+|\s+-{1,2}\s+"
    # 「PDFだと表がずれてて見づらくて…44番の担当課は？」: a trailing-off clause before the question.
    r"|(?<=…)(?!…)|(?<=\.\.\.)(?!\.)",
    re.IGNORECASE,
)


def sentences_of(text: str) -> list[str]:
    """The sentences of a message, in order, each with its own end mark."""
    # An emoji followed by a space ends a sentence as a full stop does (すごいですね⛄ No38の…).
    marked = re.sub(r"(\S)(?=\s)", lambda m: "。" if is_emoji(m.group(1)) else m.group(1), text)
    return [s.strip() for s in _SENTENCE_END.split(marked.strip()) if s.strip()]
