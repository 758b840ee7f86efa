"""Writes of Exact's sales history from the sync feeds, one page per call, in bulk.

Rows are dicts of our field names keyed by `exact_id` (keys: /work/notes/stock-domain.md).
Every upsert writes `active=True` (a record Exact brings back is alive again); deletions
deactivate, so the reps' devices learn them through the delta feed. Open items have no
sync feed: they are read whole and swept.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import models, transaction

from salesdesk.history.models import (
    GoodsDelivery,
    GoodsDeliveryLine,
    OpenItem,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
)
from salesdesk.synced.deactivate import deactivate, exact_deactivate_many
from salesdesk.synced.upsert import UpsertResult, exact_upsert_many
from salesdesk.tenants.models import Company

Row = dict[str, Any]


def _upsert(model, company: Company, rows: Sequence[Row], synced_at: datetime) -> UpsertResult:
    extra = {"synced_at": synced_at, "active": True}
    return exact_upsert_many(model, company=company, rows=rows, extra=extra)


def sales_orders_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    return _upsert(SalesOrder, company, rows, synced_at)


def sales_orders_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(SalesOrder, company=company, exact_ids=exact_ids)


def sales_order_lines_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    return _upsert(SalesOrderLine, company, rows, synced_at)


def sales_order_lines_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(SalesOrderLine, company=company, exact_ids=exact_ids)


def goods_deliveries_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    return _upsert(GoodsDelivery, company, rows, synced_at)


def goods_deliveries_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(GoodsDelivery, company=company, exact_ids=exact_ids)


def goods_delivery_lines_upsert(
    *, company: Company, rows: Sequence[Row], synced_at
) -> UpsertResult:
    return _upsert(GoodsDeliveryLine, company, rows, synced_at)


def goods_delivery_lines_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(GoodsDeliveryLine, company=company, exact_ids=exact_ids)


def sales_invoices_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    """Invoice headers: the LineNumber 0 rows of the invoice feed (spec §9.2)."""
    return _upsert(SalesInvoice, company, rows, synced_at)


def sales_invoice_lines_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    return _upsert(SalesInvoiceLine, company, rows, synced_at)


def sales_invoices_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    """Deleted type 13 covers the whole invoice feed and its key is UNCONFIRMED (§9.3): an ID
    may name an invoice (its InvoiceID: the invoice goes with its lines) or one line."""
    ids = list(exact_ids)
    if not ids:
        return 0
    headers = SalesInvoice.objects.filter(company=company, exact_id__in=ids, active=True)
    lines = SalesInvoiceLine.objects.filter(company=company, active=True).filter(
        models.Q(exact_id__in=ids) | models.Q(invoice_exact_id__in=ids)
    )
    with transaction.atomic():
        return deactivate(headers, company=company) + deactivate(lines, company=company)


def open_items_upsert(*, company: Company, rows: Sequence[Row], synced_at) -> UpsertResult:
    return _upsert(OpenItem, company, rows, synced_at)


def open_items_sweep(*, company: Company, seen_since: datetime) -> int:
    """After a complete read of the open items: the ones not seen since are settled."""
    items = OpenItem.objects.filter(company=company, active=True)
    stale = items.filter(synced_at__lt=seen_since) | items.filter(synced_at__isnull=True)
    return deactivate(stale, company=company)
