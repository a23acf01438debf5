"""Buttons and the update form: share an answer, open the form, submit it."""

from __future__ import annotations

import json
import logging
import re

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.failures import attempt
from bot.adapters.slack.listeners.command import open_update_modal
from bot.adapters.slack.listeners.common import identity, lang_of, named
from bot.commands.reply import Reply
from bot.errors import UserError
from bot.service import Core

logger = logging.getLogger(__name__)

# Which form field a validation error belongs to, so Slack shows it under that field.
ERROR_FIELD = {
    "update_empty_text": "text",
    "update_too_long": "text",
    "update_unknown_initiative": "initiative",
    "update_future_year": "year",
    "update_before_start": "year",
    "update_bad_year": "year",
    "update_not_owner": "project",
    "update_no_project": "project",
}


def register(app: App, core: Core) -> None:
    """Share button, open-form button, form submission."""

    def share(ack: Ack, body: dict, action: dict, respond: Respond) -> None:
        ack()
        question = action.get("value", "")
        answer = core.ask(question)
        who = identity(body)
        shared = blocks.escape(m.say("shared_by", answer.lang, user=who.display))
        answer_blocks = blocks.answer_blocks(answer)
        answer_blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": shared}]})
        respond(
            response_type="in_channel",
            replace_original=False,
            text=blocks.fallback(answer.text),
            blocks=answer_blocks,
        )

    def open_form(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        channel = (body.get("channel") or {}).get("id")
        who = identity(body)

        def tell(text: str) -> None:  # App Home buttons have no response_url: the DM
            client.chat_postMessage(channel=who.user_id, text=blocks.fallback(text))

        open_update_modal(
            core,
            client,
            body["trigger_id"],
            who,
            channel,
            "ja",
            project_key=action.get("value"),
            tell=tell,
        )

    def submit(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        meta = json.loads(view.get("private_metadata") or "{}")
        values = view["state"]["values"]
        text = (values["text"]["value"].get("value") or "").strip()
        lang = meta.get("lang") or lang_of(text)
        project_key = ((values["project"]["value"].get("selected_option") or {}).get("value")) or ""
        year = ((values["year"]["value"].get("selected_option") or {}).get("value")) or None
        initiative = (
            values.get("initiative", {}).get("value", {}).get("value") or ""
        ).strip() or None
        project = core.project(project_key)
        who = identity(body)
        if project is None:
            ack(
                response_action="errors",
                errors={"project": m.say("update_no_project", lang, reference=project_key or "-")},
            )
            return
        if project.edition != core.store.latest_edition():
            # The form offers the latest edition's projects only; anything else was forged.
            error = m.say("update_form_other_edition", lang, project=m.short_ref(project))
            ack(response_action="errors", errors={"project": error})
            return
        try:
            # One view id is one submission: a double click appends once. The author is
            # recorded by the name people see (the payload's `username` is a handle).
            core.submit_update(
                named(who, client),
                project,
                text,
                fiscal_year=year,
                initiative=initiative,
                channel=meta.get("channel"),
                request_id=f"view:{view.get('id')}",
                dedupe_key=f"slack:view:{view.get('id')}",
            )
        except UserError as error:
            field = ERROR_FIELD.get(error.key, "text")
            ack(response_action="errors", errors={field: m.error_text(error, lang)})
            return
        except Exception:  # shown in the form, which stays open with what was typed
            logger.exception("update form submission failed")
            ack(response_action="errors", errors={"text": m.say("error_generic", lang)})
            return
        ack()

    def confirm(body: dict, view: dict, client: WebClient) -> None:
        """After the form closed: the confirmation goes to the channel (once per entry)."""
        meta = json.loads(view.get("private_metadata") or "{}")
        key = f"slack:view:{view.get('id')}"
        if not core.store.claim(f"{key}:confirmed"):
            return
        entry = core.store.entry_by_dedupe(key)
        if entry is None:
            core.store.forget_claim(f"{key}:confirmed")
            return
        lang = meta.get("lang") or "ja"
        reply = Reply(
            lang,
            m.update_done(entry, m.entry_project(entry.project_no, entry.project_key), lang),
            public=True,
        )
        channel = meta.get("channel") or entry.author_id

        def tell(why: str) -> None:
            # Stored but not announced: the author still hears it, in their DM with the bot.
            note = m.say("update_recorded_not_posted", lang, id=entry.id, why=why)
            text = f"{note}\n{reply.text}"
            client.chat_postMessage(
                channel=entry.author_id,
                text=blocks.fallback(text),
                blocks=blocks.reply_blocks(Reply(lang, text)),
            )

        attempt(
            lambda: client.chat_postMessage(
                channel=channel,
                text=blocks.reply_fallback(reply),
                blocks=blocks.reply_blocks(reply),
            ),
            tell,
            lang,
            "chat.postMessage (confirmation)",
        )

    app.action(blocks.SHARE_ACTION)(share)
    # Nudges carry one button per project (action ids must differ within a message).
    app.action(re.compile(rf"^{blocks.OPEN_UPDATE_ACTION}(:.*)?$"))(open_form)
    app.view(blocks.UPDATE_VIEW)(ack=submit, lazy=[confirm])
