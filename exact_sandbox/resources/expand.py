"""`$expand=SalesOrderLines`: inline the order lines as `{"results":[...]}` (spec §3.3, §4.6)."""

from __future__ import annotations

from ..data import schema as s
from ..odata.envelope import Expander, Projector, resolve_select
from ..odata.errors import bad_request
from ..odata.query import QueryOptions
from .context import CallContext
from .endpoints import Endpoint

LINES = "SalesOrderLines"


def expansions(
    ctx: CallContext, endpoint: Endpoint, options: QueryOptions, nested: dict
) -> dict[str, Expander]:
    """Expander per expanded navigation property of this endpoint."""
    result: dict[str, Expander] = {}
    for name in options.expand:
        if name != LINES or endpoint.schema is not s.SALES_ORDER:
            raise bad_request(
                f"Could not find a property named '{name}' on type '{endpoint.schema.type_name}'."
            )
        result[name] = order_lines_expander(ctx, nested.get(name))
    return result


def order_lines_expander(ctx: CallContext, select: list[str] | None) -> Expander:
    """Rows of one order's lines, in LineNumber order, projected with `select`."""
    fields, _ = resolve_select(s.SALES_ORDER_LINE, select)
    projector = Projector(
        s.SALES_ORDER_LINE, fields, entity_uri=ctx.entity_uri("salesorder/SalesOrderLines"),
        base=ctx.base,
    )  # fmt: skip
    lines = ctx.division.sales_order_lines

    def expand(order: dict) -> list[dict]:
        rows = [lines.rows[key] for key in lines.lookup("OrderID", order["OrderID"]) or ()]
        rows.sort(key=lambda row: row["LineNumber"])
        return [projector(row) for row in rows]

    return expand
