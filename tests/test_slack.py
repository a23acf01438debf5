"""The Slack app end to end: served on loopback, signed requests, a fake Web API."""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from slack_sdk.models.views import View

from bot.adapters.slack.listeners import COMMANDS, EVENTS
from tests.slack_harness import (
    BOT_TOKEN,
    NOW,
    SIGNING_SECRET,
    chat_entries,
    sign,
    submission,
    valid_blocks,
)

MANIFEST = Path(__file__).resolve().parent.parent / "manifest.yml"


def test_healthz(slack):
    assert (slack.get("/healthz").status, slack.get("/healthz").body) == (200, "ok")
    # Deep: not healthy until the first integrity check (started by this request) has a result.
    first = slack.get("/healthz?deep")
    assert first.status == 200 or (first.status, first.body) == (
        503,
        "integrity check not finished yet",
    )
    deadline = time.monotonic() + 30  # a check of this store takes milliseconds
    while slack.get("/healthz?deep").status != 200 and time.monotonic() < deadline:
        pass
    assert (slack.get("/healthz?deep").status, slack.get("/healthz?deep").body) == (200, "ok")
    assert slack.get("/nowhere").status == 404


def test_question_by_slash_command_is_answered_in_the_ack(slack, fake):
    response = slack.command("No40の事業費は？")
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "188,084千円" in body["text"]
    blocks = valid_blocks(body["blocks"])
    assert blocks[-1]["elements"][0]["action_id"] == "share_answer"
    assert "出典：R7版 No40 294行目" in json.dumps(blocks, ensure_ascii=False)
    # Nothing but Bolt's one-time auth.test: the answer itself needed no Web API call.
    assert [c.path for c in fake.calls if not c.path.endswith("auth.test")] == []


def test_question_by_mention_replies_in_the_thread(slack, fake):
    event = {
        "type": "app_mention",
        "user": "U2",
        "text": "<@UBOT> who owns the PHR project?",
        "ts": "100.1",
        "channel": "C9",
    }
    assert slack.event(event).status == 200
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["channel"] == "C9" and post.params["thread_ts"] == "100.1"
    assert "病院局" in post.params["text"]
    valid_blocks(
        post.params["blocks"]
        if isinstance(post.params["blocks"], list)
        else json.loads(post.params["blocks"])
    )


def test_the_bots_own_mention_never_reaches_the_question(slack, fake, r7):
    """Wherever the bot's <@UBOT> sits in an app_mention, with or without its label, it is taken
    off by its id; a person's mention stays a person (users.info names them)."""
    over = [p for p in r7.projects if p.budget_thousand_yen >= 100_000]
    shapes = [
        "<@UBOT> 1億円以上の事業は？",
        "すみません <@UBOT|DX Roadmap> 1億円以上の事業は？",
        "1億円以上の事業は？ <@UBOT>",
        "<@UBOT> <@U777|sato> さんにも見せたいので、1億円以上の事業は？",
    ]
    for n, text in enumerate(shapes, 1):
        event = {"type": "app_mention", "user": "U2", "text": text, "ts": f"7.{n}", "channel": "C9"}
        assert slack.event(event, event_id=f"EvOwn{n}").status == 200
        posted = fake.wait_for("chat.postMessage", n)[n - 1].params["text"]
        assert f"（{len(over)}件）" in posted, (text, posted)
        assert "Roadmap" not in posted and "UBOT" not in posted


@pytest.mark.parametrize(
    ("text", "context_id"),
    [
        ("<@UBOT> No40の事業費", "UBOT"),
        ("すみません <@UBOT|DX Roadmap> No40の事業費", "UBOT"),
        ("No40の事業費 <@UBOT>", None),  # Bolt gave no id: the event's authorizations do
        ("<@U777|sato> さん、<@UBOT> No40の事業費", None),
    ],
)
def test_the_bots_own_mention_is_taken_off_by_its_id(text, context_id):
    from bot.adapters.slack.listeners.common import own_user_id, strip_bot_mention

    body = {"authorizations": [{"user_id": "UBOT", "is_bot": True, "team_id": "T1"}]}
    stripped = strip_bot_mention(text, context_id or own_user_id(body))
    assert "UBOT" not in stripped and "No40の事業費" in stripped
    assert ("<@U777|sato>" in stripped) == ("U777" in text)


