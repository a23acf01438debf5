"""Question understanding: text + vocabulary → Query. Pure: no store, no I/O, no language model.

A question is read as slots: filters (department, section, category, field, start/end year,
budget, flags, no end year, words of the text), one operation (a fact, list, count, sum,
average, max/min, top/bottom N, the N-th, group by, compare, search) and an edition. Every
mention is consumed where it is found (longest first); the words left over are either the
name of a project (for a fact) or a condition the bot could not read — never silently dropped.
"""

from __future__ import annotations

import itertools
import re

from bot.project_numbers import NUMBER, RANGE, numbers_in_range
from bot.text import drop_control, word_runs
from bot.understanding.amounts import read_amounts
from bot.understanding.asked import read_asked, read_plan_years
from bot.understanding.editions import RELATIONS, read_compared_editions, read_relation
from bot.understanding.entities import read_entities
from bot.understanding.lexicon import CHANGE_WORDS, EN_STOP, FILLER, arabic_numerals
from bot.understanding.negation import read_negations
from bot.understanding.operations import read_flags, read_operations
from bot.understanding.query import (
    MAX_QUESTION,
    SET_OPERATIONS,
    Filter,
    Lang,
    Query,
    detect_language,
)
from bot.understanding.reading import Text
from bot.understanding.record_ask import might_be_record
from bot.understanding.typed_names import kana_heard
from bot.understanding.typed_names import rewrite as rewrite_typed
from bot.understanding.words import digits, english_content, has_japanese, japanese_content, prepare
from bot.understanding.years import read_bare_years, read_edition, read_year_filters, year_code
from bot.vocabulary import Vocabulary, gloss, normalise, translate_english

__all__ = [
    "MAX_QUESTION",
    "SET_OPERATIONS",
    "Filter",
    "Lang",
    "Query",
    "detect_language",
    "understand",
    "year_code",
]


# The years asked in the Western calendar: 西暦で, in the Western calendar, as a calendar year.
_WESTERN = re.compile(
    r"西暦(?:で|に直して|表記で?|だと)?|(?:(?:give|tell|show)(?: me)? )?(?:the )?(?:fiscal )?(?:years? )?"
    r"(?:in|using) (?:the )?(?:western|gregorian) (?:calendar|years?)(?: format)?|(?:as|in) (?:a )?western years?"
    r"|western (?:calendar |fiscal )?years?(?: please| pls)?"
)
_SAID_COUNT = re.compile(
    r"(?<![a-z])(?:projects?|事業|プロジェクト)\s*(?:の)?\s*\d{1,2}\s*(?:本|件|つ)"
    r"(?!\s*(?:以上|以下|未満|超|だけ|しか|のみ|も|より))"
)


def understand(text: str, vocabulary: Vocabulary | None = None) -> Query:
    """Read a question into a Query; never raises."""
    raw = drop_control(text or "")[:MAX_QUESTION]
    prepared = prepare(raw)
    norm = normalise(prepared.text)
    query = Query(raw=raw, lang=detect_language(norm))
    query.people, query.dropped = prepared.people, prepared.dropped
    # A word character or kana; CJK ideographs are word characters (a class that names their
    # range again takes milliseconds to compile, on every start).
    if not norm or not re.search(r"\w|[\u3040-\u30ff]", norm):
        query.operation = "empty"
        return query
    if re.fullmatch(
        r"help|ヘルプ|使い方|へるぷ|何ができる\??|what can you do\??|usage|commands?", norm
    ):
        query.operation = "help"
        return query
    vocab = vocabulary or Vocabulary()
    heard = _read(query, norm, vocab)
    # A name typed by its sound (きょういくちょう, kodomo katei bu) left unread: written as
    # the vocabulary prints it, and the question read again.
    typed = rewrite_typed(norm, heard, vocab)
    if typed is not None:
        # Read again in the language of the question as printed (keisatsu…の事業 is Japanese).
        lang = detect_language(typed.text)
        query = Query(raw=raw, lang=lang, people=query.people, dropped=query.dropped)
        _read(query, typed.text, vocab)
    return query


