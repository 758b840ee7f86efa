"""Reps in the web pages see and close only the orders they took, as in the API."""

from __future__ import annotations

import pytest
from django.test import Client

from salesdesk.orders.models import Order
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_reps():
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    rob = make_user(company=acme, role="rep")
    rita = make_user(company=acme, role="rep")
    admin = make_user(company=acme, role="admin")
    gus = make_user(company=globex, role="rep")
    orders = {
        "rob": make_order(company=acme, user=rob, your_ref="ROB-REF"),
        "rita": make_order(company=acme, user=rita, your_ref="RITA-REF"),
        "gus": make_order(company=globex, user=gus, your_ref="GUS-REF"),
    }
    return {"rob": rob, "rita": rita, "admin": admin, "gus": gus}, orders


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_a_rep_only_their_orders(two_reps):
    users, orders = two_reps
    names = {who: order.customer.name for who, order in orders.items()}
    page = browser(users["rob"]).get("/acme/orders/").content.decode()
    assert names["rob"] in page
    assert names["rita"] not in page and names["gus"] not in page
    everything = browser(users["admin"]).get("/acme/orders/").content.decode()
    assert names["rob"] in everything and names["rita"] in everything
    assert names["gus"] not in everything


def test_another_reps_order_is_404_on_every_page_and_action(two_reps):
    users, orders = two_reps
    rob, ritas = browser(users["rob"]), orders["rita"]
    base = f"/acme/orders/{ritas.number}/"
    assert rob.get(base).status_code == 404
    assert rob.get(base + "state").status_code == 404
    assert rob.post(base + "submit").status_code == 404
    assert rob.post(base + "manual", {"exact_order_number": "77"}).status_code == 404
    ritas.refresh_from_db()
    assert ritas.status == Order.Status.DRAFT


def test_a_rep_closes_their_own_order_by_hand(two_reps):
    users, orders = two_reps
    rob, own = browser(users["rob"]), orders["rob"]
    assert rob.get(f"/acme/orders/{own.number}/").status_code == 200
    rob.post(f"/acme/orders/{own.number}/manual", {"exact_order_number": "77"})
    own.refresh_from_db()
    assert own.status != Order.Status.DRAFT
    # The admin still sees and handles every order of the company.
    admin = browser(users["admin"])
    assert admin.get(f"/acme/orders/{orders['rita'].number}/").status_code == 200
