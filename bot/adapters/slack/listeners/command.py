"""`/roadmap …`: questions (visible to the asker, with a share button), updates, history,
retractions and owners. Each reply rides in the ack: the core answers in milliseconds."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.digest import post_chart
from bot.adapters.slack.listeners.common import MENTION, identity, lang_of, safely
from bot.commands import parse_command
from bot.errors import UserError
from bot.fiscal_year import FiscalYear
from bot.render_text import entry_line
from bot.service import Core
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)


def register(app: App, core: Core) -> None:
    """The one slash command and its subcommands."""

    def roadmap(ack: Ack, command: dict, client: WebClient) -> None:
        try:
            answer_command(ack, command, client)
        except Exception:  # never let a bug become Slack's "dispatch_failed"
            logger.exception("/roadmap failed")
            ack(
                response_type="ephemeral",
                text=m.say("error_generic", lang_of(command.get("text", ""))),
            )

    def answer_command(ack: Ack, command: dict, client: WebClient) -> None:
        cmd = parse_command(command.get("text", ""))
        who = identity(command)
        lang = lang_of(cmd.args or command.get("text", ""))
        if cmd.name == "owners":  # ids and project numbers only: the command word's language
            lang = owners_language(command.get("text", ""), lang)
        if cmd.name == "ask":
            answer = core.ask(cmd.args)
            ack(
                response_type="ephemeral",
                text=blocks.fallback(answer.text),
                blocks=blocks.answer_blocks(answer, share_question=cmd.args),
            )
            return
        if cmd.name == "update" and not cmd.args:
            ack()
            open_update_modal(
                core, client, command["trigger_id"], who, command.get("channel_id"), lang
            )
            return
        if cmd.name == "update":
            text = safely(lang, lambda: confirm_update(core, command, who, cmd.args, lang))
            # A recorded update is confirmed in the channel; a refusal only to its author.
            public = text.startswith("✅")
            ack(
                response_type="in_channel" if public else "ephemeral",
                text=blocks.fallback(text),
                blocks=blocks.text_blocks(text),
            )
            return
        if cmd.name == "chart":  # a valid chart request is matched by the listener below
            ack(response_type="ephemeral", text=m.say("chart_usage", lang))
            return
        handlers = {
            "nudges": lambda: nudges_text(core, who, cmd.args, lang),
            "digest": lambda: digest_preview(core, lang),
            "history": lambda: history_text(core, cmd.args, lang),
            "retract": lambda: retract_text(core, who, cmd.args, lang),
            "owners": lambda: owners_text(core, who, cmd.args, lang),
        }
        if cmd.name in handlers:
            text = safely(lang, handlers[cmd.name])
            ack(
                response_type="ephemeral",
                text=blocks.fallback(text),
                blocks=blocks.text_blocks(text),
            )
            return
        # help, and subcommands that arrive with later features
        answer = core.ask(command.get("text", "").strip() if cmd.name == "help" else "ヘルプ")
        ack(
            response_type="ephemeral",
            text=blocks.fallback(answer.text),
            blocks=blocks.answer_blocks(answer),
        )

    def is_chart(text: str) -> bool:
        cmd = parse_command(text)
        return cmd.name == "chart" and cmd.args.strip().lower() in ("budget", "timeline")

    def is_upload(body: dict) -> bool:
        # One matcher for all slow work: each custom matcher costs every request its kwargs.
        text = body.get("text", "")
        return is_chart(text) or parse_command(text).name in ("diff", "export")

    def ack_upload(ack: Ack, command: dict) -> None:
        if is_chart(command.get("text", "")):
            ack(response_type="ephemeral", text="📊 …")
        else:
            ack_file(ack, command)

    def upload(command: dict, client: WebClient) -> None:
        if is_chart(command.get("text", "")):
            upload_chart(command, client)
        else:
            upload_file(command, client)

    def upload_chart(command: dict, client: WebClient) -> None:
        kind = parse_command(command.get("text", "")).args.strip().lower()
        try:
            post_chart(
                client,
                core.store,
                command["channel_id"],
                kind,
                core.clock(),
                lang_of(command.get("text", "")),
            )
        except Exception:
            logger.exception("chart upload failed")

    def ack_file(ack: Ack, command: dict) -> None:
        cmd = parse_command(command.get("text", ""))
        lang = lang_of(command.get("text", ""))
        try:
            summary = file_summary(core, cmd.name, cmd.args, lang)
        except UserError as error:
            ack(response_type="ephemeral", text=m.error_text(error, lang))
            return
        ack(
            response_type="ephemeral",
            text=blocks.fallback(summary),
            blocks=blocks.text_blocks(summary),
        )

    def upload_file(command: dict, client: WebClient) -> None:
        cmd = parse_command(command.get("text", ""))
        try:
            name, data, title = build_file(core, cmd.name, cmd.args)
            client.files_upload_v2(
                channel=command["channel_id"], content=data, filename=name, title=title
            )
        except UserError:
            return  # already explained in the ack
        except Exception:
            logger.exception("file upload failed")

    # Charts and files are slow work (drawn after the ack); every other reply rides in the ack,
    # with no lazy listener to copy the request and start a thread for.
    app.command("/roadmap", matchers=[is_upload])(ack=ack_upload, lazy=[upload])
    app.command("/roadmap")(roadmap)


def owners_language(text: str, lang: str) -> str:
    """`owners add <@U1> No40` is English (no Japanese anywhere); `担当者 …` or a section
    name in kanji is Japanese (#16: refusals came in Japanese to English commands)."""
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text or ""):
        return "ja"
    return "en" if re.match(r"\s*(?:/roadmap\s+)?owners\b", text or "", re.I) else lang


