"""Slack replies stay within Slack's limits on the longest outputs, and say what they left out."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.adapters.slack.blocks import home_view
from bot.fiscal_year import FiscalYear
from bot.sources import default_sources
from tests.busy import long_entries, own_everything
from tests.conftest import loaded_copy
from tests.slack_harness import FakeSlack, serve_app

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
MAX_BLOCK_TEXT = 12_000  # Slack rejects messages with much more (msg_blocks_too_long)


@pytest.fixture(scope="module")
def busy():
    store = loaded_copy(default_sources())
    long_entries(store, n=300)
    store.add_owner("slack", "U1", project_key="R7/No40", user_name="tanaka")
    return store


@pytest.fixture
def slack(busy):
    fake = FakeSlack().start()
    app = serve_app(busy, fake, clock=lambda: NOW)
    yield app
    app.stop()
    fake.stop()


def block_text(blocks: list[dict]) -> int:
    """Every character of text the blocks carry (what Slack counts)."""
    total = 0
    for block in blocks:
        if "text" in block:
            total += len(block["text"]["text"])
        for element in block.get("elements", []):
            total += len(element.get("text", "") if isinstance(element.get("text"), str) else "")
    return total


def within_limits(message: dict, max_blocks: int = 50) -> str:
    blocks = message["blocks"]
    assert 0 < len(blocks) <= max_blocks
    for raw in blocks:
        Block.parse(raw).validate_json()
    assert block_text(blocks) <= MAX_BLOCK_TEXT
    assert len(message["text"]) <= 4000
    return json.dumps(blocks, ensure_ascii=False)


def test_a_history_of_300_long_entries_fits_and_says_how_to_get_all(slack):
    body = slack.command("history No40").json()
    shown = within_limits(body)
    assert "第300回 R&D <phase 299>" in shown  # the newest kept, as typed (plain text)
    assert "省略しました" in shown and "/roadmap history No40 --all" in shown


def test_history_all_comes_as_a_file_with_every_entry(slack):
    body = slack.command("history No40 --all").json()
    assert "アップロード" in body["text"]
    slack.fake.wait_for("files.completeUploadExternal", timeout=20)
    [upload] = [c for c in slack.fake.calls if c.path.startswith("/upload/")]
    text = upload.params["bytes"].decode("utf-8")
    assert all(f"第{i}回 R&D <phase {i - 1}>" in text for i in range(1, 301))


@pytest.mark.parametrize(
    "question", ["No40の実績", "No40のR8実績", "事業はいくつ？", "1円以上の事業"]
)
def test_the_longest_answers_fit(slack, question):
    body = slack.command(question).json()
    shown = within_limits(body)
    answer = slack.core.ask(question)
    if sum(len(line) for line in answer.lines) > MAX_BLOCK_TEXT:
        assert "ほか" in shown  # what was left out is counted


def test_a_busy_week_digest_fits(slack, busy):
    from bot.adapters.slack.digest import digest_blocks
    from bot.digest import digest

    week = digest(busy, datetime(2026, 4, 20, 1, 0, tzinfo=UTC))  # 300 entries that fortnight
    blocks = digest_blocks(week)
    assert len(blocks) <= 50 and block_text(blocks) <= MAX_BLOCK_TEXT
    body = slack.command("digest").json()
    within_limits(body)


def test_app_home_shows_up_to_100_blocks_and_counts_the_rest(busy):
    n = own_everything(busy, "slack", "UMANY")
    projects = [p for p in busy.projects() if p.edition == busy.latest_edition()]
    assert len(projects) == n
    rows = [(p, None, True) for p in projects * 3]  # more than App Home can hold
    view = home_view(rows, FiscalYear.parse("R8"))
    View(**view).validate_json()
    assert len(view["blocks"]) <= 100
    shown = sum(1 for b in view["blocks"] if b["type"] == "section")
    text = json.dumps(view, ensure_ascii=False)
    assert f"ほか{len(rows) - shown}件の担当事業" in text
    everything = home_view([(p, None, True) for p in projects], FiscalYear.parse("R8"))
    assert sum(1 for b in everything["blocks"] if b["type"] == "section") == n
    assert "ほか" not in json.dumps(everything, ensure_ascii=False)
