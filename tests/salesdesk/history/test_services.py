import datetime
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from salesdesk.history import services
from salesdesk.history.models import (
    GoodsDelivery,
    OpenItem,
    Progress,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
)
from salesdesk.tenants.changes import version_latest
from tests.salesdesk.factories import make_company
from tests.salesdesk.history.factories import (
    make_delivery,
    make_invoice,
    make_sales_order,
    open_item_row,
)

NOW = timezone.now()


@pytest.fixture
def companies(db):
    return make_company(slug="acme"), make_company(slug="rival")


def test_order_status_changes_arrive_on_the_same_row(companies):
    company, other = companies
    customer = uuid.uuid4()
    order = make_sales_order(company=company, customer_exact_id=customer, lines=[{}])
    make_sales_order(company=other, customer_exact_id=customer, exact_id=order["exact_id"])
    line = order["lines"][0]
    delivered = {
        **line,
        "quantity_delivered": line["quantity"],
        "delivery_status": Progress.COMPLETE,
    }
    result = services.sales_order_lines_upsert(company=company, rows=[delivered], synced_at=NOW)
    assert (result.created, result.updated) == (0, 1)
    stored = SalesOrderLine.objects.get(company=company)
    assert stored.quantity_delivered == Decimal("10") and stored.state == "Delivered"
    assert stored.row_version == version_latest(company=company)
    assert SalesOrder.objects.filter(exact_id=order["exact_id"]).count() == 2  # one per company


def test_deleted_orders_and_lines_are_deactivated_then_revived_by_a_new_write(companies):
    company, other = companies
    order = make_sales_order(company=company, customer_exact_id=uuid.uuid4(), lines=[{}, {}])
    make_sales_order(company=other, customer_exact_id=uuid.uuid4(), exact_id=order["exact_id"])
    assert services.sales_orders_delete(company=company, exact_ids=[order["exact_id"]]) == 1
    line_ids = [line["exact_id"] for line in order["lines"]]
    assert services.sales_order_lines_delete(company=company, exact_ids=line_ids) == 2
    assert not SalesOrder.objects.get(company=company).active
    assert SalesOrder.objects.get(company=other).active
    header = {k: v for k, v in order.items() if k != "lines"}
    services.sales_orders_upsert(company=company, rows=[header], synced_at=NOW)
    assert SalesOrder.objects.get(company=company).active


def test_deliveries_and_their_lines(companies):
    company, _ = companies
    order = make_sales_order(company=company, customer_exact_id=uuid.uuid4(), lines=[{}])
    delivery = make_delivery(company=company, customer_exact_id=None, order_lines=order["lines"])
    assert GoodsDelivery.objects.get(company=company).tracking_number == "3SABC1234567"
    ids = [delivery["exact_id"]]
    assert services.goods_deliveries_delete(company=company, exact_ids=ids) == 1
    line_ids = [line["exact_id"] for line in delivery["lines"]]
    assert services.goods_delivery_lines_delete(company=company, exact_ids=line_ids) == 1


@pytest.mark.parametrize("key", ["invoice", "line"])
def test_invoice_deletion_by_invoice_id_or_row_id(companies, key):
    company, other = companies
    invoice = make_invoice(company=company, customer_exact_id=uuid.uuid4(), lines=[{}, {}])
    make_invoice(company=other, customer_exact_id=uuid.uuid4(), exact_id=invoice["exact_id"])
    gone = invoice["exact_id"] if key == "invoice" else invoice["lines"][0]["exact_id"]
    changed = services.sales_invoices_delete(company=company, exact_ids=[gone])
    active_lines = SalesInvoiceLine.objects.filter(company=company, active=True).count()
    if key == "invoice":
        assert changed == 3 and active_lines == 0
        assert not SalesInvoice.objects.get(company=company).active
    else:
        assert changed == 1 and active_lines == 1
        assert SalesInvoice.objects.get(company=company).active
    assert SalesInvoice.objects.get(company=other).active


def test_open_items_not_read_again_are_settled(companies):
    company, other = companies
    customer = uuid.uuid4()
    start = NOW - datetime.timedelta(minutes=5)
    paid, still = (open_item_row(customer_exact_id=customer) for _ in range(2))
    services.open_items_upsert(company=company, rows=[paid, still], synced_at=start)
    services.open_items_upsert(company=other, rows=[paid], synced_at=start)
    services.open_items_upsert(company=company, rows=[still], synced_at=NOW)
    assert services.open_items_sweep(company=company, seen_since=NOW) == 1
    active = OpenItem.objects.filter(company=company, active=True)
    assert list(active.values_list("exact_id", flat=True)) == [still["exact_id"]]
    assert OpenItem.objects.get(company=other).active
