"""Update parsing: the forms people type."""

from __future__ import annotations

import pytest

from bot.commands import parse_command
from bot.errors import InvalidUpdate
from bot.updates import parse_update


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("/roadmap update No40 研修", "update", "No40 研修"),
        ("ｕｐｄａｔｅ　No40 研修", "update", "No40 研修"),
        ("更新 No40 研修", "update", "No40 研修"),
        ("History No40", "history", "No40"),
        ("No40の事業費は？", "ask", "No40の事業費は？"),
        ("", "help", ""),
        ("/roadmap", "help", ""),
    ],
)
def test_commands(text, name, args):
    command = parse_command(text)
    assert (command.name, command.args) == (name, args)


@pytest.mark.parametrize(
    ("args", "reference", "year", "initiative", "text"),
    [
        ("No40 研修を実施", "No40", None, None, "研修を実施"),
        ("No40 R8 研修を実施", "No40", "R8", None, "研修を実施"),
        ("No.40 令和8年度 取組1 研修", "No.40", "令和8年度", "1", "研修"),
        ("40 FY2026 #2 研修", "40", "FY2026", "2", "研修"),
        (
            "【No40】 [統合型校務支援システム運用] 設計完了",
            "【No40】",
            None,
            "統合型校務支援システム運用",
            "設計完了",
        ),
        ("No40 「PHRの普及啓発」 動画公開", "No40", None, "PHRの普及啓発", "動画公開"),
    ],
)
def test_update_forms(args, reference, year, initiative, text):
    request = parse_update(args)
    assert (request.reference, request.fiscal_year, request.initiative, request.text) == (
        reference,
        year,
        initiative,
        text,
    )


@pytest.mark.parametrize("args", ["", "研修をした", "hello world"])
def test_update_needs_a_number_first(args):
    with pytest.raises(InvalidUpdate) as error:
        parse_update(args)
    assert error.value.key == "update_usage"


def test_a_year_token_that_is_not_a_year():
    with pytest.raises(InvalidUpdate) as error:
        parse_update("No40 R100 text")
    assert error.value.key == "update_bad_year"
