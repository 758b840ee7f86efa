"""The order page follows a sent order in Exact: status, delivered and invoiced quantities,
deliveries with track & trace, the invoice number."""

import uuid
from decimal import Decimal

import pytest

from salesdesk.history.models import Progress
from salesdesk.orders.models import Order
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.history.factories import make_delivery, make_invoice, make_sales_order
from tests.salesdesk.orders.factories import make_order

COMPLETE, PARTIAL = Progress.COMPLETE, Progress.PARTIAL


@pytest.fixture
def setup(db, client):
    company, other = make_company(slug="acme"), make_company(slug="rival")
    client.force_login(make_user(company=company))
    return company, other


def in_exact(client, order) -> str:
    page = client.get(f"/acme/orders/{order.number}/").content.decode()
    if 'id="in-exact-heading"' not in page:
        return ""
    return page[
        page.index('id="in-exact-heading"') : page.index(
            "</section>", page.index('id="in-exact-heading"')
        )
    ]


def sent(order, exact_order_id=None, number=None):
    Order.objects.filter(pk=order.pk).update(
        status=Order.Status.SUBMITTED, exact_order_id=exact_order_id, exact_order_number=number
    )
    order.refresh_from_db()
    return order


def test_a_sent_order_shows_exacts_progress(setup, client):
    company, other = setup
    order = make_order(company=company)
    customer = order.customer.exact_id
    lines = [{"quantity": Decimal("4"), "quantity_delivered": Decimal("4"),
              "quantity_invoiced": Decimal("4"), "delivery_status": COMPLETE,
              "invoice_status": COMPLETE},
             {"quantity": Decimal("6"), "quantity_delivered": Decimal("2.5")}]  # fmt: skip
    progress = {"delivery_status": PARTIAL, "invoice_status": PARTIAL}
    exact = make_sales_order(company=company, customer_exact_id=customer, lines=lines,
                             number=4711, **progress)  # fmt: skip
    make_delivery(company=company, customer_exact_id=customer, order_lines=exact["lines"][:1],
                  tracking_number="3STRACK42")  # fmt: skip
    invoice_line = {"order_exact_id": exact["order_exact_id"]}
    make_invoice(company=company, customer_exact_id=customer, number=9001, lines=[invoice_line])
    # The other company: the same Exact order (one administration), another delivery.
    make_sales_order(company=other, customer_exact_id=customer,
                     order_exact_id=exact["order_exact_id"], status=Progress.CANCELLED)  # fmt: skip
    section = in_exact(client, sent(order, exact["order_exact_id"], 4711))
    assert 'id="exact-state">Partly invoiced<' in section
    assert "2.5" in section and "3STRACK42" in section
    assert 'id="exact-invoices">9001<' in section
    assert "Cancelled" not in section


def test_an_order_not_synced_yet_says_so_and_a_draft_shows_nothing(setup, client):
    company, _ = setup
    draft = make_order(company=company)
    assert in_exact(client, draft) == ""
    waiting = sent(make_order(company=company), uuid.uuid4(), 4712)
    assert "arrives with the next sync" in in_exact(client, waiting)


def test_an_order_entered_by_hand_is_found_by_its_exact_number(setup, client):
    company, _ = setup
    order = make_order(company=company)
    make_sales_order(company=company, customer_exact_id=order.customer.exact_id, number=4800,
                     delivery_status=COMPLETE)  # fmt: skip
    assert 'id="exact-state">Delivered<' in in_exact(client, sent(order, None, 4800))
