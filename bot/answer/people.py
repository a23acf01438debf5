"""Who a question means (#27): the asker (me / 自分), a chat id (<@U…>), or a name as people say
it — 田中さん, 田中 太郎, たかはしさん, Tanaka — found among the people the record knows: those
who reported (under every display name they wrote with) and those registered as owners."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass, field

from bot.store import Store


@dataclass
class Person:
    """Someone the record knows: their chat id, the names they went by, their platforms."""

    user_id: str
    names: list[str] = field(default_factory=list)
    platforms: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The name to show: the latest one they wrote or were registered under."""
        return self.names[-1] if self.names else self.user_id


_PEOPLE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_LOCK = threading.Lock()  # questions are answered in several threads (Bolt, the HTTP front)


def known_people(store: Store) -> dict[str, Person]:
    """Authors of the record and owners, by chat id; authors read incrementally (only entries
    appended since the last question), owners (a small table) each time."""
    with _LOCK:
        cached = _PEOPLE.get(store)
        authors, last = cached if cached else ({}, 0)
        new, last = store.chat_authors(last)
        for a in new:
            person = authors.setdefault(a.author_id, Person(a.author_id))
            if a.name in person.names:  # written under it again: it is their latest name
                person.names.remove(a.name)
            if a.name:
                person.names.append(a.name)
            person.platforms.add(a.platform)
        _PEOPLE[store] = (authors, last)
        people = {k: Person(k, list(p.names), set(p.platforms)) for k, p in authors.items()}
    for o in store.owners():
        person = people.setdefault(o.user_id, Person(o.user_id))
        if o.user_name and o.user_name not in person.names:
            person.names.insert(0, o.user_name)  # the name they wrote under comes last: shown
        person.platforms.add(o.platform)
    return people


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"[\s・.\-_]+|さん$|様$|氏$|くん$", "", text)


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


@functools.lru_cache(maxsize=4096)
def reading(word: str) -> str:
    """A name's reading in katakana (田中 → タナカ), by SudachiPy; kana as written."""
    if not re.search(r"[\u4e00-\u9fff]", word):
        return _katakana(word)
    from bot.understanding.sudachi import tokenizer  # the one loaded dictionary

    return "".join(m.reading_form() for m in tokenizer().tokenize(word))


_KANA = {
    **dict(
        zip(
            "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
            [
                "a",
                "i",
                "u",
                "e",
                "o",
                "ka",
                "ki",
                "ku",
                "ke",
                "ko",
                "sa",
                "shi",
                "su",
                "se",
                "so",
                "ta",
                "chi",
                "tsu",
                "te",
                "to",
                "na",
                "ni",
                "nu",
                "ne",
                "no",
                "ha",
                "hi",
                "fu",
                "he",
                "ho",
                "ma",
                "mi",
                "mu",
                "me",
                "mo",
                "ya",
                "yu",
                "yo",
                "ra",
                "ri",
                "ru",
                "re",
                "ro",
                "wa",
                "o",
                "n",
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
            [
                "ga",
                "gi",
                "gu",
                "ge",
                "go",
                "za",
                "ji",
                "zu",
                "ze",
                "zo",
                "da",
                "ji",
                "zu",
                "de",
                "do",
                "ba",
                "bi",
                "bu",
                "be",
                "bo",
                "pa",
                "pi",
                "pu",
                "pe",
                "po",
            ],
            strict=True,
        )
    ),
}
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}


def romaji(katakana: str) -> str:
    """Hepburn without long vowels (サトウ → sato, イトウ → ito), as names are written."""
    out: list[str] = []
    double = False
    for c in katakana:
        if c == "ッ":
            double = True
            continue
        if c in _SMALL and out:
            stem = out.pop()
            syllable = (
                stem[:-1] + _SMALL[c]
                if stem not in ("shi", "chi", "ji")
                else stem[:-1] + _SMALL[c][1:]
            )
        elif c in _KANA:
            syllable = _KANA[c]
        else:
            continue  # ー and anything else: long vowels are not written in names
        if double:
            syllable = syllable[0] + syllable
            double = False
        out.append(syllable)
    text = "".join(out)
    return re.sub(r"ou|oo", "o", re.sub(r"uu", "u", text))


def _forms(name: str) -> set[str]:
    """How a name may be said: whole, each part, their readings and romaji."""
    parts = [p for p in re.split(r"[\s・]+", unicodedata.normalize("NFKC", name).strip()) if p]
    forms = {_plain(name)}
    for part in parts:
        plain = _plain(part)
        forms.add(plain)
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", part):
            kana = reading(part)
            forms.add(kana)
            forms.add(romaji(kana))
    return {f for f in forms if f}


def _said_forms(said: str) -> set[str]:
    plain = _plain(said)
    if re.fullmatch(r"[a-z]+", plain):
        return {plain, re.sub(r"ou|oo", "o", re.sub(r"uu", "u", plain))}
    if re.fullmatch(r"[\u3040-\u30ffー]+", plain):
        kana = _katakana(plain)
        return {plain, kana, romaji(kana)}
    return {plain}


def find(people: dict[str, Person], said: str) -> list[Person]:
    """The people a name or id as said can mean (none, one, or several namesakes)."""
    plain = _plain(said)
    if not plain:
        return []
    by_id = [p for k, p in people.items() if _plain(k) == plain]
    if by_id:
        return by_id
    wanted = _said_forms(said)
    whole = [p for p in people.values() if any(_plain(n) == plain for n in p.names)]
    if whole:
        return whole
    return [p for p in people.values() if any(wanted & _forms(n) for n in p.names)]


def platform_name(platform: str) -> str:
    """Slack, Teams, console, CLI as people call them."""
    return {"slack": "Slack", "teams": "Teams", "console": "console", "cli": "CLI"}.get(
        platform, platform
    )
