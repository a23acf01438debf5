"""One way to resolve a project reference (#22 item 4): bot/resolve.py turns a number, a key or
a name into a Resolution; writes, the command line and answers only say it in their own words."""

from __future__ import annotations

import pytest

from bot.answer.selection import find_project, vocabulary_for
from bot.cli_support import pick_project
from bot.errors import CommandError, ProjectNotFound
from bot.prefectures import label_of
from bot.resolve import resolve
from bot.sources import default_sources, load_documents
from bot.store import Store
from bot.understanding import understand
from bot.updates import find_project as find_for_update

IWATE = "岩手県"


@pytest.fixture(scope="module")
def iwate() -> Store:
    """The real documents as 岩手県's: its keys are qualified (岩手県:R7/No40)."""
    store = Store.memory(prefecture=IWATE)
    load_documents(store, default_sources())
    return store


def test_a_write_never_takes_a_name(store):
    for p in store.projects():
        assert resolve(store, p.name).project == p  # a reader finds it by its name…
        assert resolve(store, p.name, strictness="exact").status == "not_found"
        with pytest.raises(ProjectNotFound):
            find_for_update(store, p.name)  # …an update is told to give its number


def test_a_name_typed_with_a_slip_is_found_only_when_fuzzy(store):
    slipped = 0
    for p in store.projects():
        typo = p.name[:3] + p.name[4:]  # one character left out of the middle
        if len(typo) < 8 or resolve(store, typo).project != p:
            continue
        slipped += 1
        assert resolve(store, typo, strictness="names").project is None, p.name
        assert resolve(store, p.name[:6], strictness="names").status != "not_found", p.name
    assert slipped >= 10


def test_every_caller_finds_a_number_as_the_resolver_does(store):
    latest = store.latest_edition()
    for p in store.projects(latest):
        if p.no is None:
            continue
        typed = f"No{p.no}"
        assert resolve(store, typed).project == p
        assert find_for_update(store, typed) == p
        assert pick_project(store, typed) == p
        query = understand(f"{typed}の事業費は？", vocabulary_for(store))
        assert find_project(store, query, latest).project == p


def test_keys_are_read_as_people_read_them(store):
    for edition in store.editions():
        for p in store.projects(edition.code):
            for typed in (p.key, p.key.lower(), p.key.replace("/", " / ")):
                assert resolve(store, typed).project == p, typed
                assert find_for_update(store, typed) == p, typed


def test_another_prefectures_keys_are_its_own(store, iwate):
    for p in iwate.projects():
        assert p.key.startswith(f"{IWATE}:")
        shown = label_of(p.key)  # R7/No40: how replies name it
        assert resolve(iwate, shown).project == p
        assert find_for_update(iwate, shown) == p
        assert pick_project(iwate, shown) == p
        # In another prefecture's deployment the key names nothing it answers for.
        assert resolve(store, p.key).status == "not_found"
        with pytest.raises(ProjectNotFound):
            find_for_update(store, p.key)


def test_a_key_of_an_edition_not_loaded_is_not_its_number(store):
    assert [e.code for e in store.editions()] == ["R6", "R7"]
    assert resolve(store, "R5/No40").status == "not_found"
    with pytest.raises(ProjectNotFound):
        find_for_update(store, "R5/No40")  # never the R7 No40 it does not name
    with pytest.raises(CommandError):
        pick_project(store, "R5/No40")
