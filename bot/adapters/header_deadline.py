"""A deadline for a request's headers, on both HTTP servers (gunicorn's asyncio worker for Slack,
uvicorn for Teams).

The asyncio front (bot.adapters.http_front) bounds the body in size and time, but the servers
wait for headers without a limit: a client that trickles its request line holds a connection
for ever, and enough of them exhaust a worker's connections. Here, once the first byte of a
request has arrived (or the connection opened), its headers must be complete within
HEADER_TIMEOUT, else the client gets 408 and the connection is closed. An idle keep-alive
connection is left to the server's own keep-alive timeout.

Both servers are subclassed at one point each: the predicate "waiting for a request's headers"
(an attribute of the server's protocol object), checked by tests that run the real servers.
"""

from __future__ import annotations

import asyncio
import functools
import signal

from bot import logs

HEADER_TIMEOUT = 10.0  # seconds from a request's first byte to its last header line
RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\n"
    b"Connection: close\r\n\r\n%s"
)


class HeaderDeadline:
    """Mixin for an asyncio HTTP protocol: 408 and close when headers take too long."""

    transport: asyncio.Transport
    _header_timer: asyncio.TimerHandle | None = None

    def waiting_for_headers(self) -> bool:
        """True between a request's first byte and its complete headers (server-specific)."""
        raise NotImplementedError

    def arm_header_deadline(self) -> None:
        """Start the clock for the headers now arriving, unless it already runs."""
        if self._header_timer is None:
            loop = asyncio.get_running_loop()
            self._header_timer = loop.call_later(HEADER_TIMEOUT, self._headers_too_slow)

    def disarm_header_deadline(self) -> None:
        """The headers are complete (or the connection is gone): stop the clock."""
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.waiting_for_headers() or self.transport.is_closing():
            return
        reason = f"headers not received within {HEADER_TIMEOUT:g} s".encode()
        try:
            self.transport.write(RESPONSE % (len(reason), reason))
        finally:
            self.transport.close()
        logs.access(method=None, path=None, status=408, reason=reason.decode())

    def track(self) -> None:
        """After each chunk of data: the clock runs only while headers are awaited."""
        if self.waiting_for_headers():
            self.arm_header_deadline()
        else:
            self.disarm_header_deadline()

    # Placed before the server's protocol class in the bases: these wrap its own methods.
    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self.arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self.track()

    def connection_lost(self, exc) -> None:
        self.disarm_header_deadline()
        super().connection_lost(exc)


@functools.cache
def gunicorn_worker() -> type:
    """gunicorn's asyncio (asgi) worker whose connections have the header deadline."""
    from gunicorn.asgi.protocol import ASGIProtocol
    from gunicorn.workers import gasgi

    class Protocol(HeaderDeadline, ASGIProtocol):
        def waiting_for_headers(self) -> bool:
            # gunicorn builds _current_request when a request's headers are complete and
            # clears it once that request has been served.
            return self._current_request is None and not self._closed

    class Worker(gasgi.ASGIWorker):
        def init_process(self) -> None:
            # gasgi builds each connection's protocol from its module-level name; this worker
            # process (a fork of the master) gets ours. Nothing else in it serves HTTP.
            gasgi.ASGIProtocol = Protocol
            super().init_process()

        def handle_exit_signal(self) -> None:
            """SIGTERM: the graceful shutdown starts now, not when the heartbeat next wakes."""
            super().handle_exit_signal()
            # A second SIGTERM (the master passes on the one a process group received) could
            # land while Python 3.11 closes the loop, after its wakeup pipe and before its
            # handlers: a traceback on stderr, outside the JSON log. Shutting down already.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            # gasgi's serving loop notices `alive` only after its one-second heartbeat sleep;
            # cancelling that sleep runs its own graceful shutdown at once (in-flight
            # requests still finish). Only once every listener serves: the loop is then the
            # only place the task waits.
            if self.servers and len(self.servers) == len(self.sockets):
                for task in asyncio.all_tasks(self.loop):
                    if getattr(task.get_coro(), "__qualname__", "").endswith("._serve"):
                        task.cancel()

    Worker.__name__ = Worker.__qualname__ = "HeaderDeadlineWorker"
    return Worker


@functools.cache
def uvicorn_protocol() -> type:
    """uvicorn's h11 protocol with the header deadline (pass as `uvicorn.Config(http=…)`)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Protocol(HeaderDeadline, H11Protocol):
        def waiting_for_headers(self) -> bool:
            # uvicorn starts a request/response cycle once a request's headers are complete;
            # the next request's headers are awaited once that cycle's response is complete.
            return (self.cycle is None or self.cycle.response_complete) and not (
                self.transport.is_closing()
            )

    return Protocol
