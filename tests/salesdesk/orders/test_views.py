"""The Orders pages: list, filters, new order form with preview, order page and its actions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.orders.lines import LineInput
from salesdesk.orders.models import Order
from salesdesk.orders.services import OrderHeader, order_create, order_submit
from salesdesk.orders.waiting import outbox_wait
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_customer, make_item, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    company = make_company(slug="demo")
    customer = make_customer(company=company, code="1001", name="Kaashandel Smit")
    item = make_item(
        company=company, code="ART-1", description="Gouda", barcode="8712345678906",
        standard_price=Decimal("12.50"),
    )  # fmt: skip
    return company, customer, item


@pytest.fixture
def client(client, demo):
    client.force_login(make_user(company=demo[0]))
    return client


def _form(customer="1001", action="submit", lines=(("ART-1", "2", ""),), **header):
    data = {
        "customer": customer, "your_ref": "PO-9", "delivery_date": "", "notes": "",
        "action": action, "lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0",
    }  # fmt: skip
    for n, (item, quantity, price) in enumerate(lines):
        data |= {
            f"lines-{n}-item": item,
            f"lines-{n}-quantity": quantity,
            f"lines-{n}-price": price,
        }
    return data | header


def test_list_shows_only_this_companys_orders_and_filters(client, demo):
    company, customer, _ = demo
    mine = make_order(company=company, customer=customer)
    queued = make_order(company=company)
    order_submit(order=queued)
    other = make_company(slug="other")
    theirs = make_order(company=other)
    page = client.get("/demo/orders/").content.decode()
    assert mine.number in page and queued.number in page and theirs.number not in page
    page = client.get("/demo/orders/", {"status": "queued"}).content.decode()
    assert queued.number in page and mine.number not in page
    page = client.get("/demo/orders/", {"customer": customer.pk}).content.decode()
    assert mine.number in page and queued.number not in page
    page = client.get("/demo/orders/", {"q": "Smit"}).content.decode()
    assert mine.number in page and queued.number not in page
    assert client.get("/other/orders/").status_code == 404
    assert client.get(f"/demo/orders/{theirs.number}/").status_code == 404


def test_new_order_is_created_priced_and_queued(client, demo):
    response = client.post("/demo/orders/new", _form(lines=(("ART-1", "2", ""), ("", "", ""))))
    assert response.status_code == 302
    order = Order.objects.get(company=demo[0])
    assert response["Location"] == f"/demo/orders/{order.number}/"
    assert (order.status, order.your_ref, order.total_excl_vat) == (
        Order.Status.QUEUED,
        "PO-9",
        Decimal("25.00"),
    )
    page = client.get(response["Location"]).content.decode()
    assert "Standard sales price" in page and "Queued for sending" in page


def test_a_barcode_finds_the_item_and_a_typed_price_wins(client, demo):
    client.post("/demo/orders/new", _form(action="draft", lines=(("8712345678906", "3", "9"),)))
    order = Order.objects.get()
    line = order.lines.get()
    assert (order.status, line.item, line.unit_price) == (Order.Status.DRAFT, demo[2], 9)


def test_blocked_customer_and_inactive_item_are_refused_clearly(client, demo):
    make_customer(company=demo[0], code="666", name="Blocked BV", blocked=True)
    make_item(company=demo[0], code="OLD-1", active=False)
    page = client.post("/demo/orders/new", _form(customer="666")).content.decode()
    assert "is blocked in Exact Online" in page
    page = client.post("/demo/orders/new", _form(lines=(("OLD-1", "1", ""),))).content.decode()
    assert "Item OLD-1 is no longer active" in page
    assert not Order.objects.exists()


def test_another_companys_customer_or_item_is_not_found(client, demo):
    other = make_company(slug="other")
    make_customer(company=other, code="2002")
    make_item(company=other, code="THEIRS")
    page = client.post("/demo/orders/new", _form(customer="2002")).content.decode()
    assert "No customer with code" in page
    page = client.post("/demo/orders/new", _form(lines=(("THEIRS", "1", ""),))).content.decode()
    assert "No item with code" in page
    page = client.get("/demo/orders/suggest/items", {"lines-0-item": "THE"}).content.decode()
    assert "THEIRS" not in page


def test_add_line_keeps_what_was_typed(client):
    page = client.post("/demo/orders/new", _form(action="add_line")).content.decode()
    assert page.count("<legend>Line") == 2
    assert 'value="ART-1"' in page and 'value="1001"' in page


def test_preview_shows_the_rules_price_and_totals(client, demo):
    page = client.post("/demo/orders/new/preview", _form(lines=(("ART-1", "4", ""),)))
    text = page.content.decode()
    assert "Standard sales price" in text
    assert "50.00" in text and "60.50" in text  # excluding and including 21% VAT


def test_suggestions_search_code_name_and_barcode(client):
    assert (
        "Kaashandel Smit"
        in client.get("/demo/orders/suggest/customers", {"customer": "kaas"}).content.decode()
    )
    assert (
        'value="ART-1"'
        in client.get("/demo/orders/suggest/items", {"lines-0-item": "goud"}).content.decode()
    )
    assert (
        'value="ART-1"'
        in client.get(
            "/demo/orders/suggest/items", {"lines-2-item": "8712345678906"}
        ).content.decode()
    )


def test_order_page_submit_manual_close_and_state_partial(client, demo):
    order = make_order(company=demo[0])
    url = f"/demo/orders/{order.number}/"
    assert "Submit" in client.get(url).content.decode()
    client.post(url + "submit")
    state = client.get(url + "state").content.decode()
    assert "Queued" in state and 'hx-trigger="every 2s"' in state
    assert "manual-close" not in state  # due to be sent: not for closing by hand
    response = client.post(url + "manual", {"exact_order_number": "12"}, follow=True)
    assert "cannot be closed by hand" in response.content.decode()  # it is queued
    Order.objects.filter(pk=order.pk).update(status=Order.Status.FAILED)
    client.post(url + "manual", {"exact_order_number": "12"})
    order.refresh_from_db()
    assert (order.status, order.exact_order_number) == (Order.Status.MANUAL, 12)
    assert "Entered in Exact by hand" in client.get(url).content.decode()


def test_list_and_order_page_show_why_a_queued_order_waits(client, demo):
    order = make_order(company=demo[0])
    order_submit(order=order)
    reason = "Waiting: the Exact Online connection needs re-authorization."
    assert outbox_wait(order_id=order.pk, reason=reason, now=timezone.now())
    other = make_company(slug="other")
    theirs = make_order(company=other)
    order_submit(order=theirs)
    outbox_wait(order_id=theirs.pk, reason="Waiting: their own reason", now=timezone.now())
    page = client.get("/demo/orders/").content.decode()
    assert reason in page and "their own reason" not in page
    state = client.get(f"/demo/orders/{order.number}/state").content.decode()
    assert "Why it waits" in state and reason in state and "Retry" not in state
    # Entered in Exact by hand meanwhile: the form survives the section's polling.
    assert '<details id="manual-close" hx-preserve>' in state
    assert client.get(f"/demo/orders/{theirs.number}/state").status_code == 404


def test_order_page_shows_quantities_and_prices_as_typed(client, demo):
    company, customer, item = demo
    lines = [LineInput(item=item, quantity=Decimal("10"), unit_price=Decimal("1.2345"))]
    header = OrderHeader(customer=customer)
    order = order_create(company=company, user=None, header=header, lines=lines)
    theirs = make_order(company=make_company(slug="other"))
    html = client.get(f"/demo/orders/{order.number}/").content.decode()
    assert '<td class="num">10</td><td class="num">1.2345</td>' in html
    assert "1E+1" not in html
    assert client.get(f"/demo/orders/{theirs.number}/").status_code == 404
