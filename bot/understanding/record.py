"""Questions about the living record (#27): what was reported in chat, by whom, when, and
what is still missing. Pure: the words are read into a RecordAsk; periods are resolved and
people found when the question is answered.

A question is about the record when it has a record word — 報告/投稿/更新履歴/update/posted,
担当者/owner, 未報告/not reported, 担当者がいない/no owner — or names a person with what they
own. Only then are its periods (今週, since Feb 10), people (田中さん, me/自分) and report years
(R8分の報告) read here: a document question never loses its words to this reader.
"""

from __future__ import annotations

import re

from bot.understanding.periods import all_time_words, find_periods
from bot.understanding.query import Query
from bot.understanding.reading import Text
from bot.understanding.record_ask import OWN_PLAN, Person, RecordAsk
from bot.understanding.record_words import (
    EN_NOT_NAMES,
    EN_OWNED_BY,
    FRAMING,
    HONORIFIC,
    INITIATIVE,
    LATEST,
    LOOSE_YEAR,
    ME,
    MISSING,
    MORE_THAN,
    NAME_CHAR,
    NEWEST,
    NOT_NAMES,
    OLDEST,
    ONLY_EARLIER,
    OWNED,
    OWNED_AFTER,
    OWNER,
    PEOPLE_WORD,
    PER,
    PERIOD_WORDS,
    PROJECTS_SHAPE,
    RANK,
    RANKED_GROUP,
    REPORT,
    REPORT_YEAR,
    REPORTERS,
    RETRACTED,
    RETRACTED_OUT,
    RUNNING,
    UNOWNED,
    WHO,
)
from bot.understanding.years import year_code


def _year(said: str) -> str:
    """A fiscal year as said → its code (R8), relative (@0 = the year asked in), or "past"."""
    if re.match(r"過去|過年度|前年度以前", said):
        return "past"
    if re.match(r"current|this\s+fy", said):
        return "@0"
    return year_code(re.sub(r"\s+", "", said) if re.match(r"[rh]\s", said) else said) or said


def _take(t: Text, m: re.Match, start: int | None = None, end: int | None = None) -> None:
    t.take(m.start() if start is None else start, m.end() if end is None else end)


def is_record_question(text: str, people: list[str]) -> bool:
    """A record word (報告, 担当者, not reported…), or a person named with what they own."""
    text = OWN_PLAN.sub(" ", text)  # 「あとで課長に報告します」 is no question about reports
    if REPORT.search(text) or REPORTERS.search(text) or MISSING.search(text):
        return True
    if UNOWNED.search(text) or OWNER.search(text):
        return True
    for m in EN_OWNED_BY.finditer(text):  # owned by Tanaka, does Mori own
        if (m.group("a") or m.group("b")) not in EN_NOT_NAMES:
            return True
    owned = [
        end
        for end in [e for _, e, _ in names_said(text)] + [m.end() for m in ME.finditer(text)]
        if OWNED_AFTER.match(text[end:])
    ]
    return bool(owned or (people and OWNED.search(text)))


def referenced_people(raw: str, people: list[str]) -> list[str]:
    """The people a question is about among those it mentions: `<@U1> さんの報告`, `updates
    by @sato` — not the colleague a message starts by addressing (`<at>Sato</at> R7版の…`)."""
    found = []
    for said in people:
        at = raw.find(said)
        if at < 0:
            continue
        after = re.sub(r"^(?:\|[^>]*)?>|^</at>", "", raw[at + len(said) :])
        before = raw[max(0, at - 16) : at]
        # (が of がっこう教育課 after a mention is a word's, not the particle)
        if re.match(
            r"\s*(?:さん|様|氏|くん|(?:の|が|は)(?![\u3041-\u309f])|'s|’s)", after, re.I
        ) or re.search(r"(?:by|from|of|for|about)\s*(?:<@|<at>|@)?$", before, re.I):
            found.append(said)
    return found


def names_said(text: str, free=lambda a, b: True) -> list[tuple[int, int, str]]:
    """Names written with an honorific (田中さん, たかはしさん): (start, end, name)."""
    found = []
    for m in HONORIFIC.finditer(text):
        i = m.start()
        while i > 0 and (
            NAME_CHAR.match(text[i - 1])
            or (
                text[i - 1] == " "
                and i > 1
                and NAME_CHAR.match(text[i - 2])
                and not text[i - 2].isascii()
            )
        ):
            i -= 1
        run = text[i : m.start()].strip()
        # The name is the run's last stretch after a particle (No41は田中さん → 田中).
        if re.search(r"[\u4e00-\u9fff\u30a0-\u30ff]", run):
            cut = max(
                (
                    k.end()
                    for k in re.finditer(r"[\u3040-\u309f]+(?=[\u4e00-\u9fff\u30a0-\u30ff])", run)
                ),
                default=0,
            )
            i += len(text[i : m.start()]) - len(text[i : m.start()].lstrip()) + cut
            run = run[cut:]
        if (
            not run
            or run in NOT_NAMES
            or run.startswith(("お疲れ", "ご苦労"))
            or not free(i, m.end())
        ):
            continue
        found.append((i, m.end(), run))
    return found


