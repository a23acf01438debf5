"""#13 round two: the classes independent probes misread — two editions with a change verb,
start/end words attached to their years, cost superlatives, slot labels, flags and counts as
subjects, English department names, editions not loaded, a past year answered from the older
edition. Expected values are computed here from the parsed documents, never by the bot."""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import datetime

import pytest

from bot.answer import ask
from bot.answer.selection import vocabulary_for
from bot.fiscal_year import TOKYO
from bot.ingest import parse_file
from bot.sources import default_sources
from bot.store import Store
from bot.understanding import understand
from tests.conftest import R6_FILE, R7_FILE, loaded_copy

R7 = parse_file(R7_FILE).projects
R6 = parse_file(R6_FILE).projects

# Hand-written from the documents, never from the code under test (#28):
# the one printed 担当部局 that names two departments (R6 line 240); 交通・地域社会部 is one.
JOINT_DEPARTMENTS = {"環境政策部・警察本部": ["環境政策部", "警察本部"]}
# The two editions' spellings of one section: R7 prints 障がい福祉課 (lines 142, 161), R6
# 障害福祉課 (line 97); a question in either spelling names the section the R6 way.
SAME_SECTION = {"障がい福祉課": "障害福祉課"}
# English names a person would use for each department printed in either document.
ENGLISH_DEPARTMENTS = {
    "こども家庭部": ["children and family department", "department of children and family"],
    "交通・地域社会部": [
        "transport and community department",
        "department of transport and community",
    ],
    "企画政策部": ["policy and planning department", "department of policy and planning"],
    "健康医療福祉部": [
        "health, medical and welfare department",
        "department of health, medical and welfare",
    ],
    "健康福祉部": ["health and welfare department", "department of health and welfare"],
    "危機管理局": ["crisis management bureau", "emergency management bureau"],
    "教育庁": ["board of education", "education agency"],
    "環境政策部": ["environment policy department", "department of environment policy"],
    "病院局": ["hospital bureau", "bureau of hospitals"],
    "県土整備部": ["public works department", "land development department"],
    "総合政策部": ["general policy department", "comprehensive policy department"],
    "警察本部": ["police headquarters", "police hq"],
    "農林水産部": [
        "agriculture, forestry and fisheries department",
        "department of agriculture forestry and fisheries",
    ],
}


def departments_of(printed: str | None) -> list[str]:
    """The departments a printed 担当部局 names (the table above for a joint one)."""
    return JOINT_DEPARTMENTS.get(printed or "", [printed] if printed else [])


@pytest.fixture(scope="module")
def shared() -> Store:
    store = loaded_copy(default_sources())
    return store


def read(store: Store, text: str):
    return understand(text, vocabulary_for(store))


def western(code: str | None) -> int | None:
    m = re.fullmatch(r"([RH])(\d+)", code or "")
    return (2018 if m.group(1) == "R" else 1988) + int(m.group(2)) if m else None


# -- 1, 2: two editions and a change verb are a comparison, never a start–end range --------
CHANGE_PHRASES = [
    "R6からR7で予算が増えた事業は？",
    "R6からR7にかけて予算が減った事業",
    "R6〜R7で事業費が増えた事業はどれ",
    "which projects increased their budget from R6 to R7?",
    "budget cuts between R6 and R7",
    "R6→R7で増えた事業",
    "R6からR7で減った事業は",
]


@pytest.mark.parametrize("text", CHANGE_PHRASES)
def test_two_editions_with_a_change_verb_are_compared(shared: Store, text: str) -> None:
    q = read(shared, text)
    assert q.operation == "compare"
    assert not [f for f in q.filters if f.kind in ("start", "end")]
    a = ask(shared, text)
    up = "増え" in text or "increase" in text
    old = {p.name: p.budget_thousand_yen for p in R6}
    assert a.status == "ok"
    # Every project the answer lists moved in the asked direction from its R6 budget.
    for line in a.lines:
        if m := re.search(r"：([\d,]+) → ([\d,]+)", line):
            before, after = (int(x.replace(",", "")) for x in m.groups())
            assert (after > before) if up else (after < before)
    assert old  # the R6 document was read


