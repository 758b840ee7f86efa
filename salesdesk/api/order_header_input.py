"""The order header of `POST /orders`: what the device sent, with the customer's defaults in
Exact for what it left out (an explicit null is "none"), as the order services take it."""

from __future__ import annotations

import uuid

from salesdesk.api.order_header_schemas import NewDeliveryAddressIn
from salesdesk.api.schemas import OrderIn
from salesdesk.customers.models import Customer
from salesdesk.orders import bounds
from salesdesk.orders.header_choices import header_choices
from salesdesk.orders.header_fields import NewAddress
from salesdesk.tenants.models import Company


def header_arguments(*, company: Company, customer: Customer, payload: OrderIn) -> dict:
    """`OrderHeader` arguments for the header choices of the payload."""
    defaults = header_choices(company=company, customer=customer).defaults
    address = _sent_or(payload, "delivery_address", defaults.delivery_address_id)
    return {
        "kind": payload.kind,
        "delivery_address_id": address if isinstance(address, uuid.UUID) else None,
        "new_delivery_address": _new_address(address),
        "contact_id": _sent_or(payload, "contact_id", defaults.contact_id),
        "shipping_method_id": payload.shipping_method_id,
        "payment_condition": _sent_or(payload, "payment_condition", defaults.payment_condition)
        or "",
        "warehouse_id": payload.warehouse_id,
        "discount": bounds.discount_fraction(payload.discount),
    }


def _sent_or(payload: OrderIn, name: str, default: object) -> object:
    """The payload's value (null included) when the device sent the field, else `default`."""
    return getattr(payload, name) if name in payload.model_fields_set else default


def _new_address(address: object) -> NewAddress | None:
    if not isinstance(address, NewDeliveryAddressIn):
        return None
    return NewAddress(
        line1=address.line1,
        line2=address.line2,
        postcode=address.postcode,
        city=address.city,
        country=address.country,
    )
