"""Negation with scope (#28, mutation testing of bot/understanding/negation.py): every
department, section and category the two documents print, left out in every way people say it
(以外, を除く, 抜き, じゃない, でもない, に入っていない, not, except, excluding, other than,
outside, non- …), beside another condition, several said together and left out together;
the 重点枠/将来対応分 flags left out; years and amounts turned over; projects named and left
out (No40とNo41を除く); groups taken in (病院局の分も含めて, including) — read into the query's
slots, and answered with the projects the documents print outside the group.

Expected values come from the documents' lines (tests/document_lines.py) and the hand-written
tables below (what each marker means); none is computed with the code under test."""

from __future__ import annotations

from itertools import pairwise

import pytest

from bot.answer import ask
from bot.understanding import understand
from bot.vocabulary import build
from tests.conftest import R6_FILE, R7_FILE
from tests.document_lines import PRINTED, departments, rows

R7 = rows(R7_FILE)
NUMBERED = [r for r in R7 if r.no is not None]
# R6 prints 障害福祉課 (line 97), R7 障がい福祉課 (line 142): one section, read the R6 way.
SPELLED = {"障がい福祉課": "障害福祉課"}
GROUPS = {
    "department": sorted({d for p in PRINTED for d in departments(p)}),
    "section": sorted({s for p in PRINTED for s in p.row.sections}),
    "category": sorted({p.row.category for p in PRINTED if p.row.category}),
}

# Each way of leaving a group out, Japanese (the marker after it) and English (before it).
JA_LEFT_OUT = [
    "{v}以外の事業",
    "{v}以外の部局の事業",
    "{v}を除く事業",
    "{v}を除いた事業",
    "{v}を除いて一覧",
    "{v}を除けば何件",
    "{v}を除くと何件",
    "{v}を除いたら何件",
    "{v}は除いて一覧",
    "{v}も除いて一覧",
    "{v}を除外した事業",
    "{v}抜きの事業",
    "{v}を外した事業",
    "{v}を外して一覧",
    "{v}を外すと何件",
    "{v}じゃなかった事業",
    "{v}でなかった事業",
    "{v}ではなかった事業",
    "{v}じゃない事業",
    "{v}じゃない方の事業",
    "{v}じゃなく",
    "{v}ではない事業",
    "{v}ではないほうの事業",
    "{v}でない事業",
    "{v}でなく",
    "{v}を含まない事業",
    "{v}が含まれない事業",
    "{v}を含まず",
    "{v}に該当しない事業",
    "{v}に入っていない事業",
    "{v}に入らない事業",
    "{v}に入ってなかった事業",
    "{v}関係以外の事業",
    "{v}担当の事業以外",
]
EN_LEFT_OUT = [
    "projects not in {v}",
    "projects except {v}",
    "projects except for {v}",
    "projects excluding {v}",
    "list the projects but exclude {v}",
    "projects other than {v}",
    "projects besides {v}",
    "projects apart from {v}",
    "projects aside from {v}",
    "leave out {v} and list the projects",
    "projects, leaving out {v}",
    "leave aside {v}: which projects",
    "projects without {v}",
    "projects outside {v}",
    "projects outside of {v}",
    "non-{v} projects",
    "projects that aren't under {v}",
    "a project that isn't under {v}",
    "projects that don't belong to {v}",
    "which project doesn't belong to {v}",
    "projects that weren't run by {v}",
    "a project that wasn't run by {v}",
    "projects never run by {v}",
    "projects not counting {v}",
    "projects excluding the entire {v}",
    "projects excluding any of {v}",
    "projects excluding everything under {v}",
    "projects excluding those that are under {v}",
    "projects excluding the ones which are handled by {v}",
]
# Another condition said beside the one left out, and how it is read (by hand).
BESIDE = {
    "ja": [
        ("R7に始まった{v}以外の事業", ("start", "eq", "R7")),
        ("{v}以外でR7に始まった事業", ("start", "eq", "R7")),
        ("重点枠の事業で{v}以外", ("priority_frame", "eq", True)),
        ("{v}を除く1億円以上の事業", ("budget", "ge", 100_000)),
        # 、 joins two conditions compared differently: only the group is left out.
        ("1億円以上、{v}以外の事業", ("budget", "ge", 100_000)),
    ],
    "en": [
        ("projects starting in R7 other than {v}", ("start", "eq", "R7")),
        ("projects other than {v} starting in R7", ("start", "eq", "R7")),
        ("priority-frame projects excluding {v}", ("priority_frame", "eq", True)),
        ("projects of 100 million yen or more, except {v}", ("budget", "ge", 100_000)),
    ],
}


