"""A rate printed in a project's text (補助率 最大5分の4, 50%) asked of the project, and asked
across editions (R6版とR7版で変わった？): the value as printed, its sentence, and whether it
changed. Cases are read off the documents: every project printing exactly one rate, and every
project both editions print (same name) with one rate in each.
"""

from __future__ import annotations

import re

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS

RATE = re.compile(r"\d+分の\d+|\d+(?:\.\d+)?\s*[%％]")


def text_of(p) -> str:
    cells = [c.plan or "" for i in p.initiatives for c in i.years.values()] + [
        c.actual or "" for i in p.initiatives for c in i.years.values()
    ]
    return " ".join([p.summary or "", p.achievements or "", *cells])


def rates(p) -> list[str]:
    return RATE.findall(text_of(p))


ONE_RATE = [(e, p) for e in EDITIONS for p in EDITIONS[e] if len(set(rates(p))) == 1]
BOTH = [
    (old, new)
    for old in EDITIONS["R6"]
    for new in EDITIONS["R7"]
    if old.name == new.name and len(set(rates(old))) == 1 and len(set(rates(new))) == 1
]


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def test_the_documents_print_rates():
    assert ONE_RATE and BOTH


def named(edition: str, p) -> str:
    return f"No{p.no}" if p.no is not None else f"{edition}版の{p.name}"


@pytest.mark.parametrize(
    "phrasing",
    ["{ref}の補助率は？", "{ref}って補助率はいくつ？", "What is the subsidy rate of {ref}?"],
)
def test_the_rate_of_a_project(shared, phrasing):
    for edition, p in ONE_RATE:
        answer = ask(shared, phrasing.format(ref=named(edition, p)))
        assert answer.status == "ok", answer.text
        assert rates(p)[0] in answer.text.splitlines()[0], answer.text
        assert [(r.edition, r.name) for r in answer.projects] == [(edition, p.name)]


@pytest.mark.parametrize(
    "phrasing",
    [
        "{name}の補助率、R6版とR7版で変わってますか？",
        "{name}の補助率って、R6とR7で違う？",
        "Did the subsidy rate of {name} change between the R6 and R7 editions?",
    ],
)
def test_a_rate_across_editions(shared, phrasing):
    for old, new in BOTH:
        answer = ask(shared, phrasing.format(name=new.name))
        assert answer.status == "ok", answer.text
        (before,), (after,) = set(rates(old)), set(rates(new))
        lines = answer.text.splitlines()
        assert before in next(x for x in lines if "R6" in x and x.startswith("・")), answer.text
        assert after in next(x for x in lines if "R7" in x and x.startswith("・")), answer.text
        changed = before != after
        assert answer.verdict in (("変わった", "changed") if changed else ("同じ", "the same"))
