"""Exact's shipping methods, payment conditions and warehouses as rows (the sync's job
elsewhere), and a customer with delivery addresses and contacts: an order header's world."""

from __future__ import annotations

import itertools
import uuid

from salesdesk.catalog.models import Warehouse
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod

_seq = itertools.count(1)


def make_shipping_method(*, company, code: str | None = None, **fields) -> ShippingMethod:
    n = next(_seq)
    defaults = {"description": f"Shipping {n}", "exact_id": uuid.uuid4()}
    return ShippingMethod.objects.create(
        company=company, code=code or f"SHIP{n}", **(defaults | fields)
    )


def make_payment_condition(*, company, code: str | None = None, **fields) -> PaymentCondition:
    n = next(_seq)
    defaults = {"description": f"{n} days", "payment_days": n, "exact_id": uuid.uuid4()}
    return PaymentCondition.objects.create(
        company=company, code=code or f"P{n}", **(defaults | fields)
    )


def make_warehouse(*, company, code: str | None = None, **fields) -> Warehouse:
    n = next(_seq)
    defaults = {"description": f"Warehouse {n}", "exact_id": uuid.uuid4()}
    return Warehouse.objects.create(company=company, code=code or f"W{n}", **(defaults | fields))
