"""Control routes stock and delete, webhooks of the new topics, POSTed orders in the feeds."""

import httpx
import orjson
import pytest

from exact_sandbox.data.order_status import OPEN
from exact_sandbox.webhooks.hub import hub_for
from tests.exact_sandbox.test_webhooks import Receiver, subscribe
from tests.sandbox_fixtures import api_headers

from .ledger_state import DIVISION, assert_consistent, highest, sync_all

POSITIONS = "sync/Inventory/StockPositions"


@pytest.fixture
def division(sandbox_state):
    return sandbox_state.divisions[DIVISION]


@pytest.fixture
def receiver(sandbox_state):
    receiver = Receiver()
    http = httpx.Client(transport=httpx.WSGITransport(app=receiver))
    hub_for(sandbox_state, auto_deliver=False, http=http)
    return receiver


def _position(division, item_code: str, warehouse_code: str) -> dict:
    (item,) = division.items.lookup("Code", item_code)
    (warehouse,) = division.warehouses.lookup("Code", warehouse_code)
    keys = division.stock_positions.lookup("ItemId", item)
    (row,) = [
        division.stock_positions.rows[k]
        for k in keys
        if division.stock_positions.rows[k]["Warehouse"] == warehouse
    ]
    return row


def test_moving_stock_ticks_one_position_and_keeps_the_items_total(
    sandbox_state, sandbox_http, division
):
    cursor = highest(sync_all(sandbox_state, POSITIONS, "ID,Timestamp"))
    row = _position(division, "ART-000002", "2")
    other = _position(division, "ART-000002", "1")

    answer = sandbox_http.post(
        "/_sandbox/stock",
        json={
            "item_code": "ART-000002",
            "warehouse_code": "2",
            "current": 40,
            "reserved": 5,
            "planned_in": 12,
        },
    )

    assert answer.status_code == 200, answer.text
    changed = sync_all(
        sandbox_state,
        POSITIONS,
        "ID,CurrentStock,ReservedStock,PlanningIn,FreeStock,ProjectedStock",
        cursor,
    )
    assert [r["ID"] for r in changed] == [row["ID"]]
    planned_out = row["PlanningOut"]
    assert changed[0]["FreeStock"] == 40 - 5 - planned_out
    assert changed[0]["ProjectedStock"] == 40 + 12 - planned_out
    (item,) = division.items.lookup("Code", "ART-000002")
    totals = [
        division.stock_positions.rows[k]["CurrentStock"]
        for k in division.stock_positions.lookup("ItemId", item)
    ]
    assert division.items.rows[item]["Stock"] == sum(totals) and other["CurrentStock"] in totals
    moved = sandbox_http.post(
        "/_sandbox/stock", json={"item_code": "ART-000002", "warehouse_code": "2", "delta": -15}
    )
    assert moved.json()["CurrentStock"] == 25


def test_stock_deliveries_and_orders_notify_their_webhook_topics(
    sandbox_state, sandbox_http, demo_tokens, receiver, division
):
    headers = api_headers(demo_tokens["access_token"])
    for topic in ("StockPositions", "GoodsDeliveries", "SalesOrders"):
        assert subscribe(sandbox_http, headers, topic).status_code == 201
    hub = hub_for(sandbox_state)
    hub.flush()  # the validation POSTs
    order = next(o for o in division.sales_orders if o["Status"] == OPEN)

    sandbox_http.post(
        "/_sandbox/stock", json={"item_code": "ART-000003", "warehouse_code": "1", "current": 7}
    )
    delivered = sandbox_http.post("/_sandbox/deliver", json={"order": order["OrderID"]}).json()
    hub.flush()

    notices = {(n["Topic"], n["Action"], n["Key"]) for n in receiver.notices()}
    (item,) = division.items.lookup("Code", "ART-000003")
    assert ("StockPositions", "Update", item) in notices
    assert ("GoodsDeliveries", "Create", delivered["delivery"]) in notices
    assert ("SalesOrders", "Update", order["OrderID"]) in notices
    stock = next(n for n in receiver.notices() if n["Topic"] == "StockPositions")
    assert stock["ExactOnlineEndpoint"].endswith(
        f"/api/v1/100001/read/logistics/StockPosition?itemId=guid'{stock['Key']}'"
    )


