"""inventory/Warehouses and sync/Inventory/StockPositions -> Salesdesk's stock (spec §4.8).

The `$select`s list properties of exactly the variant read (exact-online-fields.md): the
sync feed of stock positions has names of its own (`ItemId`, `FreeStock`, `PlanningIn`).
"""

from __future__ import annotations

from typing import Any

from salesdesk.integration.mapping.values import amount, flag, guid, text, timestamp

Row = dict[str, Any]

WAREHOUSE_FIELDS = ("ID", "Code", "Description", "Main")
STOCK_POSITION_FIELDS = (
    "ID", "ItemId", "Warehouse", "WarehouseCode", "WarehouseDescription", "CurrentStock",
    "FreeStock", "ReservedStock", "PlanningIn", "PlanningOut", "ProjectedStock", "UnitCode",
)  # fmt: skip
# sync/Deleted EntityType of the feed (spec §9.3).
DELETED_STOCK_POSITION = 15


def warehouse_from_exact(row: Row) -> Row:
    """`Main` is a Byte: 1 marks the main warehouse."""
    return {
        "exact_id": guid(row.get("ID")),
        "code": text(row.get("Code"))[:40],
        "description": text(row.get("Description"))[:200],
        "main": flag(row.get("Main")),
    }


def stock_position_from_exact(row: Row) -> Row:
    """One item in one warehouse; `FreeStock` is what may still be promised."""
    return {
        "exact_id": guid(row.get("ID")),
        "item_exact_id": guid(row.get("ItemId")),
        "warehouse_exact_id": guid(row.get("Warehouse")),
        "warehouse_code": text(row.get("WarehouseCode"))[:40],
        "warehouse_description": text(row.get("WarehouseDescription"))[:200],
        "current": amount(row.get("CurrentStock")),
        "free": amount(row.get("FreeStock")),
        "reserved": amount(row.get("ReservedStock")),
        "planned_in": amount(row.get("PlanningIn")),
        "planned_out": amount(row.get("PlanningOut")),
        "projected": amount(row.get("ProjectedStock")),
        "unit": text(row.get("UnitCode"))[:20],
        "exact_timestamp": timestamp(row),
    }
