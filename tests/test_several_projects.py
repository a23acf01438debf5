"""Two or three projects named together (#28, mutation testing of bot/answer/targets.py): each
one's budget, their total, average, difference, ratio and which is larger or smaller — ties
named together — in the order named or ranked; their periods and owners side by side, which
started first or runs longest; and the projects named as one condition of a selection.

Questions are made for every neighbouring pair and triple of the R7 document's projects, in
Japanese and English; every expected value is read from the documents' own lines
(tests/document_lines.py, tests/edge_documents.py for tied budgets) and every figure an answer
states is parsed out of its sentence."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from bot.answer import ask
from tests.conftest import R6_FILE, R7_FILE, loaded_copy
from tests.document_lines import Row, numbered, rows, year
from tests.edge_documents import write_edge_document


def numbered_file(path: Path) -> list[Row]:
    """A document's blocks, R7's unprinted 【No33】 numbered by its place (between No32, No34)."""
    return numbered(rows(path)) if "R7" in path.name else rows(path)


R7 = numbered_file(R7_FILE)
BY_NO = {r.no: r for r in R7}
PAIRS = [(a.no, b.no) for a, b in itertools.pairwise(R7)]
TRIPLES = [(a.no, b.no, c.no) for a, b, c in zip(R7, R7[1:], R7[2:], strict=False)]


@pytest.fixture(scope="module")
def shared():
    return loaded_copy([R6_FILE, R7_FILE])


@pytest.fixture(scope="module")
def edge_file(tmp_path_factory) -> Path:
    return write_edge_document(tmp_path_factory.mktemp("edges"))


@pytest.fixture(scope="module")
def edges(edge_file):
    return loaded_copy([R6_FILE, edge_file])


# -- what an answer states, parsed ---------------------------------------------------------------
MONEY = {"ja": r"([\d,]+)千円", "en": r"\(([\d,]+) thousand yen\)"}
UNIT = {"ja": "千円", "en": "thousand yen"}


def amounts(line: str, lang: str) -> list[int]:
    return [int(a.replace(",", "")) for a in re.findall(MONEY[lang], line)]


def named(line: str) -> list[int]:
    """The project numbers a line names, in order."""
    return [int(n) for n in re.findall(r"(?<![A-Za-z])No(\d+)", line)]


def each_line(answer, lang: str) -> list[tuple[int, int]]:
    """(number, amount) of every ・ line: one project and the one figure stated for it."""
    out = []
    for line in answer.lines:
        if line.startswith("・"):
            (no,), (amount,) = named(line), amounts(line, lang)
            out.append((no, amount))
    return out


def said(answer) -> list[str]:
    """The answer's lines but the note that No33's number is inferred (tested elsewhere)."""
    return [ln for ln in answer.lines if not ln.startswith("※")]


def line_after(answer, start: str) -> str:
    """The one line of the answer that starts with these words."""
    found = [ln for ln in answer.lines if ln.startswith(start)]
    assert len(found) == 1, (start, answer.lines)
    return found[0]


def no_line(answer, start: str) -> None:
    assert not [ln for ln in answer.lines if ln.startswith(start)], (start, answer.lines)


# The words each kind of line starts with (the product's wording, in both languages).
WORDS = {
    "ja": {
        "total": "合計（",
        "average": "平均：",
        "difference": "差：",
        "larger": "大きいのは ",
        "smaller": "小さいのは ",
        "ratio": "倍です。",
    },
    "en": {
        "total": "Total of the ",
        "average": "Average: ",
        "difference": "Difference: ",
        "larger": "The larger: ",
        "smaller": "The smaller: ",
        "ratio": " times ",
    },
}


def title(edition: str, lang: str) -> str:
    if lang == "ja":
        return f"{edition}版の事業ごとの{edition}事業費："
    return f"{edition} budget of each project ({edition} edition):"


def source_lines(answer) -> list[int]:
    return [s.line for s in answer.sources]


def budget_line(row: Row) -> int:
    """事業費 is printed on the line after the block's 分野 line (with 事業名, 始期, 終期)."""
    return row.line + 1


