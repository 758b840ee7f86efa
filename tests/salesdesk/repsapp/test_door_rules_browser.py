"""The device's open invoices and reorder list (door.js on the records of the delta feed)
are the back office's (salesdesk/history/selectors.py): totals, overdue, days overdue and
the credit limit; items, counts, quantities, last dates and last prices, in the same order.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.history.selectors import customer_open_items, customer_reorder_list
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.browser import browser, page  # noqa: F401
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company
from tests.salesdesk.history.factories import make_invoice, make_open_item

DOOR_JS = """([changes, customerId, today]) => {
  const D = self.RepsDoor;
  const mine = rows => rows.filter(r => r.customer_id === customerId);
  const customer = changes.customers.find(c => c.id === customerId);
  return [D.openItems(mine(changes.open_items), customer, today),
          D.reorderList(mine(changes.sales_invoice_lines), today)];
}"""
ITEMS = [f"{n:08d}-0000-4000-8000-000000000000" for n in range(1, 5)]


def _ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _line(n: int, quantity: str, price: str) -> dict:
    return {"item_exact_id": ITEMS[n], "item_code": f"ART-{n}", "item_description": f"Art {n}",
            "quantity": Decimal(quantity), "unit_price": Decimal(price)}  # fmt: skip


def _history(company, customer) -> None:
    key = {"company": company, "customer_exact_id": customer.exact_id}
    make_invoice(**key, number=9001, invoice_date=_ago(300),
                 lines=[_line(0, "2", "5.00"), _line(1, "1.5", "3.3333")])  # fmt: skip
    # Three invoices on one day, stored out of order: the highest number gives the last price.
    make_invoice(**key, number=9012, invoice_date=_ago(30), lines=[_line(0, "3", "5.20")])
    make_invoice(**key, number=9014, invoice_date=_ago(30), lines=[_line(0, "1", "5.40")])
    make_invoice(**key, number=9013, invoice_date=_ago(30), lines=[_line(0, "2", "5.30")])
    make_invoice(**key, number=9004, invoice_date=_ago(30), type=8021,
                 lines=[_line(1, "-1", "3.3333")])  # fmt: skip  # a credit note: no reorder
    make_invoice(**key, number=9005, invoice_date=_ago(364), lines=[_line(2, "7", "1.00")])
    make_invoice(**key, number=9006, invoice_date=_ago(366), lines=[_line(3, "7", "1.00")])
    make_open_item(**key, amount="100.10", due_date=_ago(1))
    make_open_item(**key, amount="-20.00", due_date=_ago(90))  # a credit note, open
    make_open_item(**key, amount="250.05", due_date=_ago(0))  # due today: not overdue
    make_open_item(**key, amount="33.00", due_date=_ago(-30))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("limit", [None, "300.00", "400.00"])
def test_the_device_reckons_the_door_as_the_server_does(page, live_server, limit):  # noqa: F811
    company = make_company(slug="acme", reps_see_all_customers=True)
    other = make_company(slug="other", reps_see_all_customers=True)
    credit = None if limit is None else Decimal(limit)
    customer = make_customer(company=company, credit_limit=credit)
    _history(company, customer)
    make_open_item(company=other, customer_exact_id=customer.exact_id, amount="999.00")
    _, _, api = make_rep(company=company)
    changes = api.get("/api/v1/changes", limit=5000).json()["changes"]
    today = timezone.localdate()

    page.goto(f"{live_server.url}/acme/app/")  # its scripts run before the load event
    owed, reorder = page.evaluate(DOOR_JS, [changes, str(customer.exact_id), today.isoformat()])

    server = customer_open_items(company=company, customer_exact_id=customer.exact_id,
                                 today=today, limit=100, credit_limit=credit)  # fmt: skip
    assert (owed["count"], owed["overdue_count"]) == (server.count, server.overdue_count) == (4, 2)
    assert Decimal(owed["total"]) == server.total == Decimal("363.15")
    assert Decimal(owed["overdue"]) == server.overdue
    assert owed["over_limit"] is server.over_limit
    assert owed["credit_left"] == (None if credit is None else str(server.credit_left))
    days = [(Decimal(o["amount"]), o["days_overdue"]) for o in owed["items"]]
    assert days == [(row.amount, row.days_overdue) for row in server.rows]

    rows = customer_reorder_list(company=company, customer_exact_id=customer.exact_id,
                                 since=today - datetime.timedelta(days=365), limit=50)  # fmt: skip
    expected = [(str(r.item_exact_id), r.times, r.quantity, r.last_date.isoformat(), r.last_price)
                for r in rows.rows]  # fmt: skip
    got = [(r["item_id"], r["times"], Decimal(r["quantity"]), r["last_date"],
            Decimal(r["last_price"])) for r in reorder]  # fmt: skip
    assert got == expected
    assert [r[0] for r in got] == ITEMS[:3] and got[0][4] == Decimal("5.40")
