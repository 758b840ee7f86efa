"""The New order form's header: choices load for the customer (htmx fragment), defaults
preselected, a new address, re-rendered without JavaScript, and the order page shows it."""

from __future__ import annotations

import pytest

from salesdesk.orders.models import Order
from tests.salesdesk.customers.reps_world import ROB, link
from tests.salesdesk.factories import make_user
from tests.salesdesk.orders.factories import make_customer
from tests.salesdesk.orders.header_world import header_shop

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme():
    shop = header_shop(slug="acme")
    header_shop(slug="globex")
    return shop


@pytest.fixture
def client(client, acme):
    client.force_login(make_user(company=acme.company))
    return client


def _form(shop, **fields) -> dict:
    data = {
        "kind": "order", "customer": shop.customer.code_display, "your_ref": "PO-1",
        "delivery_date": "", "notes": "", "discount": "", "action": "draft",
        "header_for": shop.customer.code_display,
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
        "lines-0-item": "ART-1", "lines-0-quantity": "2", "lines-0-price": "",
    }  # fmt: skip
    return data | fields


def test_the_header_fragment_offers_the_customers_choices_with_defaults(client, acme):
    page = client.get("/acme/orders/new/header", {"customer": acme.customer.code_display})
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<option value="{acme.main_address}" selected>Kade 1, 3511 AA Utrecht, NL' in html
    assert f'<option value="{acme.other_address}">Dok 7' in html
    assert str(acme.invoice_address) not in html  # an invoice address is no delivery address
    assert f'<option value="{acme.main_contact}" selected>Anna Visser' in html
    assert '<option value="30" selected>30 days' in html
    assert "A new address…" in html and "DHL Parcel" in html
    neighbours = client.get("/acme/orders/new/header", {"customer": acme.neighbour.code_display})
    assert str(acme.main_address) not in neighbours.content.decode()


def test_without_a_customer_the_fragment_asks_for_one(client):
    page = client.get("/acme/orders/new/header", {"customer": "no such"})
    assert "Pick a customer" in page.content.decode()


def test_warehouse_only_when_there_are_several(client, acme):
    assert 'name="warehouse"' in client.get("/acme/orders/new").content.decode()
    acme.warehouses[1].delete()
    assert 'name="warehouse"' not in client.get("/acme/orders/new").content.decode()


def test_the_chosen_header_is_saved_and_shown(client, acme):
    data = _form(
        acme,
        kind="order",
        delivery_address=str(acme.other_address),
        contact=str(acme.other_contact),
        shipping_method=str(acme.shipping.exact_id),
        payment_condition="30",
        warehouse=str(acme.warehouses[1].exact_id),
        discount="2.5",
    )
    response = client.post("/acme/orders/new", data)
    assert response.status_code == 302, response.content.decode()
    order = Order.objects.get(company=acme.company)
    assert (order.kind, order.contact_exact_id, str(order.discount)) == (
        "order", acme.other_contact, "0.0250",
    )  # fmt: skip
    page = client.get(response["Location"]).content.decode()
    for shown in ("Sales order", "Dok 7, 1011 AB Amsterdam, NL", "Anna Bakker", "DHL Parcel",
                  "30 days", acme.warehouses[1].code, "2.5%", "PO-1"):  # fmt: skip
        assert shown in page


def test_a_new_address_is_typed_in(client, acme):
    data = _form(acme, delivery_address="new", new_line1="Haven 3", new_city="Gent",
                 new_country="be", new_postcode="9000")  # fmt: skip
    assert client.post("/acme/orders/new", data).status_code == 302
    order = Order.objects.get(company=acme.company)
    assert order.new_delivery_address["country"] == "BE"
    page = client.get(f"/acme/orders/{order.number}/").content.decode()
    assert "Haven 3, 9000 Gent, BE" in page and "(new:" in page


def test_a_new_address_without_its_city_is_shown_again(client, acme):
    data = _form(acme, delivery_address="new", new_line1="Haven 3", new_country="BE")
    response = client.post("/acme/orders/new", data)
    assert response.status_code == 400
    assert "Enter the city of the new delivery address." in response.content.decode()
    assert not Order.objects.exists()


def test_another_customers_address_is_refused(client, acme):
    neighbour = acme.neighbour.code_display
    data = _form(
        acme, customer=neighbour, header_for=neighbour, delivery_address=str(acme.main_address)
    )
    response = client.post("/acme/orders/new", data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Order.objects.exists()


def test_without_javascript_the_customers_choices_come_back_to_check(client, acme):
    """The first page has no customer yet, so no choices: the post comes back with the
    customer's defaults preselected, and the second post saves them."""
    data = _form(acme, header_for="", warehouse=str(acme.warehouses[1].exact_id))
    response = client.post("/acme/orders/new", data)
    html = response.content.decode()
    assert response.status_code == 400 and "check them, then save again" in html
    assert f'<option value="{acme.main_address}" selected>' in html
    assert f'<option value="{acme.warehouses[1].exact_id}" selected>' in html
    assert not Order.objects.exists()
    again = _form(acme, delivery_address=str(acme.main_address), contact=str(acme.main_contact),
                  payment_condition="30")  # fmt: skip
    assert client.post("/acme/orders/new", again).status_code == 302
    order = Order.objects.get()
    assert (order.delivery_address_exact_id, order.contact_exact_id, order.payment_condition) == (
        acme.main_address, acme.main_contact, "30",
    )  # fmt: skip


def test_a_rep_gets_no_choices_for_another_reps_customer(client, acme):
    rep = make_user(company=acme.company, role="rep", username="rob")
    link(company=acme.company, user=rep, exact_user_id=ROB)
    make_customer(company=acme.company, code="900", account_manager_exact_id=ROB)
    client.force_login(rep)
    theirs = client.get("/acme/orders/new/header", {"customer": acme.customer.code_display})
    assert "Pick a customer" in theirs.content.decode()
    assert str(acme.main_address) not in theirs.content.decode()
    assert (
        'name="contact"'
        in client.get("/acme/orders/new/header", {"customer": "900"}).content.decode()
    )
    response = client.post("/acme/orders/new", _form(acme, delivery_address=str(acme.main_address)))
    assert response.status_code == 400 and not Order.objects.exists()


def test_add_line_keeps_the_choices_made_for_the_customer(client, acme):
    data = _form(acme, action="add_line", contact=str(acme.other_contact), discount="5")
    html = client.post("/acme/orders/new", data).content.decode()
    assert f'<option value="{acme.other_contact}" selected>' in html
    assert 'name="lines-1-item"' in html and 'value="5"' in html
    moved = _form(acme, action="add_line", customer=acme.neighbour.code_display,
                  contact=str(acme.other_contact))  # fmt: skip
    html = client.post("/acme/orders/new", moved).content.decode()
    assert str(acme.other_contact) not in html  # the other customer's contact is not kept
    assert f'name="header_for" value="{acme.neighbour.code_display}"' in html


def test_prices_preview_while_the_choices_are_reloaded(client, acme):
    html = client.post("/acme/orders/new/preview", _form(acme, header_for="")).content.decode()
    assert "Total including VAT" in html
