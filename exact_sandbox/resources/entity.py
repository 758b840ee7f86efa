"""GET of one entity by key, of its navigation collection, and of `$count`."""

from __future__ import annotations

from ..data.pictures import URL_FIELDS
from ..data.table import Table
from ..http import Response, json_response
from ..odata.envelope import Projector, collection, resolve_select
from ..odata.errors import ODataError, bad_request
from ..odata.paging import read_skiptoken
from ..odata.predicate import compile_filter
from ..odata.query import QueryOptions
from .context import CallContext
from .document_lines import lines_expander, lines_of
from .endpoints import Endpoint
from .expand import expansions


def parse_key(text: str) -> object:
    """The value inside `Entity(…)`: `guid'…'` (lower-cased), a number or `123L`."""
    values = read_skiptoken(text) if text else []
    if len(values) != 1:
        raise bad_request(f"Bad Request - Error in query syntax: invalid key '{text}'.")
    return values[0]


def find_row(table: Table, endpoint: Endpoint, key_text: str) -> dict:
    """The row with that key, or 404 as Exact answers for unknown keys (spec §5.2)."""
    row = table.get(parse_key(key_text))  # type: ignore[arg-type]
    if row is None:
        segment = endpoint.path.rsplit("/", 1)[-1]
        raise ODataError(404, f"Resource not found for the segment '{segment}'.")
    return row


def read_entity(
    ctx: CallContext, endpoint: Endpoint, table: Table, key_text: str, options: QueryOptions
) -> Response:
    """`{"d": {...}}` for `Entity(guid'…')`, honouring `$select` and `$expand`."""
    row = find_row(table, endpoint, key_text)
    fields, nested = resolve_select(endpoint.schema, options.select, expandable=options.expand)
    projector = Projector(
        endpoint.schema, fields, entity_uri=ctx.entity_uri(endpoint.path), base=ctx.base,
        url_fields=URL_FIELDS, expanded=expansions(ctx, endpoint, options, nested),
    )  # fmt: skip
    return json_response(200, {"d": projector(row)})


def read_navigation(
    ctx: CallContext, endpoint: Endpoint, table: Table, key_text: str, nav: str
) -> Response:
    """`SalesOrders(guid'…')/SalesOrderLines`: the deferred link of an order's lines."""
    document_lines = lines_of(endpoint.schema, nav)
    if document_lines is None:
        raise ODataError(404, f"Resource not found for the segment '{nav}'.")
    row = find_row(table, endpoint, key_text)
    lines = lines_expander(ctx, document_lines, None)(row)
    return json_response(200, collection(lines, next_url=None, count=None, plain=False))


def count_rows(table: Table, endpoint: Endpoint, options: QueryOptions) -> Response:
    """`…/$count`: a bare number, no JSON (spec §3.3)."""
    if options.filter is None:
        total = len(table)
    else:
        predicate = compile_filter(options.filter, endpoint.schema)
        total = sum(1 for row in table.rows.values() if predicate(row))
    return Response(200, str(total).encode(), [("Content-Type", "text/plain; charset=utf-8")])


def account_row(division, account_id: object, field: str = "Account") -> dict:
    """The account a posted reference names; a 400 when it is missing or unknown."""
    if not account_id:
        raise bad_request(f"Mandatory: {field}")
    account = division.accounts.get(account_id)  # type: ignore[arg-type]
    if account is None:
        raise bad_request(f"{field}: account {account_id} does not exist.")
    return account
