"""The order header in Exact's names: only what the order names goes out (spec §4.6, §9.4)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import orjson

from exact_sandbox.schema import reference
from salesdesk.customers.models import Customer
from salesdesk.integration.mapping.order_header import (
    delivery_address_payload,
    order_header_fields,
)
from salesdesk.integration.mapping.orders import sales_order_payload
from salesdesk.orders.models import Order

IDS = [uuid.UUID(int=n) for n in range(1, 5)]


def _order(**header) -> Order:
    return Order(number="SD-acme-000007", customer_id=None, **header)


def test_every_named_header_field_goes_out_in_exacts_names():
    order = _order(
        delivery_address_exact_id=IDS[0], contact_exact_id=IDS[1],
        shipping_method_exact_id=IDS[2], payment_condition="30", warehouse_exact_id=IDS[3],
        discount=Decimal("0.0750"),
    )  # fmt: skip
    assert order_header_fields(order) == {
        "DeliveryAddress": str(IDS[0]), "OrderedByContactPerson": str(IDS[1]),
        "ShippingMethod": str(IDS[2]), "PaymentCondition": "30", "WarehouseID": str(IDS[3]),
        "Discount": 0.075,
    }  # fmt: skip
    # A JSON number, never a string (§4.6: "1,00" strings broke orders).
    assert orjson.dumps(order_header_fields(order)["Discount"]) == b"0.075"


def test_an_empty_header_sends_nothing_and_exact_defaults_it_from_the_customer():
    assert order_header_fields(_order()) == {}
    assert order_header_fields(_order(discount=Decimal(0), payment_condition="")) == {}


def test_the_sales_order_payload_carries_the_header_and_names_only_known_properties():
    order = _order(shipping_method_exact_id=IDS[2], discount=Decimal("0.1"), notes="Back door")
    order.customer = Customer(exact_id=IDS[0])
    payload = sales_order_payload(order, [])
    assert (payload["ShippingMethod"], payload["Discount"]) == (str(IDS[2]), 0.1)
    properties = reference.properties("salesorder/SalesOrders")
    assert set(payload) <= set(properties)


def test_a_typed_address_becomes_a_delivery_address_of_the_account():
    address = {"line1": " Havenweg 12 ", "line2": "", "postcode": "3011 AB",
               "city": "Rotterdam", "country": "nl"}  # fmt: skip
    payload = delivery_address_payload(account_exact_id=IDS[1], address=address)
    assert payload == {
        "Account": str(IDS[1]), "Type": 4, "AddressLine1": "Havenweg 12",
        "Postcode": "3011 AB", "City": "Rotterdam", "Country": "NL",
    }  # fmt: skip
    assert set(payload) <= set(reference.properties("crm/Addresses"))
