"""Stock per item, a customer's history, and both in the delta feed; two companies."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.customers.contact_services import addresses_delete
from salesdesk.history.models import Progress
from salesdesk.history.services import open_items_sweep
from tests.salesdesk.api.factories import make_rep
from tests.salesdesk.catalog.factories import make_item
from tests.salesdesk.catalog.stock_factories import make_stock
from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.customers.factories import make_customer
from tests.salesdesk.factories import make_company
from tests.salesdesk.history.factories import make_invoice, make_open_item, make_sales_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    company, other = (
        make_company(reps_see_all_customers=True),
        make_company(reps_see_all_customers=True),
    )
    _, _, api = make_rep(company=company)
    return company, other, api


def test_stock_per_item_and_the_items_free_stock(two):
    company, other, api = two
    item = make_item(company=company)
    theirs = make_item(company=other, exact_id=item.exact_id)
    make_stock(company=company, item=item, warehouse="MAIN", free="5", reserved="2")
    make_stock(company=company, item=item, warehouse="NORTH", free="1")
    make_stock(company=other, item=theirs, free="99")
    rows = api.get(f"/api/v1/items/{item.exact_id}/stock").json()
    assert [(r["warehouse_code"], r["free"], r["reserved"]) for r in rows] == [
        ("MAIN", "5.0000", "2.0000"),
        ("NORTH", "1.0000", "0.0000"),
    ]
    assert api.get(f"/api/v1/items/{item.exact_id}").json()["free_stock"] == "6.0000"
    assert api.get(f"/api/v1/items/{uuid.uuid4()}/stock").status_code == 404


def test_a_customers_history(two):
    company, other, api = two
    customer = make_customer(company=company, credit_limit=Decimal("100.00"), blocked=True)
    twin = make_customer(company=other, exact_id=customer.exact_id)
    key = {"company": company, "customer_exact_id": customer.exact_id}
    make_sales_order(**key, number=501, lines=[{}], delivery_status=Progress.PARTIAL)
    make_sales_order(company=other, customer_exact_id=twin.exact_id, number=999)
    today = timezone.localdate()
    make_invoice(**key, invoice_date=today, lines=[{"item_code": "STROOP"}])
    make_open_item(**key, amount="150.00", due_date=today - datetime.timedelta(days=3))
    make_address(**key, type=4, main=True, line1="Dock 7")
    make_contact(**key, last_name="Visser", is_main=True)
    make_contact(company=other, customer_exact_id=twin.exact_id, last_name="Rivaal")
    body = api.get(f"/api/v1/customers/{customer.exact_id}/history").json()
    assert [(o["number"], o["state"], o["delivery_status"]) for o in body["orders"]] == [
        (501, "Partly delivered", "partial")
    ]
    open_items = body["open_items"]
    assert open_items["total"] == "150.00" and open_items["overdue_count"] == 1
    assert open_items["over_limit"] is True and open_items["blocked"] is True
    assert [row["item_code"] for row in body["reorder_list"]] == ["STROOP"]
    assert [(a["type"], a["line1"]) for a in body["addresses"]] == [("delivery", "Dock 7")]
    assert [c["last_name"] for c in body["contacts"]] == ["Visser"]
    assert api.get(f"/api/v1/customers/{uuid.uuid4()}/history").status_code == 404


def test_the_delta_feed_carries_history_and_its_deletions(two):
    company, other, api = two
    customer = make_customer(company=company, credit_limit=Decimal("250.00"))
    key = {"company": company, "customer_exact_id": customer.exact_id}
    item = make_item(company=company)
    make_stock(company=company, item=item, free="3")
    address = make_address(**key)
    make_sales_order(**key, lines=[{}, {}])
    make_invoice(**key, lines=[{}])
    make_open_item(**key)
    make_contact(**key)
    make_sales_order(company=other, customer_exact_id=uuid.uuid4())
    first = api.get("/api/v1/changes").json()
    changes = first["changes"]
    counts = {kind: len(rows) for kind, rows in changes.items() if kind != "orders"}
    assert counts == {"items": 1, "customers": 1, "item_prices": 0, "price_list_lines": 0,
                      "stock_positions": 1, "addresses": 1, "contacts": 1, "sales_orders": 1,
                      "sales_order_lines": 2, "sales_invoices": 1, "sales_invoice_lines": 1,
                      "open_items": 1, "departures": 0}  # fmt: skip
    assert changes["customers"][0]["credit_limit"] == "250.00"
    assert changes["items"][0]["free_stock"] == "3.0000"
    addresses_delete(company=company, exact_ids=[address["exact_id"]])
    open_items_sweep(company=company, seen_since=timezone.now())
    later = api.get("/api/v1/changes", since=first["cursor"]).json()["changes"]
    assert [a["active"] for a in later["addresses"]] == [False]
    assert [i["active"] for i in later["open_items"]] == [False]
    assert later["sales_orders"] == [] and later["contacts"] == []
