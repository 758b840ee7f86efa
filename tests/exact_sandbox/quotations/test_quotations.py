"""Quotations: POST rules, amounts, lines, the header feed, accepting into a sales order,
and the control route that moves a quotation as a customer would (spec §9.1, §9.4)."""

import pytest

from tests.exact_sandbox.data.rest_calls import call, error_text, make_state

QUOTATIONS = "crm/Quotations"
ACCEPT = "crm/AcceptQuotation"
HEADERS = "sync/CRM/QuotationHeaders"
DIVISION = 100001


@pytest.fixture
def state():
    return make_state(items=30, customers=10)


def _division(state):
    return state.divisions[DIVISION]


def _first(state, table: str) -> dict:
    rows = getattr(_division(state), table)
    return rows.rows[rows.keys[0]]


def _body(state, **extra) -> dict:
    item = _first(state, "items")
    lines = [{"Item": item["ID"], "Quantity": 2, "NetPrice": 10.5}, {"Item": item["ID"]}]
    return {"OrderAccount": _first(state, "accounts")["ID"], "QuotationLines": lines, **extra}


def _post(state, **extra) -> dict:
    status, body = call(state, QUOTATIONS, method="POST", body=_body(state, **extra))
    assert status == 201, body
    return body["d"]


def _accept(state, quotation_id: str, action: int = 1):
    return call(state, ACCEPT, method="POST", body={"QuotationID": quotation_id, "Action": action})


def test_post_stores_an_open_quotation_with_numbers_amounts_and_lines(state):
    account, item = _first(state, "accounts"), _first(state, "items")
    contact = next(c for c in _division(state).contacts if c["Account"] == account["ID"])
    method = _first(state, "shipping_methods")
    quotation = _post(
        state, Description="SD-acme-000001", YourRef="PO-7", Remarks="Call first",
        OrderAccountContact=contact["ID"], ShippingMethod=method["ID"],
        DeliveryDate="2026-03-20",
    )  # fmt: skip
    assert (quotation["QuotationNumber"], quotation["VersionNumber"]) == (1, 1)
    assert (quotation["Status"], quotation["StatusDescription"]) == (25, "Open")
    assert (quotation["Description"], quotation["YourRef"]) == ("SD-acme-000001", "PO-7")
    assert quotation["OrderAccountName"] == account["Name"]
    assert quotation["OrderAccountContactFullName"] == contact["FullName"]
    assert quotation["ShippingMethodDescription"] == method["Description"]
    assert quotation["DeliveryDate"].startswith("/Date(")
    expected = round(2 * 10.5 + item["StandardSalesPrice"], 2)
    assert quotation["AmountFC"] == quotation["AmountDC"] == expected
    status, lines = call(state, QUOTATIONS + f"(guid'{quotation['QuotationID']}')/QuotationLines")
    assert status == 200
    rows = lines["d"]["results"]
    assert [row["LineNumber"] for row in rows] == [1, 2]
    assert rows[1]["Quantity"] == 1.0 and rows[1]["NetPrice"] == item["StandardSalesPrice"]
    assert _post(state)["QuotationNumber"] == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"OrderAccount": None}, "Mandatory: OrderAccount"),
        ({"QuotationLines": []}, "Quotation lines are mandatory"),
        ({"QuotationLines": [{"Quantity": 1}]}, "Mandatory: Item (line 1)"),
        ({"QuotationLines": {"Item": "x"}}, "Error processing request stream"),
        ({"ShippingMethod": "5a1e5de5-0000-4000-8000-00000000dead"}, "ShippingMethod"),
        ({"Discount": 0.1}, "The property name 'Discount'"),
    ],
)
def test_post_refuses_what_exact_refuses_and_stores_nothing(state, change, message):
    status, body = call(state, QUOTATIONS, method="POST", body={**_body(state), **change})
    assert status == 400
    assert message in error_text(body)
    assert len(_division(state).quotations) == len(_division(state).quotation_lines) == 0


def test_accepting_with_action_1_makes_one_sales_order_from_the_quotation(state):
    quotation = _post(state, Description="SD-acme-000002", YourRef="PO-9", Remarks="Gate 4")
    status, body = _accept(state, quotation["QuotationID"])
    assert status == 201, body
    assert "accepted" in body["d"]["SuccessMessage"]
    assert "Sales order 1" in body["d"]["SalesOrderSuccess"]
    orders = list(_division(state).sales_orders)
    assert len(orders) == 1
    order = orders[0]
    assert order["OrderedBy"] == quotation["OrderAccount"]
    assert (order["Description"], order["YourRef"], order["Remarks"]) == (
        "SD-acme-000002", "PO-9", "Gate 4",
    )  # fmt: skip
    assert order["AmountFC"] == quotation["AmountFC"]
    lines = _division(state).sales_order_lines.lookup("OrderID", order["OrderID"])
    assert len(lines) == 2
    status, again = call(state, QUOTATIONS + f"(guid'{quotation['QuotationID']}')")
    assert (again["d"]["Status"], again["d"]["StatusDescription"]) == (50, "Accepted")