def test_question_by_direct_message(slack, fake):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U2",
        "text": "R7で終わる事業は？",
        "ts": "5.5",
        "channel": "D1",
    }
    assert slack.event(event, event_id="EvDM").status == 200
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["channel"] == "D1" and "9件" in post.params["text"]


def test_bot_messages_are_not_answered(slack, fake):
    event = {
        "type": "message",
        "channel_type": "im",
        "bot_id": "BBOT",
        "text": "No40",
        "ts": "6.6",
        "channel": "D1",
    }
    assert slack.event(event, event_id="EvBot").status == 200
    slack.settle()  # every lazy listener has finished: a late post would be seen
    assert fake.called("chat.postMessage") == []


def test_retried_event_is_answered_once(slack, fake):
    event = {
        "type": "app_mention",
        "user": "U2",
        "text": "<@UBOT> No40",
        "ts": "7.7",
        "channel": "C1",
    }
    assert slack.event(event, event_id="EvRetry").status == 200
    fake.wait_for("chat.postMessage")
    retry = slack.event(
        event,
        event_id="EvRetry",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status == 200
    slack.settle()  # every lazy listener has finished: a late post would be seen
    assert len(fake.called("chat.postMessage")) == 1


def test_owner_update_appends_one_entry_and_confirms_in_channel(slack):
    response = slack.command(
        "update No40 R8 取組1 次期システムの設計を完了した", trigger_id="T-upd-1"
    )
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "in_channel"
    valid_blocks(body["blocks"])
    [entry] = chat_entries(slack.core.store)
    assert (entry.text, entry.fiscal_year, entry.initiative) == (
        "次期システムの設計を完了した",
        "R8",
        "統合型校務支援システム運用",
    )
    # The name people see (users.info's display name), not the payload's legacy handle.
    assert (entry.author_id, entry.author_name, entry.platform, entry.channel) == (
        "U1",
        "name-U1",
        "slack",
        "C1",
    )
    assert entry.created_at == NOW
    assert f"#{entry.id}" in body["text"] and "JST" in body["text"]


def test_update_defaults_to_the_current_fiscal_year(slack):
    slack.command("update No40 研修を2回実施")
    assert chat_entries(slack.core.store)[0].fiscal_year == "R8"


def test_non_owner_update_is_refused_and_nothing_is_written(slack):
    response = slack.command("update No40 勝手に書く", user="U2", user_name="suzuki")
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "担当者だけ" in body["text"] and "tanaka" in body["text"]
    assert chat_entries(slack.core.store) == []


def test_owner_of_one_project_cannot_update_another(slack):
    body = slack.command("update No41 よその事業").json()
    assert "担当者だけ" in body["text"]
    assert chat_entries(slack.core.store, "R7/No41") == []


def test_section_owner_may_update_its_projects(slack):
    slack.core.store.add_owner("slack", "U3", section="学校教育課", user_name="sato")
    body = slack.command("update No41 ネットワーク調査を開始", user="U3").json()
    assert body["response_type"] == "in_channel"
    assert len(chat_entries(slack.core.store, "R7/No41")) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("update No40 R9 未来の話", "まだ来ていません"),
        ("update No40 R6 始期より前", "事業始期"),
        ("update No40 取組9 何か", "取組「9」が見つかりません"),
        ("update No40", "実績の内容が空です"),
        ("update こんにちは", "使い方"),
        ("update hello", "Usage"),
        ("update No99 どこにもない", "No99"),
        ("update No40 " + "長" * 3001, "長すぎます"),
    ],
)
def test_bad_updates_get_a_clear_error_and_write_nothing(slack, args, expected):
    body = slack.command(args).json()
    assert expected in body["text"], body["text"]
    assert chat_entries(slack.core.store) == []


