"""In a real browser: create an order by the visible labels, submit it, see Exact's number.

The send task runs in the web request here: TASKS is switched to django_tasks'
ImmediateBackend (enqueued on commit, so it runs right after the order is saved). In the
demo the task worker runs it instead.
"""

from __future__ import annotations

import re

import pytest

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
def test_create_submit_and_see_exacts_order_number(
    page,  # noqa: F811
    live_server,
    live_sandbox,
    sandbox_state,
    immediate_tasks,  # noqa: F811
    static_files,  # noqa: F811
):
    desk = demo_desk(live_sandbox=live_sandbox, sandbox_state=sandbox_state)
    user = desk.user
    customers, items = desk.customers, desk.items

    log_in(page, live_server.url, "demo", user.username, PASSWORD)
    page.get_by_role("link", name="Orders").click()
    page.get_by_role("link", name="New order").click()
    page.get_by_label("Customer").fill(customers[0].code_display)
    page.get_by_label("Your reference").fill("PO-BROWSER-1")
    first = page.get_by_role("group", name="Line 1")
    first.get_by_label("Item").fill(items[0].code)
    first.get_by_label("Quantity").fill("3")
    second = page.get_by_role("group", name="Line 2")
    second.get_by_label("Item").fill(items[1].barcode or items[1].code)
    second.get_by_label("Quantity").fill("1")
    second.get_by_label("Price").fill("2.50")
    preview = page.locator("#order-preview")
    page.keyboard.press("Tab")  # leaving the field is what fires "change"
    preview.get_by_text("Total including VAT").wait_for()
    assert "Entered by hand" in preview.inner_text()
    page.get_by_role("button", name="Submit order").click()

    page.wait_for_url(re.compile(r"/demo/orders/SD-demo-000001/$"))
    page.locator("#order-status", has_text="Submitted").wait_for()
    (stored,) = list(sandbox_state.divisions[100001].sales_orders)
    assert (stored["YourRef"], stored["Description"]) == ("PO-BROWSER-1", "SD-demo-000001")
    assert page.locator("#exact-order-number").inner_text() == str(stored["OrderNumber"])
    page.get_by_role("link", name="Orders").first.click()
    row = page.get_by_role("row", name=re.compile("SD-demo-000001"))
    assert "Submitted" in row.inner_text() and str(stored["OrderNumber"]) in row.inner_text()
