"""What a request to /slack/events must look like before Bolt sees it.

Bolt parses bodies and headers assuming Slack sent them: invalid JSON, a `payload=` that is not
JSON, bytes that are not UTF-8 or a timestamp header that is not a number raise inside it and
became 500s with tracebacks. Here each becomes a short reason, answered with 400.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from slack_bolt.request import BoltRequest

TIMESTAMP = "HTTP_X_SLACK_REQUEST_TIMESTAMP"
SIGNATURE = "HTTP_X_SLACK_SIGNATURE"


def _parsed(text: str, content_type: str | None) -> object:
    """The body as Bolt will read it (slack_bolt.request.internals.parse_body's rules)."""
    if not text:
        return {}
    if content_type == "application/json" or text.startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            raise ValueError("body is not valid JSON") from None
    form = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in text and "payload" in form:
        try:
            return json.loads(form["payload"])
        except ValueError:
            raise ValueError("payload is not valid JSON") from None
    return form


def _view_problem(body: dict) -> str | None:
    """A view submission or closing must carry its view (and a submission its state)."""
    if body.get("type") not in ("view_submission", "view_closed"):
        return None
    view = body.get("view")
    if not isinstance(view, dict):
        return "view payload without a view"
    if body["type"] == "view_submission":
        state = view.get("state")
        if not isinstance(state, dict) or not isinstance(state.get("values"), dict):
            return "view submission without state"
    return None


def _shape_problem(body: dict) -> str | None:
    """Fields Bolt's matchers index into must have the types Slack sends."""
    for key in ("event", "view", "message", "container", "channel", "user", "team"):
        if key in body and body[key] is not None and not isinstance(body[key], dict | str):
            return f"{key} has an unexpected type"
    if "event" in body and not isinstance(body["event"], dict | type(None)):
        return "event is not an object"
    for key in ("type", "command", "callback_id", "action_id", "block_id"):
        if key in body and body[key] is not None and not isinstance(body[key], str):
            return f"{key} is not a string"
    actions = body.get("actions")
    if actions is not None and not (
        isinstance(actions, list) and all(isinstance(a, dict) for a in actions)
    ):
        return "actions is not a list of objects"
    event = body.get("event")
    if isinstance(event, dict):
        for key in ("type", "subtype", "text", "channel", "user", "bot_id", "thread_ts", "ts"):
            if key in event and event[key] is not None and not isinstance(event[key], str):
                return f"event.{key} is not a string"
    return _view_problem(body)


def malformed(environ: dict, raw: bytes) -> str | None:
    """Why this request cannot be a Slack request (a short reason), or None."""
    timestamp = environ.get(TIMESTAMP)
    if timestamp is not None and not (timestamp.isascii() and timestamp.strip().isdigit()):
        return "X-Slack-Request-Timestamp is not a number"
    if timestamp is not None and len(timestamp.strip()) > 12:
        return "X-Slack-Request-Timestamp is out of range"
    signature = environ.get(SIGNATURE)
    if signature is not None and not signature.isascii():
        return "X-Slack-Signature is not ASCII"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    try:
        body = _parsed(text, environ.get("CONTENT_TYPE"))
    except ValueError as error:
        return str(error)
    if not isinstance(body, dict):
        return "body is not a JSON object"
    problem = _shape_problem(body)
    if problem:
        return problem
    try:  # Bolt's own reading of ids (team, user, channel, enterprise) from the body
        BoltRequest(body=text, headers={"content-type": environ.get("CONTENT_TYPE", "")})
    except Exception:  # any shape it cannot read is a malformed request, not our failure
        return "body has an unexpected shape"
    return None
