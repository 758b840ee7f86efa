"""Writes of stock: warehouses (read whole) and stock positions (a sync feed), in bulk.

Rows are dicts of our field names keyed by `exact_id` (see /work/notes/stock-domain.md for
the keys). Each call writes one page in a few queries, whatever its size.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import DecimalField, OuterRef, Subquery, Sum

from salesdesk.catalog.models import Item
from salesdesk.catalog.stock_models import StockPosition, Warehouse
from salesdesk.synced.deactivate import deactivate
from salesdesk.synced.upsert import UpsertResult, exact_upsert_many
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

Row = dict[str, Any]


def warehouses_upsert(
    *, company: Company, rows: Sequence[Row], synced_at: datetime
) -> UpsertResult:
    extra = {"synced_at": synced_at, "active": True}
    return exact_upsert_many(Warehouse, company=company, rows=rows, extra=extra)


def warehouses_sweep(*, company: Company, seen_since: datetime) -> int:
    """Warehouses are listed whole: the ones not listed since `seen_since` are gone."""
    return deactivate(_unseen(Warehouse, company, seen_since), company=company)


def stock_positions_upsert(
    *, company: Company, rows: Sequence[Row], synced_at: datetime
) -> UpsertResult:
    """Store a page of stock positions and the free stock of the items they concern."""
    with transaction.atomic():
        extra = {"synced_at": synced_at, "active": True}
        result = exact_upsert_many(StockPosition, company=company, rows=rows, extra=extra)
        item_free_stock_refresh(company=company, item_exact_ids={r["item_exact_id"] for r in rows})
    return result


def stock_positions_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    """Exact deleted these positions (sync/Deleted type 15): they no longer count."""
    with transaction.atomic():
        gone = StockPosition.objects.filter(company=company, exact_id__in=list(exact_ids))
        items = set(gone.values_list("item_exact_id", flat=True))
        changed = deactivate(gone.filter(active=True), company=company)
        item_free_stock_refresh(company=company, item_exact_ids=items)
    return changed


def item_free_stock_refresh(*, company: Company, item_exact_ids: Iterable[uuid.UUID]) -> int:
    """Set `Item.free_stock` of these items to the sum over their active positions, in one
    UPDATE; only items whose sum changes are written (and sent to the reps' devices again)."""
    ids = list(item_exact_ids)
    if not ids:
        return 0
    positions = StockPosition.objects.filter(
        company=company, item_exact_id=OuterRef("exact_id"), active=True
    )
    total = positions.values("item_exact_id").annotate(total=Sum("free")).values("total")
    free = Subquery(total, output_field=DecimalField(max_digits=16, decimal_places=4))
    items = Item.objects.filter(company=company, exact_id__in=ids).annotate(new=free)
    pks = [pk for pk, old, new in items.values_list("pk", "free_stock", "new") if old != new]
    if not pks:
        return 0
    return Item.objects.filter(pk__in=pks).update(
        free_stock=free, row_version=version_next(company=company)
    )


def _unseen(model, company: Company, seen_since: datetime):
    stale = model.objects.filter(company=company, active=True)
    return stale.filter(synced_at__lt=seen_since) | stale.filter(synced_at__isnull=True)
