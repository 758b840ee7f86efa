"""Property-based: no number a device sends into POST /api/v1/orders breaks GET /api/v1/orders."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from salesdesk.orders import bounds
from salesdesk.orders.models import Order
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company

pytestmark = pytest.mark.django_db
FEW = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
json_numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["9999999999.9999", "10000000000", "1E+30", "0.00001", "NaN", "abc"]),
)


@pytest.fixture
def shop():
    company = make_company(reps_see_all_customers=True)
    make_company(reps_see_all_customers=True)
    customer = make_customer(company=company)
    item = make_item(company=company, vat_percentage=Decimal("0.21"))
    _user, _token, api = make_rep(company=company)
    return customer, item, api


def post(api, body):
    return api.post("/api/v1/orders", body, headers={"Idempotency-Key": str(uuid.uuid4())})


@FEW
@given(quantity=json_numbers, price=st.one_of(st.none(), json_numbers), copies=st.integers(1, 3))
@example(quantity="9999999999.9999", price=None, copies=1)
@example(quantity="9999999999.9999", price="9999999999.9999", copies=2)
def test_any_quantity_and_price_get_201_or_422(shop, quantity, price, copies):
    customer, item, api = shop
    line = {"item_id": str(item.exact_id), "quantity": quantity}
    if price is not None:
        line["unit_price"] = price
    response = post(api, {"customer_id": str(customer.exact_id), "lines": [line] * copies})

    assert response.status_code in (201, 422), response.content
    if response.status_code == 201:
        assert Order.objects.get(number=response.json()["number"]).total_incl_vat <= (
            bounds.TOTAL_MAX
        )
    assert api.get("/api/v1/orders").status_code == 200


def test_an_order_total_beyond_the_column_is_a_422_on_lines(shop):
    customer, item, api = shop
    line = {"item_id": str(item.exact_id), "quantity": "9999999999.9999", "unit_price": "100"}

    response = post(api, {"customer_id": str(customer.exact_id), "lines": [line]})

    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"][-1] == "lines" and "more than an order can hold" in problem["msg"]


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2100-01-01", "9999-12-31"])
def test_delivery_dates_outside_the_range_are_422(shop, day):
    customer, item, api = shop
    line = {"item_id": str(item.exact_id), "quantity": "1"}
    body = {"customer_id": str(customer.exact_id), "lines": [line], "delivery_date": day}
    assert post(api, body).status_code == 422
    assert post(api, body | {"delivery_date": "2099-12-31"}).status_code == 201


def test_more_lines_than_an_order_may_have_are_422(shop):
    customer, item, api = shop
    line = {"item_id": str(item.exact_id), "quantity": "1"}
    body = {"customer_id": str(customer.exact_id), "lines": [line] * (bounds.MAX_LINES + 1)}
    assert post(api, body).status_code == 422
