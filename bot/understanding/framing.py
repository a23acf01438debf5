"""What frames a question beyond a word's class: the asker's own acts (共有します), courtesy
(お世話になります), a request said with お願い (リストアップお願いします), a sentence that states
rather than asks (〜さん経由の依頼です), and the English words that say what a question is about
or how it is asked (mention, regarding, prefectural, scheduled). Used by `words`."""

from __future__ import annotations

import re

# English words that say what a project is about, or how a question is asked: the topic
# follows them, never is one of them.
EN_ASKING = frozenset(
    [
        "mention",
        "mentions",
        "mentioning",
        "mentioned",
        "cover",
        "covers",
        "covering",
        "involve",
        "involves",
        "involving",
        "related",
        "relating",
        "regarding",
        "concerning",
        "deal",
        "deals",
        "dealing",
        "focus",
        "focused",
        "focusing",
        "target",
        "targeting",
        "aimed",
        "based",
        "use",
        "uses",
        "using",
        "used",
        "prefectural",
        "prefecture",
        "scheduled",
        "expected",
        "planned",
        "filed",
        "listed",
        "brief",
        "briefly",
        "short",
        "line",
        "summarize",
        "summarise",
    ]
)


def statement(base: list[str], pos: list[tuple]) -> bool:
    """A chunk that ends as a sentence saying something, not asking (…の依頼です, 担当の佐藤
    です): the copula or ます last, no question particle, nothing after it."""
    words = [b for b, p in zip(base, pos, strict=True) if p[0] not in ("補助記号", "空白")]
    return len(words) >= 2 and words[-1] in ("です", "だ", "ます", "でございます")


def own_act(pos: list[tuple], base: list[str]) -> bool:
    """する after a noun closing its sentence as the asker's own act (します, しておきます,
    しときます): no noun after it, no question, and a polite or volitional ending."""
    if not base or base[0] != "する":
        return False
    tail: list[str] = []
    for p, b in zip(pos[1:], base[1:], strict=False):
        if p[0] in ("補助記号", "空白"):
            break
        if p[0] == "名詞":
            return False  # 参加した薬局: the act describes a noun, a condition
        tail.append(b)
    if "か" in tail or not base[1:]:
        return False
    return bool({"ます", "おく", "とく", "たい"} & set(tail))


def honorific(surface: str, before: tuple | None, bases: list[str]) -> bool:
    """A noun made polite by お/ご (お世話, ご確認, お手数): courtesy, not a topic."""
    prefixed = before is not None and before[0] == "接頭辞" and bases[-1:] in (["お"], ["ご"])
    return prefixed or bool(re.match(r"[おご][\u4e00-\u9fff]", surface))


def asks(surface: str, pos: tuple, after: list[str]) -> bool:
    """An act (a サ変 noun, or a loanword such as リストアップ) followed by お願い."""
    if after[:2] != ["お", "願う"] and after[:1] != ["お願い"]:
        return False
    return pos[2] == "サ変可能" or bool(re.fullmatch(r"[\u30a0-\u30ff]+", surface))
