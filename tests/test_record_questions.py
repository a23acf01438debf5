"""Questions about the living record (#27), asked of a record built the way people build it:
several authors (Slack, Teams, the console) on several projects across weeks, one of them
renamed, a retraction, a report for last year, one on an older edition's project, owners by
project and by section, a fixed clock. Every expected value is computed here from that record
and from the documents, never from the code under test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from bot import updates
from bot.answer import ask
from bot.fiscal_year import TOKYO, FiscalYear
from bot.updates import Identity

NOW = datetime(2026, 12, 9, 14, 0, tzinfo=TOKYO)  # a Wednesday of fiscal year R8
MIMAMORI = "ICTを活用した高齢者の見守り体制構築事業"  # printed in the R6 edition only


@dataclass(frozen=True)
class Report:
    key: str  # R7/No34, or the R6 project's name
    user: str
    name: str  # the display name at the time of writing
    platform: str
    year: str
    initiative: str | None
    text: str
    at: datetime


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TOKYO)


REPORTS = [
    Report(
        "R7/No34",
        "UYAMA",
        "山本",
        "slack",
        "R8",
        "1",
        "利用案内を全市町村に配布",
        at("2026-11-02T10:00"),
    ),
    Report(
        "R7/No35",
        "UYAMA",
        "山本 大輔",
        "slack",
        "R8",
        None,
        "補助金の交付申請を受付",
        at("2026-11-16T09:30"),
    ),
    Report(
        "R7/No25",
        "USATO",
        "佐藤 花子",
        "slack",
        "R8",
        None,
        "医療機関2件に交付決定",
        at("2026-11-20T15:00"),
    ),
    Report(
        "R7/No25",
        "USATO",
        "佐藤 花子",
        "slack",
        "R8",
        None,
        "医療機関3件に交付決定",
        at("2026-11-21T09:00"),
    ),
    Report(
        "R7/No28",
        "USATO",
        "佐藤 花子",
        "slack",
        "R7",
        "2",
        "R7年度分の遠隔支援を完了",
        at("2026-11-24T11:00"),
    ),
    Report(
        "R7/No42",
        "aad-naka",
        "中村 優",
        "teams",
        "R8",
        "1",
        "WEB出願のテストを実施",
        at("2026-12-01T17:00"),
    ),
    Report(
        "R7/No43",
        "aad-naka",
        "中村 優",
        "teams",
        "R8",
        "2",
        "遠隔補習を配信",
        at("2026-12-03T08:50"),
    ),
    Report(
        "R7/No47",
        "UKIMU",
        "木村 誠",
        "slack",
        "R8",
        "1",
        "路上装置の運用を開始",
        at("2026-12-07T09:00"),
    ),
    Report(
        "R7/No42",
        "aad-naka",
        "中村 優",
        "teams",
        "R8",
        "2",
        "納付受託者を登録",
        at("2026-12-08T13:15"),
    ),
    Report(
        MIMAMORI,
        "伊藤",
        "伊藤 健",
        "console",
        "R8",
        None,
        "見守り検証を継続",
        at("2026-12-08T16:00"),
    ),
    Report(
        "R7/No34",
        "UYAMA",
        "山本 大輔",
        "slack",
        "R8",
        "1",
        "11月の利用は412件",
        at("2026-12-09T10:00"),
    ),
]
RETRACTED = REPORTS[2]  # 医療機関2件…, retracted the same afternoon
COUNTED = [r for r in REPORTS if r is not RETRACTED]
# Who owns what: (platform, user, display name, project key or None, section or None).
OWNERS = [
    ("slack", "UYAMA", "山本 大輔", "R7/No34", None),
    ("slack", "UYAMA", "山本 大輔", "R7/No35", None),
    ("slack", "USATO", "佐藤 花子", None, "医療薬務課"),
    ("teams", "aad-naka", "中村 優", "R7/No42", None),
    ("teams", "aad-naka", "中村 優", "R7/No43", None),
    ("slack", "UKIMU", "木村 誠", "R7/No47", None),
    ("slack", "UKIMU", "木村 誠", "R7/No51", None),
    ("console", "伊藤", "伊藤 健", MIMAMORI, None),
]
PEOPLE = {  # user → (surname as people say it, in Japanese and in English)
    "UYAMA": ("山本", "Yamamoto"),
    "USATO": ("佐藤", "Sato"),
    "aad-naka": ("中村", "Nakamura"),
    "UKIMU": ("木村", "Kimura"),
    "伊藤": ("伊藤", "Ito"),
}


@pytest.fixture(scope="module")
def record(loaded_template):
    """The record, appended through the product's update path, each entry at its own time."""
    from tests.conftest import copy_of

    store = copy_of(loaded_template)
    keys = {MIMAMORI: next(p.key for p in store.projects("R6") if p.name == MIMAMORI)}
    for platform, user, name, key, section in OWNERS:
        store.add_owner(
            platform, user, project_key=keys.get(key, key), section=section, user_name=name
        )
    ids = {}
    for r in REPORTS:
        project = store.project(keys.get(r.key, r.key))
        entry, _ = updates.append_update(
            store,
            Identity(r.platform, r.user, r.name),
            project,
            r.text,
            fiscal_year=r.year,
            initiative=r.initiative,
            now=r.at,
        )
        ids[r] = entry.id
    updates.retract(
        store,
        Identity("slack", "USATO", "佐藤 花子"),
        ids[RETRACTED],
        "件数誤り",
        now=at("2026-11-20T15:30"),
    )
    store.mimamori = keys[MIMAMORI]  # type: ignore[attr-defined]
    store.ids = ids  # type: ignore[attr-defined]
    return store