def check_common(answer, order: list[int], lang: str) -> None:
    """What every answer about several projects' budgets says: the title, the projects in
    order, where their budgets are printed, and what it says it read."""
    assert answer.status == "ok", answer.text
    assert answer.title == title("R7", lang)
    assert [p.no for p in answer.projects] == order
    assert [p.key for p in answer.projects] == [f"R7/No{n}" for n in order]
    assert source_lines(answer) == [budget_line(BY_NO[n]) for n in order]
    done = answer.computed
    assert done.projects == {f"R7/No{n}" for n in order}
    assert done.numbers == set(order)
    assert done.editions == {"R7"} and done.years == {"R7"}
    assert done.fields == {"budget"}


# What each kind of question says it computed (the mention check reads these): written out
# from what each one asks, not read off the answers.
SIDE = {"each", "side", "list"}
COMPUTED = {
    "difference": SIDE | {"diff", "compare", "verdict", "max", "min"},
    "total": SIDE | {"sum", "count"},
    "total and average": SIDE | {"sum", "count", "avg"},
    "ratio": SIDE | {"ratio"},
    "sorted": SIDE | {"sorted", "top", "bottom", "max", "min", "verdict", "compare"},
}

# -- two projects ----------------------------------------------------------------------------
DIFFERENCE = {
    "ja": "No{a}とNo{b}の予算の差は？",
    "en": "What is the difference between the budgets of No{a} and No{b}?",
}
SMALLER = {"ja": "No{a}とNo{b}はどちらが予算が小さい？", "en": "Which is smaller, No{a} or No{b}?"}
LARGER = {"ja": "No{a}とNo{b}の予算はどちらが大きい？", "en": "Which is larger, No{a} or No{b}?"}
RATIO = {"ja": "No{a}はNo{b}の何倍？", "en": "What is the ratio of No{a}'s budget to No{b}'s?"}
TOTAL = {"ja": "No{a}とNo{b}の予算の合計", "en": "What is the total budget of No{a} and No{b}?"}


