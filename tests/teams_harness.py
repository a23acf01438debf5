"""The Teams app served by uvicorn on loopback; its outgoing connector is a local fake."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from itertools import count
from typing import TYPE_CHECKING

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.settings import Settings
from tests.slack_harness import FakeHTTPServer
from tests.slack_harness import FakeSlack as FakeConnector  # the same recording HTTP server

# The Teams SDK takes over a second to import: only the tests that start Teams pay for it.
if TYPE_CHECKING:
    from microsoft_teams.api.auth.cloud_environment import CloudEnvironment

APP_ID = "00000000-0000-4000-8000-000000000001"
_ids = count(1)


def fake_token(scope, tenant=None) -> str:
    """A JWT-shaped bot token (never sent anywhere but the fake connector)."""
    return jwt.encode(
        {"appid": APP_ID, "exp": 4102444800, "aud": "https://api.botframework.com"},
        "test-signing-key-for-the-fake-connector-only",
        algorithm="HS256",
    )


class FakeLogin:
    """The Bot Framework's signing keys (JWKS) on loopback, and tokens signed with them."""

    KID = "test-key"

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        body = json.dumps({"keys": [{**jwk, "kid": self.KID, "use": "sig"}]}).encode()
        self.fetched: list[str] = []
        login = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                login.fetched.append(self.path)
                self.send_response(200 if self.path.endswith("/keys") else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = FakeHTTPServer(("127.0.0.1", 0), Handler)
        # A short poll: shutdown() waits for it, and the default 0.5 s was a quarter of the suite.
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def cloud(self) -> CloudEnvironment:
        """The public cloud with every login endpoint pointed here: nothing leaves loopback."""
        from microsoft_teams.api.auth.cloud_environment import PUBLIC

        return dataclasses.replace(
            PUBLIC,
            login_endpoint=self.url,
            token_service_url=self.url,
            openid_metadata_url=f"{self.url}/v1/.well-known/openidconfiguration",
        )

    def token(self, service_url: str, key=None, **claims) -> str:
        """A connector token as the Bot Framework issues it; override any claim to forge one."""
        from microsoft_teams.api.auth.cloud_environment import PUBLIC

        now = int(time.time())
        payload = {
            "iss": PUBLIC.token_issuer,
            "aud": APP_ID,
            "serviceurl": service_url,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            **claims,
        }
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers={"kid": self.KID})

    def stop(self) -> None:
        self.server.shutdown()


@dataclass
class TeamsServer:
    app: object
    core: object
    port: int
    loop: asyncio.AbstractEventLoop
    server: uvicorn.Server
    thread: threading.Thread
    connector: FakeConnector

    def post(self, activity: dict, headers: dict | None = None) -> tuple[int, str]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/messages",
            data=json.dumps(activity).encode(),
            method="POST",
            headers={"Content-Type": "application/json", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def replies(self, conversation: str = "conv-personal") -> list[dict]:
        return [
            c.params
            for c in self.connector.calls
            if c.path == f"/v3/conversations/{conversation}/activities"
        ]

    def wait_replies(
        self, n: int, conversation: str = "conv-personal", timeout: float = 5
    ) -> list[dict]:
        deadline = time.time() + timeout
        while time.time() < deadline and len(self.replies(conversation)) < n:
            time.sleep(0.005)
        return self.replies(conversation)

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(10)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def message(
    text: str,
    user: str = "aad-owner",
    name: str = "佐藤",
    conversation: str = "conv-personal",
    kind: str = "personal",
    value: dict | None = None,
    connector: FakeConnector | None = None,
    activity_id: str | None = None,
    entities: list[dict] | None = None,
    bot_name: str = "roadmap",
) -> dict:
    activity = {
        "type": "message",
        "id": activity_id or f"act-{next(_ids)}",
        "text": text,
        "channelId": "msteams",
        "serviceUrl": (connector.url if connector else "http://127.0.0.1:9/").rstrip("/"),
        "from": {"id": f"29:{user}", "aadObjectId": user, "name": name},
        "recipient": {"id": BOT_ID, "name": bot_name},
        "conversation": {"id": conversation, "conversationType": kind, "tenantId": "tenant-1"},
        "timestamp": "2026-11-22T01:00:00Z",
    }
    if value is not None:
        activity["value"] = value
    if entities is not None:
        activity["entities"] = entities
    return activity


BOT_ID = f"28:{APP_ID}"


def mention(text: str, account_id: str = BOT_ID, name: str | None = None) -> dict:
    """A mention entity as Teams sends it with a message (Bot Framework `entities`): the
    mentioned account's id and name, and the <at> tag as it appears in the text."""
    return {
        "type": "mention",
        "text": f"<at>{text}</at>",
        "mentioned": {"id": account_id, "name": name or text},
    }


class PromptServer(uvicorn.Server):
    """uvicorn checking for a stop every 10 ms: its 0.1 s tick, paid by each of the Teams tests'
    servers on shutdown, added seconds to the suite."""

    async def main_loop(self) -> None:
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 8_640_000
            await asyncio.sleep(0.01)

    async def shutdown(self, sockets=None) -> None:
        """uvicorn's shutdown with its fixed 0.1 s pause (paid by every Teams test) replaced by
        a 5 ms poll until the connections and requests it asked to finish have finished."""
        for server in self.servers:
            server.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        deadline = time.monotonic() + 10
        while (self.server_state.connections or self.server_state.tasks) and (
            time.monotonic() < deadline
        ):
            await asyncio.sleep(0.005)
        for server in self.servers:
            await server.wait_closed()


def serve_teams(
    db_path,
    connector: FakeConnector,
    clock=None,
    authenticated: bool = False,
    login: FakeLogin | None = None,
) -> TeamsServer:
    """Start the app; `authenticated` keeps the SDK's JWT check on (the production setting),
    and with `login` the SDK fetches its signing keys from that local fake."""
    settings = Settings(
        TEAMS_APP_ID=APP_ID, TEAMS_APP_PASSWORD="secret-not-used", ROADMAP_DB=str(db_path)
    )
    options = {} if authenticated else {"token": fake_token, "allow_unauthenticated": True}
    if login is not None:
        options = {"token": fake_token, "cloud": login.cloud()}
    from bot.adapters.teams.serve import build

    app, adapter, core = build(settings, db_path, **options)
    if clock:
        core.clock = clock
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    loop = asyncio.new_event_loop()
    server = PromptServer(
        uvicorn.Config(
            adapter.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(app.initialize())
        loop.run_until_complete(server.serve())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.005)
    return TeamsServer(app, core, port, loop, server, thread, connector)
