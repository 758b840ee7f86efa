"""Items take their standard price from their general sales item prices, on a given day."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from salesdesk.catalog.models import Item
from salesdesk.catalog.standard_prices import item_standard_prices_refresh
from tests.salesdesk.catalog.factories import make_item, make_item_price
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)


def _price(item: Item) -> Decimal | None:
    return Item.objects.get(pk=item.pk).standard_price


def test_the_general_price_of_one_unit_valid_on_the_day_is_the_standard_price():
    company, other = make_company(), make_company()
    item = make_item(company=company, standard_price=None)
    make_item_price(item=item, price="12.50", start_date=DAY - datetime.timedelta(days=90))
    make_item_price(item=item, price="11.00", quantity=Decimal(10))  # a staffel
    customer = make_customer(company=company)
    make_item_price(item=item, price="9.00", customer=customer)  # an agreement
    rise = DAY + datetime.timedelta(days=30)
    make_item_price(item=item, price="13.10", start_date=rise)  # announced
    untouched = make_item(company=other, standard_price=Decimal("5.00"))

    assert item_standard_prices_refresh(company=company, on_date=DAY) == 1
    assert _price(item) == Decimal("12.50")
    assert item_standard_prices_refresh(company=company, on_date=rise) == 1
    assert _price(item) == Decimal("13.10")
    assert _price(untouched) == Decimal("5.00")


def test_without_a_general_price_the_standard_price_is_empty_and_reps_see_the_change():
    company = make_company()
    item = make_item(company=company, standard_price=Decimal("8.00"), row_version=0)
    make_item_price(item=item, price="8.00", end_date=DAY - datetime.timedelta(days=1))
    make_item_price(item=item, price="7.00", active=False)  # deleted in Exact

    assert item_standard_prices_refresh(company=company, on_date=DAY) == 1
    stored = Item.objects.get(pk=item.pk)
    assert stored.standard_price is None and stored.row_version > 0
    assert item_standard_prices_refresh(company=company, on_date=DAY) == 0
