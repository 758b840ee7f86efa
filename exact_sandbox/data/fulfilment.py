"""Deliver, invoice and cancel sales orders the way activity in Exact would (control plane).

Each call writes its new rows with new Timestamps, gives the order lines it changes a new
Timestamp, and the order header one only when a header field changes (header and lines
tick separately, spec §9.2). Stock follows deliveries and cancellations. Subscribers hear
`GoodsDeliveries` (Create) and `SalesOrders` (Update) (spec §9.7).
"""

from __future__ import annotations

from .division import DivisionData
from .documents import delivery_rows, invoice_rows, receivable_row
from .order_status import CANCELLED, header_status, line_status
from .stock import stock_shift


class FulfilmentError(ValueError):
    """The order cannot be delivered/invoiced/cancelled as asked."""


def order_lines(division: DivisionData, order_id: str) -> list[dict]:
    """An order's lines in LineNumber order."""
    lines = division.sales_order_lines
    rows = [lines.rows[key] for key in lines.lookup("OrderID", order_id) or ()]
    return sorted(rows, key=lambda row: row["LineNumber"])


def deliver(
    division: DivisionData,
    order_id: str,
    wanted: dict[str, float] | None,
    now: float,
    *,
    tracking: str | None = None,
) -> dict:
    """Deliver `wanted` {line ID: quantity} (default: everything still open); the delivery."""
    order, lines = _order(division, order_id)
    shipped = _quantities(lines, wanted, "QuantityDelivered", "delivered")
    header, rows = delivery_rows(division, order, shipped, when=now, tracking=tracking)
    _insert(division, division.goods_deliveries, header)
    for row in rows:
        _insert(division, division.goods_delivery_lines, row)
    for line, quantity in shipped:
        line_progress(division, line, now, QuantityDelivered=line["QuantityDelivered"] + quantity)
        stock_shift(
            division,
            line["Item"],
            order["WarehouseID"],
            now,
            current=-quantity,
            planned_out=-quantity,
        )
    order_settle(division, order, now)
    division.changed("GoodsDeliveries", "Create", header["EntryID"], now)
    return header


def invoice(
    division: DivisionData, order_id: str, wanted: dict[str, float] | None, now: float
) -> dict:
    """Invoice `wanted` (default: delivered but not yet invoiced); the invoice header.

    The invoice gets its receivable (open, amount including VAT)."""
    order, lines = _order(division, order_id)
    if wanted is None:
        wanted = {
            line["ID"]: line["QuantityDelivered"] - line["QuantityInvoiced"]
            for line in lines
            if line["QuantityDelivered"] > line["QuantityInvoiced"]
        }
        if not wanted:
            raise FulfilmentError(f"order {order['OrderNumber']} has nothing delivered to invoice")
    billed = _quantities(lines, wanted, "QuantityInvoiced", "invoiced")
    header, rows = invoice_rows(division, order, billed, when=now)
    _insert(division, division.sales_invoices, header)
    for row in rows:
        _insert(division, division.sales_invoice_lines, row)
    account = (
        division.accounts.get(order["InvoiceTo"]) or division.accounts.rows[order["OrderedBy"]]
    )
    _insert(
        division,
        division.receivables,
        receivable_row(division, header, account, amount=header["AmountDC"]),
    )
    for line, quantity in billed:
        line_progress(division, line, now, QuantityInvoiced=line["QuantityInvoiced"] + quantity)
    order_settle(division, order, now)
    return header


def cancel(division: DivisionData, order_id: str, now: float) -> dict:
    """Cancel every line not fully delivered; its open quantity leaves planned stock."""
    order, lines = _order(division, order_id)
    for line in lines:
        open_quantity = line["Quantity"] - line["QuantityDelivered"]
        if open_quantity <= 0:
            continue
        line_progress(division, line, now, cancelled=True)
        stock_shift(division, line["Item"], order["WarehouseID"], now, planned_out=-open_quantity)
    order_settle(division, order, now)
    return order


def _order(division: DivisionData, order_id: str) -> tuple[dict, list[dict]]:
    order = division.sales_orders.get(order_id)
    if order is None:
        raise FulfilmentError(f"no sales order {order_id}")
    if order["Status"] == CANCELLED:
        raise FulfilmentError(f"order {order['OrderNumber']} is cancelled")
    return order, order_lines(division, order_id)


def _quantities(lines: list[dict], wanted: dict[str, float] | None, done: str, verb: str):
    """[(line, quantity)] checked against what is left of each line."""
    by_id = {line["ID"]: line for line in lines}
    if wanted is None:
        wanted = {line["ID"]: line["Quantity"] - line[done] for line in lines}
        wanted = {key: value for key, value in wanted.items() if value > 0}
    result = []
    for key, quantity in wanted.items():
        line = by_id.get(key)
        if line is None:
            raise FulfilmentError(f"line {key} is not a line of this order")
        left = line["Quantity"] - line[done]
        if line["OrderStatus"] == CANCELLED or not 0 < quantity <= left:
            raise FulfilmentError(
                f"line {line['LineNumber']}: {quantity} cannot be {verb}; {max(left, 0)} left"
            )
        result.append((line, float(quantity)))
    if not result:
        raise FulfilmentError(f"nothing left to be {verb}")
    return sorted(result, key=lambda pair: pair[0]["LineNumber"])


def line_progress(division: DivisionData, line: dict, now: float, *, cancelled=False, **done):
    values = {
        "QuantityDelivered": line["QuantityDelivered"],
        "QuantityInvoiced": line["QuantityInvoiced"],
        **done,
    }
    status = line_status(
        line["Quantity"],
        values["QuantityDelivered"],
        values["QuantityInvoiced"],
        cancelled=cancelled,
    )
    division.touch(division.sales_order_lines, line["ID"], {**values, **status}, now)


def order_settle(division: DivisionData, order: dict, now: float) -> None:
    """New header statuses; a new header Timestamp only when one of them changed."""
    statuses = header_status(order_lines(division, order["OrderID"]))
    changes = {name: value for name, value in statuses.items() if order.get(name) != value}
    if changes:
        division.touch(division.sales_orders, order["OrderID"], changes, now)  # notifies
    else:
        division.changed("SalesOrders", "Update", order["OrderID"], now)


def _insert(division: DivisionData, table, row: dict) -> None:
    row["_ts"] = ts = division.next_timestamp()
    row["Timestamp"] = str(ts)
    table.insert(row)
