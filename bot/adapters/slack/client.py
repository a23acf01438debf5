"""Slack Web API clients as the app uses them: SLACK_API_URL, and rate limits retried after
Retry-After. The Bolt app's own client and a client made outside a request (the CLI's
`digest --post`) are prepared by the same function."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.adapters.slack.failures import RateLimitRetry
from bot.settings import Settings


def prepared(client: WebClient, api_url: str | None = None) -> WebClient:
    """The client pointed at `api_url` (when given), retrying rate-limited calls (once)."""
    if api_url:
        client.base_url = api_url
    if not any(isinstance(h, RateLimitRetry) for h in client.retry_handlers):
        client.retry_handlers.append(RateLimitRetry())
    return client


def web_client(settings: Settings) -> WebClient:
    """A client with the bot token, as the app's, for posting outside a request."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return prepared(WebClient(token=token), settings.slack_api_url)