def test_update_text_survives_slack_encoding_and_never_pings(slack, fake):
    # As Slack sends it (should_escape: true): &, <, > as entities, mentions and links wrapped.
    typed = (
        "update No40 R&amp;D &lt;phase 2&gt; <!channel> <!here> <@U999|yamada> "
        "<https://evil.example/|詳細> *至急* 完了"
    )
    body = slack.command(typed).json()
    [entry] = chat_entries(slack.core.store)
    assert entry.text == (
        "R&D <phase 2> @channel @here @yamada 詳細 (https://evil.example/) *至急* 完了"
    )
    posted = json.dumps(body, ensure_ascii=False)
    assert "<!channel>" not in posted and "<@U999" not in posted and "<!here>" not in posted
    assert "&amp;amp;" not in posted  # escaped once, never twice
    assert "R&amp;D &lt;phase 2&gt;" in body["text"]  # the notification text is mrkdwn
    # The public confirmation shows the text as typed: plain text, no Markdown, no links.
    assert body["response_type"] == "in_channel"
    blocks = valid_blocks(body["blocks"])
    shown = [b["text"] for b in blocks if b["type"] == "section"]
    assert all(t["type"] == "plain_text" for t in shown)
    assert "R&D <phase 2> @channel" in "\n".join(t["text"] for t in shown)
    history = slack.command("history No40").json()
    assert "R&D <phase 2>" in json.dumps(history["blocks"], ensure_ascii=False)
    # An answer quoting the entry (which the share button makes public) shows it as typed too.
    answer = slack.command("No40のR8実績").json()
    quoted = [
        b for b in valid_blocks(answer["blocks"]) if "*至急*" in json.dumps(b, ensure_ascii=False)
    ]
    assert quoted and all(b["text"]["type"] == "plain_text" for b in quoted)


def test_a_retried_slash_update_is_not_announced_twice(slack):
    first = slack.command("update No40 一度だけ", trigger_id="T-dup").json()
    again = slack.command("update No40 一度だけ", trigger_id="T-dup").json()
    assert first["response_type"] == "in_channel"
    assert again["response_type"] == "ephemeral"
    assert len(chat_entries(slack.core.store)) == 1


def test_control_characters_are_dropped(slack):
    slack.command("update No40 完了\x00\x07しました\u202e")
    assert chat_entries(slack.core.store)[0].text == "完了しました"


def test_update_modal_opens_with_the_users_projects(slack, fake):
    response = slack.command("update", trigger_id="trig-modal")
    assert response.status == 200
    [call] = fake.wait_for("views.open")
    view = (
        call.params["view"]
        if isinstance(call.params["view"], dict)
        else json.loads(call.params["view"])
    )
    View(**view).validate_json()
    options = view["blocks"][0]["element"]["options"]
    assert [o["value"] for o in options] == ["R7/No40"]
    assert call.params["trigger_id"] == "trig-modal"


def test_modal_submit_with_a_validation_error_shows_it_in_the_form(slack, fake):
    response = slack.interaction(submission("V-err", "ok", initiative="存在しない取組"))
    assert response.status == 200
    body = response.json()
    assert body["response_action"] == "errors"
    assert "initiative" in body["errors"]
    assert chat_entries(slack.core.store) == []


def test_modal_submit_appends_once_even_when_double_clicked(slack, fake):
    first = slack.interaction(submission("V-ok", "セキュリティ基盤の設計を完了"))
    second = slack.interaction(submission("V-ok", "セキュリティ基盤の設計を完了"))
    assert (first.status, second.status) == (200, 200)
    [entry] = chat_entries(slack.core.store)
    assert entry.author_name == "name-U1"  # the form's `username` is a handle
    posts = fake.wait_for("chat.postMessage")
    slack.settle()  # every lazy listener has finished: a late post would be seen
    assert len(fake.called("chat.postMessage")) == 1
    assert posts[0].params["channel"] == "C1" and "セキュリティ基盤" in posts[0].params["text"]


