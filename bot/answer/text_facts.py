"""Facts inside the text (#24): the value a question asks for — a date or span, a time, a
place, a count with its counter, an amount, an organisation — read from the sentence of the
project (or of the roadmap) that holds such a value near the question's words. The answer
states the value, quotes the sentence and cites its line; a total over values printed
together is added up with its parts shown; when no sentence holds such a value the answer
says what was searched (not_stated), never the period, the card or the summary instead.
"""

from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass, field

from bot import messages as m
from bot.answer.model import Answer, SourceRef, Value
from bot.answer.render import ref
from bot.answer.selection import loaded_documents
from bot.answer.values import Found, values_in, years_in
from bot.fiscal_year import FiscalYear, achievements_year
from bot.models import Project
from bot.prefectures import label_of
from bot.store import Store
from bot.understanding import Query
from bot.understanding.asked import COUNTER_FAMILIES, RATE_WORD

# Question kinds this module answers (a count of projects, a budget are answered elsewhere).
TEXT_KINDS = ("rate", "count", "span", "date", "time", "place", "organisation", "amount")
# How a sentence is cut out of a text: bullets, full stops, line breaks.
_SPLIT = re.compile(r"(?:^|\s)[・○●◯]|。|<br>|\n|(?:^|\s)※")
# Entries of the chat record read per answer: the latest ones that hold a searched word.
ENTRIES_READ = 20


@dataclass
class Sentence:
    """One sentence of a project's text, where it was printed and what year it tells of."""

    text: str
    line: int
    kind: str  # summary achievement plan actual plan_in_actual_row entry
    project: Project
    year: str | None = None  # the fiscal year it reports or plans
    initiative: str | None = None
    label: str = ""  # the initiative's label: its words count for the sentence too
    unit: tuple = ()  # the text it was cut from (a total adds within one)
    entry_id: int | None = None
    values: list[Found] = field(default_factory=list)


def _printed(store: Store, p: Project) -> tuple[Sentence, ...]:
    """The sentences the documents print about a project, with their values: read once per
    loaded documents (a question reads them again and again; only the chat record grows)."""
    loaded = loaded_documents(store)
    cached = _PRINTED.get(store)
    if cached is None or cached[0] != loaded:
        cached = (loaded, {})
        _PRINTED[store] = cached
    key = (p.edition, p.key)
    if key not in cached[1]:
        cached[1][key] = tuple(_cut_project(p))
    return cached[1][key]


_PRINTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cut_project(p: Project) -> list[Sentence]:
    """Every sentence printed about a project: 概要, 主な取組実績, each initiative's cells."""
    out: list[Sentence] = []

    def cut(text: str, **where) -> None:
        for part in _SPLIT.split(re.sub(r"<[^>]+>", " ", text)):
            part = part.strip(" 　→")
            if part:
                out.append(Sentence(part, **where, values=values_in(part)))

    cut(p.summary, line=p.line_of("summary"), kind="summary", project=p, unit=("summary",))
    if p.achievements:
        reported = achievements_year(FiscalYear.parse(label_of(p.edition))).code
        line = p.achievements_line or p.source.line
        cut(p.achievements, line=line, kind="achievement", project=p, year=reported, unit=(line,))
    for number, initiative in enumerate(p.initiatives, 1):
        name = initiative.label or f"取組{number}"
        for year, cell in initiative.years.items():
            for kind in ("plan", "actual", "plan_in_actual_row"):
                text = getattr(cell, kind)
                if text:
                    line = initiative.line_of(kind, year)
                    out.append(
                        Sentence(
                            text,
                            line,
                            kind,
                            p,
                            year=year,
                            initiative=name,
                            label=initiative.label or "",
                            unit=(line, year, kind),
                            values=values_in(text),
                        )
                    )
    return out


def sentences(store: Store, p: Project, terms: list[str]) -> list[Sentence]:
    """Every sentence printed about a project — 概要, 主な取組実績, each initiative's cells —
    and the latest chat entries holding a searched word (never the whole record)."""
    out = list(_printed(store, p))
    for e in store.latest_matching_entries(p.key, terms, ENTRIES_READ):
        out.append(
            Sentence(
                e.text,
                e.source_line or p.source.line,
                "entry",
                p,
                year=e.fiscal_year,
                initiative=e.initiative,
                unit=("entry", e.id),
                entry_id=e.id,
                values=values_in(e.text),
            )
        )
    return out


