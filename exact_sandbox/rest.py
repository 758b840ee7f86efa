"""The division-scoped REST API: routes `/api/v1/{division}/…` calls to their handlers.

`handle_rest` runs after authentication and rate limiting (S1's app); it knows
only the data. Paths are matched case-insensitively, as Exact does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import orjson

from .errors import odata_error
from .http import Response, RestRequest
from .odata.errors import ODataError
from .odata.property_check import refuse_unknown_properties
from .odata.query import parse_options
from .resources import accounts, addresses, items, sales_orders
from .resources.accept_quotation import post_accept_quotation
from .resources.bulk_filters import refuse_unlisted_filters
from .resources.collection import read_collection
from .resources.context import CallContext
from .resources.crm_posts import post_contact
from .resources.endpoints import ENDPOINTS, Endpoint
from .resources.entity import count_rows, read_entity, read_navigation
from .resources.order_line_post import post_order_line
from .resources.quotations import delete_quotation, post_quotation
from .resources.sync_feed import read_sync
from .resources.tables import table_for
from .resources.user_rights import PATH as USER_RIGHTS_PATH
from .resources.user_rights import read_user_has_rights
from .webhooks.subscriptions import PATH as WEBHOOKS_PATH
from .webhooks.subscriptions import handle_subscriptions

_KEYED_RE = re.compile(r"^(?P<path>[^()]+)\((?P<key>[^()]*)\)(?:/(?P<nav>[A-Za-z]+))?/?$")
_POST = {"logistics/items": items.post_item, "crm/accounts": accounts.post_account,
         "salesorder/salesorders": sales_orders.post_sales_order,
         "salesorder/salesorderlines": post_order_line, "crm/addresses": addresses.post_address,
         "crm/quotations": post_quotation, "crm/contacts": post_contact,
         "crm/acceptquotation": post_accept_quotation}  # fmt: skip
# Webhook topics of the writes that do not pass DivisionData.touch/delete_* (spec §4.10).
_CREATE_TOPICS = {"logistics/items": ("Items", "ID"), "crm/accounts": ("Accounts", "ID"),
                  "salesorder/salesorders": ("SalesOrders", "OrderID")}  # fmt: skip
_BY_KEY: dict[tuple[str, str], Callable] = {
    ("PUT", "logistics/items"): items.put_item,
    ("DELETE", "logistics/items"): items.delete_item,
    ("PUT", "crm/accounts"): accounts.put_account,
    ("DELETE", "crm/accounts"): accounts.delete_account,
    ("PUT", "salesorder/salesorders"): sales_orders.put_sales_order,
    ("DELETE", "salesorder/salesorders"): sales_orders.delete_sales_order,
    ("DELETE", "crm/quotations"): delete_quotation,
}


def handle_rest(state, req: RestRequest) -> Response:
    """Answer one API call for `state.divisions[req.division]` (spec §3, §4, §5)."""
    try:
        return _dispatch(state, req)
    except ODataError as error:
        return odata_error(error.status, error.message)


def _dispatch(state, req: RestRequest) -> Response:
    path, key, nav, count = _split(req.resource)
    if path.lower() == WEBHOOKS_PATH.lower():
        ctx = CallContext(state, req, state.divisions[req.division], state.clock.now())
        return handle_subscriptions(ctx, key)
    if path.lower() == USER_RIGHTS_PATH.lower() and key is None:
        ctx = CallContext(state, req, state.divisions[req.division], state.clock.now())
        return read_user_has_rights(ctx)
    endpoint = ENDPOINTS.get(path.lower())
    if endpoint is None:
        segment = path.rstrip("/").rsplit("/", 1)[-1]
        raise ODataError(404, f"Resource not found for the segment '{segment}'.")
    method = req.method.upper()
    keyed_write = method in ("PUT", "DELETE")
    if (
        method not in endpoint.methods
        or (keyed_write and key is None)
        or (method == "POST" and key is not None)
    ):
        raise ODataError(405, f"The method '{method}' is not allowed on '{endpoint.path}'.")
    ctx = CallContext(state, req, state.divisions[req.division], state.clock.now())
    if method == "POST":
        return _notify_created(ctx, endpoint, _POST[endpoint.path.lower()](ctx, endpoint))
    if method != "GET":
        order = _order_key(ctx, endpoint, key) if method == "DELETE" else None
        response = _BY_KEY[(method, endpoint.path.lower())](ctx, endpoint, key)
        if order and response.status < 300:
            ctx.division.changed("SalesOrders", "Delete", order, ctx.now)
        return response
    return _get(ctx, endpoint, key, nav, count)


def _get(ctx: CallContext, endpoint: Endpoint, key, nav, count: bool) -> Response:
    options = parse_options(ctx.req.query)
    table = table_for(ctx, endpoint)  # system/Divisions and read/ lists are built per call
    if count:
        return count_rows(table, endpoint, options)
    if key is not None and nav:
        return read_navigation(ctx, endpoint, table, key, nav)
    refuse_unknown_properties(endpoint.schema, options)
    refuse_unlisted_filters(endpoint, options)
    if key is not None:
        return read_entity(ctx, endpoint, table, key, options)
    if endpoint.kind == "sync":
        return read_sync(ctx, endpoint, table, options)
    return read_collection(ctx, endpoint, table, options)


def _notify_created(ctx: CallContext, endpoint: Endpoint, response: Response) -> Response:
    topic = _CREATE_TOPICS.get(endpoint.path.lower())
    if topic and response.status == 201:
        key = orjson.loads(response.body)["d"][topic[1]]
        ctx.division.changed(topic[0], "Create", key, ctx.now)
    return response


def _order_key(ctx: CallContext, endpoint: Endpoint, key_text: str) -> str | None:
    # Deleting an order bypasses DivisionData.delete_*: its notice is sent from here.
    if endpoint.path.lower() != "salesorder/salesorders":
        return None
    return key_text.removeprefix("guid").strip("'{}").lower()


def _split(resource: str) -> tuple[str, str | None, str | None, bool]:
    """(path, key text, navigation property, is $count) of a resource string."""
    resource = resource.strip("/")
    keyed = _KEYED_RE.match(resource)
    if keyed:
        return keyed["path"], keyed["key"], keyed["nav"], False
    if resource.endswith("/$count"):
        return resource[: -len("/$count")], None, None, True
    return resource, None, None, False