def confirm_update(core: Core, command: dict, who: Identity, args: str, lang: str) -> str:
    """Append from `/roadmap update No40 …` and say what was recorded."""
    result = core.update(
        who,
        args,
        channel=command.get("channel_id"),
        request_id=f"{command.get('team_id', '')}:{command.get('trigger_id', '')}",
        # Without a trigger id, who sent which text where (and the invocation's response URL):
        # one fixed fallback key stored a single entry for three different updates.
        dedupe_key=delivery_key(
            "slack:command",
            command.get("trigger_id"),
            command.get("team_id"),
            command.get("user_id"),
            command.get("channel_id"),
            command.get("response_url"),
            command.get("text"),
        ),
    )
    return update_done_text(
        result.entry, m.entry_project(result.project.no, result.project.key), lang
    )


def update_done_text(entry, project: str, lang: str) -> str:
    """The confirmation of a recorded entry (escaped once, when rendered)."""
    return m.update_done(entry, project, lang)


def open_update_modal(
    core: Core,
    client: WebClient,
    trigger_id: str,
    who: Identity,
    channel: str | None,
    lang: str,
    project_key: str | None = None,
) -> None:
    """The update form with the user's own projects (or a notice that there are none)."""
    projects = core.my_projects(who)
    if project_key:
        projects = [p for p in projects if p.key == project_key] or projects
    if not projects:
        view = blocks.notice_modal(m.say("update_modal_none", lang), lang)
    else:
        view = blocks.update_modal(projects, FiscalYear.of(core.clock()), channel, lang)
    client.views_open(trigger_id=trigger_id, view=view)


def history_text(core: Core, args: str, lang: str) -> str:
    """`/roadmap history No40`: every entry, retractions included."""
    history = core.history(args.strip())
    project = f"No{history.project.no} {history.project.name}"
    lines = [m.say("history_title", lang, project=project, n=len(history.entries))]
    lines += [entry_line(e, lang) for e in history.entries]
    if not history.entries:
        lines.append(m.say("history_empty", lang, project=project))
    return "\n".join(lines)


def retract_text(core: Core, who: Identity, args: str, lang: str) -> str:
    """`/roadmap retract 12 [reason]`."""
    original, _ = core.retract(who, args)
    project = m.entry_project(original.project_no, original.project_key)
    return m.say("retract_done", lang, id=original.id, project=project)


