"""The `stock` entity: warehouses (read whole) and stock positions per item and warehouse.

sync/Inventory/StockPositions ticks on every stock movement (spec §9.2); warehouses have
no sync variant and no deletion type, so the few of them are listed whole each run.
"""

from __future__ import annotations

from salesdesk.catalog import stock_services as stock
from salesdesk.integration.mapping import stock as mapping
from salesdesk.integration.sync.feeds import Feed
from salesdesk.integration.sync.record_feeds import (
    counted_by,
    listing_store,
    mapped_page,
    upsert_store,
)

WAREHOUSES = Feed(
    name="warehouses",
    resource="warehouses",
    fields=mapping.WAREHOUSE_FIELDS,
    store=listing_store(
        mapped_page(mapping.warehouse_from_exact), stock.warehouses_upsert, stock.warehouses_sweep
    ),
    incremental=False,
)
STOCK_POSITIONS = Feed(
    name="stock_positions",
    resource="stock_positions",
    fields=mapping.STOCK_POSITION_FIELDS,
    shape=mapped_page(mapping.stock_position_from_exact, ("exact_id", "item_exact_id")),
    store=upsert_store(stock.stock_positions_upsert),
    counted=True,
    total=counted_by("stock_positions"),
)
STOCK_FEEDS = (WAREHOUSES, STOCK_POSITIONS)
STOCK_DELETIONS = {mapping.DELETED_STOCK_POSITION: stock.stock_positions_delete}
