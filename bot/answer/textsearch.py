"""Full text: where words occur, and the one sentence inside a project that answers a question."""

from __future__ import annotations

import re
import weakref

from bot import messages as m
from bot.answer import searched
from bot.answer.model import Answer, SourceRef
from bot.answer.render import ref
from bot.answer.render import unique as unique_sources
from bot.answer.selection import loaded_documents
from bot.models import Project
from bot.store import Store
from bot.text import word_runs
from bot.understanding import Query
from bot.understanding.lexicon import EN_STOP
from bot.vocabulary import as_written, translate_english

# Chat entries read per question: the latest that hold one of its words, never the record.
ENTRIES_READ = 20


def _texts(
    store: Store, p: Project, words: list[str] = (), years: bool = False
) -> list[tuple[str, int, str]]:
    """(text, line, kind) of everything a project's block says, and of the latest chat
    entries holding one of the words (#24: a record of 70,000 entries is not read whole); with
    `years`, an initiative's cell begins with its fiscal year (R9：新防災教育センター運用)."""
    out = [(p.summary, p.line_of("summary"), "summary")]
    if p.achievements:
        out.append((p.achievements, p.achievements_line or p.source.line, "achievement"))
    for initiative in p.initiatives:
        for year, cell in initiative.years.items():
            for text in (cell.plan, cell.actual):
                if text:
                    said = f"{year}：{text}" if years else text
                    out.append((said, initiative.source.line, "initiative"))
    for e in store.latest_matching_entries(p.key, list(words), ENTRIES_READ):
        out.append((e.text, e.source_line or p.source.line, "entry"))
    return out


def printed_words(store: Store, p: Project, words: list[str] = ()) -> str:
    """Everything printed about a project (name, labels, text, and the chat entries holding
    one of the words), lower case, for look-ups."""
    parts = [p.name, p.department or "", " ".join(p.sections), p.category or ""]
    return " ".join(parts + [t for t, _, _ in _texts(store, p, words)]).lower()


_PRINTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def printed_anywhere(store: Store, edition: str | None = None) -> str:
    """Everything the loaded documents (or one edition's) print about their projects, lower
    case; read again when any document is loaded (by its contents, as the vocabulary is)."""
    loaded = loaded_documents(store)
    cached = _PRINTED.get(store)
    if cached is None or cached[0] != loaded:
        cached = (loaded, {})
        _PRINTED[store] = cached
    if edition not in cached[1]:
        codes = [edition] if edition else [e.code for e in store.editions()]
        cached[1][edition] = " ".join(
            printed_words(store, p) for code in codes for p in store.projects(code)
        )
    return cached[1][edition]


def subject_words(subject: str) -> list[str]:
    """The words of a project named by words, in the roadmap's language (telemedicine →
    オンライン診療), without the English words that only frame the question."""
    words = word_runs(translate_english(subject))
    return [w for w in words if w not in EN_STOP and not w.isdigit()]


def unprinted_words(store: Store, p: Project, subject: str) -> list[str]:
    """Words of a several-word subject that nothing printed about the project holds (a typo
    in a one-word name is left to the name matcher)."""
    words = subject_words(subject)
    if len(words) < 2 and not (words and re.fullmatch(r"[a-z]+", words[0])):
        return []
    printed = printed_words(store, p, words)
    return [w for w in words if _closeness(w, printed) < 0.6]


def _closeness(term: str, sentence: str) -> float:
    """How much of a word a sentence holds: 1 for the word, else the share of its pairs."""
    if term in sentence:
        return 1.0
    pairs = {term[i : i + 2] for i in range(len(term) - 1)}
    return sum(1 for x in pairs if x in sentence) / len(pairs) if pairs else 0.0


