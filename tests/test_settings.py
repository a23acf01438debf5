"""One settings object from the environment; secrets never printed."""

from __future__ import annotations

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
