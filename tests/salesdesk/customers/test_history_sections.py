"""The customer page's sections from Exact: orders, invoices, open invoices, reorder list,
addresses and contacts."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.history.models import Progress
from salesdesk.orders.models import Order
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.history.factories import make_invoice, make_open_item, make_sales_order


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    customer = make_customer(company=company, name="Bakkerij Jansen")
    # The other company's customer with the same Exact ID (one administration, two tenants).
    twin = make_customer(company=other, exact_id=customer.exact_id, name="Rival Jansen")
    return company, other, customer, twin


def section(page: str, heading: str) -> str:
    start = page.index(f'id="{heading}-heading"')
    return page[start : page.index("</section>", start)]


def page_of(client, customer) -> str:
    return client.get(f"/acme/customers/{customer.exact_id}/").content.decode()


def test_orders_merge_exact_and_salesdesk(setup, client):
    company, other, customer, twin = setup
    sent = Order.objects.create(company=company, number="SD-acme-1", customer=customer,
                                status=Order.Status.SUBMITTED, exact_order_number=501)  # fmt: skip
    exact = make_sales_order(company=company, customer_exact_id=customer.exact_id, number=501,
                             your_ref="SD-acme-1", invoice_status=Progress.COMPLETE)  # fmt: skip
    sent.exact_order_id = exact["order_exact_id"]
    sent.save()
    make_sales_order(company=company, customer_exact_id=customer.exact_id, number=502,
                     status=Progress.CANCELLED)  # fmt: skip
    Order.objects.create(company=company, number="SD-acme-2", customer=customer)
    Order.objects.create(company=company, number="SD-acme-3", customer=customer,
                         status=Order.Status.MANUAL, exact_order_number=503)  # fmt: skip
    make_sales_order(company=company, customer_exact_id=customer.exact_id, number=503)
    make_sales_order(company=other, customer_exact_id=twin.exact_id, number=999)
    orders = section(page_of(client, customer), "orders")
    assert orders.count("SD-acme-1") == 2  # one row: the link and its text
    assert orders.count("<td>503</td>") == 1  # entered by hand: one row, matched on the number
    assert orders.count("SD-acme-3") == 2
    assert "Invoiced" in orders and "Cancelled" in orders and "Draft" in orders
    assert "Entered in Exact Online" in orders  # 502 was keyed into Exact directly
    assert "999" not in orders


def test_invoices_open_items_and_credit(setup, client):
    company, other, customer, twin = setup
    customer.credit_limit, customer.blocked = Decimal("400.00"), True
    customer.save()
    make_invoice(company=company, customer_exact_id=customer.exact_id, number=7001)
    make_invoice(company=other, customer_exact_id=twin.exact_id, number=7999)
    long_ago = timezone.localdate() - datetime.timedelta(days=40)
    make_open_item(company=company, customer_exact_id=customer.exact_id, amount="500.00",
                   invoice_number=7001, due_date=long_ago)  # fmt: skip
    make_open_item(company=other, customer_exact_id=twin.exact_id, amount="77.00")
    page = page_of(client, customer)
    invoices, open_items = section(page, "invoices"), section(page, "open")
    assert "7001" in invoices and "7999" not in invoices
    assert "Blocked" in open_items and 'role="alert"' in open_items
    assert re.search(r"<strong>40</strong>", open_items)  # days overdue
    assert "Over the limit by 100.00" in open_items
    assert "77.00" not in open_items


def test_reorder_list_addresses_and_contacts(setup, client):
    company, other, customer, twin = setup
    recently = timezone.localdate() - datetime.timedelta(days=30)
    make_invoice(company=company, customer_exact_id=customer.exact_id, invoice_date=recently,
                 lines=[{"item_code": "STROOP", "unit_price": Decimal("4.25")}])  # fmt: skip
    make_invoice(company=other, customer_exact_id=twin.exact_id, invoice_date=recently,
                 lines=[{"item_code": "RIVAL-ITEM"}])  # fmt: skip
    make_address(company=company, customer_exact_id=customer.exact_id, type=1, line1="Visitweg 1")
    make_address(company=company, customer_exact_id=customer.exact_id, type=4, line1="Dock 7",
                 main=True)  # fmt: skip
    make_address(company=other, customer_exact_id=twin.exact_id, line1="Rivalkade 9")
    make_contact(company=company, customer_exact_id=customer.exact_id, last_name="Visser",
                 is_main=True)  # fmt: skip
    make_contact(company=other, customer_exact_id=twin.exact_id, last_name="Rivaal")
    page = page_of(client, customer)
    reorder = section(page, "reorder")
    assert "STROOP" in reorder and "4.25" in reorder and "RIVAL-ITEM" not in reorder
    addresses = section(page, "addresses")
    assert addresses.index("Dock 7") < addresses.index("Visitweg 1")  # delivery first
    assert '<tr class="delivery">' in addresses and "<strong>Delivery</strong> (main)" in addresses
    assert "Rivalkade" not in addresses
    contacts = section(page, "contacts")
    assert "Anna Visser" in contacts and "(main contact)" in contacts and "Rivaal" not in contacts


def test_page_queries_stay_bounded_with_a_long_history(
    setup, client, django_assert_max_num_queries
):
    company, _, customer, _ = setup
    key = {"company": company, "customer_exact_id": customer.exact_id}
    for n in range(30):
        make_sales_order(**key, lines=[{}])
        make_invoice(**key, invoice_date=timezone.localdate(), lines=[{}, {}])
        make_open_item(**key)
        make_address(**key)
        make_contact(**key)
    with django_assert_max_num_queries(20):
        page = page_of(client, customer)
    assert "Showing the latest 20 orders." in page
    assert "Showing the 20 oldest of 30 open items" in page


def test_more_links_page_through_a_customers_full_lists(setup, client):
    company, other, customer, twin = setup
    key = {"company": company, "customer_exact_id": customer.exact_id}
    start = datetime.date(2025, 1, 1)
    for n in range(55):
        make_sales_order(**key, number=1000 + n, order_date=start + datetime.timedelta(n))
    make_sales_order(company=other, customer_exact_id=twin.exact_id, number=9999)
    page = page_of(client, customer)
    url = f"/acme/customers/{customer.exact_id}/orders/"
    assert f'href="{url}"' in page
    first = client.get(url).content.decode()
    numbers = re.findall(r"<td>(\d{4})</td>", first)
    assert numbers[0] == "1054" and len(numbers) == 50 and "9999" not in first
    following = re.search(r'href="(\?[^"]*after=[^"]*)" rel="next"', first).group(1)
    rest = client.get(url + following.replace("&amp;", "&")).content.decode()
    assert re.findall(r"<td>(\d{4})</td>", rest) == ["1004", "1003", "1002", "1001", "1000"]
    assert client.get(f"/acme/customers/{customer.exact_id}/nonsense/").status_code == 404
    foreign = make_customer(company=other)
    assert client.get(f"/acme/customers/{foreign.exact_id}/invoices/").status_code == 404
    assert client.get(f"/rival/customers/{twin.exact_id}/invoices/").status_code == 404


def test_open_items_list_shows_days_overdue(setup, client):
    company, _, customer, _ = setup
    due = timezone.localdate() - datetime.timedelta(days=12)
    make_open_item(company=company, customer_exact_id=customer.exact_id, due_date=due)
    page = client.get(f"/acme/customers/{customer.exact_id}/open-items/").content.decode()
    assert "<strong>12</strong>" in page
