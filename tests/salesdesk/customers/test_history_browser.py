"""The customer page's history sections and the order page's Exact section in Chromium."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.history.models import Progress
from salesdesk.orders.models import Order
from tests.salesdesk.browser import browser, log_in, page  # noqa: F401
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.history.factories import (
    make_delivery,
    make_invoice,
    make_open_item,
    make_sales_order,
)
from tests.salesdesk.orders.factories import make_customer, make_order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
SECTIONS = ("Orders", "Invoices", "Open invoices", "Reorder list", "Addresses", "Contacts")


def test_a_rep_reads_the_customers_history_and_follows_an_order(page, live_server):  # noqa: F811
    company = make_company(slug="demo")
    make_company(slug="rival")
    user = make_user(company=company, password=PASSWORD)
    customer = make_customer(company=company, name="Bakkerij Jansen",
                             credit_limit=Decimal("100.00"))  # fmt: skip
    key = {"company": company, "customer_exact_id": customer.exact_id}
    order = make_order(company=company, customer=customer)
    exact = make_sales_order(**key, number=4711, lines=[{}], delivery_status=Progress.COMPLETE)
    Order.objects.filter(pk=order.pk).update(
        status=Order.Status.SUBMITTED, exact_order_id=exact["order_exact_id"],
        exact_order_number=4711,
    )  # fmt: skip
    customer.blocked = True  # since the order was taken
    customer.save()
    make_delivery(**key, order_lines=exact["lines"], tracking_number="3STRACK42")
    make_invoice(**key, invoice_date=timezone.localdate(), lines=[{"item_code": "STROOP"}])
    make_open_item(**key, amount="250.00", due_date=timezone.localdate() - datetime.timedelta(9))
    make_address(**key, type=4, line1="Dock 7", main=True)
    make_contact(**key, last_name="Visser", is_main=True)
    log_in(page, live_server.url, company.slug, user.username, PASSWORD)
    page.goto(f"{live_server.url}/demo/customers/{customer.exact_id}/")
    for name in SECTIONS:
        assert page.get_by_role("heading", level=2, name=name, exact=True).is_visible()
    assert page.get_by_role("alert").first.is_visible()
    assert "Over the limit by 150.00" in page.content()
    page.get_by_role("link", name=order.number).click()
    page.get_by_role("heading", name="In Exact Online").wait_for()
    assert page.locator("#exact-state").inner_text() == "Delivered"
    assert "3STRACK42" in page.content()
