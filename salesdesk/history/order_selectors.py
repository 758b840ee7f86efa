"""Reads of Exact sales orders and their follow-up; every function takes the company."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from salesdesk.history.models import (
    GoodsDelivery,
    GoodsDeliveryLine,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
)


@dataclass
class OrderInExact:
    """How one order stands in Exact: its header, lines, deliveries and invoice numbers."""

    order: SalesOrder | None
    lines: list[SalesOrderLine]
    deliveries: list[GoodsDelivery]
    invoice_numbers: list[int]


def sales_order_in_exact(*, company, order_exact_id: uuid.UUID) -> OrderInExact:
    """Everything the sync knows of one Exact order (OrderID), in four queries."""
    order = SalesOrder.objects.filter(
        company=company, order_exact_id=order_exact_id, active=True
    ).first()
    lines = list(
        SalesOrderLine.objects.filter(
            company=company, order_exact_id=order_exact_id, active=True
        ).order_by("line_number", "pk")
    )
    delivered = GoodsDeliveryLine.objects.filter(
        company=company, active=True, order_line_exact_id__in=[line.exact_id for line in lines]
    )
    deliveries = list(
        GoodsDelivery.objects.filter(
            company=company, active=True, exact_id__in=delivered.values("delivery_exact_id")
        ).order_by("delivery_date", "number", "pk")
    )
    invoiced = SalesInvoiceLine.objects.filter(
        company=company, order_exact_id=order_exact_id, active=True, invoice_number__isnull=False
    )
    numbers = sorted(set(invoiced.values_list("invoice_number", flat=True)))
    return OrderInExact(order, lines, deliveries, numbers)


def sales_orders_known(*, company, order_exact_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these Exact OrderIDs the sync has stored (active)."""
    if not order_exact_ids:
        return set()
    known = SalesOrder.objects.filter(
        company=company, order_exact_id__in=order_exact_ids, active=True
    )
    return set(known.values_list("order_exact_id", flat=True))