# 「【No47】の担当課って…あ、ちがうすみません、No49の」, "No40, sorry, I mean No41": the number
# said before a correction is taken back.
CORRECTION = re.compile(
    r"ちがう|違う|違います|違った|間違え|間違い|訂正|言い間違|打ち間違|じゃなくて|ではなくて"
    r"|(?<![a-z])(?:sorry,? i mean|i meant|i mean"
    r"|correction|scratch that|no wait|oops)(?![a-z])",
    re.IGNORECASE,
)


def _corrected(text: str, query: Query) -> None:
    """A project number taken back by a correction said after it, before the next number."""
    spans = sorted((span, no) for no, span in query.named_spans if isinstance(no, int))
    for (first, no), (second, _) in itertools.pairwise(spans):
        if CORRECTION.search(text[first[1] : second[0]]) and no in query.project_nos:
            query.project_nos.remove(no)
            query.named_spans = [
                (n, s) for n, s in query.named_spans if not (n == no and s == first)
            ]


# Bare numbers listed after a project number (、41、42 / , 41 and 42): not counts, years,
# amounts or ranks.
_MORE_NUMBERS = re.compile(
    r"(?:\s*(?:、|,|・|と|and|&|or|/)\s*(?:no\.?\s*|#)?\d{1,3}(?![\d.,])"
    r"(?!\s*(?:本|件|つ|個|事業|年|月|日|万|億|千|百|円|%|人|名|回|位|番目|校|か所|台|million|billion|yen)))+",
    re.IGNORECASE,
)


def _read(query: Query, norm: str, vocab: Vocabulary) -> list[str]:
    """Every slot read from the normalised question, the words left over, the operation;
    the words left that may be names typed by their sound (kana, romaji)."""
    t = Text(arabic_numerals(digits(norm)))
    query.reading = t.text
    read_entities(t, query, vocab)
    read_compared_editions(t, query, vocab.editions)  # #23: R6版とR7版で, R6 vs R7, 前の版と今の版
    read_edition(t, query)
    read_relation(t, query, vocab.editions)  # #23: 前身, どうなった, R7版にもある, 新しい
    # #27: reports, people, periods of the record — but an owner asked across two editions
    # (the owner of No25 in R6 vs R7) is the document's department and section.
    across = bool(query.compared) and not _REPORTED.search(t.text)
    if might_be_record(t.text, query.people) and not across:
        from bot.understanding.record import read_record  # its patterns, only when needed

        read_record(t, query)
    for m in t.find(RANGE):
        query.project_nos += [n for n in numbers_in_range(m) if n not in query.project_nos]
        query.ranges.append(m.group(0))
        t.take(m.start(), m.end())
    for m in t.find(NUMBER):
        query.project_nos.append(int(next(g for g in m.groups() if g)))
        query.named_spans.append((query.project_nos[-1], m.span()))
        t.take(m.start(), m.end())
        # No.40、41、42 / No40, 41 and 42: the numbers listed after it are projects too.
        more = _MORE_NUMBERS.match(t.text, m.end())
        if more and more.end() > m.end() and t.free(m.end(), more.end()):
            for n in re.finditer(r"\d+", more.group(0)):
                if int(n.group(0)) not in query.project_nos:
                    query.project_nos.append(int(n.group(0)))
                    query.named_spans.append(
                        (int(n.group(0)), (m.end() + n.start(), m.end() + n.end()))
                    )
            t.take(m.end(), more.end())
    _corrected(t.text, query)
    query.project_no = query.project_nos[0] if query.project_nos else None
    if len(query.project_nos) >= 2:
        # No24・No25・No27、3本の予算合計: the count said again of the projects named.
        again = re.compile(
            rf"(?<![\d.]){len(query.project_nos)}\s*(?:本|件|つ|事業|projects?)(?![a-z])"
        )
        for m in t.find(again):
            t.take(m.start(), m.end())
    # 子育ての項目のproject 2本: how many projects the group holds, said in passing — the
    # answer lists them (never project No2, never a word to search).
    for m in t.find(_SAID_COUNT):
        t.take(m.start(), m.end())
    for m in t.find(_WESTERN):
        query.western = True
        t.take(m.start(), m.end())
    read_asked(t, query)  # #24: what kind of value is asked; consumes nothing
    read_amounts(t, query)
    read_year_filters(t, query)
    read_flags(t, query)
    for m in t.find(_FALLBACK):
        query.fallback = True
        t.take(m.start(), m.end())
    read_negations(t, query)
    read_operations(t, query)
    read_plan_years(t, query)  # #24: R8以降 / beyond R8 in a plan or result question
    read_bare_years(t, query, vocab)
    _english_description(t, query)
    heard = _leftovers(t, query)
    if vocab.terms:
        _named_by_words(query, vocab)
    query.filters = [f for i, f in enumerate(query.filters) if f not in query.filters[:i]]
    if query.record is None:
        _settle(query)
    else:
        from bot.understanding.record import settle_record  # loaded with read_record above

        settle_record(query)
    return heard


