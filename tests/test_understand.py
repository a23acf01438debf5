"""Slot extraction: one test per slot kind, and combinations (pure: no store)."""

from __future__ import annotations

import pytest

from bot.understanding import Filter, understand
from bot.understanding.lexicon import kanji_number
from bot.understanding.years import EDITION_YEAR
from bot.vocabulary import build
from tests.conftest import R6_FILE, R7_FILE


@pytest.fixture(scope="module")
def vocab():
    from bot.ingest import parse_file

    return build([("R6", parse_file(R6_FILE).projects), ("R7", parse_file(R7_FILE).projects)])


def test_department_slot_and_count(vocab):
    q = understand("健康医療福祉部の事業は何件？", vocab)
    assert q.operation == "count"
    assert q.filters == [Filter("department", "eq", "健康医療福祉部")]


def test_section_category_and_field_slots(vocab):
    assert understand("医療薬務課の事業", vocab).filters == [Filter("section", "eq", "医療薬務課")]
    assert understand("防災・危機管理分野の事業", vocab).filters == [
        Filter("category", "eq", "防災・危機管理")
    ]
    assert understand("暮らし・まち分野の事業", vocab).filters == [
        Filter("field", "eq", "暮らし・まち分野")
    ]


def test_spelling_variant_and_typo(vocab):
    (section,) = understand("障害福祉課の事業", vocab).filters
    # R6 prints 障害福祉課 (line 97), R7 障がい福祉課 (line 142): one section, named the R6 way.
    assert (section.kind, section.value) == ("section", "障害福祉課")
    assert understand("健康医療福祈部の事業", vocab).filters == [
        Filter("department", "eq", "健康医療福祉部")
    ]


def test_edition_slot_explicit_previous_and_labelled_budget(vocab):
    assert understand("R6版で予算が一番小さかった事業", vocab).edition == "R6"
    assert understand("前の版の事業の一覧", vocab).edition == "previous"
    q = understand("R6事業費 of 公衆衛生DX推進事業", vocab)
    assert (q.edition, q.fields) == ("R6", ["budget"])


def test_bare_year_is_edition_for_sets_and_plan_year_for_a_project(vocab):
    assert understand("R6の事業はいくつ？", vocab).edition == "R6"
    q = understand("No40のR9の計画は？", vocab)
    assert (q.project_no, q.year, q.edition) == (40, "R9", None)


def test_year_filters(vocab):
    assert understand("令和八年度で終わる事業", vocab).filters == [Filter("end", "eq", "R8")]
    assert understand("started before R5", vocab).filters == [Filter("start", "lt", "R5")]
    assert understand("事業期間がR5〜R9の事業", vocab).filters == [
        Filter("start", "eq", "R5"),
        Filter("end", "eq", "R9"),
    ]
    assert understand("R5〜R9の間に収まる事業", vocab).filters == [
        Filter("start", "ge", "R5"),
        Filter("end", "le", "R9"),
    ]
    assert understand("終期が未定の事業", vocab).filters == [Filter("end", "eq", None)]


def test_budget_filters_in_every_unit(vocab):
    assert understand("1億円以上の事業", vocab).filters == [Filter("budget", "ge", 100_000)]
    assert understand("予算が1,000万円から5,000万円の事業", vocab).filters == [
        Filter("budget", "between", 10_000, 50_000)
    ]
    assert understand("projects under 5 million yen", vocab).filters == [
        Filter("budget", "lt", 5_000)
    ]
    assert understand("5000万円未満", vocab).filters == [Filter("budget", "lt", 50_000)]


def test_flags_filter_and_negation(vocab):
    assert understand("R6で重点枠事業だった事業の一覧", vocab).filters == [
        Filter("priority_frame", "eq", True)
    ]
    assert understand("将来対応分の事業", vocab).filters == [Filter("future_response", "eq", True)]


@pytest.mark.parametrize(
    ("text", "operation", "n"),
    [
        ("ワースト3", "bottom", 3),
        ("上位五件", "top", 5),
        ("2番目に大きい事業", "nth", 2),
        ("second smallest budget", "nth", 2),
        ("平均事業費", "avg", None),
        ("部局別の事業費", "group", None),
        ("一番予算が大きい事業", "max", None),
    ],
)
def test_operations(vocab, text, operation, n):
    q = understand(text, vocab)
    assert q.operation == operation
    assert q.n == n


def test_rank_is_not_a_project_number(vocab):
    assert understand("2番目に大きい事業", vocab).project_no is None
    assert understand("40番の担当課は？", vocab).project_no == 40


