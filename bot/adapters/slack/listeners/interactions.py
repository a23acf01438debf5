"""Buttons and the update form: share an answer, open the form, submit it."""

from __future__ import annotations

import json
import logging
import re

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import messages as m
from bot.adapters.slack import blocks
from bot.adapters.slack.deliveries import Deliveries, Payload, payload
from bot.adapters.slack.listeners.command import open_update_modal
from bot.adapters.slack.listeners.common import identity, lang_of, named
from bot.commands.reply import Reply
from bot.errors import StoreUnavailable, UserError
from bot.fiscal_year import FiscalYear
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


def register(app: App, core: Core, deliveries: Deliveries) -> None:
    """Share button, open-form button, form submission."""

    def share(ack: Ack, body: dict, action: dict, respond: Respond) -> None:
        ack()
        # One post per click: a replayed (or retried) request of the same click posts nothing
        # again. Slack gives each click its own trigger id and action time.
        click = body.get("trigger_id") or action.get("action_ts") or ""
        try:
            first = core.store.claim(f"slack:share:{click}:{identity(body).user_id}")
        except StoreUnavailable:  # a store that cannot take writes: shared all the same
            first = True
        if not first:
            logger.info("share click replayed: not posted again")
            return
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
        meta = view_metadata(view)
        values = view["state"]["values"]
        text = chosen(values, "text", "value").strip()
        lang = meta.get("lang") if meta.get("lang") in ("ja", "en") else lang_of(text)
        project_key = chosen(values, "project", "selected_option")
        year = chosen(values, "year", "selected_option") or None
        initiative = chosen(values, "initiative", "value").strip() or None
        project = core.project(project_key)
        who = identity(body)
        if year is None or FiscalYear.try_parse(year) is not None:
            # The author is recorded by the name people see (the payload's `username` is a
            # handle); a submission refused anyway (a forged year) asks Slack nothing.
            who = named(who, client)
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
        channel = meta.get("channel") if isinstance(meta.get("channel"), str) else None
        key = f"slack:view:{view.get('id')}"
        try:
            # One view id is one submission: a double click appends once. The entry and its
            # confirmation are written together, so a server that dies before posting it
            # leaves the confirmation to the next one.
            with core.store.transaction():
                result = core.submit_update(
                    who,
                    project,
                    text,
                    fiscal_year=year,
                    initiative=initiative,
                    channel=channel,
                    request_id=f"view:{view.get('id')}",
                    dedupe_key=key,
                )
                owed = confirmation(result.entry, channel, lang) if result.created else None
                if owed is not None:
                    deliveries.owe(f"{key}:confirmed", owed)
        except UserError as error:
            field = ERROR_FIELD.get(error.key, "text")
            ack(response_action="errors", errors={field: m.error_text(error, lang)})
            return
        except Exception:  # shown in the form, which stays open with what was typed
            logger.exception("update form submission failed")
            ack(response_action="errors", errors={"text": m.say("error_generic", lang)})
            return
        ack()
        if owed is not None:
            deliveries.send_later(f"{key}:confirmed", owed)

    app.action(blocks.SHARE_ACTION)(share)
    # Nudges carry one button per project (action ids must differ within a message).
    app.action(re.compile(rf"^{blocks.OPEN_UPDATE_ACTION}(:.*)?$"))(open_form)
    app.view(blocks.UPDATE_VIEW)(submit)


def view_metadata(view: dict) -> dict:
    """The form's private metadata (the channel and language it was opened with); a value
    that is not the JSON object the bot wrote is ignored, never quoted in a log."""
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def chosen(values: dict, block: str, kind: str) -> str:
    """A form field's value (typed text, or the value of the option chosen) as a string;
    anything else a forged form could put there is an empty answer."""
    field = (values.get(block) or {}).get("value") or {}
    value = field.get(kind) if isinstance(field, dict) else None
    if kind == "selected_option":
        value = value.get("value") if isinstance(value, dict) else None
    return value if isinstance(value, str) else ""


def confirmation(entry, channel: str | None, lang: str) -> Payload:
    """The confirmation of an entry from the form, in the channel the form was opened from
    (else the author's DM); a refused post is told in their DM, saying it is recorded."""
    reply = Reply(
        lang, m.update_done(entry, m.entry_project(entry.project_no, entry.project_key), lang)
    )
    note = m.say("update_recorded_not_posted", lang, id=entry.id, why="")
    args = {
        "channel": channel or entry.author_id,
        "text": blocks.reply_fallback(reply),
        "blocks": blocks.reply_blocks(reply),
    }
    return payload(reply, entry.author_id, ("chat_postMessage", args), tell=(note, reply.text))
