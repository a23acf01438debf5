"""Owners and what they own: an owner is named for a project, or owns a section (every project
of the latest edition filed under it). One definition for updates, the digest and answers."""

from __future__ import annotations

from bot.models import Project
from bot.store import Owner, Store
from bot.text import compact


def owners_of(store: Store, project: Project, platform: str | None = None) -> list[Owner]:
    """Owners of a project: named for it, or owning one of its sections."""
    return owners_in(store.owners(platform), project)


def owners_in(owners: list[Owner], project: Project) -> list[Owner]:
    """Which of these ownerships cover the project."""
    sections = {compact(s) for s in project.sections}
    return [
        o
        for o in owners
        if o.project_key == project.key or (o.section and compact(o.section) in sections)
    ]


def projects_of(store: Store, user_ids: set[str]) -> list[Project]:
    """The projects these people own: named for them (in any edition) or by section (the
    latest edition's), each once, in number order."""
    owners = [o for o in store.owners() if o.user_id in user_ids]
    found: dict[str, Project] = {}
    for o in owners:
        if o.project_key and (p := store.project(o.project_key)) is not None:
            found.setdefault(p.key, p)
    sections = {compact(o.section) for o in owners if o.section}
    for p in store.projects() if sections else []:
        if sections & {compact(s) for s in p.sections}:
            found.setdefault(p.key, p)
    return sorted(found.values(), key=lambda p: (p.edition, p.no is None, p.no or 0, p.position))
