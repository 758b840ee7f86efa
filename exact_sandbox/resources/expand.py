"""`$expand` of a document's lines, inlined as `{"results":[...]}` (spec §3.3, §4.6)."""

from __future__ import annotations

from ..odata.envelope import Expander
from ..odata.errors import bad_request
from ..odata.query import QueryOptions
from .context import CallContext
from .document_lines import lines_expander, lines_of
from .endpoints import Endpoint


def expansions(
    ctx: CallContext, endpoint: Endpoint, options: QueryOptions, nested: dict
) -> dict[str, Expander]:
    """Expander per expanded navigation property of this endpoint."""
    result: dict[str, Expander] = {}
    for name in options.expand:
        lines = lines_of(endpoint.schema, name) if endpoint.kind == "plain" else None
        if lines is None or name != lines.nav:
            raise bad_request(
                f"Could not find a property named '{name}' on type '{endpoint.schema.type_name}'."
            )
        result[name] = lines_expander(ctx, lines, nested.get(name))
    return result
