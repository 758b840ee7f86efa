import datetime
from decimal import Decimal

import pytest

from salesdesk.catalog.models import VolumeDiscount
from salesdesk.catalog.pricing import (
    NoPriceError,
    price_list_prices_for_item,
    price_quote,
    price_quotes_for_items,
    price_quotes_for_lines,
)
from tests.salesdesk.catalog.factories import (
    make_item,
    make_item_price,
    make_line,
    make_period,
    make_price_list,
)
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

TODAY = datetime.date(2026, 3, 1)
DISCOUNT, NEW_PRICE = VolumeDiscount.Method.DISCOUNT, VolumeDiscount.Method.NEW_PRICE


@pytest.fixture
def shop(db):
    company = make_company()
    price_list = make_price_list(company=company, description="Wholesale 2026")
    period = make_period(price_list=price_list, start=datetime.date(2026, 1, 1))
    customer = make_customer(company=company, name="Bakker", price_list=price_list)
    item = make_item(company=company, standard_price=Decimal("20.00"), group_code="100")
    return company, customer, item, period


def quote(company, customer, item, quantity="1", on_date=TODAY):
    return price_quote(
        company=company, customer=customer, item=item, quantity=Decimal(quantity), on_date=on_date
    )


def test_standard_price_when_nothing_else(shop):
    company, customer, item, _ = shop
    result = quote(company, customer, item)
    assert (result.unit_price, result.rule, result.source_id) == (
        Decimal("20.00"),
        "standard_price",
        None,
    )


def test_general_item_price_beats_standard_price_with_highest_threshold(shop):
    company, customer, item, _ = shop
    make_item_price(item=item, price="18")
    staffel = make_item_price(item=item, price="16", quantity=Decimal("10"))
    make_item_price(item=item, price="12", quantity=Decimal("100"))
    result = quote(company, customer, item, "25")
    assert (result.unit_price, result.rule, result.source_id) == (
        Decimal("16"),
        "standard_price",
        staffel.pk,
    )
    assert "from 10 stuk" in result.description
    assert quote(company, customer, item, "5").unit_price == Decimal("18")


def test_price_list_new_price_with_quantity_break(shop):
    company, customer, item, period = shop
    make_item_price(item=item, price="18")
    make_line(period=period, item=item, quantity=Decimal("1"), new_price=Decimal("17"))
    ten = make_line(period=period, item=item, quantity=Decimal("10"), new_price=Decimal("15"))
    result = quote(company, customer, item, "12")
    assert (result.unit_price, result.rule, result.source_id) == (
        Decimal("15"),
        "price_list",
        ten.pk,
    )
    assert result.description == "Price list Wholesale 2026, from 10 stuk"
    assert quote(company, customer, item, "3").unit_price == Decimal("17")


def test_price_list_discount_on_base_price_or_general_price(shop):
    company, customer, item, period = shop
    make_item_price(item=item, price="18")
    make_line(period=period, item=item, method=DISCOUNT, discount=Decimal("0.1"))
    assert quote(company, customer, item).unit_price == Decimal("16.2000")
    make_line(period=period, item=item, method=DISCOUNT, discount=Decimal("0.25"),
              base_price=Decimal("40"), quantity=Decimal("5"))  # fmt: skip
    result = quote(company, customer, item, "5")
    assert result.unit_price == Decimal("30.0000")
    assert "25% discount" in result.description


def test_price_list_group_line_when_item_has_none(shop):
    company, customer, item, period = shop
    make_line(period=period, item=None, item_group_code="100", new_price=Decimal("11"))
    make_line(period=period, item=None, item_group_code="999", new_price=Decimal("1"))
    result = quote(company, customer, item)
    assert (result.unit_price, result.rule) == (Decimal("11"), "price_list")
    assert "item group 100" in result.description


def test_customer_price_wins_over_price_list(shop):
    company, customer, item, period = shop
    make_line(period=period, item=item, new_price=Decimal("15"))
    own = make_item_price(item=item, customer=customer, price="14.50")
    make_item_price(item=item, price="13")  # general, lower, still loses
    result = quote(company, customer, item)
    assert (result.unit_price, result.rule, result.source_id) == (
        Decimal("14.50"),
        "customer_price",
        own.pk,
    )
    assert result.description == "Customer price for Bakker"


def test_another_customers_price_does_not_apply(shop):
    company, customer, item, _ = shop
    other = make_customer(company=company)
    make_item_price(item=item, customer=other, price="1")
    assert quote(company, customer, item).rule == "standard_price"


