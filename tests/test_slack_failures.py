"""Every post Slack refuses reaches the person who asked, through a channel that still works."""

from __future__ import annotations

import json
import time

import pytest

from tests.slack_harness import FakeSlack, submission


def told(fake: FakeSlack, path: str = "/response/cmd", timeout: float = 20) -> str:
    """What reached the person through the command's response_url."""
    if not fake.wait_until(lambda: any(c.path == path for c in fake.calls), timeout):
        raise AssertionError("nothing reached the person")
    return [c for c in fake.calls if c.path == path][-1].params["text"]


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        ("not_in_channel", "/invite @roadmap でチャンネルに招待してください"),
        (
            "channel_not_found",
            "ボットとのダイレクトメッセージで実行してください",
        ),  # a DM between two other people
        ("is_archived", "アーカイブされている"),
        ("msg_too_long", "長すぎて"),
        ("some_new_error", "some_new_error"),
    ],
)
@pytest.mark.parametrize(
    "command", ["export csv", "chart budget", "diff R6 R7", "history No40 --all"]
)
def test_a_file_that_cannot_be_posted_is_explained_through_the_response_url(
    slack, fake, error, advice, command
):
    fake.errors["files.completeUploadExternal"] = error
    ack = slack.command(command).json()
    assert ack["response_type"] == "ephemeral"
    assert advice.replace("してください", "") in told(fake)


def test_a_mention_reply_refused_by_the_channel_reaches_the_person_by_dm(slack, fake):
    fake.errors["chat.postMessage:C9"] = "is_archived"
    event = {
        "type": "app_mention",
        "user": "U2",
        "text": "<@UBOT> No40の事業費",
        "ts": "1.1",
        "channel": "C9",
    }
    slack.event(event, event_id="EvArchived")
    posts = fake.wait_for("chat.postMessage", count=2)
    assert posts[1].params["channel"] == "U2" and "アーカイブ" in posts[1].params["text"]


def test_an_update_from_the_form_is_told_even_when_the_channel_refuses(slack, fake):
    fake.errors["chat.postMessage:C1"] = "not_in_channel"
    assert slack.interaction(submission("V-lost", "記録は残る")).status == 200
    posts = fake.wait_for("chat.postMessage", count=2)
    [entry] = [e for e in slack.core.store.entries("R7/No40") if e.platform == "slack"]
    dm = posts[1].params
    assert dm["channel"] == "U1"
    assert f"記録はされています（#{entry.id}）" in dm["text"] and "/invite @roadmap" in dm["text"]
    assert "記録は残る" in json.dumps(dm["blocks"], ensure_ascii=False)


def test_a_rate_limited_post_is_retried_after_retry_after(slack, fake):
    fake.ratelimit["chat.postMessage"] = (1, 1)
    started = time.time()
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U2",
        "text": "No40",
        "ts": "2.2",
        "channel": "D1",
    }
    slack.event(event, event_id="EvLimited")
    posts = fake.wait_for("chat.postMessage", count=2, timeout=10)
    assert len(posts) == 2 and time.time() - started >= 1  # waited Retry-After, then posted
    assert posts[1].params["channel"] == "D1" and "No40" in posts[1].params["text"]


def test_a_long_rate_limit_is_told_not_waited_for(slack, fake):
    fake.ratelimit["files.completeUploadExternal"] = (5, 3600)
    slack.command("export csv")
    assert "混み合って" in told(fake)
    assert len(fake.called("files.completeUploadExternal")) == 1


def test_a_form_that_cannot_open_is_explained(slack, fake):
    fake.errors["views.open"] = "expired_trigger_id"
    slack.command("update")
    assert "expired_trigger_id" in told(fake)


def test_a_refused_update_by_mention_is_answered_privately(slack, fake):
    event = {
        "type": "app_mention",
        "user": "U2",
        "text": "<@UBOT> update No40 勝手に",
        "ts": "3.3",
        "channel": "C1",
    }
    slack.event(event, event_id="EvRefused")
    [private] = fake.wait_for("chat.postEphemeral")
    assert private.params["user"] == "U2" and "担当者だけ" in private.params["text"]
    slack.settle()  # every lazy listener has finished: a late post would be seen
    assert fake.called("chat.postMessage") == []


def test_mentions_in_an_update_by_mention_are_kept_readable(slack, fake):
    event = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> update No40 <@U777> さんと R&amp;D &lt;1&gt; を完了",
        "ts": "4.4",
        "channel": "C1",
    }
    slack.event(event, event_id="EvMention")
    [post] = fake.wait_for("chat.postMessage")
    [entry] = [e for e in slack.core.store.entries("R7/No40") if e.platform == "slack"]
    assert entry.text == "@name-U777 さんと R&D <1> を完了"
    assert "<@U777>" not in json.dumps(post.params, ensure_ascii=False)