def closeness(term: str, text: str) -> float:
    """How much of a word a text holds: 1 for the word, else the share of its pairs."""
    if term in text:
        return 1.0
    pairs = {term[i : i + 2] for i in range(len(term) - 1)}
    return sum(1 for x in pairs if x in text) / len(pairs) if pairs else 0.0


@functools.lru_cache(maxsize=1024)  # read for every project of every list
def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def asked_kinds(query: Query) -> list[str]:
    """The kinds of value the question asks for, in the order they are looked for."""
    kinds = [k for k in query.asks if k in TEXT_KINDS]
    if "span" in kinds and "date" not in kinds:
        kinds.append("date")  # a span asked, one date printed: the date is the answer
    if "date" in kinds and "span" not in kinds:
        kinds.append("span")  # a date asked, a span printed (R6年4月～R7年3月)
    return kinds


def asks_year(query: Query) -> bool:
    """何年度 / which year: a plan or result cell's own year answers it."""
    return bool(
        re.search(
            r"何年度|どの年度|what (?:fiscal )?year|which (?:fiscal )?year"
            # いつから…予定: a plan cell's year is when (新防災教育センター運用 in R9's cell).
            r"|いつ(?:から|頃|ごろ)?.{0,12}(?:予定|計画)",
            query.raw.lower(),
        )
    )


def fiscal_reading(query: Query) -> None:
    """A bare year read as the edition (R6) is the fiscal year asked about when the question
    asks a value of the text or a plan or result beyond the project's name: the R7 edition's
    主な取組実績 tells of R6, so 「R6は何件交付した」 is answered from it (#24 item 2). A year
    said relative to today (今年度の目標) is read against the day asked."""
    if query.year and query.year.startswith("@") and query.now is not None:
        query.year = (FiscalYear.of(query.now) + int(query.year[1:])).reiwa.code
    if not query.edition_from_year or query.year is not None:
        return
    textual = bool(asked_kinds(query)) and bool(query.unknown)
    planned = bool({"plan", "actual"} & set(query.fields)) and bool(query.unknown)
    if textual or planned:
        query.year, query.edition = query.edition, None


def asked_year(query: Query) -> FiscalYear | None:
    """The fiscal year asked about (今年度 read against the day asked), if any."""
    code = query.year
    if code is None:
        return None
    if code.startswith("@"):
        return FiscalYear.of(query.now) + int(code[1:]) if query.now else None
    return FiscalYear.try_parse(code)


def _other_year_only(query: Query, holding: list[_Scored]) -> bool:
    """A year asked, and every sentence holding a value tells of another year."""
    year = asked_year(query)
    if year is None:
        return False
    related = [_related_years(x.sentence) for x in holding]
    return all(r and year.reiwa.code not in r for r in related)


def _fits(value: Found, kinds: list[str], counters: list[str]) -> bool:
    if value.kind not in kinds:
        return False
    if value.kind == "count" and counters:
        return value.counter is None or value.counter in counters
    return True


def _related_years(s: Sentence) -> set[str]:
    years = years_in(s.text)
    if s.year:
        years.add(FiscalYear.parse(s.year).reiwa.code)
    return years


def _plan_words(query: Query) -> bool:
    return "plan" in query.fields or bool(
        re.search(r"予定|計画|目標|planned|plan|target|meant to|going to", query.raw.lower())
    )


@dataclass
class _Scored:
    sentence: Sentence
    score: float  # how much of the question's words it holds
    rank: float  # the score with the year and kind preferences


def _score(s: Sentence, terms: list[str], query: Query, year: FiscalYear | None) -> _Scored:
    text = _plain(s.text + " " + s.label)
    # Longer words say more about which sentence (デジタル体験創造フェア, not 確認).
    weight = sum(len(t) for t in terms)
    score = sum(closeness(t, text) * len(t) for t in terms) / weight if terms else 1.0
    rank = score
    related = _related_years(s)
    if year is not None and related:
        rank += 0.3 if year.reiwa.code in related else -0.2
    planned = s.kind in ("plan", "plan_in_actual_row") or (
        s.kind == "summary" and bool(re.search(r"予定|計画|する$|行う$", s.text))
    )
    if _plan_words(query):
        rank += 0.25 if planned else 0.0
    elif s.kind in ("achievement", "actual", "entry"):
        rank += 0.15  # what was done answers "how many, where, when" before what is planned
    return _Scored(s, score, rank)


