"""The reps' app in a phone-sized Chromium, through its service worker: sign in, download,
take an order with the network off, reopen the page offline, and see the order reach the
sandbox once when the connection is back. A rep of another company sees none of it.

The order's send task runs in the API request (django_tasks' ImmediateBackend); in the
demo the task worker runs it.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone

from exact_sandbox.clock import SandboxClock
from salesdesk.api.models import RepToken
from salesdesk.api.order_intake import order_place
from salesdesk.api.routes import orders as orders_route
from salesdesk.api.tokens import rep_token_revoke
from salesdesk.customers.services import customer_upsert_many
from salesdesk.orders.models import Order
from salesdesk.tenants.models import Membership
from tests.salesdesk.api.factories import ApiClient
from tests.salesdesk.browser import browser  # noqa: F401
from tests.salesdesk.catalog.factories import make_item_price
from tests.salesdesk.factories import connect_company, make_company, make_user
from tests.salesdesk.orders.factories import copy_sandbox_parties, make_customer, make_item
from tests.salesdesk.repsapp.service_worker import controlled

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
ICON = Path(__file__).resolve().parents[3] / "salesdesk/repsapp/static/repsapp/icons/icon-192.png"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: the live server's Exact client uses time.time


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "pictures"],
        }
    }


@pytest.fixture
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _acme(sandbox_state, live_sandbox):
    company = make_company(slug="acme", name="Acme Wholesale", reps_see_all_customers=True)
    rep = make_user(company=company, role=Membership.Role.REP, username="rep", password=PASSWORD)
    connect_company(company=company, sandbox=live_sandbox, clock=sandbox_state.clock.now)
    customers, items = copy_sandbox_parties(company=company, state=sandbox_state)
    make_item_price(item=items[0], customer=customers[0], price="7.25")
    items[1].picture.save("item.png", ContentFile(ICON.read_bytes()))
    return company, rep, customers, items


STRICT_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def _strict_csp(page) -> None:
    """Serve the app's page under a policy without 'unsafe-inline', and record violations."""

    def with_policy(route):
        if route.request.resource_type != "document":
            return route.continue_()
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        return route.fulfill(response=response, headers=headers)

    page.route("**/*", with_policy)
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )


READ_JS = """async ([path, token]) => {
  const answer = await fetch(path, {headers: token ? {Authorization: "Bearer " + token} : {}});
  return [answer.status, await answer.json(), answer.headers.get("X-Salesdesk-Offline")];
}"""


