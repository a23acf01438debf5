"""An edition with published and draft field documents: answers default to the latest edition
published as a whole; draft content is shown only when its edition is named, marked 案."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.answer import ask
from bot.cli import main
from bot.diff import editions_asked
from bot.sources import load_documents
from bot.store import Store
from bot.updates import find_project
from tests.conftest import R6_FILE, R7_FILE, template_of
from tests.field_documents import write_field


def as_r8(path: Path, tmp_path: Path, name: str) -> Path:
    """A field document republished for R8 (its title and budget year moved on)."""
    text = path.read_text(encoding="utf-8").replace("令和7年度", "令和8年度")
    out = tmp_path / name
    out.write_text(text.replace("R7事業費", "R8事業費"), encoding="utf-8")
    return out


def drafted(db: Path, tmp_path: Path) -> Path:
    """`roadmap draft R8 --format txt --field 暮らし・まち`: the next edition of one field."""
    out = tmp_path / "draft_R8_kurashi.txt"
    args = ["draft", "R8", "--format", "txt", "--field", "暮らし・まち"]
    made = CliRunner().invoke(main, [*args, "--out", str(out), "--db", str(db)])
    assert made.exit_code == 0, made.output
    assert "（案）" in out.read_text(encoding="utf-8").split("\n")[0]
    return out


ORDERS = ["draft-then-published", "published-then-draft", "together"]


@pytest.mark.parametrize("order", ORDERS)
def test_a_draft_field_never_makes_its_edition_the_default(order, tmp_path):
    db = template_of([R6_FILE, R7_FILE]).backup(tmp_path / "roadmap.db")
    store = Store.open(db)
    draft = drafted(db, tmp_path)
    published = as_r8(write_field(tmp_path, "sangyo"), tmp_path, "r8_sangyo.txt")
    steps = {
        "draft-then-published": [[draft], [published]],
        "published-then-draft": [[published], [draft]],
        "together": [[draft, published]],
    }[order]
    for step in steps:
        load_documents(store, step)
    infos = {e.code: e for e in store.editions()}
    assert infos["R8"].has_draft and not infos["R8"].draft
    assert store.latest_edition() == "R7"
    draft_projects = [p for p in store.projects("R8") if p.draft]
    published_projects = [p for p in store.projects("R8") if not p.draft]
    assert draft_projects and published_projects
    # Unnamed, every question about a drafted project is answered from the published R7, never
    # from the draft; named, the draft answers and says it is one.
    for p in draft_projects:
        default = ask(store, f"No{p.no}の事業費は？")
        assert default.sources and {s.edition for s in default.sources} == {"R7"}, default.text
        assert "案" not in default.text
        named = ask(store, f"R8版のNo{p.no}の事業費は？")
        assert {s.edition for s in named.sources} == {"R8"} and "案" in named.text
        # Updates go to the published project; searches without an edition skip the draft.
        assert find_project(store, f"No{p.no}").key == f"R7/No{p.no}"
        assert all(
            not (h.edition == "R8" and store.project(h.project_key).draft)
            for h in store.search(p.name, limit=200)
        )
    # The published field of R8 is R8's, and says nothing of drafts when named.
    for p in published_projects[:5]:
        named = ask(store, f"R8版のNo{p.no}の事業費は？")
        assert {s.edition for s in named.sources} == {"R8"} and "案" not in named.text
    # `diff` compares the latest two editions shown by default, the draft only when named.
    assert editions_asked(store, "") == ("R6", "R7")
    assert editions_asked(store, "R7 R8") == ("R7", "R8")
    # Once the drafted field is published for R8 too, R8 is the default.
    load_documents(store, [as_r8(R7_FILE, tmp_path, "r8_kurashi.txt")])
    assert store.latest_edition() == "R8" and editions_asked(store, "") == ("R7", "R8")
    answer = ask(store, f"No{draft_projects[0].no}の事業費は？")
    assert {s.edition for s in answer.sources} == {"R8"} and "案" not in answer.text
    store.close()


def test_a_wholly_published_edition_stays_the_default_over_an_older_one(tmp_path):
    store = Store.memory()
    load_documents(store, [R7_FILE, as_r8(R7_FILE, tmp_path, "r8.txt")])
    assert store.latest_edition() == "R8"
    assert not any(e.has_draft for e in store.editions())
