"""Names the way people type them: a department, section, category, field or project name
written in hiragana, katakana or romaji (きょういくちょう, ｶﾞｯｺｳｷｮｳｲｸｶ, kodomo katei bu,
Kodomo Mirai division), or with a long vowel left out (介護テクノロジ導入支援事業費補助).

The vocabulary's names are read with SudachiPy, lazily: only when a question holds a kana or
romaji word no slot could read, and then once per vocabulary. Such a name is rewritten as the
vocabulary prints it and the question read again, so every reader (labels, negation, the
mention check) sees the name as if it had been typed in kanji.
"""

from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass, field

from bot.understanding.kana import is_kana, katakana, loose, loosely, romaji
from bot.understanding.sudachi import tokenizer
from bot.vocabulary import Vocabulary

# Kinds of names a reading can stand for.
_KINDS = ("department", "section", "category", "field", "project")
# English words people put after a romaji name, and the kana of the suffix they stand for.
_SUFFIX_WORDS = {
    "division": ("カ", "シツ"),
    "section": ("カ", "シツ"),
    "office": ("シツ", "カ", "キョク"),
    "department": ("ブ", "チョウ", "キョク"),
    "dept": ("ブ", "チョウ", "キョク"),
    "dept.": ("ブ", "チョウ", "キョク"),
    "bureau": ("キョク", "ブ"),
    "agency": ("チョウ",),
    "headquarters": ("ホンブ",),
    "hq": ("ホンブ",),
}
_SHORTEST = 4  # a reading shorter than this (カンリカ is 4) names nothing on its own
_SEGMENT = r"[^\s!-/:-@\[-`{-~、。，．！？「」『』（）【】〜～]+"
_ROMAJI_RUN = r"[a-z'āīūēō]+(?:[ \-]+[a-z'āīūēō.]+)*"


@functools.cache
def _pattern(source: str) -> re.Pattern:
    """Compiled the first time a question needs it, not at every start."""
    return re.compile(source)


@dataclass
class Readings:
    """Names and the words they are made of (a run of whole morphemes: 防災, 介護テクノロジー,
    スマートaomoriコンストラクション, 教育庁), by loose reading → as printed."""

    printed: dict[str, str | None] = field(default_factory=dict)  # None: two printed words
    trie: dict = field(default_factory=dict)  # the readings character by character ("" ends)

    def longest(self, plain: str, start: int, cuts: set[int]) -> int | None:
        """The end of the longest reading starting at `start` that ends on a cut."""
        node, best = self.trie, None
        for i in range(start, len(plain)):
            node = node.get(plain[i])
            if node is None:
                break
            if "" in node and i + 1 in cuts and self.printed.get(plain[start : i + 1]):
                best = i + 1
        return best


def readings(vocab: Vocabulary) -> Readings:
    """The vocabulary's readings, computed on first use and kept with it."""
    cached = getattr(vocab, "readings", None)
    if cached is not None:
        return cached
    found = Readings()
    surfaces = {
        t.surface
        for t in vocab.terms
        if t.kind in _KINDS
        and t.surface not in vocab.english
        # a name in Latin letters only (phr) is matched as written
        and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t.surface)
    }
    whole: dict[str, str] = {}
    for surface in sorted(surfaces):
        said, spans, starts = reading_of(surface, whole_words=True)
        plain, where = loose(said)
        kept = [spans[w] for w in where]
        cuts = [k for k in range(len(kept)) if where[k] in starts] + [len(kept)]
        for a, i in enumerate(cuts[:-1]):
            # The whole name, and its runs of up to six words (a name's parts people type).
            for j in {*cuts[a + 1 : a + 7], cuts[-1]} if a == 0 else cuts[a + 1 : a + 7]:
                if where[j - 1] + 1 - where[i] < _SHORTEST:
                    continue
                _add(found.printed, plain[i:j], surface[kept[i][0] : kept[j - 1][1]].strip())
        whole.setdefault(plain, surface)
    # A whole name's reading is that name, whatever word of another name reads the same
    # (カンリカ is 監理課, not the 管理課 of 防災危機管理課).
    found.printed.update(whole)
    for key, printed in found.printed.items():
        if printed is None:
            continue
        node = found.trie
        for c in key:
            node = node.setdefault(c, {})
        node[""] = True
    vocab.readings = found
    return found


