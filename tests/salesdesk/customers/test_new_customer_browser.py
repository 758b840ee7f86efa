"""In a real browser: create a customer by the visible labels while Exact gives no clear
answer, take an order for it at once, and see both reach Exact: the account first, then the
order with OrderedBy = the new account.

Tasks run in the web request (django_tasks' ImmediateBackend, enqueued on commit); the
retry the worker would make later is started by the test.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.integration.account_push.tasks import send_account
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.browser_desk import (  # noqa: F401
    PASSWORD,
    demo_desk,
    immediate_tasks,
    sandbox_clock,
    static_files,
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_customer_gets_an_order_that_reaches_exact_after_the_account(
    page,  # noqa: F811
    live_server,
    live_sandbox,
    sandbox_state,
    immediate_tasks,  # noqa: F811
    static_files,  # noqa: F811
):
    desk = demo_desk(live_sandbox=live_sandbox, sandbox_state=sandbox_state)
    company, user = desk.company, desk.user
    _, items = desk.customers, desk.items
    division = sandbox_state.divisions[100001]
    sandbox_state.faults.add("503", "crm/Accounts", method="POST")  # no clear answer, once

    log_in(page, live_server.url, "demo", user.username, PASSWORD)
    page.get_by_role("link", name="New customer").first.click()
    page.get_by_label("Name", exact=True).fill("Bakkerij Browser")
    page.get_by_label("Relationship").select_option("Customer")
    page.get_by_label("E-mail", exact=True).fill("info@bakkerij-browser.nl")
    page.get_by_label("VAT number").fill("NL 8888.77.666 B01")
    page.get_by_label("Address", exact=True).fill("Dorpsstraat 5")
    page.get_by_label("Postcode", exact=True).fill("1234 AB")
    page.get_by_label("City", exact=True).fill("Utrecht")
    page.get_by_label("First name").fill("Bram")
    page.get_by_label("Last name").fill("Bakker")
    page.get_by_role("button", name="Create customer").click()

    page.get_by_text("Waiting for Exact Online.").wait_for()
    customer = Customer.objects.get(company=company, name="Bakkerij Browser")
    assert customer.exact_id is None
    assert not [row for row in division.accounts if row["Name"] == "Bakkerij Browser"]

    page.get_by_role("link", name="Orders").click()
    page.get_by_role("link", name="New order").click()
    page.get_by_label("Customer").fill(customer.code_display)
    page.get_by_label("Your reference").fill("PO-NEW-CUSTOMER")
    line = page.get_by_role("group", name="Line 1")
    line.get_by_label("Item").fill(items[0].code)
    line.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Submit order").click()
    page.wait_for_url(re.compile(r"/demo/orders/SD-demo-000001/$"))
    page.get_by_text("the new customer is being created in Exact Online").first.wait_for()
    assert not list(division.sales_orders)

    # What the worker does once the back-off is over: the account, then the order.
    AccountOutbox.objects.filter(customer=customer).update(
        available_at=datetime(2000, 1, 1, tzinfo=UTC)
    )
    assert send_account.call(customer.pk) == "done"
    customer.refresh_from_db()
    (account,) = [row for row in division.accounts if row["Name"] == "Bakkerij Browser"]
    (order,) = list(division.sales_orders)
    assert order["OrderedBy"] == account["ID"] == str(customer.exact_id)
    assert order["YourRef"] == "PO-NEW-CUSTOMER"
    assert account["VATNumber"] == "NL888877666B01"

    page.reload()
    page.locator("#order-status", has_text="Submitted").wait_for()
    page.goto(f"{live_server.url}/demo/customers/created/{customer.pk}/")
    page.get_by_text(f"In Exact Online as {account['Code'].strip()}").wait_for()
