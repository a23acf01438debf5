"""Forms found missing by held-out question sets (round 7), each generated over the documents:
years counted from today (3年前に始まった, in 2 years), the length of a period ranked (事業期間が
一番長い, only those printing both ends), neither–nor of groups (医療・福祉でも学校教育でもない),
flags not marked (重点枠にも将来対応分にも○が付いてない), sums said as 合わせると, and a
category's English name joined by a slash. Expected values from the parsed documents.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta, timezone

import pytest

from bot.answer import ask
from bot.fiscal_year import FiscalYear
from bot.sources import default_sources
from tests.conftest import loaded_copy
from tests.test_generated_questions import EDITIONS, western

R7 = EDITIONS["R7"]
R6 = EDITIONS["R6"]
NOW = datetime(2026, 12, 7, 10, tzinfo=timezone(timedelta(hours=9)))  # FY2026 = R8
TODAY = 2026


@pytest.fixture(scope="module")
def shared():
    return loaded_copy(default_sources())


def keys(answer) -> set[tuple[str, int | None, str]]:
    return {(r.edition, r.no, r.name) for r in answer.projects}


def of(projects) -> set[tuple[str, int | None, str]]:
    return {(e, p.no, p.name) for e, p in projects}


START_YEARS = sorted({western(p.start) for p in R7 if western(p.start)})


@pytest.mark.parametrize("year", START_YEARS)
def test_a_start_year_counted_back_from_today(shared, year):
    n = TODAY - year
    if n <= 0:
        pytest.skip("not in the past")
    want = of(("R7", p) for p in R7 if western(p.start) == year)
    for question in (f"{n}年前に始まった事業は？", f"projects that started {n} years ago"):
        answer = ask(shared, question, now=NOW)
        assert answer.status == "ok" and keys(answer) == want, (question, answer.text)


END_YEARS = sorted({western(p.end) for p in R7 if western(p.end)})


@pytest.mark.parametrize("year", [y for y in END_YEARS if y > TODAY])
def test_an_end_year_counted_on_from_today(shared, year):
    n = year - TODAY
    want = of(("R7", p) for p in R7 if western(p.end) == year)
    for question in (f"{n}年後に終わる事業は？", f"Which projects end in {n} years?"):
        answer = ask(shared, question, now=NOW)
        assert answer.status == "ok" and keys(answer) == want, (question, answer.text)


def length(p) -> int | None:
    start, end = FiscalYear.try_parse(p.start), FiscalYear.try_parse(p.end)
    return end.western - start.western + 1 if start and end else None


@pytest.mark.parametrize(
    ("question", "longest"),
    [
        ("事業期間が一番長い事業は？", True),
        ("事業期間が一番長い事業は？始期と終期が両方書いてあるものの中で", True),
        ("Which project has the shortest period?", False),
        ("期間が最短の事業", False),
    ],
)
def test_the_length_of_the_period_ranked(shared, question, longest):
    known = [p for p in R7 if length(p) is not None]
    best = (max if longest else min)(length(p) for p in known)
    answer = ask(shared, question, now=NOW)
    assert answer.status == "ok", answer.text
    assert keys(answer) == of(("R7", p) for p in known if length(p) == best), answer.text


def test_an_end_printed(shared):
    want = of(("R7", p) for p in R7 if p.end not in (None, "未定"))
    answer = ask(shared, "終期が書いてある事業を一覧で", now=NOW)
    assert answer.status == "ok" and keys(answer) == want, answer.text


CATEGORIES = sorted({p.category for p in R7 if p.category})


@pytest.mark.parametrize("pair", list(itertools.pairwise(CATEGORIES)))
def test_neither_of_two_categories(shared, pair):
    a, b = pair
    want = of(("R7", p) for p in R7 if p.category not in pair)
    answer = ask(shared, f"{a}でも{b}でもない項目のR7事業って、何件ある？", now=NOW)
    assert answer.status == "ok" and keys(answer) == want, answer.text
    assert f"{len(want)}件" in answer.text


@pytest.mark.parametrize(
    ("question", "test"),
    [
        ("R6版で重点枠に○が付いてない事業", lambda p: not p.priority_frame),
        ("R6版で将来対応分に○が付いてない事業", lambda p: not p.future_response),
        (
            "R6版で、重点枠事業にも将来対応分にも○が付いてない事業って何件？名前も出して",
            lambda p: not p.priority_frame and not p.future_response,
        ),
    ],
)
def test_flags_not_marked(shared, question, test):
    answer = ask(shared, question, now=NOW)
    assert answer.status == "ok" and keys(answer) == of(("R6", p) for p in R6 if test(p))


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_sum_said_as_put_together(shared, category):
    projects = [p for p in R7 if p.category == category]
    answer = ask(shared, f"{category}の事業、合わせるといくら？", now=NOW)
    assert answer.status == "ok", answer.text
    assert answer.value.amount == sum(p.budget_thousand_yen for p in projects), answer.text


@pytest.mark.parametrize("joiner", [" / ", "/", " & ", " and "])
def test_a_category_named_in_english_with_any_joiner(shared, joiner):
    want = of(("R7", p) for p in R7 if p.category == "防災・危機管理")
    answer = ask(shared, f"list the disaster prevention{joiner}crisis management projects", now=NOW)
    assert answer.status == "ok" and keys(answer) == want, answer.text


NAME_WORDS = ["事業", "補助", "DX", "ICT", "オンライン", "推進"]


@pytest.mark.parametrize("word", NAME_WORDS)
@pytest.mark.parametrize(
    ("form", "lacks"),
    [
        ("事業名に「{w}」って言葉が入ってないR7の事業ってある？", True),
        ("名前に「{w}」という文字が含まれていない事業", True),
        ("事業名に「{w}」って言葉が入ってる事業は？", False),
    ],
)
def test_a_quoted_name_word_said_as_a_word(shared, word, form, lacks):
    """「事業」って言葉が: the quoted word is the word, and shown as typed."""
    want = of(("R7", p) for p in R7 if (word.lower() in p.name.lower()) != lacks)
    answer = ask(shared, form.format(w=word), now=NOW)
    assert answer.status == "ok" and keys(answer) == want, answer.text
    assert f"「{word}」" in answer.text, answer.text


@pytest.mark.parametrize("edition", ["R6", "R7"])
@pytest.mark.parametrize("form", ["{e}に新しくできた事業は？", "{e}で新設された事業"])
def test_newly_made_is_started_in_the_edition_year(shared, edition, form):
    projects = EDITIONS[edition]
    want = of((edition, p) for p in projects if western(p.start) == western(edition))
    answer = ask(shared, form.format(e=edition), now=NOW)
    assert answer.status == "ok" and keys(answer) == want, answer.text


AGAINST_PLAN = [
    (p, i)
    for p in R7
    if p.no is not None and not p.number_inferred
    for i in p.initiatives
    if i.years.get("R6") and i.years["R6"].plan and i.years["R6"].actual
][:12]


@pytest.mark.parametrize("p,initiative", AGAINST_PLAN, ids=lambda x: str(getattr(x, "no", "")))
def test_done_as_planned_is_asked_of_the_actual(shared, p, initiative):
    """「R6は目標どおりできたんですか？」: what happened (実績) beside what was planned."""
    answer = ask(shared, f"No{p.no}、R6は目標どおりできたんですか？", now=NOW)
    assert answer.status == "ok", answer.text
    assert initiative.years["R6"].actual.split()[0] in answer.text, answer.text
    assert initiative.years["R6"].plan.split()[0] in answer.text, answer.text


def _reported_counts():
    """(the R6 project, a word, the count with its counter) that the R7 edition's 主な取組実績
    of the same project reports — what the R6 project actually did."""
    older = {p.name: p for p in R6}
    for p in R7:
        if p.name in older and p.achievements:
            for m in re.finditer(
                r"([\u30a0-\u30ff\u4e00-\u9fff]{2,8})[^\d\s:：]{0,2}(\d+)(回|名|件|校)",
                p.achievements,
            ):
                yield older[p.name], m.group(1), m.group(2), m.group(3)
    for p in R7:  # (旧事業:X による取組) 取組2:エキスパート研修6回実施 — X is the R6 name
        if old := re.search(r"旧事業[:：](.+?)による取組", p.achievements or ""):
            for m in re.finditer(
                r"[:：]([\u30a0-\u30ff\u4e00-\u9fff]{2,12}?)(\d+)(回)", p.achievements
            ):
                yield next(x for x in R6 if x.name == old.group(1)), m.group(1), m.group(2), "回"


@pytest.mark.parametrize("project,word,n,counter", list(_reported_counts()), ids=str)
def test_what_an_older_project_actually_did_is_read_from_its_continuation(
    shared, project, word, n, counter
):
    """R6版の…は実際何回やった: the R7 edition reports R6's results — never the R6 plan alone."""
    question = f"R6版の{project.name}、{word}は実際何{counter}やった？"
    answer = ask(shared, question, now=NOW)
    if answer.status == "ok":
        assert f"{n}{counter}" in answer.text.replace(",", ""), (question, answer.text)
    else:
        assert answer.status == "clarify", (question, answer.text)