@pytest.mark.parametrize(
    "text",
    [
        "教育庁の予算はR6からR7でどれだけ増えた？",
        "教育庁の事業費をR6とR7で比べると",
        "教育庁の予算はR6とR7でどう変わった",
        "How much did 教育庁's budget grow from R6 to R7?",
        "How did the budget of the board of education change from R6 to R7?",
    ],
)
def test_department_totals_per_edition_and_difference(shared: Store, text: str) -> None:
    def total(projects):
        return sum(
            p.budget_thousand_yen for p in projects if "教育庁" in departments_of(p.department)
        )

    a = ask(shared, text)
    assert a.status == "ok"
    assert a.value is not None and a.value.amount == total(R7) - total(R6)
    assert f"{total(R6):,}" in a.text and f"{total(R7):,}" in a.text


@pytest.mark.parametrize(
    "text",
    ["R7はR6より予算がいくら増えた？", "R6とR7で事業費はどれだけ変わった？", "R7 vs R6 budget"],
)
def test_edition_totals_give_the_difference_and_percentage(shared: Store, text: str) -> None:
    old, new = (sum(p.budget_thousand_yen for p in x) for x in (R6, R7))
    a = ask(shared, text)
    assert a.value is not None and a.value.amount == new - old
    assert f"{(new - old) / old * 100:+.1f}%" in a.text
    # R6 prints the flags, R7 does not: the answer says the editions' fields differ.
    assert "重点枠" in a.text or "Priority-budget project" in a.text


@pytest.mark.parametrize("text", ["what changed between R6 and R7?", "R6とR7で何が変わった？"])
def test_what_changed_between_editions(shared: Store, text: str) -> None:
    q = read(shared, text)
    assert q.operation == "compare" and not q.filters
    a = ask(shared, text)
    assert a.status == "ok"
    assert str(len(R7)) in a.text and str(len(R6)) in a.text


# -- 3: start and end verbs × years ----------------------------------------------------------
START_FORMS = ["{y}に始まって", "{y}に開始して", "{y}にスタートした", "{y}開始で", "開始が{y}で"]
END_FORMS = [
    "{y}に終わる事業",
    "{y}に終了する事業",
    "{y}で終わった事業",
    "終了が{y}の事業",
    "{y}まで続く事業",
]
EN_FORMS = ["projects that started in {s} and end in {e}", "projects starting in {s} ending in {e}"]
PAIRS = sorted({(p.start, p.end) for p in R7 if p.start and p.end and p.start != p.end})


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (s, e, a.format(y=s) + b.format(y=e))
        for (s, e), a, b in itertools.product(PAIRS[:3], START_FORMS, END_FORMS)
    ]
    + [(s, e, f.format(s=s, e=e)) for (s, e), f in itertools.product(PAIRS[:3], EN_FORMS)],
)
def test_start_and_end_verbs_attach_to_their_year(
    shared: Store, start: str, end: str, text: str
) -> None:
    q = read(shared, text)
    kinds = {(f.kind, f.op, f.value) for f in q.filters}
    assert kinds == {("start", "eq", start), ("end", "eq", end)}, text
    expected = {p.no for p in R7 if p.start == start and p.end == end}
    assert {r.no for r in ask(shared, text).projects} == expected