def _nearest(s: Sentence, fits: list[Found], terms: list[str]) -> Found:
    """The value nearest the question's words in the sentence (after a word, before it)."""
    text = s.text.lower()
    spots = [
        (i.start(), i.start() + len(t))
        for t in terms
        for i in re.finditer(re.escape(t), text)
        if len(t) >= 2
    ]

    def distance(v: Found) -> float:
        if not spots:
            return v.start

        # A value is printed after what it counts (ロボット 148件; パッケージ(ロボ・ICT) 57件:
        # a bracketed note between them is part of the name), seldom before it.
        def gap(a: int, b: int) -> int:
            return len(re.sub(r"[(（][^)）]*[)）]|\s", "", text[a:b]))

        return min(
            gap(b, v.start) if v.start >= b else gap(v.end, a) * 3 + 0.5 if a >= v.end else 0
            for a, b in spots
        )

    return min(fits, key=lambda v: (distance(v), v.start))


def find(
    store: Store, projects: list[Project], query: Query, terms: list[str]
) -> tuple[list[_Scored], list[_Scored], list[Sentence]]:
    """The sentences holding a value of the asked kind near the question's words (best
    first), every scored sentence, and all sentences read."""
    kinds = asked_kinds(query)
    year = asked_year(query)
    if year is None and query.edition_from_year and query.edition:
        # in FY2024, said of what was done: that year's sentences first, whichever edition.
        year = FiscalYear.try_parse(query.edition)
    everything = [x for p in projects for x in sentences(store, p, terms)]
    scored = [_score(x, terms, query, year) for x in everything]
    scored = [x for x in scored if x.score >= 0.4]
    if not scored:
        return [], [], everything
    best = max(x.score for x in scored)
    by_year = asks_year(query)
    holding = [
        x
        for x in scored
        if x.score >= 0.5 * best
        and any(_fits(v, kinds, query.counters) for v in _values(x, by_year))
    ]
    holding.sort(key=lambda x: (-x.rank, -x.score))
    if by_year and _until(query):
        # 何年度まで: the last year that holds it.
        holding.sort(key=lambda x: (-x.score, -_western(x.sentence.year)))
    return holding, sorted(scored, key=lambda x: -x.rank), everything


def _until(query: Query) -> bool:
    """何年度まで / until when: the last year that holds it is asked, not every one."""
    return bool(re.search(r"まで|until|through|last|最後", query.raw.lower()))


def _every_year(value: Found, holding: list[_Scored]) -> Found:
    """A cell's year answering when (いつ開催する予定): every year whose cell prints the same
    text as closely, not the first of them (R6〜R10, not R6)."""
    best, text = holding[0].score, holding[0].sentence.text
    codes = {x.sentence.year for x in holding if x.score >= best and x.sentence.text == text}
    years = sorted(y for c in codes if c and (y := FiscalYear.try_parse(c)))
    if len(years) < 2:
        return value
    western = [y.western for y in years]
    said = (
        f"{years[0].reiwa.code}〜{years[-1].reiwa.code}年度"
        if western == list(range(western[0], western[-1] + 1))
        else "・".join(y.reiwa.code for y in years) + "年度"
    )
    return Found(value.kind, said, -1, -1)


def _western(code: str | None) -> int:
    year = FiscalYear.try_parse(code)
    return year.western if year else 0


def _values(x: _Scored, by_year: bool = False) -> list[Found]:
    """The sentence's values; asked which year, a plan or result cell tells of its own."""
    values = list(x.sentence.values)
    s = x.sentence
    if (
        by_year
        and s.year
        and s.kind != "achievement"
        and not any(v.kind in ("date", "span") for v in values)
    ):
        values.append(Found("date", f"{s.year}年度", -1, -1))
    return values


def terms_of(store: Store, projects: list[Project], query: Query) -> list[str]:
    """The question's words printed somewhere in these projects' text (others say nothing
    about which sentence)."""
    whole = _plain(
        " ".join(" ".join([p.summary, p.achievements or "", *_cells(p)]) for p in projects)
    )
    words = list(dict.fromkeys(w.lower() for w in query.search_terms + query.unknown))
    words = [w for w in words if not is_kind_word(w)]
    words = [_printed_as(w, whole) for w in words]
    printed = [w for w in words if len(w) >= 2 and closeness(w, whole) >= 0.6]
    # Words of the project's own name identify it, not a sentence of it.
    names = _plain(" ".join(p.name for p in projects))
    own = [w for w in printed if closeness(w, names) >= 0.8]
    rest = [w for w in printed if w not in own]
    return rest or printed


