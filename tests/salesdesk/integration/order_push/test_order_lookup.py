"""The look-up after an unclear answer: the customer's reference in YourRef, Salesdesk's
number in Description, and orders sent under the old convention still found (never twice)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from exact_sandbox.clock import SandboxClock
from salesdesk.integration.mapping.orders import sales_order_payload
from salesdesk.orders.models import Order
from salesdesk.orders.outbox import LEASE, outbox_claim
from salesdesk.orders.outcomes import SendResult
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db
ORDERS_PATH = "salesorder/SalesOrders"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def desk(sandbox_state, live_sandbox) -> OrderDesk:
    return OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")


@pytest.mark.parametrize("kind", ["timeout", "drop_after_commit"])
def test_a_stored_order_whose_answer_was_lost_is_found_by_its_number(desk, kind):
    order = desk.order(your_ref="PO-2026-17")
    desk.state.faults.add(kind, ORDERS_PATH, method="POST", seconds=0)
    assert desk.send(order).result is SendResult.UNCLEAR

    outcome = desk.send_when_due(order)

    assert outcome.result is SendResult.SUBMITTED and outcome.found_by_lookup
    (stored,) = desk.exact_orders
    assert (stored["YourRef"], stored["Description"]) == ("PO-2026-17", order.number)


def test_an_order_posted_under_the_old_convention_is_found_not_sent_again(desk):
    order = desk.order(your_ref="PO-OLD")
    assert outbox_claim(order_id=order.pk, now=desk.now()) is not None
    old = sales_order_payload(order, order.lines.all())
    old.update(YourRef=order.number, Description="PO-OLD")  # how Salesdesk sent it before
    desk.client.sales_orders.create(old)  # then the worker died before recording the answer
    desk.state.clock.advance((LEASE + timedelta(seconds=1)).total_seconds())

    outcome = desk.send(order)

    assert outcome.result is SendResult.SUBMITTED and outcome.found_by_lookup
    assert len(desk.exact_orders) == 1
    order.refresh_from_db()
    assert order.exact_order_number == desk.exact_orders[0]["OrderNumber"]


def test_a_customer_reference_equal_to_our_number_does_not_hide_a_missing_order(desk):
    earlier = desk.order()
    later = desk.order(your_ref=earlier.number)  # the customer quotes our earlier number
    desk.state.faults.add("500", ORDERS_PATH, method="POST")  # earlier: not stored
    assert desk.send(earlier).result is SendResult.UNCLEAR
    assert desk.send(later).result is SendResult.SUBMITTED

    outcome = desk.send_when_due(earlier)

    assert outcome.result is SendResult.SUBMITTED and not outcome.found_by_lookup
    assert sorted(row["Description"] for row in desk.exact_orders) == sorted(
        [earlier.number, later.number]
    )
    assert len(desk.exact_orders_for(earlier)) == 1
    assert Order.objects.get(pk=earlier.pk).status == Order.Status.SUBMITTED
