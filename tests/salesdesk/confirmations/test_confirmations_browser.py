"""In a real browser: an administrator turns confirmations on, an order sent to the sandbox
mails its confirmation, and the order page lists it and sends it again.

Tasks run in the web request (django_tasks' ImmediateBackend, on commit); mail goes to
Django's in-memory outbox of this process, which the live server shares.
"""

from __future__ import annotations

import re

import pytest

from salesdesk.customers.models import Customer
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.browser_desk import (  # noqa: F401
    PASSWORD,
    demo_desk,
    immediate_tasks,
    sandbox_clock,
    static_files,
)
from tests.salesdesk.orders.factories import make_order


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_turn_on_send_an_order_and_resend_its_confirmation(
    page,  # noqa: F811
    live_server,
    live_sandbox,
    sandbox_state,
    immediate_tasks,  # noqa: F811
    mailoutbox,
):
    desk = demo_desk(live_sandbox=live_sandbox, sandbox_state=sandbox_state)
    company, user = desk.company, desk.user
    customers, items = desk.customers, desk.items
    Customer.objects.filter(pk=customers[0].pk).update(email="inkoop@klant.example")
    order = make_order(company=company, customer=customers[0], items=items[:2], user=user)

    log_in(page, live_server.url, "demo", user.username, PASSWORD)
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("link", name="Order confirmations").click()
    page.get_by_label("Send confirmations").check()
    page.get_by_label("Sender name").fill("Demo Sales")
    page.get_by_label("Text in the e-mail").fill("Thank you for your order.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The order confirmations settings are saved.").wait_for()

    page.goto(f"{live_server.url}/demo/orders/{order.number}/")
    page.get_by_role("button", name="Submit").click()
    page.locator("#order-status", has_text="Submitted").wait_for()
    (stored,) = list(sandbox_state.divisions[100001].sales_orders)
    page.reload()
    part = page.locator("#confirmations")
    assert "inkoop@klant.example" in part.inner_text() and "Sent" in part.inner_text()
    assert [m.to for m in mailoutbox] == [["inkoop@klant.example"]]
    assert str(stored["OrderNumber"]) in mailoutbox[0].subject
    assert mailoutbox[0].from_email == "Demo Sales <salesdesk@localhost>"

    page.get_by_role("button", name="Resend confirmation").click()
    page.get_by_text("The confirmation is on its way to inkoop@klant.example.").wait_for()
    assert len(mailoutbox) == 2
    assert part.get_by_role("row", name=re.compile("Sent again by hand")).count() == 1
    with page.expect_popup() as popup:
        part.get_by_role("link", name="View the confirmation (PDF)").click()
    assert popup.value.url.endswith(f"/demo/orders/{order.number}/confirmation.pdf")
