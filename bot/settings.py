"""The one settings object, read from the environment (and an optional .env file).

Secrets are SecretStr: they print as '**********' and never reach a log line.
"""

from __future__ import annotations

import os

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import prefectures
from bot.prefectures import HOME_PREFECTURE


def default_workers() -> int:
    """One HTTP server process per usable core, at most 4 (one Python process uses one core;
    bench/load.py: two workers on two cores serve ≈ 1.5x one)."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(usable or 1, 4))


class Settings(BaseSettings):
    """Everything the bot reads from its environment, with Slack's own variable names."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
    roadmap_db: str | None = Field(default=None, alias="ROADMAP_DB")
    # Whose roadmap this deployment answers for; one store may hold every prefecture's.
    roadmap_prefecture: str = Field(default=HOME_PREFECTURE, alias="ROADMAP_PREFECTURE")
    roadmap_admins_raw: str = Field(default="", alias="ROADMAP_ADMINS")
    roadmap_digest_channel: str | None = Field(default=None, alias="ROADMAP_DIGEST_CHANNEL")
    roadmap_digest_cron: str = Field(default="0 9 * * mon", alias="ROADMAP_DIGEST_CRON")
    roadmap_stale_weeks: int = Field(default=8, alias="ROADMAP_STALE_WEEKS")
    port: int = Field(default=3000, alias="PORT")
    roadmap_workers: int = Field(
        default_factory=default_workers, ge=1, le=64, alias="ROADMAP_WORKERS"
    )
    teams_app_id: str | None = Field(default=None, alias="TEAMS_APP_ID")
    teams_app_password: SecretStr | None = Field(default=None, alias="TEAMS_APP_PASSWORD")
    teams_tenant_id: str | None = Field(default=None, alias="TEAMS_TENANT_ID")
    teams_digest_conversation: str | None = Field(default=None, alias="TEAMS_DIGEST_CONVERSATION")
    # #15: where Teams listens when one `roadmap run` serves Slack (on PORT) and Teams together.
    teams_port: int = Field(default=3978, alias="TEAMS_PORT")

    @field_validator("roadmap_prefecture")
    @classmethod
    def _one_of_47(cls, value: str) -> str:
        return prefectures.check(value)

    @property
    def admins(self) -> set[str]:
        """Slack user ids allowed to run admin commands (ROADMAP_ADMINS, comma-separated)."""
        return {a.strip() for a in self.roadmap_admins_raw.split(",") if a.strip()}

    @property
    def teams_configured(self) -> bool:
        """An app id and password: enough to serve Teams with authentication."""
        return bool(self.teams_app_id and self.teams_app_password)

    @property
    def slack_configured(self) -> bool:
        """Enough to serve Slack: a bot token and either a signing secret or an app token."""
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))