def read_record(t: Text, query: Query) -> None:
    """Read a record question's words into query.record; leave every other question alone."""
    text = t.text
    people = referenced_people(query.raw, query.people)
    if not is_record_question(text, people):
        return
    ask = RecordAsk(subject="reports")
    unowned = missing = False
    for m in t.find(UNOWNED):
        unowned = True
        ask.said.append(m.group(0))
        _take(t, m)
    for m in t.find(ONLY_EARLIER):
        ask.only_earlier = missing = True
        ask.said.append(m.group(0))
        t.take(m.start(), m.end())
    for m in t.find(RETRACTED_OUT):
        ask.said.append(m.group(0))
        _take(t, m)
    for m in t.find(RUNNING):
        ask.running.append(_year(m.group("y") or m.group("y2") or "今年度"))
        _take(t, m)
    for m in t.find(REPORT_YEAR):
        years = [m.group(g) for g in ("y", "p", "p2", "y3") if m.group(g)]
        ask.report_years += [_year(y) for y in years if y]
        _take(t, m)
    for m in t.find(MISSING):
        missing = True
        ask.said.append(m.group(0))
        # The report word stays readable as the record's own word (報告がまだ → 報告).
        _take(t, m)
    for m in t.find(RETRACTED):
        ask.retracted = True
        _take(t, m)
    for start, end, period in find_periods(text, t.free):
        ask.periods.append(period)
        t.take(start, end)
    for m in all_time_words(text):
        if t.free(m.start(), m.end()):
            _take(t, m)
    for start, end, name in names_said(text, t.free):
        owned = bool(OWNED_AFTER.match(text[end:]))
        ask.people.append(Person("name", name, "owner" if owned else "author"))
        t.take(start, end)
    for m in t.find(ME):
        owned = bool(OWNED_AFTER.match(text[m.end() :])) or bool(
            re.search(r"(?<![a-z])(?:owner|own|owns)(?![a-z])|my\s+projects?", text)
            and not re.search(
                r"(?<![a-z])(?:my|i)\s+(?:updates?|reports?|posts?|posted|reported|updated)", text
            )
        )
        ask.people.append(Person("me", m.group(0).strip(), "owner" if owned else "author"))
        _take(t, m)
    for m in t.find(EN_OWNED_BY):  # owned by Tanaka, does Mori own
        name = m.group("a") or m.group("b")
        if name not in EN_NOT_NAMES:
            ask.people.append(Person("name", name, "owner"))
            start = m.start("a") if m.group("a") else m.start("b")
            t.take(start, start + len(name))
    for said in people:  # @name, <@U…>, <at>Name</at>: taken off the text by prepare
        owned = bool(OWNER.search(text) or OWNED.search(text)) and not REPORT.search(text)
        ask.people.append(Person("name", said, "owner" if owned else "author"))
    for m in t.find(re.compile(r"さん|様|氏")):
        _take(t, m)  # the honorific of a mention (<@U1> さん)
    for m in t.find(INITIATIVE):
        if m.group("which"):
            ask.which_initiative = True
        else:
            ask.initiative = int(m.group(1))
        _take(t, m)
    for m in t.find(NEWEST):
        ask.limit = int(m.group("n") or m.group("n2") or m.group("n3"))
        ask.numbers.append(ask.limit)
        ask.latest = True
        _take(t, m)
    for m in t.find(PER):
        ask.group = "project" if m.group("project") else "person"
        _take(t, m)
    for m in t.find(MORE_THAN):
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
        if m.group("n"):
            ask.more_than = int(words.get(m.group("n"), m.group("n")) or 1)
        elif m.group("n2"):  # at least N
            ask.more_than = int(words.get(m.group("n2"), m.group("n2")) or 1) - 1
        elif m.group("m") or m.group("m2"):
            n = int(m.group("m") or m.group("m2"))
            ask.numbers.append(n)
            ask.more_than = n - 1 if (m.group("op") or m.group("op2")) == "以上" else n
        else:
            ask.more_than = 1
        _take(t, m)
    for m in t.find(RANK):
        if (
            m.group("least")
            or m.group("least2")
            or m.group("fewest")
            or m.group(0).startswith("少ない")
        ):
            ask.rank = "min"
        else:
            ask.rank = ask.rank or "max"
        _take(t, m)
    for m in t.find(OLDEST):
        ask.oldest = True
        ask.first = ask.first or bool(m.group("one") or m.group("one_en"))
        _take(t, m)
    for m in t.find(LATEST):
        ask.latest = True
        _take(t, m)
    reporters = False
    for m in t.find(REPORTERS):
        reporters = True
        ask.said.append(m.group(0))
        _take(t, m)
    for m in t.find(WHO):
        ask.who = True
        _take(t, m)
    owner = owned = False
    for m in t.find(OWNER):
        owner = True  # 担当者, owner: the people are asked about
        ask.said.append(m.group(0))
        _take(t, m)
    for m in t.find(OWNED) if ask.people else []:
        owned = True  # 自分の担当: the projects a person owns
        ask.said.append(m.group(0))
        _take(t, m)
    reported = False
    last_report = -1
    for m in t.find(REPORT):
        reported = True
        last_report = max(last_report, m.end())
        ask.said.append(m.group(0))
        _take(t, m)
    for m in t.find(FRAMING):
        _take(t, m)
    for m in t.find(LOOSE_YEAR):
        around = text[max(0, m.start() - 12) : m.start()] + " " + text[m.end() : m.end() + 10]
        if not PERIOD_WORDS.search(around):
            ask.report_years.append(_year(m.group(0)))
            _take(t, m)
    if ask.rank:  # 報告が一番多い部局: the groups are ranked, not the projects
        for m in t.find(RANKED_GROUP):
            ask.group = next(k.removesuffix("_en") for k, v in m.groupdict().items() if v)
            _take(t, m)
    ask.owners = owner
    ask.subject = _subject(
        ask, text, unowned, missing, reporters, owner or owned, reported, last_report
    )
    if ask.subject == "missing" and not owner:
        ask.owners = False
    if ask.subject in ("silent", "reporters") or (ask.subject == "ranking" and ask.per == "person"):
        for m in t.find(PEOPLE_WORD):
            _take(t, m)
    query.record = ask


