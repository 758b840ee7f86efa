"""Factories for catalog rows (ORM creates; the real data comes from the sync engine)."""

from __future__ import annotations

import itertools
import uuid
from decimal import Decimal

from django.utils import timezone

from salesdesk.catalog.models import Item, ItemPrice, PriceList, PriceListPeriod, VolumeDiscount

_seq = itertools.count(1)


def make_item(*, company, code: str | None = None, **fields) -> Item:
    n = next(_seq)
    values = {
        "exact_id": uuid.uuid4(),
        "code": code or f"ART-{n:06d}",
        "description": f"Item {n}",
        "unit": "stuk",
        "unit_description": "Stuk",
        "standard_price": Decimal("10.00"),
        "synced_at": timezone.now(),
    }
    values.update(fields)
    return Item.objects.create(company=company, **values)


def make_price_list(*, company, code: str | None = None, **fields) -> PriceList:
    n = next(_seq)
    values = {"exact_id": uuid.uuid4(), "code": code or f"PL{n}", "description": f"List {n}"}
    values.update(fields)
    return PriceList.objects.create(company=company, **values)


def make_period(*, price_list: PriceList, start=None, end=None, **fields) -> PriceListPeriod:
    return PriceListPeriod.objects.create(
        company=price_list.company, price_list=price_list, exact_id=uuid.uuid4(),
        start_date=start, end_date=end, **fields,
    )  # fmt: skip


def make_line(*, period: PriceListPeriod, item: Item | None = None, **fields) -> VolumeDiscount:
    values = {
        "exact_id": uuid.uuid4(),
        "quantity": Decimal("0"),
        "method": VolumeDiscount.Method.NEW_PRICE,
    }
    values.update(fields)
    return VolumeDiscount.objects.create(company=period.company, period=period, item=item, **values)


def make_item_price(*, item: Item, price, customer=None, **fields) -> ItemPrice:
    values = {"exact_id": uuid.uuid4(), "quantity": Decimal("0"), "price": Decimal(price)}
    values.update(fields)
    return ItemPrice.objects.create(company=item.company, item=item, customer=customer, **values)
