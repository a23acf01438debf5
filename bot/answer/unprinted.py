"""A content word that fits no slot and that the roadmap prints nowhere: the answer says so
(「『除雪作業』はロードマップに見当たりません」) with what was understood — never the help
text, never an answer that drops the word. A word the roadmap prints is a text condition
instead (selection), and a word of the question's own framing never reaches here.
"""

from __future__ import annotations

import functools
import re

from bot import messages as m
from bot.answer import searched
from bot.answer.model import Answer
from bot.answer.selection import Selection, filter_words, scope
from bot.store import Store
from bot.understanding import Query
from bot.vocabulary import Vocabulary

# Japanese words: the roadmap is printed in Japanese, so a Japanese word it does not hold is
# not in it. An English word it does not hold may be a word the glossary lacks: asked back.
_JAPANESE = r"[\u3040-\u30ff\u4e00-\u9fff]"
# A name of an office (商工労働部, 情報システム課): what the roadmap would print as 担当.
_OFFICE = r"[\u30a0-\u30ff\u4e00-\u9fff]{2,}(?:部|課|局|庁|室)"
# A word describing projects: 〜の事業, 〜に関する事業, 〜関連の事業, 〜のproject, with at most two
# more nouns between (除雪作業のDXに関する事業, 図書館の電子化の事業).
_TOPIC = (
    r"(?:(?:の|・)?[a-z0-9\u30a0-\u30ff\u4e00-\u9fff]{1,10}){0,2}?"
    r"(?:の|に関する|関連の|関係の|向けの|系の"
    # メタバースを使った事業, ドローンを活用している事業: a word the projects would use
    r"|を?(?:使|活用|利用|用い|導入|取り入れ)[\u3041-\u309f]{0,6})?"
    r"\s*(?:事業|projects?|プロジェクト)"
)
# A word that is a condition of its own kind — a year, an amount, a count, a state (実施中,
# 未提出), a person — is one the bot could not read, never a topic the roadmap lacks.
_CONDITION = r"年|円|件|台|本|種類|回|[中済]$|^未|自分|私"


@functools.cache
def _pattern(source: str) -> re.Pattern:
    """Compiled on first use (CJK ranges take a while to compile: not at every start)."""
    return re.compile(source)


def unprinted(store: Store, words: list[str], question: str, vocab: Vocabulary) -> list[str]:
    """The words of the list that name an office or describe projects in the question, and
    that the roadmap prints nowhere: not in its text, not in any name of its vocabulary."""
    names: list[str] | None = None
    out = []
    for word in dict.fromkeys(w.lower() for w in words):
        if len(word) < 2 or not _pattern(_JAPANESE).search(word):
            continue
        if _pattern(_CONDITION).search(word):
            continue
        office = _pattern(_OFFICE).fullmatch(word) is not None
        if not office and not re.search(re.escape(word) + _TOPIC, question):
            continue
        names = names if names is not None else [t.surface for t in vocab.terms]
        if any(word in name for name in names) or searched.search(store, word, limit=1):
            continue
        out.append(word)
    return out


def not_in_roadmap(query: Query, words: list[str], edition: str) -> Answer:
    """「『X』はロードマップに見当たりません」 with the conditions that were understood."""
    lang = query.lang
    sep = "』『" if lang == "ja" else "”, “"
    conditions = [filter_words(f, lang) for f in query.filters]
    # The other words of the text it asked about, which the roadmap does print (DX).
    conditions += [
        m.say("filter_text", lang, value=w)
        for w in query.search_terms
        if w not in words and not any(w in u for u in words)
    ]
    if f"operation_{query.operation}" in m.PHRASES:
        conditions.append(m.say(f"operation_{query.operation}", lang))
    understood = ("・" if lang == "ja" else ", ").join(conditions) or "—"
    # As typed: 空き家対策, whose search word 家対策 the question's words hold.
    words = list(dict.fromkeys(next((u for u in query.unknown if w in u), w) for w in words))
    return Answer(
        status="not_found",
        title=m.say(
            "not_in_roadmap",
            lang,
            words=sep.join(words),
            edition=m.edition_name(edition, lang),
            understood=understood,
        ),
        suggestions=m.examples(lang)[:3],
    )


def which_one(selection: Selection, listed: Answer, lang: str) -> Answer:
    """A fact asked of "the" project of a group that has several: the projects with the fact
    asked, and which one is meant — a question back, never all of them as the answer."""
    listed.status = "ambiguous"
    listed.title = m.say(
        "which_one_of", lang, scope=scope(selection, lang, counted=False), n=len(selection.projects)
    )
    listed.suggestions = [
        f"No{p.no}" if p.no is not None else p.name for p in selection.projects[:8]
    ]
    return listed
