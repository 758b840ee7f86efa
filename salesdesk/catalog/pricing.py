"""The price Salesdesk puts on an order line, and the rule that gave it.

Priority (spec §4.5 "Priority": a price agreement wins over a price list, and
without either the normal item sales price is used):

1. a customer-specific sales item price (ItemPrice with this customer), valid on the
   date, with the highest quantity threshold not above the quantity;
2. the customer's price list: its period valid on the date, the line for the item
   (else for its item group) with the highest quantity not above the quantity.
   EntryMethod "new price" gives the price; "discount" takes the discount off the
   line's base price, or else off the item's general price (spec §4.5: "EntryMethod 1
   on standard price -> (1 - Discount) * SalesItemPrices.Price");
3. a general sales item price (no customer), same threshold rule;
4. the item's standard sales price.

Records with active=False (deleted in Exact) are ignored. Validity dates are
inclusive. Account-level DiscountSales is not applied (spec: UNCONFIRMED).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from salesdesk.catalog.models import Item, ItemPrice, PriceListPeriod, VolumeDiscount
from salesdesk.catalog.price_rules import (
    best_item_prices,
    best_line,
    describe_quantity,
    line_unit_price,
    valid_on,
)

CUSTOMER_PRICE, PRICE_LIST, STANDARD_PRICE = "customer_price", "price_list", "standard_price"


@dataclass(frozen=True)
class PriceQuote:
    """A unit price and, in plain words, where it came from."""

    unit_price: Decimal
    rule: str  # "customer_price" | "price_list" | "standard_price"
    description: str
    source_id: int | None  # ItemPrice or VolumeDiscount pk; None for the item's own price


@dataclass(frozen=True)
class PriceListPrice:
    """One line of one price list for an item, as shown on the item's page."""

    line: VolumeDiscount
    period: PriceListPeriod
    unit_price: Decimal | None
    current: bool
    by_group: bool


class NoPriceError(LookupError):
    """The item has no customer price, price list line, sales price or standard price."""


def price_quote(
    *, company, customer, item: Item, quantity: Decimal, on_date: datetime.date | None = None
) -> PriceQuote:
    """The price for `quantity` of `item` sold to `customer` on `on_date` (default today)."""
    quotes = price_quotes_for_items(
        company=company, customer=customer, items=[item], quantity=quantity, on_date=on_date
    )
    if item.pk not in quotes:
        raise NoPriceError(f"Item {item.code} has no sales price in Exact Online.")
    return quotes[item.pk]


def price_quotes_for_items(
    *, company, customer, items, quantity: Decimal, on_date: datetime.date | None = None
) -> dict[int, PriceQuote]:
    """`price_quote` for many items in three queries: {item pk: quote}.

    Items without any price are left out of the result (price_quote raises for them).
    """
    items = list(items)
    wanted = [(item, quantity) for item in items]
    quotes = price_quotes_for_lines(
        company=company, customer=customer, wanted=wanted, on_date=on_date
    )
    return {item.pk: quote for item, quote in zip(items, quotes, strict=True) if quote}


def price_quotes_for_lines(
    *,
    company,
    customer,
    wanted: Sequence[tuple[Item, Decimal]],
    on_date: datetime.date | None = None,
) -> list[PriceQuote | None]:
    """The quote of each (item, quantity) of an order's lines, in their order, in three
    queries for all of them; None where the item has no price at all."""
    wanted = [(item, Decimal(quantity)) for item, quantity in wanted]
    items = [item for item, _ in wanted]
    if any(item.company_id != company.pk for item in items) or (
        customer is not None and customer.company_id != company.pk
    ):
        raise ValueError("Item or customer belongs to another company.")
    if not wanted:
        return []
    on_date = on_date or timezone.localdate()
    # Fetched up to the largest quantity; each line keeps what its own quantity reaches.
    most = max(quantity for _, quantity in wanted)
    prices = _item_prices(company, customer, items, most, on_date)
    period, lines = _price_list_lines(company, customer, items, most, on_date)
    quotes = []
    for item, quantity in wanted:
        own = [p for p in prices if p.item_id == item.pk]
        reached = [line for line in lines if line.quantity <= quantity]
        quotes.append(_quote(item, customer, own, period, reached, quantity))
    return quotes


