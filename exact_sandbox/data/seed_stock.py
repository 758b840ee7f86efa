"""Seed a stock position for every item in every warehouse (spec §4.8, §9.1).

An item's `Stock` is shared out over the warehouses (the main one holds most), so it stays
their sum. Some positions have stock reserved or purchase orders coming in; PlanningOut
is the open quantity of the seeded sales order lines from that warehouse.
"""

from __future__ import annotations

import random

from .division import DivisionData, new_guid
from .order_status import CANCELLED
from .stock import position_row

REORDER_POINTS = (0.0, 0.0, 10.0, 20.0, 50.0)


def seed_stock(division: DivisionData, rng: random.Random, now: float) -> None:
    """Stock positions for items x warehouses, consistent with items' Stock and open orders."""
    warehouses = list(division.warehouses)
    planned_out = _open_quantities(division)
    audit = division.audit(now)
    rand, rows = rng.random, []
    for item in division.items:
        shares = _shares(rand, len(warehouses))
        total = int(item.get("Stock") or 0)
        left = total
        for position, warehouse in enumerate(warehouses):
            current = float(
                left if position == len(warehouses) - 1 else int(total * shares[position])
            )
            left -= int(current)
            reserved = float(min(current, 1 + int(rand() * 10))) if rand() < 0.05 else 0.0
            planned_in = float(10 + int(rand() * 190)) if rand() < 0.15 else 0.0
            out = planned_out.get((item["ID"], warehouse["ID"]), 0.0)
            point = REORDER_POINTS[int(rand() * len(REORDER_POINTS))]
            extra = {"ID": new_guid(rng), "ReorderPoint": point, "ReorderQuantity": point * 2,
                     "MaximumStock": point * 5}  # fmt: skip
            rows.append(
                position_row(item, warehouse, audit, (current, reserved, planned_in, out), extra)
            )
    for row in rows:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    division.stock_positions.load(rows)


def _shares(rand, count: int) -> list[float]:
    """Fractions of an item's stock per warehouse; the main warehouse gets 60-100%."""
    if count == 1:
        return [1.0]
    main = 0.6 + rand() * 0.4
    rest = [rand() for _ in range(count - 1)]
    scale = (1 - main) / (sum(rest) or 1.0)
    return [main, *(share * scale for share in rest)]


def _open_quantities(division: DivisionData) -> dict[tuple[str, str], float]:
    """(item, warehouse) -> ordered but not yet delivered quantity of live order lines."""
    warehouse_of = {row["OrderID"]: row["WarehouseID"] for row in division.sales_orders}
    result: dict[tuple[str, str], float] = {}
    for line in division.sales_order_lines:
        if line["OrderStatus"] == CANCELLED:
            continue
        open_quantity = line["Quantity"] - line["QuantityDelivered"]
        if open_quantity > 0:
            key = (line["Item"], warehouse_of[line["OrderID"]])
            result[key] = result.get(key, 0.0) + open_quantity
    return result