def _subject(
    ask: RecordAsk,
    text: str,
    unowned: bool,
    missing: bool,
    reporters: bool,
    owner: bool,
    reported: bool,
    last_report: int,
) -> str:
    """What the question lists: reports, projects, people, owners, or what is missing."""
    named_project = re.search(r"事業|project|プロジェクト|もの", text)
    if unowned:
        return "unowned"
    if missing:
        # 報告していない担当者は誰: people; 自分の担当で報告がまだのもの: that person's projects.
        owned_by = any(p.role == "owner" for p in ask.people)
        people_asked = (
            OWNER.search(text) or reporters or ask.who or re.search(r"人|people|who", text)
        )
        return "silent" if people_asked and not named_project and not owned_by else "missing"
    if ask.rank:
        if reporters or ask.who or re.search(r"owner|担当者|人|(?<![a-z])who", text):
            ask.per = "person"
        return "ranking"
    if reporters or (
        ask.who
        and not ask.latest
        and reported
        and not ask.people
        and not re.search(r"事業|project|no\s?\d|\d+番", text)
    ):
        return "reporters"
    if owner and not reported:
        return "owners"
    if not reported and ask.people and not ask.periods:
        for person in ask.people:
            person.role = "owner"  # 田中さんの事業: the projects a person owns
        return "owners"
    shape = PROJECTS_SHAPE.search(text[last_report:] if last_report >= 0 else "") or re.search(
        r"how\s+many\s+projects|number\s+of\s+projects|何事業|事業数", text
    )
    if (
        ask.more_than is not None
        or (shape and not ask.latest)
        or re.search(
            r"(?:which|what)\s+projects?|projects?\s+(?:updated|that\s+got|with\s+(?:an?\s+)?updates?)",
            text,
        )
    ):
        return "projects"
    return "reports"


def settle_record(query: Query) -> None:
    """The operation of a record question: a count, a ranking (top N), else a list."""
    ask = query.record
    if ask is None:
        return
    if query.operation in ("top", "bottom") and ask.subject in ("reports", "projects"):
        ask.subject, ask.rank = (
            "ranking",
            ask.rank or ("max" if query.operation == "top" else "min"),
        )
    if (
        query.operation in ("max", "min")
        and ask.subject in ("reports", "projects")
        and not ask.latest
    ):
        ask.subject, ask.rank = "ranking", ask.rank or query.operation
    if ask.subject == "projects" and query.names_project and ask.more_than is None:
        ask.subject = "reports"  # No38の報告はどの取組のもの: that project's reports
    if (
        query.operation == "group"
        or (ask.group and ask.group != "person")
        or (ask.group == "person" and ask.subject != "ranking")
    ):  # 部局別の報告件数, reports by person, 報告が一番多い部局
        ask.group = ask.group or query.group_by or "department"
        if ask.subject in ("reports", "projects", "reporters", "ranking"):
            ask.subject = "grouped"
    if query.operation not in ("count", "top", "bottom"):
        query.operation = "list"
