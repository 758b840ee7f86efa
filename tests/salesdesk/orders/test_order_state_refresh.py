"""The order page polls its Exact Online part while the order is being sent; when the send
ends, the poll's answer reloads the page once, so that the parts drawn before it (In Exact
Online, Confirmations with its PDF) show the order as it is now."""

from __future__ import annotations

import pytest

from salesdesk.orders.models import Order
from salesdesk.orders.services import order_submit
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db
POLL = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def order(client):
    company = make_company(slug="demo")
    client.force_login(make_user(company=company))
    order = make_order(company=company)
    order_submit(order=order)
    return order


def _state(client, order: Order, **headers):
    return client.get(f"/demo/orders/{order.number}/state", **headers)


@pytest.mark.parametrize("status", [Order.Status.QUEUED, Order.Status.SENDING])
def test_a_poll_while_it_is_being_sent_only_swaps_the_part(client, order, status):
    Order.objects.filter(pk=order.pk).update(status=status)
    answer = _state(client, order, **POLL)
    assert answer.status_code == 200 and "HX-Refresh" not in answer
    assert 'hx-trigger="every' in answer.content.decode()


@pytest.mark.parametrize("status", [Order.Status.SUBMITTED, Order.Status.FAILED])
def test_the_poll_that_sees_the_send_end_reloads_the_page(client, order, status):
    Order.objects.filter(pk=order.pk).update(status=status, exact_order_number=55)
    answer = _state(client, order, **POLL)
    assert answer["HX-Refresh"] == "true"
    # Not for a plain GET (no htmx to act on it), nor for another company's order.
    assert "HX-Refresh" not in _state(client, order)
    other = make_order(company=make_company(slug="other"))
    assert client.get(f"/other/orders/{other.number}/state", **POLL).status_code == 404
