"""Customers > New customer and a created customer's page: who may, what they see, errors on
their fields, the refused customer corrected; two companies, two reps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.orders.models import Order
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.customers.reps_world import ROB, reps_world
from tests.salesdesk.orders.factories import make_item

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Bakkerij Nieuw", "status": "C", "address_line1": "Dorpsstraat 1",
    "postcode": "1234 AB", "city": "Utrecht", "country": "NL", "email": "info@nieuw.nl",
    "phone": "", "vat_number": "NL123456789B01", "contact_first_name": "Anna",
    "contact_last_name": "de Boer", "contact_email": "", "contact_phone": "",
    "delivery_line1": "", "delivery_postcode": "", "delivery_city": "", "delivery_country": "",
}  # fmt: skip


@pytest.fixture
def world():
    return reps_world()


def test_a_rep_creates_a_customer_and_sees_it_waiting_for_exact(world):
    browser = world.browser("rob")
    assert "New customer" in browser.get("/acme/customers/").content.decode()
    response = browser.post("/acme/customers/new/", FORM)
    customer = Customer.objects.get(company=world.acme, name="Bakkerij Nieuw")
    assert response.status_code == 302
    assert response["Location"] == f"/acme/customers/created/{customer.pk}/"
    page = browser.get(response["Location"]).content.decode()
    assert "Waiting for Exact Online" in page and f"NEW-{customer.pk}" in page
    # The page follows Exact by itself while it waits (htmx polls and swaps it whole).
    assert f'hx-get="{response["Location"]}" hx-trigger="every 3s"' in page
    assert customer.account_manager_exact_id == ROB
    listed = browser.get("/acme/customers/").content.decode()
    assert f"/acme/customers/created/{customer.pk}/" in listed
    # rita (another Exact user) does not see it; another company does not either.
    assert world.browser("rita").get(response["Location"]).status_code == 404
    assert world.browser("gus").get(f"/globex/customers/created/{customer.pk}/").status_code == 404
    assert world.browser("admin").get(response["Location"]).status_code == 200


def test_errors_come_back_on_their_fields_and_nothing_is_stored(world):
    bad = FORM | {"name": "", "email": "nope", "contact_last_name": "", "country": "Holland"}
    response = world.browser("admin").post("/acme/customers/new/", bad)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the customer&#x27;s name." in page
    assert "Enter a valid e-mail address." in page
    assert "Enter the contact&#x27;s last name" in page
    assert "two-letter code" in page
    assert not Customer.objects.filter(name="Holland").exists()
    assert not AccountOutbox.objects.exists()


def test_a_duplicate_vat_number_names_and_links_the_customer(world):
    known = make_customer(company=world.acme, name="Oud Bakkerij", vat_number="NL123456789B01")
    response = world.browser("admin").post("/acme/customers/new/", FORM | {"email": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Oud Bakkerij" in page
    assert f"/acme/customers/{known.exact_id}/" in page


def test_office_users_and_unlinked_reps_get_no_form_or_a_reason(world):
    from salesdesk.tenants.models import Membership

    assert (
        'href="/acme/customers/new/">New customer</a>'
        in world.browser("admin").get("/acme/customers/").content.decode()
    )
    Membership.objects.filter(user=world.users["rita"]).update(role=Membership.Role.USER)
    assert world.browser("rita").get("/acme/customers/new/").status_code == 404
    assert "New customer" not in world.browser("rita").get("/acme/customers/").content.decode()
    response = world.browser("una").post("/acme/customers/new/", FORM)
    assert response.status_code == 400
    assert "not linked to an Exact Online user" in response.content.decode()


def test_a_refused_customer_shows_exacts_words_and_is_corrected_and_sent_again(world):
    browser = world.browser("admin")
    browser.post("/acme/customers/new/", FORM)
    customer = Customer.objects.get(name="Bakkerij Nieuw")
    AccountOutbox.objects.filter(customer=customer).update(
        state=AccountOutbox.State.FAILED, message="Exact Online refused the customer: Bad name"
    )
    url = f"/acme/customers/created/{customer.pk}/"
    page = browser.get(url).content.decode()
    assert "Refused by Exact Online." in page and "Bad name" in page
    assert "hx-trigger" not in page  # no poll over a form being corrected
    assert 'value="Anna"' in page  # the form holds what was sent
    response = browser.post(url, FORM | {"name": "Bakkerij Nieuw B.V."})
    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.name == "Bakkerij Nieuw B.V."
    assert AccountOutbox.objects.get(customer=customer).state == AccountOutbox.State.QUEUED
    assert browser.post(url, FORM).status_code == 404  # queued again: not editable


def test_a_customer_in_exact_shows_its_code_and_links_its_page(world):
    browser = world.browser("admin")
    browser.post("/acme/customers/new/", FORM)
    customer = Customer.objects.get(name="Bakkerij Nieuw")
    exact = make_customer(company=world.globex).exact_id  # any ID; not this company's row
    Customer.objects.filter(pk=customer.pk).update(exact_id=exact, code_display="1234")
    AccountOutbox.objects.filter(customer=customer).update(state=AccountOutbox.State.DONE)
    page = browser.get(f"/acme/customers/created/{customer.pk}/").content.decode()
    assert "In Exact Online as <strong>1234</strong>" in page
    assert "hx-trigger" not in page  # done: nothing left to follow
    assert f"/acme/customers/{exact}/" in page
    detail = browser.get(f"/acme/customers/{exact}/").content.decode()
    assert "Created in Salesdesk" in detail


def test_an_order_can_be_taken_for_a_waiting_customer_at_standard_prices(world):
    browser = world.browser("rob")
    browser.post("/acme/customers/new/", FORM)
    customer = Customer.objects.get(name="Bakkerij Nieuw")
    item = make_item(company=world.acme, standard_price=Decimal("12.50"))
    options = browser.get(
        "/acme/orders/suggest/customers", {"customer": "Bakkerij"}
    ).content.decode()
    assert f"NEW-{customer.pk}" in options
    response = browser.post(
        "/acme/orders/new",
        {
            "customer": f"NEW-{customer.pk}", "your_ref": "PO-1", "delivery_date": "",
            "notes": "", "action": "submit", "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0", "lines-0-item": item.code, "lines-0-quantity": "2",
            "lines-0-price": "",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get(customer=customer)
    assert order.status == Order.Status.QUEUED
    assert order.lines.get().unit_price == Decimal("12.50")
