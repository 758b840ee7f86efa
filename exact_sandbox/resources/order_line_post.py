"""POST on `salesorder/SalesOrderLines`: a line added to an existing order (spec §4.6).

The body names the order (`OrderID`), the `Item` and the `Quantity`, and may carry the
line fields a POST of an order takes (prices, discount, VAT code, notes...). The line gets
the next line number; the order's amounts grow and the order gets a new Timestamp and
Modified (its webhook topic `SalesOrders` says Update). Refused as Exact refuses a change
of the order: no or an unknown OrderID, a completed or cancelled order (spec §4.6 "Good to
know": updating a completed order fails).
"""

from __future__ import annotations

from ..data import schema as s
from ..data.order_effects import line_added
from ..http import Response
from ..odata.errors import bad_request
from .context import CallContext
from .endpoints import Endpoint
from .order_lines import build_line
from .payload import coerce_fields, read_body
from .writes import created

CLOSED = {21: "completed", 45: "cancelled"}


def post_order_line(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Add one line to the order `OrderID`; 201 with the stored line."""
    division = ctx.division
    body = read_body(ctx.req.body)
    order = _open_order(ctx, body.get("OrderID"))
    numbers = [
        division.sales_order_lines.rows[key]["LineNumber"]
        for key in division.sales_order_lines.lookup("OrderID", order["OrderID"]) or ()
    ]
    line = build_line(ctx, order, max(numbers, default=0) + 1, body)
    statuses = line_added(division, order, line, ctx.now)
    line["_ts"] = division.next_timestamp()
    line["Timestamp"] = str(line["_ts"])  # for sync/SalesOrder/SalesOrderLines
    division.sales_order_lines.insert(line)
    total = round((order.get("AmountFC") or 0.0) + line["AmountFC"], 2)
    changes = {"AmountDC": total, "AmountFC": total, "AmountFCExclVat": total, **statuses}
    division.touch(division.sales_orders, order["OrderID"], changes, ctx.now)
    return created(ctx, endpoint, line)


def _open_order(ctx: CallContext, order_id: object) -> dict:
    if not order_id:
        raise bad_request("Mandatory: OrderID")
    key = coerce_fields(s.SALES_ORDER_LINE, {"OrderID": order_id})["OrderID"]
    order = ctx.division.sales_orders.get(key)
    if order is None:
        raise bad_request(f"OrderID: sales order {key} does not exist.")
    closed = CLOSED.get(order.get("Status"))
    if closed:
        raise bad_request(f"A {closed} sales order cannot be changed.")
    return order
