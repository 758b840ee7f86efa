"""Exactly once under faults: 60 orders, 10% random faults plus drops after the commit."""

from __future__ import annotations

import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import SandboxConfig
from salesdesk.orders.models import Order
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db
ORDERS = 60


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=50, customers=30, seed=7)


def test_sixty_orders_under_faults_are_each_stored_exactly_once(sandbox_state, live_sandbox):
    desk = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")
    orders = [
        desk.order(
            customer=desk.customers[n % 5], items=desk.items[n % 5 : n % 5 + 5], your_ref="PO-1"
        )
        for n in range(ORDERS)
    ]
    sandbox_state.config.fault_rate = 0.1
    for skip in range(5, ORDERS, 20):  # planned: the order is stored, the answer is lost
        sandbox_state.faults.add(
            "drop_after_commit", "salesorder/SalesOrders", method="POST", skip=skip
        )
    calls_before = desk.calls()
    desk.drain()

    stored = desk.exact_orders
    assert len(stored) == ORDERS
    by_ref = {row["Description"]: row for row in stored}
    assert len(by_ref) == ORDERS  # no Salesdesk number twice: no duplicates
    assert {row["YourRef"] for row in stored} == {"PO-1"}  # the customers' own reference
    for order in orders:
        order.refresh_from_db()
        assert order.status == Order.Status.SUBMITTED, order.exact_message
        assert order.exact_order_number == by_ref[order.number]["OrderNumber"]
    found = Order.objects.filter(events__message__contains="found in Exact").count()
    assert found >= 1  # the lookup path really ran
    assert sandbox_state.stats.faults_fired >= ORDERS // 10
    # One call per order, and at most two more per fault (a look-up, then the post again).
    calls = desk.calls() - calls_before
    assert calls <= ORDERS + 2 * sandbox_state.stats.faults_fired, calls
