"""A message as people send it: small talk beside the question left out, several questions
cut into parts, each part answered (a part that leaves its project or field unsaid asked of
the first part's), all in the message's language. Each question is answered by
`bot.answer.answer`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from bot.answer import text_facts, textsearch
from bot.answer.accounting import mentions
from bot.answer.model import Answer, ProjectRef
from bot.answer.render import finish
from bot.answer.selection import by_text, vocabulary_for
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query, understand
from bot.understanding.parts import parts, sentences_of
from bot.understanding.record_ask import OWN_PLAN
from bot.understanding.words import prepare
from bot.vocabulary import Vocabulary, gloss

# One question's answer (bot.answer.answer, bound to the store, the clock and the asker).
AnswerOne = Callable[[Query], Answer]


def answer_message(
    store: Store, text: str, answer_one: AnswerOne, *, now: datetime | None = None
) -> Answer:
    """A message understood and answered: its small talk left out, each of its questions
    answered by `answer_one`; `now` reads the years it says against the day it was sent."""
    text = _taken_back(text)
    vocabulary = vocabulary_for(store) if store.editions() else None
    # Small talk beside the question (「今日は雪がすごいですね。No38の担当課は？」, "It's
    # freezing here lol. What's No43's budget?") never changes an answer: sentences that carry
    # nothing the roadmap knows are left out when another sentence carries the question.
    sentences = sentences_of(text) if vocabulary is not None else []
    # One sentence is the question itself; past a dozen, a message is no chat (and reading
    # each sentence on its own would cost more than the answer).
    if 1 < len(sentences) <= _MOST_SENTENCES:
        kept = [s for s in sentences if _carries(store, s, vocabulary, now)]
        if kept and len(kept) < len(sentences):
            text = " ".join(kept)
    return _asked(store, text, vocabulary, answer_one)


_MOST_SENTENCES = 12
# 「No41 の budget 教えて…あ、ごめん No41じゃなくて No42 のほう」: the number said again and
# taken back names the other everywhere before it (the correction's own words dropped).
_INSTEAD = re.compile(
    r"(?P<said>no\.?\s*(?P<a>\d{1,3}))\s*(?:じゃなくて|ではなくて|じゃなく|ではなく)[、,\s]*"
    r"(?P<meant>no\.?\s*(?P<b>\d{1,3}))",
    re.IGNORECASE,
)


def _taken_back(text: str) -> str:
    """The message with a number taken back (No41じゃなくて No42) replaced before it."""
    m = _INSTEAD.search(text)
    if m is None:
        return text
    before, said_before = re.subn(
        rf"(?<![\d])(no\.?\s*){m.group('a')}(?!\d)",
        lambda x: f"{x.group(1)}{m.group('b')}",
        text[: m.start()],
        flags=re.IGNORECASE,
    )
    # Said before: named there now, so the correction itself names nothing more.
    return before + ("" if said_before else m.group("meant")) + text[m.end() :]


# A sentence naming what the question is about: words before 事業, 関係, について, or a label
# before a colon.
_TOPIC = re.compile(
    r"事業|関係|関連|について|に関して|系|の件|分野|(?<![a-z])(?:projects?|programs?|related|regarding"
    r"|about|concerning)(?![a-z])|^[^\s:：]+(?:\s+[^\s:：]+){0,2}\s*[:：]\s*$"
)


_DOING = re.compile(r"(?:まして|てまして|てて|ていて|でいて|ておりまして|てるんですが|ていますが)$")
_CLOCK = re.compile(
    r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|時(?:半)?)", re.IGNORECASE
)
_FOLLOW_UP = re.compile(r"[^。？?!！\s]{1,10}(?:は|では|には)\s*[？?]")


def _carries(store: Store, sentence: str, vocabulary: Vocabulary, now: datetime | None) -> bool:
    """A sentence that may change an answer: a mention, a digit, a condition, an operation, a
    glossary word, or a word printed anywhere in the documents (a colleague mentioned is not)."""
    # 「あとで課長に報告します！」, "I'll pass it on to my boss": what the asker will do next.
    if OWN_PLAN.search(sentence.strip().lower()) and not re.search(
        r"[0-9０-９?？]", prepare(sentence).text
    ):
        return False
    # 「来月の担当者会議の資料をまとめてまして…」: what the asker is doing, said before the
    # question (a clause left open, no number, no topic named) carries nothing.
    clause = re.sub(r"[…。、.!！\s]+$", "", sentence.strip())
    if _DOING.search(clause) and not _TOPIC.search(clause) and not re.search(r"\d", clause):
        return False
    # Digits of a colleague's id or a link (<@U0ABC…>), or a time of day (the 11:00 call,
    # 15時の会議), are no number of the question.
    plain = _CLOCK.sub(" ", prepare(sentence).text)
    if re.search(r"[0-9０-９]", plain) or mentions(sentence, vocabulary, now):
        return True
    if _FOLLOW_UP.fullmatch(sentence.strip()):
        return True  # 「今は？」「R7では？」: the same thing asked again of something else
    if gloss(sentence.lower().replace("'", " "))[1]:
        return True  # an English word for the roadmap's own terms (nursing care → 介護)
    said = understand(sentence, vocabulary)
    # 観光関係ですが、/ 観光の事業について質問です / "Tourism:": the topic asked of.
    if said.reads_anything or (said.unknown and _TOPIC.search(sentence.lower())):
        return True
    # A sentence beside the question (来週の会議の資料をつくってるんですが、/ 昨日の資料ありがとう
    # ございました) carries a word only when the latest edition prints it: a word an older
    # edition printed once is no topic of the day (an older edition's topic is named with it).
    printed = textsearch.printed_anywhere(store, store.latest_edition())
    words = [w.lower() for w in said.search_terms + said.unknown]
    return any(w in printed for w in words if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", w))


def _asked(store: Store, text: str, vocabulary: Vocabulary | None, answer_one: AnswerOne) -> Answer:
    """One message understood and answered, part by part when it asks several things."""
    asked = understand(text, vocabulary)
    pieces = parts(text) if vocabulary is not None else [text]
    if len(pieces) < 2 or vocabulary is None:
        return answer_one(asked)

    def each_read() -> list[Query]:
        # Every part in the language of the whole message, never one of each. Read afresh
        # after an answer: answering settles a query's year and edition in place.
        return [_in_lang(understand(p, vocabulary), asked.lang) for p in pieces]

    queries = each_read()
    # Two questions with subjects of their own (No40の予算は？あとPHRの担当は？): read as one
    # they would be one subject's answer, so each is answered apart.
    if all(_stands_alone(q) for q in queries[1:]):
        each, _ = _each_part(store, queries, vocabulary, answer_one)
        if each.status in ("ok", "not_stated"):
            return each
        queries = each_read()
    whole = answer_one(asked)
    # A second part that continues the first (「R6は何会場？あと修了者数も」) is asked of the
    # one project the first was about; the parts' answer is taken when the whole was asked
    # back, or when each later part was asked of that project (read as one question, the
    # later part's fields were read beside the first's and some went unanswered).
    each, carried = _each_part(store, queries, vocabulary, answer_one)
    if each.status not in ("ok", "not_stated"):
        return whole
    return each if whole.status in ("ambiguous", "clarify") or carried else whole


def _in_lang(query: Query, lang: str) -> Query:
    """The query, to be answered in `lang`."""
    query.lang = lang
    return query


_OWN_SUBJECT = {"department", "section", "category", "field", "text"}
# Words every project prints (概要から外れた取組): no subject of a part's own.
_DOCUMENT_WORDS = {"取組", "取り組み", "事業", "概要", "実績", "計画", "目標", "内容", "予定"}


# 「補助率も変わってます？」「修了者数も」: a thing asked "as well" is asked of the same subject.
_AS_WELL = re.compile(r"^[^、。,]{1,12}?も(?![のし])|(?<![a-z])(?:too|as well)(?![a-z])")


def _stands_alone(query: Query) -> bool:
    """A part that names what it is about: a project, a group or a search word of its own."""
    if (
        not query.names_project
        and not any(f.kind in _OWN_SUBJECT for f in query.filters)
        and _AS_WELL.search(query.raw.strip().lower())
    ):
        return False
    return (
        query.names_project
        or query.record is not None
        or any(t not in _DOCUMENT_WORDS for t in query.search_terms)
        or any(f.kind in _OWN_SUBJECT for f in query.filters)
    )


def _each_part(
    store: Store, queries: list[Query], vocabulary: Vocabulary, answer_one: AnswerOne
) -> tuple[Answer, bool]:
    """「R6は何会場でやった？あと修了者数も」: each part answered on its own, one after the other;
    a part naming no project is asked of the one the first part was about (and whether
    every later part was)."""
    fields = list(queries[0].fields)  # as asked (answering settles a query in place)
    first = answer_one(queries[0])
    about = _one_project(store, queries[0], first.projects)
    answers, carried = [first], True
    for query in queries[1:]:
        if not query.names_project and about is not None and not _elsewhere(store, query, about):
            # "…and what does the R7 edition say?": the project by its name, in the edition
            # the part names; else as the first part named it.
            other = query.edition is not None and query.edition != about.edition
            name = about.name if other else _named(about)
            said = understand(f"{name} {query.raw}", vocabulary)
            query = _in_lang(said, query.lang)
        else:
            carried = False
        unsaid = not query.fields or (
            query.fields == ["summary"] and _SAYS.search(query.raw.lower()) and fields
        )
        if unsaid and not query.asks and query.operation == "fact" and not query.unknown:
            query.fields = list(fields)  # the thing asked is left unsaid: the first part's
        answers.append(answer_one(query))
    failed = next((a for a in answers if a.status not in ("ok", "not_stated")), None)
    if failed is not None:
        return failed, False
    result = Answer(
        status="ok" if any(a.status == "ok" for a in answers) else "not_stated",
        title=first.title,
        lines=first.lines + [x for a in _unrepeated(answers)[1:] for x in [a.title, *a.lines] if x],
        projects=list({r.key or r.name: r for a in answers for r in a.projects}.values()),
        sources=list({(s.file, s.line): s for a in answers for s in a.sources}.values()),
        verdict=first.verdict,
    )
    return finish(result, first.lang), carried


_ASKING = re.compile(r"^(?:何|なん|いつ|どこ|どの|誰|だれ)")


def _elsewhere(store: Store, query: Query, about: ProjectRef) -> bool:
    """A part whose own words are all printed about one other project (あと道路の舗装をAIで
    点検したのは…, after a question about No48): asked of that one, not of the first's."""
    words = [
        t
        for t in query.search_terms
        if t not in _DOCUMENT_WORDS and not text_facts.is_kind_word(t) and not _ASKING.search(t)
    ]
    if not query.subject or not words or not about.edition:
        return False
    first = store.project(about.key) if about.key else None
    if first is not None:
        # 「…and which 会計 is it under?」: words printed about the first project are its own.
        printed = textsearch.printed_words(store, first, words) + " " + (first.budget_note or "")
        if all(w.lower() in printed.lower() for w in words):
            return False
    found, missing = by_text(store, words, about.edition)
    return found.status == "ok" and not missing and found.matches[0].project.key != about.key