def pair_ids(pairs) -> list[str]:
    return [f"No{a}-No{b}" for a, b in pairs]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("asked", ["difference", "larger", "smaller"])
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_two_projects_compared(shared, a, b, asked, lang):
    """Each budget as printed, the gap between them (larger first), the one asked named, and
    the difference as a value: the first named minus the second."""
    forms = {"difference": DIFFERENCE, "larger": LARGER, "smaller": SMALLER}[asked]
    answer = ask(shared, forms[lang].format(a=a, b=b))
    budget_a, budget_b = BY_NO[a].budget, BY_NO[b].budget
    assert budget_a != budget_b  # no two neighbours of the shipped document are tied
    check_common(answer, [a, b], lang)
    assert each_line(answer, lang) == [(a, budget_a), (b, budget_b)]
    big, small = (a, b) if budget_a > budget_b else (b, a)
    gap = line_after(answer, WORDS[lang]["difference"])
    assert amounts(gap, lang) == [abs(budget_a - budget_b)]
    assert named(gap) == [big, small]
    winner = small if asked == "smaller" else big
    word = "smaller" if asked == "smaller" else "larger"
    verdict = line_after(answer, WORDS[lang][word])
    assert named(verdict) == [winner]
    assert named(answer.verdict) == [winner]
    no_line(answer, WORDS[lang]["larger" if word == "smaller" else "smaller"])
    no_line(answer, WORDS[lang]["total"])
    assert (answer.value.amount, answer.value.unit) == (budget_a - budget_b, UNIT[lang])
    assert answer.computed.operations == COMPUTED["difference"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_how_many_times_one_budget_is_the_other(shared, a, b, lang):
    """The first named over the second, to two decimals, said and given as the value."""
    answer = ask(shared, RATIO[lang].format(a=a, b=b))
    check_common(answer, [a, b], lang)
    budget_a, budget_b = BY_NO[a].budget, BY_NO[b].budget
    assert each_line(answer, lang) == [(a, budget_a), (b, budget_b)]
    line = next(ln for ln in answer.lines if WORDS[lang]["ratio"] in ln)
    assert named(line) == [a, b]
    stated = float(re.search(r"([\d,]+\.\d\d)", line).group(1).replace(",", ""))
    expected = round(budget_a / budget_b, 2)
    assert stated == expected
    assert (answer.value.amount, answer.value.unit) == (expected, "倍" if lang == "ja" else "times")
    assert answer.verdict is None
    for kind in ("difference", "larger", "smaller", "total"):
        no_line(answer, WORDS[lang][kind])
    assert answer.computed.operations == COMPUTED["ratio"]


@pytest.mark.parametrize("form", ["ja", "en", "ja-plain"])
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_the_total_of_two_projects(shared, a, b, form):
    """合計 asked, or only the budgets of two (No30とNo31の予算は？): each, then their total."""
    forms = {**TOTAL, "ja-plain": "No{a}とNo{b}の予算は？"}
    lang = form[:2]
    answer = ask(shared, forms[form].format(a=a, b=b))
    check_common(answer, [a, b], lang)
    budget_a, budget_b = BY_NO[a].budget, BY_NO[b].budget
    assert each_line(answer, lang) == [(a, budget_a), (b, budget_b)]
    total = line_after(answer, WORDS[lang]["total"])
    assert int(re.search(r"(\d+)", total).group(1)) == 2  # the number of projects added
    assert amounts(total, lang) == [budget_a + budget_b]
    assert (answer.value.amount, answer.value.unit) == (budget_a + budget_b, UNIT[lang])
    assert answer.verdict is None
    for kind in ("difference", "larger", "smaller", "average"):
        no_line(answer, WORDS[lang][kind])
    assert answer.computed.operations == COMPUTED["total"]


EACH = {
    "each": "No{a}とNo{b}の予算をそれぞれ教えて",
    "largest": "No{a}とNo{b}の予算をそれぞれ、一番大きいのは？",
    "smallest": "No{a}とNo{b}の予算をそれぞれ、一番小さいのは？",
    "both ends": "No{a}とNo{b}の予算をそれぞれ、最大と最小は？",
}


@pytest.mark.parametrize("asked", list(EACH))
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_each_budget_and_the_end_asked(shared, a, b, asked):
    """それぞれ: each budget alone — no total, no gap — and the larger or the smaller one
    named when only that end is asked."""
    answer = ask(shared, EACH[asked].format(a=a, b=b))
    check_common(answer, [a, b], "ja")
    budget_a, budget_b = BY_NO[a].budget, BY_NO[b].budget
    assert each_line(answer, "ja") == [(a, budget_a), (b, budget_b)]
    big, small = (a, b) if budget_a > budget_b else (b, a)
    if asked == "both ends":  # 最大と最小: the gap between them, the larger named
        gap = line_after(answer, WORDS["ja"]["difference"])
        assert amounts(gap, "ja") == [abs(budget_a - budget_b)] and named(gap) == [big, small]
        assert named(answer.verdict) == [big]
        assert answer.computed.operations == COMPUTED["difference"]
        return
    for kind in ("total", "difference", "average"):
        no_line(answer, WORDS["ja"][kind])
    assert answer.value is None
    if asked == "each":
        assert answer.verdict is None and len(said(answer)) == 2
        assert answer.computed.operations == SIDE
        return
    winner, word, other = (
        (big, "larger", "smaller") if asked == "largest" else (small, "smaller", "larger")
    )
    assert named(line_after(answer, WORDS["ja"][word])) == [winner]
    no_line(answer, WORDS["ja"][other])
    assert named(answer.verdict) == [winner]
    assert answer.computed.operations == SIDE | {"verdict", "max", "min", "compare"}


BESIDE = {
    "owner": "No{a}とNo{b}の予算と担当",
    "period": "No{a}とNo{b}の予算と期間",
    "start": "No{a}とNo{b}の予算と始期",
    "end": "No{a}とNo{b}の予算と終期",
}


@pytest.mark.parametrize("beside", list(BESIDE))
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_budgets_with_the_owner_or_period_beside(shared, a, b, beside):
    """予算と担当: each budget with the department and sections after it; with the period,
    the start or the end asked, the whole period."""
    answer = ask(shared, BESIDE[beside].format(a=a, b=b))
    assert answer.status == "ok", answer.text
    assert answer.title == title("R7", "ja")
    for line, n in zip(said(answer)[:2], (a, b), strict=True):
        row = BY_NO[n]
        extra = (
            f"{row.department} {'、'.join(row.sections)}"
            if beside == "owner"
            else f"{row.start}〜{row.end or '（終期の記載なし）'}"
        )
        assert re.fullmatch(
            re.escape(f"・No{n} {row.name}：{row.budget:,}千円")
            + r"（約[\d.,]+(?:億|万)円）、"
            + re.escape(extra),
            line,
        ), line
    total = line_after(answer, WORDS["ja"]["total"])
    assert amounts(total, "ja") == [BY_NO[a].budget + BY_NO[b].budget]
    assert answer.computed.fields == {"budget", beside}


# -- three projects --------------------------------------------------------------------------
def triple_ids(triples) -> list[str]:
    return ["-".join(f"No{n}" for n in t) for t in triples]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("triple", TRIPLES, ids=triple_ids(TRIPLES))
def test_the_gap_among_three_is_the_largest_less_the_smallest(shared, triple, lang):
    forms = {
        "ja": "No{}とNo{}とNo{}の予算の差は？",
        "en": "What is the difference between the budgets of No{}, No{} and No{}?",
    }
    answer = ask(shared, forms[lang].format(*triple))
    check_common(answer, list(triple), lang)
    budgets = {n: BY_NO[n].budget for n in triple}
    assert each_line(answer, lang) == list(budgets.items())
    big = max(triple, key=budgets.get)
    small = min(triple, key=budgets.get)
    gap = line_after(answer, WORDS[lang]["difference"])
    assert amounts(gap, lang) == [budgets[big] - budgets[small]]
    assert named(gap) == [big, small]
    assert named(line_after(answer, WORDS[lang]["larger"])) == [big]
    assert named(answer.verdict) == [big]
    # Of three, the value is the gap itself, not the first named minus the second.
    assert answer.value.amount == budgets[big] - budgets[small]
    assert answer.computed.operations == COMPUTED["difference"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("triple", TRIPLES, ids=triple_ids(TRIPLES))
def test_the_total_and_average_of_three(shared, triple, lang):
    forms = {
        "ja": "No{}とNo{}とNo{}の予算の合計と平均",
        "en": "What are the total and the average budget of No{}, No{} and No{}?",
    }
    answer = ask(shared, forms[lang].format(*triple))
    check_common(answer, list(triple), lang)
    budgets = [BY_NO[n].budget for n in triple]
    assert each_line(answer, lang) == list(zip(triple, budgets, strict=True))
    total = line_after(answer, WORDS[lang]["total"])
    assert int(re.search(r"(\d+)", total).group(1)) == 3
    assert amounts(total, lang) == [sum(budgets)]
    # The average to the nearest thousand yen (a third of a sum is never exactly half-way).
    assert amounts(line_after(answer, WORDS[lang]["average"]), lang) == [round(sum(budgets) / 3)]
    assert answer.value.amount == sum(budgets)
    assert answer.verdict is None
    assert answer.computed.operations == COMPUTED["total and average"]


@pytest.mark.parametrize("smallest", [False, True], ids=["largest first", "smallest first"])
@pytest.mark.parametrize("triple", TRIPLES, ids=triple_ids(TRIPLES))
def test_three_in_order_of_budget(shared, triple, smallest):
    """Numbered 1, 2, 3 in the order asked, the projects given in that order, the first named
    as the verdict."""
    order = "小さい順" if smallest else "大きい順"
    answer = ask(shared, f"No{triple[0]}、No{triple[1]}、No{triple[2]}の予算を{order}に")
    budgets = {n: BY_NO[n].budget for n in triple}
    ranked = sorted(triple, key=budgets.get, reverse=not smallest)
    check_common(answer, ranked, "ja")
    numbered_lines = [re.match(r"(\d+)\. No(\d+) .*：", ln).groups() for ln in said(answer)]
    assert [(int(i), int(n)) for i, n in numbered_lines] == list(enumerate(ranked, 1))
    assert [amounts(ln, "ja") for ln in said(answer)] == [[budgets[n]] for n in ranked]
    assert named(answer.verdict) == [ranked[0]]
    assert answer.value is None
    assert answer.computed.operations == COMPUTED["sorted"]


# -- tied budgets (the edge document) --------------------------------------------------------
@pytest.fixture(scope="module")
def edge_budgets(edge_file) -> dict[int, int]:
    return {r.no: r.budget for r in numbered_file(edge_file)}


TIED = [(30, 41), (41, 30), (32, 35), (35, 32)]
TIED_THREE = [(30, 41, 40), (40, 30, 41), (32, 35, 40), (40, 35, 32)]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("asked", ["difference", "smaller"])
@pytest.mark.parametrize(("a", "b"), TIED, ids=pair_ids(TIED))
def test_two_tied_budgets_are_named_together(edges, edge_budgets, a, b, asked, lang):
    """No30 and No41 both print 491,000, No32 and No35 both 796: no gap, both named (in the
    order asked), in the verdict too, whichever end was asked."""
    assert edge_budgets[a] == edge_budgets[b]
    forms = {"difference": DIFFERENCE, "smaller": SMALLER}[asked]
    answer = ask(edges, forms[lang].format(a=a, b=b))
    assert answer.status == "ok", answer.text
    assert each_line(answer, lang) == [(a, edge_budgets[a]), (b, edge_budgets[b])]
    gap = line_after(answer, WORDS[lang]["difference"])
    assert amounts(gap, lang) == [0] and named(gap) == [a, b]
    assert named(answer.verdict) == [a, b]
    assert answer.value.amount == 0


@pytest.mark.parametrize("smallest", [False, True], ids=["larger", "smaller"])
@pytest.mark.parametrize("triple", TIED_THREE, ids=triple_ids(TIED_THREE))
def test_a_tie_at_one_end_of_three(edges, edge_budgets, triple, smallest):
    """The tied pair named together when theirs is the end asked; the other end alone."""
    word = "小さい" if smallest else "大きい"
    answer = ask(edges, f"No{triple[0]}とNo{triple[1]}とNo{triple[2]}ではどちらが{word}？")
    assert answer.status == "ok", answer.text
    budgets = {n: edge_budgets[n] for n in triple}
    end = (min if smallest else max)(budgets.values())
    expected = [n for n in triple if budgets[n] == end]
    line = line_after(answer, WORDS["ja"]["smaller" if smallest else "larger"])
    assert named(line) == expected
    assert named(answer.verdict) == expected
    gap = line_after(answer, WORDS["ja"]["difference"])
    assert amounts(gap, "ja") == [max(budgets.values()) - min(budgets.values())]


# -- periods and owners side by side ---------------------------------------------------------
PERIOD = {
    "ja": "No{a}とNo{b}の期間",
    "ja-start": "No{a}とNo{b}の始期",
    "ja-end": "No{a}とNo{b}の終期",
    "en": "When do No{a} and No{b} run?",
}
OWNER = {"ja": "No{a}とNo{b}の担当", "en": "Who runs No{a} and No{b}?"}
FIRST_START = {
    "ja": "No{a}とNo{b}はどちらが先に始まった？",
    "en": "Which started first, No{a} or No{b}?",
}
LAST_END = {"ja": "No{a}とNo{b}はどちらが遅く終わる？", "en": "Which ends later, No{a} or No{b}?"}
# それぞれ with one end asked, and 始期を比べて (compared: the later start named).
MORE_YEAR_VERDICTS = {
    "first start": "No{a}とNo{b}の期間をそれぞれ、一番早く始まったのは？",
    "last end": "No{a}とNo{b}の期間をそれぞれ、一番遅く終わるのは？",
    "last start": "No{a}とNo{b}の始期を比べて",
}
# Projects printing no end year, each with the next such one: no end to name as the latest.
NO_END = [r.no for r in R7 if r.end is None]
UNENDED = list(itertools.pairwise(NO_END))
FACTS_TITLE = {"ja": "事業ごとに：", "en": "Each project:"}


def printed_period(row: Row, lang: str) -> str:
    """The period as written from the row: R5〜R10, R3〜（終期の記載なし）, R6〜未定."""
    if lang == "ja":
        end = "（終期の記載なし）" if row.end is None else row.end
        return f"{row.start}〜{end}"
    end = " (end not stated)" if row.end is None else "undecided" if row.end == "未定" else row.end
    return f"{row.start}–{end}"


def fact_lines(answer) -> list[tuple[int, str]]:
    return [(named(ln)[0], ln.split("：", 1)[1]) for ln in answer.lines if ln.startswith("・")]


def check_facts(answer, order: list[int], lang: str, fields: set[str]) -> None:
    assert answer.status == "ok", answer.text
    assert answer.title == FACTS_TITLE[lang]
    assert [p.no for p in answer.projects] == order
    assert source_lines(answer) == [budget_line(BY_NO[n]) for n in order]
    assert answer.value is None
    done = answer.computed
    assert done.projects == {f"R7/No{n}" for n in order} and done.numbers == set(order)
    assert done.editions == {"R7"}
    assert done.fields == fields


@pytest.mark.parametrize("form", list(PERIOD))
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_two_periods_side_by_side(shared, a, b, form):
    """The period, or only the start or the end asked: each period, nobody ranked."""
    lang = form[:2]
    answer = ask(shared, PERIOD[form].format(a=a, b=b))
    check_facts(answer, [a, b], lang, {"period", "start", "end"})
    assert fact_lines(answer) == [(n, printed_period(BY_NO[n], lang)) for n in (a, b)]
    assert answer.verdict is None
    assert answer.computed.operations == SIDE


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_two_owners_side_by_side(shared, a, b, lang):
    """The department and every section printed, in print order."""
    answer = ask(shared, OWNER[lang].format(a=a, b=b))
    check_facts(answer, [a, b], lang, {"owner", "period", "start", "end"})
    expected = [(n, f"{BY_NO[n].department} {'、'.join(BY_NO[n].sections)}") for n in (a, b)]
    assert fact_lines(answer) == expected
    assert answer.verdict is None
    assert answer.computed.operations == SIDE


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("asked", ["first start", "last end"])
@pytest.mark.parametrize(("a", "b"), PAIRS + UNENDED, ids=pair_ids(PAIRS + UNENDED))
def test_which_started_first_or_ends_last(shared, a, b, asked, lang):
    """The earliest start or the latest end printed as a year, both named when they are the
    same year; an end not printed is never the latest, and with none printed none is named."""
    forms = FIRST_START if asked == "first start" else LAST_END
    answer = ask(shared, forms[lang].format(a=a, b=b))
    field = "start" if asked == "first start" else "end"
    years = {n: year(getattr(BY_NO[n], field)) for n in (a, b) if year(getattr(BY_NO[n], field))}
    if not years and lang == "ja":
        # どちら left unanswered: asked back, never a guess.
        assert answer.status == "clarify" and answer.verdict is None
        return
    check_facts(answer, [a, b], lang, {"period", "start", "end"})
    assert fact_lines(answer) == [(n, printed_period(BY_NO[n], lang)) for n in (a, b)]
    sentence = {
        ("ja", "start"): "先に始まったのは ",
        ("en", "start"): "Started first: ",
        ("ja", "end"): "後まで続くのは ",
        ("en", "end"): "Runs the longest: ",
    }[lang, field]
    if not years:
        assert answer.verdict is None
        no_line(answer, sentence)
        return
    best = (min if field == "start" else max)(years.values())
    expected = [n for n in (a, b) if years.get(n) == best]
    assert named(line_after(answer, sentence)) == expected
    assert named(answer.verdict) == expected
    assert answer.computed.operations == SIDE | {"verdict", "compare", "max", "min"}


@pytest.mark.parametrize("asked", list(MORE_YEAR_VERDICTS))
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_one_end_of_the_years_asked_otherwise(shared, a, b, asked):
    answer = ask(shared, MORE_YEAR_VERDICTS[asked].format(a=a, b=b))
    check_facts(answer, [a, b], "ja", {"period", "start", "end"})
    field = "end" if asked == "last end" else "start"
    years = {n: year(getattr(BY_NO[n], field)) for n in (a, b) if year(getattr(BY_NO[n], field))}
    best = (min if asked == "first start" else max)(years.values())
    expected = [n for n in (a, b) if years.get(n) == best]
    sentence = {"first start": "先に始まったのは ", "last end": "後まで続くのは "}
    sentence["last start"] = "後に始まったのは "
    assert named(line_after(answer, sentence[asked])) == expected
    assert named(answer.verdict) == expected


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=pair_ids(PAIRS))
def test_two_periods_compared(shared, a, b):
    """期間を比べて: the same period only when both the start and the end printed are."""
    answer = ask(shared, f"No{a}とNo{b}の期間を比べて")
    check_facts(answer, [a, b], "ja", {"period", "start", "end"})
    same = (BY_NO[a].start, BY_NO[a].end) == (BY_NO[b].start, BY_NO[b].end)
    assert said(answer)[-1] == ("期間は同じです。" if same else "期間は異なります。")
    assert answer.verdict is None
    assert answer.computed.operations == SIDE | {"compare", "verdict"}


def test_the_pairs_reach_every_verdict():
    """Among the pairs asked above: equal periods, equal starts, one end not printed, and
    (UNENDED) two ends not printed."""
    assert any((BY_NO[a].start, BY_NO[a].end) == (BY_NO[b].start, BY_NO[b].end) for a, b in PAIRS)
    assert any(BY_NO[a].start == BY_NO[b].start for a, b in PAIRS)
    assert any((BY_NO[a].end is None) != (BY_NO[b].end is None) for a, b in PAIRS)
    assert UNENDED and all(BY_NO[a].end is None is BY_NO[b].end for a, b in UNENDED)


# -- names printed only in the other edition -----------------------------------------------------
# R6 blocks whose words R7 prints nowhere (no successor): 見守り (#4), 児童養護 (#11), サイバー事案
# (#19); asked with no edition said, they are R6's projects.
R6_ONLY = {4: "見守り", 11: "児童養護", 19: "サイバー事案"}
R6_ROWS = {r.position: r for r in rows(R6_FILE)}
R6_PAIRS = [(4, 11), (11, 19), (19, 4)]


def test_the_r6_only_words_are_printed_in_r6_only():
    r7_text = R7_FILE.read_text(encoding="utf-8")
    for position, word in R6_ONLY.items():
        assert word not in r7_text and word in R6_ROWS[position].name


@pytest.mark.parametrize(("a", "b"), R6_PAIRS, ids=[f"R6-{a}-{b}" for a, b in R6_PAIRS])
def test_two_projects_of_the_other_edition_are_labelled_with_it(shared, a, b):
    """Their budgets are R6's and said to be (R6版…R6事業費), never the R7 edition's."""
    first, second = R6_ROWS[a], R6_ROWS[b]
    answer = ask(shared, f"{first.name}と{second.name}の予算の差は？")
    assert answer.status == "ok", answer.text
    assert answer.title == title("R6", "ja")
    assert [p.key for p in answer.projects] == [f"R6/#{a}", f"R6/#{b}"]
    assert [amounts(ln, "ja") for ln in said(answer)[:2]] == [[first.budget], [second.budget]]
    gap = line_after(answer, WORDS["ja"]["difference"])
    assert amounts(gap, "ja") == [abs(first.budget - second.budget)]
    assert answer.computed.editions == {"R6"} and answer.computed.years == {"R6"}
    assert [s.line for s in answer.sources] == [first.line + 1, second.line + 1]
