"""Orders sent to the sandbox: once each, looked up before any retry, refusals kept."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from exact_client import values
from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import DEMO_CLIENT_ID
from exact_sandbox.scopes import ORDERS
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outbox import LEASE, outbox_claim
from salesdesk.orders.outcomes import SendResult
from tests.salesdesk.orders.factories import make_item
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db
ORDERS_PATH = "salesorder/SalesOrders"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    # Runs from real time (moved on by waits), so Django's clock never runs ahead of it.
    return SandboxClock()


@pytest.fixture
def desk(sandbox_state, live_sandbox) -> OrderDesk:
    return OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")


def _reload(order) -> Order:
    order.refresh_from_db()
    return order


def test_an_order_becomes_one_exact_sales_order_with_the_customers_reference_as_yourref(desk):
    order = desk.order(
        your_ref="PO-2026-17", notes="Ring at the back door", delivery_date=date(2030, 1, 15)
    )
    assert desk.send(order).result is SendResult.SUBMITTED
    (stored,) = desk.exact_orders_for(_reload(order))
    assert order.status == Order.Status.SUBMITTED
    assert (order.exact_order_number, str(order.exact_order_id)) == (
        stored["OrderNumber"],
        stored["OrderID"],
    )
    assert stored["OrderedBy"] == str(desk.customers[0].exact_id)
    assert stored["DeliveryDate"] != stored["OrderDate"]
    delivery = values.parse_date(stored["DeliveryDate"]).astimezone(AMSTERDAM)  # spec pitfall 14
    assert delivery.date() == date(2030, 1, 15)
    assert (stored["YourRef"], stored["Description"], stored["Remarks"]) == (
        "PO-2026-17", order.number, "Ring at the back door"
    )  # fmt: skip
    lines = [
        row
        for row in desk.state.divisions[desk.division].sales_order_lines
        if row["OrderID"] == stored["OrderID"]
    ]
    sent = {(row["Item"], row["Quantity"], row["NetPrice"]) for row in lines}
    expected = {
        (str(line.item.exact_id), float(line.quantity), float(line.unit_price))
        for line in order.lines.all()
    }
    assert sent == expected
    assert "Submitted to Exact Online as order" in order.events.last().message


@pytest.mark.parametrize("kind", ["500", "503", "timeout", "drop_after_commit"])
def test_an_unclear_answer_is_followed_by_a_lookup_and_never_a_duplicate(desk, kind):
    order = desk.order()
    desk.state.faults.add(kind, ORDERS_PATH, method="POST", seconds=0)
    first = desk.send(order)
    assert first.result is SendResult.UNCLEAR
    assert _reload(order).status == Order.Status.QUEUED
    assert OrderOutbox.objects.get(order=order).exact_may_have_it
    desk.drain()
    (stored,) = desk.exact_orders_for(_reload(order))
    assert order.status == Order.Status.SUBMITTED
    assert order.exact_order_number == stored["OrderNumber"]
    stored_on_first_try = kind in {"timeout", "drop_after_commit"}
    submitted = order.events.get(status=Order.Status.SUBMITTED)
    assert ("found in Exact" in submitted.message) == stored_on_first_try
    assert len(desk.exact_orders) == 1


def test_a_rate_limit_waits_for_the_reset_and_sends_once(desk):
    order = desk.order()
    desk.state.faults.add("429", ORDERS_PATH, method="POST")
    started = desk.state.clock.now()
    desk.drain()
    assert _reload(order).status == Order.Status.SUBMITTED
    assert len(desk.exact_orders_for(order)) == 1
    assert desk.state.clock.now() > started  # it waited (on the sandbox clock), no hot loop


def test_a_refused_order_fails_with_exacts_words_and_is_not_retried(desk):
    unknown = make_item(company=desk.company, code="NOT-IN-EXACT", exact_id=uuid.uuid4())
    order = desk.order(items=[unknown])
    desk.drain()
    order = _reload(order)
    assert order.status == Order.Status.FAILED
    assert "Exact Online refused the order" in order.exact_message
    assert str(unknown.exact_id) in order.exact_message or "Item" in order.exact_message
    calls = desk.calls()
    desk.state.clock.advance(3600)
    desk.drain()
    assert desk.calls() == calls and desk.exact_orders == []


def test_missing_sales_order_rights_give_a_plain_refusal(desk):
    desk.state.set_scopes(DEMO_CLIENT_ID, withheld=[ORDERS])
    order = desk.order()
    desk.drain()
    order = _reload(order)
    assert order.status == Order.Status.FAILED
    assert "may not create sales orders" in order.exact_message


def test_a_worker_that_died_after_posting_is_covered_by_the_lookup(desk):
    order = desk.order()
    assert outbox_claim(order_id=order.pk, now=desk.now()) is not None
    from salesdesk.integration.mapping.orders import sales_order_payload

    # The worker posts, then dies before it can record Exact's answer.
    desk.client.sales_orders.create(sales_order_payload(order, order.lines.all()))
    assert desk.send(order) is None  # its lease still holds: nobody else may send
    desk.state.clock.advance((LEASE + timedelta(seconds=1)).total_seconds())
    outcome = desk.send(order)
    assert outcome.result is SendResult.SUBMITTED and outcome.found_by_lookup
    assert len(desk.exact_orders_for(order)) == 1


def test_two_companies_send_to_their_own_administrations(desk, sandbox_state, live_sandbox):
    other = OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="retail", division=100002)
    mine, theirs = desk.order(), other.order()
    desk.drain()
    assert _reload(theirs).status == Order.Status.QUEUED  # not sent by the other company's run
    other.drain()
    assert [row["Description"] for row in desk.exact_orders] == [mine.number]
    assert [row["Description"] for row in other.exact_orders] == [theirs.number]
    assert mine.number != theirs.number


def test_a_spent_daily_limit_waits_for_the_next_day_instead_of_failing(desk):
    desk.state.config.daily_limit = 0
    order = desk.order()
    outcome = desk.send(order)
    assert outcome.result is SendResult.WAIT
    outbox = OrderOutbox.objects.get(order=order)
    assert _reload(order).status == Order.Status.QUEUED
    assert outbox.available_at == outcome.retry_at > desk.now()
    assert not outbox.exact_may_have_it  # a 429 stores nothing: no look-up needed
    desk.state.config.daily_limit = 5000
    desk.drain()  # sleeps (on the sandbox clock) until the reset, then sends
    assert _reload(order).status == Order.Status.SUBMITTED
    assert desk.now() >= outcome.retry_at
    assert len(desk.exact_orders_for(order)) == 1


def test_the_sweep_enqueues_due_orders_once_per_sweep(desk, monkeypatch):
    from salesdesk.integration.order_push import tasks as order_tasks

    enqueued = []
    monkeypatch.setattr(
        order_tasks, "order_send_enqueue", lambda *, order_id, at=None: enqueued.append(order_id)
    )
    due, later = desk.order(), desk.order()
    OrderOutbox.objects.filter(order=later).update(available_at=desk.now() + timedelta(hours=1))
    assert order_tasks.outbox_sweep(now=desk.now()) == 1
    assert enqueued == [due.pk]


def test_a_refused_access_token_waits_and_sends_without_asking_to_reauthorize(desk):
    from salesdesk.integration.models import ExactConnection

    order = desk.order()
    desk.state.faults.add("401", ORDERS_PATH, method="POST", count=2)  # the try and its retry
    desk.drain()
    assert _reload(order).status == Order.Status.SUBMITTED, order.exact_message
    assert len(desk.exact_orders_for(order)) == 1
    assert "refused Salesdesk's access for now" in " ".join(
        order.events.values_list("message", flat=True)
    )
    connection = ExactConnection.objects.get(company=order.company)
    assert connection.state == ExactConnection.State.CONNECTED
