"""Walkthrough step 4 in Chromium: after a sync from the sandbox, each page opens from the
menu and shows the sandbox's records; search, detail and the price calculator work."""

import pytest

from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.factories import make_company
from tests.salesdesk.integration.sync.sync_support import connected_company, division_of, run_sync

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def synced(live_server, live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock, slug="demo")
    for entity in ("items", "customers", "prices"):
        assert run_sync(company, entity, sandbox_clock).status == "succeeded"
    rival = make_company(slug="rival")
    Item.objects.create(company=rival, exact_id=Item.objects.first().exact_id, code="RIVAL-1")
    user = company.memberships.get().user
    return company, user, division_of(sandbox_state)


def open_from_menu(tab, name: str) -> None:
    tab.get_by_role("navigation", name="Main menu").get_by_role("link", name=name).click()
    tab.get_by_role("heading", level=1, name=name).wait_for()


def test_customer_management_shows_the_sandbox_customers(page, live_server, synced):  # noqa: F811
    company, user, division = synced
    log_in(page, live_server.url, company.slug, user.username, PASSWORD)
    open_from_menu(page, "Customer management")
    count = Customer.objects.filter(company=company).count()
    assert f"of {count}" in page.locator(".pager").first.inner_text()
    account = next(iter(division.accounts))
    page.get_by_label("Search").fill(account["Code"].strip())
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=account["Code"].strip(), exact=True).click()
    page.get_by_role("heading", level=1).filter(has_text=account["Name"]).wait_for()
    assert page.get_by_role("button", name="Refresh from Exact Online").is_visible()
    assert "Data from Exact Online" in page.content()


def test_item_management_and_an_items_prices(page, live_server, synced):  # noqa: F811
    company, user, division = synced
    log_in(page, live_server.url, company.slug, user.username, PASSWORD)
    open_from_menu(page, "Item management")
    item = next(iter(division.items))
    page.get_by_label("Search").fill(item["Description"].split()[1].lower())
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=item["Code"], exact=True).click()
    page.get_by_role("heading", level=1).filter(has_text=item["Code"]).wait_for()
    assert page.get_by_role("heading", name="Price lists").is_visible()
    assert "RIVAL-1" not in page.content()


def test_price_lists_and_the_calculator(page, live_server, synced):  # noqa: F811
    company, user, _ = synced
    log_in(page, live_server.url, company.slug, user.username, PASSWORD)
    open_from_menu(page, "Price lists")
    page.get_by_role("link", name="GH", exact=True).click()
    page.get_by_role("heading", level=1, name="Price list GH Groothandel").wait_for()
    stored = Item.objects.filter(company=company).order_by("code").first()
    customer = Customer.objects.filter(company=company).order_by("code_display").first()
    page.get_by_label("Customer code").fill(customer.code_display)
    page.get_by_label("Item code").fill(stored.code)
    page.get_by_label("Quantity").fill("10")
    page.get_by_role("button", name="Calculate").click()
    status = page.locator(".quote")
    status.wait_for()
    assert stored.code in status.inner_text() and customer.name in status.inner_text()
