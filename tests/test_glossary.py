"""The bilingual glossary (bot/glossary.py): every entry's Japanese is printed in the documents,
and an English question about any entry finds exactly the projects printing it — in several
phrasings. Expected projects are read off the parsed documents, as the full-text index holds
them (name, summary, achievements, initiative labels, plans and actuals).
"""

from __future__ import annotations

import unicodedata

import pytest

from bot.answer import ask
from bot.glossary import GLOSSARY, GROUP_NAMES, JAPANESE_SYNONYMS
from bot.sources import default_sources
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.test_generated_questions import EDITIONS


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").lower().split())


PRINTED = plain(R6_FILE.read_text(encoding="utf-8") + R7_FILE.read_text(encoding="utf-8"))


def printed_text(p) -> str:
    parts = [p.name, p.summary, p.achievements or ""]
    for initiative in p.initiatives:
        parts.append(initiative.label or "")
        for cell in initiative.years.values():
            # A 実績 cell of the edition's year or later is a plan printed there (#24): printed.
            parts += [cell.plan or "", cell.actual or "", cell.plan_in_actual_row or ""]
    return plain(" ".join(parts))


def printing(edition: str, japanese: str) -> set[tuple[str, int | None, str]]:
    word = plain(japanese)
    return {(edition, p.no, p.name) for p in EDITIONS[edition] if word in printed_text(p)}


@pytest.mark.parametrize(("english", "japanese"), sorted(GLOSSARY.items()))
def test_every_entry_is_the_documents_own_word(english, japanese):
    assert plain(japanese) in PRINTED, (english, japanese)
    assert english == english.lower() and english.strip() == english


@pytest.mark.parametrize(("said", "printed"), sorted(JAPANESE_SYNONYMS.items()))
def test_a_synonym_maps_a_word_not_printed_to_one_printed(said, printed):
    assert plain(printed) in PRINTED and plain(said) not in PRINTED, (said, printed)


@pytest.mark.parametrize(
    "phrasing", ["{ja}を使ってる事業ってある？", "{ja}の事業は？", "{ja}関連の事業"]
)
def test_a_japanese_synonym_finds_the_projects_printing_the_word(shared, phrasing):
    """ドローン finds what prints UAV: the latest edition printing it, exactly its projects."""
    for said, printed in sorted(JAPANESE_SYNONYMS.items()):
        answer = ask(shared, phrasing.format(ja=said))
        latest = "R7" if printing("R7", printed) else "R6"
        got = {(r.edition, r.no, r.name) for r in answer.projects}
        assert answer.status == "ok" and got == printing(latest, printed), (said, answer.text)


def test_category_and_field_names_are_the_documents_values():
    printed = {p.category for ps in EDITIONS.values() for p in ps} | {
        p.field for ps in EDITIONS.values() for p in ps
    }
    assert set(GROUP_NAMES) <= printed


PHRASINGS = [
    "Which projects mention {en}?",
    "projects about {en}",
    "Is there a project on {en}?",
    "list the {en} projects",
    "{en}の事業は？",
    "Are there any {en} projects in the roadmap?",
]


@pytest.mark.parametrize("phrasing", PHRASINGS)
def test_an_english_word_finds_the_projects_printing_it(shared, phrasing):
    """Every entry, in each phrasing: answered from the edition printing it (the latest that
    does), with exactly the projects whose text holds the Japanese word."""
    wrong = []
    groups = {name for names in GROUP_NAMES.values() for name in names}
    for english, japanese in sorted(GLOSSARY.items()):
        if english in groups:
            continue  # "infrastructure" names the category インフラ: read as the category
        answer = ask(shared, phrasing.format(en=english))
        got = {(r.edition, r.no, r.name) for r in answer.projects}
        editions = {r.edition for r in answer.projects}
        want = set().union(*(printing(e, japanese) for e in editions)) if editions else set()
        latest = "R7" if printing("R7", japanese) else "R6"
        if answer.status != "ok" or not got or got != want or editions != {latest}:
            wrong.append((english, answer.status, answer.text.splitlines()[0][:80]))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("value", "english"), [(v, e) for v, names in GROUP_NAMES.items() for e in names]
)
def test_categories_and_fields_by_their_english_names(shared, value, english):
    edition = next(
        e for e in ("R7", "R6") if any(value in (p.category, p.field) for p in EDITIONS[e])
    )
    want = {(edition, p.no, p.name) for p in EDITIONS[edition] if value in (p.category, p.field)}
    scope = "" if edition == "R7" else "in the R6 edition "
    answer = ask(shared, f"list the {english} projects {scope}".strip())
    assert answer.status == "ok", answer.text
    assert {(r.edition, r.no, r.name) for r in answer.projects} == want, answer.text