def _unrepeated(answers: list[Answer]) -> list[Answer]:
    """The parts' answers, each said once (「どの事業で続いてる？ name changed?」 ask alike)."""
    seen: list[tuple[str, list[str]]] = []
    out = []
    for a in answers:
        if (a.title, a.lines) not in seen:
            seen.append((a.title, a.lines))
            out.append(a)
    return out


# "…and what does the R7 edition say?", 「R7版ではどうなってる？」: asks again what was asked.
_SAYS = re.compile(r"(?<![a-z])says?(?![a-z])|どうなって|書いて")


def _one_project(store: Store, query: Query, refs: list[ProjectRef]) -> ProjectRef | None:
    """The one project a part was about: one project, or one named project as each edition
    prints it (R6版→R7版で事業費いくら増えた: the newest edition's)."""
    keyed = [r for r in refs if r.key]
    # A ranking or a list that came down to one project (項目別でいちばん少ないのは) was about
    # the groups, not that project: a later part (2番目に少ないのは？) is not asked of it.
    if len({r.key for r in keyed}) == 1 and (
        query.names_project or query.operation in ("fact", "search")
    ):
        return keyed[0]
    editions = [r.edition for r in keyed]
    if query.names_project and len(keyed) > 1 and len(set(editions)) == len(editions):
        order = [e.code for e in store.editions()]  # oldest first
        return max(keyed, key=lambda r: order.index(r.edition) if r.edition in order else -1)
    return None


def _named(p: ProjectRef) -> str:
    """How a project is named again in a part that leaves it unsaid: No45, or its name."""
    return f"No{p.no}" if p.no is not None else f"{label_of(p.edition)}版の{p.name}"