def test_share_button_posts_the_answer_to_the_channel(slack, fake):
    payload = {
        "type": "block_actions",
        "user": {"id": "U2", "username": "suzuki"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "trigger_id": "trig-share",
        "response_url": fake.url + "response/share",
        "actions": [
            {
                "action_id": "share_answer",
                "block_id": "b",
                "type": "button",
                "value": "No40の事業費は？",
            }
        ],
    }
    assert slack.interaction(payload).status == 200
    [call] = fake.wait_for("share")
    assert call.params["response_type"] == "in_channel"
    valid_blocks(call.params["blocks"])
    assert "188,084千円" in call.params["text"]
    # #25: the same click delivered again (a replayed request) posts nothing more; a new click
    # (its own trigger id) does.
    assert slack.interaction(payload).status == 200
    slack.settle()
    assert len(fake.called("share")) == 1
    assert slack.interaction({**payload, "trigger_id": "trig-share-2"}).status == 200
    assert len(fake.wait_for("share", 2)) == 2


def test_history_and_retract(slack):
    slack.command("update No40 一回目")
    slack.command("update No40 二回目")
    first, _second = chat_entries(slack.core.store)
    body = slack.command(f"retract {first.id} 誤り").json()
    assert f"#{first.id}" in body["text"]
    history = slack.command("history No40").json()["text"]
    assert "一回目" in history and "二回目" in history and "取消" in history
    actual = slack.command("No40の実績").json()["text"]
    assert "二回目" in actual and "一回目" not in actual  # answers stop counting it
    again = slack.command(f"retract {first.id}").json()["text"]
    assert "取り消し済み" in again
    [retraction] = [e for e in slack.core.store.entries("R7/No40") if e.kind == "retraction"]
    assert retraction.author_name == "name-U1"


def test_questions_look_nobody_up(slack, fake):
    """Only what writes to the record looks its author up: a question costs no users.info."""
    slack.command("No40の事業費は？")
    slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "user": "U1",
            "text": "今週の報告は？",
            "ts": "6.6",
            "channel": "D1",
        },
        event_id="EvQuestionOnly",
    )
    fake.wait_for("chat.postMessage")
    assert fake.called("users.info") == []


def test_someone_else_cannot_retract(slack):
    slack.command("update No40 本物の記録")
    [entry] = chat_entries(slack.core.store)
    body = slack.command(f"retract {entry.id}", user="U2").json()
    assert "担当者だけ" in body["text"]
    assert not slack.core.store.entry(entry.id).retracted


def test_owners_add_by_admin_and_refused_for_others(slack):
    refused = slack.command("owners add <@U5|yamada> No41", user="U2").json()["text"]
    assert "Only admins" in refused  # an English command is refused in English (#16)
    refused = slack.command("owners add <@U5|yamada> 学校教育課", user="U2").json()["text"]
    assert "管理者だけ" in refused
    added = slack.command("owners add <@U5|yamada> No41", user="UADMIN").json()["text"]
    assert "yamada (U5)" in added and "No41" in added
    assert any(o.user_id == "U5" and o.project_key == "R7/No41" for o in slack.core.store.owners())
    listing = slack.command("owners list").json()["text"]
    assert "U5" in listing


def test_app_home_lists_own_projects_with_update_button(slack, fake):
    event = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"}
    assert slack.event(event, event_id="EvHome").status == 200
    [call] = fake.wait_for("views.publish")
    view = (
        call.params["view"]
        if isinstance(call.params["view"], dict)
        else json.loads(call.params["view"])
    )
    View(**view).validate_json()
    text = json.dumps(view, ensure_ascii=False)
    assert "No40" in text and "R8の実績がまだありません" in text
    assert '"action_id": "open_update_modal"' in text


def test_forged_signature_is_refused(slack):
    body = "command=/roadmap&text=No40"
    headers = sign(body, secret="not-the-secret")
    assert slack.post(body, "application/x-www-form-urlencoded", headers).status == 401


