"""The reps' app at the customer's door, offline, in a phone-sized Chromium: open invoices
(one overdue, counted on the device) against the credit limit, the reorder list built
from invoice lines, Exact's recent orders, addresses and contacts, and an item's free
stock. History is stored through the services the Exact sync calls. A rep of another
company, whose customer has the same Exact ID, sees none of it.
"""

from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.orders.models import Order
from salesdesk.tenants.models import Membership
from tests.salesdesk.browser import browser  # noqa: F401
from tests.salesdesk.catalog.stock_factories import make_stock
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.history.factories import make_invoice, make_open_item, make_sales_order
from tests.salesdesk.orders.factories import make_customer, make_item
from tests.salesdesk.repsapp.service_worker import controlled

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
MANAGER = uuid.UUID("00000000-0000-4000-8000-00000000a11c")


@pytest.fixture
def phone(browser, settings):  # noqa: F811
    # The device's calendar is the company's: days overdue are counted on the device.
    context = browser.new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, timezone_id=settings.TIME_ZONE
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _line(item, quantity: str, price: str) -> dict:
    return {"item_exact_id": item.exact_id, "item_code": item.code,
            "item_description": item.description, "quantity": Decimal(quantity),
            "unit_price": Decimal(price), "amount": Decimal(quantity) * Decimal(price)}  # fmt: skip


def _acme_history():
    company = make_company(slug="acme", name="Acme Wholesale")
    rep = make_user(company=company, role=Membership.Role.REP, username="rep", password=PASSWORD)
    # The rep's own customers: those whose account manager in Exact the rep is.
    Membership.objects.filter(user=rep).update(exact_user_id=MANAGER)
    customer = make_customer(company=company, name="Bakkerij Jansen", blocked=True,
                             credit_limit=Decimal("400.00"),
                             account_manager_exact_id=MANAGER)  # fmt: skip
    colleagues = make_customer(company=company, name="Bakkerij Anders")
    make_open_item(company=company, customer_exact_id=colleagues.exact_id, amount="88.00")
    coffee = make_item(company=company, code="KOFFIE-1", description="Koffiebonen 1 kg")
    sugar = make_item(company=company, code="SUIKER-1", description="Suiker 5 kg")
    make_stock(company=company, item=coffee, warehouse="MAIN", free="12", reserved=Decimal("3"))
    make_stock(company=company, item=coffee, warehouse="NORTH", free="5")
    key = {"company": company, "customer_exact_id": customer.exact_id}
    make_invoice(**key, number=7001, invoice_date=_days_ago(70),
                 lines=[_line(coffee, "2", "7.00"), _line(sugar, "1", "3.10")])  # fmt: skip
    make_invoice(**key, number=7002, invoice_date=_days_ago(20), lines=[_line(coffee, "4", "7.25")])
    make_invoice(**key, number=6001, invoice_date=_days_ago(400),
                 lines=[_line(sugar, "9", "2.00")])  # fmt: skip  # over a year ago: left out
    gone = make_item(company=company, code="OUD-1", description="Oud artikel", active=False)
    make_invoice(**key, number=7003, invoice_date=_days_ago(100), lines=[_line(gone, "1", "1.00")])
    make_open_item(**key, invoice_number=7001, amount="500.00", due_date=_days_ago(40))
    make_open_item(**key, invoice_number=7002, amount="29.00", due_date=_days_ago(-10))
    make_sales_order(**key, number=501, your_ref="PO-501", order_date=_days_ago(20))
    make_address(**key, type=4, main=True, line1="Laadperron 3", city="Utrecht")
    make_address(**key, type=3, line1="Postbus 12", city="Zeist")
    make_contact(**key, last_name="Jansen", is_main=True)
    return company, rep, customer, coffee


