"""Reading the stock, history, invoice, receivable and CRM endpoints (spec §3, §9)."""

import pytest

from exact_sandbox.resources.endpoints import ENDPOINTS
from exact_sandbox.resources.ledger_endpoints import LEDGER_ENDPOINTS
from exact_sandbox.schema import reference
from tests.exact_sandbox.data.rest_calls import call

from .ledger_state import DIVISION, history_state, rows_of, sync_all


@pytest.fixture(scope="module")
def state():
    return history_state(items=400, customers=40)


def _query(state, path: str, kind: str) -> dict:
    fields = ",".join(ENDPOINTS[path.lower()].schema.fields)
    if kind == "sync":
        return {"$filter": "Timestamp gt 1", "$select": fields}
    if path.endswith("ByAccount"):
        owing = next(r for r in state.divisions[DIVISION].receivables if not r["IsFullyPaid"])
        return {"accountId": f"guid'{owing['Account']}'"}
    return {"$select": fields}


@pytest.mark.parametrize(("path", "kind"), [(path, kind) for path, kind, *_ in LEDGER_ENDPOINTS])
def test_every_row_has_exactly_the_reference_properties(state, path, kind):
    status, body = call(state, path, _query(state, path, kind))
    assert status == 200, body
    rows = rows_of(body)
    assert rows, path
    wanted = set(reference.properties(path))
    assert all(set(row) - {"__metadata"} == wanted for row in rows)


def test_sync_and_bulk_pages_hold_1000_rows_and_plain_pages_60(state):
    # 400 items x 3 warehouses = 1,200 stock positions.
    status, body = call(
        state,
        "sync/Inventory/StockPositions",
        {"$filter": "Timestamp gt 1", "$select": "ID,ItemId,FreeStock"},
    )
    assert status == 200 and len(body["d"]["results"]) == 1000 and body["d"]["__next"]
    assert len(sync_all(state, "sync/Inventory/StockPositions", "ID,Warehouse")) == 1200
    _, plain = call(state, "inventory/ItemWarehouses", {"$select": "ID,CurrentStock"})
    assert len(plain["d"]["results"]) == 60 and "$skiptoken=guid'" in plain["d"]["__next"]
    _, bulk = call(state, "bulk/SalesOrder/SalesOrderLines", {"$select": "ID,Quantity"})
    lines = len(state.divisions[DIVISION].sales_order_lines)
    assert len(bulk["d"]["results"]) == min(lines, 1000)


def test_bulk_order_lines_refuse_the_status_fields_the_reference_leaves_out(state):
    status, body = call(state, "bulk/SalesOrder/SalesOrderLines", {"$select": "ID,DeliveryStatus"})
    assert status == 400
    assert "Could not find a property named 'DeliveryStatus'" in body["error"]["message"]["value"]
    status, _ = call(
        state,
        "sync/SalesOrder/SalesOrderLines",
        {"$filter": "Timestamp gt 1", "$select": "ID,DeliveryStatus,QuantityDelivered"},
    )
    assert status == 200


def test_the_invoice_feed_carries_header_rows_and_line_rows_with_their_headers_fields(state):
    rows = sync_all(
        state,
        "sync/SalesInvoice/SalesInvoices",
        "ID,InvoiceID,LineNumber,InvoiceNumber,InvoiceDate,ItemCode,Quantity,AmountDC",
    )
    division = state.divisions[DIVISION]
    headers = [row for row in rows if row["LineNumber"] == 0]
    lines = [row for row in rows if row["LineNumber"] > 0]
    assert len(headers) == len(division.sales_invoices)
    assert len(lines) == len(division.sales_invoice_lines)
    assert all(row["ID"] == row["InvoiceID"] and row["ItemCode"] is None for row in headers)
    by_invoice = {row["InvoiceID"]: row for row in headers}
    for line in lines:
        header = by_invoice[line["InvoiceID"]]
        assert line["ID"] != line["InvoiceID"] and line["ItemCode"]
        assert (line["InvoiceNumber"], line["InvoiceDate"]) == (
            header["InvoiceNumber"],
            header["InvoiceDate"],
        )


def test_the_payment_terms_feed_has_receipts_and_payments(state):
    rows = sync_all(state, "sync/Cashflow/PaymentTerms", "ID,LineType,AmountDC,IsFullyPaid")
    kinds = {row["LineType"] for row in rows}
    assert kinds == {20, 22}
    receipts = [row for row in rows if row["LineType"] == 20]
    assert len(receipts) == len(state.divisions[DIVISION].receivables)