def _only_name(terms: list[str], projects: list[Project]) -> bool:
    names = _plain(" ".join(p.name for p in projects))
    return all(closeness(w, names) >= 0.8 for w in terms)


# Words that name the kind of value asked, not what it is about (会場ってどこ, 期間を教えて).
VALUE_WORDS = frozenset(
    [
        "上限",  # 補助率の上限: the rate's ceiling is the rate printed (最大5分の4)
        "会場",
        "場所",
        "時期",
        "日付",
        "日程",
        "人数",
        "件数",
        "回数",
        "期間",
        "時間帯",
        "曜日",
        "金額",
        "数",
        "年度",
        "何月",
        "いつ",
        "どこ",
        "month",
        "date",
        "dates",
        "time",
        "place",
        "number",
    ]
)
# The chat record's own words: 「報告は何件」 counts reports, not a value of the text.
RECORD_WORDS = frozenset(["報告", "記録", "更新"])
KIND_WORDS = VALUE_WORDS | RECORD_WORDS


def is_kind_word(word: str) -> bool:
    """A word naming the kind of value asked (会場, 補助率), not what it is about."""
    return word in KIND_WORDS or bool(RATE_WORD.fullmatch(word))


# Verbs and nouns a question uses for what the documents print with another word.
SYNONYMS = {
    "公開": ("掲載", "公表", "発信"),
    "公表": ("掲載", "公開"),
    "開く": ("開催",),
    "やる": ("実施",),
    "やった": ("実施",),
    "参加者": ("参加", "来場者"),
    "先生": ("教員",),
    "会場": ("会場", "にて"),
}


def _printed_as(word: str, whole: str) -> str:
    """The word as the documents print it (公開 → 掲載) when they do not print it as asked."""
    if word in whole:
        return word
    return next((w for w in SYNONYMS.get(word, ()) if w in whole), word)


def _cells(p: Project) -> list[str]:
    return [
        " ".join([i.label or "", c.plan or "", c.actual or "", c.plan_in_actual_row or ""])
        for i in p.initiatives
        for c in i.years.values()
    ]


# A project's own fields: 「No40の事業はいつから」 asks its 事業始期, not a date of its text.
PROJECT_FIELDS = {"start", "end", "period", "owner", "budget", "name", "category", "flags"}
_OF_THE_PROJECT = re.compile(
    r"事業(?:は|って|の(?!記載)|が|、)|(?<![a-z])projects?(?![a-z])|始期|終期|担当課|担当部局|事業費|予算"
    r"|(?<![a-z])(?:budgets?|start year|end year|owner)(?![a-z])"
)


def asks_of_text(query: Query, beyond_name: bool, projects: list[Project] = ()) -> bool:
    """Whether a question asks a value of the text rather than a field of the project."""
    if not asked_kinds(query):
        return False
    if not PROJECT_FIELDS & set(query.fields):
        return True
    raw = query.raw.lower()
    for p in projects:  # 「…事業費補助の交付決定額」: the name's 事業費 is not the budget
        raw = raw.replace(p.name.lower(), " ")
    return beyond_name and not _OF_THE_PROJECT.search(raw)


def answer(store: Store, p: Project, query: Query) -> Answer | None:
    """The value asked of one project's text, or None when the question asks none."""
    kinds = asked_kinds(query)
    if not kinds:
        return None
    terms = terms_of(store, [p], query)
    if not asks_of_text(query, bool(terms) and not _only_name(terms, [p]), [p]):
        return None
    if not terms and not (query.counters or {"time", "organisation", "rate"} & set(kinds)):
        return None  # words printed nowhere, nothing specific asked: asked back elsewhere
    holding, scored, _ = find(store, [p, *_reported_later(store, p, query)], query, terms)
    if not terms and len({x.sentence.text for x in holding}) != 1:
        return None  # with no word to go by, only a value printed once is the answer
    if not scored:
        return None
    if not holding:
        return _not_stated(p, query, terms, scored[0].sentence)
    if _other_year_only(query, holding):
        # R7の交付決定件数: the R7 edition prints R6's; R6's count is not R7's (#24 item 2).
        return _not_stated(p, query, terms, holding[0].sentence)
    return _stated(p, query, terms, holding, scored)


