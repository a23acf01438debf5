"""The deep health check: whether a write would succeed now, and SQLite's integrity check,
run at most once a minute in all.

A write is tried for real (the store's write probe: a committed write and the disk's free
space), at most once a second: it said "ok" while the disk was full and every update failed
(#25). The integrity check is different: at a million entries one takes seconds; run per
request, eight at once delayed a signed question by 24 s. So a request never runs it: it reads
the last result, and if that is older than the interval, starts one refresh in the background
(never two at once). Until a first result exists the answer is not healthy (it said "ok"
before any check had finished, on a corrupt store too). With a shared record (the store:
every worker process serves the same file), the refresh runs the check only in the one process
that claims it; the others read that process's result.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger(__name__)
INTERVAL = 60.0  # seconds between two integrity checks, whatever the request rate
PROBE_INTERVAL = 1.0  # seconds a write probe's result answers for (a fsync each)
POLL = 0.5  # seconds between looks at the shared record while another process checks


class SharedChecks(Protocol):
    """Where processes serving one store agree who checks, and share the result (Store)."""

    def claim_integrity_check(self, interval: float) -> bool: ...
    def record_integrity_check(self, result: str) -> None: ...
    def last_integrity_check(self) -> str | None: ...


class DeepHealth:
    """Cached integrity-check results of one store."""

    def __init__(
        self,
        check: Callable[[], str],
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedChecks | None = None,
        probe: Callable[[bool], str | None] | None = None,
    ) -> None:
        self.check = check
        # None when a write would succeed now, else why not: what is known without writing
        # (each request), and with True a real write too (at most each PROBE_INTERVAL).
        self.probe = probe
        self.probed: tuple[float, str | None] | None = None
        self.probe_lock = threading.Lock()
        self.shared = shared
        self.interval = interval
        self.clock = clock
        self.result: str | None = None  # None until the first check has finished
        self.checked_at: float | None = None
        self.started_at: float | None = None
        self.lock = threading.Lock()
        self.finished = 0  # checks completed so far
        self.done = threading.Condition(self.lock)
        self.wake = threading.Event()
        self.worker: threading.Thread | None = None

    def _loop(self) -> None:
        # One long-lived thread: the store keeps one reader connection per thread.
        while True:
            self.wake.wait()
            self.wake.clear()
            self._run()

    def _run(self) -> None:
        result = self._fresh_result()
        with self.lock:
            if result is not None:
                self.result, self.checked_at = result, self.clock()
            self.finished += 1
            self.done.notify_all()
        if result is not None and result != "ok":
            logger.error("integrity check: %s", result[:200])

    def _fresh_result(self) -> str | None:
        """This minute's result: checked here, or by the process that claimed the check in the
        shared record (waited for in this background thread); None if it never came."""
        if self.shared is None:
            return self._check()
        try:
            mine = self.shared.claim_integrity_check(self.interval)
        except Exception:  # a record that cannot be written: this process checks for itself
            logger.exception("the shared health record cannot be used; checking here")
            return self._check()
        if mine:
            result = self._check()
            try:
                self.shared.record_integrity_check(result)
            except Exception:
                logger.exception("the health check's result could not be shared")
            return result
        waited_until = time.monotonic() + self.interval
        while True:
            try:
                result = self.shared.last_integrity_check()
            except Exception:
                logger.exception("the shared health record cannot be read")
                return None
            if result is not None or time.monotonic() >= waited_until:
                return result
            time.sleep(min(POLL, self.interval))

    def _check(self) -> str:
        try:
            return self.check()
        except Exception as error:  # a check that cannot run is a failed check
            logger.exception("integrity check failed to run")
            return type(error).__name__

    def wait_checks(self, count: int, timeout: float = 10.0) -> bool:
        """Block until `count` checks have finished (what a caller waits on instead of sleeping)."""
        with self.done:
            return self.done.wait_for(lambda: self.finished >= count, timeout)

    def status(self) -> tuple[bool, str]:
        """(healthy, detail): a write tried now, and the last finished integrity check (a new
        one started when due)."""
        with self.lock:
            now = self.clock()
            due = self.started_at is None or now - self.started_at >= self.interval
            if due:
                self.started_at = now
                if self.worker is None:
                    self.worker = threading.Thread(
                        target=self._loop, name="integrity-check", daemon=True
                    )
                    self.worker.start()
                self.wake.set()
            result = self.result
        fault = self._write_fault()
        if fault is not None:
            return False, f"writes fail: {fault}"
        if result is None:
            return False, "integrity check not finished yet"
        return result == "ok", "ok" if result == "ok" else "integrity check failed"

    def _write_fault(self) -> str | None:
        """Why a write would fail now: checked without writing on every request (a fault met,
        the files replaced, the disk full), and by a real write at most each PROBE_INTERVAL
        (a fsync each: a client asking a thousand times a second must not make a thousand)."""
        if self.probe is None:
            return None
        with self.probe_lock:  # requests at the same moment share one probe
            now = self.clock()
            commit = self.probed is None or now - self.probed[0] >= PROBE_INTERVAL
            try:
                fault = self.probe(commit)
            except Exception as error:  # a probe that cannot run is a failed write
                logger.exception("the write probe failed to run")
                fault = type(error).__name__
            if commit:
                self.probed = (now, fault)
            return fault or self.probed[1]  # type: ignore[index]