def _records_answer_offline(page, customer) -> None:
    """The service worker answers the API's single records from the device's copy."""
    token = page.evaluate(
        "new Dexie('salesdesk-reps-acme').open().then(db => db.table('meta').get('session'))"
    )["value"]["token"]
    status, body, synced = page.evaluate(READ_JS, [f"/api/v1/customers/{customer.exact_id}", token])
    assert (status, body["name"], body["code"]) == (200, customer.name, customer.code_display)
    assert synced.startswith(str(timezone.now().year))
    status, _, _ = page.evaluate(READ_JS, [f"/api/v1/customers/{uuid.uuid4()}", token])
    assert status == 504
    status, _, _ = page.evaluate(READ_JS, [f"/api/v1/customers/{customer.exact_id}", None])
    assert status == 401


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("body[data-ready=true]").wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_order_taken_offline_reaches_exact_once(
    phone, live_server, live_sandbox, sandbox_state, immediate_tasks, settings, tmp_path,
    monkeypatch,
):  # fmt: skip
    settings.MEDIA_ROOT = str(tmp_path)
    company, rep, customers, items = _acme(sandbox_state, live_sandbox)
    app = f"{live_server.url}/acme/app/"
    page = phone.new_page()
    _sign_in(page, app, rep.email)
    controlled(page)
    page.locator("body[data-pictures=done]").wait_for()
    picture = page.locator(f"[data-item='{items[1].exact_id}'] img")

    phone.set_offline(True)
    # Playwright's offline emulation does not reach the service worker's own requests, and a
    # page opened in an offline context can start with navigator.onLine true (microsoft/
    # playwright#2311, #42174): the server also refuses orders until the connection "returns".
    monkeypatch.setattr(orders_route, "order_place", _no_connection)
    page.reload()  # the shell now comes from the service worker
    page.locator("body[data-ready=true]").wait_for()
    assert "Offline" in page.locator("#freshness").inner_text()
    _records_answer_offline(page, customers[0])
    page.get_by_label("Find a customer").fill(customers[0].name[:6])
    page.get_by_role("button", name=re.compile(re.escape(customers[0].name))).click()
    page.get_by_label("Find an item").fill(items[0].code)
    first = page.get_by_role("button", name=f"Add {items[0].code} {items[0].description}")
    assert f"Customer price for {customers[0].name}" in first.inner_text()
    first.click()
    page.get_by_label("Find an item").fill(items[1].barcode or items[1].code)
    picture.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", picture.element_handle())
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[1].code)}")).click()
    page.get_by_label("Quantity").nth(1).fill("3")
    page.get_by_label("Your reference").click()  # leaving the quantity prices the line
    expected = Decimal("7.25") + 3 * items[1].standard_price
    assert page.locator("#order-total").inner_text() == f"Total excl. VAT: {expected:.2f}"
    page.get_by_label("Your reference").fill("PO-OFFLINE-1")
    page.reload()  # the phone dropped the page: the order being taken comes back
    page.locator("body[data-ready=true]").wait_for()
    assert page.get_by_label("Your reference").input_value() == "PO-OFFLINE-1"
    assert page.locator("#order-total").inner_text() == f"Total excl. VAT: {expected:.2f}"
    page.get_by_role("button", name="Send order").click()
    waiting = page.locator(".order.waiting")
    assert "Waiting for a connection" in waiting.inner_text()
    page.close()

    page = phone.new_page()  # closed and reopened, still offline
    page.goto(app)
    page.locator("body[data-ready=true]").wait_for()
    assert "Waiting for a connection" in page.locator(".order.waiting").inner_text()
    assert "1 order waits to be sent" in page.locator("#freshness").inner_text()
    assert not list(sandbox_state.divisions[100001].sales_orders)
    with transaction.atomic():  # as the Exact sync writes a customer, while the rep is away
        row = {"exact_id": uuid.uuid4(), "code": "9".rjust(18), "code_display": "9",
               "name": "Nieuwe Klant", "price_list_exact_id": None}  # fmt: skip
        customer_upsert_many(company=company, rows=[row])

    monkeypatch.setattr(orders_route, "order_place", order_place)
    phone.set_offline(False)
    page.locator(".exact-number").wait_for()
    page.get_by_label("Find a customer").fill("nieuwe")
    page.get_by_role("button", name=re.compile("Nieuwe Klant")).wait_for()
    (stored,) = list(sandbox_state.divisions[100001].sales_orders)
    shown = page.locator(".order.sent").inner_text()
    assert f"Exact order {stored['OrderNumber']}" in shown and "In Exact" in shown
    # The customer's reference in YourRef, Salesdesk's number in Description.
    assert (stored["YourRef"], stored["Description"]) == ("PO-OFFLINE-1", "SD-acme-000001")
    division = sandbox_state.divisions[100001]
    lines = [division.sales_order_lines.rows[key] for key in division.sales_order_lines.lookup(
        "OrderID", stored["OrderID"])]  # fmt: skip
    assert sorted(float(line["Quantity"]) for line in lines) == [1, 3]
    page.reload()  # another round of sending finds nothing left to send
    page.locator(".exact-number").wait_for()
    page.wait_for_timeout(500)
    assert len(list(sandbox_state.divisions[100001].sales_orders)) == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_rep_of_another_company_sees_none_of_it(
    phone, live_server, live_sandbox, sandbox_state, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    acme, _, customers, items = _acme(sandbox_state, live_sandbox)
    other = make_company(slug="other", name="Other Trading", reps_see_all_customers=True)
    them = make_user(company=other, role=Membership.Role.REP, username="them", password=PASSWORD)
    mine = make_customer(company=other, name="Only Other BV", city="Gouda")
    make_item(company=other, code="OTHER-1", description="Other's own")
    make_item(company=other, code="NOPRICE", description="Nothing", standard_price=None)
    make_customer(company=other, name="Blocked BV", blocked=True)

    page = phone.new_page()
    _strict_csp(page)
    _sign_in(page, f"{live_server.url}/other/app/", them.email)
    page.set_viewport_size({"width": 1024, "height": 768})  # a tablet: both panes at once
    names = page.locator("#customer-list").inner_text()
    assert mine.name in names
    assert not any(customer.name in names for customer in customers)
    page.get_by_role("button", name=re.compile(mine.name)).click()
    assert page.locator("#customers-pane").is_visible() and page.locator("#order-pane").is_visible()
    page.get_by_label("Find an item").fill("")
    shown = page.locator("#item-list").inner_text()
    assert "OTHER-1" in shown and not any(item.code in shown for item in items)
    page.get_by_role("button", name="Add OTHER-1 Other's own").click()
    page.get_by_role("button", name="Add NOPRICE Nothing").click()
    send = page.get_by_role("button", name="Send order")
    assert "NOPRICE has no price" in page.locator("#order-problems").inner_text()
    page.get_by_role("button", name="Remove NOPRICE").click()
    page.get_by_label("Quantity").fill("0")
    page.get_by_label("Your reference").click()
    assert "OTHER-1 must be a number above zero" in page.locator("#order-problems").inner_text()
    assert send.is_disabled()
    page.get_by_label("Quantity").fill("2.5")
    page.get_by_label("Your reference").click()
    assert send.is_enabled() and page.locator("#order-problems").is_hidden()
    page.get_by_role("button", name=re.compile("Blocked BV")).click()
    assert "blocked in Exact Online" in page.locator("#order-problems").inner_text()
    assert page.evaluate("window.cspViolations") == []

    token = page.evaluate(
        "new Dexie('salesdesk-reps-other').open().then(db => db.table('meta').get('session'))"
    )["value"]["token"]
    api = ApiClient(token)
    names = {c["name"] for c in api.get("/api/v1/customers").json()["customers"]}
    assert names == {mine.name, "Blocked BV"}
    assert api.get(f"/api/v1/items/{items[0].exact_id}").status_code == 404
    assert acme.slug not in api.get("/api/v1/changes").content.decode()

    page.evaluate(  # what Chromium fires when the app may be installed
        "window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'),"
        " {prompt: () => { window.prompted = true; }}))"
    )
    page.get_by_role("button", name="Install on this device").click()
    assert page.evaluate("window.prompted") is True

    page.get_by_role("button", name="Sign out").click()  # nothing waits: the data goes
    page.get_by_role("button", name="Sign in").wait_for()
    assert api.get("/api/v1/me").status_code == 401
    left = page.evaluate(
        "new Dexie('salesdesk-reps-other').open().then(db => db.table('customers').count())"
    )
    assert left == 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_revoked_token_asks_to_sign_in_again_and_keeps_the_waiting_order(
    phone, live_server, live_sandbox, sandbox_state, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    company, rep, customers, items = _acme(sandbox_state, live_sandbox)
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    phone.set_offline(True)
    page.get_by_role("button", name=re.compile(re.escape(customers[1].name))).click()
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[2].code)}")).click()
    page.get_by_role("button", name="Send order").click()
    page.locator(".order.waiting").wait_for()
    page.get_by_role("button", name="Sign out").click()
    assert "wait to be sent" in page.get_by_role("alert").inner_text()

    (token,) = RepToken.objects.filter(user=rep)
    rep_token_revoke(company=company, token_id=token.pk)
    phone.set_offline(False)
    page.get_by_text("Your sign-in has ended").wait_for()
    assert not list(sandbox_state.divisions[100001].sales_orders)
    colleague = make_user(company=company, role=Membership.Role.REP, password=PASSWORD)
    page.get_by_label("E-mail").fill(colleague.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Orders taken by {rep.username} still wait on this device").wait_for()
    assert not RepToken.objects.filter(user=colleague, revoked_at__isnull=True).exists()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("E-mail").fill(rep.email)
    page.get_by_role("button", name="Sign in").click()
    page.locator(".order.sent").wait_for()
    assert "Queued for Exact" in page.locator(".order.sent").inner_text()

    RepToken.objects.filter(user=rep).update(revoked_at=timezone.now())
    page.get_by_text("Your sign-in has ended").wait_for(timeout=20_000)
    page.get_by_label("E-mail").fill(colleague.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()  # nothing waits: a fresh copy
    page.locator("body[data-ready=true]").wait_for()
    assert page.locator(".order").count() == 0
    assert customers[0].name in page.locator("#customer-list").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_answer_lost_on_the_way_back_does_not_make_a_second_order(
    phone, live_server, live_sandbox, sandbox_state, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    company, rep, customers, items = _acme(sandbox_state, live_sandbox)
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rep.email)
    lost = []

    def reach_server_then_drop(route):
        lost.append(route.fetch().status)  # the server takes the order ...
        route.abort("connectionreset")  # ... and its answer never arrives

    page.route("**/api/v1/orders", reach_server_then_drop, times=1)
    page.get_by_role("button", name=re.compile(re.escape(customers[0].name))).click()
    # A picture not kept yet: the service worker fetches it with the device's token
    # (an <img> sends none), and keeps it.
    controlled(page)
    page.locator("body[data-pictures=done]").wait_for()
    assert page.evaluate("caches.delete('repsapp-pictures-acme')")
    url = f"/api/v1/items/{items[1].exact_id}/picture"
    assert page.evaluate(f"fetch('{url}').then(r => r.status)") == 200
    assert page.evaluate(f"caches.match('{url}').then(r => !!r)")
    page.get_by_role("button", name=re.compile(f"Add {re.escape(items[0].code)}")).click()
    page.get_by_role("button", name="Send order").click()
    page.locator(".order.sent").wait_for()  # sent again, with the same Idempotency-Key
    assert lost == [201]
    assert Order.objects.filter(company=company).count() == 1
    assert "SD-acme-000001" in page.locator(".order.sent").inner_text()


def _no_connection(*args, **kwargs):
    raise OperationalError("no connection (the test's offline phone)")