def test_stale_timestamp_is_refused(slack):
    body = "command=/roadmap&text=No40"
    headers = sign(body, timestamp=int(time.time()) - 60 * 10)
    assert slack.post(body, "application/x-www-form-urlencoded", headers).status == 401


def test_missing_signature_is_refused(slack):
    assert (
        slack.post("command=/roadmap&text=No40", "application/x-www-form-urlencoded", {}).status
        == 401
    )


def test_manifest_and_handlers_match_both_ways(slack):
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert commands == COMMANDS
    assert events == EVENTS
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    for name in events:  # Bolt answers an unhandled event with 404, which Slack retries
        kind, _, channel_type = name.partition(".")
        event = {
            "type": kind,
            "user": "U2",
            "text": "x",
            "ts": "1.1",
            "channel": "D1",
            "tab": "home",
        }
        if channel_type:
            event["channel_type"] = channel_type
        assert slack.event(event, event_id=f"EvManifest-{name}").status == 200, name
    for command in commands:
        assert slack.command("help").status == 200, command


def test_secrets_never_reach_the_logs(slack, caplog):
    caplog.set_level(logging.DEBUG)
    slack.command("No40の事業費は？")
    slack.command("update No40 ログ確認")
    slack.post("x=1", "application/x-www-form-urlencoded", sign("x=1", secret="bad"))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SIGNING_SECRET not in logged and BOT_TOKEN not in logged
    assert "ログ確認" not in logged  # no message bodies either


def test_weekly_digest_posts_to_the_channel_with_charts_in_its_thread(slack, fake):
    from bot.adapters.slack.digest import SlackDigestPoster
    from bot.digest_schedule import run_digest
    from bot.fiscal_year import TOKYO

    slack.core.store.add_owner("slack", "U7", project_key="R7/No41", user_name="kato")
    client = slack.core  # the app's own WebClient talks to the fake
    poster = SlackDigestPoster(
        __import__("slack_sdk").WebClient(token=BOT_TOKEN, base_url=fake.url + "api/"),
        "CDX",
        client.store,
    )
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)
    assert run_digest(client.store, poster, monday) == "posted"
    assert run_digest(client.store, poster, monday) == "done"
    posts = [c for c in fake.called("chat.postMessage") if c.params["channel"] == "CDX"]
    assert len(posts) == 1
    valid_blocks(posts[0].params["blocks"])
    assert "2026-W47" in posts[0].params["text"]
    complete = fake.called("files.completeUploadExternal")
    assert len(complete) == 1 and complete[0].params["thread_ts"]
    uploads = [c for c in fake.calls if c.path.startswith("/upload/")]
    assert len(uploads) == 2 and all(u.params["bytes"][:4] == b"\x89PNG" for u in uploads)
    nudges = [c for c in fake.called("chat.postMessage") if c.params["channel"] == "U7"]
    assert len(nudges) == 1
    valid_blocks(nudges[0].params["blocks"])


def test_chart_command_uploads_a_chart(slack, fake):
    body = slack.command("chart budget").json()
    assert body["response_type"] == "ephemeral"
    complete = fake.wait_for("files.completeUploadExternal", timeout=20)
    assert len(complete) == 1 and complete[0].params["channel_id"] == "C1"
    assert "chart" in slack.command("chart pie").json()["text"]


def test_nudge_preference_and_button(slack, fake):
    assert "止めました" in slack.command("nudges off").json()["text"]
    assert slack.core.store.nudges_enabled("slack", "U1") is False
    payload = {
        "type": "block_actions",
        "user": {"id": "U1", "username": "tanaka"},
        "team": {"id": "T1"},
        "trigger_id": "trig-nudge",
        "actions": [
            {
                "action_id": "open_update_modal:R7/No40",
                "block_id": "b",
                "type": "button",
                "value": "R7/No40",
            }
        ],
    }
    assert slack.interaction(payload).status == 200
    [call] = fake.wait_for("views.open")
    assert call.params["trigger_id"] == "trig-nudge"


