"""Reads of stock; every function takes the company."""

from __future__ import annotations

from salesdesk.catalog.models import Item
from salesdesk.catalog.stock_models import StockPosition


def item_stock_positions(*, company, item: Item) -> list[StockPosition]:
    """The item's stock, one row per warehouse (few: the (company, item_exact_id,
    warehouse_code) index gives them in order)."""
    positions = StockPosition.objects.filter(
        company=company, item_exact_id=item.exact_id, active=True
    )
    return list(positions.order_by("warehouse_code", "pk"))