# "the school network rebuild project (校内ネットワーク再構築事業)", "No43 (remote education)",
# 「No48（livestock disease system）」: English words said beside a project's name or number, in
# brackets or just before its bracketed name, describe it; they are no condition.
_BEFORE_BRACKET = re.compile(r"((?:[a-z][a-z'\-]*\s+){1,7})[(（]\s*$")
_IN_BRACKETS = re.compile(
    r"^\s*[(（]([a-z][a-z'\-/&,\s]*)[)）]"
    # "No41, the school network rebuild?": an apposition, up to the end of the clause.
    r"|^\s*,\s*(?:the|our|that)\s+[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,5}\s*(?=[?.!]|$)"
)


_ALIKE_SEVERAL = re.compile(
    r"(?<![a-z])(?:(?:run |running )?over )?(?:the )?(?:same|identical|equal)(?![a-z])"
)


def _english_description(t: Text, query: Query) -> None:
    """Consume English words describing a named project, beside its name or number; "the
    same" asked of several named projects (their values side by side answer it)."""
    if len({r for r, _ in query.named_spans}) >= 2:
        for m in t.find(_ALIKE_SEVERAL):
            t.take(m.start(), m.end())
    for _, (start, end) in query.named_spans:
        after = _IN_BRACKETS.match(t.text[end:])
        left_out = re.search(
            r"(?:apart from|except(?: for)?|excluding|other than|besides)\s*$",
            t.text[max(0, start - 20) : start],
        )
        if after and t.free(end, end + after.end()) and not left_out:
            t.take(end, end + after.end())
        closing = re.match(r"\s*[)）]", t.text[end:])
        before = _BEFORE_BRACKET.search(t.text[max(0, start - 80) : start])
        if closing and before:
            at = start - len(before.group(0))
            words = re.findall(r"[a-z'\-]+", before.group(1))
            # Only the description just before it (the … rebuild project), from its last
            # "the": "the new servers in the project (No41)" keeps "new servers" asked.
            leads = [i for i, w in enumerate(words) if w in _DESCRIPTION_START]
            if leads:
                begin = at + before.group(1).rindex(words[leads[-1]] + " ")
                t.take(begin, start)


def _named_by_words(query: Query, vocab: Vocabulary) -> None:
    """「医療機関への遠隔診療支援と、モバイルICTの救急医療情報共有の補助」: the words left over
    name one more project when every one of them (two at least, one printed in no other
    project's name) is printed in that one project's name. Asked of a project's fields or
    beside another project, never of a list (ドローンの事業)."""
    names = vocab.project_names()
    if not query.names_project and query.operation in ("fact", "search", "count"):
        _named_by_a_word(query, names)
    if query.operation in ("list", "count", "search") and not query.names_project:
        return
    if query.names_project and not _TWO.search(query.raw.lower()):
        return  # No24のオンライン診療の設備の補助: words about No24, not a second project
    # Words every kind of project says (the … system project) name none of them.
    words = [normalise(w) for w in query.unknown if len(w) >= 2 and w not in _GENERIC]
    if len(words) < 2 or not any(has_japanese(w) for w in words):
        return
    fits = [n for n in names if all(w in n for w in words)]
    keys = {k for n in fits for k in names[n]}
    # One project, as one or both editions print it (the same name keyed in each).
    if not fits or len({k.split("/")[0] for k in keys}) != len(keys):
        return
    # A word of that name alone (モバイル), not one other names share too (DX, 校務, システム).
    if not any({k for n in names if w in n for k in names[n]} <= keys for w in words):
        return
    if any(k in query.project_keys for k in keys):
        return
    query.project_keys.extend(sorted(keys))
    query.unknown, query.search_terms, query.subject = [], [], None
    if query.operation in ("list", "search"):
        query.operation = "fact"


