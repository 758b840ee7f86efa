"""The division-scoped REST API: routes `/api/v1/{division}/…` calls to their handlers.

`handle_rest` runs after authentication and rate limiting (S1's app); it knows
only the data. Paths are matched case-insensitively, as Exact does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import odata_error
from .http import Response, RestRequest
from .odata.errors import ODataError
from .odata.query import parse_options
from .resources import accounts, items, sales_orders
from .resources.catalog import ENDPOINTS, Endpoint
from .resources.collection import read_collection
from .resources.context import CallContext
from .resources.divisions import read_divisions
from .resources.entity import count_rows, read_entity, read_navigation
from .resources.sync_feed import read_sync

_KEYED_RE = re.compile(r"^(?P<path>[^()]+)\((?P<key>[^()]*)\)(?:/(?P<nav>[A-Za-z]+))?/?$")
_POST = {"logistics/items": items.post_item, "crm/accounts": accounts.post_account,
         "salesorder/salesorders": sales_orders.post_sales_order}  # fmt: skip
_BY_KEY: dict[tuple[str, str], Callable] = {
    ("PUT", "logistics/items"): items.put_item,
    ("DELETE", "logistics/items"): items.delete_item,
    ("PUT", "crm/accounts"): accounts.put_account,
    ("DELETE", "crm/accounts"): accounts.delete_account,
    ("PUT", "salesorder/salesorders"): sales_orders.put_sales_order,
    ("DELETE", "salesorder/salesorders"): sales_orders.delete_sales_order,
}


def handle_rest(state, req: RestRequest) -> Response:
    """Answer one API call for `state.divisions[req.division]` (spec §3, §4, §5)."""
    try:
        return _dispatch(state, req)
    except ODataError as error:
        return odata_error(error.status, error.message)


def _dispatch(state, req: RestRequest) -> Response:
    path, key, nav, count = _split(req.resource)
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
        return _POST[endpoint.path.lower()](ctx, endpoint)
    if method != "GET":
        return _BY_KEY[(method, endpoint.path.lower())](ctx, endpoint, key)
    return _get(ctx, endpoint, key, nav, count)


def _get(ctx: CallContext, endpoint: Endpoint, key, nav, count: bool) -> Response:
    options = parse_options(ctx.req.query)
    if not endpoint.table:
        return read_divisions(ctx, endpoint, options)
    table = getattr(ctx.division, endpoint.table)
    if count:
        return count_rows(table, endpoint, options)
    if key is not None and nav:
        return read_navigation(ctx, endpoint, table, key, nav)
    if key is not None:
        return read_entity(ctx, endpoint, table, key, options)
    if endpoint.kind == "sync":
        return read_sync(ctx, endpoint, table, options)
    return read_collection(ctx, endpoint, table, options)


def _split(resource: str) -> tuple[str, str | None, str | None, bool]:
    """(path, key text, navigation property, is $count) of a resource string."""
    resource = resource.strip("/")
    keyed = _KEYED_RE.match(resource)
    if keyed:
        return keyed["path"], keyed["key"], keyed["nav"], False
    if resource.endswith("/$count"):
        return resource[: -len("/$count")], None, None, True
    return resource, None, None, False
