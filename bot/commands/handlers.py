"""Command handlers: a Request in, a Reply (data) out; no chat platform is known here."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import messages as m
from bot.command_table import ALL_WORDS, BY_NAME, TABLE, wants_all
from bot.commands.reply import FileOut, Reply, Request
from bot.errors import UserError
from bot.render_text import history_lines
from bot.text import nfkc

# `<@U123|name>` (Slack) as it arrives in owners add; other front ends type the id itself.
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")


def ask(req: Request) -> Reply:
    """A question: the core's Answer."""
    answer = req.core.ask(req.args or req.text, req.who)
    return Reply(answer.lang, answer=answer, share=req.args or req.text)


def update(req: Request) -> Reply:
    """`update No40 [R8] [取組1] text` records an entry; `update` alone opens the form."""
    if not req.args.strip():
        projects = req.core.my_projects(req.who)
        if not projects and not req.core.is_operator(req.who):
            return Reply(req.lang, m.say("update_modal_none", req.lang), error=True)
        return Reply(req.lang, form=True, projects=projects, text=usage(req, "update"))
    result = req.core.update(
        req.who,
        req.args,
        channel=req.channel,
        request_id=req.request_id,
        dedupe_key=req.dedupe_key,
    )
    text = m.update_done(
        result.entry, m.entry_project(result.project.no, result.project.key), req.lang
    )
    # A repeated delivery of the same request is not announced to the channel a second time.
    return Reply(req.lang, text, public=result.created)


def history(req: Request) -> Reply:
    """`history No40 [--all]`: the project's entries, newest kept when they do not all fit."""
    words = req.args.split()
    everything = wants_all(req.args)
    reference = " ".join(w for w in words if nfkc(w).lower() not in ALL_WORDS)
    if not reference:
        raise UserError("history_usage", usage=usage(req, "history"))
    found = req.core.history(reference)
    title, lines = history_lines(found, req.lang)
    reply = Reply(req.lang, title, lines, keep_tail=True, complete=everything)
    reply.more_hint = m.say(
        "history_more_hint",
        req.lang,
        command=f"{req.prefix}history {m.entry_project(found.no, found.key)} --all",
    )
    if everything:
        from bot.draft import now_stamp, safe_filename

        text = "\n".join([title, *lines]) + "\n"
        name = safe_filename(
            "roadmap_history",
            m.entry_project(found.no, found.key).replace("/", "_"),  # R6/#3 → R6_3
            now_stamp(req.core.clock()),
            ext="txt",
        )
        reply.file = lambda: FileOut(name, text.encode("utf-8"), title)
    return reply


def documents(req: Request) -> Reply:
    """`documents` (admins): the loaded roadmap documents, one line each."""
    from bot.sources import documents_text

    head, *rest = documents_text(req.core.documents(req.who), req.lang).split("\n")
    return Reply(req.lang, head, rest)


def retract(req: Request) -> Reply:
    """`retract 12 [reason]`."""
    original, _ = req.core.retract(req.who, req.args, dedupe_key=req.dedupe_key)
    return Reply(
        req.lang,
        m.say(
            "retract_done",
            req.lang,
            id=original.id,
            project=m.entry_project(original.project_no, original.project_key),
        ),
    )


def owners_list(req: Request) -> Reply:
    """`owners` / `owners list`: every ownership."""
    owners = req.core.owners()
    if not owners:
        return Reply(req.lang, m.say("owners_none", req.lang))
    lines = []
    for o in owners:
        target = o.project_key.split("/", 1)[1] if o.project_key else o.section
        lines.append(f"・{o.user_name or o.user_id} ({o.user_id}, {o.platform}) → {target or ''}")
    return Reply(req.lang, m.say("owners_list_title", req.lang, n=len(owners)), lines)


def _owner_args(req: Request) -> tuple[str, str | None, str, str]:
    mention = MENTION.search(req.args)
    if mention:
        user_id, user_name = mention.group(1), mention.group(2)
        target = MENTION.sub("", req.args).strip()
    else:
        user_id, _, target = req.args.strip().partition(" ")
        user_name = None
    if not user_id or not target.strip():
        raise UserError("owners_usage")
    return user_id, user_name, target.strip(), f"{user_name or user_id} ({user_id})"


def owners_add(req: Request) -> Reply:
    """`owners add @user No40|section` (admins)."""
    user_id, user_name, target, user = _owner_args(req)
    what, created = req.core.add_owner(req.who, user_id, target, user_name)
    key = "owners_added" if created else "owners_exists"
    return Reply(req.lang, m.say(key, req.lang, user=user, target=what))


def owners_remove(req: Request) -> Reply:
    """`owners remove @user No40|section` (admins)."""
    user_id, _, target, user = _owner_args(req)
    what, removed = req.core.remove_owner(req.who, user_id, target)
    key = "owners_removed" if removed else "owners_not_owner"
    return Reply(req.lang, m.say(key, req.lang, user=user, target=what))


def nudges(req: Request) -> Reply:
    """`nudges on|off` (オン/オフ): the weekly reminder by DM."""
    choice = nfkc(req.args.strip()).lower()
    if choice not in ("on", "off", "オン", "オフ"):
        raise UserError("nudges_usage")
    enabled = choice in ("on", "オン")
    req.core.store.set_nudges(req.who.platform, req.who.user_id, enabled)
    return Reply(req.lang, m.say("nudges_on" if enabled else "nudges_off", req.lang))


