"""Progress updates: validate, authorize, append. Nothing is ever overwritten or removed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz

from bot import owners as ownership
from bot.errors import InvalidUpdate, NotAuthorized, ProjectNotFound
from bot.fiscal_year import FiscalYear
from bot.messages import short_ref
from bot.models import ActualEntry, Project
from bot.project_numbers import parse_number
from bot.resolve import resolve
from bot.store import Owner, Store, utcnow
from bot.text import compact, drop_control

MAX_TEXT = 3000
YEAR_TOKEN = re.compile(r"^(?:R\d+|H\d+|令和\S+年度|平成\S+年度|FY\d+|\d{4}年度)$", re.I)
INITIATIVE_TOKEN = re.compile(r"^(?:取組|initiative|#)\s*(\d{1,2})$", re.I)
BRACKETED = re.compile(r"^(?:\[([^\]]+)\]|「([^」]+)」)\s*")


@dataclass(frozen=True)
class Identity:
    """Who is asking: a platform, its user id and a display name."""

    platform: str
    user_id: str
    name: str | None = None

    @property
    def display(self) -> str:
        return self.name or self.user_id


@dataclass(frozen=True)
class UpdateRequest:
    """An update as typed: project reference, optional year and initiative, and the text."""

    reference: str
    fiscal_year: str | None
    initiative: str | None
    text: str


def clean_text(text: str) -> str:
    """User text as stored: control characters dropped, lines kept, ends trimmed."""
    text = drop_control(text or "").replace("\r\n", "\n").strip()
    if not text:
        raise InvalidUpdate("update_empty_text")
    if len(text) > MAX_TEXT:
        raise InvalidUpdate("update_too_long", n=len(text), max=MAX_TEXT)
    return text


def project_number(token: str) -> int | None:
    """No40, No.40, 【No40】, 40番, #40 — or a bare 40."""
    return parse_number(token, bare=True)


def parse_update(args: str) -> UpdateRequest:
    """Read `No40 [R8] [取組1|[label]] text`."""
    args = drop_control(args or "").strip()
    head, _, rest = args.partition(" ")
    if not head or project_number(head) is None:
        raise InvalidUpdate("update_usage")
    year = None
    initiative = None
    rest = rest.strip()
    token, _, after = rest.partition(" ")
    if token and YEAR_TOKEN.match(token.replace("　", "")):
        if FiscalYear.try_parse(token) is None:
            raise InvalidUpdate("update_bad_year", year=token)
        year, rest = token, after.strip()
        token, _, after = rest.partition(" ")
    if token and (m := INITIATIVE_TOKEN.match(token)):
        initiative, rest = m.group(1), after.strip()
    elif m := BRACKETED.match(rest):
        initiative, rest = (m.group(1) or m.group(2)).strip(), rest[m.end() :]
    return UpdateRequest(reference=head, fiscal_year=year, initiative=initiative, text=rest)


def find_project(store: Store, reference: str) -> Project:
    """The latest edition's project with that number, or any project by its key (R6/#3: how
    replies name an unnumbered edition's project, so people can type it back); never a name."""
    project = resolve(store, reference, strictness="exact").project
    if project is None:
        raise ProjectNotFound("update_no_project", reference=reference)
    return project


def owners_of(store: Store, project: Project, platform: str | None = None) -> list[Owner]:
    """Owners of a project: named for it, or owning one of its sections."""
    return ownership.owners_of(store, project, platform)


def owned_projects(store: Store, identity: Identity) -> list[Project]:
    """The latest edition's projects this user may update."""
    return [
        p
        for p in store.projects()
        if any(o.user_id == identity.user_id for o in owners_of(store, p, identity.platform))
    ]


def authorize(store: Store, identity: Identity, project: Project) -> None:
    """Raise NotAuthorized (naming the owners) unless the user owns the project."""
    owners = owners_of(store, project)
    if any(o.platform == identity.platform and o.user_id == identity.user_id for o in owners):
        return
    raise NotAuthorized("update_not_owner", project=short_ref(project), owners=owner_names(owners))


def owner_names(owners: list[Owner]) -> str:
    """Owners as a refusal names them."""
    return ", ".join(sorted({o.user_name or o.user_id for o in owners})) or "-"


def delivery_key(prefix: str, delivery_id: str | None, *identity: str | None) -> str:
    """The dedupe key of a chat delivery: its id (trigger id, event id, view id) when the
    platform sent one; otherwise a digest of who sent what where, so a true retry (the same
    body again) stays one entry while different texts never share a key."""
    if delivery_id:
        return f"{prefix}:{delivery_id}"
    digest = hashlib.sha256("\x1f".join(part or "" for part in identity).encode()).hexdigest()
    return f"{prefix}:body:{digest[:32]}"


