"""Names the way people type them, generated from the data: every department, section and
project name of both editions written in hiragana, katakana and romaji (with and without long
vowels), and without its long-vowel marks, in several phrasings. The expected projects are read
off the parsed documents; the kana is made here with SudachiPy's dictionary directly (the input,
never the expected answer), the romaji with a Hepburn table of this file.
"""

from __future__ import annotations

import functools
import re

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, departments


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    make = getattr(dictionary, "tokenizer", None) or dictionary.create  # 0.7 / 0.6
    return make(SplitMode.C)


def katakana(text: str) -> str:
    """The name read aloud, in katakana; Latin letters (DX, PHR) as typed."""
    out = []
    for m in _tokenizer().tokenize(text):
        surface = m.surface()
        if re.fullmatch(r"[A-Za-z0-9]+", surface):
            out.append(f" {surface} ")  # DX推進課 is typed dx suishin ka
        elif re.fullmatch(r"[\u3041-\u3096]+", surface):
            out.append("".join(chr(ord(c) + 0x60) for c in surface))
        elif surface in "・、 ()（）":
            continue
        else:
            out.append(m.reading_form())
    return "".join(out)


def hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


_SYLLABLES = dict(zip("アイウエオ", "aiueo", strict=True))
_ROWS = {
    "カキクケコ": "ka ki ku ke ko",
    "ガギグゲゴ": "ga gi gu ge go",
    "サシスセソ": "sa shi su se so",
    "ザジズゼゾ": "za ji zu ze zo",
    "タチツテト": "ta chi tsu te to",
    "ダヂヅデド": "da ji zu de do",
    "ナニヌネノ": "na ni nu ne no",
    "ハヒフヘホ": "ha hi fu he ho",
    "バビブベボ": "ba bi bu be bo",
    "パピプペポ": "pa pi pu pe po",
    "マミムメモ": "ma mi mu me mo",
    "ヤユヨ": "ya yu yo",
    "ラリルレロ": "ra ri ru re ro",
    "ワヲン": "wa o n",
}
for kana, sounds in _ROWS.items():
    _SYLLABLES.update(zip(kana, sounds.split(), strict=True))
_SMALL = {"ャ": "a", "ュ": "u", "ョ": "o"}


def romaji(kana: str, long_vowels: bool = True) -> str:
    """Hepburn romaji of a katakana reading: キョウイクチョウ → kyouikuchou, or kyoikucho
    without the long vowels people often leave out."""
    out, i = "", 0
    while i < len(kana):
        c, after = kana[i], kana[i + 1 : i + 2]
        if c == "ッ":
            nxt = _SYLLABLES.get(kana[i + 1 : i + 2], "")
            out += nxt[:1] if nxt else ""
        elif after in _SMALL and c in _SYLLABLES:
            stem = _SYLLABLES[c][:-1]
            out += (stem if stem.endswith(("sh", "ch", "j")) else stem + "y") + _SMALL[after]
            i += 1
        elif c == "ー":
            pass
        elif c == "ン" and after and (after in "アイウエオヤユヨ"):
            out += "n'"  # Hepburn: 人身安全 is jinshin'anzen, never jinshinanzen
        elif c in _SYLLABLES:
            out += _SYLLABLES[c]
        else:
            out += c.lower()
        i += 1
    if not long_vowels:
        out = re.sub(r"(?<=[ou])u", "", out)
    return out


def offices() -> list[tuple[str, str, str]]:
    """(edition, kind, name) of every department and section, in the latest edition that
    prints it."""
    found: dict[tuple[str, str], str] = {}
    for edition in ("R6", "R7"):
        for p in EDITIONS[edition]:
            for d in departments(p):
                found[("department", d)] = edition
            for s in p.sections:
                found[("section", s)] = edition
    return sorted((edition, kind, name) for (kind, name), edition in found.items())


def members(edition: str, kind: str, name: str) -> set[tuple[str, int | None, str]]:
    test = (
        (lambda p: name in departments(p))
        if kind == "department"
        else (lambda p: name in p.sections)
    )
    return {(edition, p.no, p.name) for p in EDITIONS[edition] if test(p)}


def refs(answer) -> set[tuple[str, int | None, str]]:
    return {(r.edition, r.no, r.name) for r in answer.projects}


def office_forms(name: str) -> list[str]:
    reading = katakana(name)
    forms = [unspaced(hiragana(reading)), unspaced(reading)]
    forms += [romaji(reading).strip(), romaji(reading, long_vowels=False).strip()]
    return list(dict.fromkeys(re.sub(r" +", " ", f) for f in forms))


OFFICES = [
    (edition, kind, name, form)
    for edition, kind, name in offices()
    for form in office_forms(name)
    if form != name
]


