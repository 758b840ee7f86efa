"""A sandbox with seeded history, and small readers of what its REST API answers."""

from __future__ import annotations

from collections import Counter, defaultdict

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from exact_sandbox.data.order_status import CANCELLED, header_status
from exact_sandbox.seed import build_state
from tests.exact_sandbox.data.rest_calls import EPOCH, call

DIVISION = 100001


def history_state(items: int = 60, customers: int = 40, seed: int = 3, **extra):
    config = SandboxConfig(items=items, customers=customers, seed=seed, history_months=24, **extra)
    return build_state(config, SandboxClock(frozen_at=EPOCH))


def rows_of(body: dict) -> list[dict]:
    data = body["d"]
    return data if isinstance(data, list) else data["results"]


def sync_all(state, path: str, select: str, after: int = 1, division: int = DIVISION) -> list:
    """Every row of a sync feed above `after`, following `__next`; each page checked 200."""
    query = {"$filter": f"Timestamp gt {after}", "$select": select}
    rows: list[dict] = []
    while True:
        status, body = call(state, path, query, division=division)
        assert status == 200, body
        rows.extend(rows_of(body))
        next_url = body["d"].get("__next")
        if not next_url:
            return rows
        query = {**query, "$skiptoken": next_url.split("$skiptoken=")[1].split("&")[0]}


def highest(rows: list[dict]) -> int:
    return max((int(row["Timestamp"]) for row in rows), default=1)


def assert_consistent(division) -> None:
    """Quantities, statuses, stock and open items of a division agree with each other."""
    delivered, invoiced, lines = Counter(), Counter(), defaultdict(list)
    for row in division.goods_delivery_lines:
        delivered[row["SalesOrderLineID"]] += row["QuantityDelivered"]
    for row in division.sales_invoice_lines:
        invoiced[row["SalesOrderLine"]] += row["Quantity"]
    for line in division.sales_order_lines:
        assert line["QuantityDelivered"] == delivered[line["ID"]], line["ID"]
        assert line["QuantityInvoiced"] == invoiced[line["ID"]], line["ID"]
        lines[line["OrderID"]].append(line)
    warehouse_of = {}
    for order in division.sales_orders:
        expected = header_status(lines[order["OrderID"]])
        assert {name: order[name] for name in expected} == expected, order["OrderNumber"]
        warehouse_of[order["OrderID"]] = order["WarehouseID"]
    planned, stock = Counter(), Counter()
    for line in division.sales_order_lines:
        if line["OrderStatus"] != CANCELLED:
            planned[(line["Item"], warehouse_of[line["OrderID"]])] += max(
                line["Quantity"] - line["QuantityDelivered"], 0.0
            )
    for row in division.stock_positions:
        assert row["PlanningOut"] == planned[(row["ItemId"], row["Warehouse"])]
        stock[row["ItemId"]] += row["CurrentStock"]
    assert all(item["Stock"] == stock[item["ID"]] for item in division.items)
    terms = Counter()
    for row in division.receivables:
        terms[row["InvoiceNumber"]] += row["AmountDC"]
    for invoice in division.sales_invoices:
        assert round(terms[invoice["InvoiceNumber"]], 2) == invoice["AmountDC"]
