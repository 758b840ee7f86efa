"""A delivery address typed in for one order, once Exact knows it.

The order holds the typed fields (`new_delivery_address`: line1, line2, postcode, city,
country) until the integration has sent them to Exact as a delivery address of the
customer; then the order names Exact's address like any chosen one, and keeps the text
it showed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from salesdesk.orders.models import Order
from salesdesk.tenants.changes import version_next

ADDRESS_KEYS = ("line1", "line2", "postcode", "city", "country")


def delivery_address_text(address: Mapping[str, Any]) -> str:
    """One line for the order pages: "Havenweg 12, Dock 4, 3011 AB Rotterdam, NL"."""
    place = " ".join(
        part for part in (_field(address, "postcode"), _field(address, "city")) if part
    )
    parts = (_field(address, "line1"), _field(address, "line2"), place, _field(address, "country"))
    return ", ".join(part for part in parts if part)[:500]


def order_delivery_address_record(*, order: Order, exact_id: uuid.UUID) -> None:
    """The typed address now exists in Exact as `exact_id`: the order names it from here on.

    Committed on its own (the caller is outside any transaction), so a later attempt finds
    the ID even when what follows fails. `order` is updated in memory too.
    """
    text = order.delivery_address_text or delivery_address_text(order.new_delivery_address or {})
    with transaction.atomic():
        Order.objects.filter(pk=order.pk, company=order.company_id).update(
            delivery_address_exact_id=exact_id,
            delivery_address_text=text,
            new_delivery_address=None,
            row_version=version_next(company=order.company_id),
        )
    order.delivery_address_exact_id = exact_id
    order.delivery_address_text = text
    order.new_delivery_address = None


def _field(address: Mapping[str, Any], key: str) -> str:
    value = address.get(key)
    return value.strip() if isinstance(value, str) else ""
