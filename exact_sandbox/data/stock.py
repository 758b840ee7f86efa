"""Stock per item per warehouse (spec §4.8, §9.1, §9.2).

One row per item and warehouse serves both `inventory/ItemWarehouses` and
`sync/Inventory/StockPositions`, so it carries both spellings of the quantities
(`PlannedStockIn`/`PlanningIn`, `Item`/`ItemId`, …). The sandbox's formulas
(UNCONFIRMED): ProjectedStock = CurrentStock + PlanningIn − PlanningOut and
FreeStock = CurrentStock − ReservedStock − PlanningOut, where PlanningOut is the open
quantity of sales order lines from that warehouse. An item's `Stock` stays the sum of
its CurrentStock over the warehouses, without a new item Timestamp (Exact's item
rowversion on stock moves is UNCONFIRMED).
"""

from __future__ import annotations

from .division import DivisionData, new_guid

QUANTITIES = ("current", "reserved", "planned_in", "planned_out")


def stock_fields(current: float, reserved: float, planned_in: float, planned_out: float) -> dict:
    """The quantity fields of a stock position, under both endpoints' names."""
    return {
        "CurrentStock": current, "ReservedStock": reserved,
        "PlanningIn": planned_in, "PlannedStockIn": planned_in,
        "PlanningOut": planned_out, "PlannedStockOut": planned_out,
        "ProjectedStock": current + planned_in - planned_out,
        "FreeStock": current - reserved - planned_out,
    }  # fmt: skip


def position_row(item: dict, warehouse: dict, audit: dict, quantities: tuple, extra: dict) -> dict:
    """A new stock position row (no Timestamp yet)."""
    unit = (item.get("Unit") or "").strip()
    return {
        "ID": extra.pop("ID"), "ItemId": item["ID"], "Item": item["ID"], "ItemCode": item["Code"],
        "ItemDescription": item["Description"], "ItemBarcode": item.get("Barcode"),
        "ItemUnit": unit, "ItemUnitDescription": item.get("UnitDescription"),
        "UnitCode": unit, "UnitDescription": item.get("UnitDescription"),
        "ItemIsStockItem": item.get("IsStockItem"),
        "ItemIsFractionAllowedItem": item.get("IsFractionAllowedItem"),
        "ItemStartDate": item.get("StartDate"), "ItemEndDate": item.get("EndDate"),
        "Warehouse": warehouse["ID"], "WarehouseCode": warehouse["Code"],
        "WarehouseDescription": warehouse["Description"], "SafetyStock": 0.0,
        "OrderPolicy": 1, "ReplenishmentType": 1, **extra, **audit, **stock_fields(*quantities),
    }  # fmt: skip


def position_key(division: DivisionData, item_id: str, warehouse_id: str) -> str | None:
    """The stock position of an item in a warehouse, or None."""
    keys = division.stock_positions.lookup("ItemId", item_id) or set()
    for key in keys:
        if division.stock_positions.rows[key]["Warehouse"] == warehouse_id:
            return key
    return None


def position_for(division: DivisionData, item_id: str, warehouse_id: str, now: float):
    """The key of the item's position in the warehouse, a new empty one if it has none yet
    (Exact keeps an item in a warehouse from its first movement there); None when the item
    or the warehouse does not exist."""
    key = position_key(division, item_id, warehouse_id)
    item, warehouse = division.items.get(item_id), division.warehouses.get(warehouse_id)
    if key is not None or item is None or warehouse is None:
        return key
    row = position_row(item, warehouse, division.audit(now), (0.0, 0.0, 0.0, 0.0),
                       {"ID": new_guid(division.rng), "ReorderPoint": 0.0})  # fmt: skip
    row["_ts"] = ts = division.next_timestamp()
    row["Timestamp"] = str(ts)
    division.stock_positions.insert(row)
    return row["ID"]


def stock_set(division: DivisionData, key: str, now: float, **quantities: float) -> dict:
    """Set some of `current`, `reserved`, `planned_in`, `planned_out` of one position.

    The row gets a new Timestamp (any stock movement does, spec §9.2), the item's total
    `Stock` follows, and `StockPositions` subscribers hear of it (Key = the item).
    """
    unknown = set(quantities) - set(QUANTITIES)
    if unknown:
        raise ValueError(f"unknown stock quantities {sorted(unknown)}; known: {QUANTITIES}")
    row = division.stock_positions.rows[key]
    now_values = dict(zip(QUANTITIES, _quantities(row), strict=True))
    now_values.update({name: float(value) for name, value in quantities.items()})
    division.touch(division.stock_positions, key, stock_fields(**now_values), now)
    item_stock_total(division, row["ItemId"])
    division.changed("StockPositions", "Update", row["ItemId"], now)
    return row


def stock_shift(division: DivisionData, item_id: str, warehouse_id: str, now: float, **deltas):
    """Add `deltas` (current/planned_out/…) to a position (made when the item has none there)."""
    key = position_for(division, item_id, warehouse_id, now)
    if key is None:
        return None
    current = dict(zip(QUANTITIES, _quantities(division.stock_positions.rows[key]), strict=True))
    values = {name: current[name] + delta for name, delta in deltas.items()}
    if "planned_out" in values:
        values["planned_out"] = max(values["planned_out"], 0.0)
    return stock_set(division, key, now, **values)


def _quantities(row: dict) -> tuple[float, float, float, float]:
    return row["CurrentStock"], row["ReservedStock"], row["PlanningIn"], row["PlanningOut"]


def item_stock_total(division: DivisionData, item_id: str) -> None:
    item = division.items.get(item_id)
    if item is not None:
        keys = division.stock_positions.lookup("ItemId", item_id) or ()
        item["Stock"] = float(sum(division.stock_positions.rows[k]["CurrentStock"] for k in keys))


def stock_counted(division: DivisionData, item_id: str, total: float, now: float) -> None:
    """A stock count of an item: the difference to `total` is booked in the main warehouse
    (never below zero there), so the item's Stock and its positions stay in step."""
    keys = division.stock_positions.lookup("ItemId", item_id) or set()
    rows = division.stock_positions.rows
    main = [key for key in keys if rows[key]["Warehouse"] == division.warehouse["ID"]]
    if not main:
        item_stock_total(division, item_id)
        return
    elsewhere = sum(rows[key]["CurrentStock"] for key in keys if key != main[0])
    stock_set(division, main[0], now, current=max(total - elsewhere, 0.0))
