"""One project and what it is in another edition, through the links: the row that
bot/answer/across.py builds and bot/answer/across_lines.py says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models module imports pydantic: not on a one-question process's path
    from bot.models import Project


@dataclass
class Across:
    """One project and what it is in another edition, through the links."""

    project: Project
    other: str  # the other edition's code
    later: bool  # whether the other edition is the newer one (what the project became)
    others: list[Project] = field(default_factory=list)  # the same project there (or its merge)
    kind: str = "absent"  # continued | renamed | taken_over | absent
    evidence: list[str] = field(default_factory=list)  # each link's evidence, as stored
    # Also linked or named there, but not where the project went: said, and uncertain.
    asides: list[tuple[Project, str]] = field(default_factory=list)  # (project, why)
    # An aside that continues an older project of this one's merge: that older project.
    via: dict[str, Project] = field(default_factory=dict)

    def sides(self) -> tuple[list[Project], list[Project]]:
        """(older, newer) projects of the row."""
        return ([self.project], self.others) if self.later else (self.others, [self.project])

    def named_back(self) -> list[Project]:
        """Older projects the newer table names as where part of its work was done."""
        return [o for o, why in self.asides if why == "named"]
