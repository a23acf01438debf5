"""Replies owed to people, durable until sent (m018): put in the transaction that records what
they confirm, taken by one process at a time, marked when sent."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import timedelta

from bot.store.connection import utcnow

MAX_ATTEMPTS = 5  # deliveries that failed (the chat platform unreachable) before giving up


@dataclass(frozen=True)
class Owed:
    """A reply not yet sent: its delivery key, who holds it and since when (epoch seconds)."""

    key: str
    claimed_by: str | None
    claimed_at: float | None
    attempts: int


class Outbox:
    """The outbox table: put, take, done, and what is still owed."""

    def outbox_put(self, key: str, platform: str, payload: dict, owner: str) -> bool:
        """Owe a reply for a delivery, held by `owner`; False when that delivery already has
        one (a platform's retry). Call it inside the transaction that records what it says
        (durable when it records an update; a question's answer may be relaxed)."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO outbox (key, platform, payload, created_at, claimed_by, claimed_at) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE key = ?)",
                [
                    key,
                    platform,
                    json.dumps(payload, ensure_ascii=False),
                    utcnow().isoformat(),
                    owner,
                    time.time(),
                    key,
                ],
            )
            return cursor.rowcount == 1

    def outbox_known(self, key: str) -> bool:
        """Whether a delivery already has its reply owed or sent (read without a write lock)."""
        with self._reading():
            row = self.db.execute("SELECT 1 FROM outbox WHERE key = ?", [key]).fetchone()
        return row is not None

    def outbox_owed(self, platform: str) -> list[Owed]:
        """Replies of a platform not yet sent, oldest first."""
        with self._reading():
            rows = self.db.execute(
                "SELECT key, claimed_by, claimed_at, attempts FROM outbox "
                "WHERE platform = ? AND sent_at IS NULL ORDER BY created_at",
                [platform],
            ).fetchall()
        return [Owed(*row) for row in rows]

    def outbox_take(self, owed: Owed, owner: str) -> dict | None:
        """Hold a reply that is owed, if nobody took it since it was listed; its payload."""
        with self.transaction(durable=False) as db:
            row = db.execute(
                "UPDATE outbox SET claimed_by = ?, claimed_at = ? WHERE key = ? "
                "AND sent_at IS NULL AND claimed_by IS ? AND claimed_at IS ? RETURNING payload",
                [owner, time.time(), owed.key, owed.claimed_by, owed.claimed_at],
            ).fetchall()  # stepped to its end: a statement still open would block COMMIT
        return json.loads(row[0][0]) if row else None

    def outbox_done(self, key: str, error: str | None = None) -> None:
        """The reply was sent (or told another way): it is owed no more. Not waited for on
        disk: after a power cut the reply may be sent again, never lost."""
        with self.transaction(durable=False) as db:
            db.execute(
                "UPDATE outbox SET sent_at = ?, payload = '', error = ? WHERE key = ?",
                [utcnow().isoformat(), error, key],
            )

    def outbox_failed(self, key: str, error: str) -> bool:
        """A delivery that could not be made (the platform unreachable): released for a later
        attempt, or given up after MAX_ATTEMPTS; True when it will be tried again."""
        with self.transaction(durable=False) as db:
            row = db.execute(
                "UPDATE outbox SET attempts = attempts + 1, claimed_by = NULL, claimed_at = NULL, "
                "error = ? WHERE key = ? AND sent_at IS NULL RETURNING attempts",
                [error, key],
            ).fetchall()
            if row and row[0][0] >= MAX_ATTEMPTS:
                db.execute(
                    "UPDATE outbox SET sent_at = ?, payload = '' WHERE key = ?",
                    [utcnow().isoformat(), key],
                )
                return False
        return bool(row)

    def outbox_prune(self, keep: timedelta = timedelta(days=7)) -> int:
        """Forget replies sent longer ago than `keep` (a retry never comes that late)."""
        with self.transaction(durable=False) as db:
            cursor = db.execute(
                "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?",
                [(utcnow() - keep).isoformat()],
            )
            return cursor.rowcount
