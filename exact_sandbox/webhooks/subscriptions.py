"""`webhooks/WebhookSubscriptions`: GET, POST, DELETE; no PUT (spec §4.10).

An app sees only its own subscriptions. One subscription per topic per division per app
(reported, UNCONFIRMED): a second one is refused. Exact wants an HTTPS callback; the sandbox
also takes plain HTTP to a loopback host, so tests can run a local receiver.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..data.division import new_guid
from ..errors import empty
from ..http import Response, json_response
from ..odata.errors import ODataError, bad_request
from ..odata.values import date_value
from ..resources.context import CallContext
from ..resources.payload import read_body
from .hub import VALIDATION_DELAY, hub_for
from .signing import TOPIC_PATHS

PATH = "webhooks/WebhookSubscriptions"
# Exact has ~30 topics (spec §4.10, §9.7); the sandbox sends notices for these only.
TOPICS = frozenset(TOPIC_PATHS)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def handle_subscriptions(ctx: CallContext, key: str | None) -> Response:
    """Answer one call on the subscriptions resource."""
    method = ctx.req.method.upper()
    if method == "GET":
        return _read(ctx, key)
    if method == "POST" and key is None:
        return _create(ctx)
    if method == "DELETE" and key is not None:
        return _delete(ctx, key)
    raise ODataError(405, f"The method '{method}' is not allowed on '{PATH}'.")


def _own(ctx: CallContext) -> list[dict]:
    subs = ctx.division.webhook_subscriptions.values()
    return [row for row in subs if row["ClientID"] == ctx.req.client_id]


def _find(ctx: CallContext, key: str) -> dict:
    wanted = key.removeprefix("guid").strip("'{}").lower()
    for row in _own(ctx):
        if row["ID"] == wanted:
            return row
    raise ODataError(404, "Object not found.")


def _public(ctx: CallContext, row: dict) -> dict:
    uri = f"{ctx.entity_uri(PATH)}(guid'{row['ID']}')"
    fields = {name: value for name, value in row.items() if not name.startswith("_")}
    return {"__metadata": {"uri": uri, "type": "Exact.Web.Api.Models.Webhooks.WebhookSubscription"},
            **fields}  # fmt: skip


def _read(ctx: CallContext, key: str | None) -> Response:
    if key is not None:
        return json_response(200, {"d": _public(ctx, _find(ctx, key))})
    return json_response(200, {"d": {"results": [_public(ctx, row) for row in _own(ctx)]}})


def _create(ctx: CallContext) -> Response:
    body = read_body(ctx.req.body)
    topic, callback = body.get("Topic"), body.get("CallbackURL")
    if not topic or not callback:
        raise bad_request("Mandatory: " + ("Topic" if not topic else "CallbackURL"))
    if topic not in TOPICS:
        raise bad_request(f"Topic not supported: {topic}")
    _check_callback(str(callback))
    if any(row["Topic"] == topic for row in _own(ctx)):
        raise bad_request(f"A subscription for topic {topic} already exists.")
    row = _row(ctx, str(topic), str(callback), str(body.get("Description") or ""))
    division = ctx.division
    division.webhook_subscriptions[row["ID"]] = row
    hub = hub_for(ctx.state)
    division.change_listener = hub.division_changed
    hub.enqueue(row["CallbackURL"], b"", delay=VALIDATION_DELAY)
    return json_response(201, {"d": _public(ctx, row)})


def _row(ctx: CallContext, topic: str, callback: str, description: str) -> dict:
    division = ctx.division
    return {
        "ID": new_guid(division.rng), "CallbackURL": callback, "ClientID": ctx.req.client_id,
        "Created": date_value(ctx.now), "Creator": division.user_id,
        "CreatorFullName": division.user_name, "Description": description,
        "Division": division.code, "IsInstant": False, "Topic": topic,
        "UserID": ctx.req.username, "_base_url": ctx.base,
    }  # fmt: skip


def _delete(ctx: CallContext, key: str) -> Response:
    row = _find(ctx, key)
    del ctx.division.webhook_subscriptions[row["ID"]]
    return empty(204)


def _check_callback(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return
    raise bad_request("The callback URL must be an absolute https:// URL.")
