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
import socket
import weakref
from collections.abc import Callable

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


# A stopping worker takes what the kernel has queued on its listening sockets before closing
# them: closing a listening socket resets every connection still in its queue (a SIGTERM reset
# up to 92 of 128 requests in flight, #25).
DRAIN_SECONDS = 1.0  # at most this long taking queued connections by hand
ACCEPT_TURNS = 4  # event-loop turns from asyncio's accept() to a connection's protocol


async def take_queued(
    listeners: list[socket.socket], protocol: Callable[[], asyncio.Protocol]
) -> int:
    """Stop asyncio accepting on these listening sockets, let the connections it accepted get
    their protocols (asyncio makes a transport a few loop turns after accept(), and refuses to
    once its server is closed: the connection is reset), then accept what is still queued by
    hand, each with a protocol: after this, closing the sockets resets nothing already in.
    Returns how many were taken by hand."""
    loop = asyncio.get_running_loop()
    for listener in listeners:
        loop.remove_reader(listener.fileno())
    for _ in range(ACCEPT_TURNS):
        await asyncio.sleep(0)
    taken = 0
    deadline = loop.time() + DRAIN_SECONDS
    for listener in listeners:
        while loop.time() < deadline:
            try:
                connection, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                break
            connection.setblocking(False)
            await loop.connect_accepted_socket(protocol, connection)
            taken += 1
    return taken


@functools.cache
def gunicorn_worker() -> type:
    """gunicorn's asyncio (asgi) worker whose connections have the header deadline, and whose
    graceful stop neither resets queued connections nor waits for idle kept-alive ones."""
    from gunicorn.asgi.protocol import ASGIProtocol
    from gunicorn.workers import gasgi

    class Protocol(HeaderDeadline, ASGIProtocol):
        def waiting_for_headers(self) -> bool:
            # gunicorn builds _current_request when a request's headers are complete and
            # clears it once that request has been served.
            return self._current_request is None and not self._closed

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self.worker.connections.add(self)

        def idle(self) -> bool:
            """Kept alive after a response, and nothing of a next request has come: the header
            clock stops when a request's headers are complete and starts with its next byte."""
            return self.req_count > 0 and self.waiting_for_headers() and self._header_timer is None

    class Worker(gasgi.ASGIWorker):
        def init_process(self) -> None:
            # gasgi builds each connection's protocol from its module-level name; this worker
            # process (a fork of the master) gets ours. Nothing else in it serves HTTP.
            gasgi.ASGIProtocol = Protocol
            self.connections: weakref.WeakSet = weakref.WeakSet()
            super().init_process()

        async def _shutdown(self) -> None:
            """gunicorn's graceful shutdown, once the connections already queued are accepted
            and their protocols made (else they are reset: a SIGTERM reset up to 92 of 128
            requests in flight, #25), with idle kept-alive connections closed at once (one kept
            the worker from exiting for gunicorn's 30 s graceful timeout)."""
            listeners = [listener.sock for listener in self.sockets]
            await take_queued(listeners, lambda: gasgi.ASGIProtocol(self))
            for connection in list(self.connections):
                if connection.idle() and not connection.transport.is_closing():
                    connection.transport.close()
            await super()._shutdown()

        def handle_exit_signal(self) -> None:
            """SIGTERM: the graceful shutdown starts now, not when the heartbeat next wakes."""
            if getattr(self, "stopping", False):
                # A second SIGTERM queued behind the first (the master passes on the one its
                # process group received): cancelling again would cut the graceful shutdown
                # short and reset every request still being served (#25).
                return
            self.stopping = True
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
