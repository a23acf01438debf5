"""Two editions, field by field (#23 item 3), generated from the documents: every project
across both editions for each field (budget, start, end, department, sections, name), what an
R7 project was called in R6 and what became of each R6 project, every group of each kind in
both editions (counts and totals), and the projects new or ended per group.

The expected values are read here, line by line, from the two files in data/sources — never
from the answering code or the parser it uses. Which R6 project continues as which R7 one is
written out below with the lines that say so (a same name is found by the test itself)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from bot.answer import ask
from bot.sources import default_sources
from tests.conftest import R6_FILE, R7_FILE, loaded_copy

NOW = datetime.fromisoformat("2026-12-07T10:00:00+09:00")


@dataclass
class Printed:
    """One project block as the document prints it."""

    edition: str
    line: int
    name: str
    no: int | None
    field: str
    category: str
    department: str
    sections: list[str]
    budget: int
    start: str | None
    end: str | None
    others: list[str] = field(default_factory=list)  # the other edition's names it links to


def _cells(line: str) -> list[str]:
    return [re.sub(r"\s+", " ", c).strip() for c in line.rstrip("\n").split("\t")]


def _after(cells: list[str], label: str) -> str:
    """The first non-empty cell after the cell that reads `label` (spaces ignored)."""
    for i, c in enumerate(cells):
        if c.replace(" ", "") == label:
            return next((x for x in cells[i + 1 :] if x), "")
    return ""


def read(path, edition: str) -> list[Printed]:
    """The project blocks of one document: its 分野 row, then its 事業名 row."""
    out: list[Printed] = []
    no, head = None, None
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        if m := re.search(r"[【\[]No(\d+)[】\]]", line):
            no = int(m.group(1))
            continue
        cells = _cells(line)
        first = cells[0].replace(" ", "") if cells else ""
        if first == "分野":
            section_cell = _after(cells, "担当課等") or _after(cells, "担当課")
            head = {
                "field": _after(cells, "分野"),
                "category": _after(cells, "項目"),
                "department": _after(cells, "担当部局"),
                "sections": [
                    s for part in section_cell.split() for s in re.split(r"(?<=課)・", part) if s
                ],
            }
        elif first == "事業名" and head is not None:
            joined = " | ".join(cells)
            budget = re.search(r"事業費\s*\(千円\)\s*\|\s*([\d,]+)", joined)
            start = re.search(r"始期\s*\|?\s*([RH]\d+)", joined)
            end = re.search(r"終期\s*\|?\s*([RH]\d+|未定)", joined)
            if edition == "R7" and out and out[-1].no == no:
                no += 1  # the PHR block prints no 【No33】 heading: the next number
            out.append(
                Printed(
                    edition=edition,
                    line=i,
                    name=_after(cells, "事業名"),
                    no=no if edition == "R7" else None,
                    budget=int(budget.group(1).replace(",", "")),
                    start=start.group(1) if start else None,
                    end=end.group(1) if end else None,
                    **head,
                )
            )
            head = None
    return out


R6 = read(R6_FILE, "R6")
R7 = read(R7_FILE, "R7")
BY_NO = {p.no: p for p in R7}


def core(name: str) -> str:
    """A name without spaces and a bracketed addition: 公立学校における教育改革支援事業 (…)."""
    return re.sub(r"[(（][^)）]*[)）]", "", name).replace(" ", "")


# R6 projects continued under another name in R7, with the lines that say so.
RENAMED = {
    "へき地オンライン診療支援対策事業": 24,  # same 概要 (R6 l.7 = R7 l.27), start R6
    "障害福祉施設等介護ロボット導入支援事業費補助": 31,  # start H31, 介護ロボット (R7 l.150)
    "高等学校におけるICTを活用した資質・能力を育む授業づくり推進事業": 39,  # 旧事業 (R7 l.287)
    "地域交通AX推進事業費": 44,  # 地域交通AX推進事業として実施 (R7 l.374)
    "特定家畜伝染病防疫システム構築事業": 48,  # same 概要 (R6 l.272 = R7 l.440)
    "人口減少時代の危機管理体制構築事業(防災危機管理課分)": 49,  # として実施 (R7 l.467)
    "暮らし・まちのDX創出基盤構築事業": 54,  # として実施 (R7 l.547)
}
# No40 took over part of two R6 projects' work (R7 l.301–302 「…より」); both go on as No37/38.
TAKEN_OVER = {
    40: ["校務のICT活用推進事業 (統合型校務支援システム運用事業)", "学校DXスタートアップ事業"]
}

SUCCESSOR: dict[str, int] = {}
for old in R6:
    same = [p.no for p in R7 if core(p.name) == core(old.name)]
    if same:
        SUCCESSOR[old.name] = same[0]
SUCCESSOR.update(RENAMED)
PREDECESSOR = {no: name for name, no in SUCCESSOR.items()}
PAIRS = [(next(p for p in R6 if p.name == name), BY_NO[no]) for name, no in SUCCESSOR.items()]
ENDED = [p for p in R6 if p.name not in SUCCESSOR]
NEW = [p for p in R7 if p.no not in PREDECESSOR and p.no not in TAKEN_OVER]


def test_the_documents_were_read():
    assert len(R6) == 27 and len(R7) == 33
    assert [p.no for p in R7] == list(range(23, 56))
    assert len(PAIRS) == 22 and len(ENDED) == 5 and len(NEW) == 10


@pytest.fixture(scope="module")
def store():
    return loaded_copy(default_sources())


def refs(answer) -> set[tuple[str, str]]:
    return {(r.edition, f"No{r.no}" if r.no is not None else r.name) for r in answer.projects}


def key(p: Printed) -> tuple[str, str]:
    return (p.edition, f"No{p.no}" if p.no is not None else p.name)


def printed(value: str | None, lang: str) -> str:
    """How the answer writes a year cell: 未定 is undecided in English, nothing not stated."""
    if value is None:
        return "記載なし" if lang == "ja" else "not stated"
    if value == "未定":
        return "未定" if lang == "ja" else "undecided"
    return value


FIELD_WORDS = {
    "budget": ("予算", "budget"),
    "start": ("事業始期", "start year"),
    "end": ("事業終期", "end year"),
    "department": ("担当部局", "owner"),
    "sections": ("担当課", "owner"),
    "name": ("事業名", "name"),
}
PHRASINGS = [
    ("ja", "No{no}の{word}、R6版とR7版で比べて"),
    ("ja", "No{no}の{word}はR6とR7でどう変わった？"),
    ("ja", "{old}の{word}、前の版と今の版で並べて"),
    ("en", "Compare the {word} of No{no} in R6 vs R7"),
]


@pytest.mark.parametrize("phrasing", PHRASINGS, ids=[p[1] for p in PHRASINGS])
@pytest.mark.parametrize("kind", list(FIELD_WORDS))
@pytest.mark.parametrize("pair", PAIRS, ids=[f"No{n.no}" for _, n in PAIRS])
def test_each_field_of_each_project_in_both_editions(store, pair, kind, phrasing):
    old, new = pair
    lang, text = phrasing
    question = text.format(no=new.no, old=old.name, word=FIELD_WORDS[kind][lang == "en"])
    a = ask(store, question, now=NOW)
    assert a.status == "ok", (question, a.text)
    assert {key(old), key(new)} <= refs(a), (question, a.text)
    if kind == "budget":
        unit = "千円" if lang == "ja" else " thousand yen"
        for amount in (old.budget, new.budget, abs(new.budget - old.budget)):
            assert f"{amount:,}{unit}" in a.text, (question, amount, a.text)
    elif kind == "sections":
        for s in old.sections + new.sections:
            assert s in a.text, (question, s, a.text)
    elif kind in ("start", "end"):
        for value in (getattr(old, kind), getattr(new, kind)):
            assert printed(value, lang) in a.text, (question, value, a.text)
    else:
        for value in (getattr(old, kind), getattr(new, kind)):
            assert value in a.text, (question, value, a.text)


@pytest.mark.parametrize(
    "text",
    ["No{no}ってR6の時は何て名前だった？", "What was No{no} called in the R6 edition?"],
)
@pytest.mark.parametrize("no", sorted(PREDECESSOR), ids=lambda n: f"No{n}")
def test_what_an_R7_project_was_called_in_R6(store, no, text):
    a = ask(store, text.format(no=no), now=NOW)
    old = next(p for p in R6 if p.name == PREDECESSOR[no])
    assert a.status == "ok" and old.name in a.text, a.text
    assert {key(old), ("R7", f"No{no}")} <= refs(a)


@pytest.mark.parametrize(
    "text", ["No{no}はR6版では何だった？", "What was No{no} in the R6 edition?"]
)
@pytest.mark.parametrize("no", sorted(TAKEN_OVER), ids=lambda n: f"No{n}")
def test_a_take_over_names_its_older_projects_and_says_it_is_uncertain(store, no, text):
    a = ask(store, text.format(no=no), now=NOW)
    olds = [p for p in R6 if p.name in TAKEN_OVER[no]]
    assert a.status == "ok"
    assert {key(p) for p in olds} | {("R7", f"No{no}")} == refs(a)
    assert any(w in a.text for w in ("言い切れません", "not certainly")), a.text
    # Each older project also goes on under its own name: said, with that project's number.
    for p in olds:
        assert f"No{SUCCESSOR[p.name]}" in a.text


@pytest.mark.parametrize(
    "text", ["{name}はR7版ではどうなった？", "What happened to {name} in the R7 edition?"]
)
@pytest.mark.parametrize("old", R6, ids=lambda p: p.name[:12])
def test_what_became_of_each_R6_project(store, old, text):
    a = ask(store, text.format(name=old.name), now=NOW)
    assert a.status == "ok", a.text
    no = SUCCESSOR.get(old.name)
    if no is None:
        assert refs(a) == {key(old)}, a.text  # ended: no R7 project is named
        assert old.start in a.text
    else:
        assert {key(old), ("R7", f"No{no}")} <= refs(a)
        assert BY_NO[no].name in a.text


@pytest.mark.parametrize(
    "text", ["No{no}は前の版にもありますか？", "Was No{no} in the R6 edition too?"]
)
@pytest.mark.parametrize("new", NEW, ids=lambda p: f"No{p.no}")
def test_a_project_new_in_R7_has_no_predecessor(store, new, text):
    a = ask(store, text.format(no=new.no), now=NOW)
    assert a.status == "ok", a.text
    assert refs(a) == {key(new)}
    assert any(w in a.text for w in ("新しく載った", "new in")), a.text


# -- groups ------------------------------------------------------------------------------------


def _same(a: str, b: str) -> bool:
    return a.replace("障害", "障がい") == b.replace("障害", "障がい")


def members(projects: list[Printed], kind: str, value: str) -> list[Printed]:
    """The projects of a group as printed: a joint department (環境政策部・警察本部) counts for
    each of its departments; sections compared with 障害 and 障がい as one spelling."""
    out = []
    for p in projects:
        if kind == "department":
            parts = p.department.split("・")
            joint = parts if all(x.endswith(("部", "局", "庁")) for x in parts) else []
            hit = value in (p.department, *joint)
        elif kind == "section":
            hit = any(_same(s, value) for s in p.sections)
        else:
            hit = getattr(p, kind) == value
        if hit:
            out.append(p)
    return out


def in_edition(projects: list[Printed], label: str, kind: str, value: str) -> list[Printed]:
    """A group's projects in an edition; an office that edition does not print is followed to
    its name there when the two names are each other's (企画政策部 → 総合政策部, #22)."""
    from tests.test_renames import renamed

    found = members(projects, kind, value)
    if found or kind not in ("department", "section"):
        return found
    other = "R6" if label == "R7" else "R7"
    names = dict(renamed(kind, other, label))
    # Sections whose one project continued under a new name, read off the documents: R6 畜産課
    # (l.270, 特定家畜伝染病防疫システム構築事業) is R7's 農林水産政策課 (l.438, No48), R6
    # 交通政策課 (l.212, 地域交通AX推進事業費) is R7's 地域交通・連携課 (l.365, No44).
    moved = {"畜産課": "農林水産政策課", "交通政策課": "地域交通・連携課"}
    names |= moved if label == "R7" else {new: old for old, new in moved.items()}
    return members(projects, kind, names[value]) if value in names else []


