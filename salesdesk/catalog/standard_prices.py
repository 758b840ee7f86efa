"""Items' standard sales price, taken from their general sales item prices.

Exact's `sync/Logistics/Items` has no `StandardSalesPrice` (exact-online-fields.md), so
the items sync cannot read it. Exact keeps it as the item's sales item price without an
account (logistics/SalesItemPrices), which the prices sync reads incrementally: each page
of those prices (and of their deletions) sets the standard price of the items it touches,
so a price changed in Exact shows after the next incremental run, without a call per item.
The standard price is the general price of one unit today, as `pricing` quotes it.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from salesdesk.api.changes import version_next
from salesdesk.catalog.models import Item, ItemPrice
from salesdesk.catalog.price_rules import best_item_prices, valid_on
from salesdesk.tenants.models import Company

ONE_UNIT = Decimal(1)


@transaction.atomic
def item_standard_price_refresh(
    *,
    company: Company,
    price_exact_ids: Iterable[uuid.UUID],
    on_date: datetime.date | None = None,
) -> int:
    """Set the standard price of the items of these sales item prices; returns how many
    items changed. Three queries and one bulk update, whatever the number of prices."""
    on_date = on_date or timezone.localdate()
    item_ids = set(
        ItemPrice.objects.filter(company=company, exact_id__in=set(price_exact_ids))
        .values_list("item_id", flat=True)
    )  # fmt: skip
    if not item_ids:
        return 0
    general = ItemPrice.objects.filter(
        company=company, item_id__in=item_ids, customer__isnull=True, active=True,
        quantity__lte=ONE_UNIT,
    ).filter(valid_on(on_date))  # fmt: skip
    by_item: dict[int, list[ItemPrice]] = {}
    for price in general:
        by_item.setdefault(price.item_id, []).append(price)
    changed = []
    for item in Item.objects.filter(company=company, pk__in=item_ids):
        _, best = best_item_prices(by_item.get(item.pk, []), None, ONE_UNIT)
        price = best.price if best is not None else None
        if price != item.standard_price:
            item.standard_price = price
            changed.append(item)
    if changed:
        version = version_next(company=company)  # the reps' delta feed sees the new price
        for item in changed:
            item.row_version = version
        Item.objects.bulk_update(changed, ["standard_price", "row_version"], batch_size=500)
    return len(changed)