def asked(store, text: str, who: Identity | None = None):
    return ask(store, text, now=NOW, asker=who)


def keys_of(answer) -> set[str]:
    return {p.key for p in answer.projects}


def key(store, r: Report) -> str:
    return store.mimamori if r.key == MIMAMORI else r.key


# -- a project's record ----------------------------------------------------------------------

PROJECT_LISTS = [
    "No{n}の報告",
    "No{n}の報告を全部見せて",
    "No{n}の更新履歴",
    "updates on No{n}",
    "all reports for No{n}",
]
PROJECT_COUNTS = ["No{n}の報告は何件？", "No{n}への報告件数", "How many updates does No{n} have?"]
PROJECT_LATEST = [
    "No{n}の最新の報告",
    "No{n}の直近の報告は？",
    "latest update on No{n}",
    "who posted the last update on No{n}?",
]
REPORTED = sorted({int(r.key.split("No")[1]) for r in REPORTS if r.key.startswith("R7/")})


@pytest.mark.parametrize("template", PROJECT_LISTS)
@pytest.mark.parametrize("no", REPORTED)
def test_a_projects_reports_newest_first_with_author_time_and_number(record, template, no):
    answer = asked(record, template.format(n=no))
    mine = sorted((r for r in COUNTED if r.key == f"R7/No{no}"), key=lambda r: r.at, reverse=True)
    assert answer.status == "ok", answer.text
    assert answer.value.amount == len(mine)
    assert keys_of(answer) == {f"R7/No{no}"}
    positions = [answer.text.index(r.text) for r in mine]
    assert positions == sorted(positions)  # newest first
    for r in mine:
        assert r.name in answer.text and f"#{record.ids[r]}" in answer.text
        assert r.at.strftime("%Y-%m-%d %H:%M JST") in answer.text
    assert "record" in answer.computed.fields  # never answered as a search of the documents


@pytest.mark.parametrize("template", PROJECT_COUNTS)
@pytest.mark.parametrize("no", REPORTED)
def test_how_many_reports_a_project_has(record, template, no):
    answer = asked(record, template.format(n=no))
    assert answer.status == "ok", answer.text
    assert answer.value.amount == sum(1 for r in COUNTED if r.key == f"R7/No{no}")


