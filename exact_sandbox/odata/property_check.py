"""Query options naming a property the endpoint lacks are refused first (spec §3.5, §9).

Exact (WCF Data Services) resolves every name in `$select`, `$filter`, `$orderby` and
`$expand` against the endpoint's entity type before it runs anything: a name the type
lacks is a 400 `Could not find a property named 'X' on type '…'`, whatever else is wrong
with the request (mandatory filtering, a sync endpoint's filter rules).
"""

from __future__ import annotations

from ..data.schema import Schema
from .errors import bad_request
from .filter_parser import fields_in
from .query import QueryOptions


def named_properties(options: QueryOptions) -> list[str]:
    """Every property a request's query options name, in the order they name them."""
    names = [name.partition("/")[0] for name in options.select or () if name != "*"]
    if options.filter is not None:
        names.extend(sorted(fields_in(options.filter)))
    names.extend(name for name, _ in options.orderby)
    names.extend(name.partition("/")[0] for name in options.expand)
    return names


def refuse_unknown_properties(schema: Schema, options: QueryOptions) -> None:
    """Raise Exact's 400 for the first named property `schema` does not have."""
    for name in named_properties(options):
        if name not in schema.types:
            raise bad_request(
                f"Could not find a property named '{name}' on type '{schema.type_name}'."
            )
