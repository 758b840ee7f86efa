"""Reads for Item management and Price lists; every function takes the company."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.files import File
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod, VolumeDiscount
from salesdesk.catalog.price_rules import valid_on
from salesdesk.lists.keyset import KeysetPage, PageRequest, keyset_page
from salesdesk.lists.text_search import TextIndex, prefix_range
from salesdesk.tenants.access import get_for_company_or_404

ITEM_TEXT = TextIndex(
    "catalog_item", ("code", "description", "barcode", "group_code", "group_description")
)
# Sort key in the URL -> field; every one has a (company, field) index.
ITEM_SORTS = {
    "code": "code",
    "description": "description",
    "group": "group_code",
    "unit": "unit",
    "price": "standard_price",
    "stock": "stock",
    "free": "free_stock",
    "active": "active",
    "synced": "synced_at",
}
LINE_SORTS = {"item": "item__code", "quantity": "quantity"}


@dataclass(frozen=True)
class ItemFilters:
    q: str = ""
    group: str = ""
    active: bool | None = None
    in_stock: bool | None = None  # free stock above zero in some warehouse


def item_search(*, company, filters: ItemFilters) -> QuerySet[Item]:
    """The company's items matching a search term (code, description, barcode, group)."""
    items = Item.objects.filter(company=company)
    if filters.group:
        items = items.filter(group_code=filters.group)
    if filters.active is not None:
        items = items.filter(active=filters.active)
    if filters.in_stock is not None:  # the (company, free_stock) index answers
        in_stock = Q(free_stock__gt=0)
        items = items.filter(in_stock) if filters.in_stock else items.exclude(in_stock)
    term = filters.q.strip()
    return ITEM_TEXT.filter(items, term, fallback=prefix_range("code", term))


def item_list(*, company, filters: ItemFilters, page: PageRequest) -> KeysetPage:
    return keyset_page(item_search(company=company, filters=filters), page)


def item_get(*, company, exact_id: uuid.UUID) -> Item:
    """The company's item by its Exact ID; 404 for another company's."""
    return get_for_company_or_404(Item, company=company, exact_id=exact_id)


def item_picture_open(*, company, exact_id: uuid.UUID) -> File:
    """The company's item's stored picture, opened for reading; 404 for another company's
    item, an item without a picture, or a picture file gone from storage."""
    item = item_get(company=company, exact_id=exact_id)
    if not item.picture:
        raise Http404("No picture")
    try:
        return item.picture.open("rb")
    except FileNotFoundError as missing:
        raise Http404("No picture") from missing


def item_code_get(*, company, code: str) -> Item | None:
    return Item.objects.filter(company=company, code=code.strip()).first()


def price_customer_get(*, company, code: str):
    """The customer to price for, by its code as shown (Exact pads codes; spec §4.4).

    Customers live in the app above this one: their model is reached through the
    relation that item prices declare, not imported."""
    customers = ItemPrice._meta.get_field("customer").related_model.objects
    found = customers.filter(company=company, code_display=code.strip())
    return found.select_related("price_list").first()


def item_groups(*, company) -> list[str]:
    """The item group codes in use (a walk of the (company, group_code) index)."""
    codes = Item.objects.filter(company=company).values_list("group_code", flat=True)
    return [code for code in codes.order_by("group_code").distinct() if code]


def item_prices_for_item(*, company, item: Item) -> list[ItemPrice]:
    """The item's sales prices: general staffels and customer-specific prices."""
    prices = ItemPrice.objects.filter(company=company, item=item, active=True)
    return list(prices.select_related("customer").order_by("customer__name", "quantity", "pk"))


def last_synced(queryset: QuerySet) -> datetime.datetime | None:
    """The latest `synced_at` of a company's rows (uses the (company, synced_at) index)."""
    latest = queryset.filter(synced_at__isnull=False).order_by("-synced_at")
    return latest.values_list("synced_at", flat=True).first()


def item_last_synced(*, company) -> datetime.datetime | None:
    return last_synced(Item.objects.filter(company=company))


@dataclass
class PriceListRow:
    price_list: PriceList
    periods: list[PriceListPeriod]
    current: PriceListPeriod | None
    item_count: int


def price_list_list(*, company, on_date: datetime.date | None = None) -> list[PriceListRow]:
    """The price lists with their periods, and the number of items in each period."""
    on_date = on_date or timezone.localdate()
    lists = PriceList.objects.filter(company=company, active=True).order_by("code")
    periods = PriceListPeriod.objects.filter(company=company, active=True, price_list__in=lists)
    counts = dict(
        # No company filter here: the periods are the company's, and without it the
        # (period, active, item) index answers alone.
        VolumeDiscount.objects.filter(active=True, period__in=periods)
        .values("period")
        .annotate(n=Count("item", distinct=True))
        .values_list("period", "n")
    )
    current_ids = set(periods.filter(valid_on(on_date)).values_list("pk", flat=True))
    by_list: dict[int, list[PriceListPeriod]] = {}
    for period in periods.order_by("start_date", "pk"):
        period.item_count = counts.get(period.pk, 0)
        period.current = period.pk in current_ids
        by_list.setdefault(period.price_list_id, []).append(period)
    rows = []
    for price_list in lists:
        own = by_list.get(price_list.pk, [])
        current = next((p for p in reversed(own) if p.current), None)
        rows.append(PriceListRow(price_list, own, current, current.item_count if current else 0))
    return rows


def price_list_get(*, company, exact_id: uuid.UUID) -> PriceList:
    """The company's active price list by its Exact ID; 404 for another company's."""
    return get_for_company_or_404(PriceList, company=company, exact_id=exact_id, active=True)


def price_list_periods(*, company, price_list: PriceList) -> list[PriceListPeriod]:
    periods = PriceListPeriod.objects.filter(company=company, price_list=price_list, active=True)
    return list(periods.order_by("start_date", "pk"))


def price_list_line_search(*, company, period: PriceListPeriod, q: str = "") -> QuerySet:
    """The item lines of one period; `q` searches the items' code, description, barcode, group.

    Filtering on the item's company makes the join an inner one, which lets SQLite walk
    the items in code order and stop after one page.
    """
    lines = VolumeDiscount.objects.filter(
        company=company, period=period, active=True, item__company=company
    )
    term = q.strip()
    if term:
        lines = lines.filter(item__in=item_search(company=company, filters=ItemFilters(q=term)))
    return lines.select_related("item")


def price_list_group_lines(*, company, period: PriceListPeriod) -> list[VolumeDiscount]:
    """The period's lines for whole item groups (few; shown apart from the item lines)."""
    lines = VolumeDiscount.objects.filter(
        company=company, period=period, active=True, item__isnull=True
    )
    return list(lines.order_by("item_group_code", "quantity", "pk"))


def price_list_lines(*, company, period: PriceListPeriod, q: str, page: PageRequest) -> KeysetPage:
    return keyset_page(price_list_line_search(company=company, period=period, q=q), page)
