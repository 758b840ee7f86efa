"""Convert to order on a quotation's page: who sees the button, and what a click does."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from salesdesk.orders.models import Order, OrderOutbox
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db
BUTTON = "Convert to order"


def _in_exact(order, *, status=25, label="Open", kind=Order.Kind.QUOTATION) -> Order:
    """The order as the outbox leaves a quotation that reached Exact."""
    Order.objects.filter(pk=order.pk).update(
        kind=kind, status=Order.Status.SUBMITTED, exact_quotation_id=uuid.uuid4(),
        exact_quotation_number=7, exact_quotation_status=status,
        exact_quotation_status_label=label,
    )  # fmt: skip
    OrderOutbox.objects.create(order=order, company_id=order.company_id)
    order.refresh_from_db()
    return order


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def acme():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    people = {
        "admin": make_user(company=acme),
        "rob": make_user(company=acme, role="rep"),
        "rita": make_user(company=acme, role="rep"),
        "globex": make_user(company=globex),
    }
    return acme, people


def test_an_open_quotation_shows_its_exact_number_status_and_the_button(acme):
    company, people = acme
    order = _in_exact(make_order(company=company, user=people["rob"]))
    for who in ("admin", "rob"):
        page = browser(people[who]).get(f"/acme/orders/{order.number}/").content.decode()
        assert BUTTON in page, who
        assert '<dd id="exact-quotation-number">7</dd>' in page
        assert '<dd id="exact-quotation-status">Open</dd>' in page
        assert f"<h1>Quotation {order.number}</h1>" in page
        assert "Exact order number" not in page  # none until Exact made the order
    state = browser(people["admin"]).get(f"/acme/orders/{order.number}/state").content.decode()
    assert BUTTON in state  # the polled part keeps it
    listed = browser(people["admin"]).get("/acme/orders/").content.decode()
    assert '<span class="muted">Quotation 7</span>' in listed


@pytest.mark.parametrize(
    ("status", "label", "kind"),
    [(50, "Accepted", "quotation"), (5, "Rejected", "quotation"), (25, "Open", "order")],
)
def test_no_button_once_exact_decided_or_for_a_sales_order(acme, status, label, kind):
    company, people = acme
    order = _in_exact(make_order(company=company), status=status, label=label, kind=kind)
    page = browser(people["admin"]).get(f"/acme/orders/{order.number}/").content.decode()
    assert BUTTON not in page
    assert browser(people["admin"]).post(f"/acme/orders/{order.number}/convert").status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED  # refused, nothing queued


def test_a_click_queues_the_conversion_once(acme, django_capture_on_commit_callbacks):
    company, people = acme
    order = _in_exact(make_order(company=company, user=people["rob"]))
    rob = browser(people["rob"])
    with django_capture_on_commit_callbacks(execute=False) as announced:
        answer = rob.post(f"/acme/orders/{order.number}/convert", follow=True)
    assert "queued for conversion" in answer.content.decode()
    assert len(announced) == 1  # order_due, after commit
    order.refresh_from_db()
    outbox = OrderOutbox.objects.get(order=order)
    assert (order.status, outbox.action) == (Order.Status.QUEUED, OrderOutbox.Action.CONVERT)
    again = rob.post(f"/acme/orders/{order.number}/convert", follow=True).content.decode()
    assert "on its way" in again
    assert order.events.filter(message__contains="conversion").count() == 1


def test_another_rep_or_company_cannot_see_or_convert_it(acme):
    company, people = acme
    order = _in_exact(make_order(company=company, user=people["rob"]))
    assert browser(people["rita"]).post(f"/acme/orders/{order.number}/convert").status_code == 404
    assert browser(people["globex"]).post(f"/acme/orders/{order.number}/convert").status_code in (
        403, 404,
    )  # fmt: skip
    assert browser(people["rob"]).get(f"/acme/orders/{order.number}/convert").status_code == 405
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED
