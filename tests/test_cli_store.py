"""`roadmap ingest`, `export` and `show`: the CLI shell over the store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.export import EXPORT_KEYS
from bot.store import Store
from tests.conftest import R7_FILE, cli


@pytest.fixture
def run(tmp_path):
    """Commands on a new store file: the first must be ingest."""
    db = tmp_path / "cli.db"

    def invoke(*args):
        return cli(*args, "--db", str(db))

    return invoke


@pytest.fixture
def loaded(db_path):
    """Commands on a store with both editions loaded."""

    def invoke(*args, lang="ja"):
        return cli(*args, "--db", str(db_path), lang=lang)

    invoke.db = db_path
    return invoke


def test_ingest_then_export_json_has_both_editions_with_every_key(run):
    result = run("ingest")
    assert result.exit_code == 0, result.output
    assert "R6：版全体で27事業" in result.output and "R7：版全体で33事業" in result.output
    rows = json.loads(run("export", "--format", "json").output)
    assert len(rows) == 60
    assert all(tuple(row) == EXPORT_KEYS for row in rows)
    no40 = next(r for r in rows if r["edition"] == "R7" and r["no"] == 40)
    assert no40["budget_thousand_yen"] == 188084
    assert no40["sections"] == ["学校教育課"]
    assert no40["source"] == {"file": R7_FILE.name, "line": 291}
    assert no40["priority_frame"] is None
    assert {p["key"] for p in no40["predecessors"]} == {"R6/#13", "R6/#14"}
    assert set(no40["initiatives"][0]["years"]["R7"]) == {"plan", "actual", "plan_in_actual_row"}


def test_export_one_edition_as_csv(loaded):
    result = loaded("export", "--format", "csv", "--edition", "R7", "--header", "en")
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert len(rows) == 33
    assert rows[0]["no"] == "23" and rows[0]["sections"] == "健康医療福祉政策課"


def test_csv_opens_in_japanese_excel_one_value_per_cell(loaded, tmp_path):
    out = tmp_path / "r7.csv"
    assert loaded("export", "--format", "csv", "--edition", "R7", "--out", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8 only with it
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[:4] == ["版", "番号", "番号は推定", "事業名"]
    no40 = next(r for r in rows if r["番号"] == "40")
    assert no40["事業費（千円）"] == "188084" and no40["担当課"] == "学校教育課"
    assert "R6版" in no40["前身事業"] and "{" not in "".join(no40.values())
    long = loaded("export", "--format", "csv", "--edition", "R7", "--table", "initiatives")
    cells = list(csv.DictReader(io.StringIO(long.output.lstrip("\ufeff"))))
    assert {"版", "番号", "取組", "年度", "計画/目標", "実績"} <= set(cells[0])
    mine = [c for c in cells if c["番号"] == "40"]
    store = Store.open(loaded.db)
    project = next(p for p in store.projects("R7") if p.no == 40)
    assert len(mine) == sum(len(i.years) for i in project.initiatives)


def test_xlsx_has_three_typed_sheets_with_a_frozen_header(loaded, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "all.xlsx"
    assert loaded("export", "--format", "xlsx", "--out", str(out)).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["事業", "取組", "実績記録"]
    projects = wb["事業"]
    assert projects.freeze_panes == "A2" and projects.max_row == 61
    header = [c.value for c in projects[1]]
    budget = header.index("事業費（千円）") + 1
    values = [projects.cell(row=r, column=budget).value for r in range(2, 62)]
    assert all(isinstance(v, int) for v in values) and 188084 in values
    assert projects.column_dimensions["D"].width == 40
    assert wb["実績記録"].max_row == 61 and wb["取組"].max_row > 61


def test_export_unknown_edition_is_a_friendly_error(loaded):
    result = loaded("export", "--edition", "R99")
    assert result.exit_code == 1
    assert result.output == "R99版はありません（読み込み済みの版：R6, R7）。\n"
    english = loaded("export", "--edition", "R99", lang="en")
    assert english.output == "There is no R99 edition (loaded: R6, R7).\n"


def test_show_by_number_name_and_older_edition(loaded):
    assert "188,084千円" in loaded("show", "No40").output
    assert "No33" in loaded("show", "PHR").output
    result = loaded("show", "へき地オンライン", "--edition", "R6")
    assert "4,202千円" in result.output and "後継: R7版 No24" in result.output


def test_show_unknown_project(loaded):
    result = loaded("show", "No99")
    assert result.exit_code == 1 and "R7版に「No99」に当たる事業はありません" in result.output
    assert "Traceback" not in result.output


def test_ingest_bad_file_names_file_and_line_and_changes_nothing(run, tmp_path):
    run("ingest")
    before = run("export").output
    bad = tmp_path / "truncated.txt"
    bad.write_text(R7_FILE.read_text(encoding="utf-8")[:4000], encoding="utf-8")
    result = run("ingest", str(bad))
    assert result.exit_code == 1
    assert "truncated.txt 172行目：項目「概要」がありません" in result.output
    english = cli("ingest", str(bad), "--db", str(tmp_path / "cli.db"), lang="en")
    assert "truncated.txt, line 172: the label 「概要」 is missing" in english.output
    assert run("export").output == before


def test_ingest_twice_is_idempotent(run):
    run("ingest")
    first = run("export").output
    again = run("ingest")
    assert "追加した記録：0件" in again.output
    assert run("export").output == first


def test_a_dotenv_file_chooses_the_store_and_prefecture(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROADMAP_DB", raising=False)
    monkeypatch.delenv("ROADMAP_PREFECTURE", raising=False)
    (tmp_path / ".env").write_text("ROADMAP_DB=from-dotenv.db\nROADMAP_PREFECTURE=岩手県\n")
    monkeypatch.setenv("ROADMAP_SOURCES", str(R7_FILE.parent))
    assert CliRunner().invoke(main, ["ingest"]).exit_code == 0
    result = CliRunner().invoke(main, ["ask", "No40の事業費は？"])
    assert result.exit_code == 0, result.output
    assert "188,084" in result.output
    codes = [e.code for e in Store.open(tmp_path / "from-dotenv.db", "岩手県").editions()]
    assert codes == ["岩手県:R6", "岩手県:R7"]


def test_a_plain_question_skips_click_and_prints_the_same(loaded, capsys, monkeypatch):
    import subprocess
    import sys

    from bot import launch

    assert launch.plain_ask(["ask", "No40", "--db", "x.db", "--json"]) == (
        "No40",
        Path("x.db"),
        True,
    )
    assert launch.plain_ask(["--db", "x.db", "ask", "No40"]) == ("No40", Path("x.db"), False)
    assert launch.plain_ask(["--db=x.db", "ask", "No40"]) == ("No40", Path("x.db"), False)
    for other in (["ask"], ["ask", "-v", "No40"], ["show", "No40"], ["ask", "--db"], ["--db"]):
        assert launch.plain_ask(other) is None  # click parses (and explains) these
    args = ["ask", "No40の事業費は？", "--db", str(loaded.db)]
    monkeypatch.setattr(sys, "argv", ["roadmap", *args])
    with pytest.raises(SystemExit) as stop:
        launch.main()
    assert stop.value.code == 0
    assert capsys.readouterr().out == loaded("ask", "No40の事業費は？").output
    probe = (
        "import sys; from pathlib import Path; from bot import launch; "
        f"launch.ask_once('No40', Path({str(loaded.db)!r}), False); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'click', 'rapidfuzz', 'sqlite_utils', 'numpy', 'openpyxl', 'slack_sdk'} | "
        "({'bot.ingest', 'pydantic_settings'} & set(sys.modules))))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.stdout.strip().endswith("[]"), run.stdout + run.stderr


def test_a_plain_question_on_a_missing_store_is_one_line_too(tmp_path, capsys, monkeypatch):
    import sys

    from bot import launch

    missing = tmp_path / "missing.db"
    monkeypatch.setattr(sys, "argv", ["roadmap", "ask", "No40", "--db", str(missing)])
    with pytest.raises(SystemExit) as stop:
        launch.main()
    err = capsys.readouterr().err
    assert stop.value.code == 1 and err.count("\n") == 1
    assert f"roadmap ingest --db {missing}" in err and not missing.exists()
