"""In a real browser: pick a customer, see its header choices load with Exact's defaults,
choose a delivery address, contact and shipping method, type the customer's reference, save,
and see them on the order page."""

from __future__ import annotations

import re

import pytest

from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.factories import make_user
from tests.salesdesk.orders.header_world import header_shop

PASSWORD = "correct-horse-battery"


@pytest.fixture
def static_files(settings):
    # As in test_order_browser.py: the live server serves htmx and the stylesheet from here.
    if not settings.STATICFILES_DIRS:
        settings.STATICFILES_DIRS = [settings.BASE_DIR / "salesdesk" / "static"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_header_choices_load_for_the_customer_and_reach_the_order_page(
    page,  # noqa: F811
    live_server,
    static_files,
):
    shop = header_shop(slug="acme")
    header_shop(slug="globex")
    user = make_user(company=shop.company, username="admin", password=PASSWORD)

    log_in(page, live_server.url, "acme", user.username, PASSWORD)
    page.goto(f"{live_server.url}/acme/orders/new")
    assert page.get_by_label("Order type").input_value() == "order"
    page.get_by_label("Customer", exact=True).fill(shop.customer.code_display)
    page.keyboard.press("Tab")  # leaving the field is what fires "change"
    address = page.get_by_label("Delivery address")
    address.wait_for()
    assert address.input_value() == str(shop.main_address)  # Exact's default: the main one
    contact = page.get_by_label("Contact person")
    assert contact.input_value() == str(shop.main_contact)
    assert page.get_by_label("Payment condition").input_value() == "30"

    new_line = page.get_by_label("Address line 1")
    assert not new_line.is_visible()
    address.select_option(label="A new address…")
    new_line.wait_for(state="visible")
    address.select_option(label="Dok 7, 1011 AB Amsterdam, NL")
    new_line.wait_for(state="hidden")
    contact.select_option(label="Anna Bakker")
    page.get_by_label("Shipping method").select_option(label="DHL Parcel")
    page.get_by_label("Delivery date").fill("2027-03-01")
    page.get_by_label("Your reference").fill("PO-HEADER-1")
    line = page.get_by_role("group", name="Line 1")
    line.get_by_label("Item").fill("ART-1")
    line.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Save as draft").click()

    page.wait_for_url(re.compile(r"/acme/orders/SD-acme-000001/$"))
    assert page.locator("#order-kind").inner_text() == "Sales order"
    assert page.locator("#order-delivery-address").inner_text() == "Dok 7, 1011 AB Amsterdam, NL"
    assert page.locator("#order-contact").inner_text() == "Anna Bakker"
    assert page.locator("#order-shipping-method").inner_text() == "DHL Parcel"
    assert page.locator("#order-payment-condition").inner_text() == "30 days"
    body = (
        page.locator("main").inner_text()
        if page.locator("main").count()
        else page.inner_text("body")
    )
    assert "PO-HEADER-1" in body and "2027-03-01" in body