def _other_with_twin(customer):
    other = make_company(slug="other", name="Other Trading", reps_see_all_customers=True)
    them = make_user(company=other, role=Membership.Role.REP, username="them", password=PASSWORD)
    twin = make_customer(company=other, exact_id=customer.exact_id, name="Rival Jansen")
    make_item(company=other, code="OTHER-1", description="Other's own")
    make_open_item(company=other, customer_exact_id=twin.exact_id, amount="77.00")
    return them, twin


RECORD_VIOLATIONS_JS = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("body[data-ready=true]").wait_for()


def _stored(page, company: str, table: str) -> int:
    return page.evaluate(
        f"new Dexie('salesdesk-reps-{company}').open().then(db => db.table('{table}').count())"
    )


def _door_offline(page, customer) -> None:
    page.get_by_role("button", name=re.compile(customer.name)).click()
    blocked = page.locator("#door-blocked").inner_text()
    assert blocked == f"{customer.name} is blocked in Exact Online."
    summary = page.locator("#open-summary").inner_text()
    assert summary == "Open invoices: 529.00 (2) · 500.00 overdue (1)"
    open_list = page.locator("#open-list")
    assert open_list.is_visible()  # opened by itself: money is late
    assert "over the limit by 129.00" in open_list.inner_text()
    late = page.locator("[data-open-item='7001']").inner_text()
    assert "500.00 EUR" in late and "40 days overdue" in late
    assert "Not due yet" in page.locator("[data-open-item='7002']").inner_text()

    reorder = page.locator("#reorder-list")
    rows = reorder.locator("li").all_inner_texts()
    assert len(rows) == 3  # the sugar of 400 days ago is not counted
    assert rows[0].startswith("KOFFIE-1") and "2× in 12 months (6)" in rows[0]
    assert "at 7.25" in rows[0]  # the last invoice's price
    assert "1× in 12 months (1)" in rows[1] and "at 3.10" in rows[1]
    assert rows[2].startswith("OUD-1") and "No longer sold" in rows[2]
    assert page.get_by_role("button", name="Add OUD-1 Oud artikel again").is_disabled()
    again = page.get_by_role("button", name="Add KOFFIE-1 Koffiebonen 1 kg again")
    again.click()
    again.click()
    assert page.get_by_label("Quantity").input_value() == "2"

    page.get_by_text("Recent orders in Exact").click()
    assert "Order 501" in page.locator("#exact-order-list").inner_text()
    assert "PO-501" in page.locator("#exact-order-list").inner_text()
    page.get_by_text("Addresses and contacts").click()
    delivery = page.locator(".address.delivery")
    assert delivery.count() == 1 and "Laadperron 3" in delivery.inner_text()
    assert "Delivery address (main)" in delivery.inner_text()
    assert "Anna Jansen (main contact)" in page.locator("#address-list").inner_text()

    page.get_by_label("Find an item").fill("KOFFIE")
    assert "Free stock 17" in page.locator("#item-list").inner_text()
    page.get_by_role("button", name="Stock of KOFFIE-1").click()
    detail = page.get_by_role("dialog")
    assert detail.locator("#item-detail-stock").inner_text() == "Free stock 17"
    warehouses = detail.locator(".warehouse").all_inner_texts()
    assert [w.split("\n")[0] for w in warehouses] == [
        "MAIN · Warehouse Main",
        "NORTH · Warehouse North",
    ]
    assert "12 free" in warehouses[0] and "3 reserved" in warehouses[0]
    page.get_by_role("button", name="Close").click()
    assert detail.is_hidden()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_customers_door_offline_and_nothing_of_it_for_another_company(phone, live_server):
    _, rep, customer, _ = _acme_history()
    them, twin = _other_with_twin(customer)
    page = phone.new_page()
    page.add_init_script(RECORD_VIOLATIONS_JS)
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    controlled(page)
    phone.set_offline(True)
    page.reload()  # the shell from the service worker, the data from IndexedDB
    page.locator("body[data-ready=true]").wait_for()
    assert "Offline" in page.locator("#freshness").inner_text()
    _door_offline(page, customer)
    assert "77.00" not in page.locator("#door").inner_text()
    assert _stored(page, "acme", "open_items") == 2  # not those of a colleague's customer
    assert page.evaluate("window.cspViolations") == []
    phone.set_offline(False)
    page.close()

    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/other/app/", them.email)
    page.get_by_role("button", name=re.compile(twin.name)).click()
    summary = page.locator("#open-summary").inner_text()
    assert summary == "Open invoices: 77.00 (1) · 77.00 overdue (1)"
    assert page.locator("#door-blocked").is_hidden()
    assert "Nothing invoiced in the last 12 months." in page.locator("#reorder-list").inner_text()
    door = page.locator("#door").inner_text()
    assert "500.00" not in door and "KOFFIE" not in door and "Laadperron" not in door
    for table, count in (("open_items", 1), ("stock_positions", 0), ("sales_invoice_lines", 0),
                         ("sales_orders", 0), ("addresses", 0), ("contacts", 0)):  # fmt: skip
        assert _stored(page, "other", table) == count, table