@pytest.mark.parametrize(
    "noun,counter",
    [
        ("training sessions for staff", "回"),
        ("staff trained in sessions", "人"),
        ("schools in R6", "校"),
    ],
)
def test_the_thing_counted_is_the_noun_asked(noun, counter):
    from bot.understanding import understand

    assert understand(f"how many {noun} were there?").counters[0] == counter


@pytest.mark.parametrize("form", ["R6のときの事業費は", "R6当時の事業費は", "R6時点の事業費は"])
def test_a_year_said_as_then_is_that_edition(shared, form):
    """「R6のときの事業費」: as that edition printed it — the R6 edition's budget."""
    for p in R6[:8]:
        answer = ask(shared, f"{p.name}の{form}？", now=NOW)
        assert answer.status == "ok", answer.text
        assert f"{p.budget_thousand_yen:,}千円" in answer.text, answer.text


# (number, a word its summary prints that is not a part of its budget) — read off R7's 概要.
PART_OF_BUDGET = [(40, "クラウド"), (42, "システム"), (44, "ライドシェア"), (49, "マンパワー")]


@pytest.mark.parametrize("no,word", PART_OF_BUDGET)
@pytest.mark.parametrize("form", ["No{n}の予算、{w}の分は？", "No{n}の{w}の事業費はいくら？"])
def test_a_part_of_a_budget_is_asked_back_not_quoted_nor_the_whole(shared, no, word, form):
    """「No40の予算、クラウドの分は？」: the document prints one budget; neither it nor a sentence
    holding the word answers a part of it."""
    answer = ask(shared, form.format(n=no, w=word), now=NOW)
    assert answer.status == "clarify", answer.text