@pytest.fixture(scope="module")
def vocab():
    from bot.ingest import parse_file

    return build([("R6", parse_file(R6_FILE).projects), ("R7", parse_file(R7_FILE).projects)])


def conditions(question: str, vocab) -> list[tuple]:
    return sorted(((f.kind, f.op, f.value) for f in understand(question, vocab).filters), key=repr)


def misread(vocab, asked: list[tuple[str, list[tuple]]]) -> list[tuple[str, list, list]]:
    """The questions whose conditions are not those expected, or that leave words unread."""
    out = []
    for question, want in asked:
        q = understand(question, vocab)
        got = sorted(((f.kind, f.op, f.value) for f in q.filters), key=repr)
        if got != sorted(want, key=repr) or q.unknown:
            out.append((question, got, q.unknown))
    return out


def names(answer, edition: str = "R7") -> set[str]:
    return {p.name for p in answer.projects if p.edition == edition}


# -- every group, every way of leaving it out -------------------------------------------------


@pytest.mark.parametrize("kind", GROUPS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_group_left_out_every_way(vocab, kind, lang):
    forms = JA_LEFT_OUT if lang == "ja" else EN_LEFT_OUT
    asked = [
        (form.format(v=v), [(kind, "ne", SPELLED.get(v, v))])
        for v in GROUPS[kind]
        for form in forms
    ]
    assert not misread(vocab, asked)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_group_left_out_beside_another_condition(vocab, lang):
    """The marker turns the group it is written against, never the other condition."""
    asked = [
        (form.format(v=v), [(kind, "ne", SPELLED.get(v, v)), other])
        for kind, values in GROUPS.items()
        for v in values
        for form, other in BESIDE[lang]
    ]
    assert not misread(vocab, asked)


@pytest.mark.parametrize("kind", ["department", "category"])
def test_a_group_left_out_within_a_group_of_another_kind(vocab, kind):
    """学校教育課の事業で子育て以外: the section kept, the category left out (and the other way)."""
    other = "category" if kind == "department" else "section"
    pairs = sorted(
        {
            (v, w)
            for p in PRINTED
            for v in ([p.row.category] if kind == "category" else departments(p))
            for w in ([p.row.category] if other == "category" else p.row.sections)
            if v and w
        }
    )
    asked = [
        (f"{w}の事業で{v}以外", [(other, "eq", SPELLED.get(w, w)), (kind, "ne", v)])
        for v, w in pairs
    ] + [
        (f"{v}以外の{w}の事業", [(other, "eq", SPELLED.get(w, w)), (kind, "ne", v)])
        for v, w in pairs
    ]
    assert not misread(vocab, asked)


# -- several said together, left out together ---------------------------------------------------

JA_TOGETHER = [
    "{a}と{b}を除いた事業",
    "{a}や{b}以外の事業",
    "{a}、{b}以外の事業",
    "{a}・{b}以外の事業",
    "{a}とか{b}以外の事業",
    "{a}か{b}以外の事業",
    "{a}でも{b}でもない事業",
    "{a}でもなく{b}でもなく",
    "{a}でも{b}でもなかった事業",
    "{a}にも{b}にも入っていない事業",
]
EN_TOGETHER = [
    "projects excluding {a} and {b}",
    "projects other than {a} or {b}",
    "projects not under {a} & {b}",
    "projects except {a}, {b}",
]


@pytest.mark.parametrize("kind", GROUPS)
def test_several_groups_said_together_are_left_out_together(vocab, kind):
    values = [v for v in GROUPS[kind] if v not in SPELLED]  # one section, two spellings
    pairs = list(pairwise(values))
    asked = [
        (form.format(a=a, b=b), [(kind, "ne", SPELLED.get(a, a)), (kind, "ne", SPELLED.get(b, b))])
        for a, b in pairs
        for form in [*JA_TOGETHER, *EN_TOGETHER]
    ]
    triples = [
        (f"{a}と{b}と{c}以外の事業", [(kind, "ne", SPELLED.get(x, x)) for x in (a, b, c)])
        for a, b, c in zip(values, values[1:], values[2:], strict=False)
    ] + [
        (
            f"projects excluding {a}, {b} and {c}",
            [(kind, "ne", SPELLED.get(x, x)) for x in (a, b, c)],
        )
        for a, b, c in zip(values, values[1:], values[2:], strict=False)
    ]
    # The marker after the first only: the second is still asked for.
    apart = [
        (f"{a}以外と{b}の事業", [(kind, "ne", SPELLED.get(a, a)), (kind, "eq", SPELLED.get(b, b))])
        for a, b in pairs
    ] + [
        (
            f"{a}の事業と{b}以外の事業",
            [(kind, "eq", SPELLED.get(a, a)), (kind, "ne", SPELLED.get(b, b))],
        )
        for a, b in pairs
    ]
    assert not misread(vocab, asked + triples + apart)


def test_a_group_said_again_beside_itself_is_left_out_once(vocab):
    """「Outside the Board of Education (教育庁)」: one group, left out; never also asked for."""
    asked = [
        (f"projects outside {v} ({v})", [(kind, "ne", SPELLED.get(v, v))])
        for kind, values in GROUPS.items()
        for v in values
    ] + [
        ("projects outside the Board of Education (教育庁)", [("department", "ne", "教育庁")]),
        ("projects outside 重点枠 (non-priority)", [("priority_frame", "eq", False)]),
    ]
    assert not misread(vocab, asked)


# -- answers: the projects the documents print outside the group -------------------------------


@pytest.mark.parametrize("kind", GROUPS)
def test_the_projects_answered_are_those_outside_the_group(shared, kind):
    def of(r, v):
        if kind == "department":
            return r.department == v
        return v in r.sections if kind == "section" else r.category == v

    printed = {
        v
        for r in R7
        for v in (
            [r.department]
            if kind == "department"
            else r.sections
            if kind == "section"
            else [r.category]
        )
    }
    for v in sorted(printed):
        want = {r.name for r in R7 if not of(r, v)}
        for question in (f"R7版の{v}以外の事業", f"R7 projects other than {v}"):
            answer = ask(shared, question)
            assert answer.status == "ok", (question, answer.text)
            assert names(answer) == want, question


def test_two_departments_left_out_together_are_both_missing_from_the_answer(shared):
    printed = sorted({r.department for r in R7})
    for a, b in pairwise(printed):
        want = {r.name for r in R7 if r.department not in (a, b)}
        for question in (f"R7版の{a}と{b}を除いた事業", f"R7 projects excluding {a} and {b}"):
            answer = ask(shared, question)
            assert answer.status == "ok", (question, answer.text)
            assert names(answer) == want, question


# -- flags: 重点枠事業 and 将来対応分 (R6 prints them) ------------------------------------------

FLAGS = {"priority_frame": "重点枠", "future_response": "将来対応分"}
JA_FLAG_LEFT_OUT = [
    "{f}事業以外の事業",
    "{f}じゃない事業",
    "{f}に入っていない事業",
    "{f}に入らない事業",
    "{f}にならない事業",
    "{f}になっていない事業",
    "{f}に○が付いていない事業",
    "{f}にはチェックがついてなかった事業",
    "{f}に印が付いていません",
    "{f}に載っていませんでした",
    "{f}抜きの事業",
]
EN_FLAG_LEFT_OUT = [
    "projects not {f}",
    "projects excluding the so-called {f} projects",
    "projects except those flagged {f}",
    "projects not marked as {f}",
]


@pytest.mark.parametrize("flag", FLAGS)
def test_a_flag_left_out_every_way(vocab, flag):
    asked = [(form.format(f=FLAGS[flag]), [(flag, "eq", False)]) for form in JA_FLAG_LEFT_OUT]
    asked += [(form.format(f=FLAGS[flag]), [(flag, "eq", False)]) for form in EN_FLAG_LEFT_OUT]
    assert not misread(vocab, asked)


def test_both_flags_said_together_are_left_out_together_or_apart(vocab):
    both = [("priority_frame", "eq", False), ("future_response", "eq", False)]
    asked = [
        ("重点枠にも将来対応分にも○が付いてない事業", both),
        ("重点枠事業や将来対応分以外の事業", both),
        ("重点枠と将来対応分に入っていない事業", both),
        ("projects not 重点枠 or 将来対応分", both),
        (
            "重点枠事業以外で将来対応分の事業",
            [("priority_frame", "eq", False), ("future_response", "eq", True)],
        ),
        (
            "将来対応分の事業で重点枠以外",
            [("priority_frame", "eq", False), ("future_response", "eq", True)],
        ),
        ("non-priority projects", [("priority_frame", "eq", False)]),
    ]
    assert not misread(vocab, asked)


def test_the_projects_answered_outside_a_flag_are_those_printed_without_its_mark(shared):
    r6 = [p for p in PRINTED if p.edition == "R6"]
    for i, flag in enumerate(FLAGS.values()):
        want = {p.row.name for p in r6 if not p.flags[i]}
        for question in (f"R6版の{flag}事業以外の事業", f"R6版の{flag}に○が付いていない事業"):
            answer = ask(shared, question)
            assert answer.status == "ok", (question, answer.text)
            assert names(answer, "R6") == want, question
    want = {p.row.name for p in r6 if not any(p.flags)}
    answer = ask(shared, "R6版の重点枠にも将来対応分にも○が付いてない事業")
    assert names(answer, "R6") == want


# -- years and amounts turned over ---------------------------------------------------------------


def test_every_start_and_end_year_left_out(vocab):
    starts = sorted({r.start for r in R7 if r.start and r.start[0] == "R"})
    ends = sorted({r.end for r in R7 if r.end and r.end[0] == "R"})
    asked = [(f"{y}開始以外の事業", [("start", "ne", y)]) for y in starts]
    asked += [(f"{y}に始まった事業以外", [("start", "ne", y)]) for y in starts]
    asked += [(f"projects not starting in {y}", [("start", "ne", y)]) for y in starts]
    asked += [(f"not the ones that did start in {y}", [("start", "ne", y)]) for y in starts]
    asked += [(f"{y}まで続かない事業", [("end", "ne", y)]) for y in ends]
    asked += [(f"{y}まで続かなかった事業", [("end", "ne", y)]) for y in ends]
    asked += [(f"終期が{y}以外の事業", [("end", "ne", y)]) for y in ends]
    asked += [(f"projects not ending in {y}", [("end", "ne", y)]) for y in ends]
    assert not misread(vocab, asked)


def test_a_range_left_out_is_outside_it_and_said_twice_within_it(vocab):
    """R5〜R8に開始以外: outside; 〜以外じゃない: within again (never the negation dropped)."""
    asked = [
        ("R5〜R8に開始以外の事業", [("start", "outside", "R5")]),
        ("R5〜R8に開始以外じゃない事業", [("start", "between", "R5")]),
        ("1,000〜5,000万円以外の事業", [("budget", "outside", 10_000)]),
        ("1,000〜5,000万円以外じゃない事業", [("budget", "between", 10_000)]),
        ("教育庁以外じゃない事業", [("department", "eq", "教育庁")]),
        ("R7開始以外じゃない事業", [("start", "eq", "R7")]),
    ]
    assert not misread(vocab, asked)


# What a comparison becomes when left out, by hand.
TURNED = {"以上": "lt", "以下": "gt", "未満": "ge", "超": "le"}


def test_every_budget_comparison_left_out_is_turned_over(vocab):
    budgets = sorted({r.budget for r in R7})
    asked = [
        (f"{b:,}千円{words}以外の事業", [("budget", op, b)])
        for b in budgets
        for words, op in TURNED.items()
    ]
    assert not misread(vocab, asked)


# -- projects named and left out ---------------------------------------------------------------


def excluded(question: str, vocab) -> tuple[list, list]:
    q = understand(question, vocab)
    return q.excluded, q.project_nos


def test_every_project_named_and_left_out(vocab):
    wrong = []
    for r in NUMBERED:
        for question in (f"No{r.no}を除く事業", f"No{r.no}以外の事業", f"except No{r.no}"):
            if excluded(question, vocab) != ([r.no], []):
                wrong.append(question)
        got, _ = excluded(f"{r.name}を除く事業", vocab)
        if f"R7/No{r.no}" not in got:
            wrong.append(r.name)
    assert not wrong


def test_projects_named_together_are_left_out_together(vocab):
    """No40とNo41を除く: both left out (neither kept as the project asked about)."""
    wrong = []
    for a, b, c in zip(NUMBERED, NUMBERED[1:], NUMBERED[2:], strict=False):
        two = (
            f"No{a.no}とNo{b.no}を除く事業",
            f"No{a.no}、No{b.no}以外",
            f"except No{a.no} and No{b.no}",
        )
        for question in two:
            if excluded(question, vocab) != ([a.no, b.no], []):
                wrong.append(question)
        three = f"excluding No{a.no}, No{b.no} and No{c.no}"
        if excluded(three, vocab) != ([a.no, b.no, c.no], []):
            wrong.append(three)
        # The marker after the first only: the second is still the project asked about.
        if excluded(f"No{a.no}以外とNo{b.no}", vocab) != ([a.no], [b.no]):
            wrong.append(f"No{a.no}以外とNo{b.no}")
    assert not wrong


def test_projects_left_out_of_their_department_are_missing_from_the_answer(shared):
    for department in sorted({r.department for r in NUMBERED}):
        mine = [r for r in NUMBERED if r.department == department]
        if len(mine) < 3:
            continue
        a, b = mine[0], mine[1]
        want = {r.name for r in R7 if r.department == department} - {a.name, b.name}
        for question in (
            f"{department}の事業でNo{a.no}とNo{b.no}を除く",
            f"projects of {department} except No{a.no} and No{b.no}",
            f"leaving out the huge No{a.no} and No{b.no}, projects of {department}",
        ):
            answer = ask(shared, question)
            assert answer.status == "ok", (question, answer.text)
            assert names(answer) == want, question


# -- groups taken in -----------------------------------------------------------------------------

JA_TAKEN_IN = [
    "{v}の分も含めて合計",
    "{v}を含めた合計",
    "{v}も含む合計",
    "{v}込みで合計",
    "{v}の分も入れて合計",
    "{v}の分を加えて合計",
]
EN_TAKEN_IN = ["total including {v}", "total incl. {v}", "total inclusive of {v}"]


def test_a_group_taken_in_restricts_nothing(vocab):
    wrong = []
    for kind, values in GROUPS.items():
        for v in values:
            for form in [*JA_TAKEN_IN, *EN_TAKEN_IN]:
                q = understand(form.format(v=v), vocab)
                taken = [(f.kind, f.op, f.value) for f in q.included]
                if q.filters or taken != [(kind, "eq", SPELLED.get(v, v))] or q.unknown:
                    wrong.append((form.format(v=v), taken))
    assert not wrong


def test_words_taken_in_that_name_no_group_are_noted_and_fields_asked_are_not(vocab):
    for asked, filters in (
        ("病院事業会計の分も入れて合計", []),
        ("R7版の病院事業会計の分も入れて合計", []),
        ("病院事業会計の分を含む合計", []),
        ("病院事業会計の分も入れて教育庁の事業費の合計", [("department", "eq", "教育庁")]),
    ):
        q = understand(asked, vocab)
        assert [(f.kind, f.op, f.value) for f in q.included] == [("text", "incl", "病院事業会計")]
        assert [(f.kind, f.op, f.value) for f in q.filters] == filters, asked
        assert not q.unknown, asked
    for asked in ("予算も含めて教えて", "事業費も含めて教えて", "実績を含めて教えて"):
        assert not understand(asked, vocab).included, asked


def test_a_department_taken_in_is_counted_in_the_total(shared):
    total = sum(r.budget for r in R7)
    for department in sorted({r.department for r in R7}):
        answer = ask(shared, f"R7版の{department}の分も含めて全事業の事業費の合計")
        assert answer.status == "ok", answer.text
        assert f"{total:,}千円" in answer.text, answer.text


def test_the_project_left_out_is_the_one_named_at_the_marker(vocab):
    """No40の事業でNo41を除く / compare No40 with the projects except No41: the project named
    at the marker is left out; one named further off stays the project asked about."""
    wrong = []
    for a, b, c in zip(NUMBERED, NUMBERED[1:], NUMBERED[2:], strict=False):
        for question, out, kept in (
            (f"No{a.no}の事業でNo{b.no}を除く", [b.no], [a.no]),
            (f"事業費の合計、ただしNo{b.no}を除く", [b.no], []),
            (f"compare No{a.no} with the projects except No{b.no}", [b.no], [a.no]),
            (
                f"excluding No{a.no} and No{b.no}, what is the budget of No{c.no}",
                [a.no, b.no],
                [c.no],
            ),
            (f"No{a.no}とNo{b.no}とNo{c.no}を除く事業", [a.no, b.no, c.no], []),
            (f"No{a.no}を除いて、No{b.no}も除いて", [a.no, b.no], []),
            (f"non-No{a.no} projects", [a.no], []),
        ):
            q = understand(question, vocab)
            first = kept[0] if kept else None
            if (q.excluded, q.project_nos, q.project_no) != (out, kept, first):
                wrong.append((question, q.excluded, q.project_nos, q.project_no))
    assert not wrong


def test_a_project_named_by_name_stays_beside_one_left_out(vocab):
    wrong = []
    for a, b in pairwise(NUMBERED):
        q = understand(f"compare {a.name} with the projects except No{b.no}", vocab)
        if f"R7/No{a.no}" not in q.project_keys or q.excluded != [b.no]:
            wrong.append((a.name, q.project_keys, q.excluded))
        q = understand(f"except {a.name} and No{b.no}", vocab)
        if f"R7/No{a.no}" not in q.excluded or b.no not in q.excluded:
            wrong.append((a.name, q.excluded))
    assert not wrong


def test_conditions_of_two_kinds_said_together_are_left_out_together(vocab):
    """子育てや教育庁以外: other than 子育て and other than 教育庁 — either kind first."""
    pairs = sorted({(p.row.category, d) for p in PRINTED for d in departments(p) if p.row.category})
    asked = [
        (f"{c}や{d}以外の事業", [("category", "ne", c), ("department", "ne", d)]) for c, d in pairs
    ] + [
        (f"{d}と{c}を除いた事業", [("category", "ne", c), ("department", "ne", d)])
        for c, d in pairs
    ]
    asked += [
        (
            "将来対応分や重点枠以外の事業",
            [("priority_frame", "eq", False), ("future_response", "eq", False)],
        ),
        (
            "将来対応分にも重点枠にも○が付いてない事業",
            [("priority_frame", "eq", False), ("future_response", "eq", False)],
        ),
    ]
    assert not misread(vocab, asked)


def test_a_marker_with_nothing_it_can_turn_is_asked_about(shared, vocab):
    """6,000万円台以外 (a band has no opposite here), "I'm not sure, but …": never dropped
    silently and never applied to a condition it is not written against."""
    assert ask(shared, "6,000万円台以外の事業").status == "clarify"
    q = understand("I'm not sure, but list the projects of 教育庁", vocab)
    assert [(f.kind, f.op, f.value) for f in q.filters] == [("department", "eq", "教育庁")]


def test_a_marker_reaches_its_condition_up_to_its_window_and_no_further(vocab):
    """Japanese: 24 characters between the condition and the marker; English: 48 to a
    condition, 24 to a project named (the words in between left out with it)."""
    for gap, reached in ((24, True), (25, False)):
        q = understand("教育庁" + "の" * gap + "以外", vocab)
        assert [(f.op, f.value) for f in q.filters] == [("ne" if reached else "eq", "教育庁")]
        q = understand("No40" + "の" * gap + "除く", vocab)
        assert (q.excluded, q.project_nos) == (([40], []) if reached else ([], [40]))

    def filler(length: int) -> str:  # " a a … an " of exactly length characters
        a, an = next((a, an) for an in range(3) for a in range(40) if 2 * a + 3 * an + 1 == length)
        return " a" * a + " an" * an + " "

    for gap, reached in ((48, True), (49, False)):
        q = understand("projects not" + filler(gap) + "教育庁", vocab)
        assert [(f.op, f.value) for f in q.filters] == [("ne" if reached else "eq", "教育庁")]
    for gap, reached in ((24, True), (25, False)):
        q = understand("except" + filler(gap) + "No40", vocab)
        assert (q.excluded, q.project_nos) == (([40], []) if reached else ([], [40]))


def test_a_flag_and_a_group_said_together_are_left_out_together(vocab):
    """重点枠と教育庁以外 / 教育庁と重点枠以外: neither the flag nor the group, either order."""
    asked = []
    for d in GROUPS["department"]:
        for f, flag in FLAGS.items():
            both = [("department", "ne", d), (f, "eq", False)]
            asked += [(f"{flag}と{d}以外の事業", both), (f"{d}と{flag}以外の事業", both)]
            asked += [
                (f"{flag}や{d}を除いた事業", both),
                (f"projects other than {d} and {flag}", both),
            ]
    assert not misread(vocab, asked)


def test_the_projects_answered_outside_a_comparison_are_those_printed_past_it(shared):
    """1億円以上以外: the budgets under it — answered, not asked back (the 以外 is used)."""
    meets = {"以上": lambda a, b: a < b, "以下": lambda a, b: a > b}
    for b in sorted({r.budget for r in R7})[::3]:
        for words, kept in meets.items():
            answer = ask(shared, f"R7版の{b:,}千円{words}以外の事業")
            assert answer.status == "ok", answer.text
            assert names(answer) == {r.name for r in R7 if kept(r.budget, b)}, answer.text
