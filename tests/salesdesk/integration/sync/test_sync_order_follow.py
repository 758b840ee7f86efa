"""An order sent by Salesdesk follows its order in Exact: delivered in part with track &
trace, invoiced, delivered in full; each step reaches the order page through the sync."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from exact_sandbox.config import SandboxConfig
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.history.models import SalesOrder
from salesdesk.integration.order_push.services import order_send
from salesdesk.orders.lines import LineInput
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.services import OrderHeader, order_create, order_submit
from tests.salesdesk.factories import make_user
from tests.salesdesk.integration.sync.ledger_support import control, sync_all
from tests.salesdesk.integration.sync.sync_support import client_for, connected_company

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=40, customers=20)


def _sent_order(company, clock):
    customer = Customer.objects.filter(company=company, active=True, blocked=False).first()
    items = list(Item.objects.filter(company=company, active=True)[:2])
    order = order_create(
        company=company, user=None, header=OrderHeader(customer=customer, your_ref="PO-77"),
        lines=[LineInput(item=item, quantity=Decimal(4), unit_price=Decimal(10)) for item in items],
    )  # fmt: skip
    now = datetime.fromtimestamp(clock.now(), tz=UTC)
    order_submit(order=order, now=now)
    connect = lambda c: client_for(c, clock)  # noqa: E731
    outcome = order_send(order_id=order.pk, connect=connect, clock=lambda: now)
    assert outcome.result is SendResult.SUBMITTED
    order.refresh_from_db()
    return order


def _in_exact(client, company, order) -> str:
    page = client.get(f"/{company.slug}/orders/{order.number}/").content.decode()
    start = page.index('id="in-exact-heading"')
    return page[start : page.index("</section>", start)]


def _state(section: str) -> str:
    start = section.index('<dd id="exact-state">') + len('<dd id="exact-state">')
    return section[start : section.index("</dd>", start)]


def test_the_order_page_follows_delivery_and_invoice_in_exact(live_sandbox, sandbox_clock, client):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "customers"))
    order = _sent_order(company, sandbox_clock)
    client.force_login(make_user(company=company))
    sync_all(company, sandbox_clock, ("sales-orders",))
    assert _state(_in_exact(client, company, order)) == "Open"

    exact_order = str(order.exact_order_id)
    control(live_sandbox, "deliver", order=exact_order, tracking_number="3STEST0042",
            lines=[{"line_number": 1, "quantity": 4}])  # fmt: skip
    sync_all(company, sandbox_clock, ("sales-orders",))
    section = _in_exact(client, company, order)
    assert _state(section) == "Partly delivered" and "3STEST0042" in section

    invoiced = control(live_sandbox, "invoice", order=exact_order)
    sync_all(company, sandbox_clock, ("sales-orders", "invoices"))
    section = _in_exact(client, company, order)
    assert _state(section) == "Partly invoiced"
    assert f'<dd id="exact-invoices">{invoiced["invoice_number"]}</dd>' in section

    control(live_sandbox, "deliver", order=exact_order)
    control(live_sandbox, "invoice", order=exact_order)
    sync_all(company, sandbox_clock, ("sales-orders", "invoices"))
    assert _state(_in_exact(client, company, order)) == "Invoiced"
    # The other company never synchronized its sales orders: it knows nothing of this one.
    assert not SalesOrder.objects.filter(company=other).exists()


def test_a_cancelled_order_shows_cancelled(live_sandbox, sandbox_clock, client):
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    sync_all(company, sandbox_clock, ("items", "customers"))
    order = _sent_order(company, sandbox_clock)
    client.force_login(make_user(company=company))

    control(live_sandbox, "cancel", order=str(order.exact_order_id))
    sync_all(company, sandbox_clock, ("sales-orders",))
    sync_all(other, sandbox_clock, ("sales-orders",))

    assert _state(_in_exact(client, company, order)) == "Cancelled"
    # The other company (the same administration) has the order, but not Salesdesk's order.
    theirs = SalesOrder.objects.get(company=other, order_exact_id=order.exact_order_id)
    assert theirs.state == "Cancelled"
    assert client.get(f"/{other.slug}/orders/{order.number}/").status_code in (302, 403, 404)