@pytest.mark.parametrize(("edition", "kind", "name", "typed"), OFFICES)
def test_offices_typed_by_sound(shared, edition, kind, name, typed):
    want = members(edition, kind, name)
    scope = "" if edition == "R7" else "R6版の"
    listed = ask(shared, f"{scope}{typed}の事業は？")
    assert listed.status == "ok" and refs(listed) == want, (typed, listed.text)
    counted = ask(shared, f"{scope}{typed} の事業は何件ありますか")
    assert counted.status == "ok", (typed, counted.text)
    assert f"{len(want)}件" in counted.text, (typed, counted.text)
    if re.fullmatch(r"[a-z' ]+", typed):
        english = ask(shared, f"list the {edition} projects of {typed}")
        assert english.status == "ok" and refs(english) == want, (typed, english.text)


def project_names() -> list[tuple[str, object]]:
    """(edition, project) for every project name as the latest edition printing it has it."""
    latest: dict[str, tuple[str, object]] = {}
    for edition in ("R6", "R7"):
        for p in EDITIONS[edition]:
            bare = re.sub(r"\s*[(（][^)）]*[)）]\s*", "", p.name).strip()
            latest[bare] = (edition, p)
    return [(edition, p) for _, (edition, p) in sorted(latest.items())]


def name_forms(name: str) -> list[str]:
    reading = unspaced(katakana(name))
    forms = [hiragana(reading), reading]
    if "ー" in name:
        forms.append(name.replace("ー", ""))  # 介護テクノロジ導入支援事業費補助
    return [f for f in dict.fromkeys(forms) if f != name]


PROJECTS = [
    (edition, p, typed)
    for edition, p in project_names()
    for typed in name_forms(re.sub(r"\s*[(（][^)）]*[)）]\s*", "", p.name).strip())
]


@pytest.mark.parametrize(("edition", "project", "typed"), PROJECTS, ids=[t for _, _, t in PROJECTS])
def test_project_names_typed_by_sound(shared, edition, project, typed):
    scope = "" if edition == "R7" else "R6版の"
    budget = ask(shared, f"{scope}{typed}の事業費は？")
    assert budget.status == "ok", (typed, budget.text)
    assert refs(budget) == {(edition, project.no, project.name)}, (typed, budget.text)
    assert f"{project.budget_thousand_yen:,}千円" in budget.text
    owner = ask(shared, f"{scope}{typed}の担当部局はどこ？")
    assert owner.status == "ok" and project.department.split("・")[0] in owner.text


@pytest.mark.parametrize(
    ("question", "want"),
    [
        # As the blind bank's writers typed them.
        ("一応なんですけど、ぼうさいききかんりかの事業ってどれでしたっけ？", {49, 50}),
        ("ｶﾞｯｺｳｷｮｳｲｸｶの事業、R7版で全部ピックアップして", {37, 38, 39, 40, 41, 42}),
        ("こうれいふくしほけんか の事業は？（R7版）", {29, 30}),
        ("けんどせいびぶ の事業一覧(R7)", {52, 53}),
        ("kodomo katei bu の projects 出して (R7版)", {34, 35, 46}),
        ("list every R7 project run by the board of education (kyoikucho)", set(range(36, 44))),
        ("How much is the Kodomo Mirai division's budget in total?", {34, 35}),
        ("がっこうDXスタートアップ事業の予算", {38}),
        ("介護テクノロジ導入支援事業費補助の予算は？", {30}),
        ("ぼうさい教育センター機能強化整備事業の始期は？", {50}),
        ("スマートあおもりコンストラクション推進事業の担当課", {52}),
    ],
)
def test_names_as_people_typed_them(shared, question, want):
    answer = ask(shared, question)
    assert answer.status == "ok", answer.text
    assert {r.no for r in answer.projects if r.edition == "R7"} == want, answer.text


def test_a_whole_name_is_read_before_a_word_of_another(shared):
    """かんりか is the section 監理課 (R6), not the 管理課 inside 防災危機管理課."""
    answer = ask(shared, "R6版のかんりかの事業は？")
    want = {("R6", p.no, p.name) for p in EDITIONS["R6"] if "監理課" in p.sections}
    assert answer.status == "ok" and refs(answer) == want, answer.text


def test_readings_are_computed_only_for_names_typed_by_sound():
    """A question with no kana or romaji word left unread never reads the vocabulary aloud."""
    store = loaded_copy(default_sources())
    from bot.answer.selection import vocabulary_for

    vocab = vocabulary_for(store)
    for question in (
        "No40の事業費は？",
        "教育庁の事業一覧",
        "R7 budget for No40?",
        "1億円以上の事業",
    ):
        ask(store, question)
        assert vocab.readings is None, question
    ask(store, "きょういくちょうの事業")
    assert vocab.readings is not None