def test_deletions_land_in_sync_deleted_with_their_entity_types(
    sandbox_state, sandbox_http, division
):
    cursor = highest(sync_all(sandbox_state, "sync/Deleted", "ID,Timestamp"))
    account = division.accounts.rows[division.accounts.keys[0]]
    invoice = division.sales_invoices.rows[division.sales_invoices.keys[0]]
    lines = division.sales_invoice_lines.lookup("InvoiceID", invoice["InvoiceID"])
    position = division.stock_positions.keys[0]
    for kind, key in (
        ("address", division.addresses.keys[0]),
        ("contact", account["MainContact"]),
        ("invoice", invoice["InvoiceID"]),
        ("stock_position", position),
    ):
        answer = sandbox_http.post("/_sandbox/delete", json={"kind": kind, "key": key})
        assert answer.status_code == 200, answer.text

    deleted = sync_all(sandbox_state, "sync/Deleted", "EntityKey,EntityType", cursor)

    types = [row["EntityType"] for row in deleted]
    assert types == [3, 5, *[13] * (1 + len(lines)), 10, 15]
    assert {row["EntityKey"] for row in deleted if row["EntityType"] == 13} == {
        invoice["InvoiceID"],
        *lines,
    }
    assert division.accounts.rows[account["ID"]]["MainContact"] is None
    feed = sync_all(sandbox_state, "sync/SalesInvoice/SalesInvoices", "InvoiceID")
    assert invoice["InvoiceID"] not in {row["InvoiceID"] for row in feed}
    assert_consistent(division)


def test_an_order_posted_by_salesdesk_shows_in_the_feeds_open_with_its_stock_planned(
    sandbox_state, sandbox_http, demo_tokens, division
):
    headers_cursor = highest(
        sync_all(sandbox_state, "sync/SalesOrder/SalesOrderHeaders", "ID,Timestamp")
    )
    row = _position(division, "ART-000004", "1")
    planned = row["PlanningOut"]
    body = {
        "OrderedBy": division.accounts.keys[0],
        "YourRef": "SD-19",
        "SalesOrderLines": [{"Item": row["ItemId"], "Quantity": 3}],
    }

    posted = sandbox_http.post(
        "/api/v1/100001/salesorder/SalesOrders",
        json=body,
        headers=api_headers(demo_tokens["access_token"]),
    )

    assert posted.status_code == 201, posted.text
    order_id = orjson.loads(posted.content)["d"]["OrderID"]
    headers = sync_all(
        sandbox_state,
        "sync/SalesOrder/SalesOrderHeaders",
        "ID,YourRef,Status,StatusDescription,DeliveryStatus",
        headers_cursor,
    )
    assert [(h["ID"], h["YourRef"], h["Status"], h["StatusDescription"]) for h in headers] == [
        (order_id, "SD-19", OPEN, "Open")
    ]
    lines = sync_all(
        sandbox_state,
        "sync/SalesOrder/SalesOrderLines",
        "OrderID,Status,DeliveryStatusDescription,QuantityDelivered",
    )
    mine = [line for line in lines if line["OrderID"] == order_id]
    assert [(m["Status"], m["DeliveryStatusDescription"]) for m in mine] == [(OPEN, "Open")]
    assert _position(division, "ART-000004", "1")["PlanningOut"] == planned + 3
    assert_consistent(division)


def test_stock_for_an_item_new_to_a_warehouse_makes_its_position(
    sandbox_state, sandbox_http, division
):
    (item,) = division.items.lookup("Code", "ART-000005")
    (warehouse,) = division.warehouses.lookup("Code", "3")
    division.stock_positions.delete(_position(division, "ART-000005", "3")["ID"])

    answer = sandbox_http.post(
        "/_sandbox/stock", json={"item": item, "warehouse": warehouse, "delta": 6}
    )

    assert answer.status_code == 200 and answer.json()["CurrentStock"] == 6
    assert _position(division, "ART-000005", "3")["ID"] == answer.json()["ID"]


def test_mutate_keeps_stock_in_step_and_deletes_what_hangs_on_deleted_records(
    sandbox_state, sandbox_http, division
):
    cursor = highest(sync_all(sandbox_state, "sync/Deleted", "ID,Timestamp"))

    answer = sandbox_http.post(
        "/_sandbox/mutate", json={"changed_items": 5, "deleted_items": 1, "deleted_customers": 1}
    ).json()

    for item_id in answer["ids"]["changed_items"]:
        keys = division.stock_positions.lookup("ItemId", item_id)
        total = sum(division.stock_positions.rows[k]["CurrentStock"] for k in keys)
        assert division.items.rows[item_id]["Stock"] == total
    deleted = sync_all(sandbox_state, "sync/Deleted", "EntityKey,EntityType", cursor)
    types = {row["EntityType"] for row in deleted}
    assert {2, 3, 5, 9, 15} <= types
    (account,) = answer["ids"]["deleted_customers"]
    assert not division.addresses.lookup("Account", account)
    assert not division.contacts.lookup("Account", account)
    assert not division.stock_positions.lookup("ItemId", answer["ids"]["deleted_items"][0])
