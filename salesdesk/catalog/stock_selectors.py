"""Reads of stock; every function takes the company."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from salesdesk.catalog.models import Item
from salesdesk.catalog.stock_models import StockPosition, Warehouse


def item_stock_positions(*, company, item: Item) -> list[StockPosition]:
    """The item's stock, one row per warehouse, the company's main warehouse first.

    Positions carry their warehouse's code and description as the stock feed sent them;
    the warehouse list (read apart, spec §9.1) says which one is the main warehouse."""
    warehouses = Warehouse.objects.filter(
        company=company, exact_id=OuterRef("warehouse_exact_id"), active=True
    )
    positions = StockPosition.objects.filter(
        company=company, item_exact_id=item.exact_id, active=True
    ).annotate(main=Coalesce(Subquery(warehouses.values("main")[:1]), Value(False)))
    return list(positions.order_by("-main", "warehouse_code", "pk"))
