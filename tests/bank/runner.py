"""Asking the bank's questions: a store with both documents, and for the chat-record class the
scenario's owners, updates and retractions made through the product's own update path, each at
its own time. Questions are asked as the scenario's asker, at the question's clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tests.bank.checker import Grade, Question, grade, scenarios, when


def _project(store, ref: dict):
    """A bank project reference: R7 by number, R6 by its printed name."""
    from bot.text import compact

    if ref.get("no") is not None:
        return store.project(f"{ref['edition']}/No{int(ref['no'])}")
    want = compact(ref["name"])
    return next((p for p in store.projects(ref["edition"]) if compact(p.name) == want), None)


def build_scenario(store, scenario: dict) -> dict[str, str]:
    """Apply a scenario's owners, updates and retractions; the names of its people by id."""
    from bot import updates
    from bot.updates import Identity

    names: dict[str, str] = {}
    for owner in scenario.get("owners", []):
        project = _project(store, owner["project"])
        names[owner["user"]] = owner.get("name") or owner["user"]
        store.add_owner(
            owner.get("platform", "slack"),
            owner["user"],
            project_key=project.key,
            user_name=owner.get("name"),
        )
    entry_ids: dict[str, int] = {}
    platforms: dict[str, str] = {}  # where each update was made
    for u in scenario.get("updates", []):
        project = _project(store, u["project"])
        who = Identity(u.get("platform", "slack"), u["user"], u.get("name"))
        names.setdefault(u["user"], u.get("name") or u["user"])
        initiative = str(u["initiative"]) if u.get("initiative") else None
        entry, _ = updates.append_update(
            store,
            who,
            project,
            u["text"],
            fiscal_year=u.get("year"),
            initiative=initiative,
            now=when(u["at"]),
        )
        entry_ids[u["id"]] = entry.id
        platforms[u["id"]] = who.platform
    for r in scenario.get("retractions", []):
        # A retraction names no platform when it is made where the update was (#28: the
        # author is a user of the entry's platform, not the same id on another one).
        platform = r.get("platform") or platforms[r["update"]]
        who = Identity(platform, r["user"], names.get(r["user"]))
        updates.retract(store, who, entry_ids[r["update"]], r.get("reason", ""), now=when(r["at"]))
    return names


def run(questions: Iterable[Question], fresh_store: Callable[[], object]) -> Iterator[Grade]:
    """Grade each question, asked of a fresh store (one per scenario, shared by its questions)."""
    from bot.answer import ask
    from bot.updates import Identity

    stores: dict[str | None, tuple[object, dict[str, str]]] = {}
    known = scenarios()
    for q in questions:
        if q.scenario not in stores:
            store = fresh_store()
            names = build_scenario(store, known[q.scenario]) if q.scenario else {}
            stores[q.scenario] = (store, names)
        store, names = stores[q.scenario]
        now = when(known[q.scenario].get("now", q.now) if q.scenario else q.now)
        asker = Identity("slack", q.asker, names.get(q.asker)) if q.asker else None
        try:
            answer = ask(store, q.text, now=now, asker=asker)
        except Exception as error:  # a crash is a wrong answer, with its reason
            yield Grade(q, "wrong", [f"raised {type(error).__name__}: {error}"], "error", "")
            continue
        yield grade(q, answer)
