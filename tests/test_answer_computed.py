"""What each kind of answer says it computed (#28): `Answer.computed`, which the mention check
reads to decide whether every part of the question was used, for lists, counts, totals,
averages, groups, owners, periods, rankings and year rankings over the edge document. An
entry missing would make a fair question be asked back; an entry too many would let a
question's words pass unused."""

from __future__ import annotations

import pytest

from bot.answer import ask
from tests.conftest import R6_FILE, loaded_copy
from tests.edge_documents import write_edge_document


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    return loaded_copy([R6_FILE, write_edge_document(tmp_path_factory.mktemp("edges"))])


# (question, operations, fields, groups) as the answer must report them.
COMPUTED = [
    ("教育庁の事業の一覧", ["count", "list"], [], [("department", "eq", "教育庁")]),
    ("教育庁の事業は何件", ["count"], [], [("department", "eq", "教育庁")]),
    ("教育庁の事業費の合計", ["count", "sum"], ["budget"], [("department", "eq", "教育庁")]),
    (
        "教育庁の事業費の合計と平均",
        ["avg", "count", "sum"],
        ["budget"],
        [("department", "eq", "教育庁")],
    ),
    ("教育庁の平均事業費", ["avg", "count"], ["budget"], [("department", "eq", "教育庁")]),
    ("部局別の事業数", ["count", "group", "sum"], [], [("by_department", "eq", "")]),
    ("部局別の事業費", ["count", "group", "sum"], [], [("by_department", "eq", "")]),
    ("課ごとの事業数", ["count", "group", "sum"], [], [("by_section", "eq", "")]),
    ("教育庁の事業の担当", ["count", "list"], ["owner"], [("department", "eq", "教育庁")]),
    ("R8に終わる事業の期間", ["count", "list"], ["end", "period"], []),
    ("一番予算が大きい事業", ["max"], ["budget"], []),
    ("一番予算が大きい事業の担当は？", ["max"], ["budget", "owner"], []),
    ("教育庁で2番目に予算が大きい事業", ["nth"], ["budget"], [("department", "eq", "教育庁")]),
    ("予算上位3件", ["top"], ["budget"], []),
    (
        "事業が一番少ない部局は？",
        ["count", "group", "max", "min", "sum", "verdict"],
        [],
        [("by_department", "eq", "")],
    ),
    (
        "最も早く始まった事業は？",
        ["max", "min", "verdict"],
        ["budget", "end", "period", "start"],
        [],
    ),
]


@pytest.mark.parametrize(("question", "operations", "fields", "groups"), COMPUTED)
def test_an_answer_reports_what_it_computed(edges, question, operations, fields, groups):
    a = ask(edges, question)
    assert a.status == "ok", a.text
    done = a.computed
    assert (sorted(done.operations), sorted(done.fields), sorted(done.groups)) == (
        operations,
        fields,
        groups,
    )
    assert done.editions == {"R7"}
