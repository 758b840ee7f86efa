"""GET on a plain or bulk collection: filter, order, page, project, wrap (spec §3.1-3.5)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ..data.pictures import URL_FIELDS
from ..data.table import Table
from ..http import Response, json_response
from ..odata.envelope import Projector, collection, key_literal, resolve_select
from ..odata.errors import SKIP_REFUSED, bad_request
from ..odata.filter_parser import fields_in
from ..odata.paging import literal_text, next_link, read_skiptoken
from ..odata.predicate import compile_filter, field_getter
from ..odata.query import QueryOptions
from .context import CallContext
from .endpoints import Endpoint
from .expand import expansions
from .planner import candidate_keys

SELECT_REQUIRED = "Please add a $select or a $top=1 statement to the query string."
MANDATORY = (
    "This endpoint has mandatory filtering applied. A GET request for this endpoint must have "
    "a $filter parameter with one of the following fields in the url: {}."
)


def read_collection(
    ctx: CallContext, endpoint: Endpoint, table: Table, options: QueryOptions
) -> Response:
    """One page of a collection, `__next` included when more rows match."""
    schema = endpoint.schema
    if endpoint.kind == "bulk" and options.select is None and options.top != 1:
        raise bad_request(SELECT_REQUIRED)
    _check_mandatory_filter(ctx, endpoint, options)
    if options.skip is not None and not endpoint.allows_skip:
        raise bad_request(SKIP_REFUSED)
    fields, nested = resolve_select(schema, options.select, expandable=options.expand)
    predicate = compile_filter(options.filter, schema) if options.filter else None
    limit = endpoint.page_size if options.top is None else min(endpoint.page_size, options.top)
    may_continue = options.top is None or options.top > limit
    rows, token_of = _matching(table, schema, predicate, options)
    rows = islice(rows, options.skip or 0, None)  # legacy `$skip`; __next drops it (paging.py)
    page = list(islice(rows, limit))
    more = may_continue and next(rows, None) is not None
    count = _count(table, schema, predicate, options) if options.inlinecount else None
    projector = Projector(
        schema, fields, entity_uri=ctx.entity_uri(endpoint.path), base=ctx.base,
        url_fields=URL_FIELDS, expanded=expansions(ctx, endpoint, options, nested),
    )  # fmt: skip
    next_url = None
    if more:
        replace = {"skiptoken": token_of(page[-1])}
        if options.top is not None:
            replace["top"] = str(options.top - limit)
        req = ctx.req
        next_url = next_link(ctx.base, ctx.division.code, req.resource, req.query, **replace)
    plain = (
        options.top is not None
        and options.top <= ctx.setting("plain_envelope_top", 60)
        and not options.inlinecount
    )
    payload = collection([projector(row) for row in page], next_url=next_url, count=count,
                         plain=plain)  # fmt: skip
    return json_response(200, payload)


def _check_mandatory_filter(ctx: CallContext, endpoint: Endpoint, options: QueryOptions) -> None:
    if not endpoint.mandatory_filter or not ctx.setting("mandatory_filtering", True):
        return
    if options.filter is None or not fields_in(options.filter) & set(endpoint.mandatory_filter):
        raise bad_request(MANDATORY.format(", ".join(endpoint.mandatory_filter)))


def _matching(table, schema, predicate, options) -> tuple[Iterator[dict], Callable]:
    """Rows after the skiptoken, in page order, and how to write a row's skiptoken."""
    candidates = candidate_keys(options.filter, table)
    token = read_skiptoken(options.skiptoken) if options.skiptoken else None
    if options.orderby:
        return _ordered(table, schema, predicate, candidates, options.orderby, token)
    last_key = token[-1] if token else None
    if candidates is not None:
        keys: Iterable = sorted(k for k in candidates if last_key is None or k > last_key)
    else:
        keys = islice(table.keys, table.after_key(last_key), None)
    rows: Iterator[dict] = (table.rows[key] for key in keys if key in table.rows)
    if predicate is not None:
        rows = filter(predicate, rows)
    return rows, lambda row: key_literal(schema, row[schema.key])


def _ordered(table, schema, predicate, candidates, orderby, token) -> tuple[Iterator, Callable]:
    """`$orderby`: sort every match by (terms..., key); skiptoken = sort values + key."""
    getters = [(field_getter(name, schema)[0], descending) for name, descending in orderby]
    source = table if candidates is None else (table.rows[k] for k in candidates if k in table)
    rows = [row for row in source if predicate is None or predicate(row)]
    rows.sort(key=lambda row: row[schema.key])
    for getter, descending in reversed(getters):
        rows.sort(key=lambda row, g=getter: _sortable(g(row)), reverse=descending)
    start = 0
    if token is not None:
        start = next(
            (i for i, row in enumerate(rows) if _after(row, token, getters, schema)), len(rows)
        )

    def token_of(row: dict) -> str:
        parts = [literal_text(row.get(name), schema.types[name]) for name, _ in orderby]
        return ",".join([*parts, key_literal(schema, row[schema.key])])

    return iter(rows[start:]), token_of


def _sortable(value: object) -> tuple:
    return (value is not None, value)


def _after(row: dict, token: list, getters: list, schema) -> bool:
    """Whether row sorts strictly after the skiptoken position."""
    for (getter, descending), wanted in zip(getters, token, strict=False):
        mine, theirs = _sortable(getter(row)), _sortable(wanted)
        if mine != theirs:
            return (mine < theirs) if descending else (mine > theirs)
    return row[schema.key] > token[-1]


def _count(table, schema, predicate, options) -> int:
    if predicate is None:
        return len(table)
    candidates = candidate_keys(options.filter, table)
    source = table.rows.values() if candidates is None else (
        table.rows[k] for k in candidates if k in table)  # fmt: skip
    return sum(1 for row in source if predicate(row))