_DONE = re.compile(
    r"実際|実績|やった|行った|実施した|(?<![a-z])(?:actually|did|done|held)(?![a-z])"
)


_PLANNED = re.compile(r"計画|予定|目標|(?<![a-z])(?:plan\w*|target\w*|goal\w*)(?![a-z])")
_DONE_KINDS = {"achievement", "actual", "entry"}


def _other_side(query: Query, shown: list[Sentence], holding: list[_Scored]) -> list[Sentence]:
    """Asked both what was planned and what was done, the side the shown sentences miss."""
    raw = query.raw.lower()
    if not (_PLANNED.search(raw) and _DONE.search(raw)):
        return []
    done = any(s.kind in _DONE_KINDS for s in shown)
    planned = any(s.kind not in _DONE_KINDS for s in shown)
    missing = [x.sentence for x in holding if (x.sentence.kind in _DONE_KINDS) != done]
    return missing[:1] if (done != planned) else []


def _reported_later(store: Store, p: Project, query: Query) -> list[Project]:
    """What was done is reported by the next edition (R7版の主な取組実績 reports R6): asked
    what an older edition's project actually did, its continuation's text is read too."""
    if not _DONE.search(query.raw.lower()):
        return []
    later = [store.project(link.newer) for link in store.successors(p.key)]
    return [x for x in later if x is not None]


def answer_in_roadmap(store: Store, candidates: list[Project], query: Query) -> Answer | None:
    """The value asked of the roadmap's text when no project is named: the project whose
    sentence holds it near the most of the question's words."""
    kinds = asked_kinds(query)
    if not kinds or not candidates:
        return None
    terms = terms_of(store, candidates, query)
    if not terms or not asks_of_text(query, True, candidates):
        return None
    holding, scored, _ = find(store, candidates, query, terms)
    if holding and (later := _reported_later(store, holding[0].sentence.project, query)):
        # 実際は何回やった of an older edition's project: its continuation's report too.
        holding, scored, _ = find(store, [holding[0].sentence.project, *later], query, terms)
    if not scored:
        return None
    if not holding:
        top = scored[0]
        # With no project named, "not stated" only of a passage that is clearly the one asked
        # about: nearly all of the question's words, and more than a short common one.
        text = _plain(top.sentence.text + top.sentence.label)
        matched = [t for t in terms if closeness(t, text) >= 0.6]
        if sum(len(t) for t in matched) < 4 or top.score < 0.75:
            return None
        return _not_stated(top.sentence.project, query, terms, top.sentence)
    return _stated(holding[0].sentence.project, query, terms, holding, scored)


def _where(s: Sentence, lang: str) -> str:
    if s.kind == "summary":
        return m.say("text_where_summary", lang)
    if s.kind == "achievement":
        return m.say("text_where_achievement", lang, year=s.year)
    if s.kind == "entry":
        return m.say("text_where_entry", lang, id=s.entry_id, year=s.year or "—")
    return m.say(f"text_where_{s.kind}", lang, year=s.year, initiative=s.initiative)


def _value_words(v: Found, lang: str, counters: list[str]) -> str:
    if v.kind == "count" and v.number == 0 and v.counter is None:
        zero = f"0{counters[0]}" if counters else "0"
        return m.say("text_none_happened", lang, zero=zero, text=v.text)
    return v.text


