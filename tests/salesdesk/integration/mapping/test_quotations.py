"""The quotation payload and the readers of Exact's quotation rows."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from salesdesk.integration.mapping.quotations import (
    converted_order_find,
    exact_quotation_ref,
    quotation_accepted,
    quotation_payload,
    quotation_row_find,
    quotation_status_from_exact,
)
from salesdesk.orders.models import Order
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def order() -> Order:
    order = make_order(company=make_company(slug="acme"), your_ref="PO-3", notes="Gate 2",
                       delivery_date=date(2030, 5, 1))  # fmt: skip
    order.kind = Order.Kind.QUOTATION
    return order


def test_the_payload_carries_the_lines_references_and_header_choices(order):
    contact, warehouse = uuid.uuid4(), uuid.uuid4()
    order.contact_exact_id, order.warehouse_exact_id = contact, warehouse
    order.payment_condition = "30"
    payload = quotation_payload(order, order.lines.select_related("item"))
    assert payload["OrderAccount"] == str(order.customer.exact_id)
    assert (payload["Description"], payload["YourRef"], payload["Remarks"]) == (
        order.number, "PO-3", "Gate 2",
    )  # fmt: skip
    assert payload["DeliveryDate"] == "2030-05-01"
    assert (payload["OrderAccountContact"], payload["WarehouseID"]) == (
        str(contact),
        str(warehouse),
    )
    assert payload["PaymentCondition"] == "30"
    assert "ShippingMethod" not in payload and "DeliveryAddress" not in payload  # none chosen
    assert [line["Quantity"] for line in payload["QuotationLines"]] == [1.0, 2.0]
    assert all(isinstance(line["NetPrice"], float) for line in payload["QuotationLines"])


def test_rows_are_read_in_salesdesks_words(order):
    key = uuid.uuid4()
    row = {"QuotationID": str(key), "QuotationNumber": 4, "Status": 25,
           "StatusDescription": "Open", "Description": order.number}  # fmt: skip
    ref = exact_quotation_ref(row)
    assert (ref.quotation_id, ref.number, ref.status, ref.status_label) == (key, 4, 25, "Open")
    assert quotation_row_find([{"Description": "SD-other-000001"}, row], order) is row
    assert quotation_status_from_exact({"ID": str(key), "Status": "5"})["status"] == 5
    assert quotation_accepted({"Status": 50}) and not quotation_accepted({"Status": 25})
    assert not quotation_accepted(None)


def test_the_converted_order_must_be_the_customers_and_carry_our_number(order):
    ours = {"Description": order.number, "OrderedBy": str(order.customer.exact_id).upper()}
    other_customer = {"Description": order.number, "OrderedBy": str(uuid.uuid4())}
    assert converted_order_find([other_customer, ours], order) is ours
    assert converted_order_find([other_customer], order) is None
