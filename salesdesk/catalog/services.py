"""Writes to the catalog: bulk upserts of what the Exact sync brings, and deactivations.

Rows are dicts of our field names (built by salesdesk.integration.mapping.records) keyed by
`exact_id`. Every function works in bulk (a few queries per call, never one per row) and
never hard-deletes: orders refer to items (spec: "no record that an order refers to is
ever hard-deleted").
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.utils import timezone

from salesdesk.catalog import price_list_feed_touch as feed_touch
from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod, VolumeDiscount
from salesdesk.catalog.selectors import ITEM_TEXT
from salesdesk.catalog.stock_services import item_free_stock_refresh
from salesdesk.catalog.vat import item_rows_with_vat
from salesdesk.synced.deactivate import deactivate, exact_deactivate_many
from salesdesk.synced.upsert import UpsertResult, exact_pks, exact_upsert_many
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

Row = dict[str, Any]


def item_upsert_many(*, company: Company, rows: Sequence[Row]) -> UpsertResult:
    """Store items from Exact; `synced_at` marks them seen now (used by full-run sweeps)."""
    rows = item_rows_with_vat(company=company, rows=rows)  # VAT rate from the code (vat.py)
    result = exact_upsert_many(
        Item, company=company, rows=rows, extra={"synced_at": timezone.now()}, text=ITEM_TEXT
    )
    if result.created:  # stock may have come before its item (the feeds run apart)
        item_free_stock_refresh(company=company, item_exact_ids=[r["exact_id"] for r in rows])
    return result


def item_deactivate_many(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(Item, company=company, exact_ids=exact_ids)


def item_deactivate_unseen(*, company: Company, since) -> int:
    """After a complete full sync: items not seen since `since` are gone from Exact."""
    stale = Item.objects.filter(company=company, active=True, synced_at__lt=since)
    return deactivate(stale, company=company)


def price_list_upsert_many(*, company: Company, rows: Sequence[Row]) -> UpsertResult:
    stored = PriceList.objects.filter(company=company, exact_id__in=[r["exact_id"] for r in rows])
    with _lists_shown(stored, company):
        return exact_upsert_many(
            PriceList, company=company, rows=rows, extra={"synced_at": timezone.now()}
        )


def price_list_deactivate_unseen(*, company: Company, seen: Iterable[uuid.UUID]) -> int:
    """Price lists come from a full listing each run: the ones not listed are gone."""
    stale = PriceList.objects.filter(company=company, active=True).exclude(exact_id__in=seen)
    with _lists_shown(stale, company):
        return deactivate(stale, company=company)


def _lists_shown(rows: models.QuerySet, company: Company):
    touch = feed_touch.price_lists_touch
    fields = feed_touch.PRICE_LIST_SHOWN
    return feed_touch.shown_changes_follow(rows, company=company, fields=fields, touch=touch)


def _periods_shown(rows: models.QuerySet, company: Company):
    touch = feed_touch.periods_touch
    fields = feed_touch.PERIOD_SHOWN
    return feed_touch.shown_changes_follow(rows, company=company, fields=fields, touch=touch)


def price_list_period_upsert_many(*, company: Company, rows: Sequence[Row]) -> UpsertResult:
    """Rows carry `price_list_exact_id`; periods of unknown lists are skipped."""
    lists = exact_pks(
        PriceList, company=company, exact_ids={r["price_list_exact_id"] for r in rows}
    )
    known = [
        r for r in (_swap(r, "price_list_exact_id", "price_list_id", lists) for r in rows) if r
    ]
    stored = PriceListPeriod.objects.filter(
        company=company, exact_id__in=[r["exact_id"] for r in known]
    )
    with _periods_shown(stored, company):
        return exact_upsert_many(PriceListPeriod, company=company, rows=known)


def price_list_period_deactivate_unseen(*, company: Company, seen: Iterable[uuid.UUID]) -> int:
    stale = PriceListPeriod.objects.filter(company=company, active=True).exclude(exact_id__in=seen)
    with _periods_shown(stale, company):
        return deactivate(stale, company=company)


def volume_discount_upsert_many(
    *, company: Company, rows: Sequence[Row]
) -> tuple[UpsertResult, int]:
    """Rows carry `period_exact_id`, `item_exact_id`; returns (result, skipped).

    Lines of an unknown period, or of an item not stored yet, are skipped.
    """
    periods = exact_pks(
        PriceListPeriod, company=company, exact_ids={r["period_exact_id"] for r in rows}
    )
    items = exact_pks(Item, company=company, exact_ids={r["item_exact_id"] for r in rows} - {None})
    ready = []
    for row in rows:
        row = _swap(row, "period_exact_id", "period_id", periods)
        item = row and row.pop("item_exact_id")
        if row and (item is None or item in items):
            ready.append({**row, "item_id": items.get(item)})
    return exact_upsert_many(VolumeDiscount, company=company, rows=ready), len(rows) - len(ready)


def volume_discount_deactivate_many(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(VolumeDiscount, company=company, exact_ids=exact_ids)


def item_price_upsert_many(*, company: Company, rows: Sequence[Row]) -> tuple[UpsertResult, int]:
    """Rows carry `item_exact_id`, `customer_exact_id`; returns (result, skipped).

    Items and customers are looked up with one query each per call (no query per row).
    A price of an item or customer not stored yet is skipped: storing it without its
    customer would turn a customer's agreement into everybody's price.
    """
    items = exact_pks(Item, company=company, exact_ids={r["item_exact_id"] for r in rows})
    customer_ids = {r["customer_exact_id"] for r in rows} - {None}
    customer_model = ItemPrice._meta.get_field("customer").related_model  # an app above
    customers = exact_pks(customer_model, company=company, exact_ids=customer_ids)
    ready = []
    for row in rows:
        row = _swap(row, "item_exact_id", "item_id", items)
        account = row and row.pop("customer_exact_id")
        if row and (account is None or account in customers):
            ready.append({**row, "customer_id": customers.get(account)})
    return exact_upsert_many(ItemPrice, company=company, rows=ready), len(rows) - len(ready)


def item_price_deactivate_many(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(ItemPrice, company=company, exact_ids=exact_ids)


def _swap(row: Row, exact_field: str, fk_field: str, pks: dict[uuid.UUID, int]) -> Row | None:
    """Replace an Exact ID by our primary key; None when we don't store that record."""
    pk = pks.get(row[exact_field])
    if pk is None:
        return None
    copy = {k: v for k, v in row.items() if k != exact_field}
    copy[fk_field] = pk
    return copy


def item_picture_stored(*, item: Item, name: str) -> None:
    """Record the picture file stored for `item` ("" when Exact has none any more).

    A new change version, so that devices that downloaded the item before its picture came
    learn of it through the delta feed (the record's picture URL appears or changes)."""
    Item.objects.filter(pk=item.pk).update(
        picture=name,
        picture_fetched_name=item.picture_name,
        row_version=version_next(company=item.company_id),
    )
