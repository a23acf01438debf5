"""Japanese replies in Japanese, English replies in English: every phrase of bot/messages/,
and what its formatting functions make, is scanned for the other language's script.

Allowed in Japanese: codes and names people type or read as printed — placeholders, No40/R8,
commands (/roadmap update …, roadmap ingest --db), environment variables, file formats.
Allowed in English: names quoted as printed (「…」) and Japanese units of a quoted figure.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot import messages as m
from bot.command_table import TABLE, usages
from bot.messages.phrasing import AREAS
from bot.migrations import evidence_from_prose
from bot.models import Evidence

# Words people type as commands or read as codes: not English prose.
CODES = {
    "update", "history", "retract", "digest", "diff", "export", "csv", "xlsx", "json", "chart",
    "budget", "timeline", "nudges", "off", "on", "owners", "add", "remove", "list", "help",
    "ingest", "roadmap", "db", "out", "all", "user", "project", "section", "now", "post",
    "socket", "readme", "connect", "to", "slack", "teams", "jst", "dx", "phr", "env", "v",
    "invite",  # /invite @roadmap is Slack's command, typed as is
}  # fmt: skip
CODES |= {w for spec in TABLE for w in spec.name.split()}  # every command's English name
# Several editions and an unnumbered one: the citation form stays in one language.
CITED = [("R7", 40, 294), ("R7", 41, 310), ("R6", None, 6), ("R6", None, 17)] + [("R7", 23, 9)] * 4
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def japanese_leaks(text: str) -> list[str]:
    """English words in a Japanese phrase that are not codes."""
    # placeholders, timestamps and option names as typed (--field)
    text = re.sub(r"\{[^}]*\}|\d{4}-\d\d-\d\dT\d\d:\d\d|--[a-z][a-z-]*", "", text)
    text = re.sub(r"(?<![A-Za-z])([A-Z][A-Z0-9_]{2,}|No\d*|[RH]\d+)(?![A-Za-z])|#\d+", "", text)
    words = re.findall(r"[A-Za-z]+", text)
    return [w for w in words if w.lower() not in CODES]


def english_leaks(text: str) -> list[str]:
    """Japanese in an English phrase outside a quoted name."""
    text = re.sub(r"\{[^}]*\}|「[^」]*」", "", text)
    return JAPANESE.findall(text)


def phrases() -> list[tuple[str, str, str]]:
    """(where, Japanese, English) for every pair the module holds or makes."""
    pairs = [(f"PHRASES[{k}]", ja, en) for k, (ja, en) in m.PHRASES.items()]
    pairs += [(f"FIELD_LABELS[{k}]", ja, en) for k, (ja, en) in m.FIELD_LABELS.items()]
    help_ja, help_en = (m.help_lines(lang, usages(lang)) for lang in ("ja", "en"))
    pairs += [("help_lines", "\n".join(help_ja), "\n".join(help_en))]
    pairs += [("examples", "\n".join(m.examples("ja")), "\n".join(m.examples("en")))]
    pairs += [("NOT_PRINTED", m.NOT_PRINTED["ja"], m.NOT_PRINTED["en"])]
    pairs += [("UNDECIDED", m.UNDECIDED["ja"], m.UNDECIDED["en"])]
    made = {
        "money": lambda lang: m.money(188084, lang),
        "period": lambda lang: m.period("R5", "未定", lang) + m.period("R3", None, lang),
        "flag": lambda lang: m.flag(True, lang) + m.flag(False, lang) + m.flag(None, lang),
        "edition_name": lambda lang: m.edition_name("R7", lang),
        "source_ref": lambda lang: m.source_ref("R7", 40, 294, lang),
        "sources_line": lambda lang: m.sources_line(
            [SimpleNamespace(edition=e, no=n, line=ln) for e, n, ln in CITED], lang
        ),
    }
    for op in m.OP_WORDS["ja"]:
        for field in ("start", "end"):
            made[f"year_filter_words[{field},{op}]"] = lambda lang, f=field, o=op: (
                m.year_filter_words(f, o, "R8", lang)
            )
        made[f"budget_filter_words[{op}]"] = lambda lang, o=op: m.budget_filter_words(
            o, 100000, lang
        )
    for evidence in (
        "同名 (same name)",
        "新版の記載に「公衆衛生DX」(the newer edition names the older project)",
        "名称88・概要100・取組100・始期同じ",
        "名称20・概要62・取組91",
        "始期R5が同じ・取組「遠隔教育」→「遠隔授業」(same start and initiative)",
    ):
        stored = evidence_from_prose(evidence)  # as m014 converts an older store's links
        made[f"evidence_words[{evidence}]"] = lambda lang, e=stored: m.evidence_words(e, lang)
    pairs += [(name, make("ja"), make("en")) for name, make in made.items()]
    return pairs


PAIRS = phrases()


@pytest.mark.parametrize(("where", "ja", "en"), PAIRS, ids=[p[0] for p in PAIRS])
def test_each_language_stays_in_its_script(where, ja, en):
    if re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", ja)):  # not only placeholders
        assert JAPANESE.search(ja), f"{where}: the Japanese phrase has no Japanese: {ja!r}"
    assert not japanese_leaks(ja), f"{where}: English in Japanese: {japanese_leaks(ja)} in {ja!r}"
    assert not english_leaks(en), f"{where}: Japanese in English: {en!r}"


def test_each_phrase_is_in_one_area_and_every_area_is_read():
    """The phrases are split by area of the product (bot/messages/): a key in two areas would
    quietly lose one wording, and an area say() does not read would lose them all."""
    keys = [k for area in AREAS for k in area.PHRASES]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    folder = Path(m.__file__).parent
    names = [p.stem for p in folder.glob("*.py") if p.stem != "__init__"]
    modules = [importlib.import_module(f"bot.messages.{name}") for name in names]
    assert {x for x in modules if hasattr(x, "PHRASES")} == {
        *AREAS,
        importlib.import_module("bot.messages.phrasing"),
    }


def test_evidence_is_words_not_scores():
    stored = Evidence(name=88, summary=100, labels=100, same_start=True).stored()
    for lang in ("ja", "en"):
        words = m.evidence_words(stored, lang)
        assert not re.search(r"\d", words), words
    assert m.evidence_words(stored) == "名称がほぼ同じ・概要が同じ・取組が同じ・始期が同じ"
    assert m.evidence_words(stored, "en") == (
        "name nearly the same, summary the same, initiatives the same, same start"
    )


def test_a_condition_reads_as_a_clause_after_the_edition():
    when = m.year_filter_words("end", "eq", "R10", "ja")
    assert m.say("list_title", "ja", edition="R7版", what=when, n=14) == (
        "R7版で終期がR10の事業は14件です。"
    )
    assert m.say("count_is", "ja", scope=m.say("scope", "ja", edition="R7版", what=""), n=33) == (
        "R7版の事業は33件です。"
    )


# -- #26: words a reader meets outside a conversation, and English said in English ----------

# The R6 document's own flags, said in English without the Japanese (hand-written).
FLAG_WORDS = {
    "priority_frame": "Priority-budget project",
    "future_response": "Planned for a later phase",
}


def test_the_r6_flags_have_english_names():
    for field, english in FLAG_WORDS.items():
        assert m.label(field, "en") == english
    for key in ("filter_priority_frame_yes", "filter_future_response_no"):
        assert not JAPANESE.search(m.say(key, "en")), key


def test_one_project_is_singular_in_english():
    assert m.say("n_projects", "en", n=1) == "1 project"
    assert m.say("n_projects", "en", n=21) == "21 projects"
    assert m.say("history_title", "en", project="No40", n=1) == "No40: 1 entry"
    assert m.say("n_projects", "ja", n=1) == "1件"


def test_an_unnumbered_project_is_named_without_japanese_edition_words(store):
    from bot.adapters.console import Console

    r6 = store.projects("R6")[0]
    assert m.short_ref(r6) == "R6/#1 へき地オンライン診療支援対策事業"  # the R6 document's first
    reply = Console(store).handle("renamed projects")
    assert "R6/#1 へき地オンライン診療支援対策事業" in reply and "版" not in reply


@pytest.mark.parametrize(
    "report",
    ["update No40 NW機器 AP 120台", "update No40 Wi-Fi整備を完了", "update No40 kintone導入"],
)
def test_a_report_with_japanese_words_is_answered_in_japanese(store, report):
    from bot.adapters.console import Console

    reply = Console(store).handle(report)
    assert "記録しました" in reply, reply


def test_an_english_report_is_answered_in_english(store):
    from bot.adapters.console import Console

    reply = Console(store).handle("update No40 finished the 校務 system design")
    assert not JAPANESE.search(reply.replace("校務", "").split(":")[0]), reply


def test_a_scheduled_digest_says_where_to_see_a_cut_list(store):
    from datetime import UTC, datetime

    from bot.adapters.slack.digest import MAX_LISTED, digest_blocks
    from bot.adapters.teams.cards import digest_message
    from bot.digest import digest

    week = digest(store, datetime(2026, 11, 23, 1, 0, tzinfo=UTC), 4)
    assert len(week.stale) > MAX_LISTED  # the R7 document's running projects, none reported
    text = str(digest_blocks(week, "ja"))
    assert f"ほか{len(week.stale) - MAX_LISTED}件" in text and "「/roadmap digest」" in text
    assert "条件を絞って" not in text  # a channel's reader asked nothing
    english = str(digest_blocks(week, "en"))
    assert "/roadmap digest" in english and "narrow" not in english
    card = str(digest_message(week, "ja").model_dump())
    assert "「digest」" in card and "条件を絞って" not in card
