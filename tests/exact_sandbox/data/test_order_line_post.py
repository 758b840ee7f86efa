"""POST salesorder/SalesOrderLines: a line added to an existing order (spec §4.6)."""

from __future__ import annotations

import pytest

from .rest_calls import DIVISION, call, error_text, make_state, read_all
from .test_sales_orders import ORDERS, first, order_body

LINES = "salesorder/SalesOrderLines"
FULL = {"Prefer": "return=representation"}


@pytest.fixture
def state():
    return make_state(items=30, customers=10)


@pytest.fixture
def order(state) -> dict:
    status, body = call(state, ORDERS, method="POST", body=order_body(state))
    assert status == 201
    return body["d"]


def _item(state, position: int = 1) -> dict:
    table = state.divisions[DIVISION].items
    return table.rows[table.keys[position]]


def test_a_line_is_added_with_the_next_number_and_the_order_grows(state, order):
    item = _item(state)
    mark = state.divisions[DIVISION].last_timestamp
    status, body = call(state, LINES, method="POST", headers=FULL, body={
        "OrderID": order["OrderID"], "Item": item["ID"], "Quantity": 4, "NetPrice": 2.5,
    })  # fmt: skip

    assert status == 201, body
    line = body["d"]
    assert (line["OrderID"], line["OrderNumber"], line["LineNumber"]) == (
        order["OrderID"], order["OrderNumber"], 3,
    )  # fmt: skip
    assert (line["Item"], line["ItemCode"], line["Quantity"], line["AmountFC"]) == (
        item["ID"], item["Code"], 4.0, 10.0,
    )  # fmt: skip
    status, stored = call(state, f"{ORDERS}(guid'{order['OrderID']}')")
    assert stored["d"]["AmountFC"] == round(order["AmountFC"] + 10.0, 2)
    query = {"$filter": f"OrderID eq guid'{order['OrderID']}'", "$select": "LineNumber"}
    assert sorted(row["LineNumber"] for row in read_all(state, LINES, query)[0]) == [1, 2, 3]
    # Both the new line and the changed header reach their sync feeds.
    since = {"$select": "ID", "$filter": f"Timestamp gt {mark}"}
    lines = read_all(state, "sync/SalesOrder/SalesOrderLines", since)[0]
    headers = read_all(state, "sync/SalesOrder/SalesOrderHeaders", since)[0]
    assert [row["ID"] for row in lines] == [line["ID"]]
    assert [row["ID"] for row in headers] == [order["OrderID"]]


def test_without_prefer_only_the_key_comes_back(state, order):
    status, body = call(state, LINES, method="POST", body={
        "OrderID": order["OrderID"], "Item": _item(state)["ID"], "Quantity": 1,
    })  # fmt: skip
    assert status == 201
    assert body["d"]["ID"] and body["d"]["Quantity"] is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"Quantity": 1}, "Mandatory: OrderID"),
        ({"OrderID": "00000000-0000-0000-0000-000000000001", "Quantity": 1},
         "OrderID: sales order 00000000-0000-0000-0000-000000000001 does not exist."),
        ({"OrderID": "not-a-guid", "Quantity": 1}, "'Edm.Guid'"),
    ],
)  # fmt: skip
def test_the_order_must_exist(state, order, body, message):
    body = {"Item": _item(state)["ID"], **body}
    status, answer = call(state, LINES, method="POST", body=body)
    assert status == 400
    assert message in error_text(answer)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"Quantity": 1}, "Mandatory: Item"),
        ({"Item": "00000000-0000-0000-0000-000000000002", "Quantity": 1}, "does not exist"),
        ({"ITEM": None}, "Mandatory: Quantity"),
        ({"Quantity": 1, "Colour": "red"}, "'Colour' specified for type"),
    ],
)  # fmt: skip
def test_the_line_needs_what_an_order_line_needs(state, order, extra, message):
    body = {"OrderID": order["OrderID"], **extra}
    if "ITEM" in body:
        body = {"OrderID": order["OrderID"], "Item": _item(state)["ID"]}
    status, answer = call(state, LINES, method="POST", body=body)
    assert status == 400
    assert message in error_text(answer)
    assert len(state.divisions[DIVISION].sales_order_lines) == 2


@pytest.mark.parametrize(("status_code", "word"), [(21, "completed"), (45, "cancelled")])
def test_a_closed_order_takes_no_new_line(state, order, status_code, word):
    division = state.divisions[DIVISION]
    division.touch(division.sales_orders, order["OrderID"], {"Status": status_code}, 0.0)
    status, answer = call(state, LINES, method="POST", body={
        "OrderID": order["OrderID"], "Item": first(state, "items")["ID"], "Quantity": 1,
    })  # fmt: skip
    assert status == 400
    assert error_text(answer) == f"A {word} sales order cannot be changed."


def test_put_and_delete_of_a_line_stay_refused(state, order):
    line_key = next(iter(state.divisions[DIVISION].sales_order_lines))["ID"]
    for method in ("PUT", "DELETE"):
        status, _ = call(state, f"{LINES}(guid'{line_key}')", method=method, body={})
        assert status == 405
