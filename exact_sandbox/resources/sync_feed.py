"""GET on a `sync/` endpoint (spec §3.7): only `Timestamp gt N`, ascending, 1,000 a page."""

from __future__ import annotations

from itertools import islice

from ..data.pictures import URL_FIELDS
from ..data.table import Table
from ..http import Response, json_response
from ..odata.envelope import Projector, collection, resolve_select
from ..odata.errors import SKIP_REFUSED, bad_request
from ..odata.filter_parser import Compare, Field, Literal
from ..odata.paging import next_link, read_skiptoken
from ..odata.query import QueryOptions
from .context import CallContext
from .endpoints import Endpoint

FILTER_REFUSED = "This $filter parameter is not supported for this resource"


def read_sync(
    ctx: CallContext, endpoint: Endpoint, table: Table, options: QueryOptions
) -> Response:
    """Rows with rowversion above the filter (and the skiptoken), oldest change first."""
    if options.select == ["*"]:
        raise bad_request("$select=* is not supported for this resource.")
    if options.skip is not None:
        raise bad_request(SKIP_REFUSED)
    if options.orderby or options.expand:
        raise bad_request("$orderby and $expand are not supported for this resource.")
    fields, _ = resolve_select(endpoint.schema, options.select)
    after = _timestamp_floor(options.filter)
    if options.skiptoken:
        token = read_skiptoken(options.skiptoken)
        if len(token) != 1 or not isinstance(token[0], int):
            raise bad_request(f"Invalid $skiptoken '{options.skiptoken}'.")
        after = max(after, token[0])
    limit = endpoint.page_size if options.top is None else min(endpoint.page_size, options.top)
    rows = table.iter_since(after)
    page = list(islice(rows, limit))
    more = (options.top is None or options.top > limit) and next(rows, None) is not None
    count = sum(1 for _ in table.iter_since(after)) if options.inlinecount else None
    next_url = None
    if more:
        replace = {"skiptoken": f"{page[-1]['_ts']}L"}
        if options.top is not None:
            replace["top"] = str(options.top - limit)
        req = ctx.req
        next_url = next_link(ctx.base, ctx.division.code, req.resource, req.query, **replace)
    projector = Projector(
        endpoint.schema, fields, entity_uri=ctx.entity_uri(endpoint.path), base=ctx.base,
        url_fields=URL_FIELDS,
    )  # fmt: skip
    plain = options.top is not None and options.top <= ctx.setting("plain_envelope_top", 60)
    payload = collection([projector(row) for row in page], next_url=next_url, count=count,
                         plain=plain and not options.inlinecount)  # fmt: skip
    return json_response(200, payload)


def _timestamp_floor(node: object | None) -> int:
    """N of `Timestamp gt N` (N or NL); anything else is refused as Exact does."""
    if node is None:
        return 0
    if (
        isinstance(node, Compare)
        and node.op == "gt"
        and isinstance(node.left, Field)
        and node.left.name == "Timestamp"
        and isinstance(node.right, Literal)
        and node.right.kind in ("Int32", "Int64")
    ):
        return int(node.right.value)  # type: ignore[arg-type]
    raise bad_request(FILTER_REFUSED)
