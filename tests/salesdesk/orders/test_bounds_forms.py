"""Property-based: whatever is typed into the order pages' fields gets an answer, never a 500,
and an order the form accepts renders on every page that shows it."""

from __future__ import annotations

import string
from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from salesdesk.orders import bounds
from salesdesk.orders.lines import LineInput
from salesdesk.orders.models import Order
from salesdesk.orders.services import OrderHeader, order_create
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_customer, make_item

pytestmark = pytest.mark.django_db
FEW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
typed_numbers = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(alphabet=string.digits + ".,-+eE ", max_size=30),
    st.sampled_from(["9999999999.9999", "10000000000", "1e400", "0.00001", "", " 1 "]),
)
typed_dates = st.one_of(
    st.dates().map(str),
    st.text(alphabet=string.digits + "-/", max_size=12),
    st.sampled_from(["0001-01-01", "9999-12-31", "1999-12-31", "2100-01-01", ""]),
)


@pytest.fixture
def shop():
    company = make_company()
    make_company()
    customer = make_customer(company=company, code="1001")
    item = make_item(company=company, code="ART-1", standard_price=Decimal("12.50"))
    client = Client(raise_request_exception=False)
    client.force_login(make_user(company=company))
    return company, customer, item, client


def new_order_post(company, *, quantity="1", price="", day="", notes="", action="save"):
    return {
        "customer": "1001", "your_ref": "PO-1", "delivery_date": day, "notes": notes,
        "action": action, "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
        "lines-0-item": "ART-1", "lines-0-quantity": quantity, "lines-0-price": price,
    }  # fmt: skip


def assert_pages_render(client, order: Order) -> None:
    slug = order.company.slug
    assert client.get(f"/{slug}/orders/").status_code == 200
    assert client.get(f"/{slug}/orders/{order.number}/").status_code == 200
    assert client.get(f"/{slug}/customers/{order.customer.exact_id}/").status_code == 200


@FEW
@given(quantity=typed_numbers, price=typed_numbers, day=typed_dates)
@example(quantity="9999999999.9999", price="", day="")  # the order from issue 17
@example(quantity="9999999999.9999", price="9999999999.9999", day="")
def test_the_new_order_form_answers_every_input(shop, quantity, price, day):
    company, _, _, client = shop
    before = Order.objects.count()

    response = client.post(
        f"/{company.slug}/orders/new",
        new_order_post(company, quantity=quantity, price=price, day=day),
    )

    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert Order.objects.count() == before
        page = response.content.decode()
        assert 'class="errorlist' in page or 'role="alert"' in page  # says what is wrong
        return
    assert_pages_render(client, Order.objects.latest("pk"))


@FEW
@given(quantity=typed_numbers, price=typed_numbers)
def test_the_live_preview_answers_every_input(shop, quantity, price):
    company, _, _, client = shop
    data = new_order_post(company, quantity=quantity, price=price)
    assert client.post(f"/{company.slug}/orders/new/preview", data).status_code == 200


def test_notes_have_the_apis_limit(shop):
    company, _, _, client = shop
    response = client.post(f"/{company.slug}/orders/new", new_order_post(company, notes="x" * 2001))
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()
    ok = client.post(f"/{company.slug}/orders/new", new_order_post(company, notes="x" * 2000))
    assert ok.status_code == 302


@FEW
@given(count=st.one_of(st.integers().map(str), st.text(max_size=8)))
@example(count="5000")
@example(count="abc")
def test_add_line_answers_any_line_count(shop, count):
    company, _, _, client = shop
    data = new_order_post(company, action="add_line") | {"lines-TOTAL_FORMS": count}

    response = client.post(f"/{company.slug}/orders/new", data)

    page = response.content.decode()
    assert response.status_code in (200, 400)
    assert page.count('name="lines-') <= 3 * bounds.MAX_LINES + 4
    if response.status_code == 400:
        assert f"An order can have at most {bounds.MAX_LINES} lines." in page


def test_add_line_stops_at_the_last_line_an_order_may_have(shop):
    company, _, _, client = shop
    data = new_order_post(company, action="add_line")
    under = client.post(
        f"/{company.slug}/orders/new", data | {"lines-TOTAL_FORMS": str(bounds.MAX_LINES - 1)}
    )
    assert under.status_code == 200
    assert f'name="lines-{bounds.MAX_LINES - 1}-item"' in under.content.decode()
    at = client.post(
        f"/{company.slug}/orders/new", data | {"lines-TOTAL_FORMS": str(bounds.MAX_LINES)}
    )
    assert at.status_code == 400


@FEW
@given(number=st.one_of(st.integers(min_value=-(2**80), max_value=2**80).map(str), st.text()))
@example(number=str(2**31))
def test_closing_by_hand_answers_any_exact_order_number(shop, number):
    company, customer, item, client = shop
    order = order_create(
        company=company,
        user=None,
        header=OrderHeader(customer=customer),
        lines=[LineInput(item=item, quantity=Decimal(1))],
    )
    response = client.post(
        f"/{company.slug}/orders/{order.number}/manual", {"exact_order_number": number}
    )
    assert response.status_code == 302
    assert_pages_render(client, order)


def test_a_stored_order_with_extreme_but_valid_values_renders_everywhere(shop):
    company, customer, _, client = shop
    untaxed = make_item(company=company, code="ART-0", vat_percentage=Decimal("0"))
    lines = [
        # 100 x 9,999,999,999.9999 is exactly the largest total an order holds.
        LineInput(item=untaxed, quantity=Decimal(100), unit_price=bounds.PRICE_MAX),
        LineInput(item=untaxed, quantity=bounds.QUANTITY_MAX, unit_price=Decimal(0)),
        LineInput(item=untaxed, quantity=Decimal("0.0001"), unit_price=Decimal("0.0001")),
    ]
    header = OrderHeader(
        customer=customer,
        your_ref="R" * 60,
        notes="N" * bounds.NOTES_MAX_LENGTH,
        delivery_date=bounds.LATEST_DATE,
    )
    order = order_create(company=company, user=None, header=header, lines=lines)
    assert Order.objects.get(pk=order.pk).total_incl_vat == bounds.TOTAL_MAX

    assert_pages_render(client, order)
    page = client.get(f"/{company.slug}/orders/{order.number}/").content.decode()
    assert "999,999,999,999.99" in page or "999999999999.99" in page