# Two targets said together: と, and, vs, both, 2つ, どっち, 合わせ, それぞれ.
_TWO = re.compile(
    r"と[、,\s]|[とや](?=.{0,30}(?:どっち|どちら|合わせ|合計|比べ|それぞれ|両方|2つ|二つ))|どっち|どちら"
    r"|合わせ|それぞれ|両方|(?<![a-z])(?:and|vs|versus|both|each|combined)(?![a-z])"
)
_GENERIC = {"システム", "事業", "プロジェクト", "取組", "取り組み"}


def _named_by_a_word(query: Query, names: dict[str, list[str]]) -> None:
    """ "the PHR project", 「PHRの事業」: a word said right before project / 事業 that one
    project's name alone holds names that project; the other words ask about it."""
    reading = normalise(query.reading or query.raw)
    for w in [normalise(x) for x in query.unknown]:
        if len(w) < (2 if has_japanese(w) else 3):
            continue
        said = re.search(rf"{re.escape(w)}\s*(?:の)?\s*(?:project|事業|プロジェクト)", reading)
        keys = {k for n, ks in names.items() if w in n for k in ks}
        if not said or not keys or len({k.split("/")[0] for k in keys}) != len(keys):
            continue
        rest = [x for x in query.unknown if normalise(x) != w]
        if query.operation == "count" and not rest:
            return  # セキュリティの事業はいくつ: how many projects say it, not one of them
        query.project_keys.extend(sorted(keys))
        query.unknown = [x for x in query.unknown if normalise(x) != w]
        query.search_terms = [x for x in query.search_terms if normalise(x) != w]
        if query.operation in ("search", "count"):
            # 参加した薬局の数 in the PHR project: a count printed in its text, else its card.
            query.operation = "search" if query.unknown else "fact"
        return


# Where an English description of a project begins: "the …", "our …", "that …".
_DESCRIPTION_START = {"the", "that", "this", "our", "your", "their"}


# 「なければ」「if not」: what is asked when nothing meets the first condition.
_FALLBACK = re.compile(
    r"(?:もし)?(?:なければ|無ければ|ないなら|無いなら|ない場合は?|なかったら|無かったら|なかった場合は?)"
    r"|(?<![a-z])(?:if not|if none|if there (?:is|are|were) (?:none|no (?:such )?(?:one|projects?))"
    r"|otherwise)(?![a-z])"
)
_KIND_NOUNS = {
    "項目": "category",
    "カテゴリ": "category",
    "カテゴリー": "category",
    "分野": "field",
    "部局": "department",
    "部": "department",
    "課": "section",
}
_REPORTED = re.compile(r"報告|更新|投稿|(?<![a-z])(?:report|update|post)", re.I)


_SIDES = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|vs\.?|versus)\s+)(?:the\s+|a\s+)?")


def _english_sides(rest: str, glossed: list[str]) -> list[str]:
    """English words for two things named side by side ("the rural telemedicine project and
    the pediatric online consultation one"): the roadmap's words of each side, one part each
    (else each word its own part)."""
    if len(glossed) < 2:
        return list(glossed)
    pieces = _SIDES.split(rest)
    sides = [gloss(side)[1] for side in pieces]
    # Every side names something the roadmap prints (the school network rebuild, the web
    # application system…): one part each; a side of words it does not print is no side.
    if len(pieces) >= 2 and all(sides):
        return [" ".join(side) for side in sides]
    return list(glossed)


_JA_SIDES = re.compile(r"(?:事業|やつ|もの|の)\s*(?:と|や)\s*[、,]")
_SIDE_END = re.compile(r"事業|やつ|[、,。？?]")


