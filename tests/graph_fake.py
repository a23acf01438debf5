"""Teams' side on loopback for the digest: the connector that accepts a bot's activities and the
Microsoft Graph endpoints that list the same conversations' messages back (#16).

One server plays both, as one service stores what the other shows: a card the connector
accepted is in the channel's (or chat's) Graph listing, shaped as Graph shapes it — sent by the
application whose token posted it, its card a JSON string, newest first, in pages with
@odata.nextLink. Nothing leaves loopback: the app's cloud points every endpoint here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler

import jwt

from tests.slack_harness import FakeHTTPServer

APP_ID = "00000000-0000-4000-8000-000000000001"
OTHER_APP_ID = "00000000-0000-4000-8000-0000000000ff"
TENANT = "tenant-1"
TEAM_GROUP = "6f1c2d3e-0000-4000-8000-00000000beef"  # the team's AAD group id
TEAM_THREAD = "19:team-general@thread.tacv2"  # the team's id in Bot Framework activities
CHANNEL = "19:dx-digest@thread.tacv2"
GROUP_CHAT = "19:dx-members@thread.v2"
PERSONAL = "a:1personal-chat-id"
KEY = "graph-fake-signing-key-for-loopback-tests-only"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass
class GraphCall:
    """One request Graph received: its path, query and the token's claims."""

    path: str
    query: dict
    claims: dict | None


