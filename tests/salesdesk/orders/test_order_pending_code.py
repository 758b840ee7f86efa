"""An order form names a new customer by the pending code its page showed (`NEW-12`), also
after Exact gave the account its own code: the worker may create it while the user types."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.customers.models import Customer
from salesdesk.customers.new_customers import pending_code_pk
from salesdesk.orders.models import Order
from salesdesk.orders.selectors import customer_by_choice
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.customers.reps_world import reps_world
from tests.salesdesk.customers.test_new_customer_views import FORM
from tests.salesdesk.orders.factories import make_item

pytestmark = pytest.mark.django_db


def _order(code: str, item_code: str) -> dict:
    return {
        "customer": code, "your_ref": "PO-1", "delivery_date": "", "notes": "",
        "action": "draft", "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
        "lines-0-item": item_code, "lines-0-quantity": "2", "lines-0-price": "",
    }  # fmt: skip


@pytest.fixture
def world():
    world = reps_world()
    world.browser("rob").post("/acme/customers/new/", FORM)
    world.new = Customer.objects.get(company=world.acme, name="Bakkerij Nieuw")
    world.pending = f"NEW-{world.new.pk}"
    # The worker's part: Exact created the account and gave it its code.
    exact = make_customer(company=world.globex).exact_id
    Customer.objects.filter(pk=world.new.pk).update(exact_id=exact, code_display="4711")
    return world


def test_the_pending_code_still_takes_the_order_once_exact_gave_its_code(world):
    item = make_item(company=world.acme, standard_price=Decimal("3.00"))
    response = world.browser("rob").post("/acme/orders/new", _order(world.pending, item.code))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Order.objects.get(company=world.acme, your_ref="PO-1").customer_id == world.new.pk
    header = world.browser("rob").get("/acme/orders/new/header", {"customer": world.pending})
    assert "Delivery address" in header.content.decode()


def test_a_header_loaded_while_waiting_is_not_stale_once_exact_gave_its_code(world):
    # The header came with the pending code; the account reached Exact before Submit.
    item = make_item(company=world.acme)
    form = _order(world.pending, item.code) | {
        "header_for": world.pending, "delivery_address": "", "contact": "",
        "shipping_method": "", "payment_condition": "",
    }  # fmt: skip
    response = world.browser("rob").post("/acme/orders/new", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    # Another customer's header still counts as stale.
    other = form | {"customer": world.customers["rob"].code_display}
    stale = world.browser("rob").post("/acme/orders/new", other)
    assert "check them, then save again" in stale.content.decode()
    assert Order.objects.filter(company=world.acme, your_ref="PO-1").count() == 1


def test_the_pending_code_stays_within_reach_and_company(world):
    item = make_item(company=world.acme)
    refused = world.browser("rita").post("/acme/orders/new", _order(world.pending, item.code))
    assert f"No customer with code &#x27;{world.pending}&#x27;" in refused.content.decode()
    assert customer_by_choice(company=world.globex, text=world.pending) is None
    assert not Order.objects.filter(your_ref="PO-1").exists()


def test_a_synced_customer_is_not_named_by_its_row_id():
    world = reps_world()
    synced = world.customers["rob"]
    assert customer_by_choice(company=world.acme, text=f"NEW-{synced.pk}") is None
    assert customer_by_choice(company=world.acme, text=synced.code_display) == synced


@pytest.mark.parametrize(
    ("code", "pk"),
    [("NEW-12", 12), (" new-7 ", 7), ("NEW-", None), ("NEW-1a", None), ("12", None), ("", None)],
)
def test_pending_code_pk(code, pk):
    assert pending_code_pk(code) == pk


def test_the_waiting_customers_page_links_new_order_with_the_customer_picked(world):
    Customer.objects.filter(pk=world.new.pk).update(exact_id=None, code_display=world.pending)
    rob = world.browser("rob")
    page = rob.get(f"/acme/customers/created/{world.new.pk}/").content.decode()
    link = f"/acme/orders/new?customer={world.pending}"
    assert f'href="{link}"' in page
    form = rob.get(link).content.decode()
    assert f'value="{world.pending}"' in form
    assert "Delivery address" in form and "Pick a customer to choose" not in form
    # Out of reach (another rep's customer), the customer is not picked for them.
    theirs = world.browser("rita").get(link).content.decode()
    assert "Pick a customer to choose" in theirs and "Delivery address" not in theirs
    plain = rob.get("/acme/orders/new").content.decode()
    assert "Pick a customer to choose" in plain
