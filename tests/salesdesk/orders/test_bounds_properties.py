"""Property-based: no number, text or date a user can type breaks an order page.

Whatever the order services and forms accept must be stored as given and read back by
every page that shows orders; whatever they refuse gets a plain message, never a 500.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from salesdesk.orders import bounds
from salesdesk.orders.lines import LineInput, NoPrice
from salesdesk.orders.models import Order
from salesdesk.orders.services import OrderHeader, OrderRefused, order_create, order_mark_manual
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_customer, make_item

pytestmark = pytest.mark.django_db
FEW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
EDGES = [
    "9999999999.9999", "10000000000", "99999999999999999999", "1E+30", "1E-30", "0.00001",
    "-1", "0", "-0", "NaN", "sNaN", "Infinity", "-Infinity", "0.0001", "1E+3",
]  # fmt: skip
numbers = st.one_of(
    st.sampled_from([Decimal(text) for text in EDGES]),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=0, max_value=10**12, places=4),
)


@pytest.fixture
def shop():
    company = make_company()
    make_company()  # a second tenant, to read around
    customer = make_customer(company=company, code="1001")
    item = make_item(company=company, code="ART-1", standard_price=Decimal("12.50"))
    client = Client()
    client.force_login(make_user(company=company))
    return company, customer, item, client


def pages_render(client: Client, order: Order) -> None:
    slug = order.company.slug
    for path in (
        f"/{slug}/orders/",
        f"/{slug}/orders/{order.number}/",
        f"/{slug}/customers/{order.customer.exact_id}/",
    ):
        assert client.get(path).status_code == 200, path


not_numbers = st.one_of(st.floats(), st.text(max_size=5), st.booleans())


@FEW
@given(
    quantity=st.one_of(numbers, not_numbers),
    price=st.one_of(st.none(), numbers, not_numbers),
)
@example(quantity=Decimal("9999999999.9999"), price=None)  # the order from issue 17
def test_order_create_stores_what_it_accepts_and_the_pages_read_it(shop, quantity, price):
    company, customer, item, client = shop
    try:
        order = order_create(
            company=company,
            user=None,
            header=OrderHeader(customer=customer),
            lines=[LineInput(item=item, quantity=quantity, unit_price=price)],
        )
    except (OrderRefused, NoPrice) as refused:
        assert str(refused)
        return
    stored = Order.objects.get(pk=order.pk)
    assert stored.total_incl_vat == order.total_incl_vat <= bounds.TOTAL_MAX
    line = stored.lines.get()
    assert line.quantity == quantity and 0 < quantity <= bounds.QUANTITY_MAX
    assert line.unit_price == (price if price is not None else item.standard_price)
    pages_render(client, stored)


@FEW
@given(
    your_ref=st.text(max_size=80),
    notes=st.text(max_size=2100),
    day=st.one_of(st.none(), st.dates()),
)
def test_order_create_checks_the_header(shop, your_ref, notes, day):
    company, customer, item, client = shop
    header = OrderHeader(customer=customer, your_ref=your_ref, notes=notes, delivery_date=day)
    try:
        order = order_create(
            company=company, user=None, header=header, lines=[LineInput(item=item, quantity=1)]
        )
    except OrderRefused as refused:
        assert str(refused)
        assert (
            len(your_ref) > 60
            or len(notes) > 2000
            or "\x00" in your_ref + notes
            or not bounds.EARLIEST_DATE <= day <= bounds.LATEST_DATE
        )
        return
    stored = Order.objects.get(pk=order.pk)
    assert (stored.your_ref, stored.notes, stored.delivery_date) == (your_ref, notes, day)
    pages_render(client, stored)


def test_order_create_refuses_more_lines_than_an_order_may_have(shop):
    company, customer, item, _ = shop
    lines = [LineInput(item=item, quantity=Decimal(1))] * (bounds.MAX_LINES + 1)
    with pytest.raises(OrderRefused, match="at most 200 lines"):
        order_create(company=company, user=None, header=OrderHeader(customer=customer), lines=lines)


def test_a_total_beyond_the_column_is_refused(shop):
    company, customer, item, _ = shop
    lines = [LineInput(item=item, quantity=bounds.QUANTITY_MAX, unit_price=bounds.PRICE_MAX)]
    with pytest.raises(OrderRefused, match="more than an order can hold"):
        order_create(company=company, user=None, header=OrderHeader(customer=customer), lines=lines)


@FEW
@given(number=st.integers(min_value=-(2**70), max_value=2**70))
@example(number=2**31)
def test_order_mark_manual_takes_only_exact_order_numbers(shop, number):
    company, customer, item, client = shop
    order = order_create(
        company=company,
        user=None,
        header=OrderHeader(customer=customer),
        lines=[LineInput(item=item, quantity=Decimal(1))],
    )
    try:
        order_mark_manual(order=order, user=None, exact_order_number=number)
    except OrderRefused as refused:
        assert "whole number from 1 to 2,147,483,647" in str(refused)
        assert not 1 <= number < 2**31
        return
    assert Order.objects.get(pk=order.pk).exact_order_number == number
    pages_render(client, order)