def file_summary(core: Core, name: str, args: str, lang: str) -> str:
    """What the uploaded file holds, said in the ack."""
    if name == "diff":
        from bot import diff as diffing

        older, newer = diffing.editions_asked(core.store, args)
        d = diffing.diff_editions(core.store, older, newer)
        renamed = sum(1 for c in d.changes if c.renamed)
        return m.say(
            "diff_summary",
            lang,
            older=older,
            newer=newer,
            added=len(d.added),
            ended=len(d.ended),
            renamed=renamed,
        )
    fmt = _export_format(args)
    return m.say("export_summary", lang, fmt=fmt)


def _export_format(args: str) -> str:
    fmt = (args.split() or ["csv"])[0].lower()
    if fmt not in ("csv", "xlsx", "json"):
        raise UserError("export_usage")
    return fmt


def build_file(core: Core, name: str, args: str) -> tuple[str, bytes, str]:
    """(safe file name, bytes, title) for /roadmap diff and /roadmap export."""
    from bot.draft import now_stamp, safe_filename

    stamp = now_stamp(core.clock())
    if name == "diff":
        from bot import diff as diffing

        older, newer = diffing.editions_asked(core.store, args)
        text = diffing.to_text(diffing.diff_editions(core.store, older, newer), markdown=True)
        return (
            safe_filename("roadmap_diff", older, newer, stamp, ext="md"),
            text.encode("utf-8"),
            f"{older} → {newer}",
        )
    from bot import export as exporting

    fmt = _export_format(args)
    edition = core.store.latest_edition() or ""
    data = exporting.render(exporting.records(core.store, edition), fmt)
    return safe_filename("roadmap", edition, stamp, ext=fmt), data, f"roadmap {edition}"


def nudges_text(core: Core, who: Identity, args: str, lang: str) -> str:
    """`/roadmap nudges off|on`."""
    choice = args.strip().lower()
    if choice not in ("off", "on", "オフ", "オン"):
        raise UserError("nudges_usage")
    enabled = choice in ("on", "オン")
    core.store.set_nudges(who.platform, who.user_id, enabled)
    return m.say("nudges_on" if enabled else "nudges_off", lang)


def digest_preview(core: Core, lang: str) -> str:
    """`/roadmap digest`: this week's digest, shown only to the asker."""
    from bot.digest import digest, digest_text

    return digest_text(digest(core.store, core.clock(), core.settings.roadmap_stale_weeks), lang)


def owners_text(core: Core, who: Identity, args: str, lang: str) -> str:
    """`/roadmap owners add|remove @user No40|section` (admins) and `/roadmap owners list`."""
    action, _, rest = args.strip().partition(" ")
    if action in ("list", "一覧", ""):
        owners = core.owners()
        if not owners:
            return m.say("owners_none", lang)
        lines = [m.say("owners_list_title", lang, n=len(owners))]
        for o in owners:
            target = o.project_key.split("/", 1)[1] if o.project_key else o.section
            lines.append(
                f"・{o.user_name or o.user_id} ({o.user_id}, {o.platform}) → {target or ''}"
            )
        return "\n".join(lines)
    if action not in ("add", "追加", "remove", "削除"):
        raise UserError("owners_usage")
    mention = MENTION.search(rest)
    if mention:
        user_id, user_name = mention.group(1), mention.group(2)
        target = MENTION.sub("", rest).strip()
    else:
        user_id, _, target = rest.strip().partition(" ")
        user_name = None
    if not user_id or not target:
        raise UserError("owners_usage")
    user = f"{user_name or user_id} ({user_id})"
    if action in ("remove", "削除"):
        what, removed = core.remove_owner(who, user_id, target.strip())
        return m.say(
            "owners_removed" if removed else "owners_not_owner", lang, user=user, target=what
        )
    what, created = core.add_owner(who, user_id, target.strip(), user_name)
    return m.say("owners_added" if created else "owners_exists", lang, user=user, target=what)