def groups() -> list[tuple[str, str]]:
    out = {("category", p.category) for p in R6 + R7}
    out |= {("field", p.field) for p in R6 + R7}
    out |= {("department", p.department) for p in R6 + R7 if "・" not in p.department}
    out |= {("section", s) for p in R6 + R7 for s in p.sections if "障害" not in s}
    return sorted(out)


GROUP_QUESTIONS = [
    "{value}の事業数と予算合計、R6版とR7版で比べて",
    "{value}: number of projects and total budget, R6 edition vs R7 edition?",
]


@pytest.mark.parametrize("text", GROUP_QUESTIONS, ids=["ja", "en"])
@pytest.mark.parametrize(("kind", "value"), groups(), ids=lambda x: str(x))
def test_each_group_counted_and_totalled_in_both_editions(store, kind, value, text):
    a = ask(store, text.format(value=value), now=NOW)
    assert a.status == "ok", a.text
    old, new = in_edition(R6, "R6", kind, value), in_edition(R7, "R7", kind, value)
    plain = a.text.replace(" ", "")
    for group in (old, new):
        assert f"{len(group)}件" in plain or f"{len(group)}project" in plain, a.text
        total = sum(p.budget for p in group)
        assert f"{total:,}千円" in plain or f"{total:,}thousandyen" in plain, a.text
    diff = sum(p.budget for p in new) - sum(p.budget for p in old)
    assert f"{abs(diff):,}" in a.text
    assert refs(a) == {key(p) for p in old + new}