def _add(printed: dict[str, str | None], key: str, words: str) -> None:
    """One reading of printed words; a reading of two different printed words reads none."""
    known = printed.get(key, words)
    printed[key] = known if known is not None and _bare(known) == _bare(words) else None


def _bare(printed: str) -> str:
    return re.sub(r"[・、\s]", "", printed)


def reading_of(text: str, whole_words: bool = False) -> tuple[str, list[tuple[int, int]], set[int]]:
    """Katakana reading of a text; for each of its characters the span of the text it reads
    (kana character by character unless `whole_words`, a kanji word as a whole); and the
    reading's indexes where a word starts. Latin letters that spell romaji are read as kana
    (aomori → アオモリ), others as they are (dx)."""
    out: list[str] = []  # one character each
    spans: list[tuple[int, int]] = []
    starts: set[int] = set()
    for m in tokenizer().tokenize(text):
        surface, begin = m.surface(), m.begin()
        starts.add(len(out))
        latin = re.fullmatch(r"[a-z0-9]+", surface)
        if latin and (kana := romaji(surface)):
            said = kana
        elif is_kana(surface) or latin:
            said = katakana(surface)
            if not whole_words:
                for k, c in enumerate(said):
                    starts.add(len(out))
                    out.append(c)
                    spans.append((begin + k, begin + k + 1))
                continue
        else:
            said = m.reading_form() or surface
        out.extend(said)
        spans += [(begin, m.end())] * len(said)
    return "".join(out), spans, starts


# What a run of kana may hold without being a word of its own: particles, endings, auxiliaries.
_KANA_GLUE = {"助詞", "助動詞", "補助記号", "空白", "接尾辞"}


def kana_heard(text: str) -> list[str]:
    """The runs of kana in a text that may be a name typed by its sound (`kana_runs`)."""
    morphemes = list(tokenizer().tokenize(text))
    return kana_runs(morphemes, [m.part_of_speech() for m in morphemes])


def kana_runs(morphemes: list, pos: list[tuple]) -> list[str]:
    """Runs of four or more kana characters the dictionary cut into words at random: a noun,
    or two words that are not particles and endings (のう|りん|すい|さん|ぶ). One word it
    knows whole (おはようございます, ちょっと) is a greeting or an adverb, not a name."""
    runs: list[str] = []
    run: list[str] = []
    words = 0
    noun = False
    for m, p in [*zip(morphemes, pos, strict=True), (None, None)]:
        surface = m.surface() if m is not None else ""
        if m is not None and re.fullmatch(r"[\u3041-\u30ff]+", surface):
            run.append(surface)
            if p[0] not in _KANA_GLUE and "非自立可能" not in p[1:3]:
                words += 1
                noun = noun or p[0] == "名詞" or m.is_oov()
            continue
        if (noun or words >= 2) and len("".join(run)) >= 4:
            runs.append("".join(run))
        run, words, noun = [], 0, False
    return runs


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_KATAKANA_CACHE: dict[int, tuple[weakref.ref, dict[str, str]]] = {}


def katakana_words(vocab: Vocabulary) -> dict[str, str]:
    """The vocabulary's katakana words by loose spelling (テクノロジ → テクノロジー): a regex
    over its names, no dictionary; kept with the vocabulary."""
    cached = _KATAKANA_CACHE.get(id(vocab))
    if cached is not None and cached[0]() is vocab:
        return cached[1]
    words = {
        loosely(w): w for t in vocab.terms for w in _KATAKANA_RUN.findall(t.surface) if len(w) > 2
    }
    _KATAKANA_CACHE[id(vocab)] = (weakref.ref(vocab), words)
    return words


def by_sound(word: str, known: dict[str, str]) -> bool:
    """A word no slot read that may be a name typed by its sound: hiragana, romaji, a name in
    katakana (ガッコウキョウイクカ), or a katakana word of the names with a long vowel left out
    (テクノロジ). A katakana word the names do not hold (フェア) is a word like any other."""
    if re.search(r"[\u3041-\u3096]", word):
        return True
    if re.fullmatch(r"[a-z']+", word):
        return len(word) >= 3 and romaji(word) is not None
    if re.fullmatch(r"[\u30a1-\u30fa\u30fc]{4,}", word) and word not in known.values():
        return True
    return any(
        known.get(loosely(run), run) != run
        for run in _KATAKANA_RUN.findall(word)
        if run not in known.values()
    )


