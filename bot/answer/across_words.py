"""Words of a question a two-edition answer must use or ask about (#23 item 3): a word cut
short where it was read (「補助率」 read as 補助), a word that owns the field asked (「大会の名前」),
a counter after a number (「3本の」), conditions a named project does not meet, and words
nothing printed about the projects holds."""

from __future__ import annotations

import re

from bot.answer.selection import passes
from bot.answer.textsearch import printed_words
from bot.models import Project
from bot.store import Store
from bot.text import compact
from bot.understanding import Query
from bot.vocabulary import normalise

_RUN = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffa-z0-9・ー]+")
_FIELD_AFTER = r"\s*の\s*(?:名前|名称|事業名|予算|事業費|金額|期間|始期|終期|担当|内容)"


def cut_words(query: Query) -> list[str]:
    """Words of the question cut short where they were read (「補助率」 read as 補助): the run
    of letters a leftover word stands in, when the rest of the run is no word at all."""
    from bot.understanding.lexicon import FILLER
    from bot.understanding.words import prepare

    text = normalise(prepare(query.raw).text)
    words = [w for w in query.unknown if w]
    out = []
    for run in _RUN.finditer(text):
        rest = run.group(0)
        for w in words:  # へき|地・…: a word begun in kana before the run ends inside it
            cut = next((k for k in range(1, len(w)) if text.endswith(w[:k], 0, run.start())), 0)
            if cut and rest.startswith(w[cut:]):
                rest = " " + rest[len(w) - cut :]
        inside = [w for w in words if w in rest]
        if not inside and rest == run.group(0):
            continue
        for w in sorted(inside, key=len, reverse=True):
            rest = rest.replace(w, " ")
        rest = re.sub(
            r"[系類等]", " ", FILLER.sub(" ", rest)
        )  # へき地・オンライン診療系: "related"
        if re.search(r"[\u4e00-\u9fff\u30a1-\u30fa]", rest):
            out.append(run.group(0))
    return out


def qualified_words(query: Query, projects: list[Project]) -> list[str]:
    """Leftover words that own the field asked (「大会の名前」: the name of the 大会, not of
    the project): printed in the text, not in the project's name."""
    names = " ".join(compact(p.name).lower() for p in projects)
    text = normalise(query.raw)
    return [
        w
        for w in query.unknown
        if w.lower() not in names
        and w not in counters(query)
        and re.search(re.escape(w) + _FIELD_AFTER, text)
    ]


def counters(query: Query) -> set[str]:
    """「3本の予算合計」: a counter after a number (of the projects named), not a condition."""
    text = normalise(query.raw)
    return {w for w in ("本", "件", "つ", "個") if re.search(rf"\d\s*{w}", text)}


def unmet_filters(query: Query, projects: list[Project]) -> list[str]:
    """Conditions of the question a named project does not meet in any of its editions."""
    out = []
    for f in query.filters:
        if not any(passes(p, f, {}) for p in projects):
            out.append(str(f.value))
    return out


def unprinted(store: Store, query: Query, projects: list[Project], how: str) -> list[str]:
    """Words of the question no slot read and nothing printed about these projects holds."""
    if how or not query.unknown:
        return []
    printed = " ".join(printed_words(store, p) for p in projects)
    return [w for w in query.unknown if w.lower() not in printed and w not in counters(query)]
