"""One initiative (取組) of a project named by the words of its label: No49の「耳で聴く
ハザードマップ」のR7の目標, No.38の取組「校務のDX」の中身 — its plans and results as printed,
year by year (the year asked only, the plan or the result only when that is what was asked)."""

from __future__ import annotations

from bot import messages as m
from bot.answer.model import Answer, SourceRef
from bot.answer.render import ref
from bot.answer.textsearch import value_kinds
from bot.fiscal_year import FiscalYear
from bot.models import Initiative, Project
from bot.text import compact
from bot.understanding import Query


def named(p: Project, words: list[str], printed: str) -> list[tuple[int, Initiative]]:
    """The project's initiatives named by the words: a word of the label that is not one of
    the project's own name (補助 of No30 names no initiative), every other word printed
    nowhere about the project (取組, 中身: what the question calls it, not what it holds)."""
    wanted = [w for w in (compact(x).lower() for x in words) if len(w) >= 2]
    name = compact(p.name).lower()
    found = []
    for number, i in enumerate(p.initiatives, 1):
        label = compact(i.label or "").lower()
        own = [w for w in wanted if w in label and w not in name]
        others = [w for w in wanted if w not in label]
        if own and not any(w in printed for w in others):
            found.append((number, i))
    return found


def initiative_answer(p: Project, query: Query, printed: str) -> Answer | None:
    """The plans and results of the initiative the question's words name (`printed`: all the
    roadmap prints about the project, lower case); None if none or several name it, if the
    question asks something else of it, or nothing is printed for what was asked."""
    if set(query.fields) - {"plan", "actual"}:
        return None
    found = named(p, query.unknown, compact(printed))
    if len(found) != 1:
        return None
    number, initiative = found[0]
    lang = query.lang
    kinds = [k for k in ("plan", "actual") if k in query.fields] or ["plan", "actual"]
    year = FiscalYear.parse(query.year) if query.year else None
    today = FiscalYear.of(query.now) if query.now else None
    lines = []
    for code, cell in initiative.years.items():
        if year is not None and FiscalYear.parse(code) != year:
            continue
        for kind in kinds:
            text = cell.plan if kind == "plan" else cell.actual
            if kind == "actual" and today is not None and FiscalYear.parse(code) > today:
                continue  # a 実績 cell of a year to come holds a plan, not a result
            if text:
                lines.append("・" + m.say(f"initiative_{kind}", lang, year=code, text=text))
            if kind == "plan" and cell.plan_in_actual_row:
                # #24: a plan printed in the 実績 row (No55 R8 推進体制検討・構築) is a plan too.
                said = cell.plan_in_actual_row + m.say("printed_in_actual_row", lang)
                lines.append("・" + m.say("initiative_plan", lang, year=code, text=said))
    if not lines:
        return None
    name = m.initiative_name(initiative.label, number, lang)
    answer = Answer(
        status="ok",
        title=m.say("initiative_is", lang, ref=m.project_ref(p, lang), name=name),
        lines=lines,
        projects=[ref(p)],
        sources=[
            SourceRef(
                file=initiative.source.file, line=initiative.source.line, edition=p.edition, no=p.no
            )
        ],
    )
    answer.computed.fields.update(kinds)
    for line in lines:  # a date, a count, a place the cells state answers 何校, いつ, どこ
        answer.computed.fields.update(value_kinds(line))
    label = compact(initiative.label or "").lower()
    answer.computed.words.update(w for w in query.unknown if compact(w).lower() in label)
    if query.year:
        answer.computed.years.add(query.year)
    return answer