@pytest.mark.parametrize("template", PROJECT_LATEST)
@pytest.mark.parametrize("no", REPORTED)
def test_a_projects_latest_report(record, template, no):
    answer = asked(record, template.format(n=no))
    mine = sorted((r for r in COUNTED if r.key == f"R7/No{no}"), key=lambda r: r.at)
    assert answer.status == "ok", answer.text
    if not mine:
        assert answer.value.amount == 0
        return
    newest = mine[-1]
    assert newest.text in answer.text and newest.name in answer.text
    for older in mine[:-1]:
        assert older.text not in answer.text


def test_a_retracted_report_is_shown_as_retracted_and_never_counted(record):
    answer = asked(record, "No25の報告")
    assert answer.value.amount == 1  # 3件 stays, 2件 was retracted
    line = next(x for x in answer.text.split("\n") if RETRACTED.text in x)
    assert "取消済み" in line and "件数誤り" in line
    english = asked(record, "updates on No25")
    assert "(retracted)" in next(x for x in english.text.split("\n") if RETRACTED.text in x)
    retracted = asked(record, "取り消された報告は？")
    assert RETRACTED.text in retracted.text.split("\n")[1] and "件数誤り" in retracted.text


def test_the_documents_results_are_kept_apart_from_chat_reports(record):
    printed = [e for e in record.entries("R7/No34") if e.from_document]
    answer = asked(record, "No34の報告")
    assert printed and f"報告とは別に{len(printed)}件" in answer.text
    for e in printed:
        assert e.text not in answer.text
    assert answer.value.amount == 2


def test_an_older_editions_project_has_its_reports(record):
    answer = asked(record, "R6版の高齢者見守りのICT事業の報告")
    assert keys_of(answer) == {record.mimamori} and "見守り検証を継続" in answer.text


def test_reports_for_a_year_and_an_initiative(record):
    answer = asked(record, "No28のR7分の報告")
    assert answer.value.amount == 1 and "R7年度分の遠隔支援を完了" in answer.text
    assert asked(record, "No28の今年度の報告").value.amount == 0
    label = record.project("R7/No42").initiatives[1].label
    by_initiative = asked(record, "No42の取組2の報告")
    assert by_initiative.value.amount == 1 and label in by_initiative.text
    assert "納付受託者を登録" in by_initiative.text and "WEB出願のテスト" not in by_initiative.text


# -- across projects, over time --------------------------------------------------------------


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


TODAY = NOW.date()
THIS_MONDAY = monday(TODAY)
PERIODS = [  # (Japanese, English, first day, last day)
    ("今週", "this week", THIS_MONDAY, THIS_MONDAY + timedelta(days=6)),
    ("先週", "last week", THIS_MONDAY - timedelta(days=7), THIS_MONDAY - timedelta(days=1)),
    ("今月", "this month", date(2026, 12, 1), date(2026, 12, 31)),
    ("先月", "last month", date(2026, 11, 1), date(2026, 11, 30)),
    ("この7日間", "in the last 7 days", TODAY - timedelta(days=6), TODAY),
    ("11/21以降", "since Nov 21", date(2026, 11, 21), TODAY),
    (
        "11月16日から11月24日まで",
        "between Nov 16 and Nov 24",
        date(2026, 11, 16),
        date(2026, 11, 24),
    ),
    ("11月", "in November", date(2026, 11, 1), date(2026, 11, 30)),
]


def within(first: date, last: date) -> list[Report]:
    return [r for r in COUNTED if first <= r.at.date() <= last]


@pytest.mark.parametrize(("ja", "en", "first", "last"), PERIODS)
@pytest.mark.parametrize(
    "shape", ["{ja}の報告", "{ja}の報告は何件？", "updates {en}", "how many updates {en}?"]
)
def test_reports_in_a_period_read_against_today_in_japan_time(record, ja, en, first, last, shape):
    answer = asked(record, shape.format(ja=ja, en=en))
    expected = within(first, last)
    assert answer.status == "ok", answer.text
    assert answer.value.amount == len(expected)
    assert keys_of(answer) == {key(record, r) for r in expected}
    assert first.isoformat() in answer.text  # the period is said, as resolved