def test_accepting_twice_or_a_rejected_quotation_is_refused_and_makes_no_order(state):
    accepted, rejected = _post(state), _post(state)
    assert _accept(state, accepted["QuotationID"])[0] == 201
    status, body = _accept(state, accepted["QuotationID"])
    assert status == 400 and "already been accepted" in error_text(body)
    _division(state).quotations.rows[rejected["QuotationID"]]["Status"] = 5
    status, body = _accept(state, rejected["QuotationID"])
    assert status == 400 and "rejected" in error_text(body)
    assert len(_division(state).sales_orders) == 1


def test_accept_names_an_existing_quotation_and_a_supported_action(state):
    quotation = _post(state)
    status, body = _accept(state, "5a1e5de5-0000-4000-8000-00000000dead")
    assert status == 400 and "does not exist" in error_text(body)
    status, body = _accept(state, quotation["QuotationID"], action=2)
    assert status == 400 and "Action 2" in error_text(body)
    status, body = call(state, ACCEPT, method="POST", body={"Action": 1})
    assert status == 400 and "Mandatory: QuotationID" in error_text(body)
    assert len(_division(state).sales_orders) == 0


def test_the_header_feed_carries_new_quotations_and_status_changes(state):
    first = _post(state)
    query = {"$filter": "Timestamp gt 1", "$select": "ID,Status,Timestamp"}
    status, body = call(state, HEADERS, query)
    rows = body["d"]["results"]
    assert status == 200 and [row["ID"] for row in rows] == [first["QuotationID"]]
    cursor = int(rows[-1]["Timestamp"])
    _accept(state, first["QuotationID"])
    query = {"$filter": f"Timestamp gt {cursor}", "$select": "QuotationID,Status,Timestamp"}
    rows = call(state, HEADERS, query)[1]["d"]["results"]
    assert [(row["QuotationID"], row["Status"]) for row in rows] == [(first["QuotationID"], 50)]
    assert int(rows[0]["Timestamp"]) > cursor


def test_the_control_route_rejects_or_accepts_as_the_customer_would(sandbox_http, sandbox_state):
    state = sandbox_state
    division = _division(state)
    account = division.accounts.rows[division.accounts.keys[0]]
    item = division.items.rows[division.items.keys[0]]
    for _ in range(2):
        body = {"OrderAccount": account["ID"], "QuotationLines": [{"Item": item["ID"]}]}
        assert call(state, QUOTATIONS, method="POST", body=body)[0] == 201
    answer = sandbox_http.post("/_sandbox/quotation", json={"quotation_number": 1, "status": 5})
    assert answer.status_code == 200
    assert answer.json()["quotation"]["StatusDescription"] == "Rejected"
    refused = sandbox_http.post("/_sandbox/quotation", json={"quotation_number": 1, "status": 50})
    assert refused.status_code == 400 and "rejected" in refused.json()["error"]
    accepted = sandbox_http.post("/_sandbox/quotation", json={"quotation_number": 2, "status": 50})
    assert accepted.status_code == 200
    assert (
        accepted.json()["order_number"]
        == division.sales_orders.rows[accepted.json()["order"]]["OrderNumber"]
    )
    listing = sandbox_http.get("/_sandbox/quotations", params={"division": DIVISION}).json()
    assert [(row["QuotationNumber"], row["Status"]) for row in listing["rows"]] == [(1, 5), (2, 50)]
    assert all(len(row["QuotationLines"]) == 1 for row in listing["rows"])
    unknown = sandbox_http.post("/_sandbox/quotation", json={"quotation_number": 1, "status": 7})
    assert unknown.status_code == 400


def test_deleting_a_quotation_writes_sync_deleted_34_and_35(state):
    quotation = _post(state)
    key = quotation["QuotationID"]
    status, _ = call(state, QUOTATIONS + f"(guid'{key}')", method="DELETE")
    assert status == 204
    deleted = [(row["EntityType"], row["EntityKey"]) for row in _division(state).deleted]
    assert (34, key) in deleted
    assert sorted(kind for kind, _ in deleted) == [34, 35, 35]
    assert call(state, QUOTATIONS + f"(guid'{key}')")[0] == 404
    assert len(_division(state).quotation_lines) == 0
