import datetime
import uuid
from decimal import Decimal

import pytest

from salesdesk.history.models import Progress
from salesdesk.history.order_selectors import sales_order_in_exact
from salesdesk.history.selectors import customer_open_items, customer_reorder_list
from tests.salesdesk.factories import make_company
from tests.salesdesk.history.factories import (
    make_delivery,
    make_invoice,
    make_open_item,
    make_sales_order,
)

TODAY = datetime.date(2026, 3, 1)
COFFEE, TEA = uuid.uuid4(), uuid.uuid4()


@pytest.fixture
def companies(db):
    return make_company(slug="acme"), make_company(slug="rival")


def bought(item, price, quantity="1", code="COF"):
    return {"item_exact_id": item, "item_code": code, "unit_price": Decimal(price),
            "quantity": Decimal(quantity)}  # fmt: skip


def test_reorder_list_counts_dates_and_last_prices_within_the_window(companies):
    company, other = companies
    customer = uuid.uuid4()
    dates = [datetime.date(2025, 6, 1), datetime.date(2026, 2, 1), datetime.date(2026, 1, 1)]
    for day, price in zip(dates, ("9.00", "11.00", "10.00"), strict=True):
        make_invoice(company=company, customer_exact_id=customer, invoice_date=day,
                     lines=[bought(COFFEE, price, "2")])  # fmt: skip
    make_invoice(company=company, customer_exact_id=customer, invoice_date=dates[2],
                 lines=[bought(TEA, "3.00", code="TEA")])  # fmt: skip
    # Outside the window, a credit note line, another customer, another company.
    long_ago = datetime.date(2024, 1, 1)
    make_invoice(company=company, customer_exact_id=customer, invoice_date=long_ago,
                 lines=[bought(TEA, "1.00", code="TEA")] * 5)  # fmt: skip
    make_invoice(company=company, customer_exact_id=customer, invoice_date=dates[1],
                 lines=[bought(TEA, "3.00", "-1", code="TEA")])  # fmt: skip
    make_invoice(company=company, customer_exact_id=uuid.uuid4(), lines=[bought(TEA, "1")] * 9)
    make_invoice(company=other, customer_exact_id=customer, lines=[bought(TEA, "1")] * 9)
    reorder = customer_reorder_list(
        company=company, customer_exact_id=customer, since=TODAY.replace(year=2025), limit=10
    )
    assert [
        (r.item_code, r.times, r.quantity, r.last_date, r.last_price) for r in reorder.rows
    ] == [
        ("COF", 3, Decimal("6"), datetime.date(2026, 2, 1), Decimal("11.00")),
        ("TEA", 1, Decimal("1"), datetime.date(2026, 1, 1), Decimal("3.00")),
    ]
    assert not reorder.more
    shorter = customer_reorder_list(
        company=company, customer_exact_id=customer, since=datetime.date(2025, 1, 1), limit=1
    )
    assert [r.item_code for r in shorter.rows] == ["COF"] and shorter.more


def test_open_items_totals_overdue_and_credit(companies):
    company, other = companies
    customer = uuid.uuid4()
    make_open_item(company=company, customer_exact_id=customer, amount="300.00",
                   due_date=datetime.date(2026, 2, 19))  # fmt: skip
    make_open_item(company=company, customer_exact_id=customer, amount="250.00",
                   due_date=datetime.date(2026, 3, 15))  # fmt: skip
    make_open_item(company=other, customer_exact_id=customer, amount="999.00")
    open_items = customer_open_items(
        company=company, customer_exact_id=customer, today=TODAY, limit=1,
        credit_limit=Decimal("500.00"), blocked=True,
    )  # fmt: skip
    assert (open_items.count, open_items.total) == (2, Decimal("550.00"))
    assert (open_items.overdue_count, open_items.overdue) == (1, Decimal("300.00"))
    assert [i.days_overdue for i in open_items.rows] == [10] and open_items.more
    assert open_items.over_limit and open_items.credit_left == Decimal("-50.00")
    unlimited = customer_open_items(
        company=company, customer_exact_id=customer, today=TODAY, limit=5
    )
    assert not unlimited.over_limit and unlimited.credit_left is None


def test_an_order_in_exact_with_deliveries_and_invoices(companies):
    company, other = companies
    customer = uuid.uuid4()
    order = make_sales_order(company=company, customer_exact_id=customer, lines=[{}, {}],
                             delivery_status=Progress.PARTIAL)  # fmt: skip
    make_sales_order(company=other, customer_exact_id=customer,
                     order_exact_id=order["order_exact_id"])  # fmt: skip
    make_delivery(company=company, customer_exact_id=customer, order_lines=order["lines"][:1])
    make_delivery(company=other, customer_exact_id=customer, order_lines=order["lines"])
    line = {"order_exact_id": order["order_exact_id"]}
    invoice = make_invoice(company=company, customer_exact_id=customer, lines=[line])
    found = sales_order_in_exact(company=company, order_exact_id=order["order_exact_id"])
    assert found.order.number == order["number"] and found.order.state == "Partly delivered"
    assert [line.line_number for line in found.lines] == [1, 2]
    assert [d.tracking_number for d in found.deliveries] == ["3SABC1234567"]
    assert found.invoice_numbers == [invoice["number"]]
    nothing = sales_order_in_exact(company=company, order_exact_id=uuid.uuid4())
    assert nothing.order is None and nothing.lines == [] and nothing.deliveries == []
