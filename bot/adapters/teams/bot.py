"""The Teams app: questions, updates (text or card form), history, retract — over the core.

Built by a factory like the Slack app; handlers only translate activities into core calls.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from microsoft_teams.api import ConversationUpdateActivity, InstallUpdateActivity, MessageActivity
from microsoft_teams.api.auth.cloud_environment import CloudEnvironment
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.http import FastAPIAdapter

from bot import messages as m
from bot.adapters.teams import cards
from bot.commands import command_language, parse_command
from bot.errors import UserError
from bot.fiscal_year import FiscalYear
from bot.render_text import entry_line
from bot.service import Core
from bot.settings import Settings
from bot.text import clean
from bot.updates import Identity

logger = logging.getLogger(__name__)
MENTION = re.compile(r"<at>[^<]*</at>", re.I)


def create_teams_app(
    settings: Settings,
    core: Core,
    adapter: FastAPIAdapter | None = None,
    token: Callable | None = None,
    allow_unauthenticated: bool = False,
    cloud: CloudEnvironment | None = None,
) -> App:
    """A Teams App wired to the core. With TEAMS_APP_ID and a password every request is
    authenticated by the SDK; `token`, `allow_unauthenticated` and `cloud` (where the SDK
    fetches its signing keys) exist for offline tests."""
    options: dict = {"http_server_adapter": adapter or FastAPIAdapter()}
    if cloud is not None:
        options["cloud"] = cloud
    if settings.teams_app_id:
        options["client_id"] = settings.teams_app_id
        options["tenant_id"] = settings.teams_tenant_id
        if token is not None:
            options["token"] = token
        elif settings.teams_app_password:
            options["client_secret"] = settings.teams_app_password.get_secret_value()
    if allow_unauthenticated:
        options["dangerously_allow_unauthenticated_requests"] = True
    app = App(**options)
    register(app, core)
    return app


def identity(activity) -> Identity:
    """The Teams user: the AAD object id when Teams gives one."""
    sender = activity.from_
    return Identity("teams", sender.aad_object_id or sender.id, sender.name)


def remember(core: Core, activity) -> None:
    """Store the conversation reference: the digest and nudges are sent there later."""
    conversation = activity.conversation
    if not activity.service_url or not conversation or not conversation.id:
        return
    core.store.save_conversation(
        "teams",
        conversation.id,
        activity.service_url,
        conversation_type=conversation.conversation_type,
        tenant_id=conversation.tenant_id,
        user_id=activity.from_.aad_object_id
        if conversation.conversation_type == "personal"
        else None,
        user_name=activity.from_.name if conversation.conversation_type == "personal" else None,
    )


def register(app: App, core: Core) -> None:
    """Message, install and conversation-update handlers."""

    @app.on_message
    async def on_message(ctx: ActivityContext[MessageActivity]) -> None:
        activity = ctx.activity
        if activity.id and not core.store.claim(f"teams:activity:{activity.id}"):
            return  # a re-delivered activity: already answered
        remember(core, activity)
        who = identity(activity)
        try:
            reply = handle_message(core, who, activity)
        except Exception:
            logger.exception("Teams message failed")
            reply = cards.text_message(m.say("error_generic", "ja"))
        await ctx.send(reply)

    @app.on_install_add
    async def on_install(ctx: ActivityContext[InstallUpdateActivity]) -> None:
        remember(core, ctx.activity)

    @app.on_conversation_update
    async def on_conversation_update(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        remember(core, ctx.activity)


def handle_message(core: Core, who: Identity, activity):
    """The reply to one message (text or card submit)."""
    value = activity.value if isinstance(getattr(activity, "value", None), dict) else None
    if value and value.get("action") == cards.UPDATE_ACTION:
        return submit_form(core, who, value, activity)
    text = clean(MENTION.sub(" ", activity.text or ""))
    cmd = parse_command(text)
    lang = command_language(cmd.args or text)
    try:
        if cmd.name == "update" and not cmd.args:
            projects = core.my_projects(who)
            if not projects:
                return cards.text_message(m.say("update_modal_none", lang))
            return cards.update_form(projects, FiscalYear.of(core.clock()), lang)
        if cmd.name == "update":
            result = core.update(
                who,
                cmd.args,
                channel=activity.conversation.id,
                request_id=activity.id,
                dedupe_key=f"teams:update:{activity.id}",
            )
            return cards.text_message(done_text(result.entry, result.project, lang))
        if cmd.name == "history":
            history = core.history(cmd.args)
            lines = [
                m.say(
                    "history_title",
                    lang,
                    project=f"No{history.project.no} {history.project.name}",
                    n=len(history.entries),
                )
            ]
            lines += [entry_line(e, lang) for e in history.entries]
            return cards.text_message("\n\n".join(lines))
        if cmd.name == "retract":
            original, _ = core.retract(who, cmd.args)
            return cards.text_message(
                m.say(
                    "retract_done",
                    lang,
                    id=original.id,
                    project=m.entry_project(original.project_no, original.project_key),
                )
            )
        if cmd.name == "nudges":
            choice = cmd.args.strip().lower()
            if choice not in ("on", "off"):
                raise UserError("nudges_usage")
            core.store.set_nudges("teams", who.user_id, choice == "on")
            return cards.text_message(m.say("nudges_on" if choice == "on" else "nudges_off", lang))
    except UserError as error:
        return cards.text_message(m.error_text(error, lang))
    question = text if cmd.name == "ask" else (text or "ヘルプ")
    return cards.answer_message(core.ask(question))


def submit_form(core: Core, who: Identity, value: dict, activity):
    """The update form's submit: validate, authorize, append once per form."""
    lang = value.get("lang") or "ja"
    project = core.project(str(value.get("project") or ""))
    if project is None:
        return cards.text_message(
            m.say("update_no_project", lang, reference=value.get("project") or "-")
        )
    try:
        result = core.submit_update(
            who,
            project,
            str(value.get("text") or ""),
            fiscal_year=value.get("year") or None,
            initiative=(str(value.get("initiative") or "").strip() or None),
            channel=activity.conversation.id,
            request_id=activity.id,
            dedupe_key=f"teams:form:{value.get('form') or activity.id}",
        )
    except UserError as error:
        return cards.text_message(m.error_text(error, lang))
    return cards.text_message(done_text(result.entry, project, lang))


def done_text(entry, project, lang: str) -> str:
    """The confirmation of a recorded entry."""
    return m.update_done(entry, f"No{project.no}", lang)
