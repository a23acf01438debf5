"""Conditions said the many ways office staff say them (blind sets H9/H10): a cell left empty
(書いてない, 何も書かれてない, missing), every project in budget order (大きい順に並べて, rank
them by budget), a year followed by "by department", "now" set against the older edition, a
follow-up 「今は？」, the asker's own plan beside the question (あとで課長に報告します), and the
top N of the largest cuts between editions.

Expected values come from the documents' own lines (tests/document_lines.py); none is
computed with the answering code."""

from __future__ import annotations

import pytest

from bot.answer import ask
from bot.answer.selection import vocabulary_for
from bot.understanding import understand
from tests.document_lines import PRINTED, Printed, departments


def positions(store, answer, edition: str) -> list[int]:
    """The printed blocks (by position) an answer lists of one edition, in its order."""
    return [
        store.project(r.key).position for r in answer.projects if r.edition == edition and r.key
    ]


def of(edition: str) -> list[Printed]:
    return [p for p in PRINTED if p.edition == edition]


def no_end(p: Printed) -> bool:
    return p.row.end in (None, "未定")


# -- a cell left empty ---------------------------------------------------------------------
EMPTY_JA = [
    "{f}が書いてない",
    "{f}が書かれていない",
    "{f}に何も書かれてない",
    "{f}が記載されていない",
    "{f}の記載がない",
    "{f}が空欄の",
    "{f}が載ってない",
]


@pytest.mark.parametrize("way", EMPTY_JA)
@pytest.mark.parametrize("edition", ["R6", "R7"])
def test_an_end_year_not_printed_however_it_is_said(shared, way, edition):
    said = way.format(f="事業終期")
    answer = ask(shared, f"{edition}版で{said}事業はどれ？")
    expected = [p.row.position for p in of(edition) if no_end(p)]
    assert answer.status == "ok", answer.text
    assert sorted(positions(shared, answer, edition)) == expected, answer.text


@pytest.mark.parametrize("way", EMPTY_JA)
def test_achievements_not_printed_however_it_is_said(shared, way):
    answer = ask(shared, f"{way.format(f='主な取組実績')}事業はどれ？(R7版)")
    expected = [p.row.position for p in of("R7") if p.achievements_blank]
    assert answer.status == "ok", answer.text
    assert sorted(positions(shared, answer, "R7")) == expected, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Which R7 projects are missing an end year?",
        "R7 projects lacking an end year",
        "list the R7 edition projects with no end year",
    ],
)
def test_an_end_year_missing_in_english(shared, question):
    answer = ask(shared, question)
    assert sorted(positions(shared, answer, "R7")) == [
        p.row.position for p in of("R7") if no_end(p)
    ]


@pytest.mark.parametrize(
    "left_out", ["ものは数えないでください", "ものは除いて", "ものは含めないで", "事業は対象外で"]
)
@pytest.mark.parametrize("code", ["R7", "R8", "R10"])
def test_projects_with_no_end_left_out(shared, left_out, code):
    answer = ask(shared, f"R7版で事業終期が{code}じゃない事業は？終期が書かれてない{left_out}")
    expected = [p.row.position for p in of("R7") if not no_end(p) and p.row.end != code]
    assert answer.status == "ok", answer.text
    assert sorted(positions(shared, answer, "R7")) == expected, answer.text


def test_a_plan_missing_from_the_actuals_is_no_empty_cell():
    """「R6の目標にあったのに実績に載ってない」 compares a plan with its result: no filter of
    projects whose 実績 is empty."""
    from bot.sources import default_sources
    from tests.conftest import loaded_copy

    store = loaded_copy(default_sources())
    query = understand(
        "No24で、R6の目標にあったのに実績に載ってない項目ってあります？", vocabulary_for(store)
    )
    assert not [f for f in query.filters if f.kind == "empty"]


# -- every project in budget order ---------------------------------------------------------
GROUPS = sorted(
    {("department", d) for p in of("R7") for d in departments(p)}
    | {("category", p.row.category) for p in of("R7")}
)
ORDERS = [
    ("{g}の事業を予算の大きい順に並べて", False),
    ("{g}の事業、事業費が小さい順に教えて", True),
    ("rank the {g} projects by budget, biggest first", False),
    ("sort the projects of {g} by budget, smallest first", True),
    ("order {g}'s projects by their budget in descending order", False),
    ("list the {g} projects by budget, lowest first", True),
]


def members(kind: str, value: str) -> list[Printed]:
    return [
        p
        for p in of("R7")
        if (value in departments(p) if kind == "department" else p.row.category == value)
    ]


@pytest.mark.parametrize("phrasing, smallest", ORDERS)
def test_every_project_of_a_group_in_budget_order(shared, phrasing, smallest):
    wrong = []
    for kind, value in GROUPS:
        held = members(kind, value)
        if len(held) < 2:
            continue
        answer = ask(shared, phrasing.format(g=value))
        ranked = sorted(held, key=lambda p: p.row.budget, reverse=not smallest)
        expected = [p.row.position for p in ranked]
        if answer.status != "ok" or positions(shared, answer, "R7") != expected:
            wrong.append((value, answer.status, answer.text[:120]))
    assert not wrong, wrong