# The device's copy as the app before stock and history kept it (Dexie version 1): a
# cursor past the history kinds it dropped, and an order that waits to be sent.
VERSION_ONE_JS = """async ([email, password, customer, item]) => {
  const signed = await fetch("/api/v1/auth/token", {method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({company: "acme", email: email, password: password, device: "old"})});
  const session = await signed.json();
  const auth = {headers: {Authorization: "Bearer " + session.token}};
  const feed = await (await fetch("/api/v1/changes?limit=5000", auth)).json();
  const db = new Dexie("salesdesk-reps-acme");
  db.version(1).stores({meta: "key", items: "id", customers: "id", item_prices: "id, item_id",
    price_list_lines: "id, price_list_id", orders: "number", outbox: "key, created_at"});
  await db.open();
  for (const kind of ["items", "customers", "item_prices", "price_list_lines", "orders"]) {
    await db.table(kind).bulkPut(feed.changes[kind]);
  }
  await db.table("meta").bulkPut([
    {key: "session", value: {token: session.token, user: session.user, company: session.company}},
    {key: "rep", value: session.user}, {key: "cursor", value: feed.cursor},
    {key: "synced_at", value: new Date().toISOString()}]);
  await db.table("outbox").put({key: "kept-1", created_at: new Date().toISOString(),
    state: "waiting", customer: customer, your_ref: "PO-KEPT", delivery_date: null, notes: "",
    lines: [{item_id: item, code: "KOFFIE-1", description: "", quantity: "2", unit_price: null}],
    number: null, status: null, exact_order_number: null, exact_message: "", problem: ""});
  db.close();
  return feed.changes.open_items.length;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_device_of_the_previous_version_keeps_its_order_and_gets_the_history(phone, live_server):
    company, rep, customer, coffee = _acme_history()
    customer.blocked = False  # the server takes its orders
    customer.save()
    page = phone.new_page()
    page.goto(f"{live_server.url}/static/repsapp/app.css")  # the app's origin, not the app
    page.add_script_tag(url=f"{live_server.url}/static/repsapp/vendor/dexie-4.4.7.min.js")
    owner = {"id": str(customer.exact_id), "code": customer.code_display, "name": customer.name}
    args = [rep.email, PASSWORD, owner, str(coffee.exact_id)]
    assert page.evaluate(VERSION_ONE_JS, args) == 2  # in the feed, dropped by the old app

    page.goto(f"{live_server.url}/acme/app/")  # no sign-in, no download: the upgraded copy
    page.locator("body[data-ready=true]").wait_for()
    page.locator(".order.sent").wait_for()  # the waiting order survived the upgrade
    (order,) = Order.objects.filter(company=company)
    assert order.your_ref == "PO-KEPT" and order.customer == customer
    page.get_by_role("button", name=re.compile(customer.name)).click()
    summary = page.locator("#open-summary")
    summary.filter(has_text="529.00").wait_for()  # the feed read again from the start
    assert _stored(page, "acme", "sales_invoice_lines") == 5