def test_receivables_list_shows_what_is_still_owed_per_account(state):
    division = state.divisions[DIVISION]
    open_rows = [row for row in division.receivables if not row["IsFullyPaid"]]
    _, body = call(state, "read/financial/ReceivablesList", {"$select": "HID,AccountId,Amount"})
    listed = rows_of(body)
    assert "__next" not in body["d"]  # read/ services have no page cap (spec §3.1)
    assert sorted(r["Amount"] for r in listed) == sorted(r["AmountDC"] for r in open_rows)
    assert all(isinstance(row["HID"], str) for row in listed)  # Int64 as a JSON string
    account = open_rows[0]["Account"]
    _, mine = call(
        state,
        "read/financial/ReceivablesListByAccount",
        {"accountId": f"guid'{account}'", "$select": "AccountId,Amount"},
    )
    assert {row["AccountId"] for row in rows_of(mine)} == {account}
    owed = sum(row["AmountDC"] for row in open_rows if row["Account"] == account)
    assert round(sum(row["Amount"] for row in rows_of(mine)), 2) == round(owed, 2)
    status, _ = call(state, "read/financial/ReceivablesListByAccount", {"$select": "Amount"})
    assert status == 400


def test_filter_orderby_and_unknown_properties_work_as_on_other_endpoints(state):
    division = state.divisions[DIVISION]
    account = division.accounts.keys[0]
    _, body = call(
        state,
        "crm/Addresses",
        {
            "$filter": f"Account eq guid'{account}' and Type eq 4",
            "$select": "ID,Type,Main",
        },
    )
    rows = rows_of(body)
    assert rows and all(row["Type"] == 4 for row in rows)
    _, ordered = call(
        state,
        "salesinvoice/SalesInvoices",
        {"$select": "InvoiceNumber", "$orderby": "InvoiceNumber desc", "$top": 3},
    )
    numbers = [row["InvoiceNumber"] for row in rows_of(ordered)]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) == 3
    status, body = call(state, "inventory/Warehouses", {"$select": "ID,Stock"})
    assert status == 400 and "'Stock'" in body["error"]["message"]["value"]
    status, _ = call(
        state,
        "sync/CRM/Contacts",
        {"$filter": "Account eq guid'00000000-0000-0000-0000-000000000000'", "$select": "ID"},
    )
    assert status == 400  # sync endpoints filter on Timestamp only


def test_two_divisions_do_not_mix(state):
    first = sync_all(state, "sync/CRM/Contacts", "ID,Account,Division")
    other = sync_all(state, "sync/CRM/Contacts", "ID,Account,Division", division=100002)
    assert {row["Division"] for row in first} == {DIVISION}
    assert {row["Division"] for row in other} == {100002}
    assert not {row["ID"] for row in first} & {row["ID"] for row in other}
    accounts = set(state.divisions[100002].accounts.keys)
    assert {row["Account"] for row in other} <= accounts


BULK_OF = {
    "salesorder/GoodsDeliveries": "SalesOrder/GoodsDeliveries",
    "salesinvoice/SalesInvoices": "SalesInvoice/SalesInvoices",
}


@pytest.mark.parametrize(
    ("path", "key", "nav", "parent"),
    [
        ("salesorder/GoodsDeliveries", "EntryID", "GoodsDeliveryLines", "EntryID"),
        ("salesinvoice/SalesInvoices", "InvoiceID", "SalesInvoiceLines", "InvoiceID"),
    ],
)
def test_document_lines_are_deferred_expandable_and_navigable(state, path, key, nav, parent):
    _, body = call(state, path, {"$select": f"{key},{nav}", "$top": 1})
    (document,) = rows_of(body)
    assert document[nav]["__deferred"]["uri"].endswith(f"(guid'{document[key]}')/{nav}")
    _, expanded = call(
        state, path, {"$select": f"{key},{nav}/LineNumber,{nav}/{parent}", "$expand": nav,
                      "$filter": f"{key} eq guid'{document[key]}'"},
    )  # fmt: skip
    lines = rows_of(expanded)[0][nav]["results"]
    assert lines and [line["LineNumber"] for line in lines] == list(range(1, len(lines) + 1))
    assert {line[parent] for line in lines} == {document[key]}
    _, navigated = call(state, f"{path}(guid'{document[key]}')/{nav}")
    assert [line["LineNumber"] for line in rows_of(navigated)] == [x["LineNumber"] for x in lines]
    bulk = "bulk/" + BULK_OF[path]
    status, _ = call(state, bulk, {"$select": key, "$expand": nav})
    assert status == 400


def test_whitelisting_bulk_endpoints_refuse_filters_on_other_fields(state):
    account = state.divisions[DIVISION].accounts.keys[0]
    allowed = {"$select": "ID,Type", "$filter": f"Account eq guid'{account}' and Type eq 4"}
    status, body = call(state, "bulk/CRM/Addresses", allowed)
    assert status == 200 and rows_of(body)

    status, body = call(
        state, "bulk/CRM/Addresses", {"$select": "ID", "$filter": "City eq 'Breda'"}
    )

    assert status == 400
    assert "not supported: City" in body["error"]["message"]["value"]
    plain = call(state, "crm/Addresses", {"$select": "ID", "$filter": "City eq 'Breda'"})
    assert plain[0] == 200
