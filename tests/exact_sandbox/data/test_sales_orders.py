"""Sales orders: POST rules, defaults, reading back (spec §4.6)."""

import pytest

from .rest_calls import BASE, EPOCH, call, error_text, make_state

ORDERS = "salesorder/SalesOrders"


@pytest.fixture
def state():
    return make_state(items=30, customers=10)


def first(state, table: str) -> dict:
    rows = getattr(state.divisions[100001], table)
    return rows.rows[rows.keys[0]]


def order_body(state, **extra):
    item = first(state, "items")
    lines = [
        {"Item": item["ID"], "Quantity": 2, "NetPrice": 10.5},
        {"Item": item["ID"], "Quantity": 1.5},
    ]
    return {"OrderedBy": first(state, "accounts")["ID"], "SalesOrderLines": lines, **extra}


def test_post_creates_an_open_order_with_defaults(state):
    status, body = call(state, ORDERS, method="POST", body=order_body(state, YourRef="SD-1"))
    assert status == 201
    order = body["d"]
    account, item = first(state, "accounts"), first(state, "items")
    assert order["OrderNumber"] == 1
    assert (order["Status"], order["StatusDescription"], order["ApprovalStatus"]) == (12, "Open", 1)
    assert order["OrderDate"] == "/Date(1772409600000)/"  # 2026-03-02 local midnight
    assert order["DeliveryDate"] == order["OrderDate"]
    assert (order["OrderedByName"], order["DeliverTo"]) == (account["Name"], account["ID"])
    expected = round(2 * 10.5 + 1.5 * item["StandardSalesPrice"], 2)
    assert order["AmountFC"] == order["AmountDC"] == expected
    assert order["YourRef"] == "SD-1"
    lines_uri = f"{BASE}/api/v1/100001/{ORDERS}(guid'{order['OrderID']}')/SalesOrderLines"
    assert order["SalesOrderLines"] == {"__deferred": {"uri": lines_uri}}
    assert order["Created"] == f"/Date({int((EPOCH + 3600) * 1000)})/"
    assert len(state.divisions[100001].sales_orders) == 1
    assert len(state.divisions[100001].sales_order_lines) == 2


def test_order_numbers_are_sequential_per_division(state):
    numbers = [
        call(state, ORDERS, method="POST", body=order_body(state))[1]["d"]["OrderNumber"]
        for _ in range(3)
    ]
    assert numbers == [1, 2, 3]
    other = state.divisions[100002]
    body = {
        "OrderedBy": other.accounts.keys[0],
        "SalesOrderLines": [{"Item": other.items.keys[0], "Quantity": 1}],
    }
    _, answer = call(state, ORDERS, method="POST", body=body, division=100002)
    assert answer["d"]["OrderNumber"] == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SalesOrderLines": []}, "Sales order lines are mandatory"),
        ({"SalesOrderLines": None}, "Sales order lines are mandatory"),
        ({"SalesOrderLines": {"Item": "x", "Quantity": 1}}, "Error processing request stream"),
        ({"SalesOrderLines": ["x"]}, "Error processing request stream"),
        ({"OrderedBy": None}, "Mandatory: OrderedBy"),
        ({"OrderedBy": "00000000-0000-4000-8000-000000000000"}, "does not exist"),
    ],
)
def test_post_validation(state, change, message):
    status, body = call(state, ORDERS, method="POST", body={**order_body(state), **change})
    assert status == 400
    assert message in error_text(body)
    assert len(state.divisions[100001].sales_orders) == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"Quantity": "1,00"}, "'Edm.Double'"),
        ({"Item": None}, "Mandatory: Item"),
        ({"Item": "00000000-0000-4000-8000-000000000000"}, "does not exist"),
        ({"Quantity": None}, "Mandatory: Quantity"),
    ],
)
def test_line_validation(state, line, message):
    body = order_body(state)
    body["SalesOrderLines"][0].update(line)
    status, answer = call(state, ORDERS, method="POST", body=body)
    assert status == 400
    assert message in error_text(answer)
    assert len(state.divisions[100001].sales_order_lines) == 0


