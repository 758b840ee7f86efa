"""Rows of stock in our field names, as the sync hands them to catalog.stock_services."""

from __future__ import annotations

import itertools
import uuid
from decimal import Decimal

from django.utils import timezone

from salesdesk.catalog.stock_services import stock_positions_upsert

_seq = itertools.count(1)
WAREHOUSES = {code: uuid.uuid5(uuid.NAMESPACE_OID, code) for code in ("MAIN", "NORTH", "SOUTH")}


def stock_row(*, item_exact_id, warehouse: str = "MAIN", free="0", **fields) -> dict:
    row = {
        "exact_id": uuid.uuid4(),
        "item_exact_id": item_exact_id,
        "warehouse_exact_id": WAREHOUSES.get(warehouse, uuid.uuid4()),
        "warehouse_code": warehouse,
        "warehouse_description": f"Warehouse {warehouse.title()}",
        "current": Decimal(free),
        "free": Decimal(free),
        "reserved": Decimal("0"),
        "planned_in": Decimal("0"),
        "planned_out": Decimal("0"),
        "projected": Decimal(free),
        "unit": "pc",
    }
    row.update(fields)
    return row


def make_stock(*, company, item, warehouse: str = "MAIN", free="0", **fields) -> dict:
    """Store one position of `item` through the service the sync uses; returns its row."""
    row = stock_row(item_exact_id=item.exact_id, warehouse=warehouse, free=free, **fields)
    stock_positions_upsert(company=company, rows=[row], synced_at=timezone.now())
    return row
