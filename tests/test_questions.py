"""Questions in Japanese and English, answered from the real documents.

Each row: the question, the expected status, the projects the answer is about (edition/no
or R6 name), and the value asked for (if any). Expected values are read off the documents.
"""

from __future__ import annotations

import pytest

from bot.answer import ask
from tests.conftest import R6_FILE, R7_FILE

R7 = [f"R7/{n}" for n in range(23, 56)]
ENDS_R7 = ["R7/24", "R7/27", "R7/29", "R7/30", "R7/31", "R7/32", "R7/37", "R7/39", "R7/52"]
ENDS_R8 = ["R7/25", "R7/26", "R7/28", "R7/36", "R7/38", "R7/44"]
STARTS_R7 = [
    "R7/28",
    "R7/32",
    "R7/34",
    "R7/40",
    "R7/41",
    "R7/42",
    "R7/43",
    "R7/47",
    "R7/49",
    "R7/51",
    "R7/55",
]
BEFORE_R5 = ["R7/25", "R7/31", "R7/33", "R7/35", "R7/37", "R7/53"]
NO_END = ["R7/35", "R7/46", "R7/51", "R7/54"]
OVER_100M = ["R7/30", "R7/36", "R7/37", "R7/38", "R7/40", "R7/41", "R7/42", "R7/50"]
KYOIKUCHO = [f"R7/{n}" for n in range(36, 44)]

# Both sides of each rename, in the order the renamed-projects answer lists them.
RENAMED = [
    "R6/へき地オンライン診療支援対策事業", "R7/24",
    # Not R6 校務のICT活用推進事業 / 学校DXスタートアップ事業: they continue under their own
    # names (No37, No38), and No40 taking over part of their work is no rename.
    "R6/高等学校におけるICTを活用した資質・能力を育む授業づくり推進事業", "R7/39",
    "R6/地域交通AX推進事業費", "R7/44",
    "R6/特定家畜伝染病防疫システム構築事業", "R7/48",
    "R6/人口減少時代の危機管理体制構築事業(防災危機管理課分)", "R7/49",
    "R6/暮らし・まちのDX創出基盤構築事業", "R7/54",
    "R6/障害福祉施設等介護ロボット導入支援事業費補助", "R7/31",
]  # fmt: skip
DROPPED = [
    "R6/ICTを活用した高齢者の見守り体制構築事業",
    "R6/児童養護施設等ICT化推進事業費補助",
    "R6/特別支援学校におけるICTを活用した自立と社会参加を目指す学びの推進事業",
    "R6/サイバー事案に対する県民の対処能力強化事業",
    "R6/あおもりICT施工実践推進事業",
]