def test_dates_and_inactive_records_are_respected(shop):
    company, customer, item, period = shop
    make_item_price(
        item=item, customer=customer, price="1",
        start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 2, 28),
    )  # fmt: skip
    make_item_price(item=item, customer=customer, price="2", active=False)
    make_item_price(item=item, price="30", start_date=datetime.date(2026, 3, 2))
    make_line(period=period, item=item, new_price=Decimal("3"), active=False)
    old = make_period(price_list=period.price_list, end=datetime.date(2025, 12, 31))
    make_line(period=old, item=item, new_price=Decimal("4"))
    assert quote(company, customer, item).unit_price == Decimal("20.00")
    assert quote(company, customer, item, on_date=datetime.date(2026, 2, 28)).unit_price == Decimal(
        "1"
    )
    assert quote(company, customer, item, on_date=datetime.date(2025, 6, 1)).unit_price == Decimal(
        "4"
    )


def test_no_price_raises(shop):
    company, customer, _, _ = shop
    item = make_item(company=company, standard_price=None)
    with pytest.raises(NoPriceError):
        quote(company, customer, item)


def test_other_companys_item_is_refused(shop):
    company, customer, _, _ = shop
    foreign = make_item(company=make_company())
    with pytest.raises(ValueError):
        quote(company, customer, foreign)


def test_many_items_in_bounded_queries(shop, django_assert_max_num_queries):
    company, customer, item, period = shop
    items = [item] + [make_item(company=company) for _ in range(20)]
    make_line(period=period, item=items[3], new_price=Decimal("7"))
    make_item_price(item=items[5], customer=customer, price="6")
    with django_assert_max_num_queries(4):
        quotes = price_quotes_for_items(
            company=company, customer=customer, items=items, quantity=Decimal("1"), on_date=TODAY
        )
    assert quotes[items[3].pk].unit_price == Decimal("7")
    assert quotes[items[5].pk].rule == "customer_price"
    assert quotes[items[7].pk].rule == "standard_price"


def test_lines_of_different_quantities_in_bounded_queries_each_as_if_alone(
    shop, django_assert_max_num_queries
):
    company, customer, item, period = shop
    make_item_price(item=item, price="18")
    make_item_price(item=item, price="16", quantity=Decimal("10"))
    make_line(period=period, item=item, quantity=Decimal("50"), new_price=Decimal("11"))
    grouped = make_item(company=company, standard_price=Decimal("10.00"), group_code="200")
    make_line(period=period, item=None, item_group_code="200", quantity=Decimal("5"),
              method=DISCOUNT, discount=Decimal("0.1"))  # fmt: skip
    bare = make_item(company=company, standard_price=None)
    # The other company's prices for an item with the same code change nothing here.
    rival = make_company()
    make_item_price(item=make_item(company=rival, code=item.code), price="1")
    wanted = [(item, "1"), (item, "12"), (item, "60"), (grouped, "4"), (grouped, "5"), (bare, "1")]
    wanted = [(line_item, Decimal(quantity)) for line_item, quantity in wanted]
    with django_assert_max_num_queries(3):
        quotes = price_quotes_for_lines(
            company=company, customer=customer, wanted=wanted, on_date=TODAY
        )
    prices = [q.unit_price if q else None for q in quotes]
    assert prices == [Decimal("18"), Decimal("16"), Decimal("11"), Decimal("10.00"),
                      Decimal("9.0000"), None]  # fmt: skip
    for (line_item, quantity), batched in zip(wanted[:-1], quotes, strict=False):
        assert batched == quote(company, customer, line_item, quantity)


def test_price_list_prices_for_item(shop):
    company, _, item, period = shop
    make_item_price(item=item, price="18")
    make_line(period=period, item=item, method=DISCOUNT, discount=Decimal("0.5"))
    make_line(period=period, item=item, quantity=Decimal("10"), new_price=Decimal("9"))
    other = make_price_list(company=company)
    make_line(
        period=make_period(price_list=other, end=datetime.date(2025, 1, 1)),
        item=item,
        new_price=Decimal("8"),
    )
    rows = price_list_prices_for_item(company=company, item=item, on_date=TODAY)
    prices = sorted((r.unit_price, r.current) for r in rows)
    assert prices == [(Decimal("8"), False), (Decimal("9"), True), (Decimal("9.0000"), True)]
