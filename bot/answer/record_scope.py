"""What a record question covers (#27), resolved against the store and the moment asked: the
period (in Japan time, weeks Monday–Sunday as the digest has them), the fiscal years reports
are for, the people (the asker, names, chat ids), and the projects — named, selected by every
existing condition (`select`: department, budget, end year…), owned by someone, or the whole
record. Anything the question says that cannot be applied is asked back, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot import messages as m
from bot.answer import people as who
from bot.answer.model import Answer, Computed
from bot.answer.render import ref, src
from bot.answer.selection import Selection, by_text, computed_of, find_project, scope, select
from bot.fiscal_year import FiscalYear, runs_in
from bot.models import Project
from bot.owners import projects_of
from bot.prefectures import label_of
from bot.resolve import Resolution
from bot.store import ReportScope, Store
from bot.text import compact
from bot.understanding import Query
from bot.understanding.periods import Span, resolve
from bot.vocabulary import normalise


@dataclass
class Scope:
    """A record question resolved: which reports or projects its answer covers."""

    lang: str
    now: datetime
    fiscal: FiscalYear  # the fiscal year of the day asked
    span: Span | None = None
    period_words: str = ""
    years: list[str] | None = None  # the fiscal years reports are for (codes)
    year_words: str = ""
    authors: list[who.Person] = field(default_factory=list)
    owners: list[who.Person] = field(default_factory=list)
    projects: list[Project] | None = None  # None: the whole record
    named: bool = False  # the projects were named (by number or name)
    what: str = ""  # the projects in words
    initiative: str | None = None
    initiative_words: str = ""
    me: set[str] = field(default_factory=set)  # the asker's id, when "me" was asked
    said: dict[str, set[str]] = field(default_factory=dict)  # id → the mentions naming them
    running: FiscalYear | None = None
    selection: Selection | None = None
    computed: Computed = field(default_factory=Computed)

    @property
    def until(self) -> datetime | None:
        """The period's end, or now (a report made this very second included) when the
        period has not ended yet."""
        return min(self.span.until, self.now + timedelta(seconds=1)) if self.span else None

    def applied(self, people: list[who.Person]) -> None:
        """Say that the answer used these people (for the mention check)."""
        for p in people:
            self.computed.people.update(self.said.get(p.user_id, ()))

    def reports(self, projects: list[Project] | None = None) -> ReportScope:
        """The store's scope for these projects (default: the question's): its authors are
        applied."""
        self.applied(self.authors)
        chosen = self.projects if projects is None else projects
        return ReportScope(
            projects=tuple(p.key for p in chosen) if chosen is not None else None,
            since=self.span.since if self.span else None,
            until=self.until,
            authors=tuple(p.user_id for p in self.authors) if self.authors else None,
            fiscal_years=tuple(self.years) if self.years is not None else None,
            initiative=self.initiative,
        )

    def conditions(self, with_projects: bool = True, with_year: bool = True) -> str:
        """The conditions applied, in words: 今週（2026-12-07〜…）・教育庁の事業・田中さん・R8分."""
        parts = [self.period_words] if self.period_words else []
        if with_projects and self.what:
            parts.append(self.what)
        if self.authors:
            parts.append(m.say("record_by", self.lang, names=self.names(self.authors)))
        if self.year_words and with_year:
            parts.append(self.year_words)
        if self.initiative_words:
            parts.append(self.initiative_words)
        return ("・" if self.lang == "ja" else "; ").join(parts)

    def names(self, people: list[who.Person]) -> str:
        """田中 太郎さん、あなた（U1） / 田中 太郎, you (U1)."""
        shown = [
            m.say("record_you" if p.user_id in self.me else "record_person", self.lang, name=p.name)
            for p in people
        ]
        return ("、" if self.lang == "ja" else ", ").join(shown)


def _ask_back(query: Query, key: str, **values: str) -> Answer:
    return Answer(
        status="clarify",
        title=m.say(key, query.lang, **values),
        suggestions=m.examples(query.lang)[:3],
    )


def _fiscal(code: str, today: FiscalYear) -> FiscalYear | None:
    if code.startswith("@"):
        return today + int(code[1:])
    return FiscalYear.try_parse(code)


def _years(query: Query, sc: Scope) -> Answer | None:
    """The fiscal years reports are for: R8分, 今年度の, 過去年度分 (before today's)."""
    ask = query.record
    said = list(ask.report_years)
    if not said and query.year:
        said = [query.year]  # 「No41の報告 R8」: a year no other reader took
        query.year = None
    if not said:
        return None
    if said == ["past"]:
        sc.years = [(sc.fiscal - k).code for k in range(1, 40) if (sc.fiscal - k).western >= 2019]
        sc.year_words = m.say("record_years_before", sc.lang, year=sc.fiscal.code)
        return None
    years = {fy.reiwa.code for code in said if code != "past" and (fy := _fiscal(code, sc.fiscal))}
    if len(years) != 1:
        return _ask_back(query, "record_two_years", years=joined(sorted(years), query.lang) or "—")
    year = years.pop()
    sc.years = [year]
    sc.year_words = m.say("record_year_for", sc.lang, year=year)
    sc.computed.years.add(year)
    return None


def _people(store: Store, query: Query, sc: Scope, asker) -> Answer | None:
    """Every person the question names, each found once; leftover words that are a known
    person's name (Yamamoto) are taken as one."""
    ask = query.record
    known = who.known_people(store)
    wanted: list[tuple[str, str, str]] = [(p.kind, p.said, p.role) for p in ask.people]
    rest = []
    for word in query.unknown:
        found = who.find(known, word) if len(word) >= 2 else []
        if len(found) == 1:
            role = "owner" if ask.subject == "owners" else "author"
            wanted.append(("name", word, role))
        else:
            rest.append(word)
    query.unknown = rest
    for kind, said, role in wanted:
        if kind == "me":
            if asker is None:
                return _ask_back(query, "record_who_is_me")
            person = known.get(asker.user_id) or who.Person(asker.user_id, [asker.display])
            sc.me.add(person.user_id)
            key = "me"
        else:
            found = who.find(known, said)
            if not found:
                return Answer(
                    status="not_found", title=m.say("record_no_such_person", sc.lang, name=said)
                )
            if len({p.user_id for p in found}) > 1:
                names = joined((f"{p.name} ({p.user_id})" for p in found), sc.lang)
                return Answer(
                    status="ambiguous",
                    title=m.say("record_which_person", sc.lang, name=said, names=names),
                )
            person = found[0]
            key = normalise(said)
        sc.said.setdefault(person.user_id, set()).add(key)  # used when the answer applies them
        group = sc.owners if role == "owner" else sc.authors
        if all(p.user_id != person.user_id for p in group):
            group.append(person)
    return None


def _printed(p: Project) -> str:
    """What the document prints about a project (never its chat record): its name, labels
    and text, for checking that a question's words describe it."""
    parts = [p.name, p.summary, p.department or "", " ".join(p.sections), p.category or ""]
    for initiative in p.initiatives:
        parts.append(initiative.label or "")
        parts += [t for cell in initiative.years.values() for t in (cell.plan, cell.actual) if t]
    return compact(" ".join(parts)).lower()


def _named(store: Store, query: Query, edition: str, words: list[str]) -> Resolution:
    """The one project a record question names: by number or name, else by the words of its
    name or text (高齢者見守りのICT事業 → the R6 project printing 高齢者 and ICT)."""
    if query.names_project:
        return find_project(store, replace(query, subject=None), edition)
    found = find_project(store, replace(query, subject=query.subject or " ".join(words)), edition)
    if found.status == "ok":
        return found
    by_words, missing = by_text(store, words, edition)
    if by_words.status == "ok" and not missing:
        return by_words
    if by_words.status == "ambiguous" and not missing and found.matches:
        # Several print the words; the name most like what was said decides, when it is one
        # of them (高齢者見守りのICT: the 見守り project, not every 高齢者 × ICT one).
        closest = found.matches[0]
        if closest.project.key in {x.project.key for x in by_words.matches}:
            return Resolution("ok", [closest])
    return found if found.status == "ambiguous" else by_words if by_words.matches else found


def _several(
    store: Store, query: Query, edition: str, sc: Scope, words: list[str]
) -> Answer | None:
    """Several projects named by number: each found, the answer covers them all."""
    if words or query.record.initiative is not None:
        return _ask_back(query, "record_words_unused", words=joined(words, query.lang) or "取組")
    found = []
    for no in query.project_nos:
        one = find_project(
            store,
            replace(query, project_no=no, project_nos=[no], project_keys=[], subject=None),
            edition,
        )
        if one.status != "ok" or not one.matches:
            return Answer(
                status="not_found",
                title=m.say(
                    "not_found", sc.lang, what=f"No{no}", edition=m.edition_name(edition, sc.lang)
                ),
            )
        found.append(one.matches[0].project)
        sc.computed.numbers.add(no)
    sc.projects, sc.named = found, True
    sc.what = joined((f"No{p.no}" for p in found), sc.lang)
    sc.computed.projects.update(p.key for p in found)
    sc.computed.editions.update(label_of(p.edition) for p in found)
    return None


def _projects(store: Store, query: Query, edition: str, sc: Scope) -> Answer | None:
    """The projects named, selected or owned; words left over must describe them."""
    ask = query.record
    lang = sc.lang
    words = [w for w in query.unknown if w]
    if len(query.project_nos) > 1:  # No40とNo42の報告: each project named
        return _several(store, query, edition, sc, words)
    if query.names_project or (words and not query.filters and not sc.owners):
        resolution = _named(store, query, edition, words)
        if resolution.status == "ambiguous":
            names = joined((m.short_ref(x.project) for x in resolution.matches[:8]), lang)
            return _ask_back(query, "record_which_project", names=names)
        if resolution.status not in ("ok", "gone") or not resolution.matches:
            if query.names_project:
                what = f"No{query.project_no}" if query.project_no is not None else " ".join(words)
                return Answer(
                    status="not_found",
                    title=m.say(
                        "not_found", lang, what=what, edition=m.edition_name(edition, lang)
                    ),
                )
            return _ask_back(query, "record_words_unused", words=joined(words, query.lang))
        p = resolution.matches[0].project
        printed = _printed(p)
        strange = (
            [w for w in words if compact(w).lower() not in printed] if query.names_project else []
        )
        if strange:
            return _ask_back(
                query,
                "record_words_not_printed",
                words=joined(strange, lang),
                ref=m.project_ref(p, lang),
            )
        sc.projects, sc.named, sc.what = [p], True, m.short_ref(p)
        sc.computed.projects.add(p.key)
        sc.computed.editions.add(label_of(p.edition))
        sc.computed.projects.update(query.project_keys)
        if query.project_no is not None:
            sc.computed.numbers.add(query.project_no)
        sc.computed.words.update(words)
        if ask.initiative is not None:
            labels = [i.label for i in p.initiatives]
            if not 1 <= ask.initiative <= len(labels):
                return _ask_back(
                    query, "record_no_initiative", ref=m.project_ref(p, lang), n=str(ask.initiative)
                )
            sc.initiative = labels[ask.initiative - 1] or m.initiative_name(
                None, ask.initiative, lang
            )
            sc.initiative_words = m.say(
                "record_initiative", lang, n=ask.initiative, label=sc.initiative
            )
            sc.computed.fields.add(f"initiative:{ask.initiative}")
        return None
    if words:
        return _ask_back(query, "record_words_unused", words=joined(words, query.lang))
    if ask.initiative is not None:
        return _ask_back(query, "record_initiative_of_which")
    if query.filters or ask.running:
        chosen = select(store, query, edition)
        sc.selection = chosen
        sc.computed.merge(computed_of(chosen))
        sc.projects = chosen.projects
        sc.what = scope(chosen, lang, counted=False)
    if ask.running:
        years = {fy.reiwa.code for c in ask.running if (fy := _fiscal(c, sc.fiscal))}
        if len(years) != 1:
            return _ask_back(
                query, "record_two_years", years=joined(sorted(years), query.lang) or "—"
            )
        sc.running = FiscalYear.parse(years.pop())
        sc.computed.years.add(sc.running.code)
        sc.projects = [
            p for p in sc.projects or [] if runs_in(p.start_year, p.end_year, sc.running)
        ]
    if sc.owners:
        sc.applied(sc.owners)  # the projects are theirs
        owned = projects_of(store, {p.user_id for p in sc.owners})
        keys = {p.key for p in sc.projects} if sc.projects is not None else None
        sc.projects = [p for p in owned if keys is None or p.key in keys]
        owned_by = m.say("record_owned_by", lang, names=sc.names(sc.owners))
        sc.what = owned_by + (("・" if lang == "ja" else "; ") + sc.what if sc.what else "")
    return None


_MONTH_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\b"
)