@pytest.mark.parametrize(("ja", "en", "first", "last"), PERIODS[:4])
def test_which_projects_were_reported_on(record, ja, en, first, last):
    for text in (f"{ja}報告があった事業は？", f"which projects got updated {en}?"):
        answer = asked(record, text)
        assert keys_of(answer) == {key(record, r) for r in within(first, last)}, text


def test_every_condition_combines_with_a_period(record):
    projects = record.projects()
    for department in sorted({p.department for p in projects if p.department}):
        own = {p.key for p in projects if p.department == department}
        expected = {r.key for r in within(date(2026, 12, 1), date(2026, 12, 31)) if r.key in own}
        answer = asked(record, f"{department}の事業の今月の報告")
        assert answer.status == "ok", (department, answer.text)
        assert keys_of(answer) == expected, department
    big = {p.key for p in projects if p.budget_thousand_yen >= 100_000}
    answer = asked(record, "1億円以上の事業の先月の報告")
    assert keys_of(answer) == {
        r.key for r in within(date(2026, 11, 1), date(2026, 11, 30)) if r.key in big
    }


def test_the_most_reported_projects(record):
    counts: dict[str, int] = {}
    for r in COUNTED:
        counts[key(record, r)] = counts.get(key(record, r), 0) + 1
    top = max(counts.values())
    assert keys_of(asked(record, "報告がいちばん多い事業は？")) == {
        k for k, n in counts.items() if n == top
    }
    ranked = asked(record, "Which projects have received more than one update?")
    assert keys_of(ranked) == {k for k, n in counts.items() if n > 1}


# -- by person ---------------------------------------------------------------------------------


@pytest.mark.parametrize("user", sorted(PEOPLE))
def test_reports_by_a_person_by_the_name_people_use(record, user):
    surname, romaji = PEOPLE[user]
    theirs = [r for r in COUNTED if r.user == user]
    for text in (
        f"{surname}さんの報告",
        f"{surname}さんの報告は何件？",
        f"updates by {romaji}",
        f"{romaji}'s reports",
    ):
        answer = asked(record, text)
        assert answer.status == "ok", (text, answer.text)
        assert answer.value.amount == len(theirs), text
    last_week = [r for r in theirs if THIS_MONDAY - timedelta(days=7) <= r.at.date() < THIS_MONDAY]
    assert asked(record, f"{surname}さんの先週の報告").value.amount == len(last_week)


def test_a_renamed_author_is_still_one_person(record):
    answer = asked(record, "山本さんの報告")
    assert answer.value.amount == 3  # written as 山本, then as 山本 大輔
    assert "利用案内を全市町村に配布" in answer.text and "11月の利用は412件" in answer.text


@pytest.mark.parametrize("user", sorted(PEOPLE))
def test_me_is_the_person_asking(record, user):
    report = next(r for r in REPORTS if r.user == user)
    who = Identity(report.platform, user, report.name)
    theirs = [r for r in COUNTED if r.user == user]
    for text in (
        "自分の報告",
        "私が出した報告は何件？",
        "show me my updates",
        "how many updates did I post?",
    ):
        assert asked(record, text, who).value.amount == len(theirs), text
    owned = {record.mimamori if k == MIMAMORI else k for _, u, _, k, _ in OWNERS if u == user and k}
    if user == "USATO":
        owned |= {p.key for p in record.projects() if "医療薬務課" in p.sections}
    for text in (
        "自分の担当事業",
        "私が担当している事業は？",
        "my projects",
        "which projects do I own?",
    ):
        assert keys_of(asked(record, text, who)) == owned, text


def test_me_without_an_identity_is_asked_back(record):
    assert asked(record, "自分の報告").status == "clarify"


def test_a_name_nobody_has_is_not_found(record):
    assert asked(record, "田村さんの報告").status == "not_found"


def test_a_projects_owners_are_named(record):
    answer = asked(record, "No26の担当者は？")
    assert "佐藤 花子" in answer.text and "医療薬務課" in answer.text  # by section
    assert "中村 優" in asked(record, "Who owns No42?").text