def _stated(
    p: Project, query: Query, terms: list[str], holding: list[_Scored], scored: list[_Scored]
) -> Answer:
    lang = query.lang
    kinds = asked_kinds(query)
    first = holding[0].sentence
    p = first.project
    fits = [v for v in _values(holding[0], asks_year(query)) if _fits(v, kinds, query.counters)]
    # The kind asked first wins inside the sentence (a span before a date, a count…).
    for kind in kinds:
        of_kind = [v for v in fits if v.kind == kind]
        if of_kind:
            fits = of_kind
            break
    value = _nearest(first, fits, terms)
    if value.start == -1 and not _until(query):
        value = _every_year(value, holding)
    lines: list[str] = []
    sources = [_source(first)]
    shown = [first]
    result_value = None
    computed_ops: set[str] = set()
    # Several values of the kind asked in the one sentence, the question naming none of them
    # (交付決定数は何件 — ロボット148件・ICT30件・パッケージ57件): each, and their total.
    alike = _parts(holding[0], [holding[0]], value) if value.kind in ("count", "amount") else []
    low = [t.lower() for t in terms if t]
    singled = [v for label, v in alike if label.lower().strip() in low] or [
        v for label, v in alike if any(t in label.lower() for t in low)
    ]
    every = len(alike) > 1 and len(singled) != 1
    if (query.total or every) and value.kind in ("count", "amount"):
        parts = _parts(holding[0], scored if query.total else [holding[0]], value)
        total = sum(v.number or 0 for _, v in parts)
        unit = value.counter or ("千円" if value.kind == "amount" else "")
        words = " ＋ " if lang == "ja" else " + "
        title = m.say(
            "text_total_is",
            lang,
            ref=m.project_ref(p, lang),
            total=_number(total, value, lang),
            parts=words.join(f"{label}{v.text}" for label, v in parts),
        )
        shown = list({id(s): s for s, _ in _parts_sentences(scored, parts)}.values())
        sources = [_source(s) for s in shown]
        result_value = Value(amount=total, unit=unit)
        computed_ops.add("sum")
    else:
        title = m.say(
            "text_value_is",
            lang,
            ref=m.project_ref(p, lang),
            value=_value_words(value, lang, query.counters),
        )
        if value.number is not None and value.kind in ("count", "amount"):
            unit = value.counter or ("千円" if value.kind == "amount" else "")
            result_value = Value(amount=value.number, unit=unit)
        # Other sentences as close to the question holding such a value (それぞれいつ).
        for x in holding[1:3]:
            if x.sentence.text != first.text and x.score >= holding[0].score:
                shown.append(x.sentence)
                sources.append(_source(x.sentence))
        # 何回の計画で、実際は何回やった: the plan and what was done, each its best sentence.
        for other in _other_side(query, shown, holding):
            shown.append(other)
            sources.append(_source(other))
    for s in shown:
        lines.append(
            m.say(
                "text_quote",
                lang,
                project=m.short_ref(s.project),
                sentence=s.text,
                where=_where(s, lang),
            )
        )
    if first.kind == "plan_in_actual_row":
        lines.append(m.say("plan_in_actual_row_note", lang, year=first.year))
    result = Answer(
        status="ok",
        title=title,
        lines=lines,
        projects=list({id(s.project): ref(s.project) for s in shown}.values()),
        value=result_value,
        sources=_unique(sources),
    )
    done = result.computed
    done.fields.update(["text", *kinds])
    if "span" in kinds or "time" in kinds:
        done.fields.add("date")
    if value is not None and value.kind == "rate":
        done.operations.add("count")  # 補助率はいくつ: the number asked is the rate printed
    done.operations.update(computed_ops)
    done.words.update(terms)
    year = asked_year(query)
    related = set().union(*(_related_years(s) for s in shown))
    if year is not None and year.reiwa.code in related:
        done.years.add(year.reiwa.code)
        if query.year:
            done.years.add(query.year)
    return result


def _parts(chosen: _Scored, scored: list[_Scored], value: Found) -> list[tuple[str, Found]]:
    """The values a total adds: those of the same kind and counter printed in the same text
    as the chosen one (a sentence, or the bullets of one 主な取組実績) near the question's
    words, each with its words."""
    unit = chosen.sentence.unit
    holding = [chosen] + [x for x in scored if x is not chosen]
    family = [c for c in COUNTER_FAMILIES.get(value.counter or "", (value.counter,)) if c] or [
        value.counter
    ]
    parts = []
    for x in holding:
        if x.sentence.unit != unit:
            continue
        previous = 0
        for v in sorted(x.sentence.values, key=lambda v: v.start):
            same = v.kind == value.kind and (value.kind == "amount" or v.counter in family)
            if same and v.number is not None:
                label = x.sentence.text[previous : v.start].strip(" :：、")
                label = re.sub(r"^.*?(?:交付決定数|の開催|開催)\s*", "", label) or label
                parts.append((label[-24:], v))
                previous = v.end
    return parts or [("", value)]


def _parts_sentences(holding: list[_Scored], parts: list[tuple[str, Found]]):
    for x in holding:
        for _, v in parts:
            if v in x.sentence.values:
                yield x.sentence, v