def resolve_initiative(project: Project, given: str | None) -> str | None:
    """An initiative by number (取組2) or by (part of) its label; None when not given."""
    if not given:
        return None
    labels = [i.label or f"取組{n}" for n, i in enumerate(project.initiatives, 1)]
    if given.isdigit():
        n = int(given)
        if 1 <= n <= len(labels):
            return labels[n - 1]
    else:
        needle = compact(given)
        scored = [
            (100 if needle in compact(lb) else fuzz.ratio(needle, compact(lb)), lb) for lb in labels
        ]
        best = max(scored, default=(0, ""))
        if best[0] >= 80:
            return best[1]
    choices = " / ".join(f"{n}: {lb}" for n, lb in enumerate(labels, 1)) or "-"
    raise InvalidUpdate("update_unknown_initiative", given=given, choices=choices)


def check_year(project: Project, fiscal_year: str | None, now: datetime) -> str:
    """The fiscal year of an update: given or current; never in the future or before the start."""
    current = FiscalYear.of(now)
    year = FiscalYear.try_parse(fiscal_year) if fiscal_year else current
    if year is None:  # a form's year is chosen from a list: anything else was forged
        raise InvalidUpdate("update_bad_year", year=drop_control(fiscal_year or "")[:20])
    if year > current:
        raise InvalidUpdate("update_future_year", year=year.code, current=current.code)
    start = project.start_year
    if start is not None and year < start:
        raise InvalidUpdate("update_before_start", year=year.code, start=project.start)
    return year.reiwa.code


def append_update(
    store: Store,
    identity: Identity,
    project: Project,
    text: str,
    *,
    fiscal_year: str | None = None,
    initiative: str | None = None,
    channel: str | None = None,
    request_id: str | None = None,
    dedupe_key: str | None = None,
    now: datetime | None = None,
    check_owner: bool = True,
) -> tuple[ActualEntry, bool]:
    """Validate, authorize and append one entry; (entry, created) — created is False on a retry.

    check_owner=False is for operators importing reports from the command line.
    """
    now = now or utcnow()
    text = clean_text(text)
    if check_owner:
        authorize(store, identity, project)
    year = check_year(project, fiscal_year, now)
    label = resolve_initiative(project, initiative)
    entry = ActualEntry(
        project_key=project.key,
        edition=project.edition,
        project_no=project.no,
        fiscal_year=year,
        initiative=label,
        kind="actual",
        text=text,
        author_id=identity.user_id,
        author_name=identity.name,
        platform=identity.platform,
        channel=channel,
        request_id=request_id,
        created_at=now,
    )
    key = dedupe_key or f"{identity.platform}:{identity.user_id}:{request_id or now.isoformat()}"
    return store.append_entry(entry, dedupe_key=key)


def retract(
    store: Store,
    identity: Identity,
    entry_id: int,
    reason: str = "",
    *,
    is_admin: bool = False,
    dedupe_key: str | None = None,
    now: datetime | None = None,
) -> tuple[ActualEntry, ActualEntry]:
    """Append a retraction of an entry; the original stays in the history.

    Read and written in one transaction: of two people retracting the same entry at once, the
    second is told it is already retracted (the store's trigger refuses it in any case)."""
    key = dedupe_key or f"retract:{entry_id}"
    with store.transaction():
        # A platform's delivery sent twice is the same request (its key says so); typed again
        # in the console or the CLI, it is a second retraction and is refused below.
        again = store.entry_by_dedupe(key) if dedupe_key else None
        if again is not None and again.retracts == entry_id:
            original = store.entry(entry_id)
            assert original is not None
            return original, again
        original = store.entry(entry_id)
        if original is None:
            raise InvalidUpdate("retract_no_entry", id=entry_id)
        if original.kind == "retraction":
            raise InvalidUpdate("retract_a_retraction", id=entry_id, of=original.retracts)
        if original.from_document:
            raise InvalidUpdate("retract_document", id=entry_id)
        if original.retracted:
            raise InvalidUpdate("retract_already", id=entry_id)
        project = store.project(original.project_key)
        # The author is a user of the platform the entry came from: the same id elsewhere is not.
        author = original.author_id == identity.user_id and original.platform == identity.platform
        if not is_admin and not author:
            owners = owners_of(store, project) if project is not None else []
            if not any(
                o.platform == identity.platform and o.user_id == identity.user_id for o in owners
            ):
                raise NotAuthorized(
                    "retract_not_allowed",
                    id=entry_id,
                    project=short_ref(project) if project else original.project_key,
                    owners=owner_names(owners),
                )
        retraction = original.retraction(
            drop_control(reason).strip()[:MAX_TEXT] or "retracted",
            author_id=identity.user_id,
            author_name=identity.name,
            platform=identity.platform,
            created_at=now or utcnow(),
        )
        entry, _ = store.append_entry(retraction, dedupe_key=key)
    return original, entry
