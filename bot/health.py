"""The deep health check: SQLite's integrity check, run at most once a minute per process.

At a million entries one check takes seconds; run per request, eight at once delayed a signed
question by 24 s. So a request never runs it: it reads the last result, and if that is older
than the interval, starts one check in the background (never two at once).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)
INTERVAL = 60.0  # seconds between two integrity checks, whatever the request rate


class DeepHealth:
    """Cached integrity-check results of one store."""

    def __init__(
        self,
        check: Callable[[], str],
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.check = check
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
        try:
            result = self.check()
        except Exception as error:  # a check that cannot run is a failed check
            logger.exception("integrity check failed to run")
            result = type(error).__name__
        with self.lock:
            self.result, self.checked_at = result, self.clock()
            self.finished += 1
            self.done.notify_all()
        if result != "ok":
            logger.error("integrity check: %s", result[:200])

    def wait_checks(self, count: int, timeout: float = 10.0) -> bool:
        """Block until `count` checks have finished (what a caller waits on instead of sleeping)."""
        with self.done:
            return self.done.wait_for(lambda: self.finished >= count, timeout)

    def status(self) -> tuple[bool, str]:
        """(healthy, detail) from the last finished check; starts a new one when due."""
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
        if result is None:
            return True, "ok (integrity check running)"
        return result == "ok", "ok" if result == "ok" else "integrity check failed"
