"""Reads of Exact's sales history; every function takes the company.

A customer's history is read by the customer's Exact ID, each list bounded (`limit`) and
served by a (company, customer_exact_id, date) index: the customer page stays fast at
tens of thousands of lines. Lists come back as `Bounded`: the rows and whether there is more.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from django.db.models import Count, Max, Q, QuerySet, Sum

from salesdesk.history.models import (
    OpenItem,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
)
from salesdesk.lists.keyset import KeysetPage, PageRequest, keyset_page

T = TypeVar("T")


@dataclass(frozen=True)
class Bounded(Generic[T]):
    rows: list[T]
    more: bool


def bounded(queryset: QuerySet, limit: int) -> Bounded:
    """At most `limit` rows, reading one more to know whether there are others."""
    rows = list(queryset[: limit + 1])
    return Bounded(rows[:limit], len(rows) > limit)


def _active(model, company, customer_exact_id: uuid.UUID) -> QuerySet:
    return model.objects.filter(company=company, customer_exact_id=customer_exact_id, active=True)


def customer_sales_orders(*, company, customer_exact_id: uuid.UUID, limit: int) -> Bounded:
    """The customer's sales orders in Exact (Salesdesk's included), newest first."""
    orders = _active(SalesOrder, company, customer_exact_id)
    return bounded(orders.order_by("-order_date", "-number", "-pk"), limit)


def customer_invoices(*, company, customer_exact_id: uuid.UUID, limit: int) -> Bounded:
    invoices = _active(SalesInvoice, company, customer_exact_id)
    return bounded(invoices.order_by("-invoice_date", "-number", "-pk"), limit)


@dataclass
class OpenItems:
    """A customer's open items; `rows` get `days_overdue` (0 when not due yet)."""

    rows: list[OpenItem]
    more: bool
    count: int = 0
    total: Decimal = Decimal("0")
    overdue: Decimal = Decimal("0")
    overdue_count: int = 0
    credit_limit: Decimal | None = None
    blocked: bool = False

    @property
    def over_limit(self) -> bool:
        return self.credit_limit is not None and self.total > self.credit_limit

    @property
    def credit_left(self) -> Decimal | None:
        return None if self.credit_limit is None else self.credit_limit - self.total


def customer_open_items(
    *,
    company,
    customer_exact_id: uuid.UUID,
    today: datetime.date,
    limit: int,
    credit_limit: Decimal | None = None,
    blocked: bool = False,
) -> OpenItems:
    """Outstanding items, the oldest due first, with totals over all of them (two queries)."""
    items = _active(OpenItem, company, customer_exact_id)
    overdue = Q(due_date__lt=today)
    totals = items.aggregate(
        count=Count("pk"),
        total=Sum("amount"),
        overdue=Sum("amount", filter=overdue),
        overdue_count=Count("pk", filter=overdue),
    )
    page = bounded(items.order_by("due_date", "pk"), limit)
    open_items_days_overdue(page.rows, today=today)
    return OpenItems(
        page.rows,
        page.more,
        count=totals["count"],
        total=_cents(totals["total"]),
        overdue=_cents(totals["overdue"]),
        overdue_count=totals["overdue_count"],
        credit_limit=credit_limit,
        blocked=blocked,
    )


def open_items_days_overdue(items: list[OpenItem], *, today: datetime.date) -> None:
    """Set `days_overdue` on each item: days past its due date, 0 when not due yet."""
    for item in items:
        item.days_overdue = max((today - item.due_date).days, 0) if item.due_date else 0


def _cents(total: Decimal | None) -> Decimal:
    """A sum as the amounts are stored (SQLite's SUM drops the trailing zeros)."""
    return (total or Decimal("0")).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class ReorderRow:
    item_exact_id: uuid.UUID
    item_code: str
    item_description: str
    times: int  # invoice lines in the window
    quantity: Decimal
    last_date: datetime.date
    last_price: Decimal | None


def customer_reorder_list(
    *, company, customer_exact_id: uuid.UUID, since: datetime.date, limit: int
) -> Bounded:
    """What the customer bought since `since`, most often bought first (two queries: the
    counts per item, then the lines of the last date of the listed items for their price)."""
    lines = _active(SalesInvoiceLine, company, customer_exact_id).filter(
        invoice_date__gte=since, quantity__gt=0, item_exact_id__isnull=False
    )
    groups = bounded(
        lines.values("item_exact_id")
        .annotate(
            times=Count("pk"),
            quantity=Sum("quantity"),
            last_date=Max("invoice_date"),
            item_code=Max("item_code"),
            item_description=Max("item_description"),
        )
        .order_by("-times", "-last_date", "item_code"),
        limit,
    )
    last = Q()
    for group in groups.rows:
        last |= Q(item_exact_id=group["item_exact_id"], invoice_date=group["last_date"])
    prices: dict[uuid.UUID, Decimal] = {}
    if groups.rows:
        latest = lines.filter(last).order_by("item_exact_id", "-invoice_number", "-pk")
        for item_id, price in latest.values_list("item_exact_id", "unit_price"):
            prices.setdefault(item_id, price)
    for group in groups.rows:
        group["quantity"] = group["quantity"].quantize(Decimal("0.0001"))
        group["last_price"] = prices.get(group["item_exact_id"])
    rows = [ReorderRow(**group) for group in groups.rows]
    return Bounded(rows, groups.more)


# A customer's full lists behind the customer page's "more" links: section -> (model, date).
CUSTOMER_LISTS = {
    "orders": (SalesOrder, "order_date"),
    "invoices": (SalesInvoice, "invoice_date"),
    "open-items": (OpenItem, "due_date"),
}


def customer_history_page(
    *, company, customer_exact_id: uuid.UUID, section: str, page: PageRequest
) -> KeysetPage:
    """One page of a customer's orders, invoices or open items (`section`, a key of
    CUSTOMER_LISTS), in keyset pages on the (company, customer_exact_id, date) index."""
    model, _ = CUSTOMER_LISTS[section]
    return keyset_page(_active(model, company, customer_exact_id), page)