def counted(n: int, noun: str, lang: str) -> str:
    """6件 / 6 reports / 1 project / 2 people (noun: report, project, person)."""
    return m.say(f"record_n_{noun}" + ("_one" if n == 1 else ""), lang, n=n)


def period_words(said: str, span: Span, now: datetime, lang: str) -> str:
    """今週（2026-12-07〜2026-12-13、12-07 10:00 時点） / this week (… to …, as of …)."""
    said = re.sub(r"(?:の|に|は|を|から)$", "", plain_words(said)) if lang == "ja" else said
    said = _MONTH_WORDS.sub(lambda x: x.group(0).title(), plain_words(said))
    key = "record_period_day" if span.first_day == span.last_day else "record_period"
    key += "_now" if span.until > now else ""
    return m.say(
        key,
        lang,
        said=said,
        first=span.first_day.isoformat(),
        last=span.last_day.isoformat(),
        now=m.jst(now),
    )


def resolve_scope(store: Store, query: Query, edition: str, asker, now: datetime) -> Scope | Answer:
    """The question's period, years, people and projects — or the question back."""
    ask = query.record
    sc = Scope(lang=query.lang, now=now, fiscal=FiscalYear.of(now))
    sc.computed.fields.add("record")
    if ask.periods:
        sc.span = resolve(ask.periods[0], now)
        sc.computed.times.add(sc.span.key)
        sc.period_words = period_words(ask.periods[0].said, sc.span, now, sc.lang)
    for step in (
        lambda: _years(query, sc),
        lambda: _people(store, query, sc, asker),
        lambda: _projects(store, query, edition, sc),
    ):
        stop = step()
        if stop is not None:
            return stop
    if query.year:  # a year no reader could place
        return _ask_back(query, "record_words_unused", words=query.year)
    return sc


def joined(items, lang: str) -> str:
    """Items in a sentence: 、 in Japanese, commas in English."""
    return ("、" if lang == "ja" else ", ").join(str(x) for x in items)


def bullet(lang: str) -> str:
    """How a listed row starts."""
    return "・" if lang == "ja" else "- "


def project_refs(projects: list[Project]) -> list:
    """The answer's projects, each once."""
    seen, out = set(), []
    for p in projects:
        if p.key not in seen:
            seen.add(p.key)
            out.append(ref(p))
    return out


def project_sources(projects: list[Project]) -> list:
    """Where each project is printed (its name line)."""
    return [src(p, "name") for p in projects][:10]


def owner_names(owners: list, lang: str = "ja") -> str:
    """Owners as answers name them: their display names."""
    shown = []
    for o in owners:
        name = f"{o.user_name or o.user_id}"
        if name not in shown:
            shown.append(name)
    return joined(shown, lang)


def plain_words(text: str) -> str:
    """A said word as the answer quotes it."""
    return re.sub(r"\s+", " ", text).strip()
