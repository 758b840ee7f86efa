"""The small, pure choices behind pricing.py: which record applies, and what it costs."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q

from salesdesk.catalog.models import Item, ItemPrice, VolumeDiscount

CENT_FRACTION = Decimal("0.0001")


def valid_on(on_date: datetime.date) -> Q:
    """Records whose validity window (inclusive, open-ended when empty) holds the date."""
    started = Q(start_date__isnull=True) | Q(start_date__lte=on_date)
    return started & (Q(end_date__isnull=True) | Q(end_date__gte=on_date))


def best_item_prices(
    prices: list[ItemPrice], customer, quantity: Decimal
) -> tuple[ItemPrice | None, ItemPrice | None]:
    """(the customer's price, the general price) with the highest threshold <= quantity.

    Between equal thresholds the later start date wins (an announced price rise
    replaces the old price from its start date on).
    """
    applicable = [p for p in prices if p.quantity <= quantity]
    own = [p for p in applicable if customer is not None and p.customer_id == customer.pk]
    general = [p for p in applicable if p.customer_id is None]
    return _highest(own), _highest(general)


def _highest(prices: list[ItemPrice]) -> ItemPrice | None:
    never = datetime.date.min
    return max(prices, key=lambda p: (p.quantity, p.start_date or never, p.pk), default=None)


def best_line(lines: list[VolumeDiscount], item: Item) -> VolumeDiscount | None:
    """The item's own line with the highest threshold; else its item group's."""
    own = [line for line in lines if line.item_id == item.pk]
    if not own and item.group_code:
        own = [
            line
            for line in lines
            if line.item_id is None and line.item_group_code == item.group_code
        ]
    return max(own, key=lambda line: (line.quantity, line.pk), default=None)


def line_unit_price(
    line: VolumeDiscount, general_price: Decimal | None, item: Item
) -> Decimal | None:
    """New price, or the discount off the base price (line's own, else the item's price)."""
    if line.method == VolumeDiscount.Method.NEW_PRICE:
        return line.new_price
    base = line.base_price
    if base is None:
        base = general_price if general_price is not None else item.standard_price
    if base is None or line.discount is None:
        return None
    return ((1 - line.discount) * base).quantize(CENT_FRACTION)


def describe_quantity(quantity: Decimal, item: Item) -> str:
    """ ", from 10 stuk" for a threshold; nothing for the threshold 0."""
    if not quantity:
        return ""
    unit = (item.unit_description or item.unit or "pieces").strip().lower()
    return f", from {quantity.normalize():f} {unit}"
