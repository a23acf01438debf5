"""One settings object from the environment; secrets never printed."""

from __future__ import annotations

import os

from click.testing import CliRunner

from bot.cli import main
from bot.settings import Settings


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
