"""Teams end to end, offline: activities posted on loopback, replies caught by a fake connector."""

from __future__ import annotations

import json
import logging
import time
import urllib.request
import zipfile
from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.adapters.teams.package import build_package
from bot.digest_schedule import run_digest
from bot.fiscal_year import TOKYO
from bot.store import Store
from tests.teams_harness import APP_ID, FakeLogin, mention, message, serve_teams

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


def card_of(reply: dict) -> dict:
    [attachment] = reply["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    from microsoft_teams.cards import AdaptiveCard  # the Teams SDK: imported where Teams runs

    AdaptiveCard.model_validate(card)  # the SDK's own Adaptive Card schema models
    assert card["version"] == "1.5"
    assert len(json.dumps(reply, ensure_ascii=False).encode()) < 28_000  # Teams' message limit
    return card


def card_text(card: dict) -> str:
    return "\n".join(
        b.get("text") or "".join(i.get("text", "") for i in b.get("inlines", []))
        for b in card["body"]
    )


def test_question_in_a_personal_chat_gets_a_card_in_its_language(teams, connector):
    assert teams.post(message("No40の事業費は？", connector=connector))[0] == 200
    [reply] = teams.wait_replies(1)
    text = card_text(card_of(reply))
    assert "188,084千円（約1.9億円）" in text and "出典：R7版 No40 294行目" in text
    assert "188,084" in reply["text"]  # the plain-text fallback
    teams.post(message("R7 budget for No40?", connector=connector))
    english = card_text(card_of(teams.wait_replies(2)[1]))
    assert "¥188.1 million" in english and "Source:" in english


def test_mention_in_a_channel(teams, connector):
    activity = message(
        "<at>roadmap</at> who owns the PHR project?",
        conversation="19:channel;messageid=1",
        kind="channel",
        connector=connector,
        entities=[mention("roadmap")],
    )
    assert teams.post(activity)[0] == 200
    [reply] = teams.wait_replies(1, conversation="19:channel;messageid=1")
    assert "病院局" in card_text(card_of(reply))


# Mention shapes as Teams sends them (Bot Framework `entities` of type mention: the mentioned
# account's id and name, and the <at> tag as it appears in the text). The bot is registered
# as "DX Roadmap Bot"; people mention it by any part of that name.
OWN_MENTIONS = [
    ("<at>DX Roadmap</at> {q}", [mention("DX Roadmap", name="DX Roadmap Bot")]),
    ("<at>DX Roadmap Bot</at> {q}", [mention("DX Roadmap Bot")]),
    ("<at>DX</at> <at>Roadmap</at> {q}", [mention("DX"), mention("Roadmap")]),
    ("{q} <at>Roadmap</at>", [mention("Roadmap", name="DX Roadmap Bot")]),
    ("<at>ロードマップ</at>さん {q}", [mention("ロードマップ", name="DX Roadmap Bot")]),
    ("<at>DX&nbsp;Roadmap</at> {q}", [mention("DX&nbsp;Roadmap", name="DX Roadmap Bot")]),
]


@pytest.mark.parametrize(("shape", "entities"), OWN_MENTIONS)
def test_own_mention_is_known_by_id_not_by_name(shape, entities):
    from microsoft_teams.api import MessageActivity

    from bot.adapters.teams.text import from_teams, own_mentions

    payload = message(shape.format(q="1億円以上の事業"), kind="channel", entities=entities)
    payload["recipient"]["name"] = "DX Roadmap Bot"
    activity = MessageActivity.model_validate(payload)
    assert from_teams(activity.text, own_mentions(activity)) == "1億円以上の事業"


def test_other_mentions_are_people_not_the_bot():
    from microsoft_teams.api import MessageActivity

    from bot.adapters.teams.text import from_teams, own_mentions

    # A person whose display name is the bot's: a different id, so a person.
    payload = message(
        "<at>DX Roadmap</at> <at>roadmap</at> No40の担当は？",
        kind="channel",
        entities=[mention("DX Roadmap"), mention("roadmap", account_id="29:aad-someone")],
    )
    activity = MessageActivity.model_validate(payload)
    assert from_teams(activity.text, own_mentions(activity)) == "@roadmap No40の担当は？"
    # No entities (a card's text, an old client): nothing is taken for the bot's by its text.
    bare = MessageActivity.model_validate(message("<at>roadmap</at> No40"))
    assert own_mentions(bare) == [] and from_teams(bare.text, []) == "@roadmap No40"


def test_a_bot_mentioned_by_part_of_its_name_answers_the_whole_question(teams, connector, r7):
    over = [p for p in r7.projects if p.budget_thousand_yen >= 100_000]
    activity = message(
        "<at>DX Roadmap</at> 1億円以上の事業は？ <at>佐藤</at>さんに共有します",
        conversation="19:channel;messageid=7",
        kind="channel",
        connector=connector,
        entities=[
            mention("DX Roadmap", name="DX Roadmap Bot"),
            mention("佐藤", account_id="29:aad-sato"),
        ],
        bot_name="DX Roadmap Bot",
    )
    assert teams.post(activity)[0] == 200
    [reply] = teams.wait_replies(1, conversation="19:channel;messageid=7")
    text = card_text(card_of(reply))
    assert f"（{len(over)}件）" in text and "Roadmap" not in text
    assert all(f"No{p.no} " in text for p in over)


def test_long_lists_stay_under_the_size_limit(teams, connector):
    teams.post(message("事業はいくつ？", connector=connector))
    card_of(teams.wait_replies(1)[0])


def test_owner_update_is_appended_once_even_if_delivered_twice(teams, connector):
    activity = message(
        "update No40 R8 取組1 校務システムを更新", connector=connector, activity_id="dup-1"
    )
    assert teams.post(activity)[0] == 200
    assert teams.post(activity)[0] == 200  # re-delivered by the service
    replies = teams.wait_replies(1)
    entries = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert len(entries) == 1 and len(replies) == 1
    entry = entries[0]
    assert (entry.author_id, entry.author_name, entry.fiscal_year, entry.initiative) == (
        "aad-owner",
        "佐藤",
        "R8",
        "統合型校務支援システム運用",
    )
    assert f"#{entry.id}" in replies[0]["text"]


def test_non_owner_update_is_refused(teams, connector):
    teams.post(message("update No40 勝手に", user="aad-other", name="鈴木", connector=connector))
    [reply] = teams.wait_replies(1)
    assert "担当者だけ" in reply["text"] and "佐藤" in reply["text"]
    assert [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"] == []


def test_update_form_and_double_submit(teams, connector):
    teams.post(message("update", connector=connector))
    form = card_of(teams.wait_replies(1)[0])
    [choices] = [b for b in form["body"] if b.get("id") == "project"]
    assert [c["value"] for c in choices["choices"]] == ["R7/No40"]
    submit = form["actions"][0]["data"]
    value = {
        **submit,
        "project": "R7/No40",
        "year": "R8",
        "initiative": "",
        "text": "フォームからの報告",
    }
    teams.post(message("", value=value, connector=connector))
    teams.post(message("", value=value, connector=connector))  # double click: a second activity
    replies = teams.wait_replies(3)
    entries = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert [e.text for e in entries] == ["フォームからの報告"]
    assert all("✅" in r["text"] for r in replies[1:])
    bad = {**submit, "form": "other", "project": "R7/No40", "year": "R8", "text": "x" * 3001}
    teams.post(message("", value=bad, connector=connector))
    assert "長すぎます" in teams.wait_replies(4)[3]["text"]


def test_history_and_retract(teams, connector):
    teams.post(message("update No40 一回目", connector=connector))
    teams.wait_replies(1)
    [entry] = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    teams.post(message(f"retract {entry.id}", connector=connector))
    teams.post(message("history No40", connector=connector))
    replies = teams.wait_replies(3)
    assert "取り消しました" in replies[1]["text"]
    assert "一回目" in replies[2]["text"] and "取消" in replies[2]["text"]


def test_digest_posts_proactively_once_to_where_the_bot_was_installed(teams, connector):
    install = message("", conversation="19:dx-channel", kind="channel", connector=connector)
    install.update(type="installationUpdate", action="add")
    install.pop("text")
    assert teams.post(install)[0] == 200
    assert teams.core.store.conversation("teams", "19:dx-channel")[
        "service_url"
    ] == connector.url.rstrip("/")
    from bot.adapters.teams.digest import TeamsDigestPoster

    poster = TeamsDigestPoster(teams.app, teams.core.store, "19:dx-channel", teams.loop)
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)
    assert run_digest(teams.core.store, poster, monday) == "posted"
    assert run_digest(teams.core.store, poster, monday) == "done"
    posts = teams.wait_replies(1, conversation="19:dx-channel")
    assert len(posts) == 1
    assert "2026-W47" in card_text(card_of(posts[0]))


def test_healthz(teams):
    with urllib.request.urlopen(f"http://127.0.0.1:{teams.port}/healthz", timeout=5) as response:
        assert response.status == 200


def test_unauthenticated_requests_are_refused_when_credentials_are_configured(db_path, connector):
    server = serve_teams(db_path, connector, authenticated=True)
    try:
        status, _ = server.post(message("No40", connector=connector))
        assert status == 401
        status, _ = server.post(
            message("No40", connector=connector), {"Authorization": "Basic abc"}
        )
        assert status == 401
        assert connector.calls == []
    finally:
        server.stop()


def test_teams_package_zips_manifest_and_icons(tmp_path):
    out = build_package(APP_ID, tmp_path / "app.zip")
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["id"] == APP_ID and manifest["bots"][0]["botId"] == APP_ID
    with pytest.raises(ValueError):
        build_package("not-a-guid", tmp_path / "x.zip")


def test_no_chat_sdk_outside_the_adapters():
    import subprocess
    import sys

    probe = (
        "import sys, bot.cli, bot.answer, bot.service, bot.digest, bot.draft, bot.diff; "
        "print(sorted(m for m in sys.modules if m.startswith(('slack_bolt', 'slack_sdk', 'microsoft_teams'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_secrets_and_message_bodies_never_reach_the_logs(db_path, connector, caplog):
    # INFO is what `roadmap --verbose serve teams` writes; the bot never turns DEBUG on, where
    # the Teams SDK itself logs whole activities.
    caplog.set_level(logging.INFO)
    Store.open(db_path).add_owner("teams", "aad-owner", project_key="R7/No40", user_name="佐藤")
    server = serve_teams(db_path, connector, clock=lambda: NOW)
    try:
        server.post(message("No40の事業費は？", connector=connector))
        server.post(message("update No40 ログに出ない実績", connector=connector))
        server.wait_replies(2)
    finally:
        server.stop()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records  # the access log did write
    assert "secret-not-used" not in logged  # TEAMS_APP_PASSWORD
    assert "ログに出ない実績" not in logged and "No40の事業費" not in logged


@pytest.fixture
def login():
    fake = FakeLogin()
    yield fake
    fake.stop()


def test_only_tokens_signed_by_the_bot_framework_for_this_bot_are_accepted(
    db_path, connector, login
):
    server = serve_teams(db_path, connector, login=login)
    service = connector.url.rstrip("/")
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = {
        "signed by another key": login.token(service, key=other_key),
        "expired": login.token(service, exp=int(time.time()) - 3600),
        "for another bot": login.token(service, aud="00000000-0000-4000-8000-00000000dead"),
        "from another issuer": login.token(service, iss="https://evil.example"),
        "for another service url": login.token("https://smba.example/other"),
        "unsigned": jwt.encode({"aud": APP_ID}, None, algorithm="none"),
    }
    try:
        for what, token in forged.items():
            status, _ = server.post(
                message("No40", connector=connector), {"Authorization": f"Bearer {token}"}
            )
            assert status == 401, what
        assert server.replies() == []
        status, _ = server.post(
            message("No40の事業費は？", connector=connector),
            {"Authorization": f"Bearer {login.token(service)}"},
        )
        assert status == 200
        [reply] = server.wait_replies(1)
        assert "188,084" in reply["text"] or "188,084" in json.dumps(reply, ensure_ascii=False)
        assert any(path.endswith("/keys") for path in login.fetched)  # keys came from loopback
    finally:
        server.stop()


def test_text_is_shown_as_typed_never_as_markdown_or_html(teams, connector):
    # A typed message arrives as HTML: formatting tags, entities; a card input arrives as typed.
    typed = "<p>update No40 <strong>至急</strong> R&amp;D &lt;phase 2&gt; **太字** [詳細](https://evil.example/)</p>"
    teams.post(message(typed, connector=connector))
    [reply] = teams.wait_replies(1)
    [entry] = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert entry.text == "至急 R&D <phase 2> **太字** [詳細](https://evil.example/)"
    assert reply["textFormat"] == "plain" and "R&D <phase 2> **太字**" in reply["text"]
    teams.post(message("update", connector=connector))
    submit = card_of(teams.wait_replies(2)[1])["actions"][0]["data"]
    value = {**submit, "project": "R7/No40", "year": "R8", "text": "<b>B</b> &amp; \x07 **x**"}
    teams.post(message("", value=value, connector=connector))
    reply = teams.wait_replies(3)[2]
    latest = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"][-1]
    assert latest.text == "<b>B</b> &amp; **x**"  # as typed in the card: nothing decoded
    assert reply["textFormat"] == "plain" and "<b>B</b> &amp; **x**" in reply["text"]
    teams.post(message("No40のR8実績", connector=connector))
    answer = card_of(teams.wait_replies(4)[3])
    quoted = [b for b in answer["body"] if "**太字**" in json.dumps(b, ensure_ascii=False)]
    assert quoted and all(b["type"] == "RichTextBlock" for b in quoted)  # TextRun: no Markdown


def test_a_plain_text_message_is_kept_as_typed(teams, connector):
    # textFormat "plain": a "<" is the person's own, not markup (#26: it was stored as "R&D").
    plain = {**message("update No40 R&D <phase 2> &amp; 完了", connector=connector)}
    plain["textFormat"] = "plain"
    teams.post(plain)
    [reply] = teams.wait_replies(1)
    [entry] = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert entry.text == "R&D <phase 2> &amp; 完了"
    assert "R&D <phase 2> &amp; 完了" in reply["text"]


def test_japanese_words_work_on_teams_as_everywhere(teams, connector):
    teams.post(message("通知 オフ", connector=connector))
    teams.post(message("ｎｕｄｇｅｓ　オン", connector=connector))
    replies = teams.wait_replies(2)
    assert "止めました" in replies[0]["text"] and "再開" in replies[1]["text"]
    assert teams.core.store.nudges_enabled("teams", "aad-owner") is True


def test_what_teams_cannot_show_it_says(teams, connector):
    teams.post(message("chart budget", connector=connector))
    teams.post(message("export csv", connector=connector))
    chart, export = teams.wait_replies(2)
    assert "グラフ画像を表示できません" in chart["text"]
    assert "ファイルを送れません" in export["text"] and "export csv" in export["text"]


def test_a_long_history_fits_and_says_how_to_get_all_of_it(teams, connector):
    from tests.busy import long_entries

    long_entries(teams.core.store, n=300, platform="teams")
    teams.post(message("history No40", connector=connector))
    [reply] = teams.wait_replies(1)
    assert len(json.dumps(reply, ensure_ascii=False).encode()) < 28_000
    assert "第300回" in reply["text"]  # the newest are kept
    assert "省略しました" in reply["text"] and "history No40 --all" in reply["text"]
    # The SDK answers the POST once the handler has returned, every part sent: no waiting.
    assert teams.post(message("history No40 --all", connector=connector))[0] in (200, 201)
    parts = teams.replies()[1:]
    assert len(parts) > 1
    assert all(len(json.dumps(p, ensure_ascii=False).encode()) < 28_000 for p in parts)
    everything = "\n".join(p["text"] for p in parts)
    assert all(f"第{i}回 R&D <phase {i - 1}>" in everything for i in range(1, 301))


def test_a_reply_teams_refuses_is_followed_by_a_short_notice(teams, connector):
    connector.statuses["activities"] = [413]
    teams.post(message("No40の事業費は？", connector=connector))
    refused, notice = teams.wait_replies(2)
    assert "188,084" in refused["text"]
    assert "送れませんでした" in notice["text"] and notice["textFormat"] == "plain"


@pytest.mark.parametrize(
    ("lang", "said"), [("ja", "TEAMS_APP_ID がアプリ登録の識別子"), ("en", "TEAMS_APP_ID is not")]
)
def test_teams_package_explains_a_bad_app_id_in_the_locales_language(tmp_path, lang, said):
    from tests.conftest import cli

    out = tmp_path / "app.zip"
    result = cli("teams-package", "--out", str(out), lang=lang, env={"TEAMS_APP_ID": "abc"})
    assert result.exit_code == 1 and said in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_one_card_sent_again_with_new_text_or_by_another_owner_records_each(teams, connector):
    """#25: the duplicate key is the submission's, not the card's."""
    teams.core.store.add_owner("teams", "aad-second", project_key="R7/No40", user_name="鈴木")
    teams.post(message("update", connector=connector))
    submit = card_of(teams.wait_replies(1)[0])["actions"][0]["data"]
    sent = [
        ("aad-owner", "佐藤", "一回目の報告"),
        ("aad-owner", "佐藤", "同じカードから二回目の報告"),
        ("aad-second", "鈴木", "一回目の報告"),  # another owner, the card posted in a thread
        ("aad-second", "鈴木", "一回目の報告"),  # their double click: once
    ]
    for user, name, text in sent:
        value = {**submit, "project": "R7/No40", "year": "R8", "initiative": "", "text": text}
        teams.post(message("", user=user, name=name, value=value, connector=connector))
    replies = teams.wait_replies(5)[1:]
    entries = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert [(e.author_id, e.text) for e in entries] == [(u, t) for u, _, t in sent[:3]]
    for (_, _, text), reply, entry in zip(sent, replies, [*entries, entries[2]], strict=True):
        assert "✅" in reply["text"] and text in reply["text"] and f"#{entry.id}" in reply["text"]


def test_the_same_activity_id_in_two_conversations_is_two_messages(teams, connector):
    """#25: an activity id is unique within its conversation only."""
    for conversation in ("conv-a", "conv-b"):
        activity = message(
            "update No40 会話ごとの報告", conversation=conversation, connector=connector
        )
        activity["id"] = "1"
        assert teams.post(activity)[0] == 200
    assert len(teams.wait_replies(1, "conv-a")) == 1 and len(teams.wait_replies(1, "conv-b")) == 1
    entries = [e for e in teams.core.store.entries("R7/No40") if e.platform == "teams"]
    assert [e.channel for e in entries] == ["conv-a", "conv-b"]
