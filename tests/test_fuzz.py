"""Hypothesis: no input makes question understanding, answering or command parsing raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters.console import Console
from bot.answer import ask
from bot.commands import SUBCOMMANDS, parse_command
from bot.errors import UserError
from bot.messages import say
from bot.service import Core
from bot.sources import default_sources
from bot.understanding import understand
from bot.updates import Identity, parse_update
from tests.conftest import loaded_copy

# Text that has broken parsers before: SQL and FTS5 syntax, mentions, right-to-left, emoji.
NASTY = [
    '"',
    "*",
    "OR",
    "NEAR(",
    'NEAR("a" "b")',
    "a AND b",
    "'; DROP TABLE entries; --",
    "%_\\",
    "<!channel>",
    "<@U123>",
    "@here",
    "\u202eNo40",
    "\u0645\u0631\u062d\u0628\u0627",
    "😀🎉",
    "\x00\x07",
    "No",
    "No.",
    "【",
    "】",
    "R",
    "令和",
    "FY",
    "999999999999",
    "1億円以上",
    "R99で終わる",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from([*NASTY, "No40", "の", "事業費", "budget", "R7", " "]), max_size=12
    ).map("".join),
    # Long input, 2,000–5,000 characters: varied text repeated to length, drawn in a fraction
    # of the time 5,000 independent characters take (that drawing was most of these tests').
    st.tuples(
        st.text(alphabet=st.characters(codec="utf-8"), min_size=20, max_size=300),
        st.integers(min_value=2000, max_value=5000),
    ).map(lambda p: (p[0] * (p[1] // len(p[0]) + 1))[: p[1]]),
)


@pytest.fixture(scope="module")
def shared_store():
    store = loaded_copy(default_sources())
    store.add_owner("slack", "U1", project_key="R7/No40")
    return store


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_understanding_and_answering_never_raise(shared_store, text):
    query = understand(text)
    assert query.intent in {"fact", "list", "aggregate", "compare", "search", "help", "empty"}
    answer = ask(shared_store, text)
    assert answer.status in {"ok", "not_found", "not_stated", "ambiguous", "clarify"}
    assert answer.text  # the user always gets a reply


@settings(deadline=None)
@given(text=TEXT)
def test_command_parsing_never_raises(text):
    command = parse_command(text)
    assert command.name in SUBCOMMANDS | {"ask", "help"}


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_updates_either_append_or_explain(shared_store, text):
    core = Core(shared_store)
    try:
        parse_update(text)
        core.update(Identity("slack", "U1", "tanaka"), text)
    except UserError as error:
        from bot.messages import error_text

        assert error_text(error)  # every refusal has a sentence


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_console_always_replies(shared_store, text):
    """The console catches everything and apologises: an apology here is a swallowed bug."""
    reply = Console(shared_store).handle(text)
    assert reply.strip()
    assert reply not in {say("error_generic", "ja"), say("error_generic", "en")}, text