CASES = [
    # -- one project's fields, by number in every spelling -------------------------------
    ("R7事業費 for No40?", "ok", ["R7/40"], 188084),
    ("No40の事業費は？", "ok", ["R7/40"], 188084),
    ("【No40】の予算はいくら", "ok", ["R7/40"], 188084),
    ("No.４０ budget", "ok", ["R7/40"], 188084),
    ("no 40 cost", "ok", ["R7/40"], 188084),
    ("40番の担当課は？", "ok", ["R7/40"], None),
    ("No33の事業費", "ok", ["R7/33"], 10758),
    ("How much is No46?", "ok", ["R7/46"], 3731),
    # owners, by name and keyword
    ("who owns the PHR project?", "ok", ["R7/33"], None),
    ("PHRの担当は？", "ok", ["R7/33"], None),
    ("which department runs No47?", "ok", ["R7/47"], None),
    # periods and missing values
    ("WEB出願の事業はいつまで？", "ok", ["R7/42"], None),
    ("No35はいつまで？", "not_stated", ["R7/35"], None),
    ("When does No51 end?", "not_stated", ["R7/51"], None),
    ("When does No43 start?", "ok", ["R7/43"], None),
    ("No23の期間", "ok", ["R7/23"], None),
    ("No31はいつから？", "ok", ["R7/31"], None),
    # summary, plan, actual, flags
    ("what does No40 do?", "ok", ["R7/40"], None),
    ("No55の概要", "ok", ["R7/55"], None),
    ("No40のR9の計画は？", "not_stated", ["R7/40"], None),
    ("plan for R8 of No34", "ok", ["R7/34"], None),
    ("No41の令和８年度の目標", "ok", ["R7/41"], None),
    ("No24の実績は？", "ok", ["R7/24"], None),
    ("what was achieved in No54?", "ok", ["R7/54"], None),
    ("No47の実績", "not_stated", ["R7/47"], None),
    ("公衆衛生DX推進事業の重点枠事業は？", "ok", ["R6/公衆衛生DX推進事業"], None),
    ("No38 priority flags", "ok", ["R7/38", "R6/学校DXスタートアップ事業"], None),
    # names: full, partial, typo, variant, missing suffix, English keywords
    ("県立学校次世代校務デジタル化推進事業の予算", "ok", ["R7/40"], 188084),
    ("県立学校次世代校務デジタル化推新事業の予算", "ok", ["R7/40"], 188084),
    ("オンライン診療設備整備の予算", "ok", ["R7/25"], 31800),
    ("障害福祉分野の介護テクノロジー導入支援の担当", "ok", ["R7/31"], None),
    ("smart aomori construction budget", "ok", ["R7/52"], 16100),
    ("Budget of the pediatric online consultation project", "ok", ["R7/34"], 21897),
    ("データ連携基盤の予算は", "ok", ["R7/55"], 46736),
    ("R6事業費 of 公衆衛生DX推進事業", "ok", ["R6/公衆衛生DX推進事業"], 26068),
    (
        "へき地オンライン診療支援対策事業のR6事業費",
        "ok",
        ["R6/へき地オンライン診療支援対策事業"],
        4202,
    ),
    ("PHR", "ok", ["R7/33"], None),
    # ambiguous, unknown, empty
    ("オンライン診療の予算", "ambiguous", ["R7/25", "R7/24", "R7/34"], None),
    ("介護テクノロジーの予算", "ambiguous", ["R7/30", "R7/31"], None),
    ("No99の予算", "not_found", [], None),
    ("宇宙開発事業の予算", "not_found", [], None),
    ("", "clarify", [], None),
    ("？？", "clarify", [], None),
    ("hello", "clarify", [], None),
    ("事業費は？", "clarify", [], None),
    ("help", "clarify", [], None),
    # -- lists and filters ------------------------------------------------------------------
    ("R7で終わる事業は？", "ok", ENDS_R7, 9),
    ("which projects end in R8?", "ok", ENDS_R8, 6),
    ("令和８年度に終了する事業", "ok", ENDS_R8, 6),
    ("2026年度で終了する事業", "ok", ENDS_R8, 6),
    ("FY2025 ending projects", "ok", ENDS_R7, 9),
    ("started before R5", "ok", BEFORE_R5, 6),
    ("R7から始まる事業", "ok", STARTS_R7, 11),
    ("教育庁の事業", "ok", KYOIKUCHO, 8),
    ("医療薬務課の事業は？", "ok", ["R7/25", "R7/26", "R7/27", "R7/28"], 4),
    ("防災・危機管理の事業", "ok", ["R7/48", "R7/49", "R7/50", "R7/51"], 4),
    ("終期が書かれていない事業", "ok", NO_END, 4),
    ("projects with no end year", "ok", NO_END, 4),
    ("1億円以上の事業", "ok", OVER_100M, 8),
    ("projects over 100 million yen", "ok", OVER_100M, 8),
    ("under 1 million yen", "ok", ["R7/32"], 1),
    # -- aggregates -------------------------------------------------------------------------
    ("R7の事業費の合計は？", "ok", R7, 2313672),
    ("total budget", "ok", R7, 2313672),
    ("事業はいくつ？", "ok", R7, 33),
    ("how many projects?", "ok", R7, 33),
    ("平均事業費", "ok", R7, 70111.3),
    ("一番予算が大きい事業", "ok", ["R7/30"], 491000),
    ("smallest budget", "ok", ["R7/32"], 796),
    ("予算トップ5", "ok", ["R7/30", "R7/41", "R7/37", "R7/36", "R7/40"], None),
    ("top 3 by budget", "ok", ["R7/30", "R7/41", "R7/37"], None),
    ("部局別の事業費", "ok", R7, None),
    ("budget by department", "ok", R7, None),
    ("教育庁の事業費の合計", "ok", KYOIKUCHO, 1216215),
    ("how many projects does 教育庁 have?", "ok", KYOIKUCHO, 8),
    ("R6の事業はいくつ？", "ok", None, 27),
    # -- editions ---------------------------------------------------------------------------
    ("No24のR6とR7の予算比較", "ok", ["R6/へき地オンライン診療支援対策事業", "R7/24"], 41379),
    ("budget R6 vs R7 for No24", "ok", ["R6/へき地オンライン診療支援対策事業", "R7/24"], 41379),
    ("名称が変わった事業", "ok", RENAMED, None),
    ("No44の前身は？", "ok", ["R7/44", "R6/地域交通AX推進事業費"], None),
    (
        "predecessor of No39",
        "ok",
        ["R7/39", "R6/高等学校におけるICTを活用した資質・能力を育む授業づくり推進事業"],
        None,
    ),
    (
        "へき地オンライン診療支援対策事業の後継",
        "ok",
        ["R6/へき地オンライン診療支援対策事業", "R7/24"],
        None,
    ),
    ("R7にないR6の事業", "ok", DROPPED, None),
    ("R6 projects with no counterpart in R7", "ok", DROPPED, None),
    ("No24で何が変わった？", "ok", ["R6/へき地オンライン診療支援対策事業", "R7/24"], 41379),
    ("what changed in No48", "ok", ["R6/特定家畜伝染病防疫システム構築事業", "R7/48"], -35821),
    # -- full text --------------------------------------------------------------------------
    (
        "デジタル体験創造フェアはどこで開催された？",
        "ok",
        ["R7/54"],  # the one sentence, of the one project that prints it
        None,
    ),
    ("参加した薬局の数は？", "ok", ["R7/33"], None),
    ("kintone", "ok", ["R7/23"], None),
    ("UAV国家資格", "ok", ["R7/52"], None),
]


