"""POST/PUT/DELETE on `salesorder/SalesOrders` (spec §4.6)."""

from __future__ import annotations

from ..data import schema as s
from ..data.division import (
    ENTITY_SALES_ORDER_HEADERS,
    ENTITY_SALES_ORDER_LINES,
    new_guid,
)
from ..data.order_effects import order_posted, order_stock_planned
from ..http import Response
from ..odata.errors import bad_request
from ..odata.values import day_value, local_date
from .context import CallContext
from .endpoints import Endpoint
from .entity import account_row, find_row
from .order_header import header_fields, order_amounts
from .order_lines import build_lines
from .payload import STREAM_ERROR, coerce_fields, read_body
from .writes import created, no_content

LINES_REQUIRED = "Sales order lines are mandatory: add at least one line in SalesOrderLines."
# Read-only on POST: Exact fills them (picqer: codes and names cannot be posted).
COMPUTED = frozenset({"OrderID", "OrderNumber", "OrderedByName", "DeliverToName", "InvoiceToName",
                      "AmountDC", "AmountFC", "AmountFCExclVat", "AmountDiscount",
                      "AmountDiscountExclVat", "Status", "StatusDescription", "DeliveryStatus",
                      "DeliveryStatusDescription", "InvoiceStatus", "InvoiceStatusDescription",
                      "ApprovalStatusDescription", "WarehouseCode", "WarehouseDescription",
                      "SalesOrderLines"})  # fmt: skip
FIXED_ON_PUT = frozenset({"OrderedBy", "DeliverTo", "InvoiceTo"})


def post_sales_order(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create an order with its lines; answers the full order (spec §4.6, [OBS])."""
    division = ctx.division
    body = read_body(ctx.req.body)
    lines_in = body.get("SalesOrderLines")
    if lines_in is not None and (
        not isinstance(lines_in, list) or not all(isinstance(line, dict) for line in lines_in)
    ):
        raise bad_request(STREAM_ERROR)  # a single object instead of an array (picqer#117)
    values = coerce_fields(s.SALES_ORDER, body, skip=COMPUTED - {"OrderID"})
    account = account_row(division, values.get("OrderedBy"), "OrderedBy")
    if not lines_in:
        raise bad_request(LINES_REQUIRED)
    order = _new_order(ctx, values, account)
    lines = build_lines(ctx, order, lines_in)
    order.update(order_amounts(order, round(sum(line["AmountFC"] for line in lines), 2)))
    order_posted(order, lines)
    ts = division.next_timestamp()
    order.update(_ts=ts, Timestamp=str(ts), ID=order["OrderID"])  # ID: for the sync feed
    division.sales_orders.insert(order)
    for line in lines:
        line["_ts"] = division.next_timestamp()
        line["Timestamp"] = str(line["_ts"])  # for sync/SalesOrder/SalesOrderLines
        division.sales_order_lines.insert(line)
    division.next_order_number += 1
    order_stock_planned(division, order, ctx.now, sign=1)
    return created(ctx, endpoint, order, always_full=True)


def put_sales_order(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Update header fields; OrderedBy/DeliverTo/InvoiceTo cannot change (spec §4.6)."""
    division = ctx.division
    order = find_row(division.sales_orders, endpoint, key_text)
    values = coerce_fields(s.SALES_ORDER, read_body(ctx.req.body), skip=COMPUTED)
    for name in FIXED_ON_PUT & values.keys():
        if values[name] != order.get(name):
            raise bad_request(f"{name} cannot be changed.")
    if order["Status"] == 21:
        raise bad_request("A completed sales order cannot be changed.")
    values.update(header_fields(division, {**order, **values}, values))
    division.touch(division.sales_orders, order["OrderID"], values, ctx.now)
    return no_content()


def delete_sales_order(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Delete an order and its lines; sync/Deleted gets EntityTypes 32 and 33."""
    division = ctx.division
    order = find_row(division.sales_orders, endpoint, key_text)
    order_stock_planned(division, order, ctx.now, sign=-1)
    for key in sorted(division.sales_order_lines.lookup("OrderID", order["OrderID"]) or ()):
        division.sales_order_lines.delete(key)
        division.record_deletion(key, ENTITY_SALES_ORDER_LINES, ctx.now)
    division.sales_orders.delete(order["OrderID"])
    division.record_deletion(order["OrderID"], ENTITY_SALES_ORDER_HEADERS, ctx.now)
    return no_content()


def _new_order(ctx: CallContext, values: dict, account: dict) -> dict:
    division = ctx.division
    order_id = values.pop("OrderID", None) or new_guid(division.rng)
    if order_id in division.sales_orders:
        raise bad_request(f"A sales order with OrderID {order_id} already exists.")
    order_date = values.pop("OrderDate", None) or day_value(local_date(ctx.now))
    deliver_to = account_row(division, values.pop("DeliverTo", None) or account["ID"], "DeliverTo")
    invoice_to = account_row(division, values.pop("InvoiceTo", None) or account["ID"], "InvoiceTo")
    warehouse = division.warehouse
    order = {
        "OrderID": order_id, "OrderNumber": division.next_order_number, "OrderDate": order_date,
        "DeliveryDate": order_date, "OrderedBy": account["ID"], "OrderedByName": account["Name"],
        "DeliverTo": deliver_to["ID"], "DeliverToName": deliver_to["Name"],
        "InvoiceTo": invoice_to["ID"], "InvoiceToName": invoice_to["Name"], "Currency": "EUR",
        "AmountDiscount": 0.0, "AmountDiscountExclVat": 0.0, "Discount": 0.0,
        "Status": 12, "StatusDescription": "Open", "DeliveryStatus": 12,
        "DeliveryStatusDescription": "Open", "InvoiceStatus": 12,
        "InvoiceStatusDescription": "Open", "ApprovalStatus": 1,
        "ApprovalStatusDescription": "Automatically",
        "PaymentCondition": account.get("PaymentConditionSales") or "00",
        "WarehouseID": warehouse["ID"], "WarehouseCode": warehouse["Code"],
        "WarehouseDescription": warehouse["Description"], "YourRef": None, "Description": None,
        "Remarks": None, **values, **division.audit(ctx.now),
    }  # fmt: skip
    if order["ApprovalStatus"] == 2:
        order["ApprovalStatusDescription"] = "Approved"
    order.update(header_fields(division, order, values))  # checks the posted header
    return order
