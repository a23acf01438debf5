"""Reading a question's words: what a chat platform wraps around them taken off (people's
mentions, links, emoji), numerals written in kanji made digits, and the words left over once
every slot has read its own told apart — content (a condition or a name) from framing
(greetings, politeness, request verbs, hedges) by each word's part of speech, not by a list of
examples. Japanese is read with SudachiPy, loaded the first time a question needs it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.understanding.framing import EN_ASKING, asks, honorific, own_act, statement
from bot.understanding.sudachi import tokenizer
from bot.understanding.typed_names import kana_runs

# A person mentioned: Slack's raw <@U123|name>, Teams' <at>Name</at>, or @name as the chat
# adapters decode them (a name runs to a space or a Japanese particle/punctuation).
_SLACK_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_TEAMS_AT = re.compile(r"<at>([^<]*)</at>", re.I)
_AT_NAME = re.compile(
    r"(?<![\w.])@([A-Za-z0-9._\-]+|[^\s@、。,，!！?？「」()（）]{1,12}?)(?=さん|様|氏|くん|君|$|[\s、。,，!！?？]|の|が|は|に|を)"
)
_SLACK_TOKEN = re.compile(r"<[#!][^>]*>|<mailto:[^>]*>")
_LINK = re.compile(r"<(https?://[^>|]*)(?:\|([^>]*))?>|https?://[^\s<>「」（）()、。]+", re.I)
# :pray: right after a Japanese word (費:pray:) is an emoji all the same; 12:30:45 is not.
_EMOJI_CODE = re.compile(r"(?<![a-z0-9_:]):[a-z0-9_+\-]*[a-z][a-z0-9_+\-]*:(?![a-z0-9_:])", re.I)
# Markdown that chat clients add around words: *bold*, _italic_, ~strike~, `code`, > quote.
_MARKUP = re.compile(r"(?<![\w*])[*_~`]+|[*_~`]+(?![\w*])|^\s*>\s?", re.M)


_EMOJI_LIKE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u200d\ufe0e\ufe0f\u20e3\u3030\u303d"
    "\u2100-\u21ff\u2190-\u23ff\u25a0-\u25ff\u2700-\u27bf\u2900-\u297f]"
)


def is_emoji(c: str) -> bool:
    """A pictograph, a symbol drawn as one, or what joins and varies them."""
    code = ord(c)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x200D, 0xFE0F, 0xFE0E, 0x20E3, 0x3030, 0x303D)
        or 0x1F1E6 <= code <= 0x1F1FF
        or (unicodedata.category(c) == "So" and not 0x3000 <= code <= 0x9FFF)
    )


@dataclass
class Prepared:
    """A question without what the platform wrapped around it, and the people it mentions."""

    text: str
    people: list[str] = field(default_factory=list)  # names or platform ids, as mentioned
    people_ids: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # links and emoji taken off


def prepare(text: str) -> Prepared:
    """Take off mentions of people, links, channel tokens, emoji and markup; keep the words."""
    out = Prepared(text)

    def slack_user(m: re.Match) -> str:
        out.people_ids.append(m.group(1))
        out.people.append(m.group(2) or m.group(1))
        return " "

    def teams_at(m: re.Match) -> str:
        out.people.append(m.group(1).strip())
        return " "

    def link(m: re.Match) -> str:
        out.dropped.append(m.group(0))  # a link and its label (R7資料) are never conditions
        return " "

    s = _SLACK_USER.sub(slack_user, text)
    s = _TEAMS_AT.sub(teams_at, s)
    s = _LINK.sub(link, s)
    s = _SLACK_TOKEN.sub(" ", s)

    def at_name(m: re.Match) -> str:
        out.people.append(m.group(1))
        return " "

    s = _AT_NAME.sub(at_name, s)
    s = _EMOJI_CODE.sub(" ", s)
    if _EMOJI_LIKE.search(s):  # one pass of a class; each character only where one may be
        s = "".join(" " if is_emoji(c) else c for c in s)
    s = _MARKUP.sub(" ", s)
    s = _COURTESY.sub(" ", s)
    s = _KANA_ADJECTIVE.sub(lambda m: _KANA_ADJECTIVES[m.group(1)] + m.group(2), s)
    out.text = s
    return out


# Adjectives typed in kana (予算がいちばんすくない, おおきい順): read as the kanji the
# lexicon knows. Only before an adjective's own endings, never inside other words.
_KANA_ADJECTIVES = {
    "すくな": "少な",
    "おお": "多",
    "おおき": "大き",
    "ちいさ": "小さ",
    "たか": "高",
    "ひく": "低",
    "やす": "安",
    "ながく": "長く",
    "みじか": "短",
}
_KANA_ADJECTIVE = re.compile(
    # Not inside a word (見やすい, 背が高い is kanji already): after a particle or いちばん.
    # (予算すくない順: right after the measure, its particle dropped)
    r"(?:(?<![\u3041-\u309f\u30a0-\u30ff\u4e00-\u9fff])|(?<=ばん)|(?<=[がはもとにでのてっ])|(?<=予算)|(?<=事業費)|(?<=件数))"
    r"(すくな|おおき|ちいさ|おお|たか|ひく|やす|みじか)(い|かった|く(?=て|な))"
)


# Whole phrases of courtesy and context that never carry a condition, though their words look
# like one (急ぎじゃない is no negation, 田中さんからの依頼で no person asked about).
_COURTESY = re.compile(
    r"(?:お)?急ぎ(?:じゃ|では|で)?(?:ない|ありません|なくて(?:大丈夫|いい|OK)?)(?:です|ので|けど|が)?[〜~ー!！。、]*"
    r"|[^\s、。()（）]{1,8}さん\s*[(（]?\s*[)）]?\s*"
    r"(?:に聞いたら[^。？?]*?(?:言われ|聞け)[^。？?]*?(?:ので|て)|から(?:の)?(?:依頼|頼まれ[^\s、。]*|聞いて)"
    r"|に頼まれ[^\s、。]*)(?:で|て|ました|ので)?[…。、!！\s]*"
    r"|(?<=[\s…。、!！])(?:笑|ｗ+|w{2,})(?=[\s。、!！]|$)"
    r"|(?:話|はなし)(?:は|が)?変わ(?:りますが|るけど|るんですが|って)(?:、)?|ところで(?:、)?"
    # 「よく分かってないんですが」: what the asker does not know, never a negation of the question.
    r"|(?:よく|まだ|あまり)?(?:分かって|わかって|知ら|覚えて)(?:い)?(?:ない|なくて|ません)"
    r"(?:んですが|んだけど|のですが|けど|ので|が)?[、,]?"
    r"|(?<![a-z])(?:thanks|thank you) (?:a lot|so much|very much|heaps|a bunch|a ton)(?![a-z])"
    r"|(?<![a-z])many thanks(?![a-z])"
    r"|(?<![a-z])(?:just (?:checking|to (?:check|confirm|be sure))|double[- ]checking)(?![a-z])"
    r"|(?<![a-z])(?:good (?:morning|afternoon|evening|day)|stay (?:warm|safe|cool|dry)|take care"
    r"|have a (?:good|nice|great) (?:day|one|weekend|week)"
    r"|hope you (?:had|have|are having) a (?:good|nice|great|lovely) (?:weekend|week|day))(?![a-z])",
    re.IGNORECASE,
)


# -- numerals ------------------------------------------------------------------------------

_KANJI_NUMERAL = "〇一二三四五六七八九十百千万億"
_KANJI_RUN = re.compile(
    rf"(?<![{_KANJI_NUMERAL}何])([{_KANJI_NUMERAL}0-9,.]*[{_KANJI_NUMERAL}][{_KANJI_NUMERAL}0-9,.]*)"
    r"(?=\s*(?:番|号|件|人|名|回|校|か所|ヶ所|箇所|カ所|台|円|年度|年|位|つ|個|社|施設|市町村|病院|日|月|%|パーセント|割))"
)
_BARE_MONEY = re.compile(
    rf"(?<![{_KANJI_NUMERAL}何\d,.])((?:\d+|[一二三四五六七八九])[{_KANJI_NUMERAL}0-9]*(?:億|万)[{_KANJI_NUMERAL}0-9]*)"
    r"(?=\s*(?:ちょうど|ぴったり|で(?:合|あ|正|OK|ok)|って|でしたっけ|だっけ|ですよね|くらい|ぐらい|程度|前後|[?？]))"
)
_UNIT_WORD = re.compile(r"円\s*(?:で|単位|換算|に直して|表示)")
# 1,000から5,000万円: the unit written once is the first amount's too (amounts.py reads the
# pair), so the second amount stays as written, never 50000000円 beside a bare 1,000.
_BARE_AMOUNT_JOINED = re.compile(r"(?<![\d,.a-z])\d[\d,]*(?:\.\d+)?\s*(?:から|~|-|〜|－)\s*$")
_DIGITS_AND_UNIT = re.compile(r"[\d,]+(?:\.\d+)?(?:億|千万|百万|万|千)")
# Where a kanji run is a word, not a number: 一番 (most), 一部, 一覧, 一体, 十分.
_NOT_NUMBER_AFTER = re.compile(r"番(?:目)?(?:に|の)?(?:大き|小さ|多|少|高|低|安|早|遅)|番(?:目)?$")


def kanji_to_int(run: str) -> int | None:
    """三十五 → 35, 二億五千万 → 250000000, 2億5千万 → 250000000; None if not a number."""
    from kanjize import kanji2number  # the numerals' own library, for any size and mix

    plain = run.replace(",", "")
    if not plain or not any(c in _KANJI_NUMERAL for c in plain):
        return None
    try:
        value = kanji2number(plain)
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value if isinstance(value, int) else None


def digits(text: str) -> str:
    """Kanji and mixed numerals before a counter or unit written in digits (三十五番 → 35番,
    二億五千万円 → 250000000円, 1億2000万円 → 120000000円); 一番 (most) and 一覧 stay."""
    if not re.search(rf"[{_KANJI_NUMERAL}]", text):
        return text

    def one(m: re.Match) -> str:
        run = m.group(1)
        if run == "一" and text[m.end() : m.end() + 1] == "番":
            return run  # 一番大きい, 一番の事業: a superlative, never project No1
        if re.fullmatch(r"[0-9,.]+", run):
            return run
        if run in ("十万", "百万", "千万", "万", "億", "千") and _UNIT_WORD.match(text, m.end()):
            return run  # 百万円単位で: a unit the answer is asked in, not an amount
        if "." in run:  # 1.5億: a decimal before a kanji unit is read where amounts are
            return run
        if _DIGITS_AND_UNIT.fullmatch(run) and _BARE_AMOUNT_JOINED.search(
            text, max(0, m.start() - 40), m.start()
        ):
            return run
        value = kanji_to_int(run)
        return str(value) if value is not None else run

    text = _KANJI_RUN.sub(one, text)

    def money(m: re.Match) -> str:
        value = kanji_to_int(m.group(1))
        return f"{value}円" if value is not None and value >= 10_000 else m.group(0)

    # 5千万でしたっけ, 1億2千万ちょうど: a sum of 万 or 億 said without 円 is yen.
    return _BARE_MONEY.sub(money, text)


# -- content and framing -------------------------------------------------------------------

# Part-of-speech classes that never carry a condition (Sudachi's first levels).
_FRAMING_POS = {
    "助詞",
    "助動詞",
    "補助記号",
    "記号",
    "空白",
    "感動詞",
    "副詞",
    "接続詞",
    "連体詞",
    "代名詞",
    "接頭辞",
    "接尾辞",
}
# Auxiliaries that make the verb before them a request or a wish (教えて+もらえ, 知り+たい).
_REQUEST_AFTER = {
    "もらう",
    "もらえる",
    "くださる",
    "くれる",
    "いただく",
    "いただける",
    "ほしい",
    "欲しい",
    "たい",
    "頂く",
    "頂ける",
}
_COPULA = {"です", "だ", "でございます", "ございます"}

# English words that frame, soften or request: function words and the verbs of asking. A
# content word (a topic, a name) is anything else.
_EN_FRAMING = EN_ASKING | frozenset(
    [
        "a",
        "about",
        "across",
        "after",
        "again",
        "all",
        "also",
        "am",
        "among",
        "an",
        "and",
        "any",
        "anyone",
        "anything",
        "approx",
        "are",
        "as",
        "ask",
        "asking",
        "asap",
        "at",
        "be",
        "been",
        "being",
        "bit",
        "bother",
        "btw",
        "too",
        "according",  # according to the R7 roadmap: where, not what
        "actually",
        "check",
        "sit",
        "sits",
        "asked",
        "whole",
        "happen",
        "happened",
        "add",
        "adds",
        "build",
        "builds",
        "everything",
        "filed",
        "listed",
        "rough",
        "roughly",
        "help",
        "helps",
        "would",
        "checking",
        "consistency",
        "consistent",
        "plus",  # …, plus their combined budget: "and"
        "other",  # which other sections (the "apart from" said is the condition)
        "else",
        "but",
        "by",
        "can",
        "could",
        "curious",
        "current",
        "currently",
        "detail",
        "details",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "each",
        "edition",
        "either",
        "every",
        "exact",
        "exactly",
        "figure",
        "figures",
        "find",
        "for",
        "fyi",
        "from",
        "get",
        "give",
        "go",
        "going",
        "got",
        "grab",
        "had",
        "has",
        "have",
        "hello",
        "here",
        "hey",
        "hi",
        "how",
        "i",
        "i'd",
        "i'm",
        "if",
        "in",
        "info",
        "information",
        "into",
        "is",
        "it",
        "its",
        "just",
        "keen",
        "kind",
        "kindly",
        "know",
        "let",
        "like",
        "list",
        "look",
        "looking",
        "lookup",
        "me",
        "mind",
        "morning",
        "mtg",
        "afternoon",
        "evening",
        "my",
        "need",
        "needed",
        "now",
        "of",
        "off",
        "oh",
        "ok",
        "okay",
        "on",
        "once",
        "one",
        "ones",
        "only",
        "or",
        "our",
        "out",
        "please",
        "pls",
        "plz",
        "pull",
        "quick",
        "quickly",
        "real",
        "really",
        "roadmap",
        "said",
        "say",
        "says",
        "see",
        "send",
        "share",
        "should",
        "show",
        "so",
        "some",
        "someone",
        "sorry",
        "sure",
        "tell",
        "than",
        "thank",
        "thanks",
        "thx",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "urgent",
        "us",
        "want",
        "wanted",
        "was",
        "we",
        "were",
        "what",
        "what's",
        "whats",
        "when",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "wonder",
        "wondering",
        "with",
        "yes",
        "you",
        "your",
        "yours",
        "team",
        "guys",
        "folks",
        "everyone",
        "hiya",
        "cheers",
        "appreciate",
        "appreciated",
        "possible",
        "project",
        "projects",
        "program",
        "programme",
        "matter",
        "pulling",
        "quickie",
        "confirm",
        "confirming",
        "double-check",
        "recall",
        "remind",
        "reminder",
        "question",
        "qs",
        "query",
        "between",
        "approximately",
        "ballpark",
        "scheduled",
        "slated",
        "planned",
        "due",
        "back",
        "already",
        "yet",
        "make",
        "slide",
        "slides",
        "deck",
        "presentation",
        "meeting",
        "marked",
        "flagged",
        "tagged",
        "both",
        "literally",
        "word",
        "keyword",
        "term",
        "mention",
        "mentions",
        "first",
        "right",
        "via",
        "request",
        # Romaji particles and the roadmap's own words typed in romaji (kodomo katei bu no
        # jigyou wa?): framing, as their kana forms are.
        "no",
        "wa",
        "ga",
        "wo",
        "ni",
        "de",
        "jigyou",
        "jigyo",
        "jigyō",
        "nan",
        "nani",
        "desu",
        "desuka",
        "ka",
    ]
)


def japanese_content(chunk: str, heard: list[str] | None = None) -> list[str]:
    """The content words of a Japanese chunk: nouns and names, with every greeting, hedge,
    request verb, particle and auxiliary left out (by part of speech and what follows).
    `heard` gets what may be a name typed by its sound: a content word in kana, or a run of
    kana the dictionary reads as anything but particles and endings (のうりんすいさんぶ)."""
    morphemes = list(tokenizer().tokenize(chunk))
    pos = [m.part_of_speech() for m in morphemes]
    base = [m.dictionary_form() for m in morphemes]
    if heard is not None:
        heard += kana_runs(morphemes, pos)
    said_only = statement(base, pos)
    keep: list[str] = []
    run: list[str] = []

    def close() -> None:
        if run:
            keep.append("".join(run))
            run.clear()

    for i, m in enumerate(morphemes):
        head, sub = pos[i][0], pos[i][1]
        after = base[i + 1 : i + 6]
        framing = head in _FRAMING_POS or "非自立可能" in pos[i][1:3]
        if head == "名詞" and pos[i][2] == "副詞可能":
            framing = True  # 全部, ため, 今: adverbial nouns
        if head == "動詞":
            framing = True  # verbs left over frame the question (教えて, 出して, 調べる)
        if head == "形容詞" or head == "形状詞":
            framing = True
        if head == "名詞" and _requested(after):
            framing = True  # ピックアップして, 確認したい: a request, not a topic
        if head == "名詞" and own_act(pos[i + 1 :], base[i + 1 :]):
            framing = True  # 共有します, 確認しておきます: what the asker will do, not a topic
        if head == "名詞" and honorific(m.surface(), pos[i - 1] if i else None, base[:i]):
            framing = True  # お世話になります, ご確認, お手数: courtesy, never a condition
        if head == "名詞" and not run and asks(m.surface(), pos[i], after):
            framing = True  # リストアップお願いします: the request itself
        if head == "名詞" and after[:1] and after[0] in _COPULA and _ends(base[i + 2 :]):
            framing = True  # お疲れ様です。 a sentence of its own
        if head == "名詞" and after[:3] and after[0] == "だ" and "ん" in after[1:2]:
            framing = True  # 確認なんですが / 一応なんですけど
        if head == "名詞" and after[:2] == ["の", "ため"]:
            framing = True  # 念のため
        if head == "名詞" and said_only:
            framing = True  # 〜さん経由の依頼です。 a sentence that asks nothing
        if m.surface() in ("系", "系統", "関係", "関連", "絡み", "がらみ") and (
            head == "接尾辞" or not run
        ):
            framing = True  # インフラ系の事業, 医療関係: "of that kind", the group itself
        if "助数詞" in pos[i][2] and not run:
            framing = True  # 件, 個: a counter whose number a slot already read
        if sub == "数詞" and not run:
            framing = True  # a number no slot read is not a word of the roadmap
        if framing:
            close()
        else:
            run.append(m.surface())
    close()
    if heard is not None:
        heard += [w for w in keep if re.search(r"[\u3041-\u30ff]", w)]
    return [w for w in keep if len(w) >= 2 or re.fullmatch(r"[\u4e00-\u9fff]", w)]


def _requested(after: list[str]) -> bool:
    """する (or に+する) followed by a request or wish: ピックアップして / 一覧にしてください."""
    rest = after[1:] if after[:1] == ["に"] else after
    if not rest or rest[0] != "する":
        return False
    tail = rest[1:]
    if tail[:1] in (["せる"], ["させる"]):
        tail = tail[1:]  # 確認させてください: let me check — a request all the same
    if tail == ["て"] or tail[:2] in (["て", "ね"], ["て", "よ"], ["て", "ちょうだい"]):
        return True  # ピックアップして: a request said plainly
    return bool(tail) and (
        tail[0] in _REQUEST_AFTER or (tail[0] == "て" and tail[1:2] and tail[1] in _REQUEST_AFTER)
    )


def _ends(rest: list[str]) -> bool:
    return not rest or rest[0] in (
        "。",
        "、",
        "!",
        "?",
        "！",
        "？",
        "が",
        "けど",
        "けれど",
        "ね",
        "よ",
    )


def english_content(words: list[str]) -> list[str]:
    """English words that are not framing."""
    return [w for w in words if w.lower() not in _EN_FRAMING]


def has_japanese(text: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