# A project's number with its name said in English in brackets: (number, the words).
IN_ENGLISH = [
    (53, "road facility management / pavement AI inspection"),
    (43, "remote education"),
    (40, "next-generation school administration digitalisation"),
]


@pytest.mark.parametrize("no,words", IN_ENGLISH)
@pytest.mark.parametrize(
    "form,field",
    [
        ("When does project No{n} ({w}) end?", "end"),
        ("What is the budget of No{n} ({w})?", "budget"),
    ],
)
def test_a_name_said_in_english_beside_the_number_describes_it(shared, no, words, form, field):
    p = next(x for x in R7 if x.no == no)
    answer = ask(shared, "Good morning! " + form.format(n=no, w=words) + " stay warm", now=NOW)
    assert answer.status == "ok", answer.text
    want = p.end if field == "end" else f"{p.budget_thousand_yen:,}"
    assert want in answer.text, answer.text


def _counts_reported_for_r6():
    """(project, a word, the count) the R7 edition's 主な取組実績 prints for R6."""
    for p in R7:
        for m in re.finditer(
            r"R6([\u30a0-\u30ff\u4e00-\u9fff]{2,8}?)数?\s*[^\d]{0,12}?(\d+)(件)",
            p.achievements or "",
        ):
            yield p, m.group(1), m.group(2)


@pytest.mark.parametrize("p,word,n", list(_counts_reported_for_r6()), ids=str)
def test_a_count_of_another_year_is_not_the_year_asked(shared, p, word, n):
    """「R7の交付決定件数」: the R7 edition prints R6's; R6 is answered, R7 said not printed."""
    said = ask(shared, f"No{p.no}のR6の{word}件数は何件？", now=NOW)
    assert said.status == "ok" and n in said.text, said.text
    other = ask(shared, f"No{p.no}のR7の{word}件数って何件になりました？", now=NOW)
    assert other.status == "not_stated" and "R7" in other.title, other.text


@pytest.mark.parametrize("pair", list(itertools.combinations([p for p in R7 if p.end][:6], 2)))
def test_each_project_s_budget_and_end_side_by_side(shared, pair):
    a, b = pair
    answer = ask(shared, f"No{a.no}とNo{b.no}、それぞれR7事業費と事業終期おしえてください", now=NOW)
    assert answer.status == "ok", answer.text
    for p in pair:
        line = next(x for x in answer.lines if f"No{p.no} " in x)
        assert f"{p.budget_thousand_yen:,}" in line and p.end in line, answer.text