def digest(req: Request) -> Reply:
    """`digest`: this week's digest, shown only to the asker."""
    from bot.digest import digest as build
    from bot.digest import digest_text

    core = req.core
    lines = digest_text(
        build(core.store, core.clock(), core.settings.roadmap_stale_weeks), req.lang
    )
    head, *rest = lines.split("\n")
    return Reply(req.lang, head, rest)


def diff(req: Request) -> Reply:
    """`diff R6 R7`: a summary now, the whole comparison as a file."""
    from bot import diff as diffing
    from bot import diff_text
    from bot.draft import now_stamp, safe_filename

    store = req.core.store
    older, newer = diffing.editions_asked(store, req.args)
    d = diffing.diff_editions(store, older, newer)
    summary = m.say(
        "diff_summary",
        req.lang,
        older=older,
        newer=newer,
        added=len(d.added),
        ended=len(d.ended),
        renamed=sum(1 for c in d.changes if c.renamed),
    )
    if d.caveat:  # the editions hold different fields: say what was compared
        summary += "\n" + d.caveat[req.lang]
    name = safe_filename("roadmap_diff", older, newer, now_stamp(req.core.clock()), ext="md")

    def make() -> FileOut:
        text = diff_text.to_text(d, markdown=True, lang=req.lang)
        return FileOut(name, text.encode("utf-8"), f"{older} → {newer}")

    return Reply(req.lang, summary, file=make)


EXPORT_FORMATS = ("csv", "xlsx", "json")


def export(req: Request) -> Reply:
    """`export csv|xlsx|json`: the latest edition's projects as a file."""
    from bot import export as exporting
    from bot.draft import now_stamp, safe_filename

    fmt = nfkc((req.args.split() or ["csv"])[0]).lower()
    if fmt not in EXPORT_FORMATS:
        raise UserError("export_usage")
    store = req.core.store
    edition = store.latest_edition() or ""
    name = safe_filename("roadmap", edition, now_stamp(req.core.clock()), ext=fmt)

    rows = exporting.records(store, edition)
    title = f"roadmap {edition}"

    def make() -> FileOut:
        return FileOut(name, exporting.export_file(store, edition, fmt, rows=rows), title)

    text = m.say("export_made", req.lang, edition=edition, fmt=fmt, n=len(rows))
    return Reply(req.lang, text, file=make)


CHARTS = {
    "budget": "budget",
    "予算": "budget",
    "事業費": "budget",
    "timeline": "timeline",
    "期間": "timeline",
}


def chart(req: Request) -> Reply:
    """`chart budget|timeline`: a PNG chart."""
    from bot import charts
    from bot.fiscal_year import FiscalYear

    kind = CHARTS.get(nfkc(req.args.strip()).lower())
    if kind is None:
        raise UserError("chart_usage")
    store = req.core.store
    edition = store.latest_edition() or ""
    lang = req.lang
    title = m.say(f"chart_{kind}_title", lang, edition=edition)
    from bot.draft import now_stamp, safe_filename

    # Dated like every other file: a second chart never overwrites the first.
    moment = req.core.clock()
    name = safe_filename(
        "roadmap_chart",
        kind,
        edition,
        now_stamp(moment),
        f"{moment.astimezone(m.TOKYO):%H%M%S}",
        ext="png",
    )

    def make() -> FileOut:
        projects = store.projects()
        if kind == "timeline":
            png = charts.timeline(projects, edition, FiscalYear.of(req.core.clock()), lang)
        else:
            png = charts.budget_by_department(projects, edition, lang)
        return FileOut(name, png, title)

    return Reply(lang, m.say("chart_making", lang, title=title), file=make, chart=kind)


def usage(req: Request, name: str) -> str:
    """The usage line of one command, as typed on this front end."""
    spec = BY_NAME[name]
    return f"{req.prefix}{spec.usage(req.lang)}"


def help_reply(req: Request) -> Reply:
    """`help`: what can be asked, then every command generated from the table."""
    lang = req.lang
    lines = m.help_asks(lang)
    lines.append(m.say("help_commands", lang))
    for spec in TABLE:
        if spec.hidden:
            continue
        words = "、".join(spec.words[1:]) if lang == "ja" else ", ".join(spec.words[1:])
        also = m.say("help_also", lang, words=words) if words else ""
        who = m.say(f"help_{spec.permission}", lang) if spec.permission != "anyone" else ""
        notes = ("" if lang == "ja" else " ").join(
            p for p in (m.say(spec.summary, lang), who, also) if p
        )
        lines.append(f"・{req.prefix}{spec.usage(lang)} — {notes}")
    lines.append(m.say("help_examples", lang, examples=" / ".join(m.examples(lang))))
    return Reply(lang, m.say("help_title", lang), lines)


# Which handler answers each command of the table (a test checks that every command has one).
HANDLERS: dict[str, Callable[[Request], Reply]] = {
    "ask": ask,
    "update": update,
    "history": history,
    "retract": retract,
    "owners": owners_list,
    "owners add": owners_add,
    "owners remove": owners_remove,
    "digest": digest,
    "diff": diff,
    "export": export,
    "chart": chart,
    "nudges": nudges,
    "documents": documents,
    "help": help_reply,
}