# -- a year followed by "by …" ---------------------------------------------------------------
ENDS = sorted({p.row.end for p in of("R7") if not no_end(p)})


@pytest.mark.parametrize("code", ENDS)
@pytest.mark.parametrize("after", ["by department", "by section", "by category", "by budget"])
def test_by_after_a_year_is_no_deadline(shared, code, after):
    query = understand(f"projects ending in {code} {after}", vocabulary_for(shared))
    ends = [(f.op, f.value) for f in query.filters if f.kind == "end"]
    assert ends == [("eq", code)], query.filters


@pytest.mark.parametrize("code", ENDS)
def test_by_before_a_year_is_a_deadline(shared, code):
    query = understand(f"projects ending by {code}", vocabulary_for(shared))
    assert [(f.op, f.value) for f in query.filters if f.kind == "end"] == [("le", code)]


# -- now, against the older edition ----------------------------------------------------------
SAME_NAME = [
    (old, new)
    for old in of("R6")
    for new in of("R7")
    if old.row.name == new.row.name and old.row.sections and new.row.sections
]


@pytest.mark.parametrize(
    "phrasing",
    [
        "{name}のR6版での担当課は？今は？",
        "{name}、R6版の担当課と今の担当課を教えて",
        "Which section ran {name} in the R6 edition, and which runs it now?",
        "{name}: section in the R6 edition vs now?",
    ],
)
def test_now_beside_the_older_edition_is_the_latest(shared, phrasing):
    assert len(SAME_NAME) >= 10  # the documents continue most projects under their names
    wrong = []
    for old, new in SAME_NAME:
        answer = ask(shared, phrasing.format(name=new.row.name))
        said = answer.text
        shown = {r.edition for r in answer.projects}
        if answer.status != "ok" or shown != {"R6", "R7"}:
            wrong.append((new.row.name, answer.status, said[:120]))
        elif not all(s in said for s in old.row.sections + new.row.sections):
            wrong.append((new.row.name, "sections", said[:160]))
    assert not wrong, wrong


@pytest.mark.parametrize(
    "question",
    ["R6版の事業で今も続いているのは？", "which R6 edition projects are still running now?"],
)
def test_still_running_now_is_no_second_edition(shared, question):
    assert understand(question, vocabulary_for(shared)).compared in ([], None)


# -- the asker's own plan beside the question ------------------------------------------------
OWN_PLANS = [
    "あとで課長に報告します！",
    "部長に共有しておきます。",
    "確認して連絡します〜",
    "I'll pass it on to my boss.",
    "Thanks, I will share this with the team!",
]


@pytest.mark.parametrize("plan", OWN_PLANS)
def test_the_askers_own_plan_changes_nothing(shared, plan):
    wrong = []
    for p in of("R7"):
        if p.row.no is None:
            continue
        for question in (f"No{p.row.no}の担当課は？", f"No{p.row.no}の事業費は？"):
            alone = ask(shared, question)
            beside = ask(shared, f"{question}{plan}")
            if (beside.status, beside.text) != (alone.status, alone.text):
                wrong.append((question, beside.status, beside.text[:100]))
    assert not wrong, wrong


# -- the top N of the largest cuts and rises -------------------------------------------------
@pytest.mark.parametrize(
    "phrasing",
    [
        "Which {n} projects had the biggest budget cuts from the R6 edition to the R7 edition?",
        "R6版からR7版で予算が一番減った{n}事業は？",
        "Which {n} projects had the largest budget increases from the R6 edition to the R7 edition?",
    ],
)
@pytest.mark.parametrize("n", [2, 3])
def test_the_top_n_of_the_largest_moves(shared, phrasing, n):
    first = ask(shared, phrasing.format(n="").replace("  ", " "))
    several = ask(shared, phrasing.format(n=n))
    assert several.status == "ok", several.text
    r7 = [r.key for r in several.projects if r.edition == "R7"]
    assert len(r7) == n, several.text
    assert r7[0] == next(r.key for r in first.projects if r.edition == "R7"), several.text


# -- an English term typed with its words run together (rideshare, teleicu) ------------------
@pytest.mark.parametrize(
    "key", sorted(k for k in __import__("bot.glossary", fromlist=["GLOSSARY"]).GLOSSARY if " " in k)
)
def test_a_glossary_term_run_together_reads_as_spaced(shared, key):
    """「ride share」 and 「rideshare」 name one term: never an error, and the
    roadmap's word for it is read (as a word searched, or as the group it names)."""
    from bot.glossary import GLOSSARY

    vocab = vocabulary_for(shared)
    for said in (key.replace(" ", ""),):
        joined = understand(f"projects about {said}", vocab)
        read = " ".join(joined.search_terms + [str(f.value) for f in joined.filters])
        assert GLOSSARY[key].lower() in read.lower() or joined.filters, (said, joined.search_terms)


