"""The reps' app takes a complete order offline: the header (type, delivery address,
contact, delivery date, shipping method, payment condition, reference) with the
customer's defaults preselected, and a new customer made at the door with its order.
Back online, the sandbox gets the order with those fields, or the account and then the
order for it; a duplicate customer is refused plainly and corrected on the device.

Addresses, contacts and the order terms come from the sandbox through the Exact sync, so
the IDs the app offers are Exact's own. Sends run in the API request (ImmediateBackend).
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import OperationalError

from exact_client import values
from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from salesdesk.api.order_intake import order_place
from salesdesk.api.routes import customers as customers_route
from salesdesk.api.routes import orders as orders_route
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customers import customer_create
from salesdesk.integration.models import SyncRun
from salesdesk.orders.models import Order
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.tenants.models import Membership
from tests.salesdesk.browser import browser  # noqa: F401
from tests.salesdesk.factories import connect_company, make_company, make_user
from tests.salesdesk.integration.sync.sync_support import IMMEDIATE_TASKS, run_sync
from tests.salesdesk.orders.factories import copy_sandbox_parties
from tests.salesdesk.orders.terms_factories import make_payment_condition, make_shipping_method
from tests.salesdesk.repsapp.service_worker import controlled

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
DIVISION = 100001
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the live server's Exact client uses time.time


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=10, customers=12)


@pytest.fixture
def phone(browser, settings):  # noqa: F811
    settings.TASKS = IMMEDIATE_TASKS
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _acme(sandbox_state, live_sandbox, sandbox_clock):
    company = make_company(slug="acme", name="Acme Wholesale", reps_see_all_customers=True)
    rep = make_user(company=company, role=Membership.Role.REP, username="rep", password=PASSWORD)
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_state.clock.now)
    for entity in ("customers", "addresses", "contacts"):  # customers brings the order terms
        run = run_sync(company, entity, sandbox_clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error
    _, items = copy_sandbox_parties(company=company, state=sandbox_state, customers=0, items=3)
    return company, rep, items


def _customer_with_choices(company):
    """A customer with two delivery addresses and two contacts in Exact."""
    for customer in Customer.objects.filter(company=company, blocked=False).order_by("name"):
        key = {"company": company, "customer_exact_id": customer.exact_id, "active": True}
        addresses = list(Address.objects.filter(**key, type=Address.Type.DELIVERY))
        contacts = list(Contact.objects.filter(**key))
        if len(addresses) > 1 and len(contacts) > 1:
            return customer, addresses, contacts
    raise AssertionError("the sandbox seeds no customer with two delivery addresses")


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("body[data-ready=true]").wait_for()


def _offline(phone, page, monkeypatch) -> None:
    """No connection for the app. Playwright's offline emulation misses the service worker's
    own requests and may leave navigator.onLine true (see test_app_browser.py): the server
    also refuses orders and customers until the connection "returns"."""
    phone.set_offline(True)
    monkeypatch.setattr(orders_route, "order_place", _no_connection)
    monkeypatch.setattr(customers_route, "customer_create", _no_connection)
    page.reload()  # the shell now comes from the service worker
    page.locator("body[data-ready=true]").wait_for()


def _online(phone, monkeypatch) -> None:
    monkeypatch.setattr(orders_route, "order_place", order_place)
    monkeypatch.setattr(customers_route, "customer_create", customer_create)
    phone.set_offline(False)


def _no_connection(*args, **kwargs):
    raise OperationalError("no connection (the test's offline phone)")


META_JS = """key => new Dexie('salesdesk-reps-acme').open()
  .then(db => db.table('meta').get(key)).then(row => row && row.value)"""


def _stored(page, key: str, wanted) -> None:
    """Wait until the device's copy holds `wanted(value)` under `key` of its meta table (a
    write still in flight when the page goes is lost, as on a phone)."""
    for _ in range(100):
        if wanted(page.evaluate(META_JS, key)):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the device did not store {key}")


def _field(page, label: str):
    return page.locator("#order-form").get_by_label(label, exact=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_order_with_its_header_taken_offline_reaches_exact_with_it(
    phone, live_server, live_sandbox, sandbox_state, sandbox_clock, monkeypatch
):
    company, rep, items = _acme(sandbox_state, live_sandbox, sandbox_clock)
    customer, addresses, contacts = _customer_with_choices(company)
    main_address = next(a for a in addresses if a.main)
    other_address = next(a for a in addresses if not a.main)
    main_contact = next(c for c in contacts if c.is_main)
    other_contact = next(c for c in contacts if not c.is_main)
    shipping = ShippingMethod.objects.filter(company=company).order_by("code")[1]
    conditions = PaymentCondition.objects.filter(company=company).order_by("code")
    customers_condition = conditions.filter(code=customer.payment_condition).first()
    condition = conditions.exclude(code=customer.payment_condition)[0]
    delivery = datetime.date.today() + datetime.timedelta(days=9)
    other = make_company(slug="other", name="Other Trading")
    make_shipping_method(company=other, description="Other's courier")
    make_payment_condition(company=other, description="Other's terms")

    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    controlled(page)
    _offline(phone, page, monkeypatch)
    page.get_by_label("Find a customer").fill(customer.name)
    page.get_by_role("button", name=re.compile(re.escape(customer.name))).first.click()
    # The web form's defaults: main delivery address, main contact, the customer's terms
    # (the lists are filled from the device's copy once the customer is picked).
    page.locator(f"#delivery-address option[value='{other_address.exact_id}']").wait_for(
        state="attached"
    )
    assert _field(page, "Order type").input_value() == "order"
    assert _field(page, "Delivery address").input_value() == str(main_address.exact_id)
    assert _field(page, "Contact person").input_value() == str(main_contact.exact_id)
    assert _field(page, "Shipping method").input_value() == ""
    expected = customers_condition.code if customers_condition else ""
    assert _field(page, "Payment condition").input_value() == expected
    shown = page.locator("#payment-condition option").all_inner_texts()
    assert condition.description in shown  # the terms came with the download
    assert "Other's terms" not in shown
    assert "Other's courier" not in page.locator("#shipping-method").inner_text()

    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[0].code)}")).click()
    _field(page, "Delivery address").select_option(str(other_address.exact_id))
    _field(page, "Contact person").select_option(str(other_contact.exact_id))
    _field(page, "Shipping method").select_option(str(shipping.exact_id))
    _field(page, "Payment condition").select_option(condition.code)
    _field(page, "Delivery date").fill(delivery.isoformat())
    _field(page, "Your reference").fill("PO-HEADER-1")
    _stored(page, "draft", lambda draft: draft and draft["your_ref"] == "PO-HEADER-1")
    page.reload()  # the phone dropped the page: the header comes back with the order
    page.locator("body[data-ready=true]").wait_for()
    assert _field(page, "Shipping method").input_value() == str(shipping.exact_id)
    assert _field(page, "Delivery address").input_value() == str(other_address.exact_id)
    page.get_by_role("button", name="Send order").click()
    waiting = page.locator(".order.waiting")
    assert "Waiting for a connection" in waiting.inner_text()
    assert f"Contact {other_contact.full_name}" in waiting.inner_text()
    assert not list(sandbox_state.divisions[DIVISION].sales_orders)

    # Exact gained a shipping method meanwhile: the next read of the feed brings it.
    make_shipping_method(company=company, description="Bicycle courier")
    _online(phone, monkeypatch)
    page.locator(".order.sent .exact-number").wait_for()
    (stored,) = list(sandbox_state.divisions[DIVISION].sales_orders)
    assert stored["OrderedBy"] == str(customer.exact_id)
    assert (stored["DeliveryAddress"], stored["OrderedByContactPerson"]) == (
        str(other_address.exact_id), str(other_contact.exact_id),
    )  # fmt: skip
    assert (stored["ShippingMethod"], stored["PaymentCondition"], stored["YourRef"]) == (
        str(shipping.exact_id), condition.code, "PO-HEADER-1",
    )  # fmt: skip
    assert values.parse_date(stored["DeliveryDate"]).astimezone(AMSTERDAM).date() == delivery
    sent = page.locator(".order.sent").inner_text()
    assert f"Exact order {stored['OrderNumber']}" in sent
    assert shipping.description in sent and "Your ref. PO-HEADER-1" in sent
    # The feed is read when the connection returns (an emulated return may fire no event).
    page.evaluate("window.dispatchEvent(new Event('online'))")
    _stored(page, "order_terms", lambda terms: "Bicycle courier" in str(terms))
    page.get_by_role("button", name=re.compile(re.escape(customer.name))).first.click()
    page.locator("#shipping-method option", has_text="Bicycle courier").wait_for(state="attached")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_quotation_taken_on_the_device_shows_exacts_quotation_number(
    phone, live_server, live_sandbox, sandbox_state, sandbox_clock
):
    company, rep, items = _acme(sandbox_state, live_sandbox, sandbox_clock)
    customer, _, _ = _customer_with_choices(company)
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    page.get_by_label("Find a customer").fill(customer.name)
    page.get_by_role("button", name=re.compile(re.escape(customer.name))).first.click()
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[1].code)}")).click()
    page.locator("#delivery-address option[value=new]").wait_for(state="attached")
    _field(page, "Order type").select_option(label="Quotation")
    _field(page, "Delivery address").select_option(label="New address…")
    assert "needs a street" in page.locator("#order-problems").inner_text()
    assert page.get_by_role("button", name="Send order").is_disabled()
    _field(page, "Street and number").fill("Havenweg 12")
    _field(page, "Postcode").fill("3011 AB")
    _field(page, "City").fill("Rotterdam")
    _field(page, "Country").fill("nl")
    page.get_by_role("button", name="Send order").click()
    number = page.locator(".order.sent .exact-number")
    number.wait_for()
    order = Order.objects.get(company=company)
    assert order.kind == Order.Kind.QUOTATION and order.exact_quotation_number
    assert number.inner_text() == f"Exact quotation {order.exact_quotation_number}"
    assert "Quotation" in page.locator(".order.sent").inner_text()
    (stored,) = list(sandbox_state.divisions[DIVISION].quotations)
    assert stored["OrderAccount"] == str(customer.exact_id)
    assert order.delivery_address_exact_id  # the typed address went to Exact first
    assert stored["DeliveryAddress"] == str(order.delivery_address_exact_id)
