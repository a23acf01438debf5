"""One settings object from the environment; secrets never printed."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.settings import Settings, store_settings


def test_settings_read_slacks_own_variable_names(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-very-secret")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "signing-very-secret")
    monkeypatch.setenv("ROADMAP_ADMINS", "U1, U2,,U3 ")
    monkeypatch.setenv("ROADMAP_DIGEST_CHANNEL", "CDX")
    settings = Settings()
    assert settings.slack_configured and not settings.teams_configured
    assert settings.admins == {"U1", "U2", "U3"}
    assert settings.roadmap_digest_cron == "0 9 * * mon"
    shown = repr(settings) + str(settings) + settings.model_dump_json()
    assert "very-secret" not in shown


def test_a_dotenv_file_is_read(monkeypatch, tmp_path):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "TEAMS_APP_ID", "TEAMS_APP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text("TEAMS_APP_ID=abc\nTEAMS_APP_PASSWORD=pw\n")
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.teams_configured and settings.teams_app_password.get_secret_value() == "pw"


def test_workers_default_to_the_usable_cores_and_bad_values_are_one_clear_line(
    monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROADMAP_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert Settings().roadmap_workers == 4  # one per core, at most four
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert Settings().roadmap_workers == 1
    monkeypatch.setenv("ROADMAP_WORKERS", "0")
    monkeypatch.setenv("ROADMAP_PREFECTURE", "青森")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "signing-very-secret")
    result = CliRunner().invoke(main, ["serve", "slack"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "ROADMAP_WORKERS" in result.output and "ROADMAP_PREFECTURE" in result.output
    assert "very-secret" not in result.output


STORE_VARIABLES = {
    "ROADMAP_DB": "from-env.db",
    "ROADMAP_PREFECTURE": "岩手県",
    "ROADMAP_SOURCES": "/srv/iwate",
}


@pytest.mark.parametrize("where", ["environment", "dotenv", "both"])
def test_the_stores_settings_read_as_settings_reads_them(monkeypatch, tmp_path, where):
    """store_settings() (no pydantic-settings, for a fast `roadmap ask`) agrees with Settings."""
    monkeypatch.chdir(tmp_path)
    for name in STORE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    if where in ("dotenv", "both"):
        (tmp_path / ".env").write_text(
            "".join(f"{k}={v}\n" for k, v in STORE_VARIABLES.items()), encoding="utf-8"
        )
    if where in ("environment", "both"):
        for name, value in STORE_VARIABLES.items():
            monkeypatch.setenv(name, value.replace("iwate", "env").replace("from-env", "env"))
    full, light = Settings(), store_settings()
    for name in STORE_VARIABLES:
        assert getattr(light, name.lower()) == getattr(full, name.lower()), name
    assert light.roadmap_prefecture == "岩手県"


def test_nothing_outside_settings_reads_the_bots_variables():
    """Every variable is read in bot/settings.py (the locale, LANG, is not the bot's)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "bot"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "settings.py"
        and re.search(
            r"(os\.environ|getenv)\S*\(?\s*[\"'](ROADMAP|SLACK|TEAMS|PORT)", path.read_text()
        )
    ]
    assert offenders == []
