"""An edition made of field documents: several 分野 of R7 loaded before, after and with the
shipped one; keys that cannot clash; chat records that never move; drafts kept apart."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import export
from bot import messages as m
from bot.cli import main
from bot.errors import ParseError
from bot.ingest import parse_file
from bot.models import ActualEntry, Evidence
from bot.render_text import history_lines
from bot.service import project_history
from bot.sources import load_documents
from bot.store import Store, field_name
from bot.text import compact
from tests.conftest import R6_FILE, R7_FILE, loaded_copy, template_of
from tests.field_documents import FIELDS, SHIPPED_FIELD, chat, write_field


@pytest.fixture
def docs(tmp_path) -> dict[str, Path]:
    return {
        "kurashi": R7_FILE,
        "sangyo": write_field(tmp_path, "sangyo"),
        "gyosei": write_field(tmp_path, "gyosei"),
    }


def shipped_r7() -> list:
    return parse_file(R7_FILE).projects


def check_whole_edition(store: Store, loaded: list[str]) -> None:
    """Every project of every loaded field present once, totals over all of them."""
    shipped = shipped_r7()
    offsets = {"kurashi": 0, **{k: v[1] for k, v in FIELDS.items()}}
    projects = store.projects("R7")
    keys = [p.key for p in projects]
    assert len(keys) == len(set(keys)) == len(shipped) * len(loaded)
    assert sorted(p.no for p in projects) == sorted(
        p.no + offsets[kind] for kind in loaded for p in shipped
    )
    budget = sum(p.budget_thousand_yen for p in shipped)
    assert sum(p.budget_thousand_yen for p in projects) == budget * len(loaded)
    info = next(e for e in store.editions() if e.code == "R7")
    assert info.projects == len(projects)
    assert len(info.fields) == len(loaded)
    assert [e.projects for e in store.editions() if e.code == "R6"] == [27]


ORDERS = [
    [["kurashi"], ["sangyo"], ["gyosei"]],  # the shipped one first, the others after
    [["gyosei"], ["kurashi"], ["sangyo"]],  # before and after
    [["sangyo", "kurashi", "gyosei"]],  # together, in one command
    [["gyosei", "sangyo"], ["kurashi"]],
]


@pytest.mark.parametrize("steps", ORDERS, ids=lambda s: "+".join("/".join(x) for x in s))
def test_every_field_loads_once_in_any_order_and_chat_entries_survive(steps, docs):
    store = loaded_copy([R6_FILE])
    loaded: list[str] = []
    entries: dict[str, ActualEntry] = {}
    for step in steps:
        load_documents(store, [docs[k] for k in step])
        loaded += step
        check_whole_edition(store, loaded)
        for kind in step:  # a chat entry on a project of each field loaded so far
            no = 40 + ({"kurashi": 0, **{k: v[1] for k, v in FIELDS.items()}}[kind])
            entries[kind], _ = store.append_entry(chat(no, f"{kind}の研修を実施"))
        for entry in entries.values():
            assert entry in store.entries(entry.project_key)
            assert store.project(entry.project_key) is not None
    # Loading everything again changes nothing.
    before = (export.records(store), store.entries())
    report = load_documents(store, [docs[k] for k in random.sample(loaded, len(loaded))])
    assert (report.entries_added, report.entries_superseded) == (0, 0)
    assert (export.records(store), store.entries()) == before


def test_a_field_is_a_filter_and_totals_cover_every_field(docs):
    store = loaded_copy([R6_FILE, *docs.values()])
    shipped = shipped_r7()
    for field, offset, department, _ in FIELDS.values():
        for asked in (field, field_name(field)):
            projects = store.projects("R7", field=asked)
            assert [p.no for p in projects] == [p.no + offset for p in shipped]
            assert {p.department for p in projects} == {department}
    assert len(store.projects(field=SHIPPED_FIELD)) == len(shipped)
    assert store.projects(field="存在しない分野") == []
    fields = {d.field for d in store.documents() if d.edition == "R7"}
    assert fields == {SHIPPED_FIELD} | {f[0] for f in FIELDS.values()}


def test_reingesting_one_field_leaves_the_others(docs):
    store = loaded_copy(list(docs.values()))
    entry, _ = store.append_entry(chat(140, "産業の実績"))
    before = (export.records(store), store.entries())
    report = load_documents(store, [docs["sangyo"]])
    assert report.documents == {("R7", "産業・しごと分野"): 33}
    assert (report.entries_added, report.entries_superseded) == (0, 0)
    assert (export.records(store), store.entries()) == before
    assert entry in store.entries("R7/No140")


def test_a_revised_field_document_replaces_only_its_own_projects(docs, tmp_path):
    db = template_of(list(docs.values())).backup(tmp_path / "fields.db")
    store = Store.open(db)
    gone, _ = store.append_entry(chat(124, "へき地の実証を実施"))
    kept, _ = store.append_entry(chat(40, "暮らしの実績"))
    others = [p for p in store.projects("R7") if p.field != "産業・しごと分野"]
    # The revision drops No124 and changes No123's budget.
    text = docs["sangyo"].read_text(encoding="utf-8")
    start = text.index("【No124】")
    end = text.index("【No125】")
    revised = tmp_path / "revised_sangyo.txt"
    revised.write_text((text[:start] + text[end:]).replace("8,891", "9,999", 1), encoding="utf-8")
    load_documents(store, [revised])
    assert [p for p in store.projects("R7") if p.field != "産業・しごと分野"] == others
    assert store.project("R7/No124") is None
    assert store.project("R7/No123").budget_thousand_yen == 9999
    assert store.project("R7/No123").source.file == "revised_sangyo.txt"
    assert len(store.projects("R7")) == 33 * 3 - 1
    # Nothing anyone wrote is lost: the gone project's record is still there, and said to be
    # no longer in the edition; the document's own facts are retracted, never deleted.
    assert gone in store.entries("R7/No124")
    assert kept in store.entries("R7/No40")
    assert store.project_gone("R7/No124") and not store.project_gone("R7/No123")
    facts = [e for e in store.entries("R7/No124") if e.from_document]
    assert facts and all(e.retracted or e.kind == "retraction" for e in facts)
    # Its history, said the same way in chat and on the command line, in the reader's language.
    for lang in ("ja", "en"):
        title, lines = history_lines(project_history(store, "No124"), lang)
        assert m.say("project_gone", lang, project="No124", edition="R7") in title
        assert len(lines) == len(store.entries("R7/No124"))
        locale = {"LANG": "en_US.UTF-8" if lang == "en" else "ja_JP.UTF-8", "LC_ALL": ""}
        shown = CliRunner().invoke(main, ["history", "No124", "--db", str(db)], env=locale)
        assert shown.exit_code == 0, shown.output
        assert shown.output.splitlines() == [*title.split("\n"), *lines]


def test_the_same_number_in_two_documents_is_refused_and_nothing_changes(docs, tmp_path):
    store = loaded_copy([R6_FILE, docs["kurashi"]])
    store.append_entry(chat(40, "研修"))
    before = (export.records(store), store.entries(), store.documents(), store.links())
    clash = write_field(tmp_path, "sangyo", **{"【No140】": "【No40】"})
    with pytest.raises(ParseError) as raised:
        load_documents(store, [docs["gyosei"], clash])
    message = str(raised.value)
    line_here = clash.read_text(encoding="utf-8").split("\n").index("【No40】") + 1
    line_there = R7_FILE.read_text(encoding="utf-8").split("\n").index("【No40】") + 1
    assert clash.name in message and R7_FILE.name in message
    assert f"line {line_here}" in message and f"line {line_there}" in message
    assert (export.records(store), store.entries(), store.documents(), store.links()) == before
    # The same clash inside one command, the clashing documents given in either order.
    fresh = Store.memory()
    for order in ([clash, R7_FILE], [R7_FILE, clash]):
        with pytest.raises(ParseError, match="No40"):
            load_documents(fresh, order)
        assert fresh.editions() == []


def test_one_field_loaded_twice_in_one_command_is_refused(docs, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(docs["sangyo"].read_bytes())
    with pytest.raises(ParseError, match="also in"):
        load_documents(Store.memory(), [docs["sangyo"], copy])


def test_unnumbered_editions_get_document_keys_and_shipped_keys_stay(tmp_path):
    store = loaded_copy([R6_FILE])
    shipped_keys = [p.key for p in store.projects("R6")]
    assert shipped_keys[:2] == ["R6/#1", "R6/#2"]
    sangyo = write_field(tmp_path, "sangyo", source=R6_FILE)
    load_documents(store, [sangyo])
    keys = [p.key for p in store.projects("R6")]
    assert len(keys) == len(set(keys)) == 27 * 2
    assert [k for k in keys if k in shipped_keys] == shipped_keys
    assert all(k.startswith("R6/産業・しごと#") for k in keys if k not in shipped_keys)
    # Re-ingesting either keeps every key.
    load_documents(store, [sangyo, R6_FILE])
    assert [p.key for p in store.projects("R6")] == keys
    from bot.resolve import resolve

    assert resolve(store, keys[-1]).project.key == keys[-1]
    assert resolve(store, "R6/#3").project.key == "R6/#3"
    # Citations of the shipped document are unchanged.
    assert [p.source for p in store.projects("R6", field=SHIPPED_FIELD)] == [
        p.source for p in parse_file(R6_FILE).projects
    ]


def test_a_txt_draft_ingested_is_a_draft_and_answers_stay_on_r7(tmp_path):
    from bot.answer import ask

    db = tmp_path / "roadmap.db"
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", "--db", str(db), str(R6_FILE), str(R7_FILE)])
    assert ok.exit_code == 0, ok.output
    draft = tmp_path / "draft_R8.txt"
    out = runner.invoke(
        main, ["draft", "R8", "--format", "txt", "--out", str(draft), "--db", str(db)]
    )
    assert out.exit_code == 0, out.output
    assert "（案）" in draft.read_text(encoding="utf-8").split("\n")[0]
    loaded = runner.invoke(main, ["ingest", "--db", str(db), str(draft)])
    assert loaded.exit_code == 0, loaded.output
    store = Store.open(db)
    try:
        assert store.latest_edition() == "R7"
        assert store.is_draft("R8") and not store.is_draft("R7")
        assert all(p.draft for p in store.projects("R8"))
        r7 = store.projects("R7")
        # The draft holds the running projects under their own numbers and names.
        assert {p.no for p in store.projects("R8")} <= {p.no for p in r7}
        # A draft is searched only when its edition is named.
        assert store.search("DX", limit=500) and all(
            h.edition != "R8" for h in store.search("DX", limit=500)
        )
        assert store.search("DX", edition="R8")
        answer = ask(store, "No40の事業費は？")
        assert any(s.edition == "R7" for s in answer.sources)
        assert "案" not in answer.text
        drafted = ask(store, "R8版のNo40の事業費は？")
        assert any(s.edition == "R8" for s in drafted.sources)
        assert "案" in drafted.text
        listed = runner.invoke(main, ["documents", "--db", str(db)])
        assert listed.exit_code == 0, listed.output
        assert "draft_R8.txt" in listed.output and "案" in listed.output
    finally:
        store.close()


def test_a_draft_cannot_replace_a_published_document(tmp_path):
    store = loaded_copy([R7_FILE])
    text = R7_FILE.read_text(encoding="utf-8").replace(
        "DX関連事業ロードマップ", "DX関連事業ロードマップ（案）"
    )
    draft = tmp_path / "r7_draft.txt"
    draft.write_text(text, encoding="utf-8")
    before = export.records(store)
    with pytest.raises(ParseError, match="draft"):
        load_documents(store, [draft])
    assert export.records(store) == before


def test_documents_lists_each_loaded_document(docs):
    from bot.sources import documents_text

    store = loaded_copy([R6_FILE, *docs.values()])
    rows = store.documents()
    assert [(d.edition, d.projects) for d in rows] == [("R6", 27)] + [("R7", 33)] * 3
    assert {d.source_file for d in rows} == {R6_FILE.name} | {p.name for p in docs.values()}
    assert all(len(d.sha256) == 64 and d.loaded_at for d in rows)
    text = documents_text(rows)
    for d in rows:
        assert d.source_file in text and d.sha256[:12] in text and d.field in text


def printed(path: Path) -> list[str]:
    return [compact(line) for line in path.read_text(encoding="utf-8").split("\n")]


def holds(lines: list[str], line: int | None, text: str) -> bool:
    """The cited line holds the start of the cited text (cells are joined with spaces)."""
    return line is not None and compact(text.split()[0])[:12] in lines[line - 1]


@pytest.mark.parametrize("path", [R6_FILE, R7_FILE], ids=lambda p: p.stem)
def test_each_fact_is_cited_to_the_line_that_prints_it(path):
    lines = printed(path)
    store = loaded_copy([path])
    kinds: set[str] = set()
    for p in store.projects():
        assert holds(lines, p.line_of("name"), p.name), (p.key, "name")
        assert holds(lines, p.line_of("summary"), p.summary), (p.key, "summary")
        assert (
            f"{p.budget_thousand_yen:,}" in lines[p.line_of("budget") - 1]
            or str(p.budget_thousand_yen) in lines[p.line_of("budget") - 1]
        ), (p.key, "budget")
        if p.achievements:
            assert holds(lines, p.achievements_line, p.achievements), (p.key, "achievements")
        for initiative in p.initiatives:
            for year, cell in initiative.years.items():
                if cell.actual:
                    assert holds(lines, initiative.actual_line(year), cell.actual), (p.key, year)
    # What the store cites: every full-text row and every document entry.
    for row in store.db.query("SELECT * FROM search_index"):
        kinds.add(row["kind"])
        assert holds(lines, int(row["source_line"]), row["display"]), row
    for p in store.projects():
        for entry in store.entries(p.key):
            kinds.add(entry.kind)
            assert holds(lines, entry.source_line, entry.text), entry
    assert {"name", "summary", "plan", "initiative"} <= kinds
    if any(p.achievements for p in store.projects()):
        assert {"actual", "achievement"} <= kinds


def test_a_store_from_before_documents_migrates_keeping_keys_and_record(tmp_path):
    path = template_of([R6_FILE, R7_FILE]).backup(tmp_path / "old.db")
    store = Store.open(path)
    entry, _ = store.append_entry(chat(40, "移行前の報告"))
    keys = [p.key for p in store.all_projects()]
    store.close()
    # The schema as it was before migration 012 (SQLite drops columns since 3.35).
    conn = sqlite3.connect(path)
    for sql in (
        "DROP INDEX projects_document",
        "DROP TABLE documents",
        "ALTER TABLE projects DROP COLUMN key_scope",
        "ALTER TABLE initiatives DROP COLUMN label_line",
        "ALTER TABLE initiative_years DROP COLUMN plan_line",
        "ALTER TABLE initiative_years DROP COLUMN actual_line",
        "DELETE FROM _sqlite_migrations WHERE name = 'm012_documents'",
    ):
        conn.execute(sql)
    conn.commit()
    conn.close()
    store = Store.open(path)
    try:
        assert [p.key for p in store.all_projects()] == keys
        assert [(d.edition, d.field, d.projects) for d in store.documents()] == [
            ("R6", SHIPPED_FIELD, 27),
            ("R7", SHIPPED_FIELD, 33),
        ]
        assert entry in store.entries("R7/No40")
        # Another field after the upgrade: added beside the shipped one, nothing lost.
        load_documents(store, [write_field(tmp_path, "sangyo")])
        assert len(store.projects("R7")) == 66 and entry in store.entries("R7/No40")
    finally:
        store.close()


def test_history_shows_a_project_a_revised_document_left_out(docs, tmp_path):
    db = tmp_path / "roadmap.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", str(db), *map(str, docs.values())]).exit_code == 0
    store = Store.open(db)
    store.append_entry(chat(124, "へき地の実証を実施"))
    store.close()
    text = docs["sangyo"].read_text(encoding="utf-8")
    revised = tmp_path / "revised.txt"
    revised.write_text(text[: text.index("【No124】")] + text[text.index("【No125】") :], "utf-8")
    assert runner.invoke(main, ["ingest", "--db", str(db), str(revised)]).exit_code == 0
    shown = runner.invoke(main, ["history", "No124", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "もうありません" in shown.output and "へき地の実証を実施" in shown.output
    missing = runner.invoke(main, ["history", "No999", "--db", str(db)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_diff_exports_digest_and_answers_span_every_field(docs):
    from datetime import UTC, datetime, timedelta

    from bot import diff as diffing
    from bot.answer import ask
    from bot.digest import digest

    store = loaded_copy([R6_FILE, *docs.values()])
    shipped = shipped_r7()
    budget = sum(p.budget_thousand_yen for p in shipped) * 3
    d = diffing.diff_editions(store, "R6", "R7")
    assert d.totals["R7_projects"] == 99 and d.totals["R7_budget_thousand_yen"] == budget
    # Every R7 project is somewhere in the story: continued, added, taken over, or in a field
    # R6 has not loaded (not compared).
    shown = [c.newer.no for c in d.changes] + [r.no for r in d.added + d.uncompared]
    shown += [r.no for t in d.takeovers for r in t.newer]
    assert set(shown) == {p.no for p in store.projects("R7")}
    assert len(export.records(store, "R7")) == 99
    total = ask(store, "R7の事業費の合計は？")
    assert f"{budget:,}" in total.text, total.text
    store.append_entry(chat(240, "行政の報告"))
    week = digest(store, datetime.now(UTC) + timedelta(days=7))
    assert "R7/No240" in str(week.model_dump()) or "No240" in str(week.model_dump())


def test_renames_are_names_that_changed_in_one_direction(store):
    from bot import diff as diffing

    d = diffing.diff_editions(store, "R6", "R7")
    pairs = {(r.kind, compact(r.old), compact(r.new)) for r in d.renames}
    assert all((kind, new, old) not in pairs for kind, old, new in pairs)
    assert all(old != new for _, old, new in pairs)
    assert ("section", "医療薬務課", "医療業務課") not in pairs
    assert all(c.renamed != Evidence.read(c.evidence).same_name for c in d.changes)


@pytest.mark.parametrize("split", [False, True], ids=["one-file", "per-field"])
def test_a_draft_of_every_field_round_trips_through_ingest(split, docs, tmp_path):
    db = tmp_path / "roadmap.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", str(db), *map(str, docs.values())]).exit_code == 0
    out = tmp_path / "drafts"
    args = ["draft", "R8", "--format", "txt", "--db", str(db)]
    args += ["--per-field", str(out)] if split else ["--out", str(out.with_suffix(".txt"))]
    made = runner.invoke(main, args)
    assert made.exit_code == 0, made.output
    files = sorted(out.glob("*.txt")) if split else [out.with_suffix(".txt")]
    assert len(files) == (3 if split else 1)
    loaded = runner.invoke(main, ["ingest", "--db", str(db), *map(str, reversed(files))])
    assert loaded.exit_code == 0, loaded.output
    store = Store.open(db)
    try:
        r8 = [d for d in store.documents() if d.edition == "R8"]
        assert len(r8) == 3 and all(d.draft for d in r8)
        assert store.latest_edition() == "R7"
        drafted = store.projects("R8")
        running = [
            p for p in store.projects("R7") if p.end_year is None or p.end_year.western >= 2026
        ]
        assert [(p.no, p.name, p.field) for p in drafted] == [
            (p.no, p.name, p.field) for p in running
        ]
    finally:
        store.close()


def test_admins_list_the_documents_in_chat(docs):
    from bot.errors import NotAuthorized
    from bot.service import Core
    from bot.settings import Settings
    from bot.sources import documents_text
    from bot.updates import Identity

    store = loaded_copy(list(docs.values()))
    core = Core(store, Settings(ROADMAP_ADMINS="UADMIN"))
    rows = core.documents(Identity(platform="slack", user_id="UADMIN", name="admin"))
    assert [d.field for d in rows] == sorted(d.field for d in rows) and len(rows) == 3
    english = documents_text(rows, "en")
    assert "Loaded documents (3)" in english and "読み込み" not in english
    with pytest.raises(NotAuthorized):
        core.documents(Identity(platform="slack", user_id="U1", name="someone"))


def test_a_draft_field_beside_a_published_one_still_says_draft(docs, tmp_path):
    from bot.answer import ask

    store = loaded_copy([R7_FILE])
    r8 = tmp_path / "r8.txt"
    r8.write_text(
        R7_FILE.read_text(encoding="utf-8")
        .replace("令和7年度", "令和8年度")
        .replace("R7事業費", "R8事業費"),
        "utf-8",
    )
    text = write_field(tmp_path, "sangyo").read_text(encoding="utf-8")
    r8_draft = tmp_path / "r8_draft.txt"
    r8_draft.write_text(
        text.replace(
            "令和7年度DX関連事業ロードマップ", "令和8年度DX関連事業ロードマップ（案）"
        ).replace("R7事業費", "R8事業費"),
        "utf-8",
    )
    load_documents(store, [r8, r8_draft])
    assert not store.is_draft("R8") and store.is_draft("R8", 140) and not store.is_draft("R8", 40)
    assert "案" in ask(store, "R8版のNo140の事業費は？").text
    assert "案" not in ask(store, "R8版のNo40の事業費は？").text
