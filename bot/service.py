"""The core as the chat adapters see it: one object, plain data in and out."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot import messages as m
from bot import updates
from bot.answer import Answer, ask
from bot.errors import InvalidUpdate, NotAuthorized, ProjectNotFound, UserError
from bot.models import ActualEntry, Project
from bot.project_numbers import is_project_reference
from bot.settings import Settings
from bot.store import DocumentInfo, Owner, Store, utcnow
from bot.text import drop_control
from bot.updates import Identity

logger = logging.getLogger(__name__)


@dataclass
class UpdateResult:
    """An appended entry (or the one a retry had already appended) and its project."""

    entry: ActualEntry
    project: Project
    created: bool


@dataclass
class History:
    """A project's whole record, oldest first, retractions included."""

    # None when a revised document of its edition left the project out (#14): its record
    # stays, and is shown saying so.
    project: Project | None
    entries: list[ActualEntry] = field(default_factory=list)
    no: int | None = None
    edition: str = ""
    key: str = ""

    @property
    def gone(self) -> bool:
        """The project is no longer in its edition."""
        return self.project is None

    @property
    def label(self) -> str:
        """`No40 name` (`R6/#3 name` unnumbered), or `No124` for a project that is gone (its
        name went with it)."""
        return m.project_label(self.no, self.key, self.project.name if self.project else None)


class Core:
    """Question answering, updates, history and ownership over one store."""

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        clock: Callable[[], datetime] = utcnow,
        operators: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.clock = clock
        # (platform, user id) of the people who run this store themselves (the console's
        # operator): admins who may also record for any project.
        self.operators = operators

    def ask(self, text: str, asker: Identity | None = None) -> Answer:
        """Answer a question asked now (by `asker`, for questions about their own record)."""
        return ask(self.store, text, now=self.clock(), asker=asker)

    def is_operator(self, identity: Identity) -> bool:
        """One of the people who run this store (they own every project)."""
        return (identity.platform, identity.user_id) in self.operators

    def is_admin(self, identity: Identity) -> bool:
        """Admins (ROADMAP_ADMINS) and operators may manage owners."""
        return self.is_operator(identity) or identity.user_id in self.settings.admins

    def update(
        self,
        identity: Identity,
        args: str,
        *,
        channel: str | None = None,
        request_id: str | None = None,
        dedupe_key: str | None = None,
    ) -> UpdateResult:
        """`update No40 [R8] [取組1] text` from a chat line."""
        request = updates.parse_update(args)
        project = updates.find_project(self.store, request.reference)
        return self.submit_update(
            identity,
            project,
            request.text,
            fiscal_year=request.fiscal_year,
            initiative=request.initiative,
            channel=channel,
            request_id=request_id,
            dedupe_key=dedupe_key,
        )

    def submit_update(
        self,
        identity: Identity,
        project: Project,
        text: str,
        *,
        fiscal_year: str | None = None,
        initiative: str | None = None,
        channel: str | None = None,
        request_id: str | None = None,
        dedupe_key: str | None = None,
    ) -> UpdateResult:
        """Append an update to a project (from a form or a parsed line)."""
        entry, created = updates.append_update(
            self.store,
            identity,
            project,
            text,
            fiscal_year=fiscal_year,
            initiative=initiative,
            channel=channel,
            request_id=request_id,
            dedupe_key=dedupe_key,
            now=self.clock(),
            check_owner=not self.is_operator(identity),
        )
        if created:
            logger.info("entry %s appended to %s by %s", entry.id, project.key, identity.user_id)
        return UpdateResult(entry, project, created)

    def history(self, reference: str) -> History:
        """Every entry of a project of the latest edition, or of one a revised document of it
        left out (its record is never lost: history shows it, saying it is gone)."""
        return project_history(self.store, reference)

    def retract(
        self, identity: Identity, args: str, dedupe_key: str | None = None
    ) -> tuple[ActualEntry, ActualEntry]:
        """`retract 12 [reason]`: append a retraction of entry 12."""
        head, _, reason = (args or "").strip().partition(" ")
        m = re.fullmatch(r"#?(\d{1,9})", head)
        if not m:
            raise InvalidUpdate("retract_usage")
        return updates.retract(
            self.store,
            identity,
            int(m.group(1)),
            reason,
            is_admin=self.is_admin(identity),
            dedupe_key=dedupe_key,
            now=self.clock(),
        )

    def my_projects(self, identity: Identity) -> list[Project]:
        """Projects of the latest edition this user may update."""
        return updates.owned_projects(self.store, identity)

    def project(self, key: str) -> Project | None:
        """A project by its key (R7/No40)."""
        return self.store.project(key)

    def add_owner(
        self, admin: Identity, user_id: str, target: str, user_name: str | None = None
    ) -> tuple[str, bool]:
        """Admins only: make a user owner of `No40` or of a section; returns what and whether new."""
        if not self.is_admin(admin):
            raise NotAuthorized("admin_only")
        return add_owner(
            self.store, admin.platform, user_id, target, user_name, added_by=admin.user_id
        )

    def remove_owner(self, admin: Identity, user_id: str, target: str) -> tuple[str, bool]:
        """Admins only: take an ownership away; returns what and whether there was one."""
        if not self.is_admin(admin):
            raise NotAuthorized("admin_only")
        return remove_owner(self.store, admin.platform, user_id, target)

    def owners(self) -> list[Owner]:
        """Every ownership."""
        return self.store.owners()

    def documents(self, admin: Identity) -> list[DocumentInfo]:
        """Admins only: the loaded documents (#14; bot.sources.documents_text renders them)."""
        if not self.is_admin(admin):
            raise NotAuthorized("admin_only")
        return self.store.documents()