def _japanese_sides(rest: str, named: bool) -> list[str]:
    """The content words of two projects described side by side (中小企業向けにサイバーの人材を
    育てる事業と、緊急配備の路上装置を増やす事業), one part each; none when not so said (a side
    may be a project named by its name, read already when `named`)."""
    if "と" not in rest and "や" not in rest:
        return []
    pieces = _JA_SIDES.split(rest, maxsplit=1)
    if len(pieces) < 2 or not has_japanese(rest):
        return []
    second = _SIDE_END.split(pieces[1].lstrip(), maxsplit=1)[0]
    first = re.split(r"[、,。？?]", pieces[0])[-1]  # the first side starts after a comma
    sides = []
    for side in (first, second):
        said = FILLER.sub(" ", side)
        chunks = [c for c in re.split(r"[\s?？!！。、,，:：「」『』\"'()（）・/]+", said) if c]
        words = [w for chunk in chunks for w in _content(chunk, [])]
        if words:
            sides.append(" ".join(words))
    return sides if len(sides) == 2 or (sides and named) else []


def _leftovers(t: Text, query: Query) -> list[str]:
    """Words no slot consumed: a project's name (for a fact) or a condition not understood;
    returns those that may be names typed by their sound (for `typed_names`)."""
    # English words for the roadmap's own terms (remote area → へき地) are read whole first.
    raw_rest = t.rest()
    said = FILLER.sub(" ", raw_rest)
    rest, glossed = gloss(said)
    chunks = [c for c in re.split(r"[\s?？!！。、,，:：「」『』\"'()（）・/]+", rest) if c]
    subject_parts, content, heard = _english_sides(said, glossed), [], []
    sided = len(subject_parts) >= 2 and len(subject_parts) != len(glossed)
    for said in chunks:
        # Particles at either end, where a word of another script meets them: へき地 and the
        # か of こうれいふくしほけんか are the words' own.
        chunk = re.sub(
            r"^(?:の|は|を|が|で|に|と|も|や|か|な|へ)+(?![\u3041-\u309f])"
            r"|(?<![\u3041-\u309f])(?:の|は|を|が|で|に|と|も|か|や|な|へ)+$",
            "",
            said,
        )
        if chunk != said and re.search(r"[\u3041-\u309f]{4,}", said):
            heard += kana_heard(said)  # かんりかの: the particle taken off may be a name's 課
        if not chunk:
            continue
        words = _content(re.sub(r"'s\b", "", chunk), heard)
        if not words:
            continue
        # The name as written between its first and last content word (化, の inside a name
        # are part of it; a request verb around it is not).
        first, last = chunk.find(words[0]), chunk.rfind(words[-1])
        whole = first >= 0 and last >= first
        end = last + len(words[-1])
        while whole and end < len(chunk) and re.match(r"[\u4e00-\u9fff\u30a0-\u30ff]", chunk[end]):
            end += 1  # ICT化, 事業費: a suffix written onto the last word is the name's
        if not (sided and re.fullmatch(r"[a-z0-9' \-]+", chunk)):
            # (English words beside named sides describe those sides, no part of their own)
            subject_parts.append(chunk[first:end] if whole else " ".join(words))
        content.extend(words)
    # 「Xする事業と、Yする事業」: two things described side by side, one part each.
    subject_parts = _japanese_sides(raw_rest, bool(query.names_project)) or subject_parts
    # 医療・福祉でもない項目: the kind of the groups named, not a word of their text.
    kinds = {f.kind for f in query.filters}
    content = [w for w in content if _KIND_NOUNS.get(w) not in kinds]
    subject_parts = [w for w in subject_parts if _KIND_NOUNS.get(w) not in kinds]
    if subject_parts:
        query.subject = " ".join(subject_parts)
        query.subject_parts = subject_parts
    query.unknown = query.unknown + glossed + content
    terms = word_runs(translate_english(" ".join(content)))
    query.search_terms = (glossed + [w for w in terms if w not in EN_STOP])[:6]
    return heard


def _content(chunk: str, heard: list[str]) -> list[str]:
    """A leftover chunk's content words, Japanese read by part of speech, English by lexicon;
    `heard` gets the words that may be names typed by their sound."""
    words: list[str] = []
    for part in re.findall(r"[a-z0-9][a-z0-9'\-]*|[^a-z0-9\s]+", chunk):
        if has_japanese(part):
            found = japanese_content(part, heard)
            words += [w for w in found if not re.fullmatch(r"[\u3040-\u309f]+", w)]
        else:
            english = [
                w
                for w in english_content(word_runs(part))
                if w not in EN_STOP and not re.fullmatch(r"\d+", w)
            ]
            words += english
            heard += english
    return words