# -- an office said short ----------------------------------------------------------------------
# What people call them, written by hand; the offices each names, from the documents' lines.
SHORT = {
    "健福部": ("department", {"健康医療福祉部", "健康福祉部"}),
    "DX課": ("section", {"DX推進課"}),
    "県土部": ("department", {"県土整備部"}),
    "農水部": ("department", {"農林水産部"}),
    "教委": ("department", {"教育庁"}),
    "県教委": ("department", {"教育庁"}),
}


@pytest.mark.parametrize("short", sorted(SHORT))
@pytest.mark.parametrize("phrasing", ["{s}の事業は？", "{s}の事業、R7予算の合計", "{s}以外の事業"])
def test_an_office_said_short(shared, short, phrasing):
    kind, offices = SHORT[short]
    held = [
        p
        for p in of("R7")
        if (set(departments(p)) if kind == "department" else set(p.row.sections)) & offices
    ]
    assert held, short  # the documents print these offices
    answer = ask(shared, phrasing.format(s=short))
    assert answer.status == "ok", answer.text
    listed = set(positions(shared, answer, "R7"))
    expected = {p.row.position for p in held}
    if "以外" in phrasing:
        expected = {p.row.position for p in of("R7")} - expected
    assert listed == expected, answer.text


# -- a year said before a budget word labels the budget ---------------------------------------
@pytest.mark.parametrize("year", ["R7", "令和7年度", "FY2025", "2025年度"])
@pytest.mark.parametrize(
    "phrasing",
    ["No{n}の事業終期と{y}の事業費", "end year and {y} budget of No{n}", "No{n}の{y}予算と始期"],
)
def test_a_year_before_a_budget_is_no_start_or_end(shared, year, phrasing):
    vocab = vocabulary_for(shared)
    for p in of("R7"):
        if p.row.no is None:
            continue
        query = understand(phrasing.format(n=p.row.no, y=year), vocab)
        assert not [f for f in query.filters if f.kind in ("start", "end")], query.filters


# -- the same question asked of two things said together ---------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "特定家畜伝染病防疫システム、委託契約の締結と全機能の構築完了はそれぞれいつ？",
            [
                "特定家畜伝染病防疫システム、委託契約の締結はいつ？",
                "特定家畜伝染病防疫システム、全機能の構築完了はいつ？",
            ],
        ),
        ("No40とNo41はそれぞれいつ終わる？", ["No40とNo41はそれぞれいつ終わる？"]),  # targets
        ("教育庁と警察本部はそれぞれ何件？", ["教育庁と警察本部はそれぞれ何件？"]),  # groups
    ],
)
def test_two_things_each_asked(text, expected):
    from bot.understanding.parts import parts

    assert parts(text) == expected


# -- an end said not to fall in a year --------------------------------------------------------
@pytest.mark.parametrize("code", ENDS)
@pytest.mark.parametrize(
    "phrasing", ["{c}で終わらない事業", "{c}にendしない事業だけ出して", "{c}で終了しない事業"]
)
def test_an_end_said_not_to_fall_in_a_year(shared, code, phrasing):
    answer = ask(shared, phrasing.format(c=code))
    expected = [p.row.position for p in of("R7") if not no_end(p) and p.row.end != code]
    assert answer.status == "ok", answer.text
    assert sorted(positions(shared, answer, "R7")) == expected, answer.text


# -- a number taken back ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrasing",
    [
        "No{a}の担当課って…あ、ちがうすみません、No{b}の担当課は？",
        "No{a}の予算、じゃなくて間違えました、No{b}の予算",
        "No{a}, sorry, I mean No{b} - budget?",
    ],
)
def test_a_number_taken_back(shared, phrasing):
    numbered = [p for p in of("R7") if p.row.no is not None]
    wrong = []
    for a, b in zip(numbered, numbered[1:] + numbered[:1], strict=True):
        answer = ask(shared, phrasing.format(a=a.row.no, b=b.row.no))
        if answer.status != "ok" or positions(shared, answer, "R7") != [b.row.position]:
            wrong.append((a.row.no, b.row.no, answer.status, answer.text[:80]))
    assert not wrong, wrong


@pytest.mark.parametrize(
    "phrasing", ["No{n}以外の事業", "No{n}を除く事業", "projects other than No{n}"]
)
def test_every_project_but_one(shared, phrasing):
    wrong = []
    for p in of("R7"):
        if p.row.no is None:
            continue
        answer = ask(shared, phrasing.format(n=p.row.no))
        expected = sorted(q.row.position for q in of("R7") if q is not p)
        if answer.status != "ok" or sorted(positions(shared, answer, "R7")) != expected:
            wrong.append((p.row.no, answer.status, answer.text[:80]))
    assert not wrong, wrong
