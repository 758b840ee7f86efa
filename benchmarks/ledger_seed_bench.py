"""Seeding the stock and order history of issue 19, and serving their 1,000-row sync pages.

Issue 19's scale: 5,000 items x 3 warehouses, 2,000 customers with two years of history
(about 20,000 order lines and 20,000 invoice lines). The sandbox must seed that in a few
seconds and serve each sync page well under 100 ms (in-process, as the sync benchmarks use it).
"""

from __future__ import annotations

import statistics
import time

from exact_sandbox.app import make_app
from exact_sandbox.config import SandboxConfig
from exact_sandbox.seed import build_state
from tests.sandbox_fixtures import api_headers, demo_token_pair, sandbox_client

DIVISION = 100001
FEEDS = {
    "sync/Inventory/StockPositions": "ID,ItemId,Warehouse,CurrentStock,FreeStock,PlanningIn,"
    "PlanningOut,ReservedStock,Timestamp",
    "sync/SalesOrder/SalesOrderHeaders": "ID,OrderNumber,OrderDate,OrderedBy,Status,"
    "DeliveryStatus,InvoiceStatus,AmountDC,YourRef,Timestamp",
    "sync/SalesOrder/SalesOrderLines": "ID,OrderID,LineNumber,Item,Quantity,QuantityDelivered,"
    "QuantityInvoiced,NetPrice,Status,Timestamp",
    "sync/SalesInvoice/SalesInvoices": "ID,InvoiceID,LineNumber,InvoiceNumber,InvoiceDate,"
    "OrderedBy,Item,Quantity,AmountDC,Timestamp",
    "sync/CRM/Addresses": "ID,Account,Type,Main,AddressLine1,Postcode,City,Timestamp",
}
TABLES = ("stock_positions", "sales_orders", "sales_order_lines", "goods_delivery_lines",
          "sales_invoice_lines", "receivables", "addresses", "contacts")  # fmt: skip


def page_times(http, token: str, path: str, select: str) -> list[float]:
    url, params, times = f"/api/v1/{DIVISION}/{path}", {"$select": select}, []
    params["$filter"] = "Timestamp gt 1"
    while url:
        start = time.perf_counter()
        response = http.get(url, params=params, headers=api_headers(token))
        response.raise_for_status()
        times.append(time.perf_counter() - start)
        url, params = response.json()["d"].get("__next"), None
    return times


def main() -> None:
    config = SandboxConfig(items=5000, customers=2000, history_months=24, warehouses=3,
                           minutely_limit=100_000, daily_limit=1_000_000)  # fmt: skip
    cpu, wall = time.process_time(), time.perf_counter()
    state = build_state(config)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    division = state.divisions[DIVISION]
    counts = ", ".join(f"{name} {len(getattr(division, name)):,}" for name in TABLES)
    print("## Exact Online sandbox: stock and order history (issue 19)\n")
    print(f"Seeding 5,000 items x 3 warehouses, 2,000 customers, 24 months: {cpu:.2f} s CPU, "
          f"{wall:.2f} s wall (all three divisions). Rows: {counts}.\n")  # fmt: skip
    http = sandbox_client(make_app(state))
    token = demo_token_pair(http)["access_token"]
    print("| endpoint (in-process) | pages | median ms | max ms | target |")
    print("|---|---|---|---|---|")
    for path, select in FEEDS.items():
        ms = [t * 1000 for t in page_times(http, token, path, select)]
        print(f"| `{path}` | {len(ms)} | {statistics.median(ms):.1f} | {max(ms):.1f} | < 100 ms |")


if __name__ == "__main__":
    main()
