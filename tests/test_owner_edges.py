"""Progress updates at their edges (#28): who may update and retract on which platform, the
year and initiative an update is filed under, the text's limits, and the keys that keep a
retry to one entry. Projects, sections and initiatives as the R7 document prints them:

    【No28】 … 担当課等 医療薬務課 … 事業始期 R7 事業終期 R8
    取組: 遠隔診療支援設備整備費補助 / 遠隔ICU体制整備促進事業費補助 / 遠隔周産期診療支援事業費補助
    【No40】 … 担当課等 学校教育課 … 事業始期 R7 事業終期 R10
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.errors import InvalidUpdate, NotAuthorized, ProjectNotFound
from bot.fiscal_year import TOKYO
from bot.models import ActualEntry
from bot.updates import (
    MAX_TEXT,
    Identity,
    append_update,
    authorize,
    check_year,
    clean_text,
    delivery_key,
    find_project,
    owned_projects,
    owner_names,
    owners_of,
    parse_update,
    resolve_initiative,
    retract,
)
from tests.conftest import R6_FILE

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=TOKYO)  # fiscal year R8
SLACK_U1 = Identity("slack", "U1", "田中")
TEAMS_U1 = Identity("teams", "U1", "田中")  # the same id on another platform: someone else
SLACK_U2 = Identity("slack", "U2", "鈴木")
No28_INITIATIVES = [
    "遠隔診療支援設備整備費補助",
    "遠隔ICU体制整備促進事業費補助",
    "遠隔周産期診療支援事業費補助",
]


@pytest.fixture
def owned(store):
    """U1 on Slack owns No40; U2 on Slack owns the section 医療薬務課 (No28 among others)."""
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="田中")
    store.add_owner("slack", "U2", section="医療薬務課", user_name="鈴木")
    return store


# -- who may update ---------------------------------------------------------------------------
def test_the_owner_check_is_of_the_platform_too(owned):
    no40 = find_project(owned, "No40")
    authorize(owned, SLACK_U1, no40)
    with pytest.raises(NotAuthorized) as refused:
        authorize(owned, TEAMS_U1, no40)
    assert refused.value.key == "update_not_owner"
    assert refused.value.params["owners"] == "田中"
    with pytest.raises(NotAuthorized):
        append_update(owned, TEAMS_U1, no40, "報告", now=NOW)
    assert [p.no for p in owned_projects(owned, SLACK_U1)] == [40]
    assert owned_projects(owned, TEAMS_U1) == []


def test_a_section_owner_owns_each_project_of_the_section(owned):
    # 担当課等 医療薬務課 is printed for No25, No26, No27 and No28 in the R7 document.
    assert [p.no for p in owned_projects(owned, SLACK_U2)] == [25, 26, 27, 28]
    authorize(owned, SLACK_U2, find_project(owned, "No28"))
    with pytest.raises(NotAuthorized):
        authorize(owned, SLACK_U2, find_project(owned, "No40"))


def test_owners_of_a_project_by_key_or_section_and_platform(owned):
    owned.add_owner("teams", "aad-1", project_key="R7/No28", user_name="佐藤")
    no28 = find_project(owned, "No28")
    assert [(o.platform, o.user_id) for o in owners_of(owned, no28)] == [
        ("slack", "U2"),
        ("teams", "aad-1"),
    ]
    assert [o.user_id for o in owners_of(owned, no28, "teams")] == ["aad-1"]
    assert [o.user_id for o in owners_of(owned, find_project(owned, "No40"))] == ["U1"]


def test_a_refusal_names_every_owner_once_in_order():
    from bot.store.chat_state import Owner

    def owner(user_id: str, name: str | None) -> Owner:
        return Owner(1, "slack", user_id, name, "R7/No40", None, None, "")

    assert owner_names([owner("U3", "山田"), owner("U1", None), owner("U2", "山田")]) == "U1, 山田"
    assert owner_names([]) == "-"


def test_an_unowned_project_refuses_naming_no_one(owned):
    with pytest.raises(NotAuthorized) as refused:
        authorize(owned, SLACK_U1, find_project(owned, "No41"))
    assert refused.value.params["owners"] == "-"
    assert refused.value.params["project"].startswith("No41 ")


# -- which project ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("reference", "key"),
    [
        ("No40", "R7/No40"),
        ("40", "R7/No40"),
        ("R7/No40", "R7/No40"),
        ("R6/#3", "R6/#3"),
        (" R6/#3 ", "R6/#3"),
        ("【No28】", "R7/No28"),
    ],
)
def test_a_project_by_number_in_the_latest_edition_or_by_key(store, reference, key):
    assert find_project(store, reference).key == key


@pytest.mark.parametrize("reference", ["No99", "R6/#999", "研修"])
def test_no_such_project(store, reference):
    with pytest.raises(ProjectNotFound) as missing:
        find_project(store, reference)
    assert missing.value.params == {"reference": reference}


# -- the text ----------------------------------------------------------------------------------
def test_the_text_is_kept_as_typed_with_its_ends_trimmed():
    assert clean_text("  一行目\r\n二行目\x07  ") == "一行目\n二行目"
    assert clean_text("a" * MAX_TEXT) == "a" * MAX_TEXT


@pytest.mark.parametrize(
    ("text", "key"), [("", "update_empty_text"), (" \x07 ", "update_empty_text")]
)
def test_an_empty_text_is_refused(text, key):
    with pytest.raises(InvalidUpdate) as refused:
        clean_text(text)
    assert refused.value.key == key


def test_one_character_over_the_limit_is_refused_with_its_length():
    with pytest.raises(InvalidUpdate) as refused:
        clean_text("a" * (MAX_TEXT + 1))
    assert (refused.value.key, refused.value.params) == (
        "update_too_long",
        {"n": MAX_TEXT + 1, "max": MAX_TEXT},
    )


@pytest.mark.parametrize(
    ("args", "year", "initiative", "text"),
    [
        ("No40 R8 取組 2 研修", "R8", None, "取組 2 研修"),  # 取組 and its number are one word
        ("No40 取組2 研修", None, "2", "研修"),
        ("No40 initiative3 研修", None, "3", "研修"),
        ("No40 #12 研修", None, "12", "研修"),
        ("No40 #123 研修", None, None, "#123 研修"),  # two digits at most
        ("No40 R８　研修", None, None, "R８　研修"),
        ("No40 2026年度 研修", "2026年度", None, "研修"),
        ("No40 H31 研修", "H31", None, "研修"),
        ("No40 [ 予算要求 ] 要求済み", None, "予算要求", "要求済み"),
        ("No40 研修 R8", None, None, "研修 R8"),  # a year after the text is the text's
        ("No40", None, None, ""),
    ],
)
def test_update_forms_at_their_edges(args, year, initiative, text):
    request = parse_update(args)
    assert (request.reference, request.fiscal_year, request.initiative, request.text) == (
        "No40",
        year,
        initiative,
        text,
    )


@pytest.mark.parametrize("token", ["令和X年度", "FY20", "0000年度"])
def test_a_year_shaped_word_that_is_no_year_is_refused(token):
    with pytest.raises(InvalidUpdate) as refused:
        parse_update(f"No40 {token} 研修")
    assert (refused.value.key, refused.value.params) == ("update_bad_year", {"year": token})


# -- the year and the initiative ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "filed"),
    [(None, "R8"), ("R8", "R8"), ("R7", "R7"), ("令和7年度", "R7"), ("FY2026", "R8")],
)
def test_the_year_filed_is_the_given_or_current_one_in_reiwa(store, given, filed):
    assert check_year(find_project(store, "No40"), given, NOW) == filed


def test_no_future_year_and_none_before_the_start(store):
    no40 = find_project(store, "No40")  # 事業始期 R7
    with pytest.raises(InvalidUpdate) as future:
        check_year(no40, "R9", NOW)
    assert (future.value.key, future.value.params) == (
        "update_future_year",
        {"year": "R9", "current": "R8"},
    )
    with pytest.raises(InvalidUpdate) as early:
        check_year(no40, "R6", NOW)
    assert (early.value.key, early.value.params) == (
        "update_before_start",
        {"year": "R6", "start": "R7"},
    )


def test_heisei_31_is_filed_as_reiwa_1(store):
    # 【No31】 事業始期 H31: an update for H31 is filed under the same year, as R1.
    assert check_year(find_project(store, "No31"), "H31", NOW) == "R1"


@pytest.mark.parametrize(
    ("given", "label"),
    [
        (None, None),
        ("", None),
        ("1", No28_INITIATIVES[0]),
        ("3", No28_INITIATIVES[2]),
        ("ICU", No28_INITIATIVES[1]),
        ("遠隔周産期", No28_INITIATIVES[2]),
        ("遠隔ICU体制整備促進事業費補助金", No28_INITIATIVES[1]),  # one character off
    ],
)
def test_an_initiative_by_number_or_label(store, given, label):
    assert resolve_initiative(find_project(store, "No28"), given) == label


@pytest.mark.parametrize("given", ["0", "4", "研修", "遠隔"])
def test_an_unknown_initiative_lists_the_choices(store, given):
    no28 = find_project(store, "No28")
    with pytest.raises(InvalidUpdate) as refused:
        resolve_initiative(no28, given) if given != "遠隔" else resolve_initiative(no28, "眼科")
    assert refused.value.key == "update_unknown_initiative"
    assert refused.value.params["choices"] == " / ".join(
        f"{n}: {label}" for n, label in enumerate(No28_INITIATIVES, 1)
    )


# -- appending and retracting ------------------------------------------------------------------
def test_an_update_appends_what_was_said_by_whom_and_where(owned):
    no28 = find_project(owned, "No28")
    entry, created = append_update(
        owned,
        SLACK_U2,
        no28,
        " 交付決定 ",
        fiscal_year="R7",
        initiative="2",
        channel="C1",
        request_id="T1",
        now=NOW,
    )
    assert created
    assert (
        entry.project_key,
        entry.edition,
        entry.project_no,
        entry.fiscal_year,
        entry.initiative,
        entry.kind,
        entry.text,
        entry.author_id,
        entry.author_name,
        entry.platform,
        entry.channel,
        entry.request_id,
        entry.created_at,
    ) == (
        "R7/No28",
        "R7",
        28,
        "R7",
        No28_INITIATIVES[1],
        "actual",
        "交付決定",
        "U2",
        "鈴木",
        "slack",
        "C1",
        "T1",
        NOW,
    )
    again, created = append_update(owned, SLACK_U2, no28, "交付決定", request_id="T1", now=NOW)
    assert (again.id, created) == (entry.id, False)
    other, created = append_update(owned, SLACK_U2, no28, "交付決定", request_id="T2", now=NOW)
    assert created and other.id != entry.id


def test_without_a_request_id_the_moment_keys_the_update(owned):
    no40 = find_project(owned, "No40")
    first, _ = append_update(owned, SLACK_U1, no40, "報告", now=NOW)
    _, created = append_update(owned, SLACK_U1, no40, "報告", now=NOW)
    assert not created
    assert owned.entry_by_dedupe(f"slack:U1:{NOW.isoformat()}").id == first.id
    keyed, _ = append_update(owned, SLACK_U1, no40, "別の報告", dedupe_key="mine", now=NOW)
    assert owned.entry_by_dedupe("mine").id == keyed.id


def test_operators_append_without_an_owner_check(store):
    entry, created = append_update(
        store,
        Identity("console", "ops"),
        find_project(store, "No41"),
        "取込",
        check_owner=False,
        now=NOW,
    )
    assert created and entry.author_id == "ops" and entry.author_name is None


def test_delivery_keys():
    assert delivery_key("slack", "V1", "U1", "text") == "slack:V1"
    by_body = delivery_key("slack", None, "U1", "text")
    assert by_body.startswith("slack:body:") and len(by_body) == len("slack:body:") + 32
    assert by_body == delivery_key("slack", "", "U1", "text")
    assert by_body != delivery_key("slack", None, "U1", "text2")
    assert by_body != delivery_key("slack", None, "U1t", "ext")  # parts kept apart
    assert delivery_key("slack", None, None, "x") == delivery_key("slack", None, "", "x")


@pytest.fixture
def reported(owned):
    entry, _ = append_update(owned, SLACK_U1, find_project(owned, "No40"), "報告", now=NOW)
    return owned, entry


def test_the_author_retracts_with_a_reason_kept(reported):
    store, entry = reported
    original, retraction = retract(store, SLACK_U1, entry.id, "  誤記 ", now=NOW)
    assert original.id == entry.id
    assert (retraction.kind, retraction.retracts, retraction.text) == (
        "retraction",
        entry.id,
        "誤記",
    )
    assert (retraction.author_id, retraction.author_name, retraction.platform) == (
        "U1",
        "田中",
        "slack",
    )
    assert retraction.created_at == NOW
    assert store.entry_by_dedupe(f"retract:{entry.id}").id == retraction.id
    with pytest.raises(InvalidUpdate) as again:
        retract(store, SLACK_U1, entry.id, now=NOW)
    assert (again.value.key, again.value.params) == ("retract_already", {"id": entry.id})


def test_a_retraction_without_a_reason_says_retracted_and_a_long_one_is_cut(reported):
    store, entry = reported
    _, retraction = retract(store, SLACK_U1, entry.id, "\x07", dedupe_key="k1", now=NOW)
    assert retraction.text == "retracted"
    assert store.entry_by_dedupe("k1").id == retraction.id
    other, _ = append_update(
        store, SLACK_U1, find_project(store, "No40"), "二件目", now=NOW.replace(hour=11)
    )
    _, long = retract(store, SLACK_U1, other.id, "長" * (MAX_TEXT + 5), now=NOW)
    assert long.text == "長" * MAX_TEXT


def test_another_owner_retracts_only_on_the_same_platform(reported):
    store, entry = reported
    store.add_owner("slack", "U5", project_key="R7/No40", user_name="高橋")
    store.add_owner("teams", "U6", project_key="R7/No40", user_name="伊藤")
    with pytest.raises(NotAuthorized) as refused:
        retract(store, Identity("teams", "U5"), entry.id, now=NOW)
    assert refused.value.key == "retract_not_allowed"
    assert refused.value.params["owners"] == "伊藤, 田中, 高橋"
    assert refused.value.params["id"] == entry.id
    with pytest.raises(NotAuthorized):
        retract(store, TEAMS_U1, entry.id, now=NOW)  # the author's id, another platform's user
    _, retraction = retract(store, Identity("slack", "U5"), entry.id, now=NOW)
    assert retraction.author_id == "U5"


def test_an_admin_retracts_anything_chat_wrote(reported):
    store, entry = reported
    _, retraction = retract(store, Identity("console", "admin"), entry.id, is_admin=True, now=NOW)
    assert retraction.retracts == entry.id


def test_what_cannot_be_retracted(reported):
    store, entry = reported
    _, retraction = retract(store, SLACK_U1, entry.id, now=NOW)
    with pytest.raises(InvalidUpdate) as refused:  # a retraction: said to be one, of which
        retract(store, SLACK_U1, retraction.id, is_admin=True, now=NOW)
    assert (refused.value.key, refused.value.params) == (
        "retract_a_retraction",
        {"id": retraction.id, "of": entry.id},
    )
    with pytest.raises(InvalidUpdate) as refused:
        retract(store, SLACK_U1, 10**9, is_admin=True, now=NOW)
    assert (refused.value.key, refused.value.params) == ("retract_no_entry", {"id": 10**9})
    document = next(e for e in store.entries("R7/No40") if e.platform == "document")
    with pytest.raises(InvalidUpdate) as refused:
        retract(store, SLACK_U1, document.id, is_admin=True, now=NOW)
    assert refused.value.key == "retract_document"


def test_a_retraction_of_a_project_no_longer_loaded_names_its_key(store):
    stray, _ = store.append_entry(
        ActualEntry(
            project_key="R5/No1",
            edition="R7",
            project_no=1,
            fiscal_year="R7",
            text="古い報告",
            author_id="U1",
            platform="slack",
            created_at=NOW,
        )
    )
    with pytest.raises(NotAuthorized) as refused:
        retract(store, SLACK_U2, stray.id, now=NOW)
    assert refused.value.params["project"] == "R5/No1"
    assert refused.value.params["owners"] == "-"


# -- what the first run of `make mutation` found unchecked ---------------------------------------
@pytest.mark.parametrize(
    ("args", "year"), [("No40 令和　8年度 研修", "令和　8年度"), ("No40 R　8 研修", "R　8")]
)
def test_a_year_with_a_full_width_space_inside_is_a_year(args, year):
    request = parse_update(args)
    assert (request.fiscal_year, request.text) == (year, "研修")


def test_delivery_keys_stay_the_same_across_versions():
    """A retry after an upgrade must find the key the earlier version stored: the parts are
    joined by the unit separator, a missing part empty."""
    import hashlib

    digest = hashlib.sha256(b"U1\x1f\x1ftext").hexdigest()[:32]
    assert delivery_key("slack", None, "U1", None, "text") == f"slack:body:{digest}"


def test_an_initiative_printed_without_a_label_is_its_number(store):
    # 【No39】 prints two initiatives, the second with no label of its own.
    no39 = find_project(store, "No39")
    assert resolve_initiative(no39, "2") == "取組2"
    assert resolve_initiative(no39, "1").startswith("取組1 ")


def test_a_label_eighty_percent_alike_is_taken_and_less_is_not():
    from bot.models import Initiative, Project

    project = Project.model_construct(initiatives=[Initiative.model_construct(label="ABCDE")])
    assert resolve_initiative(project, "ABCDX") == "ABCDE"  # fuzz ratio 80: taken
    with pytest.raises(InvalidUpdate):
        resolve_initiative(project, "ABXYZ")  # 40


def test_a_project_without_initiatives_offers_none():
    from bot.models import Project

    with pytest.raises(InvalidUpdate) as refused:
        resolve_initiative(Project.model_construct(initiatives=[]), "研修")
    assert refused.value.params == {"given": "研修", "choices": "-"}


def test_an_author_no_longer_an_owner_still_retracts_their_own_entry(store):
    entry, _ = append_update(
        store, SLACK_U2, find_project(store, "No41"), "報告", check_owner=False, now=NOW
    )
    _, retraction = retract(store, SLACK_U2, entry.id, now=NOW)  # no reason given
    assert (retraction.retracts, retraction.text) == (entry.id, "retracted")


def test_a_refused_retraction_names_the_project_and_a_document_entry_its_id(reported):
    store, entry = reported
    with pytest.raises(NotAuthorized) as refused:
        retract(store, SLACK_U2, entry.id, now=NOW)
    assert refused.value.params["project"] == "No40 県立学校次世代校務デジタル化推進事業"
    document = next(e for e in store.entries("R7/No40") if e.platform == "document")
    with pytest.raises(InvalidUpdate) as refused:
        retract(store, SLACK_U1, document.id, now=NOW)
    assert refused.value.params == {"id": document.id}


def test_keys_are_read_as_the_store_s_own_prefecture_s():
    """In 岩手県's store, R6/#3 is 岩手県's R6/#3; with only an unnumbered edition loaded, a
    word that is no number names no project (not the first unnumbered one)."""
    from bot.sources import load_documents
    from bot.store import Store

    iwate = Store.memory("岩手県")
    load_documents(iwate, [R6_FILE])
    assert find_project(iwate, "R6/#3").key == "岩手県:R6/#3"
    with pytest.raises(ProjectNotFound) as missing:
        find_project(iwate, "研修")
    assert missing.value.key == "update_no_project"
