"""Control routes deliver, invoice, pay, cancel: rows, Timestamps, consistency (spec §9.2)."""

import pytest

from exact_sandbox.data.order_status import CANCELLED, COMPLETE, OPEN, PARTIAL
from tests.exact_sandbox.data.rest_calls import call

from .ledger_state import DIVISION, assert_consistent, highest, sync_all

HEADERS = "sync/SalesOrder/SalesOrderHeaders"
LINES = "sync/SalesOrder/SalesOrderLines"
DELIVERIES = "sync/SalesOrder/GoodsDeliveries"


@pytest.fixture
def division(sandbox_state):
    return sandbox_state.divisions[DIVISION]


def _open_order(division) -> dict:
    """The newest order that has nothing delivered yet, with at least two lines."""
    for order in sorted(division.sales_orders, key=lambda row: -row["OrderNumber"]):
        keys = division.sales_order_lines.lookup("OrderID", order["OrderID"])
        if order["Status"] == OPEN and len(keys) >= 2:
            return order
    raise AssertionError("the seeded history has no open order")


def _lines(division, order) -> list[dict]:
    keys = division.sales_order_lines.lookup("OrderID", order["OrderID"])
    return sorted((division.sales_order_lines.rows[k] for k in keys), key=lambda r: r["LineNumber"])


def _cursors(state) -> tuple[int, int]:
    return (
        highest(sync_all(state, HEADERS, "ID,Timestamp")),
        highest(sync_all(state, LINES, "ID,Timestamp")),
    )


def test_delivering_part_of_a_line_ticks_the_line_and_the_header_once(
    sandbox_state, sandbox_http, division
):
    order = _open_order(division)
    first = _lines(division, order)[0]
    header_cursor, line_cursor = _cursors(sandbox_state)
    delivery_cursor = highest(sync_all(sandbox_state, DELIVERIES, "EntryID,Timestamp"))
    quantity = first["Quantity"] / 2 if first["Quantity"] > 1 else first["Quantity"]

    answer = sandbox_http.post(
        "/_sandbox/deliver",
        json={
            "order_number": order["OrderNumber"],
            "tracking_number": "3SABC1",
            "lines": [{"line_number": 1, "quantity": quantity}],
        },
    )

    assert answer.status_code == 200, answer.text
    changed_lines = sync_all(sandbox_state, LINES, "ID,QuantityDelivered,Status", line_cursor)
    assert [(r["ID"], r["QuantityDelivered"]) for r in changed_lines] == [(first["ID"], quantity)]
    headers = sync_all(sandbox_state, HEADERS, "ID,DeliveryStatus,Status", header_cursor)
    assert [(r["ID"], r["DeliveryStatus"], r["Status"]) for r in headers] == [
        (order["OrderID"], PARTIAL, PARTIAL)
    ]
    entry = answer.json()["delivery"]
    deliveries = sync_all(sandbox_state, DELIVERIES, "EntryID,TrackingNumber", delivery_cursor)
    assert [(r["EntryID"], r["TrackingNumber"]) for r in deliveries] == [(entry, "3SABC1")]


def test_a_line_change_that_leaves_the_header_as_it_was_ticks_only_the_line(
    sandbox_state, sandbox_http, division
):
    order = _open_order(division)
    number = order["OrderNumber"]
    sandbox_http.post(
        "/_sandbox/deliver",
        json={"order_number": number, "lines": [{"line_number": 1, "quantity": 1}]},
    )
    header_cursor, line_cursor = _cursors(sandbox_state)

    sandbox_http.post(
        "/_sandbox/deliver",
        json={"order_number": number, "lines": [{"line_number": 2, "quantity": 1}]},
    )

    assert len(sync_all(sandbox_state, LINES, "ID", line_cursor)) == 1
    assert sync_all(sandbox_state, HEADERS, "ID", header_cursor) == []  # still Partial
    assert_consistent(division)


def test_deliver_then_invoice_then_pay_completes_the_order_and_clears_the_open_item(
    sandbox_state, sandbox_http, division
):
    order = _open_order(division)
    account = order["InvoiceTo"]
    before = _owed(sandbox_state, account)
    assert sandbox_http.post("/_sandbox/deliver", json={"order": order["OrderID"]}).is_success

    billed = sandbox_http.post("/_sandbox/invoice", json={"order_number": order["OrderNumber"]})

    invoice = billed.json()
    assert billed.status_code == 200 and invoice["order"]["Status"] == COMPLETE
    assert all(line["QuantityInvoiced"] == line["Quantity"] for line in _lines(division, order))
    assert round(_owed(sandbox_state, account) - before, 2) == invoice["amount"]
    feed = sync_all(sandbox_state, "sync/SalesInvoice/SalesInvoices", "InvoiceID,LineNumber")
    mine = sorted(row["LineNumber"] for row in feed if row["InvoiceID"] == invoice["invoice"])
    assert mine == list(range(len(_lines(division, order)) + 1))  # header 0, then the lines

    paid = sandbox_http.post("/_sandbox/pay", json={"invoice_number": invoice["invoice_number"]})

    assert paid.status_code == 200 and paid.json()["receivables"][0]["IsFullyPaid"]
    assert round(_owed(sandbox_state, account), 2) == round(before, 2)
    assert_consistent(division)


