"""The Teams digest exactly once: an attempt whose answer never came is found through Microsoft
Graph (RSC) by its card's marker before anything is posted again (#16)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.digest_schedule import run_digest
from bot.fiscal_year import TOKYO
from bot.store import Store
from tests.graph_fake import (
    APP_ID,
    CHANNEL,
    GROUP_CHAT,
    OTHER_APP_ID,
    PERSONAL,
    TEAM_GROUP,
    TEAM_THREAD,
    TENANT,
    FakeTeamsCloud,
    remember,
    teams_app,
)
from tests.slack_harness import ROOT

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)
WEEK = "2026-W47"
GRAPH_LOG = "bot.adapters.teams.digest"


@pytest.fixture
def cloud():
    server = FakeTeamsCloud().start()
    yield server
    server.stop()


@pytest.fixture
def app(store, cloud):
    teams, loop = teams_app(store, cloud)
    yield teams, loop
    loop.call_soon_threadsafe(loop.stop)


def poster_for(store, app, conversation: str):
    from bot.adapters.teams.digest import TeamsDigestPoster

    teams, loop = app
    return TeamsDigestPoster(teams, store, conversation, loop)


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.02)
    assert condition()


def marker(store: Store, week: str = WEEK) -> str:
    assert store.prefecture == "青森県"
    return f"roadmap-digest:JP-02:{week}"


def card_ids(message: dict) -> list[str]:
    import json

    from bot.adapters.teams.history import _element_ids

    return list(_element_ids(json.loads(message["attachments"][0]["content"])))


def lost_answer(store: Store, cloud: FakeTeamsCloud, conversation: str) -> dict:
    """What a poster killed mid-call leaves: the attempt recorded, the post in Teams, no id."""
    from bot.adapters.teams import cards
    from bot.digest import digest

    target = f"teams:{conversation}"
    assert store.claim_digest(WEEK, target, "dead", MONDAY_10) is not None
    store.digest_progress(WEEK, target, post_attempted_at=MONDAY_10.isoformat())
    card = cards.digest_message(digest(store, MONDAY_10), marker=marker(store))
    content = card.model_dump(by_alias=True, exclude_none=True)["attachments"][0]["content"]
    return cloud.add_message(conversation, content)


def graph_tokens(cloud: FakeTeamsCloud) -> list[tuple[str, str | None]]:
    return [t for t in cloud.tokens if t[0] == f"{cloud.url}/.default"]


# -- (a) a poster killed during the call, taken over after its lease ---------------------


def test_a_teams_poster_killed_mid_send_is_taken_over_without_a_second_post(db_path, cloud):
    store = Store.open(db_path)
    remember(store, cloud, CHANNEL)
    cloud.send_delay = 30  # Teams stores the card; its answer never reaches the poster
    script = textwrap.dedent(
        f"""
        from datetime import datetime
        from bot.adapters.teams.digest import TeamsDigestPoster
        from bot.digest_schedule import run_digest
        from bot.fiscal_year import TOKYO
        from bot.store import Store
        from tests.graph_fake import FakeTeamsCloud, teams_app

        store = Store.open({str(db_path)!r})
        cloud = FakeTeamsCloud(base_url={cloud.url!r})
        app, loop = teams_app(store, cloud)
        poster = TeamsDigestPoster(app, store, {CHANNEL!r}, loop)
        run_digest(store, poster, datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO), owner="first")
        """
    )
    first = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, env={**os.environ}, start_new_session=True
    )
    try:
        wait_until(lambda: len(cloud.posted(CHANNEL)) == 1, seconds=60)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    cloud.send_delay = 0
    run = store.digest_run(WEEK, f"teams:{CHANNEL}")
    assert run.post_attempted_at and run.message_ts is None  # nobody heard the answer
    teams, loop = teams_app(store, cloud)
    try:
        from bot.adapters.teams.digest import TeamsDigestPoster

        poster = TeamsDigestPoster(teams, store, CHANNEL, loop)
        # Within the lease the claim is still the dead poster's (named "first": nobody here can
        # tell whether it runs); after it, it is taken over.
        assert (
            run_digest(store, poster, MONDAY_10 + timedelta(minutes=5), owner="second")
            == "in_progress"
        )
        assert (
            run_digest(store, poster, MONDAY_10 + timedelta(minutes=11), owner="second") == "posted"
        )
    finally:
        loop.call_soon_threadsafe(loop.stop)
    [message] = cloud.posted(CHANNEL)
    assert marker(store) in card_ids(message)
    run = store.digest_run(WEEK, f"teams:{CHANNEL}")
    assert run.status == "posted" and run.message_ts == message["id"]
    [call] = cloud.graph_calls
    assert call.path == f"/v1.0/teams/{TEAM_GROUP}/channels/{CHANNEL}/messages"
    assert call.query["$top"] == "50"
    store.close()


@pytest.mark.parametrize("conversation", [CHANNEL, GROUP_CHAT, f"{CHANNEL};messageid=1700"])
def test_a_lost_answer_is_found_in_a_channel_a_group_chat_and_a_thread(
    store, cloud, app, conversation
):
    remember(store, cloud, conversation)
    ours = lost_answer(store, cloud, conversation)
    for n in range(7):  # chatter after the digest: the lookup pages back through it
        cloud.add_message(conversation, None, app_id=OTHER_APP_ID, text=f"message {n}")
    cloud.page_size = 3
    poster = poster_for(store, app, conversation)
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert cloud.posted(conversation) == [ours]  # nothing posted again
    assert store.digest_run(WEEK, f"teams:{conversation}").message_ts == ours["id"]
    first = cloud.graph_calls[0]
    if conversation == GROUP_CHAT:
        assert first.path == f"/v1.0/chats/{GROUP_CHAT}/messages"
        assert first.query["$orderby"] == "lastModifiedDateTime desc"
        assert first.query["$filter"].startswith("lastModifiedDateTime gt 2026-11-23T00:55")
    elif ";messageid=" in conversation:
        assert first.path == f"/v1.0/teams/{TEAM_GROUP}/channels/{CHANNEL}/messages/1700/replies"


def test_a_channel_lookup_stops_at_the_first_page_older_than_the_attempt(store, cloud, app):
    """Messages from before the attempt cannot be the digest: Graph is not paged to the end."""
    remember(store, cloud, CHANNEL)
    for n in range(12):
        old = cloud.add_message(CHANNEL, None, text=f"last week {n}")
        old["createdDateTime"] = old["lastModifiedDateTime"] = f"2026-11-20T0{n % 10}:00:00.000Z"
    lost_answer(store, cloud, CHANNEL)
    cloud.messages[CHANNEL].pop()  # the attempt never reached Teams
    cloud.page_size = 3
    poster = poster_for(store, app, CHANNEL)
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert len(cloud.graph_calls) == 1  # one page, all older than the attempt: nothing more
    assert len(cloud.posted(CHANNEL)) == 13


# -- (b) a first post looks nothing up ----------------------------------------------------


def test_a_first_teams_post_looks_nothing_up_and_carries_its_marker(store, cloud, app):
    remember(store, cloud, CHANNEL)
    poster = poster_for(store, app, CHANNEL)
    assert run_digest(store, poster, MONDAY_10) == "posted"
    [message] = cloud.posted(CHANNEL)
    assert card_ids(message)[0] == marker(store)  # the title's element id
    assert cloud.graph_calls == [] and graph_tokens(cloud) == []
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "done"
    assert len(cloud.posted(CHANNEL)) == 1


# -- (c) Graph refuses or cannot address the conversation: post again, warn once ---------


@pytest.mark.parametrize("status", [401, 403])
def test_graph_refusing_posts_again_with_one_warning_saying_what_to_do(
    store, cloud, app, caplog, status
):
    remember(store, cloud, CHANNEL)
    lost_answer(store, cloud, CHANNEL)
    cloud.graph_statuses = [status]  # the app installed from a package without RSC
    poster = poster_for(store, app, CHANNEL)
    with caplog.at_level(logging.WARNING, logger=GRAPH_LOG):
        assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert len(cloud.posted(CHANNEL)) == 2  # a duplicate rather than no digest
    [warning] = [r for r in caplog.records if r.name == GRAPH_LOG]
    assert warning.levelno == logging.WARNING
    text = warning.getMessage()
    assert str(status) in text and "teams-package" in text and "reinstall" in text
    assert len(cloud.graph_calls) == 1
    run = store.digest_run(WEEK, f"teams:{CHANNEL}")
    assert run.status == "posted" and run.message_ts == cloud.posted(CHANNEL)[-1]["id"]


@pytest.mark.parametrize(
    ("conversation", "fields", "why"),
    [
        (PERSONAL, {}, "personal chat"),
        (CHANNEL, {"team_id": "19:other@thread.tacv2", "team_aad_group_id": None}, "team"),
    ],
)
def test_a_conversation_graph_cannot_address_posts_again_with_a_warning(
    store, cloud, app, caplog, conversation, fields, why
):
    if fields:
        store.save_conversation(
            "teams", conversation, cloud.url, conversation_type="channel", **fields
        )
    else:
        remember(store, cloud, conversation)
    lost_answer(store, cloud, conversation)
    poster = poster_for(store, app, conversation)
    with caplog.at_level(logging.WARNING, logger=GRAPH_LOG):
        assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert len(cloud.posted(conversation)) == 2
    [warning] = [r for r in caplog.records if r.name == GRAPH_LOG]
    assert why in warning.getMessage()
    assert cloud.graph_calls == []  # nothing asked of Graph that it cannot answer


def test_a_channel_without_its_own_team_id_uses_the_one_its_team_recorded(store, cloud, app):
    remember(store, cloud, "19:general@thread.tacv2")  # the install event, in General
    store.save_conversation(  # a message in the digest channel: no AAD group id in it
        "teams",
        CHANNEL,
        cloud.url,
        conversation_type="channel",
        tenant_id=TENANT,
        team_id=TEAM_THREAD,
    )
    ours = lost_answer(store, cloud, CHANNEL)
    assert run_digest(store, poster_for(store, app, CHANNEL), MONDAY_10 + timedelta(minutes=11))
    assert cloud.posted(CHANNEL) == [ours]
    assert cloud.graph_calls[0].path.startswith(f"/v1.0/teams/{TEAM_GROUP}/")


# -- (d) Graph does not answer this time: failed, nothing posted, a later retry succeeds --


@pytest.mark.parametrize("status", [503, 429, 500])
def test_graph_unavailable_fails_the_run_and_a_later_retry_finds_the_post(
    store, cloud, app, status
):
    remember(store, cloud, CHANNEL)
    ours = lost_answer(store, cloud, CHANNEL)
    cloud.graph_statuses = [status]
    poster = poster_for(store, app, CHANNEL)
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "failed"
    assert cloud.posted(CHANNEL) == [ours]  # nothing posted blind
    run = store.digest_run(WEEK, f"teams:{CHANNEL}")
    assert run.status == "failed" and run.error == "GraphUnavailable"
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=16)) == "posted"
    assert cloud.posted(CHANNEL) == [ours]
    assert store.digest_run(WEEK, f"teams:{CHANNEL}").message_ts == ours["id"]


def test_graph_not_answering_in_time_fails_the_run(store, cloud, app, monkeypatch):
    from bot.adapters.teams import history

    remember(store, cloud, CHANNEL)
    lost_answer(store, cloud, CHANNEL)
    monkeypatch.setattr(history, "TIMEOUT", 0.3)
    cloud.server.shutdown()  # the port still accepts, nobody answers
    try:
        poster = poster_for(store, app, CHANNEL)
        assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "failed"
    finally:
        import threading

        threading.Thread(target=cloud.server.serve_forever, args=(0.01,), daemon=True).start()
    assert store.digest_run(WEEK, f"teams:{CHANNEL}").error == "GraphUnavailable"
    assert len(cloud.posted(CHANNEL)) == 1


# -- (e) look-alikes are not ours -----------------------------------------------------------


def test_look_alikes_from_another_app_or_week_are_not_taken_for_the_digest(store, cloud, app):
    import json

    remember(store, cloud, CHANNEL)
    lost_answer(store, cloud, CHANNEL)
    real = cloud.messages[CHANNEL].pop()  # the attempt never reached Teams after all
    card = json.loads(real["attachments"][0]["content"])
    title = card["body"][0]["text"]
    cloud.add_message(CHANNEL, card, app_id=OTHER_APP_ID)  # the same card, another app
    other_week = json.loads(json.dumps(card).replace(WEEK, "2026-W46"))
    cloud.add_message(CHANNEL, other_week)  # ours, last week's
    other_prefecture = json.loads(json.dumps(card).replace(":JP-02:", ":JP-03:"))
    cloud.add_message(CHANNEL, other_prefecture)  # ours, another prefecture's (岩手県)
    in_text = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": marker(store)}]}
    cloud.add_message(CHANNEL, in_text, text=title)  # the marker as text, not as an id
    person = cloud.add_message(CHANNEL, None, text=f"{title} {marker(store)}")
    person["from"] = {"user": {"id": "aad-owner", "displayName": "佐藤"}, "application": None}
    deleted = cloud.add_message(CHANNEL, card)
    deleted["deletedDateTime"] = deleted["createdDateTime"]
    before = len(cloud.posted(CHANNEL))
    poster = poster_for(store, app, CHANNEL)
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert len(cloud.posted(CHANNEL)) == before + 1  # none of them was taken for the digest
    assert marker(store) in card_ids(cloud.posted(CHANNEL)[-1])


# -- (f) the token: Graph's scope, the conversation's tenant, all on loopback ----------------


def test_the_graph_token_is_for_graph_in_the_conversations_tenant(store, cloud, app):
    remember(store, cloud, GROUP_CHAT, tenant_id="tenant-of-the-chat")
    ours = lost_answer(store, cloud, GROUP_CHAT)
    poster = poster_for(store, app, GROUP_CHAT)
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"
    assert cloud.posted(GROUP_CHAT) == [ours]
    assert graph_tokens(cloud) == [(f"{cloud.url}/.default", "tenant-of-the-chat")]
    [call] = cloud.graph_calls
    assert call.claims["aud"] == cloud.url and call.claims["tid"] == "tenant-of-the-chat"
    assert call.claims["appid"] == APP_ID


def test_graph_lives_where_the_clouds_graph_scope_says():
    from microsoft_teams.api.auth.cloud_environment import PUBLIC, US_GOV

    from bot.adapters.teams.history import graph_location

    reference = {
        "conversation_id": CHANNEL,
        "conversation_type": "channel",
        "tenant_id": TENANT,
        "team_aad_group_id": TEAM_GROUP,
    }
    since = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    for cloud, host in ((PUBLIC, "graph.microsoft.com"), (US_GOV, "graph.microsoft.us")):
        from microsoft_teams.apps.utils.graph import derive_graph_base_url

        where = graph_location(reference, derive_graph_base_url(cloud), since)
        assert where.url.startswith(f"https://{host}/v1.0/teams/{TEAM_GROUP}/channels/19%3A")


# -- where Graph finds the conversation: stored when the bot is installed or messaged ---------


def test_the_install_event_stores_the_teams_graph_id_and_later_messages_keep_it(teams, connector):
    from tests.teams_harness import message

    install = message(
        "", conversation="19:general@thread.tacv2", kind="channel", connector=connector
    )
    install.update(type="installationUpdate", action="add")
    install.pop("text")
    install["channelData"] = {
        "team": {"id": TEAM_THREAD, "name": "DX推進", "aadGroupId": TEAM_GROUP},
        "tenant": {"id": TENANT},
    }
    assert teams.post(install)[0] == 200
    said = message("No40", conversation=CHANNEL, kind="channel", connector=connector)
    said["channelData"] = {"team": {"id": TEAM_THREAD}, "tenant": {"id": TENANT}}
    del said["conversation"]["tenantId"]  # the tenant as channelData gives it
    assert teams.post(said)[0] == 200
    teams.wait_replies(1, conversation=CHANNEL)
    store = teams.core.store
    general = store.conversation("teams", "19:general@thread.tacv2")
    assert (general["team_id"], general["team_aad_group_id"]) == (TEAM_THREAD, TEAM_GROUP)
    channel = store.conversation("teams", CHANNEL)
    assert (channel["team_id"], channel["team_aad_group_id"], channel["tenant_id"]) == (
        TEAM_THREAD,
        None,
        TENANT,
    )
    assert store.team_aad_group_id("teams", TEAM_THREAD) == TEAM_GROUP
    # The install event again, then a message without the AAD group id: the id is kept.
    assert (
        teams.post({**install, "id": "install-2", "conversation": said["conversation"]})[0] == 200
    )
    assert teams.post({**said, "id": "said-2"})[0] == 200
    teams.wait_replies(2, conversation=CHANNEL)
    assert store.conversation("teams", CHANNEL)["team_aad_group_id"] == TEAM_GROUP


def test_a_store_from_before_m015_gains_the_team_columns_and_keeps_its_conversations(db_path):
    import sqlite3

    from bot import migrations

    store = Store.open(db_path)
    store.save_conversation(
        "teams", CHANNEL, "https://smba.example/", conversation_type="channel", tenant_id=TENANT
    )
    store.close()
    # The store as m014 left it: no team columns, m015 not recorded.
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE conversations DROP COLUMN team_id")
    conn.execute("ALTER TABLE conversations DROP COLUMN team_aad_group_id")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm015_conversation_teams'")
    conn.commit()
    assert migrations.pending(conn) == ["m015_conversation_teams"]
    conn.close()
    store = Store.open(db_path)
    try:
        old = store.conversation("teams", CHANNEL)
        assert old["service_url"] == "https://smba.example/" and old["tenant_id"] == TENANT
        assert old["team_id"] is None and old["team_aad_group_id"] is None
        store.save_conversation(
            "teams", CHANNEL, "https://smba.example/", team_aad_group_id=TEAM_GROUP
        )
        kept = store.conversation("teams", CHANNEL)
        assert kept["team_aad_group_id"] == TEAM_GROUP and kept["tenant_id"] == TENANT
    finally:
        store.close()
    assert migrations.pending(sqlite3.connect(db_path)) == []


# -- the app package asks for the permissions the lookup needs --------------------------------


def test_the_app_package_declares_the_rsc_permissions_graph_needs(tmp_path):
    import json
    import zipfile

    from bot.adapters.teams.package import build_package

    with zipfile.ZipFile(build_package(APP_ID, tmp_path / "app.zip")) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert [int(n) for n in manifest["manifestVersion"].split(".")] >= [1, 12]
    assert manifest["$schema"].endswith(
        f"/v{manifest['manifestVersion']}/MicrosoftTeams.schema.json"
    )
    required = ("manifestVersion", "version", "id", "developer", "name", "description", "icons")
    assert all(manifest.get(k) for k in required) and manifest["accentColor"].startswith("#")
    assert manifest["version"] != "1.0.0"  # a new version: Teams offers the update to teams
    assert manifest["webApplicationInfo"]["id"] == APP_ID
    assert manifest["webApplicationInfo"]["resource"]  # unused by RSC, but must be present
    granted = manifest["authorization"]["permissions"]["resourceSpecific"]
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in granted
    assert {"name": "ChatMessage.Read.Chat", "type": "Application"} in granted
    assert "${" not in json.dumps(manifest)  # every placeholder filled


def test_a_manifest_template_without_the_permissions_is_refused(tmp_path):
    import json
    import shutil

    from bot.adapters.teams.package import TEMPLATE_DIR, build_package

    template = tmp_path / "template"
    shutil.copytree(TEMPLATE_DIR, template)
    manifest = json.loads((template / "manifest.json").read_text(encoding="utf-8"))
    del manifest["authorization"]
    (template / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ValueError, match=r"ChannelMessage\.Read\.Group"):
        build_package(APP_ID, tmp_path / "app.zip", template)