def _settle(query: Query) -> None:
    """The operation when no word chose one: a fact about a project, else a list."""
    if query.comparison in ("predecessor", "successor") and set(query.fields) <= {"name"}:
        # 前身は何て名前の事業: the other edition's project, which is said by its name
        query.fields = []
        query.unknown = [w for w in query.unknown if w not in ("名", "名前", "名称")]
        query.search_terms = [w for w in query.search_terms if w not in ("名", "名前", "名称")]
        query.subject = " ".join(query.unknown) or None
    if (query.compared or query.comparison in RELATIONS) and query.operation != "compare":
        # How much did 教育庁's budget grow from R6 to R7: two editions compared, whatever verb.
        query.operation, query.comparison = "compare", query.comparison or "budget"
        query.unknown = [w for w in query.unknown if not re.fullmatch(CHANGE_WORDS, w)]
        query.search_terms = [w for w in query.search_terms if not re.fullmatch(CHANGE_WORDS, w)]
        if not query.unknown:
            query.subject = None
    has_filters = bool(query.filters)
    counts_text = not query.filters and query.unknown and not query.names_project
    if (
        query.operation == "count"
        and counts_text
        and not re.search(r"事業|project", query.raw.lower())
    ):
        query.operation = (
            "search"  # 参加した薬局の数は？ counts something in the text, not projects
        )
    if query.operation == "count" and query.names_project and query.unknown and not query.filters:
        query.operation = "search"  # No33で参加した薬局の数: a count printed in its text
    if query.operation == "search" and query.names_project and not query.unknown:
        query.operation = "fact"
    lone_edition = query.subject is None and query.edition and not query.fields
    # 「ドローンを使っている事業」: projects described by words of their text — a list.
    # 「〜事業ってあります？」, "any X projects in the roadmap?": the same, asked as existence.
    described = not query.fields and _DESCRIBED.search(query.raw.strip().lower())
    if (
        query.operation == "fact"
        and not query.names_project
        and query.unknown
        and described
        and not query.asks  # 「どの時間帯に使える事業？」 asks a value of the text (#24)
    ):
        query.operation = "list"
    left_out = bool(query.excluded) and not query.fields  # No40以外の事業: the others, listed
    if (
        query.operation == "fact"
        and not query.names_project
        and (has_filters or lone_edition or left_out)
    ):
        query.operation = "list"
        query.one_of = _one_of(query)
    if query.operation == "list" and query.names_project and not has_filters:
        query.operation = "fact"


_DESCRIBED = re.compile(
    r"(?:事業|プロジェクト)(?:は|を|って|が|も)?(?:ある|あります|あった|ありました)?(?:か|かな|の|ですか)?"
    r"[?？]*$"
    r"|projects?(?: (?:in|of|on) (?:the |either |both )?[a-z0-9 ]{0,20}"
    r"(?:roadmap|roadmaps|edition|editions))?\s*\??$"
)


# A fact of one project (its budget, years, owner, text) and a plural said: それぞれ, 各, projects.
_ONE_FACT = {"budget", "start", "end", "period", "owner", "summary", "plan", "actual"}
_PLURAL = re.compile(
    r"それぞれ|各|全部|全て|すべて|ずつ|まとめ|(?<![a-z])(?:projects|all|each|every)(?![a-z])"
)


def _one_of(query: Query) -> bool:
    """A fact of "the" project of a department or section — no list word, no plural: the
    question is about one of the office's projects, not all (防災危機管理課の事業の事業費は？).
    A category or field is a kind of project: 子育て分野の事業の期間 lists them."""
    groups = {"department", "section"}
    return (
        # Who runs an office's projects lists each one's section: a list, not one of them.
        bool(set(query.fields) & (_ONE_FACT - {"owner"}))
        and bool(query.filters)
        and all(f.kind in groups and f.op == "eq" for f in query.filters)
        and not _PLURAL.search(query.raw.lower())
        and not query.ops  # 予算の小さい順に並べて, 合計: an operation over all of them
    )
