"""The parser on the real documents and on every irregularity the seeds README lists."""

from __future__ import annotations

import re

import pytest

from bot.errors import ParseError
from bot.ingest import parse_bytes, parse_text
from tests.conftest import R7_FILE


def by_no(edition, no):
    return next(p for p in edition.projects if p.no == no)


def by_name(edition, name):
    return next(p for p in edition.projects if p.name.startswith(name))


def test_r7_edition_has_33_projects_no23_to_no55(r7):
    assert r7.code == "R7"
    assert r7.fiscal_year.western == 2025
    assert [p.no for p in r7.projects] == list(range(23, 56))


def test_no40_every_header_field(r7):
    p = by_no(r7, 40)
    assert p.name == "県立学校次世代校務デジタル化推進事業"
    assert (p.field, p.category) == ("暮らし・まち分野", "学校教育")
    assert (p.department, p.sections) == ("教育庁", ["学校教育課"])
    assert (p.budget_thousand_yen, p.budget_note) == (188084, None)
    assert (p.start, p.end) == ("R7", "R10")
    assert p.summary.startswith("教育ダッシュボードやクラウド技術")
    assert (p.source.file, p.source.line) == (R7_FILE.name, 291)
    assert p.number_inferred is False


def test_phr_block_without_heading_is_no33_inferred(r7):
    p = by_no(r7, 33)
    assert p.name == "PHRを活用した次世代型地域医療連携システム整備事業"
    assert p.number_inferred is True
    assert p.source.line == 172  # its 分野 line: there is no heading
    assert p.sections == ["青森県立中央病院医療連携部", "青森県立中央病院医療情報部"]
    assert (p.budget_thousand_yen, p.budget_note) == (10758, "病院事業会計")
    assert sum(q.number_inferred for q in r7.projects) == 1


def test_square_bracket_heading_no46_and_budget_breakdown(r7):
    p = by_no(r7, 46)
    assert p.name == "青少年のネットセーフティ加速化事業"
    assert (p.budget_thousand_yen, p.budget_note) == (3731, "県法2,207+監察1,524")
    assert p.sections == ["県民活躍推進課", "警察本部人身安全対策課"]
    assert p.end is None  # not printed: never guessed


@pytest.mark.parametrize(
    ("no", "start", "end"),
    [
        (23, "R5", "R10"),  # 事業終期 inside the start cell
        (28, "R7", "R8"),  # "事業終期 R8" in one cell
        (31, "H31", "R7"),
        (43, "R7", "R10"),  # 事業終期 printed at the end of the summary row
        (35, "R3", None),
        (51, "R7", None),
        (54, "R6", None),
    ],
)
def test_period_wherever_it_is_printed(r7, no, start, end):
    p = by_no(r7, no)
    assert (p.start, p.end) == (start, end)
    assert p.start_year.code == start


def test_html_and_letter_spacing_are_cleaned(r7):
    text = " ".join(
        [p.achievements or "" for p in r7.projects]
        + [c.plan or "" for p in r7.projects for i in p.initiatives for c in i.years.values()]
    )
    assert "<" not in text and ">" not in text
    assert "I C T" not in text
    assert by_no(r7, 36).initiatives[0].years["R9"].plan == "ICTを活用した校務の推進"


def test_initiative_plan_and_actual_per_year(r7):
    init = by_no(r7, 24).initiatives[0]
    assert init.label == "へき地オンライン診療整備"
    assert init.years["R6"].plan == "コンサルタント委託 整備概要作成 協議会実施"
    assert init.years["R6"].actual == "コンサルタント委託 整備概要作成"
    assert init.years["R7"].plan == "オンライン診療実証実施 個別支援等実施"
    assert init.years["R7"].actual is None
    assert list(init.years) == ["R6", "R7", "R8", "R9", "R10"]


def test_plan_and_actual_in_one_cell_are_split(r7):
    first = by_no(r7, 44).initiatives[0]
    assert first.years["R6"].plan == "バス交通等対策協議会の開催（年3回）"
    assert first.years["R6"].actual.startswith("協議会開催")
    uav = by_no(r7, 52).initiatives[0]
    assert uav.years["R6"].plan.startswith("①UAV測量実習")
    assert uav.years["R6"].actual.startswith("①UAV測量実習")


def test_actual_printed_beside_its_plan_goes_to_the_same_year(r7):
    init = by_no(r7, 39).initiatives[0]
    assert init.years["R6"].plan.startswith("授業実践事例研究")
    assert init.years["R6"].actual == "授業実践事例研究 ワーキンググループ会議"
    assert init.years["R7"].plan == "教科横断型指導の研修（最大3校）"


def test_label_printed_on_the_second_row_and_actual_in_achievements_line(r7):
    no23 = by_no(r7, 23).initiatives
    assert [i.label for i in no23] == ["保健所業務のDX推進"]
    assert no23[0].years["R6"].actual.startswith("モデル保健所伴走支援")
    no29 = by_no(r7, 29)
    assert no29.achievements is None
    assert no29.initiatives[0].years["R6"].actual.startswith("募集 講習・貸与")


def test_achievements_keep_their_line(r7):
    p = by_no(r7, 54)
    assert "県立三沢航空科学館" in p.achievements
    assert p.achievements_line == 551


