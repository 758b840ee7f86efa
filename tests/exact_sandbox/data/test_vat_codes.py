"""vat/VATCodes: one VAT code table for the endpoint, items and order lines (spec §1.8, §3.4)."""

import pytest

from exact_sandbox import scopes
from exact_sandbox.data.vat_codes import vat_code_row

from .rest_calls import DIVISION, call, error_text, make_state

VAT = "vat/VATCodes"


@pytest.fixture
def state():
    return make_state(items=60, customers=5)


def division(state):
    return state.divisions[DIVISION]


def test_lists_padded_codes_with_fractional_percentages(state):
    status, body = call(state, VAT, {"$select": "ID,Code,Description,Percentage,Type"})
    assert status == 200
    rows = {row["Code"]: row for row in body["d"]["results"]}
    assert {code: row["Percentage"] for code, row in rows.items()} == {
        "0  ": 0.0,
        "1  ": 0.21,
        "2  ": 0.09,
    }
    assert rows["1  "]["Description"] == "BTW 21%"
    assert rows["1  "]["__metadata"]["type"] == "Exact.Web.Api.Models.VATCode"
    assert set(rows["1  "]) == {"__metadata", "ID", "Code", "Description", "Percentage", "Type"}


def test_every_seeded_item_points_to_a_listed_code(state):
    _, body = call(state, VAT, {"$select": "Code,Description"})
    listed = {row["Code"]: row["Description"] for row in body["d"]["results"]}
    items = list(division(state).items)
    assert {item["SalesVatCode"] for item in items} <= set(listed)
    assert all(item["SalesVatCodeDescription"] == listed[item["SalesVatCode"]] for item in items)


def test_filter_on_padded_code_and_nulls_for_unset_fields(state):
    status, body = call(state, VAT, {"$filter": "Code eq '2  '", "$top": "5"})
    assert status == 200
    [row] = body["d"]
    assert (row["Percentage"], row["VATTransactionType"], row["LegalText"]) == (0.09, "B", None)


def test_get_only(state):
    status, body = call(state, VAT, method="POST", body={"Code": "9", "Percentage": 0.5})
    assert status == 405
    assert "not allowed" in error_text(body)


def test_order_line_vat_comes_from_the_table(state):
    data = division(state)
    item = next(row for row in data.items if row["SalesVatCode"] == "1  ")
    key = vat_code_row(data, "1  ")["ID"]
    data.touch(data.vat_codes, key, {"Percentage": 0.25}, state.clock.now())
    account = next(iter(data.accounts))
    body = {"OrderedBy": account["ID"], "SalesOrderLines": [
        {"Item": item["ID"], "Quantity": 2, "NetPrice": 10.0}
    ]}  # fmt: skip
    status, answer = call(state, "salesorder/SalesOrders", method="POST", body=body)
    assert status == 201, answer
    [line] = data.sales_order_lines
    assert (line["VATCode"], line["VATPercentage"], line["VATAmount"]) == ("1  ", 0.25, 5.0)
    _, listed = call(state, VAT, {"$filter": "Code eq '1  '", "$select": "Percentage"})
    assert listed["d"]["results"][0]["Percentage"] == 0.25


def test_needs_the_financial_accounting_scope():
    assert scopes.area_of(VAT) == scopes.FINANCIAL
    without = scopes.ALL_SCOPES - {scopes.FINANCIAL}
    assert scopes.violation(without, VAT, "GET").endswith("Cannot read")
    assert scopes.violation(without | {f"{scopes.FINANCIAL}:read"}, VAT, "GET") is None