@dataclass
class FakeTeamsCloud:
    """The connector (POST activities) and Microsoft Graph (GET messages) on one loopback port."""

    # Teams' conversation ids → the AAD group id of the team a channel belongs to.
    teams: dict[str, str] = field(default_factory=lambda: {CHANNEL: TEAM_GROUP})
    messages: dict[str, list[dict]] = field(default_factory=dict)  # by conversation, oldest first
    graph_calls: list[GraphCall] = field(default_factory=list)
    tokens: list[tuple[str, str | None]] = field(default_factory=list)  # (scope, tenant) asked
    graph_statuses: list[int] = field(default_factory=list)  # answered, one a call, first
    send_delay: float = 0.0  # the connector answers this late (after the post took effect)
    page_size: int | None = None  # Graph's pages, if smaller than $top
    server: FakeHTTPServer | None = None
    base_url: str | None = None  # another process's fake (a poster run in a subprocess)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        if self.base_url:
            return self.base_url
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def cloud(self):
        """The public cloud with its login, token and Graph endpoints all pointed here."""
        from microsoft_teams.api.auth.cloud_environment import PUBLIC

        return dataclasses.replace(
            PUBLIC,
            login_endpoint=self.url,
            token_service_url=self.url,
            openid_metadata_url=f"{self.url}/v1/.well-known/openidconfiguration",
            graph_scope=f"{self.url}/.default",
        )

    def token(self, scope: str, tenant: str | None = None) -> str:
        """The app's token as the login service issues it: for one resource, in one tenant."""
        self.tokens.append((scope, tenant))
        claims = {"appid": APP_ID, "aud": scope.removesuffix("/.default"), "tid": tenant or ""}
        return jwt.encode({**claims, "exp": 4102444800}, KEY, algorithm="HS256")

    # -- what Teams holds ------------------------------------------------------------

    def add_message(
        self, conversation: str, card: dict | None, app_id: str = APP_ID, text: str = ""
    ) -> dict:
        """A message in a conversation as Graph lists it (another app's, or a person's)."""
        now = datetime.now(UTC)
        message_id = str(int(time.time() * 1000) * 100 + next(self._ids) % 100)
        attachments = []
        if card is not None:
            attachments.append(
                {
                    "id": f"att-{message_id}",
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "contentUrl": None,
                    "content": json.dumps(card, ensure_ascii=False),  # a string, as Graph has it
                }
            )
        message = {
            "id": message_id,
            "messageType": "message",
            "createdDateTime": _stamp(now),
            "lastModifiedDateTime": _stamp(now),
            "deletedDateTime": None,
            "from": {
                "user": None,
                "application": {
                    "id": app_id,
                    "displayName": "roadmap",
                    "applicationIdentityType": "bot",
                },
            },
            "body": {"contentType": "html", "content": text},
            "attachments": attachments,
        }
        self.messages.setdefault(conversation, []).append(message)
        return message

    def posted(self, conversation: str, app_id: str = APP_ID) -> list[dict]:
        """The messages an app sent to a conversation."""
        return [
            m
            for m in self.messages.get(conversation, [])
            if m["from"]["application"] and m["from"]["application"]["id"] == app_id
        ]

    # -- the server --------------------------------------------------------------------

    def start(self) -> FakeTeamsCloud:
        cloud = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def claims(self) -> dict | None:
                bearer = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                try:
                    return jwt.decode(
                        bearer, KEY, algorithms=["HS256"], options={"verify_aud": False}
                    )
                except jwt.PyJWTError:
                    return None

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                activity = json.loads(self.rfile.read(length) or b"{}")
                parts = urllib.parse.unquote(self.path).strip("/").split("/")
                if len(parts) != 4 or parts[:2] != ["v3", "conversations"]:
                    return self.answer(404, {"error": {"code": "NotFound"}})
                claims = self.claims() or {}
                card = next(
                    (a["content"] for a in activity.get("attachments") or []),
                    None,
                )
                message = cloud.add_message(
                    parts[2], card, claims.get("appid", ""), activity.get("text") or ""
                )
                if cloud.send_delay:  # accepted and stored; the answer is late
                    time.sleep(cloud.send_delay)
                self.answer(201, {"id": message["id"]})

            def do_GET(self):
                parsed = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parsed.query))
                claims = self.claims()
                cloud.graph_calls.append(
                    GraphCall(urllib.parse.unquote(parsed.path), query, claims)
                )
                if cloud.graph_statuses:
                    status = cloud.graph_statuses.pop(0)
                    return self.answer(status, {"error": {"code": f"Status{status}"}})
                if claims is None or claims.get("aud") != cloud.url:
                    return self.answer(401, {"error": {"code": "InvalidAuthenticationToken"}})
                conversation = self.conversation(urllib.parse.unquote(parsed.path))
                if conversation is None:
                    return self.answer(404, {"error": {"code": "NotFound"}})
                listed = list(reversed(cloud.messages.get(conversation, [])))  # newest first
                after = query.get("$filter", "").partition("lastModifiedDateTime gt ")[2]
                if after:
                    listed = [m for m in listed if m["lastModifiedDateTime"] > after]
                size = min(int(query.get("$top", 20)), 50, cloud.page_size or 50)
                skip = int(query.get("$skiptoken", 0))
                page = {"value": listed[skip : skip + size]}
                if skip + size < len(listed):
                    rest = {**query, "$skiptoken": str(skip + size)}
                    page["@odata.nextLink"] = (
                        f"{cloud.url}{parsed.path}?{urllib.parse.urlencode(rest)}"
                    )
                self.answer(200, page)

            def conversation(self, path: str) -> str | None:
                """The conversation a Graph path lists, if that team or chat exists."""
                parts = path.strip("/").split("/")
                if parts[:2] == ["v1.0", "chats"] and parts[3:] == ["messages"]:
                    return parts[2]
                if parts[:2] == ["v1.0", "teams"] and parts[3] == "channels":
                    team, channel = parts[2], parts[4]
                    if cloud.teams.get(channel) != team:
                        return None
                    if parts[5:] == ["messages"]:
                        return channel
                    if len(parts) == 8 and parts[5] == "messages" and parts[7] == "replies":
                        return f"{channel};messageid={parts[6]}"
                return None

        self.server = FakeHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def teams_app(store, cloud: FakeTeamsCloud):
    """The bot's Teams app as `serve` builds it, its cloud all on loopback, initialized on an
    event loop of its own thread (as the server's); returns (app, loop)."""
    from bot.adapters.teams.bot import create_teams_app
    from bot.service import Core
    from bot.settings import Settings

    settings = Settings(TEAMS_APP_ID=APP_ID, TEAMS_APP_PASSWORD="secret-not-used")
    app = create_teams_app(settings, Core(store, settings), token=cloud.token, cloud=cloud.cloud())
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(app.initialize(), loop).result(20)
    return app, loop


def remember(store, cloud: FakeTeamsCloud, conversation: str, **fields) -> None:
    """A conversation reference as the bot stores it when installed (tenant, team ids)."""
    if conversation.endswith("@thread.tacv2") or ";messageid=" in conversation:
        kind = "channel"
    else:
        kind = "groupChat" if conversation.endswith("@thread.v2") else "personal"
    team = {"team_id": TEAM_THREAD, "team_aad_group_id": TEAM_GROUP} if kind == "channel" else {}
    store.save_conversation(
        "teams",
        conversation,
        cloud.url,
        **{"conversation_type": kind, "tenant_id": TENANT, **team, **fields},
    )
