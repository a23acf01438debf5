"""What a request to /slack/events must look like before Bolt sees it.

Bolt parses bodies and headers assuming Slack sent them: invalid JSON, a `payload=` that is not
JSON, bytes that are not UTF-8 or a timestamp header that is not a number raise inside it and
became 500s with tracebacks. Here each becomes a short reason, answered with 400.

The request is parsed once (#25): Bolt's own BoltRequest is built here, its body checked, and
that same request is what Bolt dispatches. Only a body Bolt cannot read is read again, to say why.
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


# The types Slack sends for the top-level fields Bolt's middleware and matchers index into.
# Null is allowed wherever Slack sends it (enterprise, team and channel are null in many
# payloads); an event or a view that is there must be an object.
OBJECTS = ("view", "message", "container", "enterprise", "state", "bot_profile")
OBJECTS_OR_IDS = ("team", "user", "channel")
STRINGS = ("type", "command", "callback_id", "action_id", "block_id", "trigger_id", "text",
           "team_id", "user_id", "channel_id", "enterprise_id", "api_app_id", "response_url",
           "event_id", "token", "challenge", "value")  # fmt: skip
EVENT_STRINGS = ("type", "subtype", "text", "bot_id", "thread_ts", "ts", "channel_type", "tab",
                 "event_ts")  # fmt: skip


def _typed(body: dict, objects=(), objects_or_ids=(), strings=(), where: str = "") -> str | None:
    for key in objects:
        if body.get(key) is not None and not isinstance(body[key], dict):
            return f"{where}{key} is not an object"
    for key in objects_or_ids:
        if body.get(key) is not None and not isinstance(body[key], dict | str):
            return f"{where}{key} is neither an object nor an id"
    for key in strings:
        if body.get(key) is not None and not isinstance(body[key], str):
            return f"{where}{key} is not a string"
    return None


def _shape_problem(body: dict) -> str | None:
    """Fields Bolt's matchers index into must have the types Slack sends."""
    for key in ("event", "view"):  # Bolt reads these whenever the key is there
        if key in body and not isinstance(body[key], dict):
            return f"{key} is not an object"
    problem = _typed(body, OBJECTS, OBJECTS_OR_IDS, STRINGS)
    if problem:
        return problem
    for key in ("actions", "authorizations", "blocks"):
        items = body.get(key, [])
        if not (isinstance(items, list) and all(isinstance(a, dict) for a in items)):
            return f"{key} is not a list of objects"
    for action in body.get("actions", []):
        problem = _typed(action, (), (), ("type", "action_id", "block_id", "value"), "action.")
        if problem:
            return problem
    for nested, where in ((body.get("event"), "event."), (body.get("message"), "message.")):
        if isinstance(nested, dict):
            problem = _typed(
                nested, ("message", "view"), ("channel", "user", "team"), EVENT_STRINGS, where
            )
            if problem:
                return problem
    for nested, where in ((body.get("team"), "team."), (body.get("user"), "user.")):
        if isinstance(nested, dict):
            problem = _typed(nested, (), (), ("id", "name", "team_id", "enterprise_id"), where)
            if problem:
                return problem
    view = body.get("view")
    if isinstance(view, dict):
        problem = _typed(view, ("state",), (), ("id", "callback_id", "private_metadata", "type",
                                                "external_id", "hash", "team_id"), "view.")  # fmt: skip
        if problem:
            return problem
    return _view_problem(body)


def headers_of(environ: dict) -> dict[str, str]:
    """The request's headers as Bolt's WSGI adapter names them (content-type, x-slack-…)."""
    headers = {}
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers[key[5:].lower().replace("_", "-")] = value
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            headers[key.lower().replace("_", "-")] = value
    return headers


def slack_request(environ: dict, raw: bytes) -> tuple[BoltRequest | None, str | None]:
    """The request as Bolt will dispatch it, or why it cannot be a Slack request (a short
    reason)."""
    timestamp = environ.get(TIMESTAMP)
    if timestamp is not None and not (timestamp.isascii() and timestamp.strip().isdigit()):
        return None, "X-Slack-Request-Timestamp is not a number"
    if timestamp is not None and len(timestamp.strip()) > 12:
        return None, "X-Slack-Request-Timestamp is out of range"
    signature = environ.get(SIGNATURE)
    if signature is not None and not signature.isascii():
        return None, "X-Slack-Signature is not ASCII"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "body is not UTF-8"
    try:  # Bolt's own reading: the body, and the ids (team, user, channel…) it takes from it
        request = BoltRequest(
            body=text, query=environ.get("QUERY_STRING") or None, headers=headers_of(environ)
        )
    except Exception:  # any shape it cannot read is a malformed request, not our failure
        try:
            body = _parsed(text, environ.get("CONTENT_TYPE"))
        except ValueError as error:
            return None, str(error)
        if not isinstance(body, dict):
            return None, "body is not a JSON object"
        return None, _shape_problem(body) or "body has an unexpected shape"
    if not isinstance(request.body, dict):
        return None, "body is not a JSON object"
    problem = _shape_problem(request.body)
    return (None, problem) if problem else (request, None)
