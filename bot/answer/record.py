"""Questions about the living record (#27): what was reported in chat, by whom, when, and
what is still missing. Understanding reads them into `Query.record`; this answers them from
the store's reads of the record (bot/store/reports.py) — never with a text search over the
documents — and says in `Answer.computed` what it applied, for the mention check."""

from __future__ import annotations

from bot.answer import record_reports, record_status
from bot.answer.model import Answer
from bot.answer.record_scope import Scope, resolve_scope
from bot.store import Store, utcnow
from bot.understanding import Query

_ANSWERS = {
    "reports": record_reports.reports,
    "projects": record_reports.projects,
    "ranking": record_reports.ranking,
    "reporters": record_reports.reporters,
    "grouped": record_reports.grouped,
    "owners": record_status.owners,
    "missing": record_status.missing,
    "unowned": record_status.unowned,
    "silent": record_status.silent,
}


def answer_record(store: Store, query: Query, edition: str, asker=None) -> Answer:
    """A record question's answer (or the question back when part of it cannot be applied)."""
    scope = resolve_scope(store, query, edition, asker, query.now or utcnow())
    if not isinstance(scope, Scope):
        scope.computed.fields.add("record")
        return scope
    subject = query.record.subject
    if subject == "projects" and scope.named and query.record.more_than is None:
        subject = "reports"  # 小児科オンライン診療 project: named by its words — its reports
    return _ANSWERS[subject](store, query, scope)
