"""The order form says where a customer's delivery addresses and contacts come from when the
company never synchronized them (they have sync rows of their own, apart from customers)."""

from __future__ import annotations

import pytest

from salesdesk.customers.contact_models import Address, Contact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_customer
from tests.salesdesk.orders.header_world import header_shop

pytestmark = pytest.mark.django_db
HINT = 'id="header-unsynced"'


def _header(client, slug: str, customer) -> str:
    answer = client.get(f"/{slug}/orders/new/header", {"customer": customer.code_display})
    assert answer.status_code == 200
    return answer.content.decode()


@pytest.fixture
def world(client):
    shop = header_shop(slug="globex")  # another company's addresses and contacts
    acme = make_company(slug="acme")
    client.force_login(make_user(company=acme))
    return acme, make_customer(company=acme, name="Smit"), shop


def test_the_hint_names_the_sync_rows_while_none_were_synchronized(client, world):
    _, customer, _ = world
    page = _header(client, "acme", customer)
    assert HINT in page and "Synchronize addresses" in page and "Synchronize contacts" in page
    assert "Delivery address" in page  # the lists stay: a new address can still be typed


def test_no_hint_once_synchronized_even_for_a_customer_without_any(client, world):
    acme, customer, shop = world
    for model in (Address, Contact):
        row = model.objects.filter(company=shop.company).first()
        row.pk, row.company = None, acme
        row.save()
    assert HINT not in _header(client, "acme", customer)
    # A customer with addresses and contacts of its own never gets it.
    client.force_login(make_user(company=shop.company, username="globex-admin"))
    assert HINT not in _header(client, "globex", shop.customer)


def test_no_hint_for_a_customer_not_in_exact_yet(client, world):
    _, customer, _ = world
    type(customer).objects.filter(pk=customer.pk).update(exact_id=None)
    assert HINT not in _header(client, "acme", customer)
