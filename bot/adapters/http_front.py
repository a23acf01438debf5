"""The asyncio front of every HTTP server: a request is read whole, within a size and a time
limit, before any application code sees it.

A client that announces a body and trickles it holds only a socket and a coroutine here, never
one of the few worker threads (gunicorn's threaded worker let eight such clients stall a server
for 90 s). Bodies over MAX_BODY get 413 without being read; bodies not complete within
READ_TIMEOUT get 408. The sync Slack app then runs in a small thread pool on complete requests
only (BufferedWsgi); the async Teams app gets the buffered body replayed (BufferedAsgi).
"""

from __future__ import annotations

import asyncio
import io
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from bot import logs

# Slack's largest payloads (a modal submission, an event) are tens of KB; Teams activities too.
MAX_BODY = 512 * 1024
READ_TIMEOUT = 10.0  # seconds for the whole body, however it is trickled

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
Check = Callable[[Scope, bytes], str | None]
Repair = Callable[[Scope, bytes], bytes]


class Refused(Exception):
    """A request refused before the application saw it: HTTP status and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason

    @property
    def status_line(self) -> str:
        """`413 Content Too Large`, as a WSGI start_response wants it."""
        return f"{self.status} {STATUS_PHRASES.get(self.status, 'Refused')}"


STATUS_PHRASES = {400: "Bad Request", 408: "Request Timeout", 413: "Content Too Large"}


class Gone(Exception):
    """The client disconnected before its request was complete."""


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value
    return None


def check_length(declared: str | bytes | None, limit: int = MAX_BODY) -> int | None:
    """The announced body size, or Refused (400 not a number, 413 over the limit): the one
    check every HTTP front makes before reading a body."""
    if declared is None:
        return None
    text = declared.decode("latin-1") if isinstance(declared, bytes) else declared
    if not text.strip().isdigit():
        raise Refused(400, "Content-Length is not a number")
    if int(text) > limit:
        raise Refused(413, f"body over {limit} bytes")
    return int(text)


async def read_body(scope: Scope, receive: Receive, limit: int = MAX_BODY) -> bytes:
    """The whole body, or Refused (413 too large, 408 too slow, 400 bad length) / Gone."""
    check_length(_header(scope, b"content-length"), limit)
    deadline = time.monotonic() + READ_TIMEOUT
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise Refused(408, f"body not received within {READ_TIMEOUT:g} s") from None
        if message["type"] == "http.disconnect":
            raise Gone()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"body over {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def respond(send: Send, status: int, text: str) -> None:
    """A short plain-text answer."""
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def lifespan(receive: Receive, send: Send) -> None:
    """Nothing to start or stop: acknowledge the server's lifespan messages."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def buffered(
    scope: Scope, receive: Receive, send: Send, check: Check | None, repair: Repair | None = None
) -> bytes | None:
    """The request's body (repaired first, when a repair is given), or None once it has been
    refused (answered and logged) or abandoned."""
    started = time.perf_counter()
    refused: Refused | None = None
    try:
        body = await read_body(scope, receive)
        if repair:
            body = repair(scope, body)
        reason = check(scope, body) if check else None
        if not reason:
            return body
        refused = Refused(400, reason)
    except Refused as error:
        refused = error
    except Gone:
        pass
    logs.access(
        method=scope.get("method"),
        path=scope.get("path"),
        status=refused.status if refused else "gone",
        ms=round((time.perf_counter() - started) * 1000, 1),
        reason=refused.reason if refused else None,
    )
    if refused:
        await respond(send, refused.status, refused.reason)
    return None


def wsgi_environ(scope: Scope, body: bytes) -> dict:
    """The WSGI environment of a complete ASGI request (PEP 3333: headers as latin-1 str)."""
    server = scope.get("server") or ("127.0.0.1", 80)
    client = scope.get("client") or ("", 0)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", ""),
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": str(client[0]),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        if name == "CONTENT_TYPE":
            environ["CONTENT_TYPE"] = value
            continue
        if name == "CONTENT_LENGTH":
            continue
        key = f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def run_wsgi(app: Callable, environ: dict) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Call a WSGI app to the end: status, headers and the whole body."""
    started: list = []

    def start_response(status: str, headers: list, exc_info=None):
        started[:] = [status, headers]
        return lambda data: None  # the legacy write() callable; our apps return their body

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    status, headers = started
    return (
        int(status.split(" ", 1)[0]),
        [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers],
        body,
    )


class BufferedWsgi:
    """ASGI app running a sync WSGI app in `threads` threads, on complete requests only."""

    def __init__(self, app: Callable, threads: int, check: Check | None = None) -> None:
        self.app = app
        self.check = check
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="wsgi")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = await buffered(scope, receive, send, self.check)
        if body is None:
            return
        loop = asyncio.get_running_loop()
        status, headers, content = await loop.run_in_executor(
            self.pool, run_wsgi, self.app, wsgi_environ(scope, body)
        )
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})


class BufferedAsgi:
    """ASGI middleware: the inner app sees a request only once its body is complete (and, with
    `repair`, in the form the app can read)."""

    def __init__(
        self, app: Callable, check: Check | None = None, repair: Repair | None = None
    ) -> None:
        self.app = app
        self.check = check
        self.repair = repair

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await buffered(scope, receive, send, self.check, self.repair)
        if body is None:
            return
        delivered = False

        async def replay() -> dict:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the client to go away

        await self.app(scope, replay, send)
