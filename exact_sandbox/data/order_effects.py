"""What an order created or deleted through the API does beyond its own rows (spec §9.2).

A new order's lines carry their status fields (all Open) and their quantities become
planned-out stock of the order's warehouse; deleting the order gives the planned stock
back. Both give the stock positions concerned a new Timestamp ("any change in … sales
order … will lead to a new timestamp value in stock position").
"""

from __future__ import annotations

from .division import DivisionData
from .order_status import CANCELLED, header_status, line_status
from .stock import stock_shift


def order_posted(order: dict, lines: list[dict]) -> None:
    """Fill the status fields of a new order and its lines (all Open).

    Called before the rows are stored, so the order and lines keep one Timestamp each.
    """
    for line in lines:
        line.update(line_status(line["Quantity"], 0.0, 0.0))
        line.setdefault("QuantityDelivered", 0.0)
        line.setdefault("QuantityInvoiced", 0.0)
    order.update(header_status(lines))


def order_stock_planned(division: DivisionData, order: dict, now: float, *, sign: float) -> None:
    """Add (sign 1) or take back (sign -1) the open quantities of an order's live lines."""
    lines = division.sales_order_lines
    for key in sorted(lines.lookup("OrderID", order["OrderID"]) or ()):
        line = lines.rows[key]
        open_quantity = line["Quantity"] - line["QuantityDelivered"]
        if line["OrderStatus"] != CANCELLED and open_quantity > 0:
            stock_shift(
                division, line["Item"], order["WarehouseID"], now, planned_out=sign * open_quantity
            )


def line_added(division: DivisionData, order: dict, line: dict, now: float) -> dict:
    """Status fields of a line added to an order, its planned-out stock; the header's statuses.

    Called before the line is stored; returns the header status fields to write."""
    line.update(line_status(line["Quantity"], 0.0, 0.0))
    stock_shift(division, line["Item"], order["WarehouseID"], now, planned_out=line["Quantity"])
    lines = division.sales_order_lines
    others = [lines.rows[key] for key in lines.lookup("OrderID", order["OrderID"]) or ()]
    return header_status([*others, line])