def refs(answer):
    """Projects as R7/40, or R6/name for the unnumbered edition."""
    return [
        f"{p.edition}/{p.no}" if p.no is not None else f"{p.edition}/{p.name}"
        for p in answer.projects
    ]


@pytest.mark.parametrize(
    ("question", "status", "projects", "value"), CASES, ids=[c[0] or "(empty)" for c in CASES]
)
def test_question(store, question, status, projects, value):
    answer = ask(store, question)
    assert answer.status == status, answer.text
    if projects is not None:
        assert refs(answer) == projects, answer.text
    if value is not None:
        assert answer.value is not None and answer.value.amount == pytest.approx(value), answer.text
    assert answer.text  # something a person can read, always
    if status in ("ok", "not_stated") and answer.projects:
        assert answer.sources, "every fact names its source"
        for source in answer.sources:
            assert source.file in (R7_FILE.name, R6_FILE.name)
            assert source.line >= 1


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("No40の事業費は？", "ja"),
        ("R7事業費 for No40?", "en"),
        ("教育庁の事業", "ja"),
        ("total budget", "en"),
    ],
)
def test_reply_in_the_language_of_the_question(store, question, lang):
    text = ask(store, question).text
    assert ("出典" in text) == (lang == "ja")
    assert ("Source" in text) == (lang == "en")


def test_money_and_source_formats(store):
    ja = ask(store, "No40の事業費は？").text
    assert "188,084千円（約1.9億円）" in ja
    assert ja.endswith("出典：R7版 No40 294行目")
    en = ask(store, "R7 budget for No40").text
    assert "¥188.1 million (188,084 thousand yen)" in en
    assert en.endswith("Source: R7 edition No40, line 294")


def test_not_stated_never_invents_an_end_year(store):
    answer = ask(store, "No35はいつまで？")
    assert "記載されていません" in answer.text
    assert answer.value is None


def test_lists_are_sorted_by_number_and_show_the_figure_asked(store):
    text = ask(store, "1億円以上の事業").text
    numbers = [int(line.split()[0][3:]) for line in text.splitlines() if line.startswith("・No")]
    assert numbers == sorted(numbers)
    assert "491,000千円" in text


def test_search_quotes_the_sentence_with_its_line(store):
    answer = ask(store, "デジタル体験創造フェアはどこで開催された？")
    first = answer.text.splitlines()[1]
    assert "県立三沢航空科学館" in first and "No54" in first
    assert (answer.sources[0].edition, answer.sources[0].line) == ("R7", 551)


def test_renamed_projects_include_the_known_renames(store):
    text = ask(store, "renamed projects").text
    assert "へき地オンライン診療支援対策事業 → No24" in text
    assert "地域交通AX推進事業費 → No44" in text


def test_dropped_projects_are_the_five_without_counterpart(store):
    answer = ask(store, "R7にないR6の事業")
    assert len(answer.projects) == 5
    assert "児童養護施設等ICT化推進事業費補助" in answer.text


def test_budget_change_amount_and_rate(store):
    text = ask(store, "No24のR6とR7の予算比較").text
    assert "4,202千円 → R7 45,581千円（+41,379千円、+984.7%）" in text


def test_chat_entries_appear_in_actuals_after_the_document(store):
    from bot.models import ActualEntry

    store.append_entry(
        ActualEntry(
            project_key="R7/No40",
            edition="R7",
            project_no=40,
            fiscal_year="R8",
            text="次期システムの設計を完了",
            author_id="U1",
            author_name="佐藤",
            platform="slack",
        )
    )
    text = ask(store, "No40の実績").text
    assert "次期システムの設計を完了（佐藤," in text
    assert "JST" in text


def test_empty_store_says_so():
    from bot.store import Store

    assert ask(Store.memory(), "No40の事業費").status == "not_found"


def test_every_answered_row_checks_the_projects_or_the_figure():
    """A row that asserts only the status passes whatever the answer says."""
    weak = [c[0] for c in CASES if c[1] in ("ok", "not_stated") and c[2] is None and c[3] is None]
    assert weak == []