# -- what is missing -------------------------------------------------------------------------


def running_in(p, year: FiscalYear) -> bool:
    start = FiscalYear.try_parse(p.start)
    end = FiscalYear.try_parse(p.end) if p.end not in (None, "未定") else None
    return (start is None or start <= year) and (end is None or end >= year)


def missing(record, year: FiscalYear, projects=None) -> set[str]:
    projects = projects if projects is not None else record.projects()
    reported = {r.key for r in COUNTED if r.year == year.code}
    return {p.key for p in projects if running_in(p, year) and p.key not in reported}


@pytest.mark.parametrize(
    "text",
    [
        "今年度実施中で今年度の報告がない事業",
        "今年度も実施中なのに、まだ今年度分の報告が出ていない事業を一覧で",
        "未報告の事業は？",
        "which projects haven't reported yet this fiscal year?",
    ],
)
def test_what_is_missing_this_fiscal_year_and_why_that_year(record, text):
    answer = asked(record, text)
    year = FiscalYear.of(NOW)
    assert keys_of(answer) == missing(record, year), text
    assert TODAY.isoformat() in answer.text and year.code in answer.text  # which year, and why
    open_ended = [p for p in record.projects() if p.end is None and running_in(p, year)]
    assert all(f"No{p.no}" in answer.text for p in open_ended)  # how an unprinted end is read


def test_what_is_missing_per_department_and_with_owners(record):
    year = FiscalYear.of(NOW)
    projects = record.projects()
    for department in sorted({p.department for p in projects if p.department}):
        own = [p for p in projects if p.department == department]
        answer = asked(record, f"{department}で今年度の報告がまだの事業")
        assert keys_of(answer) == missing(record, year, own), department
    answer = asked(record, "今年度の報告がない事業の担当者を教えて")
    line = next(x for x in answer.text.split("\n") if "No26" in x)
    assert "佐藤 花子" in line  # a section owner
    assert "担当者の登録なし" in next(x for x in answer.text.split("\n") if "No36" in x)


def test_projects_with_no_owner(record):
    projects = record.projects()
    owned_keys = {k for *_, k, _ in OWNERS if k} | {
        p.key for p in projects if "医療薬務課" in p.sections
    }
    answer = asked(record, "担当者がいない事業")
    assert keys_of(answer) == {p.key for p in projects if p.key not in owned_keys}
    year = FiscalYear.of(NOW)
    running = asked(record, "今年度も続いているのに担当者がいない事業は何件？")
    expected = {p.key for p in projects if p.key not in owned_keys and running_in(p, year)}
    assert keys_of(running) == expected and running.value.amount == len(expected)


def test_owners_who_have_not_reported(record):
    answer = asked(record, "今月まだ一度も報告していない担当者は誰？")
    december = {r.user for r in within(date(2026, 12, 1), date(2026, 12, 31))}
    quiet = {name for _, user, name, *_ in OWNERS if user not in december}
    assert answer.value.amount == len(quiet)
    assert all(name in answer.text for name in quiet)


# -- the mention check and the other questions -----------------------------------------------


def test_a_period_or_person_the_answer_cannot_use_is_asked_back(record):
    assert asked(record, "No34の今週と先週の報告").status == "clarify"  # two periods, one read
    # Owners who have not reported are listed whoever asks: a person named is not applied.
    assert asked(record, "山本さんが報告していない担当者は？").status == "clarify"


@pytest.mark.parametrize(
    "text",
    ["No40の事業費は？", "報告書を作成する事業は？", "No40の実績は？", "教育庁が担当している事業"],
)
def test_questions_about_the_documents_are_not_record_questions(record, text):
    assert "record" not in asked(record, text).computed.fields


