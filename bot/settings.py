"""The one settings module: every variable the bot reads from its environment (and an
optional .env file) is named here.

`Settings` (pydantic-settings) holds them all; secrets are SecretStr: they print as
'**********' and never reach a log line. Opening the store needs only three of them, and
`roadmap ask` must start fast, so `store_settings()` reads those three the same way (the
environment over .env) without loading pydantic-settings; a test keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.prefectures import HOME_PREFECTURE, check

if TYPE_CHECKING:
    from pydantic_settings import BaseSettings

ENV_FILE = ".env"


def default_workers() -> int:
    """One HTTP server process per usable core, at most 4 (one Python process uses one core;
    bench/load.py: two workers on two cores serve ≈ 1.5x one)."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(usable or 1, 4))


@dataclass(frozen=True)
class StoreSettings:
    """Where the store is, whose roadmap it answers for, where the documents are."""

    roadmap_db: str | None
    roadmap_prefecture: str
    roadmap_sources: str | None


def store_settings(env_file: str | os.PathLike = ENV_FILE) -> StoreSettings:
    """ROADMAP_DB, ROADMAP_PREFECTURE and ROADMAP_SOURCES as Settings reads them: the
    environment first, then the .env file when there is one (names in any case)."""
    values: dict[str, str] = {}
    if Path(env_file).is_file():
        from dotenv import dotenv_values

        values = {k.upper(): v for k, v in dotenv_values(env_file).items() if v is not None}
    values.update({k.upper(): v for k, v in os.environ.items()})
    return StoreSettings(
        roadmap_db=values.get("ROADMAP_DB") or None,
        roadmap_prefecture=values.get("ROADMAP_PREFECTURE") or HOME_PREFECTURE,
        roadmap_sources=values.get("ROADMAP_SOURCES") or None,
    )


def configured_prefecture(explicit: str | None = None) -> str:
    """The prefecture a deployment answers for: explicit, else ROADMAP_PREFECTURE, else home."""
    if explicit:
        return check(explicit)
    return check(store_settings().roadmap_prefecture)


def _settings_class() -> type[BaseSettings]:
    """Define Settings on first use (pydantic-settings costs a tenth of a second to import)."""
    from pydantic import Field, SecretStr, field_validator
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class Settings(BaseSettings):
        """Everything the bot reads from its environment, with Slack's own variable names."""

        model_config = SettingsConfigDict(env_file=ENV_FILE, extra="ignore", populate_by_name=True)

        slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
        slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
        slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
        slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
        roadmap_db: str | None = Field(default=None, alias="ROADMAP_DB")
        # Whose roadmap this deployment answers for; one store may hold every prefecture's.
        roadmap_prefecture: str = Field(default=HOME_PREFECTURE, alias="ROADMAP_PREFECTURE")
        # Another prefecture's documents (default: the checkout's data/sources/).
        roadmap_sources: str | None = Field(default=None, alias="ROADMAP_SOURCES")
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
        teams_digest_conversation: str | None = Field(
            default=None, alias="TEAMS_DIGEST_CONVERSATION"
        )
        # #15: where Teams listens when one `roadmap run` serves Slack (on PORT) and Teams too.
        teams_port: int = Field(default=3978, alias="TEAMS_PORT")

        @field_validator("roadmap_prefecture")
        @classmethod
        def _one_of_47(cls, value: str) -> str:
            return check(value)

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
            """Enough to serve Slack: a bot token and a signing secret or an app token."""
            return bool(
                self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token)
            )

    Settings.__module__ = __name__
    Settings.__qualname__ = "Settings"
    return Settings


def __getattr__(name: str) -> Any:
    """`from bot.settings import Settings` defines the class on first use."""
    if name == "Settings":
        cls = _settings_class()
        globals()["Settings"] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
