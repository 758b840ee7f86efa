"""A customer Exact gives another account manager leaves the old rep's device at the next
delta sync, with its prices, addresses, contacts and open invoices; the rep, who had it
open, is told so. The customer the rep keeps, and another company's twin, stay."""

from __future__ import annotations

import re
import uuid

import pytest

from salesdesk.customers.services import customer_upsert_many
from salesdesk.tenants.models import Membership
from tests.salesdesk.browser import browser  # noqa: F401
from tests.salesdesk.catalog.factories import make_item_price
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.history.factories import make_open_item
from tests.salesdesk.orders.factories import make_customer, make_item

PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
ROB = uuid.UUID("00000000-0000-4000-8000-0000000000b0")
RITA = uuid.UUID("00000000-0000-4000-8000-0000000000a1")


@pytest.fixture
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _acme():
    company = make_company(slug="acme", name="Acme Wholesale")
    rob = make_user(company=company, role=Membership.Role.REP, username="rob", password=PASSWORD)
    Membership.objects.filter(user=rob).update(exact_user_id=ROB)
    moving = make_customer(company=company, name="Bakkerij Jansen", account_manager_exact_id=ROB)
    make_customer(company=company, name="Kaasboer Bos", account_manager_exact_id=ROB)
    key = {"company": company, "customer_exact_id": moving.exact_id}
    make_address(**key, type=4, main=True, line1="Laadperron 3", city="Utrecht")
    make_contact(**key, last_name="Jansen", is_main=True)
    make_open_item(**key, amount="88.00")
    make_item_price(item=make_item(company=company, code="KOFFIE-1"), customer=moving, price="7")
    return company, rob, moving


DRAFT_JS = (
    "new Dexie('salesdesk-reps-acme').open()"
    ".then(db => db.table('meta').get('draft')).then(row => row ? row.value : null)"
)
DRAFT_PUT_JS = """id => new Dexie('salesdesk-reps-acme').open().then(db => db.table('meta').put(
  {key: 'draft', value: {customer_id: id, customer_name: 'Bakkerij Jansen', lines: [],
   header: null, your_ref: '', delivery_date: '', notes: ''}}))"""


def _stored(page, table: str) -> int:
    return page.evaluate(
        f"new Dexie('salesdesk-reps-acme').open().then(db => db.table('{table}').count())"
    )


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("body[data-ready=true]").wait_for()


def _move(company, customer, manager) -> None:
    """As the customers sync writes it when Exact's AccountManager changed."""
    customer_upsert_many(company=company, rows=[{
        "exact_id": customer.exact_id, "price_list_exact_id": None,
        "account_manager_exact_id": manager, "account_manager_name": "Rita Bos",
    }])  # fmt: skip


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_customer_moved_in_exact_leaves_the_old_reps_device(phone, live_server):
    company, rob, moving = _acme()
    other = make_company(slug="other", name="Other Trading")
    make_customer(company=other, exact_id=moving.exact_id, name="Rival Jansen",
                  account_manager_exact_id=ROB)  # fmt: skip
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rob.email)
    assert [_stored(page, t) for t in ("customers", "addresses", "contacts", "open_items")] == [
        2, 1, 1, 1,
    ]  # fmt: skip
    assert _stored(page, "item_prices") == 1
    page.get_by_role("button", name=re.compile("Bakkerij Jansen")).click()
    assert "Bakkerij Jansen" in page.locator("#order-customer").inner_text()

    _move(company, moving, RITA)
    phone.set_offline(True)
    phone.set_offline(False)  # back online: the app reads the feed at once

    notice = page.locator("#notice")
    notice.wait_for()
    assert notice.inner_text() == (
        "Bakkerij Jansen is no longer your customer in Exact Online: "
        "the order being taken for it cannot be sent and was dropped."
    )
    listed = page.locator("#customer-list")
    assert "Kaasboer Bos" in listed.inner_text()
    assert "Bakkerij Jansen" not in listed.inner_text()
    assert page.locator("#order-form").is_hidden()
    for table in ("addresses", "contacts", "open_items", "item_prices"):
        assert _stored(page, table) == 0, table
    assert _stored(page, "customers") == 1
    assert page.evaluate(DRAFT_JS) is None  # the order being taken went with it
    page.reload()  # nothing of it comes back from the device's copy
    page.locator("body[data-ready=true]").wait_for()
    assert "Bakkerij Jansen" not in page.locator("#customer-list").inner_text()
    # A draft whose customer left while the app was closed: said, not restored, not a crash.
    page.evaluate(DRAFT_PUT_JS, str(moving.exact_id))
    page.reload()
    page.locator("body[data-ready=true]").wait_for()
    assert notice.is_visible()
    assert notice.inner_text().startswith("Bakkerij Jansen is no longer your customer")
    assert page.locator("#order-form").is_hidden()
    assert page.evaluate(DRAFT_JS) is None
    assert other.customers.get().name == "Rival Jansen"  # the other company's is untouched


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_order_taken_offline_before_the_move_is_refused_with_its_reason(phone, live_server):
    company, rob, moving = _acme()
    page = phone.new_page()
    _sign_in(page, f"{live_server.url}/acme/app/", rob.email)
    phone.set_offline(True)
    page.get_by_role("button", name=re.compile("Bakkerij Jansen")).click()
    page.get_by_label("Find an item").fill("KOFFIE-1")
    page.get_by_role("button", name=re.compile("Add KOFFIE-1")).click()
    page.get_by_role("button", name="Send order").click()
    assert "Waiting for a connection" in page.locator(".order.waiting").inner_text()

    _move(company, moving, RITA)
    phone.set_offline(False)
    refused = page.locator(".order.refused")
    refused.wait_for()
    # Kept on the device and in the list, with the server's reason: not lost unexplained.
    assert "Bakkerij Jansen" in refused.inner_text()
    assert "gave this customer to another account manager" in refused.inner_text()
    page.locator("#customer-list", has_not_text="Bakkerij Jansen").wait_for()
    assert not company.orders.exists()
