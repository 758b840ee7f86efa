"""Helpers for the stock, history and CRM sync tests: the sandbox's control routes."""

from __future__ import annotations

import math

import httpx

from tests.salesdesk.integration.sync.sync_support import DIVISION, run_sync

# The feeds' entities, in the order a full sync runs them (stock after items).
LEDGER_ENTITIES = ("stock", "sales-orders", "invoices", "receivables", "addresses", "contacts")
# Sync endpoints read by those entities, and the sandbox table behind each.
SYNC_TABLES = {
    "sync/Inventory/StockPositions": "stock_positions",
    "sync/SalesOrder/SalesOrderHeaders": "sales_orders",
    "sync/SalesOrder/SalesOrderLines": "sales_order_lines",
    "sync/SalesOrder/GoodsDeliveries": "goods_deliveries",
    "sync/SalesOrder/GoodsDeliveryLines": "goods_delivery_lines",
    "sync/CRM/Addresses": "addresses",
    "sync/CRM/Contacts": "contacts",
}


def control(sandbox, route: str, **body) -> dict:
    """POST to the sandbox's control plane (`/_sandbox/<route>`) and return its answer."""
    response = httpx.post(f"{sandbox.url}/_sandbox/{route}", json={"division": DIVISION, **body})
    assert response.status_code == 200, response.text
    return response.json()


def sync_all(company, clock, entities=LEDGER_ENTITIES) -> dict:
    """Run each entity in the foreground; {entity: finished run}, every one succeeded."""
    runs = {entity: run_sync(company, entity, clock) for entity in entities}
    failed = {entity: run.error for entity, run in runs.items() if run.error}
    assert not failed, failed
    return runs


def pages(rows: int) -> int:
    """Calls to read `rows` from a sync endpoint: 1,000 a page, at least one call."""
    return max(1, math.ceil(rows / 1000))


def calls_by_path(state) -> dict[str, int]:
    return dict(state.stats.calls[DIVISION])