def price_list_prices_for_item(
    *, company, item: Item, on_date: datetime.date | None = None
) -> list[PriceListPrice]:
    """Every price list line for the item (or its group), in every period, with its price."""
    if item.company_id != company.pk:
        raise ValueError("Item belongs to another company.")
    on_date = on_date or timezone.localdate()
    general = list(
        ItemPrice.objects.filter(
            company=company, item=item, customer__isnull=True, active=True
        ).filter(valid_on(on_date))
    )
    lines = (
        VolumeDiscount.objects.filter(company=company, active=True, period__active=True)
        .filter(Q(item=item) | Q(item__isnull=True, item_group_code=item.group_code or "\0"))
        .select_related("period__price_list")
        .order_by("period__price_list__code", "period__start_date", "quantity")
    )
    rows = []
    for line in lines:
        _, base = best_item_prices(general, None, line.quantity)
        price = line_unit_price(line, base.price if base else None, item)
        current = _period_current(line.period, on_date)
        rows.append(PriceListPrice(line, line.period, price, current, line.item_id is None))
    return rows


def _period_current(period: PriceListPeriod, on_date: datetime.date) -> bool:
    started = period.start_date is None or period.start_date <= on_date
    return started and (period.end_date is None or period.end_date >= on_date)


def _item_prices(company, customer, items, quantity, on_date) -> list[ItemPrice]:
    whose = Q(customer__isnull=True)
    if customer is not None:
        whose |= Q(customer=customer)
    return list(
        ItemPrice.objects.filter(company=company, item__in=items, active=True).filter(
            whose, valid_on(on_date), quantity__lte=quantity
        )
    )


def _price_list_lines(company, customer, items, quantity, on_date):
    if customer is None or customer.price_list_id is None:
        return None, []
    period = (
        PriceListPeriod.objects.filter(
            company=company, price_list_id=customer.price_list_id, active=True,
            price_list__active=True,
        )
        .filter(valid_on(on_date))
        .select_related("price_list")
        .order_by("-start_date", "-pk")
        .first()
    )  # fmt: skip
    if period is None:
        return None, []
    groups = {item.group_code for item in items if item.group_code}
    lines = VolumeDiscount.objects.filter(
        company=company, period=period, active=True, quantity__lte=quantity
    ).filter(Q(item__in=items) | Q(item__isnull=True, item_group_code__in=groups))
    return period, list(lines)


def _quote(item, customer, prices, period, lines, quantity) -> PriceQuote | None:
    own, general = best_item_prices(prices, customer, quantity)
    if own is not None:
        words = f"Customer price for {customer.name}{describe_quantity(own.quantity, item)}"
        return PriceQuote(own.price, CUSTOMER_PRICE, words, own.pk)
    line = best_line(lines, item)
    if line is not None:
        price = line_unit_price(line, general.price if general else None, item)
        if price is not None:
            return PriceQuote(price, PRICE_LIST, _line_words(line, period, item), line.pk)
    if general is not None:
        words = f"Sales price{describe_quantity(general.quantity, item)}"
        return PriceQuote(general.price, STANDARD_PRICE, words, general.pk)
    if item.standard_price is not None:
        return PriceQuote(item.standard_price, STANDARD_PRICE, "Standard sales price", None)
    return None


def _line_words(line: VolumeDiscount, period: PriceListPeriod, item: Item) -> str:
    words = f"Price list {period.price_list}"
    if line.item_id is None:
        words += f" (item group {line.item_group_code})"
    if line.method == VolumeDiscount.Method.DISCOUNT:
        words += f", {(line.discount * 100).normalize():f}% discount"
    return words + describe_quantity(line.quantity, item)