def project_history(
    store: Store,
    reference: str,
    find: Callable[[Store, str], Project] = updates.find_project,
) -> History:
    """`No40`'s whole record (chat and CLI): a project of the latest edition (as `find` names
    it), else one that a revised document left out; find's error when neither."""
    try:
        project = find(store, reference)
    except UserError:
        number = updates.project_number(reference)
        gone = [k for k, no in store.gone_projects().items() if number and no == number]
        if not gone:
            raise
        entries = store.entries(gone[0])
        return History(None, entries, number, entries[0].edition, gone[0])
    return History(project, store.entries(project.key), project.no, project.edition, project.key)


def add_owner(
    store: Store,
    platform: str,
    user_id: str,
    target: str,
    user_name: str | None = None,
    added_by: str | None = None,
) -> tuple[str, bool]:
    """Ownership of `No40` (a project of the latest edition) or of a section by name."""
    user_id = checked_user_id(user_id)
    label, project_key, section = _owner_target(store, target)
    created = store.add_owner(
        platform,
        user_id,
        project_key=project_key,
        section=section,
        user_name=drop_control(user_name).strip() or None if user_name else None,
        added_by=added_by,
    )
    return label, created


def checked_user_id(user_id: str) -> str:
    """A chat user id as stored: refused when blank (or only punctuation, as `""` typed in the
    console) or holding spaces or control characters (an owner nobody can ever be, or one that
    corrupts every listing it appears in)."""
    cleaned = (user_id or "").strip()
    if not any(ch.isalnum() for ch in cleaned) or any(
        ch.isspace() or unicodedata.category(ch).startswith(("C", "Z")) for ch in cleaned
    ):
        raise InvalidUpdate("owners_bad_user_id", user_id=ascii(cleaned)[1:-1][:40])
    return cleaned


def _owner_target(store: Store, target: str) -> tuple[str, str | None, str | None]:
    """(label, project_key, section) for `No40` or a section name."""
    target = target.strip()
    if is_project_reference(target) or target.startswith(("【", "[")):
        project = updates.find_project(store, target)
        return m.entry_project(project.no, project.key), project.key, None
    sections = {s for p in store.projects() for s in p.sections}
    if target not in sections:
        raise ProjectNotFound("owners_unknown_target", target=target)
    return target, None, target


def remove_owner(store: Store, platform: str, user_id: str, target: str) -> tuple[str, bool]:
    """Remove the ownership of `No40` or of a section."""
    label, project_key, section = _owner_target(store, target)
    return label, store.remove_owner(platform, user_id, project_key=project_key, section=section)
