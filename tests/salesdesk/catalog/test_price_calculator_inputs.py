"""Property-based: the price calculator answers any quantity and date typed into it."""

from __future__ import annotations

import datetime
import string
from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.salesdesk.catalog.factories import make_item, make_line, make_period, make_price_list
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def calculator():
    company = make_company(slug="acme")
    make_company(slug="rival")
    price_list = make_price_list(company=company, code="GH")
    current = make_period(price_list=price_list, start=datetime.date(2020, 1, 1))
    item = make_item(company=company, code="A-1", standard_price=Decimal("12.5"))
    make_line(period=current, item=item, quantity=Decimal("10"), new_price=Decimal("9"))
    make_customer(company=company, code="555", price_list=price_list)
    client = Client(raise_request_exception=False)
    client.force_login(make_user(company=company))
    return client


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    quantity=st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.text(alphabet=string.digits + ".-eE", max_size=25),
    ),
    day=st.one_of(st.dates().map(str), st.text(alphabet=string.digits + "-", max_size=12)),
)
@example(quantity="9999999999.9999", day="9999-12-31")
@example(quantity="0.0001", day="0001-01-01")
def test_the_calculator_answers_every_input(calculator, quantity, day):
    params = {"customer": "555", "item": "A-1", "quantity": quantity, "date": day}
    assert calculator.get("/acme/price-lists/", params).status_code == 200