# -- 4: superlatives never list ------------------------------------------------------------
def _education(projects):
    return [p for p in projects if "教育庁" in departments_of(p.department)]


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("教育庁の中で一番お金がかかってない事業", min),
        ("教育庁で最もお金がかからない事業は？", min),
        ("教育庁でいちばん安い事業", min),
        ("教育庁で一番お金がかかる事業", max),
        ("教育庁で最も高額な事業は", max),
        ("教育庁の中で一番予算規模が小さい事業", min),
        ("教育庁で一番お金を使っている事業", max),
        ("教育庁で一番お金を使っていない事業", min),
        ("教育庁で最も低予算の事業", min),
        ("教育庁で最もお金のかかる事業", max),
        ("cheapest project of the board of education", min),
        ("most expensive project of the board of education", max),
    ],
)
def test_cost_superlatives(shared: Store, text: str, pick) -> None:
    best = pick(_education(R7), key=lambda p: p.budget_thousand_yen)
    a = ask(shared, text)
    assert a.status == "ok"
    assert [r.no for r in a.projects] == [best.no]


@pytest.mark.parametrize(
    "text", ["教育庁で一番の事業は？", "教育庁の中で最も〇〇な事業", "top project of 教育庁"]
)
def test_superlative_without_a_measure_asks(shared: Store, text: str) -> None:
    a = ask(shared, text)
    assert a.status == "clarify"
    assert len(a.projects) < len(_education(R7))


# -- 5: slot labels are the value's -----------------------------------------------------------
def _labelled():
    out = []
    for p in R7:
        if p.category:
            out += [(f"項目が{p.category}の事業はいくつ？", "category", p.category)]
            out += [(f"カテゴリーは{p.category}の事業", "category", p.category)]
        for d in departments_of(p.department):
            out += [
                (f"部局が{d}の事業", "department", d),
                (f"担当部局は{d}の事業", "department", d),
                (f"部署が{d}の事業の数", "department", d),
                (f"projects whose department is {d}", "department", d),
            ]
        for s in p.sections:
            out += [(f"担当課が{s}の事業", "section", s), (f"課が{s}の事業の数", "section", s)]
            out += [(f"projects of the section {s}", "section", s)]
    return sorted(set(out))


@pytest.mark.parametrize(("text", "kind", "value"), _labelled())
def test_label_words_next_to_a_value_are_consumed(
    shared: Store, text: str, kind: str, value: str
) -> None:
    q = read(shared, text)
    assert not q.unknown, text
    value = SAME_SECTION.get(value, value)
    assert any(f.kind == kind and f.value == value for f in q.filters), q.filters


# -- 6, 7: flags as subjects, counts ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("重点枠事業は？", "priority_frame"),
        ("重点枠の事業", "priority_frame"),
        ("将来対応分は？", "future_response"),
        ("priority projects", "priority_frame"),
    ],
)
def test_flags_alone_list_the_flagged_projects(shared: Store, text: str, flag: str) -> None:
    expected = {p.name for p in R6 if getattr(p, flag)}
    a = ask(shared, text)
    assert a.status == "ok"
    assert {r.name for r in a.projects} == expected


@pytest.mark.parametrize("label", ["R6", "R7"])
@pytest.mark.parametrize(
    "form", ["{e}の事業数", "{e}の事業数は？", "{e}版の件数", "number of projects in {e}"]
)
def test_count_words(shared: Store, label: str, form: str) -> None:
    q = read(shared, form.format(e=label))
    assert q.operation == "count"
    n = len(R6 if label == "R6" else R7)
    assert ask(shared, form.format(e=label)).value.amount == n


# -- 8: English department names ----------------------------------------------------------
def _english_departments():
    depts = sorted({d for p in R6 + R7 for d in departments_of(p.department)})
    assert depts == sorted(ENGLISH_DEPARTMENTS), "a department printed with no English name here"
    return [(d, name) for d in depts for name in ENGLISH_DEPARTMENTS[d]]


@pytest.mark.parametrize(("department", "name"), _english_departments())
def test_english_department_names(shared: Store, department: str, name: str) -> None:
    q = read(shared, f"List projects of the {name}")
    assert [(f.kind, f.value) for f in q.filters] == [("department", department)], name


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("List projects of the police headquarters", "警察本部"),
        ("projects of the board of education", "教育庁"),
        ("hospital bureau projects", "病院局"),
        ("crisis management bureau projects", "危機管理局"),
        ("children and family department", "こども家庭部"),
        ("general policy department projects", "総合政策部"),
        ("prefectural land improvement department", "県土整備部"),
        ("agriculture, forestry and fisheries department", "農林水産部"),
        ("transport and community department", "交通・地域社会部"),
    ],
)
def test_common_english_department_phrasings(shared: Store, text: str, department: str) -> None:
    q = read(shared, text)
    assert [(f.kind, f.value) for f in q.filters] == [("department", department)]


