"""Words that carry the question are never taken for small talk, inclusion or description (#22:
never a different question). Each case is a way a reading added for one phrasing could eat the
words of another; generated over the R7 edition's projects and departments, expected values
read off the documents' lines (tests/document_lines.py)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.answer import ask
from bot.understanding.parts import parts
from tests.conftest import R7_FILE
from tests.document_lines import rows

ROWS = rows(R7_FILE)
NUMBERED = [r for r in ROWS if r.no is not None]
BY_DEPARTMENT: dict[str, list] = defaultdict(list)
for _row in ROWS:
    BY_DEPARTMENT[_row.department].append(_row)


@pytest.mark.parametrize("row", NUMBERED[::4], ids=lambda r: f"No{r.no}")
def test_a_field_said_before_kuwaete_is_asked(shared, row):
    """「担当と予算を加えて教えて」: the budget is asked, never "taken in" as a condition."""
    answer = ask(shared, f"No{row.no}の担当と予算を加えて教えて")
    assert answer.status == "ok", answer.text
    assert f"{row.budget:,}千円" in answer.text, answer.text
    assert all(s in answer.text for s in row.sections), answer.text
    assert "含めています" not in answer.text, answer.text


@pytest.mark.parametrize("department", sorted(d for d, rs in BY_DEPARTMENT.items() if len(rs) > 1))
@pytest.mark.parametrize(
    "form,op",
    [("{d}の事業費を足していくらになる？", "sum"), ("{d}の事業で予算は最大いくら？", "max")],
)
def test_sums_and_maxima_said_plainly(shared, department, form, op):
    """足して is a sum and 最大いくら the largest — not inclusion, not a text search."""
    answer = ask(shared, form.format(d=department))
    members = BY_DEPARTMENT[department]
    assert answer.status == "ok", answer.text
    if op == "sum":
        assert f"{sum(r.budget for r in members):,}千円" in answer.text, answer.text
    else:
        top = max(members, key=lambda r: r.budget)
        assert [p.name for p in answer.projects] == [top.name], answer.text


@pytest.mark.parametrize(
    "message,count",
    [
        ("No24のR6の実績とR7の目標は？あとNo38の担当課は？", 3),
        ("No38の担当課は？あとNo24のR6の実績とR7の目標も", 3),
        ("No24の担当は？あとNo38の実績があれば教えて", 2),
        ("No24のR6の目標とR7の目標を比べて", 1),  # one comparison
    ],
)
def test_every_part_is_kept(message, count):
    assert len(parts(message)) == count, parts(message)


@pytest.mark.parametrize(
    "question",
    [
        "観光関係ですが、予算が一番大きい事業は？",
        "観光の事業について質問です。予算が一番大きいのはどれですか？",
        "Tourism: which project has the biggest budget?",
        "What's the budget for the new servers in the project (No41)?",
        "予算の1位と3位の事業は？",
        "No46 3,731千円の半分はいくら？",
    ],
)
def test_a_word_the_bot_cannot_use_is_asked_back(shared, question):
    """The topic, the thing or the place asked cannot be applied: asked back, never dropped."""
    answer = ask(shared, question)
    assert answer.status != "ok", answer.text


@pytest.mark.parametrize("word", ["セキュリティ", "データ"])
def test_how_many_projects_say_a_word(shared, word):
    """「セキュリティの事業はいくつ？」 counts the projects printing it, never one of them."""
    answer = ask(shared, f"{word}の事業はいくつ？")
    assert answer.status == "ok", answer.text
    assert len(answer.projects) > 1, answer.text


def test_western_years_leave_project_keys_alone(shared):
    """R6/#13 is a key, never a year to write in the Western calendar."""
    answer = ask(shared, "R6版の教育庁の事業の始期を西暦で一覧にして")
    assert "年度）/#" not in answer.text, answer.text


@pytest.mark.parametrize("row", NUMBERED[::5], ids=lambda r: f"No{r.no}")
def test_a_second_year_asked_of_plans_is_never_dropped(shared, row):
    """「R6の実績とR7の目標 No49」: the R7 goal is answered, or the question asked back — the
    edition read (R7) never stands in for the year asked."""
    answer = ask(shared, f"R6の実績とR7の目標 No{row.no}")
    assert answer.status != "ok" or "R7計画" in answer.text, answer.text
