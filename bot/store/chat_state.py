"""State the chat side keeps: owners, processed deliveries, digest runs, nudges and
conversation references (configuration and bookkeeping, not part of the record)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot import prefectures
from bot.store.connection import utcnow


@dataclass(frozen=True)
class Owner:
    """A user who may append to a project's record: for one project, or a whole section."""

    id: int
    platform: str
    user_id: str
    user_name: str | None
    project_key: str | None
    section: str | None
    added_by: str | None
    added_at: str


@dataclass(frozen=True)
class DigestRun:
    """One week's digest post for one target, as claimed and progressed."""

    week: str
    target: str
    status: str
    claimed_by: str | None
    claimed_at: str
    attempts: int
    message_ts: str | None
    charts_done: int
    posted_at: str | None
    error: str | None
    post_attempted_at: str | None = None  # the first attempt to post the message (m013)


class ChatState:
    """Owners, claims, digest runs, nudges and conversation references."""

    def add_owner(
        self,
        platform: str,
        user_id: str,
        *,
        project_key: str | None = None,
        section: str | None = None,
        user_name: str | None = None,
        added_by: str | None = None,
    ) -> bool:
        """Record an owner of a project or of a section (in this store's prefecture); False if
        already recorded."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO owners (prefecture, platform, user_id, user_name, "
                "project_key, section, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    self.prefecture,
                    platform,
                    user_id,
                    user_name,
                    project_key,
                    section,
                    added_by,
                    utcnow().isoformat(),
                ],
            )
            return cursor.rowcount == 1

    def remove_owner(
        self,
        platform: str,
        user_id: str,
        *,
        project_key: str | None = None,
        section: str | None = None,
    ) -> bool:
        """Remove an ownership (owners are configuration, not part of the record)."""
        with self.transaction() as db:
            cursor = db.execute(
                "DELETE FROM owners WHERE prefecture = ? AND platform = ? AND user_id = ? "
                "AND coalesce(project_key, '') = ? AND coalesce(section, '') = ?",
                [self.prefecture, platform, user_id, project_key or "", section or ""],
            )
            return cursor.rowcount > 0

    def owners(self, platform: str | None = None) -> list[Owner]:
        """Every ownership in this store's prefecture, optionally of one platform."""
        sql = "SELECT * FROM owners WHERE prefecture = ?" + (
            " AND platform = ?" if platform else ""
        )
        params = [self.prefecture] + ([platform] if platform else [])
        with self._reading():
            return [
                Owner(**{k: v for k, v in r.items() if k != "prefecture"})
                for r in self.db.query(sql + " ORDER BY id", params)
            ]

    def claim(self, key: str) -> bool:
        """Claim a delivery id for processing; False if any process claimed it before."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO processed (key, created_at) VALUES (?, ?)",
                [key, utcnow().isoformat()],
            )
            return cursor.rowcount == 1

    # -- weekly digest: claimed once per week and target, across processes --------------

    def claim_digest(
        self,
        week: str,
        target: str,
        owner: str,
        now: datetime,
        lease_seconds: int = 600,
        max_attempts: int = 5,
        gone: Callable[[str | None], bool | None] = lambda owner: None,
    ) -> DigestRun | None:
        """Claim the digest of a week for a target; None if posted, or claimed by a live owner.

        A claim whose owner has ended (`gone` says so from the owner's name) or whose post
        failed is taken over, up to max_attempts: a half-done post is finished, never
        repeated. The lease decides only for an owner `gone` cannot tell about (another
        machine): a clock that jumps past it while a live owner's call is in flight must not
        start a second post.
        """
        target = self._digest_target(target)
        with self.transaction() as db:
            row = db.execute(
                "SELECT * FROM digest_runs WHERE week = ? AND target = ?", [week, target]
            ).fetchone()
            stamp = now.astimezone(UTC).isoformat()
            if row is None:
                db.execute(
                    "INSERT INTO digest_runs (week, target, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)",
                    [week, target, owner, stamp],
                )
            else:
                ended = gone(row["claimed_by"])
                expired = ended is True or (
                    ended is None
                    and datetime.fromisoformat(row["claimed_at"]).timestamp()
                    < now.timestamp() - lease_seconds
                )
                takeover = row["status"] == "failed" or (row["status"] == "claimed" and expired)
                if not takeover or row["attempts"] >= max_attempts:
                    return None
                db.execute(
                    "UPDATE digest_runs SET status = 'claimed', claimed_by = ?, claimed_at = ?, "
                    "attempts = attempts + 1, error = NULL WHERE week = ? AND target = ?",
                    [owner, stamp, week, target],
                )
            return self._digest_run(week, target)

    def _digest_target(self, target: str) -> str:
        """Each prefecture's digest is its own post, even to a channel another one uses."""
        return prefectures.qualify(target, self.prefecture)

    def digest_run(self, week: str, target: str) -> DigestRun | None:
        """The state of one week's digest (of this prefecture) for one target."""
        return self._digest_run(week, self._digest_target(target))

    def _digest_run(self, week: str, stored_target: str) -> DigestRun | None:
        row = self.db.execute(
            "SELECT * FROM digest_runs WHERE week = ? AND target = ?", [week, stored_target]
        ).fetchone()
        return DigestRun(**dict(row)) if row else None

    def digest_progress(self, week: str, target: str, **fields) -> None:
        """Record a step of a claimed digest post: message_ts, charts_done, status, error."""
        allowed = {"message_ts", "charts_done", "status", "posted_at", "error", "post_attempted_at"}
        assert set(fields) <= allowed, fields
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as db:
            db.execute(
                f"UPDATE digest_runs SET {sets} WHERE week = ? AND target = ?",
                [*fields.values(), week, self._digest_target(target)],
            )

    def digest_message_found(self, week: str, target: str, message_ts: str) -> bool:
        """Record a message id that arrived late (after the poster gave up waiting), unless one
        is already recorded; True if it was recorded."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE digest_runs SET message_ts = ? "
                "WHERE week = ? AND target = ? AND message_ts IS NULL",
                [message_ts, week, self._digest_target(target)],
            )
            return cursor.rowcount > 0

    def claim_nudge(self, week: str, platform: str, user_id: str, now: datetime) -> bool:
        """At most one nudge a week per user: True if this one may be sent."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO nudges (week, platform, user_id, sent_at) VALUES (?, ?, ?, ?)",
                [week, platform, user_id, now.astimezone(UTC).isoformat()],
            )
            return cursor.rowcount == 1

    def set_nudges(self, platform: str, user_id: str, enabled: bool) -> None:
        """Turn a user's nudges on or off."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO nudge_prefs (platform, user_id, enabled, changed_at) VALUES (?, ?, ?, ?)",
                [platform, user_id, int(enabled), utcnow().isoformat()],
            )

    def nudges_enabled(self, platform: str, user_id: str) -> bool:
        """Nudges are on unless the user turned them off."""
        row = self.db.execute(
            "SELECT enabled FROM nudge_prefs WHERE platform = ? AND user_id = ?",
            [platform, user_id],
        ).fetchone()
        return True if row is None else bool(row[0])

    # -- conversation references (proactive messages) -----------------------------------

    def save_conversation(
        self, platform: str, conversation_id: str, service_url: str, **fields
    ) -> None:
        """Remember how to reach a conversation later (Teams installs and messages). A team or
        tenant id an activity leaves out keeps the one an earlier activity gave (only install
        events carry a team's AAD group id)."""
        row = {
            "platform": platform,
            "conversation_id": conversation_id,
            "service_url": service_url,
            "conversation_type": fields.get("conversation_type"),
            "tenant_id": fields.get("tenant_id"),
            "user_id": fields.get("user_id"),
            "user_name": fields.get("user_name"),
            "team_id": fields.get("team_id"),
            "team_aad_group_id": fields.get("team_aad_group_id"),
            "updated_at": utcnow().isoformat(),
        }
        kept = ("tenant_id", "team_id", "team_aad_group_id")
        sets = ", ".join(
            f"{k} = coalesce(excluded.{k}, {k})" if k in kept else f"{k} = excluded.{k}"
            for k in row
            if k not in ("platform", "conversation_id")
        )
        with self.transaction() as db:
            db.execute(
                f"INSERT INTO conversations ({', '.join(row)}) "
                f"VALUES ({', '.join('?' for _ in row)}) "
                f"ON CONFLICT (platform, conversation_id) DO UPDATE SET {sets}",
                list(row.values()),
            )

    def team_aad_group_id(self, platform: str, team_id: str) -> str | None:
        """A team's AAD group id as any of its conversations recorded it (the install event
        in the team's first channel), for a channel whose own activities left it out."""
        with self._reading():
            rows = self.db.query(
                "SELECT team_aad_group_id FROM conversations WHERE platform = ? AND team_id = ? "
                "AND team_aad_group_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
                [platform, team_id],
            )
        return rows[0]["team_aad_group_id"] if rows else None

    def conversation(self, platform: str, conversation_id: str) -> dict | None:
        """A remembered conversation."""
        with self._reading():
            rows = self.db.query(
                "SELECT * FROM conversations WHERE platform = ? AND conversation_id = ?",
                [platform, conversation_id],
            )
        return rows[0] if rows else None

    def personal_conversation(self, platform: str, user_id: str) -> dict | None:
        """The one-to-one chat with a user, if they ever talked to the bot."""
        with self._reading():
            rows = self.db.query(
                "SELECT * FROM conversations WHERE platform = ? AND user_id = ? "
                "AND conversation_type = 'personal' ORDER BY updated_at DESC LIMIT 1",
                [platform, user_id],
            )
        return rows[0] if rows else None