@dataclass
class Rewritten:
    """A question with its typed names written as the vocabulary prints them."""

    text: str
    names: list[tuple[str, str]]  # (as typed, as printed)


def rewrite(text: str, heard: list[str], vocab: Vocabulary) -> Rewritten | None:
    """The question with names typed by sound replaced by the printed names; None when no
    word left unread (`heard`) looks typed by sound, or none of them is a name."""
    if not vocab.terms:
        return None
    known = katakana_words(vocab)
    if not any(by_sound(w, known) for w in heard):
        return None
    index = readings(vocab)
    spans = _kana_words(text, heard, index) + _romaji_words(text, index)
    chosen: list[tuple[int, int, str]] = []
    for start, end, printed in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= a or start >= b for a, b, _ in chosen):
            chosen.append((start, end, printed))
    if not chosen:
        return None
    out, names = text, []
    for start, end, printed in sorted(chosen, reverse=True):
        names.append((text[start:end].strip(), printed))
        out = out[:start] + printed + out[end:]
    return Rewritten(out, names[::-1])


def _kana_words(text: str, heard: list[str], index: Readings) -> list[tuple[int, int, str]]:
    """Names and their words written (partly) in kana or with a long vowel left out:
    ぼうさいききかんりか, がっこうDXスタートアップ事業, 介護テクノロジ, スマートあおもり —
    looked for in the stretches of the question holding a kana word no slot read."""
    found = []
    kana = [w for w in heard if re.search(r"[\u3041-\u30ff]", w)]
    for segment in _pattern(_SEGMENT).finditer(text):
        words = segment.group(0)
        if not any(w in words for w in kana):
            continue
        said, spans, starts = reading_of(words)
        plain, where = loose(said)
        kept = [spans[w] for w in where]
        # Where a match may start or end: between two words (a kanji word is read whole or
        # not at all: ケンド of 県土 is not half a match), kana between any two characters.
        cuts = {k for k in range(len(kept)) if where[k] in starts} | {len(kept)}
        i = 0
        while i < len(kept):
            j = index.longest(plain, i, cuts) if i in cuts else None
            if j is None:
                i += 1
                continue
            printed = index.printed[plain[i:j]] or ""
            start, end = kept[i][0], kept[j - 1][1]
            # A long vowel typed after the word (きょういくちょう) is the word's own.
            following = kept[j][0] if j < len(kept) else len(words)
            while end < following and words[end] in "うおいーウオイ":
                end += 1
            typed_part = words[start:end]
            # As printed (already read), or kanji only (a typo is read elsewhere): left as is.
            if _bare(typed_part) != _bare(printed) and re.search(r"[\u3041-\u30ff]", typed_part):
                found.append((segment.start() + start, segment.start() + end, printed))
            i = j
    return found


def _romaji_words(text: str, index: Readings) -> list[tuple[int, int, str]]:
    """Names in romaji, one word or several, with an English suffix word or not: kyoikucho,
    kodomo katei bu, Kodomo Mirai division."""
    found = []
    for run in _pattern(_ROMAJI_RUN).finditer(text):
        words = [
            (m.start(), m.start() + len(w), w)
            for m in re.finditer(r"[^ \-]+", run.group(0))
            if (w := re.sub(r"(?:'s|[.'])$", "", m.group(0)))
        ]
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                # A word that is no romaji (dx) is kept as typed, as the names' readings keep it.
                kana = [romaji(w) for _, _, w in words[i:j]]
                if all(k is None for k in kana):
                    continue
                stem = "".join(k or w for k, (_, _, w) in zip(kana, words[i:j], strict=True))
                tails: list[tuple[str, int]] = [("", words[j - 1][1])]
                if j < len(words) and words[j][2] in _SUFFIX_WORDS:
                    tails = [(s, words[j][1]) for s in _SUFFIX_WORDS[words[j][2]]] + tails
                for tail, end in tails:
                    printed = index.printed.get(loosely(stem + tail))
                    if printed:
                        found.append((run.start() + words[i][0], run.start() + end, printed))
                        break
    return found
