"""Items' standard sales price, taken from their general sales item prices.

Exact's `sync/Logistics/Items` has no `StandardSalesPrice` (exact-online-fields.md), so
the items sync cannot read it. Exact keeps it as the item's sales item price without an
account (logistics/SalesItemPrices), which the prices sync reads incrementally; after each
prices run the items take their standard price from those prices, so a price changed in
Exact shows after the next incremental run, without a call per item (and an announced
price rise becomes the standard price on its start date). The standard price is the
general price of one unit on the day, as `pricing` quotes it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from salesdesk.catalog.models import Item, ItemPrice
from salesdesk.catalog.price_rules import best_item_prices, valid_on
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

ONE_UNIT = Decimal(1)


@transaction.atomic
def item_standard_prices_refresh(*, company: Company, on_date: datetime.date) -> int:
    """Give every item of the company its standard price on `on_date`; returns how many
    changed. Two queries and a bulk update of the changed items, whatever their number."""
    general = ItemPrice.objects.filter(
        company=company, customer__isnull=True, active=True, quantity__lte=ONE_UNIT
    ).filter(valid_on(on_date))
    by_item: dict[int, list[ItemPrice]] = {}
    for price in general:
        by_item.setdefault(price.item_id, []).append(price)
    changed = []
    for pk, current in Item.objects.filter(company=company).values_list("pk", "standard_price"):
        _, best = best_item_prices(by_item.get(pk, []), None, ONE_UNIT)
        price = best.price if best is not None else None
        if price != current:
            changed.append(Item(pk=pk, standard_price=price))
    if changed:
        version = version_next(company=company)  # the reps' delta feed sees the new price
        for item in changed:
            item.row_version = version
        Item.objects.bulk_update(changed, ["standard_price", "row_version"], batch_size=500)
    return len(changed)