CATEGORIES = sorted({p.category for p in R6 + R7})


@pytest.mark.parametrize("category", CATEGORIES)
def test_new_in_R7_per_category(store, category):
    a = ask(store, f"R7版の{category}で、R6版にはなかった新しい事業はどれですか", now=NOW)
    expected = {key(p) for p in NEW if p.category == category}
    assert a.status == "ok" and refs(a) == expected, a.text


@pytest.mark.parametrize("category", CATEGORIES)
def test_ended_after_R6_per_category(store, category):
    a = ask(store, f"R6版の{category}の事業で、R7版から消えたものはありますか？", now=NOW)
    expected = {key(p) for p in ENDED if p.category == category}
    assert a.status == "ok" and refs(a) == expected, a.text


@pytest.mark.parametrize("department", sorted({p.department for p in R7}))
def test_new_in_R7_per_department(store, department):
    a = ask(
        store,
        f"In the R7 edition, which {department} projects had no counterpart in the R6 edition?",
        now=NOW,
    )
    expected = {key(p) for p in NEW if p.department == department}
    assert a.status == "ok" and refs(a) == expected, a.text


@pytest.mark.parametrize(
    ("by", "kind"), [("部局別", "department"), ("課別", "section"), ("項目別", "category")]
)
def test_any_grouping_compared_across_editions(store, by, kind):
    a = ask(store, f"R6の予算とR7の予算を{by}に比較", now=NOW)
    assert a.status == "ok", a.text
    rows = {line.split("：")[0].lstrip("・"): line for line in a.lines if "版" in line}
    for edition, projects in (("R6", R6), ("R7", R7)):
        values = {
            v
            for p in projects
            for v in (
                [p.department]
                if kind == "department"
                else p.sections
                if kind == "section"
                else [p.category]
            )
        }
        for value in values:
            group = [
                p
                for p in projects
                if value
                in (
                    [p.department]
                    if kind == "department"
                    else p.sections
                    if kind == "section"
                    else [p.category]
                )
            ]
            line = rows[value]
            assert f"{edition}版 {len(group)}件 {sum(p.budget for p in group):,}千円" in line, line