def _number(total: float, value: Found, lang: str) -> str:
    if value.kind == "amount":
        return m.money(round(total), lang)
    shown = f"{int(total):,}" if total == int(total) else f"{total:,}"
    return f"{shown}{value.counter or ''}"


def value_of(store: Store, p: Project, query: Query) -> tuple[Found, Sentence] | None:
    """The one value of the asked kind a project's text prints nearest the question's words
    (補助率 → 最大5分の4 and its sentence), or None when none is printed."""
    kinds = asked_kinds(query)
    terms = terms_of(store, [p], query)
    holding, _, _ = find(store, [p], query, terms)
    if not holding or (not terms and len({x.sentence.text for x in holding}) != 1):
        return None
    fits = [v for v in _values(holding[0], asks_year(query)) if _fits(v, kinds, query.counters)]
    for kind in kinds:
        if of_kind := [v for v in fits if v.kind == kind]:
            fits = of_kind
            break
    if not fits:
        return None
    return _nearest(holding[0].sentence, fits, terms), holding[0].sentence


def compared(store: Store, versions: list[Project], query: Query) -> Answer | None:
    """The value asked in each edition's version of a project, side by side, and whether it
    changed (補助率 R6版 最大4分の3 → R7版 最大5分の4); None unless every version prints one."""
    lang = query.lang
    found = [value_of(store, p, query) for p in versions]
    if any(f is None for f in found):
        return None
    pairs = [f for f in found if f is not None]
    same = len({_plain(v.text) for v, _ in pairs}) == 1
    lines = [
        "・"
        + m.say(
            "text_value_in_edition",
            lang,
            edition=m.edition_name(p.edition, lang),
            value=v.text,
            quote=s.text,
            where=_where(s, lang),
        )
        for p, (v, s) in zip(versions, pairs, strict=True)
    ]
    first, last = versions[0], versions[-1]
    result = Answer(
        status="ok",
        title=m.say(
            "text_value_same" if same else "text_value_changed",
            lang,
            ref=m.project_ref(last, lang),
            old=m.edition_name(first.edition, lang),
            new=m.edition_name(last.edition, lang),
        ),
        lines=lines,
        projects=[ref(p) for p in versions],
        sources=[_source(s) for _, s in pairs],
        verdict=m.say("verdict_same" if same else "verdict_changed", lang),
    )
    done = result.computed
    done.fields.update(["text", *asked_kinds(query)])
    done.operations.update({"compare", "diff", "side", "verdict"})
    done.editions.update(label_of(p.edition) for p in versions)
    done.words.update(terms_of(store, versions, query))
    return result


def _source(s: Sentence) -> SourceRef:
    return SourceRef(
        file=s.project.source.file, line=s.line, edition=s.project.edition, no=s.project.no
    )


def _unique(sources: list[SourceRef]) -> list[SourceRef]:
    seen, out = set(), []
    for x in sources:
        if (x.file, x.line) not in seen:
            seen.add((x.file, x.line))
            out.append(x)
    return out


def _what(query: Query, lang: str) -> str:
    kinds = asked_kinds(query)
    if "count" in kinds and query.counters:
        what = m.say("text_what_count_of", lang, counter=query.counters[0])
    else:
        what = m.say(f"text_what_{kinds[0]}", lang)
    year = asked_year(query)
    # R7の交付決定件数: the year belongs to what is not printed (R6's may be, nearby).
    return m.say("text_what_of_year", lang, year=year.reiwa.code, what=what) if year else what


def _not_stated(p: Project, query: Query, terms: list[str], closest: Sentence) -> Answer:
    lang = query.lang
    sep = "、" if lang == "ja" else ", "
    result = Answer(
        status="not_stated",
        title=m.say(
            "text_value_not_stated",
            lang,
            ref=m.project_ref(p, lang),
            words=sep.join(terms),
            what=_what(query, lang),
        ),
        lines=[m.say("text_closest", lang, sentence=closest.text, where=_where(closest, lang))],
        projects=[ref(p)],
        sources=[_source(closest)],
    )
    done = result.computed
    done.fields.update(["text", *asked_kinds(query)])
    if "span" in query.asks or "time" in query.asks:
        done.fields.add("date")
    if query.total:
        done.operations.add("sum")
    done.words.update(terms)
    year = asked_year(query)
    if year is not None:
        done.years.add(year.reiwa.code)  # searched for that year, and said what is printed
        if query.year:
            done.years.add(query.year)
    return result
