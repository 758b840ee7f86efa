"""A new customer made in the reps' app at the door, offline, with an order taken for it at
once: back online the customer goes first (refused as a duplicate of a synced customer,
said plainly and corrected on the device), then the sandbox gets the account and then the
order for it, and the app shows Exact's order number. A retried customer is made once.

Sends run in the API request (ImmediateBackend), the account's and the order's alike.
"""

from __future__ import annotations

import re

import pytest

from salesdesk.customers.models import Customer
from salesdesk.orders.models import Order
from tests.salesdesk.browser import browser  # noqa: F401
from tests.salesdesk.repsapp.service_worker import controlled
from tests.salesdesk.repsapp.test_order_header_browser import (
    DIVISION,
    _acme,
    _offline,
    _online,
    _sign_in,
    phone,  # noqa: F401
    sandbox_clock,  # noqa: F401
    sandbox_config,  # noqa: F401
)

NAME = "Bakkerij Nieuw aan de Deur"


def _sheet(page, label: str):
    return page.locator("#new-customer").get_by_label(label, exact=True)


def _new_customer(page, email: str) -> None:
    page.get_by_role("button", name="New customer").click()
    _sheet(page, "Name").fill(NAME)
    _sheet(page, "Prospect").check()
    _sheet(page, "Visit address: street and number").fill("Dorpsstraat 1")
    _sheet(page, "Visit address: postcode").fill("1234 AB")
    _sheet(page, "Visit address: city").fill("Utrecht")
    _sheet(page, "Visit address: country").fill("nl")
    _sheet(page, "Delivery address: street and number").fill("Havenweg 9")
    _sheet(page, "Delivery address: postcode").fill("1235 CD")
    _sheet(page, "Delivery address: city").fill("Utrecht")
    _sheet(page, "Delivery address: country").fill("NL")
    _sheet(page, "First name").fill("Anna")
    _sheet(page, "Last name").fill("de Boer")
    _sheet(page, "Email").fill(email)
    _sheet(page, "Phone").fill("030 123 4567")
    page.get_by_role("button", name="Save customer").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_customer_and_its_order_taken_offline_reach_exact_in_that_order(
    phone,  # noqa: F811
    live_server, live_sandbox, sandbox_state, sandbox_clock, monkeypatch,  # noqa: F811
):  # fmt: skip
    company, rep, items = _acme(sandbox_state, live_sandbox, sandbox_clock)
    taken = Customer.objects.filter(company=company).exclude(email="").order_by("name").first()
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    controlled(page)
    _offline(phone, page, monkeypatch)

    _new_customer(page, email=taken.email.upper())  # the same e-mail, as typed at the door
    # Served at once: the order pane is open for it, with no history in Exact.
    page.locator("#order-customer", has_text=NAME).wait_for()
    assert _sheet(page, "Name").is_hidden()
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[0].code)}")).click()
    page.locator("#order-form").get_by_label("Your reference", exact=True).fill("PO-NEW-1")
    page.get_by_role("button", name="Send order").click()
    assert "Waits for the new customer" in page.locator(".order.waiting").inner_text()
    page.locator("#freshness", has_text="1 new customer waits").wait_for()
    assert "1 order waits" in page.locator("#freshness").inner_text()
    page.get_by_label("Find a customer").fill("deur")
    # Offline emulation may leave navigator.onLine true: then the app says it is sending.
    listed = page.locator("#customer-list").inner_text()
    assert NAME in listed and re.search("New: (waits for a connection|sending…)", listed)

    _online(phone, monkeypatch)
    refused = page.locator("#customer-list .new-customer-state.bad")
    refused.wait_for()
    assert taken.name in refused.inner_text()  # the duplicate names the existing customer
    assert not Customer.objects.filter(company=company, name=NAME).exists()
    assert not list(sandbox_state.divisions[DIVISION].sales_orders)
    assert "Waits for the new customer" in page.locator(".order.waiting").inner_text()
    page.get_by_role("button", name="Sign out").click()  # nothing of it may be lost
    assert "wait to be sent" in page.get_by_role("alert").inner_text()

    page.get_by_role("button", name=f"Edit new customer {NAME}").click()
    page.locator("#nc-problems").wait_for()  # read from the device's copy
    assert taken.name in page.locator("#nc-problems").inner_text()
    assert _sheet(page, "Email").get_attribute("aria-invalid") == "true"
    assert _sheet(page, "Visit address: street and number").input_value() == "Dorpsstraat 1"
    _sheet(page, "Email").fill("info@nieuw-aan-de-deur.nl")
    page.get_by_role("button", name="Save customer").click()

    page.locator(".order.sent .exact-number").wait_for()
    division = sandbox_state.divisions[DIVISION]
    (account,) = [row for row in division.accounts if row["Name"] == NAME]
    (stored,) = list(division.sales_orders)
    assert stored["OrderedBy"] == account["ID"] and stored["YourRef"] == "PO-NEW-1"
    assert account["Email"] == "info@nieuw-aan-de-deur.nl" and account["Status"] == "P"
    customer = Customer.objects.get(company=company, name=NAME)
    assert str(customer.exact_id) == account["ID"]
    (order,) = Order.objects.filter(company=company)
    assert order.customer == customer and order.created_by == rep
    assert f"Exact order {stored['OrderNumber']}" in page.locator(".order.sent").inner_text()
    # Once Exact has the account, the app says so (and the feed brings it later).
    page.get_by_text(f"New: in Exact as {customer.code_display}").wait_for()
    page.evaluate("window.dispatchEvent(new Event('online'))")  # the feed is read again
    page.locator("#customer-list .new-customer-state").wait_for(state="detached")
    listed = page.get_by_role("button", name=re.compile(re.escape(NAME))).inner_text()
    assert customer.code_display in listed  # listed once, as Exact has it


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_customer_whose_answer_was_lost_is_made_once(
    phone,  # noqa: F811
    live_server, live_sandbox, sandbox_state, sandbox_clock,  # noqa: F811
):  # fmt: skip
    company, rep, items = _acme(sandbox_state, live_sandbox, sandbox_clock)
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    lost = []

    def reach_server_then_drop(route):
        lost.append(route.fetch().status)  # the server makes the customer ...
        route.abort("connectionreset")  # ... and its answer never arrives

    page.route("**/api/v1/customers", reach_server_then_drop, times=1)
    page.get_by_role("button", name="New customer").click()
    page.get_by_role("button", name="Save customer").click()
    assert "Enter the customer's name" in page.locator("#nc-problems").inner_text()
    page.get_by_role("button", name="Cancel").click()
    assert page.locator("#new-customer").is_hidden()
    _new_customer(page, email="info@nieuw-aan-de-deur.nl")
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[1].code)}")).click()
    page.get_by_role("button", name="Send order").click()
    page.locator(".order.sent").wait_for()  # the customer went again, with the same key
    assert lost == [201]
    assert Customer.objects.filter(company=company, name=NAME).count() == 1
    (order,) = Order.objects.filter(company=company)
    assert order.customer.name == NAME
    page.locator(".order.sent .exact-number").wait_for()
    assert (
        len([row for row in sandbox_state.divisions[DIVISION].accounts if row["Name"] == NAME]) == 1
    )
