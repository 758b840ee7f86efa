"""In a real browser: a quotation is sent to Exact, then Convert to order makes it Exact's
sales order, whose number the page shows.

The order is taken with the New order form and saved as a draft; its kind is set to
quotation directly (the form's Order type choice is another part of the work). The send
and the conversion run in the web request (ImmediateBackend), as in test_order_browser.
"""

from __future__ import annotations

import re

import pytest

from salesdesk.orders.models import Order
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
def test_send_a_quotation_and_convert_it_to_an_order(
    page,  # noqa: F811
    live_server,
    live_sandbox,
    sandbox_state,
    immediate_tasks,  # noqa: F811
    static_files,  # noqa: F811
):
    desk = demo_desk(live_sandbox=live_sandbox, sandbox_state=sandbox_state)
    company, user = desk.company, desk.user
    customers, items = desk.customers, desk.items

    log_in(page, live_server.url, "demo", user.username, PASSWORD)
    page.get_by_role("link", name="Orders").click()
    page.get_by_role("link", name="New order").click()
    page.get_by_label("Customer").fill(customers[0].code_display)
    page.get_by_label("Your reference").fill("PO-QUOTE-1")
    line = page.get_by_role("group", name="Line 1")
    line.get_by_label("Item").fill(items[0].code)
    line.get_by_label("Quantity").fill("4")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(re.compile(r"/demo/orders/SD-demo-000001/$"))
    Order.objects.filter(company=company).update(kind=Order.Kind.QUOTATION)

    page.reload()
    page.get_by_role("button", name="Submit", exact=True).click()
    page.locator("#order-status", has_text="Submitted").wait_for()
    (quotation,) = list(sandbox_state.divisions[100001].quotations)
    assert (quotation["YourRef"], quotation["Description"]) == ("PO-QUOTE-1", "SD-demo-000001")
    assert sandbox_state.divisions[100001].sales_orders.rows == {}
    number = page.locator("#exact-quotation-number")
    assert number.inner_text() == str(quotation["QuotationNumber"])
    assert page.locator("#exact-quotation-status").inner_text() == "Open"

    page.get_by_role("button", name="Convert to order").click()
    page.locator("#exact-quotation-status", has_text="Accepted").wait_for()
    (made,) = list(sandbox_state.divisions[100001].sales_orders)
    assert made["Description"] == "SD-demo-000001"
    assert page.locator("#exact-order-number").inner_text() == str(made["OrderNumber"])
    assert page.get_by_role("button", name="Convert to order").count() == 0
    history = page.locator("#order-state table").last.inner_text()
    assert f"sales order {made['OrderNumber']}" in history