# -- 9, 10: past years from the older edition; editions not loaded --------------------------
PAST_ENDS = sorted({p.end for p in R6 if (western(p.end) or 9999) < 2025} - {p.end for p in R7})


@pytest.mark.parametrize("year", PAST_ENDS)
@pytest.mark.parametrize("form", ["{y}で終わった事業は？", "{y}に終了した事業はいくつ"])
def test_past_year_answered_from_the_older_edition(shared: Store, year: str, form: str) -> None:
    expected = {p.name for p in R6 if p.end == year}
    a = ask(shared, form.format(y=year))
    assert a.status == "ok"
    assert {r.name for r in a.projects} == expected
    assert "R6版" in a.text  # which edition was used is said


@pytest.mark.parametrize(
    "text", ["R8の事業費の合計は？", "R5版の事業は？", "R9版の事業数", "projects in the R5 edition"]
)
def test_edition_not_loaded_names_the_loaded_ones(shared: Store, text: str) -> None:
    a = ask(shared, text)
    assert a.status == "not_found"
    assert "R6" in a.text and "R7" in a.text


# -- 11: a budget year the document does not print; words only in another edition -----------
@pytest.mark.parametrize(
    ("word", "offset"),
    [("来年度", 1), ("再来年度", 2), ("next year's", 1)],
)
@pytest.mark.parametrize("no", [p.no for p in R7 if p.no is not None][:3])
def test_budget_of_a_year_not_printed(shared: Store, word: str, offset: int, no: int) -> None:
    text = f"No{no}の{word}の予算は" if word[0] > "z" else f"What is {word} budget for No{no}?"
    a = ask(shared, text, now=datetime(2025, 6, 1, 10, tzinfo=TOKYO))  # asked in FY R7
    assert a.status == "not_stated"
    assert f"R{7 + offset}" in a.text and "R7" in a.text  # asked year, and the year printed


def nfkc(text: str) -> str:
    """Full-width letters and digits as people type them (ＤＸ → DX), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def _words_only_in_r6() -> list[tuple[str, set[str]]]:
    """Words of R6 summaries printed nowhere in the R7 document nor in any project's name."""
    r7_text = nfkc(R7_FILE.read_text(encoding="utf-8"))
    names = nfkc(" ".join(p.name for p in R6 + R7))
    out = []
    for p in R6:
        for word in re.findall(
            r"[\u30a0-\u30ff\u4e00-\u9fff]{2,6}(?![\u30a0-\u30ff\u4e00-\u9fff])",
            nfkc(p.summary),
        ):
            word = re.sub(r"(?<=..)(?:等|など)$", "", word)  # 健康課題等: the word is 健康課題
            fresh = word not in r7_text and word not in names and word not in dict(out)
            if fresh and len(out) < 3:
                holders = {x.name for x in R6 if word in nfkc(f"{x.name} {x.summary}")}
                out.append((word, holders))
    return out


@pytest.mark.parametrize(("word", "holders"), _words_only_in_r6())
def test_words_only_in_the_older_edition(shared: Store, word: str, holders: set[str]) -> None:
    named = ask(shared, f"{word}の事業はR7版にある？")
    assert named.status == "not_found"
    assert "R6" in named.text and word in named.text
    plain = ask(shared, f"{word}の事業")
    assert plain.status == "ok" and "R6" in plain.text
    assert {r.name for r in plain.projects} <= holders and plain.projects


