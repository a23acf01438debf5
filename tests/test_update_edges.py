"""Update edge cases found under attack: deliveries without ids, huge texts, emoji, forged forms,
refusal wording."""

from __future__ import annotations

import logging

import pytest

from bot import logs
from bot.text import drop_control
from bot.updates import MAX_TEXT, delivery_key
from tests.slack_harness import chat_entries, command_form, submission


def test_updates_without_a_trigger_id_are_each_recorded_and_their_retries_once(slack):
    texts = [f"trigger のない報告 {n}" for n in range(3)]
    for text in texts:
        for _ in range(3):  # each delivered three times: the same body is a retry
            form = command_form(f"update No40 {text}", "", slack.fake.url + "r/1")
            assert slack.post(form, "application/x-www-form-urlencoded").status == 200
    assert sorted(e.text for e in chat_entries(slack.core.store)) == texts


def test_delivery_keys_differ_by_text_and_sender_but_not_by_retry():
    key = delivery_key("slack:command", None, "T1", "U1", "C1", "update No40 a")
    assert key == delivery_key("slack:command", None, "T1", "U1", "C1", "update No40 a")
    assert key != delivery_key("slack:command", None, "T1", "U1", "C1", "update No40 b")
    assert key != delivery_key("slack:command", None, "T1", "U2", "C1", "update No40 a")
    assert delivery_key("slack:command", "trig-1", "x") == "slack:command:trig-1"


@pytest.mark.parametrize("length", [MAX_TEXT + 1, 3_988 + 50, 100_000])
def test_too_long_reports_the_real_length(slack, length):
    text = "x" * length  # ASCII: 100,000 characters still fit the 512 KB request limit
    reply = slack.command(f"update No40 {text}").json()["text"]
    assert f"{length}" in reply and f"{MAX_TEXT}" in reply
    assert chat_entries(slack.core.store) == []


@pytest.mark.parametrize(
    "emoji", ["👨\u200d👩\u200d👧", "🏳️\u200d🌈", "👩🏽\u200d💻", "\u0646\u200c\u0645"]
)
def test_joiners_are_kept_and_emoji_stay_whole(slack, emoji):
    assert drop_control(f"a{emoji}b\u202e") == f"a{emoji}b"
    slack.command(f"update No40 家族向け講座 {emoji} を開催")
    [entry] = chat_entries(slack.core.store)
    assert emoji in entry.text


def test_a_forged_form_for_an_older_unnumbered_project_is_refused_by_name(slack):
    store = slack.core.store
    older = next(p for p in store.projects("R6") if p.no is None)
    for section in older.sections:
        store.add_owner("slack", "U1", section=section, user_name="tanaka")
    payload = submission("V-forged", "古い版への記録")
    payload["view"]["state"]["values"]["project"]["value"]["selected_option"]["value"] = older.key
    response = slack.interaction(payload)
    error = response.json()["errors"]["project"]
    assert "None" not in error and older.name in error
    assert chat_entries(store, older.key) == []


@pytest.mark.parametrize(
    "command, says, never",
    [
        ("retract {id}", "取り消せるのは", "更新できる"),
        ("retract {id} recorded by mistake", "can retract it", "can update it"),
    ],
)
def test_a_refused_retract_talks_about_retracting(slack, command, says, never):
    slack.command("update No40 本物の記録")
    [entry] = chat_entries(slack.core.store)
    reply = slack.command(command.format(id=entry.id), user="U2").json()["text"]
    assert says in reply and never not in reply
    assert not slack.core.store.entry(entry.id).retracted


@pytest.mark.parametrize(
    "command, says",
    [
        ("owners add <@U5|yamada> No41", "Only admins"),
        ("owners remove <@U1> No40", "Only admins"),
        ("owners add <@U5|yamada> 学校教育課", "管理者だけ"),
    ],
)
def test_owners_refusals_come_in_the_commands_language(slack, command, says):
    assert says in slack.command(command, user="U2").json()["text"]


FORGED_VALUE = "FORGED-VALUE-7f3a"


@pytest.mark.parametrize(
    "where, value",
    [
        (("year", "value", "selected_option"), {"value": f"R8 {FORGED_VALUE}"}),
        (("year", "value", "selected_option"), {"value": ["R8", FORGED_VALUE]}),
        (("text", "value", "value"), {"forged": FORGED_VALUE}),
        (("project", "value", "selected_option"), f"R7/No40{FORGED_VALUE}"),
        (("initiative", "value", "value"), [FORGED_VALUE]),
    ],
)
def test_a_forged_form_value_is_refused_in_the_form_and_never_quoted_in_the_log(
    slack, caplog, where, value
):
    """#25: a forged year reached the fiscal-year parser, whose error quoted it in a traceback."""
    payload = submission("V-forged-value", "本物の報告")
    block, action, key = where
    payload["view"]["state"]["values"][block][action][key] = value
    payload["view"]["private_metadata"] = f"{{{FORGED_VALUE}"  # not JSON
    with caplog.at_level(logging.DEBUG):
        response = slack.interaction(payload)
        slack.settle()
    assert response.status == 200
    kept = [r for r in caplog.records if logs.WithoutBodies().filter(r)]  # as a server logs
    logged = "\n".join(logs.JsonLines().format(r) for r in kept)
    assert FORGED_VALUE not in logged
    assert not any(r.exc_info for r in kept)  # refused, not failed
    if response.body:  # refused in the form, field by field
        assert response.json()["response_action"] == "errors"
        assert FORGED_VALUE not in str(chat_entries(slack.core.store))


def test_text_with_a_lone_surrogate_is_recorded_with_a_replacement_character(slack, fake):
    """#25: JSON's "\\ud800" with no partner cannot be stored as UTF-8; it was refused with
    "try again", forever."""
    from tests.slack_harness import dm

    response = slack.event(dm("update No40 壊れた\ud800文字", "90.1"), event_id="EvSurrogate")
    assert response.status == 200
    slack.settle()
    [entry] = chat_entries(slack.core.store)
    assert entry.text == "壊れた\ufffd文字"
    [post] = fake.wait_for("chat.postMessage")
    assert "✅" in post.params["text"] and f"#{entry.id}" in post.params["text"]
