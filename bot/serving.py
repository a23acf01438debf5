"""What every server does before it serves: hold its store alone and check its port (#25).

A second `roadmap serve` on the same port started silently (each worker listens with
SO_REUSEPORT, which lets any process join) and took a share of the traffic into whatever store
it opened; two servers on one store each thought their outbox and digest schedule their own.
So a server first locks a file beside its store (`roadmap.db-server`, flock: released by the
kernel whatever ends the process, kill -9 included) and writes who it is there; then it binds
the port once without SO_REUSEPORT, which fails while anyone listens on it. Either refusal
names the process that holds it.

The lock's holder is one server: the master process and the workers it forks share it (a
fork inherits the locked file), and `roadmap run` serving Slack and Teams takes it once for
both. A start makes a new generation: replies owed by an earlier generation are orphans the
new server delivers (bot/store/outbox.py).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.errors import CommandError

logger = logging.getLogger(__name__)
LOCK_SUFFIX = "-server"  # beside SQLite's own -wal and -shm
LEASE_SECONDS = 300.0  # a reply held this long by a live worker of this server is retried


@dataclass
class Serving:
    """This server's hold on its store: the generation it started, and the locked file."""

    generation: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    lock: IO[str] | None = None

    def owner(self) -> str:
        """Who holds a reply while sending it: this generation and this process (a worker)."""
        return f"{self.generation}:{os.getpid()}"

    def orphaned(self, holder: str | None, held_since: float | None) -> bool:
        """Whether a reply held by `holder` is left behind: by an earlier server (none runs:
        this one holds the store), a worker of this one that died, or for longer than a lease."""
        if not holder:
            return True
        generation, _, pid = holder.partition(":")
        if generation != self.generation or not pid.isdigit():
            return True
        if held_since is not None and time.time() - held_since > LEASE_SECONDS:
            return True
        return int(pid) != os.getpid() and not alive(int(pid))

    def release(self) -> None:
        """Let the store go (the kernel does it anyway when the process ends)."""
        if self.lock is not None:
            self.lock.close()
            self.lock = None


def alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def process_token(pid: int | None = None) -> str:
    """`host:pid:start`: a running process, told apart from a later one given the same pid (its
    start time since boot, where /proc says it)."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}:{pid}:{_started(pid) or ''}"


def process_gone(token: str | None) -> bool | None:
    """Whether the process a token names has ended: True, False, or None when this machine
    cannot tell (another host, a token of another form)."""
    parts = (token or "").split(":")
    if len(parts) != 3 or not parts[1].isdigit() or parts[0] != socket.gethostname():
        return None
    pid = int(parts[1])
    if not alive(pid):
        return True
    started = _started(pid)
    return bool(parts[2] and started and parts[2] != started)  # its pid now names another


def describe_process(token: str) -> str:
    """`pid 4321` (on another host: `pid 4321 on web-2`) for a process token."""
    parts = token.split(":")
    if len(parts) != 3:
        return token or "?"
    host = "" if parts[0] == socket.gethostname() else f" on {parts[0]}"
    return f"pid {parts[1]}{host}"


def _started(pid: int) -> str | None:
    """When a process started, in clock ticks since boot (Linux /proc; None elsewhere)."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[19]  # field 22, counted after the command's name


def hold_store(db_path: Path, what: str, port: int | None = None) -> Serving:
    """Lock the store for this server, or CommandError naming the process that serves it."""
    try:
        import fcntl
    except ImportError:  # Windows: one waitress process, no second one guarded against
        return Serving()
    target = Path(os.path.realpath(db_path))  # another path to the same file is the same store
    lock_path = Path(f"{target}{LOCK_SUFFIX}")
    try:
        handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 (held while serving)
    except OSError as error:
        # A folder this process may not write: SQLite could not write the store either; the
        # start-up check of writes says so. Nothing to lock with.
        logger.warning("cannot lock %s (%s): a second server is not kept out", lock_path, error)
        return Serving()
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            handle.close()
            raise
        handle.seek(0)
        holder = describe(handle.read())
        handle.close()
        raise CommandError("serve_store_taken", path=db_path, holder=holder) from None
    handle.seek(0)
    handle.truncate()
    handle.write(
        json.dumps(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "command": " ".join(["roadmap", *sys.argv[1:]])[:200] or what,
                "serves": what,
                "port": port,
                "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            },
            ensure_ascii=False,
        )
    )
    handle.flush()
    return Serving(lock=handle)


def describe(recorded: str) -> str:
    """The holder as its lock file records it: `pid 4321 (roadmap serve slack, port 3000)`."""
    try:
        data = json.loads(recorded)
    except ValueError:
        return "?"
    where = "" if data.get("host") == socket.gethostname() else f" on {data.get('host')}"
    port = f", port {data['port']}" if data.get("port") else ""
    return f"pid {data.get('pid')}{where} ({data.get('command') or data.get('serves')}{port})"


def check_port(port: int, host: str = "0.0.0.0") -> None:
    """Refuse a port another process listens on (CommandError naming it, when it can be
    found). Bound once without SO_REUSEPORT: that fails while any socket listens there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # Connections of an earlier server still in TIME_WAIT do not hold the port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise CommandError("serve_port_taken", port=port, holder=listener(port)) from None


def listener(port: int) -> str:
    """`pid 4321 (roadmap serve slack --port 3000)`: the process listening on a port, as far as
    /proc shows it (Linux; another user's processes may be hidden), else `?`."""
    inodes = set()
    wanted = f":{port:04X}"
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        with contextlib.suppress(OSError):
            for line in table.read_text().splitlines()[1:]:
                parts = line.split()
                if parts[1].endswith(wanted) and parts[3] == "0A":  # 0A: LISTEN
                    inodes.add(f"socket:[{parts[9]}]")
    pids = []
    for entry in Path("/proc").iterdir() if inodes else ():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if any(os.readlink(fd) in inodes for fd in (entry / "fd").iterdir()):
                pids.append(int(entry.name))
    if not pids:
        return "?"
    first = min(pids)  # a server's master starts before its workers
    with contextlib.suppress(OSError):
        argv = (Path("/proc") / str(first) / "cmdline").read_bytes().split(b"\0")
        command = " ".join(a.decode(errors="replace") for a in argv if a)[:200]
        return f"pid {first} ({command})"
    return f"pid {first}"