def test_diff_and_export_commands_upload_files_with_safe_names(slack, fake):
    body = slack.command("diff R6 R7").json()
    assert "新規10件" in body["text"] and "終了・対応なし5件" in body["text"]
    done = fake.wait_for("files.completeUploadExternal", timeout=20)
    names = [c.params.get("filename") for c in fake.called("files.getUploadURLExternal")]
    assert names == ["roadmap_diff_R6_R7_2026-11-22.md"] and len(done) == 1
    bad = slack.command("export ../../etc/passwd").json()
    assert "使い方" in bad["text"] or "Usage" in bad["text"]
    slack.command("export xlsx")
    fake.wait_for("files.completeUploadExternal", count=2, timeout=20)
    names = [c.params.get("filename") for c in fake.called("files.getUploadURLExternal")]
    assert names[-1] == "roadmap_R7_2026-11-22.xlsx"


def test_an_internal_error_becomes_an_apology_not_a_failure(slack, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(slack.core, "ask", broken)
    response = slack.command("No40の事業費は？")
    assert response.status == 200
    assert "すみません" in response.json()["text"]


def test_text_commands_in_a_direct_message(slack, fake):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "update No40 DMから報告",
        "ts": "8.8",
        "channel": "D1",
    }
    assert slack.event(event, event_id="EvDMUpdate").status == 200
    [post] = fake.wait_for("chat.postMessage")
    assert "✅" in post.params["text"] and "DMから報告" in post.params["text"]
    assert [e.text for e in chat_entries(slack.core.store)] == ["DMから報告"]
    # An event names nobody: the author's display name is looked up for what they write.
    assert [e.author_name for e in chat_entries(slack.core.store)] == ["name-U1"]
    stranger = {**event, "user": "U2", "text": "update No40 勝手に", "ts": "9.9"}
    slack.event(stranger, event_id="EvDMStranger")
    posts = fake.wait_for("chat.postMessage", count=2)
    assert "担当者だけ" in posts[1].params["text"]
    assert len(chat_entries(slack.core.store)) == 1


def test_owners_remove_by_admin(slack):
    slack.command("owners add <@U5|yamada> No41", user="UADMIN")
    removed = slack.command("owners remove <@U5|yamada> No41", user="UADMIN").json()["text"]
    assert "no longer owns" in removed  # an English command: English replies (#16)
    assert not any(o.user_id == "U5" for o in slack.core.store.owners())
    assert (
        "does not own"
        in slack.command("owners remove <@U5|yamada> No41", user="UADMIN").json()["text"]
    )
    assert "Only admins" in slack.command("owners remove <@U1> No40", user="U2").json()["text"]


def web_api_calls() -> set[str]:
    """Every Slack Web API method the bot's code calls (`client.chat_postMessage(` …)."""
    from slack_sdk import WebClient

    root = Path(__file__).resolve().parent.parent / "bot"
    called = set()
    for path in root.rglob("*.py"):
        for name in re.findall(r"\.([a-z]+_[A-Za-z0-9_]+)\(", path.read_text(encoding="utf-8")):
            if callable(getattr(WebClient, name, None)) and not name.startswith("_"):
                called.add(name)
    return called


def test_every_scope_is_used_and_every_call_has_its_scope():
    from bot.adapters.slack.scopes import COMMAND_SCOPES, EVENT_SCOPES, METHOD_SCOPES

    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    granted = set(manifest["oauth_config"]["scopes"]["bot"])
    calls = web_api_calls()
    assert {"chat_postMessage", "files_upload_v2", "views_open"} <= calls  # the scan works
    unknown = calls - METHOD_SCOPES.keys()
    assert not unknown, f"say which scopes these need in bot/adapters/slack/scopes.py: {unknown}"
    needed = set(COMMAND_SCOPES) if manifest["features"].get("slash_commands") else set()
    for name in calls:
        needed |= METHOD_SCOPES[name]
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        needed |= EVENT_SCOPES[event]
    assert granted == needed  # nothing asked for that no code uses; nothing used but not asked
