"""The roadmap's places for a word, searched once per message: a question's readers ask the
store the same word again (is it printed? which projects? is it printed anywhere?), and a
two-character word is a scan of the prefecture's rows each time. The store does not change
while one message is answered, so its answers are kept for that message only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from bot.store import Store
from bot.store.reads import SearchHit

_KEPT: ContextVar[dict | None] = ContextVar("searched", default=None)


def search(
    store: Store, words: str, edition: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """store.search, kept for the message being answered (when one is)."""
    kept = _KEPT.get()
    if kept is None:
        return store.search(words, edition, limit)
    key = (id(store), words, edition, limit)
    if key not in kept:
        kept[key] = store.search(words, edition, limit)
    return kept[key]


@contextmanager
def one_message() -> Iterator[None]:
    """Keep the searches of one message while it is answered; forget them after."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)
