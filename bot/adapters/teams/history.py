"""Reading a Teams conversation back through Microsoft Graph: was this week's digest posted?

A Bot Framework bot cannot list a conversation's messages; Microsoft Graph can, with the
resource-specific consent (RSC) permissions the app package asks for (ChannelMessage.Read.Group
in a team, ChatMessage.Read.Chat in a group chat), granted when the app is installed there.
The app token comes from the Teams SDK's token provider for the cloud's Graph scope and the
conversation's tenant; Graph's address is that scope's host (so sovereign clouds and tests'
loopback fakes are reached the same way).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import httpx
from microsoft_teams.apps.utils.graph import derive_graph_base_url

CARD = "application/vnd.microsoft.card.adaptive"
PAGE = 50  # Graph's largest page of channel or chat messages
MAX_PAGES = 20  # 1,000 messages since the attempt: far more than a week of a busy channel
SKEW = timedelta(minutes=5)  # Teams' clock against ours
TIMEOUT = 10.0
REINSTALL = (
    "build the app package again (roadmap teams-package) and update or reinstall the app in "
    "that team or chat, so the permission to read its messages is granted"
)


class CannotLook(Exception):
    """Graph cannot tell for this conversation, and will not until someone acts (the reason
    says what to do): posting again is better than no digest."""


class GraphUnavailable(Exception):
    """Graph did not answer this time (timeout, throttled, 5xx): ask again later."""


@dataclass(frozen=True)
class Conversation:
    """Where Graph finds a Teams conversation's messages, and in which tenant."""

    url: str
    tenant_id: str | None
    filtered: bool  # Graph filters the list by time (chats): every page is recent


def graph_location(
    reference: dict, base_url: str, since: datetime, team_aad_group_id: str | None = None
) -> Conversation:
    """The Graph request listing a stored conversation's messages, or CannotLook."""
    conversation_id = reference["conversation_id"]
    kind = reference.get("conversation_type") or _kind_from_id(conversation_id)
    tenant = reference.get("tenant_id")
    if kind == "channel":
        team = reference.get("team_aad_group_id") or team_aad_group_id
        if not team:
            raise CannotLook(
                f"the team of channel {conversation_id} is not known (its AAD group id comes "
                "with the app's install event): reinstall the app in that team"
            )
        channel, _, thread = conversation_id.partition(";messageid=")
        url = f"{base_url}/v1.0/teams/{quote(team, safe='')}/channels/{quote(channel, safe='')}"
        # A thread's conversation id names its first message: the digest is one of its replies.
        url += f"/messages/{quote(thread, safe='')}/replies" if thread else "/messages"
        return Conversation(f"{url}?$top={PAGE}", tenant, filtered=False)
    if kind == "groupChat":
        # Chats can be listed newest first and filtered by time (channels cannot).
        after = (since - SKEW).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        query = (
            f"$top={PAGE}&$orderby=lastModifiedDateTime desc"
            f"&$filter=lastModifiedDateTime gt {after}"
        )
        return Conversation(
            f"{base_url}/v1.0/chats/{quote(conversation_id, safe='')}/messages?{query}",
            tenant,
            filtered=True,
        )
    raise CannotLook(
        f"Graph cannot read a personal chat ({conversation_id}) back: post the digest to a "
        "channel or a group chat"
    )


def _kind_from_id(conversation_id: str) -> str:
    """A reference stored without its type: a channel's and a group chat's ids differ."""
    if ";messageid=" in conversation_id or conversation_id.endswith(
        ("@thread.tacv2", "@thread.skype")
    ):
        return "channel"
    if conversation_id.startswith("19:"):
        return "groupChat"
    return "personal"


def marked(message: dict, marker: str, app_id: str) -> bool:
    """A message this bot sent whose Adaptive Card carries the marker as an element id."""
    sender = (message.get("from") or {}).get("application") or {}
    if str(sender.get("id") or "").lower() != app_id.lower() or message.get("deletedDateTime"):
        return False
    for attachment in message.get("attachments") or []:
        if attachment.get("contentType") != CARD:
            continue
        content = attachment.get("content")
        if isinstance(content, str):  # Graph gives the card as a JSON string
            try:
                content = json.loads(content)
            except ValueError:
                continue
        if marker in _element_ids(content):
            return True
    return False


def _element_ids(node) -> Iterator[str]:
    """Every element id in a card, however deeply nested."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from _element_ids(value)
    elif isinstance(node, list):
        for value in node:
            yield from _element_ids(value)


def _touched(message: dict) -> datetime | None:
    """When a message last changed (Graph's lastModifiedDateTime, else its creation)."""
    stamp = message.get("lastModifiedDateTime") or message.get("createdDateTime")
    try:
        return datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None


async def find_marked_message(
    app, reference: dict, marker: str, since: datetime, team_aad_group_id: str | None = None
) -> str | None:
    """The id of this bot's message carrying `marker`, sent since `since`, or None.

    Raises CannotLook when Graph cannot read this conversation (no RSC permission granted, a
    personal chat, an unknown team) and GraphUnavailable when it did not answer this time.
    """
    base_url = derive_graph_base_url(app.cloud) or "https://graph.microsoft.com"
    where = graph_location(reference, base_url, since, team_aad_group_id)
    tenant = where.tenant_id or (app.credentials.tenant_id if app.credentials else None)
    token = await app.token_provider.get_app_token(app.cloud.graph_scope, tenant)
    if token is None:
        raise CannotLook("the app has no credentials to ask Microsoft Graph with")
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    oldest = since - SKEW
    url: str | None = where.url
    async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False) as client:
        for _ in range(MAX_PAGES):
            page = await _get(client, url, headers)
            messages = page.get("value") or []
            for message in messages:
                if marked(message, marker, app.id or ""):
                    return str(message["id"])
            url = page.get("@odata.nextLink")
            recent = [m for m in messages if (_touched(m) or oldest) >= oldest]
            # A channel lists its latest messages first: a page with nothing created or changed
            # since the attempt means the rest is older still (whether Graph orders by creation
            # or by last change, a message changes no earlier than it is created).
            if not url or (not where.filtered and not recent):
                return None
    raise CannotLook(f"more than {MAX_PAGES * PAGE} messages since the attempt to look through")


async def _get(client: httpx.AsyncClient, url: str, headers: dict) -> dict:
    """One page of messages; Graph's refusals sorted into 'cannot look' and 'try later'."""
    try:
        response = await client.get(url, headers=headers)
    except httpx.HTTPError as error:  # timeouts, refused connections, broken answers
        raise GraphUnavailable(f"Microsoft Graph did not answer: {type(error).__name__}") from error
    status = response.status_code
    if status == 429 or status >= 500:
        raise GraphUnavailable(f"Microsoft Graph answered {status}")
    if status in (401, 403):
        raise CannotLook(
            f"Microsoft Graph refused to list the messages ({status}): the app's "
            f"resource-specific permission is not granted there; {REINSTALL}"
        )
    if status != 200:
        raise CannotLook(f"Microsoft Graph answered {status} listing the messages")
    try:
        page = response.json()
    except ValueError as error:
        raise GraphUnavailable("Microsoft Graph answered with something not JSON") from error
    if not isinstance(page, dict):
        raise GraphUnavailable("Microsoft Graph answered with something not a page")
    return page