def test_find_by_your_ref_and_expand_lines(state):
    call(state, ORDERS, method="POST", body=order_body(state, YourRef="SD-O'Brien"))
    call(state, ORDERS, method="POST", body=order_body(state, YourRef="other"))
    query = {
        "$filter": "YourRef eq 'SD-O''Brien'",
        "$select": "OrderID,OrderNumber,SalesOrderLines/LineNumber,SalesOrderLines/Quantity",
        "$expand": "SalesOrderLines",
    }
    status, body = call(state, ORDERS, query)
    assert status == 200
    [order] = body["d"]["results"]
    assert order["OrderNumber"] == 1
    lines = order["SalesOrderLines"]["results"]
    assert [(line["LineNumber"], line["Quantity"]) for line in lines] == [(1, 2.0), (2, 1.5)]
    assert set(lines[0]) == {"__metadata", "LineNumber", "Quantity"}


def test_lines_by_order_id_and_by_navigation(state):
    _, posted = call(state, ORDERS, method="POST", body=order_body(state, Description="d"))
    order_id = posted["d"]["OrderID"]
    query = {"$filter": f"OrderID eq guid'{order_id}'", "$select": "Item,NetPrice,AmountFC"}
    _, body = call(state, "salesorder/SalesOrderLines", query)
    assert [row["AmountFC"] for row in body["d"]["results"]] == [
        21.0,
        pytest.approx(round(1.5 * first(state, "items")["StandardSalesPrice"], 2)),
    ]
    _, nav = call(state, f"{ORDERS}(guid'{order_id}')/SalesOrderLines")
    assert len(nav["d"]["results"]) == 2


def test_put_and_delete_orders(state):
    _, posted = call(state, ORDERS, method="POST", body=order_body(state))
    key = f"{ORDERS}(guid'{posted['d']['OrderID']}')"
    assert call(state, key, method="PUT", body={"Remarks": "bel eerst"})[0] == 204
    assert (
        state.divisions[100001].sales_orders.get(posted["d"]["OrderID"])["Remarks"] == "bel eerst"
    )
    other = state.divisions[100001].accounts.keys[1]
    status, body = call(state, key, method="PUT", body={"OrderedBy": other})
    assert (status, error_text(body)) == (400, "OrderedBy cannot be changed.")
    assert call(state, key, method="DELETE")[0] == 204
    kinds = sorted(row["EntityType"] for row in state.divisions[100001].deleted)
    assert kinds == [32, 33, 33]
    assert len(state.divisions[100001].sales_orders) == 0


def test_bulk_and_sync_order_feeds(state):
    _, posted = call(state, ORDERS, method="POST", body=order_body(state))
    _, bulk = call(state, "bulk/SalesOrder/SalesOrders", {"$select": "OrderID,OrderNumber"})
    assert [r["OrderNumber"] for r in bulk["d"]["results"]] == [1]
    query = {"$filter": "Timestamp gt 1", "$select": "OrderID,ID,Timestamp"}
    _, sync = call(state, "sync/SalesOrder/SalesOrderHeaders", query)
    [row] = sync["d"]["results"]
    assert row["OrderID"] == row["ID"] == posted["d"]["OrderID"]


def test_orders_are_found_by_description_or_your_ref_in_one_filter(state):
    call(state, ORDERS, method="POST", body=order_body(state, Description="SD-x-000001"))
    call(state, ORDERS, method="POST", body=order_body(state, YourRef="SD-x-000001"))
    call(state, ORDERS, method="POST", body=order_body(state, Description="SD-x-000002"))
    query = {
        "$filter": "Description eq 'SD-x-000001' or YourRef eq 'SD-x-000001'",
        "$select": "OrderNumber,Description,YourRef",
    }
    status, body = call(state, ORDERS, query)
    assert status == 200
    found = [(row["OrderNumber"], row["Description"]) for row in body["d"]["results"]]
    assert sorted(found) == [(1, "SD-x-000001"), (2, None)]
