"""Seeded history is consistent: orders, deliveries, invoices, receivables, stock (spec §9)."""

from collections import Counter, defaultdict

import pytest

from exact_sandbox.cli import build_parser, config_from_args
from exact_sandbox.data.order_status import CANCELLED, COMPLETE, OPEN, PARTIAL, header_status
from exact_sandbox.odata.values import date_ms
from tests.exact_sandbox.data.rest_calls import EPOCH, make_state

from .ledger_state import DIVISION, assert_consistent, history_state


@pytest.fixture(scope="module")
def division():
    return history_state(items=80, customers=60).divisions[DIVISION]


def test_every_order_line_has_the_quantities_of_its_deliveries_and_invoices(division):
    delivered, invoiced = Counter(), Counter()
    for row in division.goods_delivery_lines:
        delivered[row["SalesOrderLineID"]] += row["QuantityDelivered"]
    for row in division.sales_invoice_lines:
        invoiced[row["SalesOrderLine"]] += row["Quantity"]
    for line in division.sales_order_lines:
        assert line["QuantityDelivered"] == delivered[line["ID"]]
        assert line["QuantityInvoiced"] == invoiced[line["ID"]]
        assert line["QuantityInvoiced"] <= line["QuantityDelivered"] <= line["Quantity"]
    assert len(division.sales_order_lines) > 300  # ~10 lines a customer
    assert_consistent(division)


def test_header_statuses_follow_the_lines_and_every_status_occurs(division):
    lines = defaultdict(list)
    for line in division.sales_order_lines:
        lines[line["OrderID"]].append(line)
    seen = Counter()
    for order in division.sales_orders:
        expected = header_status(lines[order["OrderID"]])
        assert {name: order[name] for name in expected} == expected
        assert order["AmountFC"] == round(sum(x["AmountFC"] for x in lines[order["OrderID"]]), 2)
        seen[order["Status"]] += 1
    assert set(seen) == {OPEN, PARTIAL, COMPLETE, CANCELLED}
    assert seen[COMPLETE] > seen[OPEN]


def test_each_invoice_has_one_receivable_of_its_amount_and_late_ones_stay_open(division):
    by_number = {row["InvoiceNumber"]: row for row in division.receivables}
    for invoice in division.sales_invoices:
        lines = [r for r in division.sales_invoice_lines if r["InvoiceID"] == invoice["InvoiceID"]]
        assert invoice["AmountFCExclVat"] == round(sum(r["AmountFC"] for r in lines), 2)
        assert by_number[invoice["InvoiceNumber"]]["AmountDC"] == invoice["AmountDC"]
    assert len(by_number) == len(division.sales_invoices)
    today = date_ms(division.audit(EPOCH)["Created"])
    open_rows = [row for row in division.receivables if not row["IsFullyPaid"]]
    overdue = [row for row in open_rows if date_ms(row["DueDate"]) < today]
    assert overdue and len(open_rows) < len(division.receivables) / 2


def test_some_customers_owe_more_than_their_credit_line_and_some_are_blocked(division):
    owed = Counter()
    for row in division.receivables:
        if not row["IsFullyPaid"]:
            owed[row["Account"]] += row["AmountDC"]
    over = [
        account
        for account in division.accounts
        if account["CreditLineSales"] and owed[account["ID"]] > account["CreditLineSales"]
    ]
    assert over
    assert any(account["Blocked"] for account in division.accounts)


def test_stock_is_kept_per_item_and_warehouse_and_adds_up(division):
    warehouses = list(division.warehouses)
    assert len(warehouses) == 3 and [w["Main"] for w in warehouses].count(1) == 1
    assert len(division.stock_positions) == len(division.items) * 3
    totals = Counter()
    for row in division.stock_positions:
        totals[row["ItemId"]] += row["CurrentStock"]
        assert row["ProjectedStock"] == row["CurrentStock"] + row["PlanningIn"] - row["PlanningOut"]
        free = row["CurrentStock"] - row["ReservedStock"] - row["PlanningOut"]
        assert row["FreeStock"] == free
    assert all(item["Stock"] == totals[item["ID"]] for item in division.items)


def test_planned_out_stock_is_the_open_quantity_of_the_orders(division):
    warehouse_of = {order["OrderID"]: order["WarehouseID"] for order in division.sales_orders}
    open_quantity = Counter()
    for line in division.sales_order_lines:
        if line["OrderStatus"] != CANCELLED:
            key = (line["Item"], warehouse_of[line["OrderID"]])
            open_quantity[key] += line["Quantity"] - line["QuantityDelivered"]
    for row in division.stock_positions:
        assert row["PlanningOut"] == open_quantity[(row["ItemId"], row["Warehouse"])]
    assert sum(open_quantity.values()) > 0


def test_customers_have_addresses_a_main_contact_and_an_account_manager(division):
    contacts = {row["ID"]: row for row in division.contacts}
    managers = {account["AccountManager"] for account in division.accounts}
    assert len(managers) > 1 and None not in managers
    for order in division.sales_orders:
        account = division.accounts.rows[order["OrderedBy"]]
        assert order["Salesperson"] == account["AccountManager"]
        assert order["OrderedByContactPerson"] == account["MainContact"]
    for account in division.accounts:
        types = Counter(
            row["Type"] for row in division.addresses if row["Account"] == account["ID"]
        )
        assert types[1] == 1 and types[4] >= 1
        main = contacts[account["MainContact"]]
        assert main["IsMainContact"] and main["Account"] == account["ID"]
    assert len(division.addresses) > 2 * len(division.accounts)


def test_the_same_seed_gives_the_same_history_and_without_history_no_orders():
    first = history_state(items=20, customers=10).divisions[DIVISION]
    again = history_state(items=20, customers=10).divisions[DIVISION]
    assert list(first.sales_invoice_lines) == list(again.sales_invoice_lines)
    assert list(first.stock_positions) == list(again.stock_positions)
    plain = make_state(items=20, customers=10).divisions[DIVISION]
    assert len(plain.sales_orders) == len(plain.receivables) == 0
    assert len(plain.stock_positions) == 60 and len(plain.contacts) >= 10


def test_the_command_line_seeds_two_years_by_default_and_takes_the_knobs():
    default = config_from_args(build_parser().parse_args([]))
    assert (default.warehouses, default.history_months, default.history_lines_per_customer) == (
        3, 24, 10)  # fmt: skip
    flags = ["--warehouses", "2", "--history-months", "0", "--history-lines", "4"]
    chosen = config_from_args(build_parser().parse_args(flags))
    assert (chosen.warehouses, chosen.history_months, chosen.history_lines_per_customer) == (
        2, 0, 4)  # fmt: skip


def test_reseed_through_the_control_api_takes_the_history_knobs(sandbox_state, sandbox_http):
    sandbox_http.post("/_sandbox/reseed", json={"history_months": 0})
    assert len(sandbox_state.divisions[DIVISION].sales_orders) == 0

    answer = sandbox_http.post(
        "/_sandbox/reseed", json={"history_months": 12, "warehouses": 2, "customers": 10}
    )

    assert answer.status_code == 200
    division = sandbox_state.divisions[DIVISION]
    assert len(division.sales_orders) > 0 and len(division.warehouses) == 2
