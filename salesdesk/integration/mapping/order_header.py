"""The header of an order as Exact's sales order carries it, and a typed delivery address as
a `crm/Addresses` row (spec §4.6, §9.4; names from exact-online-fields.md).

Only what the order names goes out: a field left empty is left out, and Exact fills it from
the customer (its main delivery address and contact, its payment condition and shipping
method, the main warehouse). Numbers go as JSON numbers (§4.6: "1,00" strings broke orders).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from salesdesk.orders.models import Order

DELIVERY_ADDRESS_TYPE = 4  # crm/Addresses Type: 1 visit, 2 postal, 3 invoice, 4 delivery
# Our keys of a typed address -> crm/Addresses properties.
ADDRESS_FIELDS = {"line1": "AddressLine1", "line2": "AddressLine2", "postcode": "Postcode",
                  "city": "City", "country": "Country"}  # fmt: skip


def order_header_fields(order: Order) -> dict[str, Any]:
    """`DeliveryAddress`, `OrderedByContactPerson`, `ShippingMethod`, `PaymentCondition`,
    `WarehouseID` and `Discount` (a fraction) of the order, the ones it names."""
    fields: dict[str, Any] = {}
    guids = (
        ("DeliveryAddress", order.delivery_address_exact_id),
        ("OrderedByContactPerson", order.contact_exact_id),
        ("ShippingMethod", order.shipping_method_exact_id),
        ("WarehouseID", order.warehouse_exact_id),
    )
    fields.update({name: str(value) for name, value in guids if value})
    if order.payment_condition:
        fields["PaymentCondition"] = order.payment_condition
    if order.discount:
        fields["Discount"] = float(order.discount)
    return fields


def delivery_address_payload(*, account_exact_id: object, address: Mapping[str, Any]) -> dict:
    """The POST body of a typed delivery address of the account `account_exact_id`."""
    payload: dict[str, Any] = {"Account": str(account_exact_id), "Type": DELIVERY_ADDRESS_TYPE}
    for key, name in ADDRESS_FIELDS.items():
        value = address.get(key)
        if isinstance(value, str) and value.strip():
            payload[name] = value.strip()
    if "Country" in payload:
        payload["Country"] = payload["Country"].upper()  # Exact's country codes: "NL"
    return payload
