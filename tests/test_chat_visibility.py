"""Review of #15/#16: the command table's public/private flag on every path, slow commands run
once, one Content-Length check, apologies in the asker's language."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pytest

from bot import messages as m
from bot.adapters import http_front
from bot.adapters.slack.app import create_app
from bot.adapters.slack.serve import wsgi_app
from bot.commands import dispatch
from bot.service import Core
from bot.settings import Settings
from tests.slack_harness import BOT_TOKEN, SIGNING_SECRET
from tests.teams_harness import mention as teams_mention
from tests.teams_harness import message

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


def mention(text: str, user: str = "U1", ts: str = "50.5", channel: str = "C1") -> dict:
    """An app_mention event in a channel, as Slack sends it."""
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@UBOT> {text}",
        "ts": ts,
        "channel": channel,
    }


# -- 1. Slack: private commands after a mention are ephemeral, in the thread ------------------


def test_a_private_command_after_a_mention_is_shown_only_to_its_author(slack, fake):
    slack.event(mention("history No40"), event_id="EvHist")
    [private] = fake.wait_for("chat.postEphemeral")
    assert private.params["user"] == "U1" and private.params["channel"] == "C1"
    assert private.params["thread_ts"] == "50.5"
    assert "No40" in private.params["text"]
    slack.settle()
    assert fake.called("chat.postMessage") == []


@pytest.mark.parametrize("command", ["owners", "nudges off", "help"])
def test_every_private_command_after_a_mention_stays_private(slack, fake, command):
    spec, _ = dispatch.lookup(command)
    assert not spec.public  # the table says private; the mention path must honour it
    slack.event(mention(command, ts="51.5"), event_id=f"Ev-{command}")
    fake.wait_for("chat.postEphemeral")
    slack.settle()
    assert fake.called("chat.postMessage") == []


def test_a_public_command_after_a_mention_goes_to_the_thread(slack, fake):
    spec, _ = dispatch.lookup("update No40 R8 取組1 設計を完了")
    assert spec.public
    slack.event(mention("update No40 R8 取組1 設計を完了", ts="52.5"), event_id="EvUpd")
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "52.5" and "設計を完了" in post.params["text"]
    slack.settle()
    assert fake.called("chat.postEphemeral") == []


def test_a_private_command_in_a_direct_message_is_answered_there(slack, fake):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "history No40",
        "ts": "53.5",
        "channel": "D1",
    }
    slack.event(event, event_id="EvDmHist")
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["channel"] == "D1"
    slack.settle()
    assert fake.called("chat.postEphemeral") == []


def test_a_private_file_after_a_mention_goes_to_the_authors_dm(slack, fake):
    slack.event(mention("export csv", ts="54.5"), event_id="EvExport")
    [complete] = fake.wait_for("files.completeUploadExternal")
    # The DM with the bot (by its D… id: uploads refuse user ids), never the channel.
    assert complete.params["channel_id"] == "D1"
    assert fake.called("chat.postEphemeral")
    slack.settle()
    assert [c.params["channel"] for c in fake.called("chat.postMessage")] == ["U1"]


# -- 1. Teams: no ephemeral messages -----------------------------------------------------------


CHANNEL = "19:dx;messageid=7"


def in_channel(text: str, connector) -> dict:
    return message(
        f"<at>roadmap</at> {text}",
        conversation=CHANNEL,
        kind="channel",
        connector=connector,
        entities=[teams_mention("roadmap")],  # Teams sends the bot's mention as an entity
    )


def test_teams_private_reply_goes_to_the_personal_chat_when_there_is_one(teams, connector):
    teams.post(message("help", connector=connector))  # the person has a personal chat
    before = len(teams.replies())
    teams.post(in_channel("history No40", connector))
    [note] = teams.replies(CHANNEL)
    assert note["text"] == m.say("teams_sent_to_personal_chat", "ja")
    private = teams.replies()[before:]
    assert private and "No40" in json.dumps(private, ensure_ascii=False)


def test_teams_private_reply_without_a_personal_chat_says_so_in_the_thread(teams, connector):
    teams.post(in_channel("history No40", connector))
    note, *reply = teams.replies(CHANNEL)
    assert note["text"] == m.say("teams_private_in_thread", "ja") and reply
    assert teams.replies() == []


def test_teams_public_reply_stays_in_the_channel(teams, connector):
    teams.post(message("help", connector=connector))
    before = len(teams.replies())
    teams.post(in_channel("update No40 R8 取組1 設計を完了", connector))
    [reply] = teams.replies(CHANNEL)
    assert "設計を完了" in json.dumps(reply, ensure_ascii=False)
    assert len(teams.replies()) == before


# -- 2. a slow slash command runs once ----------------------------------------------------------


def test_a_slow_command_runs_its_handler_once_and_uploads_the_acked_file(slack, fake, monkeypatch):
    runs: list[str] = []
    made: list[str] = []
    real = dispatch.dispatch

    def counted(spec, req):
        runs.append(spec.name)
        reply = real(spec, req)
        if reply.file is not None:
            make = reply.file

            def file():
                made.append(spec.name)
                return make()

            reply.file = file
        return reply

    monkeypatch.setattr(dispatch, "dispatch", counted)
    response = slack.command("export csv")
    assert m.say("file_uploading", "ja") in response.json()["text"]
    fake.wait_for("files.completeUploadExternal")
    slack.settle()
    assert (runs, made) == (["export"], ["export"])


# -- 3. one Content-Length check ------------------------------------------------------------------


def test_one_length_check_for_every_front():
    assert http_front.check_length(None) is None
    assert http_front.check_length(b"12") == 12 and http_front.check_length("12") == 12
    for declared, status in (("12x", 400), (str(http_front.MAX_BODY + 1), 413)):
        with pytest.raises(http_front.Refused) as refused:
            http_front.check_length(declared)
        assert refused.value.status == status


@pytest.mark.parametrize("declared", ["12x", str(http_front.MAX_BODY + 1)])
def test_the_slack_and_asgi_fronts_refuse_a_length_in_the_same_words(store, declared):
    settings = Settings(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET)
    app = wsgi_app(create_app(settings, Core(store, settings)), store)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": declared,
        "CONTENT_TYPE": "application/json",
    }
    seen: list[str] = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: seen.append(status)))
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/x",
        "headers": [(b"content-length", declared.encode())],
    }

    async def nothing() -> dict:
        return {"type": "http.request", "body": b""}

    with pytest.raises(http_front.Refused) as refused:
        asyncio.run(http_front.read_body(scope, nothing))
    assert seen == [refused.value.status_line]
    assert body.decode() == refused.value.reason


# -- 4. apologies in the asker's language ----------------------------------------------------------


def test_an_unexpected_failure_after_an_english_mention_apologises_in_english(
    slack, fake, monkeypatch
):
    from bot.adapters.slack.listeners import messages as listener

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(listener, "record", broken)
    slack.event(mention("what is the budget of No40?", ts="60.5"), event_id="EvBroken")
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["text"] == m.say("error_generic", "en")


def test_an_unexpected_failure_in_teams_apologises_in_the_senders_language(
    teams, connector, monkeypatch
):
    from bot.adapters.teams import bot as teams_bot

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(teams_bot, "handle_message", broken)
    teams.post(message("what is the budget of No40?", connector=connector))
    teams.post(message("No40の事業費は？", connector=connector))
    english, japanese = teams.replies()
    assert english["text"] == m.say("error_generic", "en")
    assert japanese["text"] == m.say("error_generic", "ja")


def test_a_reply_teams_refuses_is_followed_by_a_notice_in_the_senders_language(teams, connector):
    connector.statuses["activities"] = [413]
    teams.post(message("What is the budget of No40?", connector=connector))
    _, notice = teams.replies()
    assert notice["text"] == m.say("teams_send_failed", "en")