def test_combination_of_filters_operation_and_edition(vocab):
    q = understand("R6版の教育庁の事業で1億円以上のものの合計", vocab)
    assert q.edition == "R6" and q.operation == "sum"
    assert Filter("department", "eq", "教育庁") in q.filters
    assert Filter("budget", "ge", 100_000) in q.filters


def test_words_not_understood_are_kept(vocab):
    q = understand("宇宙関連の事業は何件？", vocab)
    assert q.unknown == ["宇宙"]  # 関連 says how, not what: the condition is 宇宙


def test_kanji_numerals():
    assert [kanji_number(x) for x in ("七", "十二", "二十", "元")] == [7, 12, 20, 1]


def test_r6_alone_is_read_by_context(vocab):
    """R6 is an edition for a set or a budget, a plan/actual year inside a project's table."""
    assert understand("R6の事業費合計", vocab).edition == "R6"
    assert understand("No24のR6の予算", vocab).edition == "R6"
    q = understand("No40のR6の実績は？", vocab)
    assert (q.edition, q.year, q.fields) == (None, "R6", ["actual"])
    q = understand("No24のR6の目標", vocab)
    assert (q.edition, q.year) == (None, "R6")


def test_relative_years_and_new_projects(vocab):
    assert understand("来年度で終わる事業", vocab).filters == [Filter("end", "eq", "@1")]
    assert understand("新しく始まった事業", vocab).filters == [Filter("start", "eq", EDITION_YEAR)]
    assert understand("来年度の事業", vocab).unknown == ["来年度"]


def test_several_fields_of_one_project(vocab):
    q = understand("No40の予算と担当課", vocab)
    assert (q.project_no, q.fields) == (40, ["budget", "owner"])


def test_project_names_from_the_vocabulary_and_former_names(vocab):
    q = understand("へき地オンライン診療支援対策事業の後継", vocab)
    assert q.project_keys == ["R6/#1"] and q.comparison == "successor"


def test_a_name_that_is_both_a_field_and_a_category_follows_the_word_said():
    from types import SimpleNamespace

    def project(no, field, category):
        return SimpleNamespace(
            key=f"R9/No{no}",
            name=f"事業{no}号",
            department="総務部",
            sections=[],
            field=field,
            category=category,
        )

    vocab = build([("R9", [project(1, "その他", "観光"), project(2, "産業分野", "その他")])])
    assert understand("その他分野の事業", vocab).filters == [Filter("field", "eq", "その他")]
    assert understand("その他の項目の事業", vocab).filters == [Filter("category", "eq", "その他")]
    assert understand("産業分野の事業", vocab).filters == [Filter("field", "eq", "産業分野")]


@pytest.mark.parametrize(
    ("text", "op", "thousand_yen"),
    [
        ("予算が一億円以上の事業", "ge", 100_000),
        ("一千万円以上の事業", "ge", 10_000),
        ("百万円以下の事業", "le", 1_000),
        ("二千五百万円未満", "lt", 25_000),
        ("3千万円以上", "ge", 30_000),
        ("1.5億円以上", "ge", 150_000),
        ("projects over ¥50 million", "gt", 50_000),
    ],
)
def test_amounts_in_every_writing(vocab, text, op, thousand_yen):
    assert understand(text, vocab).filters == [Filter("budget", op, thousand_yen)]


def test_or_within_a_kind_and_exclusion(vocab):
    q = understand("健康医療福祉部と教育庁の事業の合計", vocab)
    assert [f.value for f in q.filters] == ["健康医療福祉部", "教育庁"]
    assert understand("教育庁以外の事業", vocab).filters == [Filter("department", "ne", "教育庁")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("List projects in the 子育て category", "en"),
        ("How many projects does こども家庭部 have?", "en"),
        ("No40の事業費は？", "ja"),
        ("健康医療福祉部と教育庁 total budget", "ja"),
        ("PHR", "ja"),
    ],
)
def test_language_of_the_question(vocab, text, lang):
    assert understand(text, vocab).lang == lang


def test_japanese_words_run_into_english_ones(vocab):
    assert understand("R8に終わるhow many", vocab).filters == [Filter("end", "eq", "R8")]


def test_each_ranking_keeps_its_own_number_and_repeats_count_once(vocab):
    q = understand("上位3の事業で2番目に大きい", vocab)
    assert (q.operation, q.n) == ("nth", 2)
    q = understand("医療・福祉分野と医療・福祉分野の事業", vocab)
    assert q.filters == [Filter("category", "eq", "医療・福祉")]
