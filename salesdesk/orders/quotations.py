"""Quotations: converting one into a sales order in Exact, and following Exact's status.

A quotation is an order of kind QUOTATION; the outbox sends it to Exact as a quotation
(crm/Quotations). Convert to order puts it in the outbox again with the action CONVERT: the
integration accepts it in Exact (crm/AcceptQuotation), which makes the sales order, and
records that order on it; from then on Salesdesk follows the sales order like any other.
Exact's quotation status (spec §9.4) arrives with the sync and is kept on the order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from salesdesk.orders.models import Order, OrderEvent, OrderOutbox
from salesdesk.orders.services import OrderRefused
from salesdesk.orders.signals import order_due_on_commit
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

# Exact's quotation statuses after which it accepts the quotation no more (spec §9.4).
DECIDED = {5: "rejected", 6: "reviewed and closed", 50: "accepted"}
QUEUED = "Queued for conversion into a sales order in Exact Online."
# What the order keeps as the quotation's status label once Exact deleted the quotation.
DELETED = "Deleted in Exact Online"


def quotation_convertible(*, order: Order) -> bool:
    """Whether Convert to order may be offered: a quotation Exact holds, not yet decided."""
    return (
        order.kind == Order.Kind.QUOTATION
        and order.status == Order.Status.SUBMITTED
        and order.exact_quotation_id is not None
        and order.exact_order_id is None
        and order.exact_quotation_status not in DECIDED
        and order.exact_quotation_status_label != DELETED
    )


def order_convert(*, order: Order, user=None, now: datetime | None = None) -> Order:
    """Submitted quotation -> Queued with the outbox action CONVERT; sent after commit.

    The move is one conditional update, so two clicks (or two people) queue it once.
    """
    now = now or timezone.now()
    if order.kind != Order.Kind.QUOTATION:
        raise OrderRefused(f"Order {order.number} is a sales order, not a quotation.")
    with transaction.atomic():
        moved = Order.objects.filter(
            pk=order.pk,
            kind=Order.Kind.QUOTATION,
            status=Order.Status.SUBMITTED,
            exact_quotation_id__isnull=False,
            exact_order_id__isnull=True,
        ).exclude(exact_quotation_status__in=DECIDED)
        moved = moved.exclude(exact_quotation_status_label=DELETED)
        moved = moved.update(
            status=Order.Status.QUEUED,
            exact_message="",
            updated_at=now,
            row_version=version_next(company=order.company_id),
        )
        if not moved:
            raise OrderRefused(_not_convertible(order))
        OrderOutbox.objects.update_or_create(
            order=order,
            defaults={
                "company_id": order.company_id,
                "action": OrderOutbox.Action.CONVERT,
                "available_at": now,
                "failures": 0,
                "waiting_since": None,
                "last_error": "",
                # No conversion was tried yet: nothing Exact may hold from one.
                "exact_may_have_it": False,
            },
        )
        OrderEvent.objects.create(
            order_id=order.pk, status=Order.Status.QUEUED, message=QUEUED, actor=user, at=now
        )
        order_due_on_commit(order_ids=[order.pk])
    order.refresh_from_db()
    return order


def _not_convertible(order: Order) -> str:
    order.refresh_from_db()
    if order.exact_order_id is not None:
        return f"Quotation {order.number} is already sales order {order.exact_order_number}."
    if order.exact_quotation_status_label == DELETED:
        return f"Quotation {order.number} was deleted in Exact Online: it cannot be converted."
    decided = DECIDED.get(order.exact_quotation_status)
    if decided:
        return f"Exact Online shows quotation {order.number} as {decided}: it cannot be converted."
    if order.status in (Order.Status.QUEUED, Order.Status.SENDING):
        return f"Quotation {order.number} is on its way to Exact Online: try again in a moment."
    return f"Quotation {order.number} is not in Exact Online yet: it cannot be converted."


def quotations_sent(*, company: Company) -> int:
    """How many of the company's quotations Exact holds (the Synchronize page's count)."""
    return Order.objects.filter(company=company, exact_quotation_id__isnull=False).count()


def quotations_status_follow(*, company: Company, rows: Iterable[Mapping[str, Any]]) -> int:
    """Record Exact's status of the company's quotations; rows of quotations Salesdesk did
    not send are ignored. Each change is a line in the order's history. Returns how many
    orders changed."""
    latest = {uuid.UUID(str(row["exact_id"])): row for row in rows}
    orders = Order.objects.filter(company=company, exact_quotation_id__in=list(latest))
    changed, events, now = [], [], timezone.now()
    for order in orders:
        row = latest[order.exact_quotation_id]
        status, label = row.get("status"), row.get("status_label") or ""
        if (status, label) == (order.exact_quotation_status, order.exact_quotation_status_label):
            continue
        order.exact_quotation_status, order.exact_quotation_status_label = status, label
        order.updated_at = now
        changed.append(order)
        text = f"Exact Online: quotation {order.exact_quotation_number} is now {label or status}."
        events.append(OrderEvent(order=order, status=order.status, message=text, at=now))
    return _recorded(company, changed, events)


def quotations_deleted(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    """Record that Exact deleted these quotations (sync/Deleted): they can no longer be
    converted. Returns how many of the company's orders it concerned."""
    orders = Order.objects.filter(company=company, exact_quotation_id__in=list(exact_ids))
    orders = orders.exclude(exact_quotation_status_label=DELETED)
    changed, events, now = [], [], timezone.now()
    for order in orders:
        order.exact_quotation_status_label, order.updated_at = DELETED, now
        changed.append(order)
        text = f"Exact Online: quotation {order.exact_quotation_number} was deleted there."
        events.append(OrderEvent(order=order, status=order.status, message=text, at=now))
    return _recorded(company, changed, events)


def _recorded(company: Company, changed: list[Order], events: list[OrderEvent]) -> int:
    if not changed:
        return 0
    with transaction.atomic():
        version = version_next(company=company)  # one version for the page's changes
        for order in changed:
            order.row_version = version
        fields = ["exact_quotation_status", "exact_quotation_status_label", "updated_at"]
        Order.objects.bulk_update(changed, [*fields, "row_version"])
        OrderEvent.objects.bulk_create(events)
    return len(changed)