@pytest.mark.parametrize(
    "text",
    [
        "No{no}のR6とR7の予算の差は？",
        "No{no}の事業費、R6 budget と R7 budget 教えて。差額も",
        "How much did the budget of No{no} change from R6 to R7?",
    ],
)
@pytest.mark.parametrize("pair", PAIRS, ids=[f"No{n.no}" for _, n in PAIRS])
def test_the_budget_difference_of_each_project(store, pair, text):
    old, new = pair
    a = ask(store, text.format(no=new.no), now=NOW)
    assert a.status == "ok", a.text
    assert a.value is not None and a.value.amount == new.budget - old.budget
    assert {key(old), key(new)} <= refs(a)


def test_fiscal_years_budgets_are_their_editions_budgets(store):
    """今年度 is R8 on the bank's day: 昨年度 R7 and 一昨年度 R6 are printed by their editions."""
    for old, new in PAIRS:
        a = ask(store, f"No{new.no}の一昨年度と昨年度の予算はそれぞれいくら？", now=NOW)
        assert (
            a.status == "ok" and f"{old.budget:,}千円" in a.text and f"{new.budget:,}千円" in a.text
        )


# -- reading editions: a year is a fiscal year unless it names an edition ------------------

EDITION_FORMS = [
    ("R6版とR7版で学校教育の予算を比べて", ["R6", "R7"], None),
    ("学校教育の予算、R6 vs R7", ["R6", "R7"], None),
    ("学校教育の予算は前の版から今の版でどう変わった", ["R6", "R7"], None),
    ("How did 学校教育's budget change between the editions?", ["R6", "R7"], None),
    ("学校教育の予算、R6→R7で増えた？", ["R6", "R7"], None),
    ("No40の事業始期はR6とR7でどう変わった？", ["R6", "R7"], None),
    ("R7版の医療・福祉で、R6版にはなかった新しい事業", ["R7", "R6"], "R7"),
    ("R6版の学校教育の事業、R7版ではそれぞれどうなった？", ["R6", "R7"], "R6"),
    ("R7で新規の事業（R6版になかったもの）", ["R7", "R6"], "R7"),
]