JOINT = sorted(
    {(label, p.department) for label, ps in (("R6", R6), ("R7", R7)) for p in ps}
    - {
        (label, d)
        for label, ps in (("R6", R6), ("R7", R7))
        for p in ps
        for d in [p.department]
        if len(departments_of(d)) < 2
    }
)


@pytest.mark.parametrize(("label", "printed"), JOINT)
def test_a_joint_department_as_printed_names_its_projects(
    shared: Store, label: str, printed: str
) -> None:
    projects = R6 if label == "R6" else R7
    expected = sum(p.budget_thousand_yen for p in projects if p.department == printed)
    a = ask(shared, f"{label}版の{printed}の事業費合計")
    assert a.value is not None and a.value.amount == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("一番事業が少ない部局は？", "department"),
        ("事業が最も多い部局", "department"),
        ("Which department has the fewest projects?", "department"),
        ("事業が一番多い課", "section"),
        ("Which section has the most projects?", "section"),
    ],
)
def test_most_and_fewest_projects_per_department_group(shared: Store, text: str, kind: str) -> None:
    """The group with the most (fewest) projects is named — every one of a tie — and the list
    runs from that end (#28: fewest was answered most-first)."""
    q = read(shared, text)
    assert q.operation == "group" and q.group_by == kind and not q.unknown
    counts: dict[str, int] = {}
    for p in R7:  # as printed: R7 spells each department and section one way
        for v in [p.department] if kind == "department" else p.sections:
            counts[v] = counts.get(v, 0) + 1
    fewest = "少な" in text or "fewest" in text
    best = min(counts.values()) if fewest else max(counts.values())
    winners = sorted(v for v, n in counts.items() if n == best)
    answer = ask(shared, text)
    assert sorted((answer.verdict or "").split("、")) == winners
    # Every group's row with its count, from the end asked for: the winners first, then the
    # others in order of their counts (ascending for the fewest, descending for the most).
    rows = [re.fullmatch(r"・(.+?)[：:] ?(\d+)[ 件].*", line) for line in answer.lines]
    listed = [(m.group(1), int(m.group(2))) for m in rows if m]
    assert {name for name, _ in listed[: len(winners)]} == set(winners), answer.lines
    assert [n for _, n in listed] == sorted(
        (counts[name] for name, _ in listed), reverse=not fewest
    ), answer.lines
    assert all(counts[name] == n for name, n in listed), answer.lines


@pytest.mark.parametrize(
    ("text", "code"), [("FY2024 edition projects", "R6"), ("2024年度版の事業数", "R6")]
)
def test_western_year_editions(shared: Store, text: str, code: str) -> None:
    assert read(shared, text).edition == code


@pytest.mark.parametrize(
    ("department", "text"),
    [
        ("保健福祉部", "List projects of the health and welfare department"),
        ("商工労働部", "commerce, industry and labor department projects"),
        ("土木部", "how many projects does the civil engineering department have"),
        ("企業局", "projects of the public enterprise bureau"),
        ("経済産業部", "economy and industry department budget total"),
    ],
)
def test_english_department_names_of_another_prefecture(department: str, text: str) -> None:
    from types import SimpleNamespace

    from bot.vocabulary import build

    projects = [
        SimpleNamespace(
            department=d,
            sections=[],
            category=None,
            field=None,
            name=f"{d}テスト事業",
            key=f"X/{i}",
        )
        for i, d in enumerate(["保健福祉部", "商工労働部", "土木部", "企業局", "経済産業部"])
    ]
    q = understand(text, build([("R7", projects)]))
    assert [(f.kind, f.value) for f in q.filters] == [("department", department)]


@pytest.mark.parametrize(
    "text",
    [
        "R5からR7で予算が増えた事業",
        "教育庁の予算はR7からR8でどれだけ増えた？",
        "what changed between R7 and R9?",
    ],
)
def test_a_comparison_with_an_edition_not_loaded_says_so(shared: Store, text: str) -> None:
    a = ask(shared, text)
    assert a.status == "not_found" and a.value is None
    assert "R6" in a.text and "R7" in a.text  # the loaded editions are named