def test_r6_edition_read_from_its_budget_label_not_its_stray_header(r6):
    assert r6.code == "R6"
    assert r6.title is None  # its only title line is a stray (別紙2-2) page header at line 227
    assert len(r6.projects) == 27
    assert all(p.no is None and not p.number_inferred for p in r6.projects)


def test_r6_flags_including_a_mark_merged_into_the_next_label(r6):
    assert (
        by_name(r6, "公衆衛生DX").priority_frame,
        by_name(r6, "公衆衛生DX").future_response,
    ) == (
        True,
        True,
    )
    dx = by_name(r6, "学校DXスタートアップ")  # "○ 将来対応分" in one cell
    assert (dx.priority_frame, dx.future_response) == (True, False)
    assert (dx.start, dx.end) == ("R6", "R8")  # "事業 始期 R6 事業 終期 R8" in one cell
    phr = by_name(r6, "PHR")
    assert (phr.priority_frame, phr.future_response) == (False, False)
    assert (phr.budget_thousand_yen, phr.budget_note, phr.end) == (77952, "病院事業会計", "未定")


def test_r6_sections_split_after_a_section_name_only(r6):
    p = by_name(r6, "青少年のネットセーフティ")
    assert p.sections == ["青少年・男女共同参画課", "生活安全企画課"]
    assert p.department == "環境政策部・警察本部"


def test_r6_start_and_end_in_one_cell(r6):
    p = by_name(r6, "児童養護施設")
    assert (p.start, p.end) == ("R2", "R8")
    assert by_name(r6, "障害福祉施設").start == "H31"


# -- a next edition in the same format loads with no code change -----------------------------


def make_r8(text: str) -> str:
    """An R8 document from the R7 text: new labels, budgets, fewer blocks, a wide heading."""
    text = text.replace("令和7年度", "令和8年度").replace("R7事業費", "R8事業費")
    blocks = re.split(r"(?=\n令和8年度DX関連事業ロードマップ\n)", text)
    kept = [b for b in blocks if not re.search(r"【No(24|25|26)】", b)]
    text = "".join(kept)
    text = text.replace("【No40】", "【Ｎｏ４０】")
    return text.replace("\t188,084\t", "\t201,500\t").replace("\t8,891\t", "\t9,000\t")


def test_next_edition_document_loads_with_its_own_edition_numbers_and_budgets():
    text = make_r8(R7_FILE.read_text(encoding="utf-8"))
    r8 = parse_text(text, "roadmap_R8.txt")
    assert r8.code == "R8"
    numbers = [p.no for p in r8.projects]
    assert numbers == [23, *range(27, 56)]
    assert by_no(r8, 40).budget_thousand_yen == 201500
    assert by_no(r8, 23).budget_thousand_yen == 9000
    assert by_no(r8, 33).number_inferred is True


# -- bad input: a clear error naming the file and line ---------------------------------------


def test_empty_file():
    with pytest.raises(ParseError, match="empty") as exc:
        parse_bytes(b"  \n\n", "empty.txt")
    assert exc.value.file == "empty.txt"


def test_not_a_roadmap():
    with pytest.raises(ParseError, match="not a roadmap"):
        parse_bytes("議事録\n出席者\t5名\n".encode(), "minutes.txt")


def test_not_utf8():
    with pytest.raises(ParseError, match="UTF-8") as exc:
        parse_bytes("分野\t暮らし\n".encode("shift_jis"), "sjis.txt")
    assert exc.value.line == 1


def test_truncated_block_names_its_line():
    text = R7_FILE.read_text(encoding="utf-8")
    cut = text[: text.index("事 業 名\t県立学校次世代")]
    with pytest.raises(ParseError, match="事業名 is missing") as exc:
        parse_text(cut, "cut.txt")
    assert (exc.value.file, exc.value.line) == ("cut.txt", 291)
    assert "cut.txt, line 291" in str(exc.value)


def test_heading_with_no_block():
    text = R7_FILE.read_text(encoding="utf-8") + "\n令和7年度DX関連事業ロードマップ\n\n【No56】\n"
    with pytest.raises(ParseError, match="No56") as exc:
        parse_text(text, "tail.txt")
    assert exc.value.line == 573


def test_budget_that_is_not_a_number():
    text = R7_FILE.read_text(encoding="utf-8").replace("\t188,084\t", "\t未定\t")
    with pytest.raises(ParseError, match="budget") as exc:
        parse_text(text, "budget.txt")
    assert exc.value.line == 294


def test_two_editions_in_one_file():
    text = R7_FILE.read_text(encoding="utf-8").replace(
        "R7事業費(千円)\t188,084", "R6事業費(千円)\t188,084"
    )
    with pytest.raises(ParseError, match="R6") as exc:
        parse_text(text, "mixed.txt")
    assert exc.value.line == 291


def test_duplicate_number():
    text = R7_FILE.read_text(encoding="utf-8").replace("【No41】", "【No40】")
    with pytest.raises(ParseError, match="No40 appears twice"):
        parse_text(text, "dup.txt")


def test_year_that_is_not_a_year():
    text = R7_FILE.read_text(encoding="utf-8").replace(
        "事業始期\tR7\t事業終期\tR10", "事業始期\tX7\t事業終期\tR10", 1
    )
    with pytest.raises(ParseError, match="not a fiscal year"):
        parse_text(text, "year.txt")