def sentence_fact(store: Store, p: Project, query: Query) -> Answer | None:
    """The sentence of a project's text that holds the words asked (and a date or a count)."""
    texts = _texts(store, p, query.search_terms, years=True)
    whole = " ".join(t for t, _, _ in texts).lower()
    # Words printed nowhere in the project ("people", "came") say nothing about which sentence.
    terms = [t for t in query.search_terms if _closeness(t, whole) >= 0.6]
    if not terms:
        return None
    raw = query.raw.lower()
    wants_date = bool(re.search(r"いつ|when|何月|何年", raw))
    wants_count = bool(re.search(r"何|いくつ|how many|number|数", raw))
    wants_place = bool(re.search(r"どこ|where|会場|場所", raw))
    # 何年度の予定: the answer is the fiscal year of the plan cell that holds the words.
    wants_year = bool(
        re.search(r"何年度|なん年度|which (?:fiscal )?year|what (?:fiscal )?year", raw)
    )
    partly = [t for t in query.search_terms if t not in terms and re.search(r"[\u3040-\u9fff]", t)]
    best: tuple[float, str, int] | None = None
    for text, line, kind in texts:
        for sentence in re.split(r"(?:^|\s)・|。|<br>|\n", re.sub(r"<[^>]+>", " ", text)):
            sentence = sentence.strip()
            if not sentence:
                continue
            low = sentence.lower()
            score = sum(_closeness(t, low) for t in terms) / len(terms)
            if score < 0.5:
                continue
            # A word printed in part (運用 of 運用開始) tells two sentences apart.
            score += 0.3 * sum(_closeness(t, low) for t in partly)
            if wants_year and kind == "initiative":
                score += 1.5
            if wants_date and re.search(r"(?:令和|r|h|平成)\s*\d+年|\d+月|\d{4}年", low):
                score += 1.5
            if wants_count and re.search(r"\d+\s*[^\d\s年月日]", low):
                score += 1.5
            if wants_place and re.search(r"館|会場|センター|ホール|にて|において|で開催", low):
                score += 1.5
            score += 0.2 if kind in ("achievement", "entry") else 0
            if best is None or score > best[0]:
                best = (score, sentence, line)
    if best is None:
        return None
    answer = Answer(
        status="ok",
        title=m.say("sentence_is", query.lang, ref=m.project_ref(p, query.lang)),
        lines=[f"・{m.short_ref(p)}：「{best[1]}」"],
        projects=[ref(p)],
        sources=[SourceRef(file=p.source.file, line=best[2], edition=p.edition, no=p.no)],
    )
    answer.computed.fields.add("text")
    answer.computed.fields.update(value_kinds(best[1]))
    answer.computed.words.update(terms)
    return answer


def value_kinds(sentence: str) -> set[str]:
    """The kinds of value a sentence states: a date, a count, a place, an amount."""
    low = sentence.lower()
    kinds = set()
    if re.search(r"(?:令和|r|h|平成)\s*\d+\s*年|\d+\s*月|\d{4}\s*年|\d+/\d+", low):
        kinds.add("date")
    if re.search(
        r"\d+\s*(?:件|人|名|回|校|か所|カ所|ヶ所|箇所|会場|病院|施設|市町村|薬局|団体|社|台|機関)",
        low,
    ):
        kinds.add("count")
    if re.search(r"円", low):
        kinds.add("amount")
    if re.search(r"市|町|村|館|会場|センター|ホール|保健所|病院|にて|において|で開催", low):
        kinds.add("place")
    return kinds


def search(store: Store, query: Query, quiet: bool = False) -> Answer:
    """Where the question's words occur in the roadmap: the sentences that hold them, cited."""
    lang = query.lang
    terms = query.search_terms or ([query.subject] if query.subject else [])
    scored: dict[tuple, list] = {}
    for term in terms:
        for hit in searched.search(store, term, limit=50):
            key = (hit.project_key, hit.kind, hit.ref)
            scored.setdefault(key, [hit, set()])[1].add(term)
    if not scored:
        if quiet:
            return Answer(status="not_found")
        return Answer(
            status="not_found",
            title=m.say(
                "search_none", lang, what=" ".join(as_written(t, query.raw) for t in terms)
            ),
            suggestions=m.examples(lang)[:3],
        )
    most = max(len(v[1]) for v in scored.values())
    if most > 1:  # where every word is printed together, a place with one of them is noise
        scored = {k: v for k, v in scored.items() if len(v[1]) == most}
    ranks = {e.code: i for i, e in enumerate(store.editions())}  # newer editions first
    unique: dict[tuple, list] = {}
    for hit, matched in scored.values():  # the same text in five year cells is one finding
        unique.setdefault((hit.project_key, hit.kind, hit.text), [hit, matched])
    ranked = sorted(
        unique.values(),
        key=lambda v: (
            -len(v[1]),
            KIND_RANK.get(v[0].kind, 9),
            -ranks.get(v[0].edition, -1),
            v[0].project_key,
        ),
    )
    lines, sources, projects = [], [], []
    for hit, matched in ranked[:5]:
        p = store.project(hit.project_key)
        if p is None:
            continue
        # The longest word found, the question's first of those as long (not a set's whim).
        quote = m.quote(hit.text, min(matched, key=lambda t: (-len(t), terms.index(t))))
        lines.append(f"・{m.short_ref(p)}：「{quote}」（{m.say('kind_' + hit.kind, lang)}）")
        line = hit.source_line or p.source.line
        sources.append(SourceRef(file=p.source.file, line=line, edition=p.edition, no=p.no))
        if ref(p) not in projects:
            projects.append(ref(p))
    answer = Answer(
        status="ok",
        title=m.say("search_title", lang, what=" ".join(as_written(t, query.raw) for t in terms)),
        lines=lines,
        more=max(0, len(ranked) - 5),
        projects=projects,
        sources=unique_sources(sources),
    )
    answer.computed.fields.add("text")
    answer.computed.words.update(terms)
    answer.computed.operations.add("search")
    return answer


# What was done answers "where/how many" better than what was planned.
KIND_RANK = {"entry": 0, "achievement": 0, "actual": 1, "summary": 2, "initiative": 3, "plan": 4}
