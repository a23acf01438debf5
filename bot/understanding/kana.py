"""Kana as people type it: hiragana and katakana made one script, long vowels compared loosely
(キョウイクチョウ, kyoikucho and キョーイクチョー are one reading), and romaji read as kana.

Pure functions over strings; the readings of names come from SudachiPy (`typed_names`)."""

from __future__ import annotations

import re

# The vowel each katakana ends in (a small kana, as in キョ, gives its own).
_VOWELS = {
    "a": "アカガサザタダナハバパマヤラワァャヮ",
    "i": "イキギシジチヂニヒビピミリヰィ",
    "u": "ウクグスズツヅヌフブプムユルヴゥュ",
    "e": "エケゲセゼテデネヘベペメレヱェ",
    "o": "オコゴソゾトドノホボポモヨロヲォョ",
}
_VOWEL_OF = {kana: vowel for vowel, kanas in _VOWELS.items() for kana in kanas}
# Kana that sound alike and are typed either way.
_SAME_SOUND = str.maketrans(
    {"ヂ": "ジ", "ヅ": "ズ", "ヲ": "オ", "ヴ": "ブ", "ヰ": "イ", "ヱ": "エ"}
)
# What never changes a reading: the long-vowel mark, middle dots, spaces, hyphens.
_SILENT = set("ー-‐―・･ 　、,")


def katakana(text: str) -> str:
    """Hiragana made katakana (ぼうさい → ボウサイ); everything else as it is."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def is_kana(text: str) -> bool:
    """Only hiragana, katakana and the long-vowel mark."""
    return bool(text) and all("\u3041" <= c <= "\u30ff" for c in text)


def loose(reading: str) -> tuple[str, list[int]]:
    """A katakana reading with long vowels dropped (キョウイクチョウ → キョイクチョ, セイビ →
    セビ, テクノロジー → テクノロジ), and for each kept character its index in the input."""
    out: list[str] = []
    where: list[int] = []
    previous = ""
    for i, c in enumerate(reading.translate(_SAME_SOUND)):
        if c in _SILENT:
            continue
        vowel = _VOWEL_OF.get(previous)
        lengthens = (
            (c == "ウ" and vowel in ("o", "u"))
            or (c == "オ" and vowel == "o")
            or (c == "イ" and vowel == "e")
        )
        if lengthens:
            continue  # the vowel before it, said long: not a sound of its own when typed
        out.append(c)
        where.append(i)
        previous = c
    return "".join(out), where


def loosely(reading: str) -> str:
    return loose(reading)[0]


# Romaji → katakana, longest spelling first (Hepburn, Kunrei and what keyboards accept).
_ROMAJI = {
    "a": "ア", "i": "イ", "u": "ウ", "e": "エ", "o": "オ",
    "ka": "カ", "ki": "キ", "ku": "ク", "ke": "ケ", "ko": "コ",
    "ga": "ガ", "gi": "ギ", "gu": "グ", "ge": "ゲ", "go": "ゴ",
    "sa": "サ", "si": "シ", "shi": "シ", "su": "ス", "se": "セ", "so": "ソ",
    "za": "ザ", "zi": "ジ", "ji": "ジ", "zu": "ズ", "ze": "ゼ", "zo": "ゾ",
    "ta": "タ", "ti": "チ", "chi": "チ", "tu": "ツ", "tsu": "ツ", "te": "テ", "to": "ト",
    "da": "ダ", "di": "ヂ", "du": "ヅ", "de": "デ", "do": "ド",
    "na": "ナ", "ni": "ニ", "nu": "ヌ", "ne": "ネ", "no": "ノ",
    "ha": "ハ", "hi": "ヒ", "hu": "フ", "fu": "フ", "he": "ヘ", "ho": "ホ",
    "ba": "バ", "bi": "ビ", "bu": "ブ", "be": "ベ", "bo": "ボ",
    "pa": "パ", "pi": "ピ", "pu": "プ", "pe": "ペ", "po": "ポ",
    "ma": "マ", "mi": "ミ", "mu": "ム", "me": "メ", "mo": "モ",
    "ya": "ヤ", "yu": "ユ", "yo": "ヨ",
    "ra": "ラ", "ri": "リ", "ru": "ル", "re": "レ", "ro": "ロ",
    "la": "ラ", "li": "リ", "lu": "ル", "le": "レ", "lo": "ロ",
    "wa": "ワ", "wo": "ヲ", "nn": "ン", "n'": "ン",
    "kya": "キャ", "kyu": "キュ", "kyo": "キョ", "gya": "ギャ", "gyu": "ギュ", "gyo": "ギョ",
    "sha": "シャ", "shu": "シュ", "sho": "ショ", "sya": "シャ", "syu": "シュ", "syo": "ショ",
    "ja": "ジャ", "ju": "ジュ", "jo": "ジョ", "zya": "ジャ", "zyu": "ジュ", "zyo": "ジョ",
    "jya": "ジャ", "jyu": "ジュ", "jyo": "ジョ",
    "cha": "チャ", "chu": "チュ", "cho": "チョ", "tya": "チャ", "tyu": "チュ", "tyo": "チョ",
    "cya": "チャ", "cyu": "チュ", "cyo": "チョ",
    "nya": "ニャ", "nyu": "ニュ", "nyo": "ニョ", "hya": "ヒャ", "hyu": "ヒュ", "hyo": "ヒョ",
    "bya": "ビャ", "byu": "ビュ", "byo": "ビョ", "pya": "ピャ", "pyu": "ピュ", "pyo": "ピョ",
    "mya": "ミャ", "myu": "ミュ", "myo": "ミョ", "rya": "リャ", "ryu": "リュ", "ryo": "リョ",
    "fa": "ファ", "fi": "フィ", "fe": "フェ", "fo": "フォ", "ti'": "ティ", "di'": "ディ",
    "she": "シェ", "je": "ジェ", "che": "チェ", "va": "ヴァ", "vi": "ヴィ", "vu": "ヴ",
    "ve": "ヴェ", "vo": "ヴォ",
}  # fmt: skip
_LONGEST = max(len(k) for k in _ROMAJI)
_MACRONS = str.maketrans("āīūēôâîûêōÂÎÛÊÔĀĪŪĒŌ", "aiueoaiueoaiueoaiueo")


def romaji(word: str) -> str | None:
    """A romaji word as katakana (kyoikucho → キョイクチョ, gakkou → ガッコウ, kendo → ケンド);
    None when it is not romaji all the way through."""
    text = word.lower().translate(_MACRONS)
    if not re.fullmatch(r"[a-z']+", text):
        return None
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "n" and (i + 1 == len(text) or text[i + 1] not in "aiueoy'n"):
            out.append("ン")  # n before a consonant or at the end
            i += 1
            continue
        if (i + 1 < len(text) and c == text[i + 1] and c not in "aiueon") or (
            c == "t" and text[i + 1 : i + 3] == "ch"
        ):
            out.append("ッ")  # a doubled consonant: gakkou, matcha
            i += 1
            continue
        for size in range(min(_LONGEST, len(text) - i), 0, -1):
            kana = _ROMAJI.get(text[i : i + size])
            if kana:
                out.append(kana)
                i += size
                break
        else:
            return None
    return "".join(out)