def test_a_part_payment_splits_the_open_item(sandbox_state, sandbox_http, division):
    invoice = next(i for i in division.sales_invoices if _open_terms(division, i))
    amount = _open_terms(division, invoice)[0]["AmountDC"]
    cursor = highest(sync_all(sandbox_state, "sync/Cashflow/PaymentTerms", "ID,Timestamp"))

    answer = sandbox_http.post(
        "/_sandbox/pay", json={"invoice": invoice["InvoiceID"], "amount": 10}
    )

    assert answer.status_code == 200
    changed = sync_all(
        sandbox_state, "sync/Cashflow/PaymentTerms", "ID,EntryID,AmountDC,IsFullyPaid", cursor
    )
    assert sorted((r["AmountDC"], r["IsFullyPaid"]) for r in changed) == sorted(
        [(10.0, True), (round(amount - 10, 2), False)]
    )
    assert len({row["EntryID"] for row in changed}) == 1
    assert [r["AmountDC"] for r in _open_terms(division, invoice)] == [round(amount - 10, 2)]
    assert_consistent(division)


def test_cancelling_an_order_cancels_its_open_lines_and_frees_planned_stock(sandbox_http, division):
    order = _open_order(division)
    line = _lines(division, order)[0]
    planned = _planned_out(division, line["Item"], order["WarehouseID"])

    answer = sandbox_http.post("/_sandbox/cancel", json={"order_number": order["OrderNumber"]})

    assert answer.json()["order"]["Status"] == CANCELLED
    assert all(row["OrderStatus"] == CANCELLED for row in _lines(division, order))
    freed = sum(r["Quantity"] for r in _lines(division, order) if r["Item"] == line["Item"])
    assert _planned_out(division, line["Item"], order["WarehouseID"]) == planned - freed
    refused = sandbox_http.post("/_sandbox/deliver", json={"order_number": order["OrderNumber"]})
    assert refused.status_code == 400 and "cancelled" in refused.json()["error"]
    assert_consistent(division)


@pytest.mark.parametrize(
    ("route", "body", "message"),
    [
        ("deliver", {"order_number": 999999}, "no order_number"),
        ("deliver", {}, "name the record"),
        ("invoice", {"order_number": "OPEN"}, "nothing delivered"),
        ("pay", {"invoice_number": 1}, "no invoice_number"),
        (
            "deliver",
            {"order_number": "OPEN", "lines": [{"line_number": 1, "quantity": 9999}]},
            "cannot be delivered",
        ),
        ("stock", {"item_code": "ART-000001", "warehouse_code": "9", "current": 1}, "no warehouse"),
        ("delete", {"kind": "planet", "key": "x"}, "unknown kind"),
    ],
)
def test_malformed_control_requests_are_400_and_change_nothing(
    sandbox_http, division, route, body, message
):
    if body.get("order_number") == "OPEN":
        body = {**body, "order_number": _open_order(division)["OrderNumber"]}
    stamp = division.last_timestamp

    answer = sandbox_http.post(f"/_sandbox/{route}", json=body)

    assert answer.status_code == 400 and message in answer.json()["error"]
    assert division.last_timestamp == stamp


def _open_terms(division, invoice) -> list[dict]:
    keys = division.receivables.lookup("InvoiceNumber", invoice["InvoiceNumber"]) or ()
    return [
        division.receivables.rows[k]
        for k in keys
        if not division.receivables.rows[k]["IsFullyPaid"]
    ]


def _owed(state, account: str) -> float:
    _, body = call(
        state,
        "read/financial/ReceivablesListByAccount",
        {"accountId": f"guid'{account}'", "$select": "Amount"},
    )
    rows = body["d"] if isinstance(body["d"], list) else body["d"]["results"]
    return sum(row["Amount"] for row in rows)


def _planned_out(division, item: str, warehouse: str) -> float:
    keys = division.stock_positions.lookup("ItemId", item)
    (row,) = [
        division.stock_positions.rows[k]
        for k in keys
        if division.stock_positions.rows[k]["Warehouse"] == warehouse
    ]
    return row["PlanningOut"]