@pytest.mark.parametrize(("text", "compared", "base"), EDITION_FORMS)
def test_two_editions_named_are_read_as_editions(store, text, compared, base):
    from bot.answer.selection import vocabulary_for
    from bot.understanding import understand

    q = understand(text, vocabulary_for(store))
    assert q.compared == compared and q.edition == base and q.operation == "compare"
    assert not [f for f in q.filters if f.kind in ("start", "end")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("R6とR7で終わる事業", "end"),
        ("終期がR6かR7の事業", "end"),
        ("R6とR7に始まった事業", "start"),
    ],
)
def test_years_of_a_start_or_end_stay_years(store, text, kind):
    from bot.answer.selection import vocabulary_for
    from bot.understanding import understand

    q = understand(text, vocabulary_for(store))
    assert not q.compared
    assert {f.value for f in q.filters if f.kind == kind} == {"R6", "R7"}


def test_the_table_years_of_one_project_stay_years(store):
    from bot.answer.selection import vocabulary_for
    from bot.understanding import understand

    assert not understand("No40のR6とR7の実績", vocabulary_for(store)).compared


@pytest.mark.parametrize(
    "text", ["What projects ended after the R6 edition?", "R6版にあってR7版にない事業"]
)
def test_projects_ended_after_an_edition(store, text):
    a = ask(store, text, now=NOW)
    assert a.status == "ok" and refs(a) == {key(p) for p in ENDED}, a.text


@pytest.mark.parametrize(
    "text", ["which projects are new in the R7 edition?", "R6版になかった事業は？"]
)
def test_projects_new_in_an_edition(store, text):
    a = ask(store, text, now=NOW)
    assert a.status == "ok" and refs(a) == {key(p) for p in NEW}, a.text


def test_a_fiscal_year_no_edition_is_for_is_said_not_filled_in(store):
    """今年度 is R8 and 来年度 R9 on the bank's day: no edition prints their budgets."""
    a = ask(store, "No40の今年度と来年度の予算は？", now=NOW)
    assert a.status == "not_stated" and "R8" in a.text and "R9" in a.text
    assert refs(a) == {("R7", "No40")}
    new = BY_NO[30]
    b = ask(store, "No30の昨年度と今年度の予算", now=NOW)
    assert b.status == "not_stated" and f"{new.budget:,}千円" in b.text and "R8" in b.text
