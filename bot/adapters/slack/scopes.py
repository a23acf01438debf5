"""The OAuth scopes each Slack call needs: the manifest asks for exactly these (a test checks
the code's calls against manifest.yml both ways)."""

from __future__ import annotations

# Web API methods (as slack_sdk names them) → the bot scopes they need.
METHOD_SCOPES: dict[str, set[str]] = {
    "auth_test": set(),
    "chat_postMessage": {"chat:write"},
    "chat_postEphemeral": {"chat:write"},
    "chat_update": {"chat:write"},
    "files_upload_v2": {"files:write"},
    "users_info": {"users:read"},  # a name for `<@U…>` typed in a message
    "views_open": set(),
    "views_publish": set(),
    "conversations_history": {"channels:history", "groups:history"},  # a public or private channel
    "conversations_replies": {"channels:history", "groups:history"},  # the digest's charts (#25)
    "conversations_open": {"im:write"},
    "reactions_add": {"reactions:write"},
}
# Events the app subscribes to → the scopes Slack requires to deliver them.
EVENT_SCOPES: dict[str, set[str]] = {
    "app_mention": {"app_mentions:read"},
    "message.im": {"im:history"},
    "app_home_opened": set(),
}
COMMAND_SCOPES = {"commands"}