def test_counts_per_department_project_and_person(record):
    by_department: dict[str, int] = {}
    for r in COUNTED:
        p = record.project(key(record, r))
        by_department[p.department] = by_department.get(p.department, 0) + 1
    answer = asked(record, "部局別の報告件数")
    assert answer.value.amount == len(COUNTED)
    for department, n in by_department.items():
        assert f"・{department}：{n}件" in answer.text
    by_person: dict[str, int] = {}
    for r in COUNTED:
        by_person[r.user] = by_person.get(r.user, 0) + 1
    english = asked(record, "updates by person")
    names = {
        "UYAMA": "山本 大輔",
        "USATO": "佐藤 花子",
        "aad-naka": "中村 優",
        "UKIMU": "木村 誠",
        "伊藤": "伊藤 健",
    }
    for user, n in by_person.items():
        assert f"- {names[user]}: {n} report" in english.text


def test_the_newest_n_and_the_first_report(record):
    newest = sorted(COUNTED, key=lambda r: r.at, reverse=True)
    answer = asked(record, "直近の報告を3件")
    assert [r.text in answer.text for r in newest] == [True] * 3 + [False] * (len(newest) - 3)
    first = asked(record, "No42の最初の報告")
    assert "WEB出願のテストを実施" in first.text and "納付受託者を登録" not in first.text


def test_the_least_reported_projects_include_those_never_reported(record):
    answer = asked(record, "報告の少ない事業")
    reported = {key(record, r) for r in COUNTED}
    assert keys_of(answer) == {p.key for p in record.projects() if p.key not in reported}


def test_a_negation_on_the_record_leaves_the_project_out_never_dropped(record):
    # 「No34以外の報告」: the latest edition's reports, No34's left out (read by the negation
    # reader as a condition on the projects, like any other list).
    others = asked(record, "No34以外の報告")
    reported = {key(record, r) for r in COUNTED if key(record, r).startswith("R7/")}
    assert others.status == "ok" and keys_of(others) == reported - {"R7/No34"}
    missing_ones = asked(record, "まだ報告されていない事業")  # read as what is missing
    assert keys_of(missing_ones) == missing(record, FiscalYear.of(NOW))
    assert asked(record, "今週の報告はありませんか").value.amount == len(
        within(THIS_MONDAY, THIS_MONDAY + timedelta(days=6))
    )  # an existence question, not a negation


def test_counts_said_in_words_are_used(record):
    counts: dict[str, int] = {}
    for r in COUNTED:
        counts[key(record, r)] = counts.get(key(record, r), 0) + 1
    for text in ("報告が2件以上ある事業", "projects with at least 2 updates"):
        assert keys_of(asked(record, text)) == {k for k, n in counts.items() if n >= 2}, text
    since = asked(record, "reports since November")
    assert since.value.amount == len(within(date(2026, 11, 1), TODAY))


def test_owners_named_in_english_and_the_people_who_reported(record):
    assert keys_of(asked(record, "projects owned by Yamamoto")) == {"R7/No34", "R7/No35"}
    assert keys_of(asked(record, "does Kimura own any projects?")) == {"R7/No47", "R7/No51"}
    reporters = asked(record, "先月報告を出した人")
    november = {r.name.split()[0] for r in within(date(2026, 11, 1), date(2026, 11, 30))}
    assert reporters.value.amount == len(
        {r.user for r in within(date(2026, 11, 1), date(2026, 11, 30))}
    )
    assert all(name in reporters.text for name in november)


def test_the_banks_other_questions_are_not_read_as_record_questions(loaded_template):
    """The blind bank's other classes keep their words: only a person's 担当者 is the record's."""
    from bot.answer.selection import vocabulary_for
    from bot.understanding import understand
    from tests.bank.checker import questions

    vocabulary = vocabulary_for(loaded_template)
    read = [
        q.text
        for q in questions()
        if q.cls != "record" and understand(q.text, vocabulary).record is not None
    ]
    assert all("担当者" in text for text in read), read


def test_the_group_with_the_most_reports(record):
    by_department: dict[str, int] = {}
    for r in COUNTED:
        department = record.project(key(record, r)).department
        by_department[department] = by_department.get(department, 0) + 1
    top = max(by_department.values())
    for text in ("報告が一番多い部局は？", "which department reported the most?"):
        answer = asked(record, text)
        for department, n in by_department.items():
            assert (department in answer.text) == (n == top), (text, department)
