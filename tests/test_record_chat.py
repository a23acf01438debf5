"""The record asked about in chat (#27), as a new user would: post three updates, then ask what
was reported this week, by whom, and what is still missing — on Slack and on Teams, through
the real front ends (signed requests, a fake Web API, a fixed clock in fiscal year R8)."""

from __future__ import annotations

from tests.slack_harness import chat_entries
from tests.teams_harness import message


def test_slack_updates_then_questions_about_the_record(slack, fake):
    store = slack.core.store
    store.add_owner("slack", "U1", project_key="R7/No41")
    store.add_owner("slack", "U2", project_key="R7/No42")
    slack.command("update No40 R8 取組1 次期システムの設計を完了")
    slack.command("update No41 アクセスポイントを増設", trigger_id="T-2")
    slack.command("update No42 WEB出願のテストを実施", user="U2", trigger_id="T-3")
    assert len(chat_entries(store)) == 1 and len(store.entries("R7/No42")) >= 1

    event = {
        "type": "app_mention",
        "user": "U3",
        "text": "<@UBOT> 今週の報告は？",
        "ts": "1.1",
        "channel": "C1",
    }
    assert slack.event(event, event_id="EvWeek").status == 200
    [post] = fake.wait_for("chat.postMessage")
    week = post.params["text"]
    for text in ("次期システムの設計を完了", "アクセスポイントを増設", "WEB出願のテストを実施"):
        assert text in week
    assert "name-U1" in week and "name-U2" in week  # the display names, stored when written
    assert "2026-11-16" in week  # this week, Monday to Sunday in Japan time, as resolved

    who = slack.command("今週の報告者は？").json()["text"]
    assert "name-U1" in who and "name-U2" in who and "2人" in who

    missing = slack.command("まだ報告がない事業は？").json()["text"]
    assert "No23" in missing and "No40" not in missing and "R8" in missing


def test_teams_updates_then_questions_about_the_record(teams, connector):
    teams.post(message("update No40 R8 取組1 校務システムを更新", connector=connector))
    teams.wait_replies(1)
    teams.post(message("今週の報告は？", user="aad-other", name="鈴木", connector=connector))
    answer = teams.wait_replies(2)[1]["text"]
    assert "校務システムを更新" in answer and "佐藤" in answer  # Teams' own display name
    teams.post(message("my updates this week", connector=connector))
    mine = teams.wait_replies(3)[2]["text"]
    assert "1 report" in mine and "校務システムを更新" in mine
