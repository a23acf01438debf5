"""The Teams app: questions, updates (text or card form), history, retract — over the core.

Built by a factory like the Slack app; handlers only translate activities into core calls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from microsoft_teams.api import ConversationUpdateActivity, InstallUpdateActivity, MessageActivity
from microsoft_teams.api.auth.cloud_environment import CloudEnvironment
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.http import FastAPIAdapter

from bot import messages as m
from bot.adapters.teams import cards, replies
from bot.adapters.teams.text import from_teams, own_mentions, user_text
from bot.commands.dispatch import handle
from bot.commands.parse import command_language
from bot.commands.reply import shown_to_all
from bot.errors import StoreUnavailable, UserError
from bot.fiscal_year import FiscalYear
from bot.service import Core
from bot.settings import Settings
from bot.updates import Identity, delivery_key

logger = logging.getLogger(__name__)


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
    channel_data = getattr(activity, "channel_data", None)
    team = getattr(channel_data, "team", None)
    tenant = getattr(channel_data, "tenant", None)
    core.store.save_conversation(
        "teams",
        conversation.id,
        activity.service_url,
        conversation_type=conversation.conversation_type,
        tenant_id=conversation.tenant_id or getattr(tenant, "id", None),
        # Microsoft Graph knows a team by its AAD group id: the digest reads its channel back.
        team_id=getattr(team, "id", None),
        team_aad_group_id=getattr(team, "aad_group_id", None),
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
        try:
            # An activity id is unique within its conversation only: the key names both.
            if activity.id and not core.store.claim(
                f"teams:activity:{conversation_of(activity)}:{activity.id}"
            ):
                return  # a re-delivered activity: already answered
            remember(core, activity)
        except StoreUnavailable:
            # A store that cannot take writes still answers questions; an update is refused
            # below, saying that nothing was recorded.
            logger.warning("Teams activity served without its delivery claim (store)")
        who = identity(activity)
        lang = command_language(activity.text or "")
        try:
            messages, private = handle_message(core, who, activity)
        except Exception:
            logger.exception("Teams message failed")
            messages, private = [replies.plain(m.say("error_generic", lang))], False
        kind = activity.conversation.conversation_type if activity.conversation else None
        if private and kind not in (None, "personal"):
            # Teams has no ephemeral messages: a private reply goes to the person's own chat
            # with the bot when there is one, else to the thread with a note that says so.
            chat = core.store.personal_conversation("teams", who.user_id)
            if chat is not None:
                try:
                    for reply in messages:
                        await app.send(
                            chat["conversation_id"], reply, service_url=chat["service_url"]
                        )
                except Exception:
                    logger.exception("could not send a private reply to the personal chat")
                else:
                    await ctx.send(replies.plain(m.say("teams_sent_to_personal_chat", lang)))
                    return
            messages = [replies.plain(m.say("teams_private_in_thread", lang)), *messages]
        for reply in messages:
            try:
                await ctx.send(reply)
            except Exception:
                # Refused by Teams (too large, throttled…): the person still hears something.
                logger.exception("Teams refused a reply")
                await ctx.send(replies.plain(m.say("teams_send_failed", lang)))
                return

    @app.on_install_add
    async def on_install(ctx: ActivityContext[InstallUpdateActivity]) -> None:
        remember(core, ctx.activity)

    @app.on_conversation_update
    async def on_conversation_update(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        remember(core, ctx.activity)


def handle_message(core: Core, who: Identity, activity) -> tuple[list, bool]:
    """The replies to one message (typed text, or a card's submit), and whether they are for
    the sender only (the command table's visibility, as on Slack: see `shown_to_all`)."""
    value = activity.value if isinstance(getattr(activity, "value", None), dict) else None
    if value and value.get("action") == cards.UPDATE_ACTION:
        return [submit_form(core, who, value, activity)], False
    text = from_teams(activity.text, own_mentions(activity), getattr(activity, "text_format", None))
    conversation = conversation_of(activity)
    _, reply = handle(
        core,
        who,
        text,
        channel=activity.conversation.id,
        request_id=activity.id,
        dedupe_key=delivery_key(
            "teams:update",
            f"{conversation}:{activity.id}" if activity.id else None,
            who.user_id,
            conversation,
            text,
        ),
    )
    return replies.render(reply, FiscalYear.of(core.clock())), not shown_to_all(reply)


def submit_form(core: Core, who: Identity, value: dict, activity):
    """The update form's submit: validate, authorize, append once per form."""
    lang = value.get("lang") or "ja"
    project = core.project(str(value.get("project") or ""))
    if project is None:
        return replies.plain(
            m.say("update_no_project", lang, reference=value.get("project") or "-")
        )
    text = user_text(str(value.get("text") or ""))  # the same cleaning as typed text
    year = str(value.get("year") or "") or None
    initiative = user_text(str(value.get("initiative") or "")) or None
    try:
        result = core.submit_update(
            who,
            project,
            text,
            fiscal_year=year,
            initiative=initiative,
            channel=activity.conversation.id,
            request_id=activity.id,
            # One submission, not one card: a double click (the same person sending the same
            # values from the same card) appends once, while new text, or another owner using
            # a card posted in a channel, is a new entry.
            dedupe_key=delivery_key(
                "teams:form",
                None,
                str(value.get("form") or activity.id or ""),
                who.user_id,
                project.key,
                year,
                initiative,
                text,
            ),
        )
    except UserError as error:
        return replies.plain(m.error_text(error, lang))
    return replies.plain(done_text(result.entry, project, lang))


def conversation_of(activity) -> str:
    """The id of the conversation an activity came from ("" when it names none)."""
    conversation = getattr(activity, "conversation", None)
    return (conversation.id if conversation else None) or ""


def done_text(entry, project, lang: str) -> str:
    """The confirmation of a recorded entry."""
    return m.update_done(entry, m.entry_project(project.no, project.key), lang)
