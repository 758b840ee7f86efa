"""Which Exact rows the look-up after an unclear answer takes for Salesdesk's order."""

from __future__ import annotations

from salesdesk.integration.mapping.orders import (
    order_lookup_fields,
    order_row_find,
    order_row_is_ours,
)
from salesdesk.orders.models import Order

OURS = Order(number="SD-acme-000012")


def test_the_look_up_asks_for_the_number_in_description_or_your_ref():
    assert order_lookup_fields(OURS) == {
        "Description": "SD-acme-000012",
        "YourRef": "SD-acme-000012",
    }


def test_a_row_with_our_number_as_description_is_ours_whatever_its_your_ref():
    assert order_row_is_ours({"Description": "SD-acme-000012", "YourRef": "PO-9"}, OURS)
    assert order_row_is_ours({"Description": "SD-acme-000012", "YourRef": None}, OURS)


def test_rows_sent_by_the_old_convention_are_ours():
    # Before: YourRef held Salesdesk's number, Description the customer's reference or a text.
    assert order_row_is_ours({"YourRef": "SD-acme-000012", "Description": "PO-9"}, OURS)
    assert order_row_is_ours(
        {"YourRef": "SD-acme-000012", "Description": "Salesdesk order SD-acme-000012"}, OURS
    )
    assert order_row_is_ours({"YourRef": "SD-acme-000012", "Description": None}, OURS)


def test_a_newer_order_whose_customer_typed_our_number_is_not_ours():
    row = {"YourRef": "SD-acme-000012", "Description": "SD-acme-000031"}
    assert not order_row_is_ours(row, OURS)
    assert not order_row_is_ours({"YourRef": "PO-9", "Description": "SD-acme-000013"}, OURS)


def test_find_takes_the_row_that_is_ours_among_several():
    rows = [
        {"OrderID": "a", "YourRef": "SD-acme-000012", "Description": "SD-Acme_2-000031"},
        {"OrderID": "b", "YourRef": "PO-9", "Description": "SD-acme-000012"},
    ]
    assert order_row_find(rows, OURS)["OrderID"] == "b"
    assert order_row_find(rows[:1], OURS) is None
