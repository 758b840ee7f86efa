"""Orders wait while the connection is not usable and go out once it is; Exact down is retried."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest

from exact_sandbox.clock import SandboxClock
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.models import ExactConnection
from salesdesk.integration.order_push import tasks as order_tasks
from salesdesk.integration.order_push.services import UNCLEAR_BACKOFF, order_send
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.waiting import outbox_resume
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db
ORDERS_PATH = "salesorder/SalesOrders"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time, moved on by waits


@pytest.fixture
def enqueued(monkeypatch) -> list[int]:
    """The order ids the sweep (or a resume) puts on the task queue."""
    sent: list[int] = []
    monkeypatch.setattr(
        order_tasks, "order_send_enqueue", lambda *, order_id, at=None: sent.append(order_id)
    )
    return sent


def _reload(order) -> Order:
    order.refresh_from_db()
    return order


def _open(sandbox_state, live_sandbox, slug, division=100001, connected=True) -> OrderDesk:
    return OrderDesk.open(
        state=sandbox_state, live=live_sandbox, slug=slug, division=division, connected=connected
    )


def test_an_order_taken_while_not_connected_waits_then_goes_out_once_after_authorizing(
    sandbox_state, live_sandbox, enqueued, django_capture_on_commit_callbacks
):
    desk = _open(sandbox_state, live_sandbox, "demo", connected=False)
    other = _open(sandbox_state, live_sandbox, "retail", division=100002, connected=False)
    order, theirs = desk.order(), other.order()
    calls = desk.calls()
    outcome = order_send(order_id=order.pk, connect=lambda c: exact_client_for(company=c))
    assert outcome.result is SendResult.BLOCKED
    assert _reload(order).status == Order.Status.QUEUED
    assert order.exact_message.startswith("Waiting: Salesdesk is not connected to Exact Online")
    other.send(theirs)
    assert desk.drain() == 0 and desk.send(order).result is SendResult.BLOCKED
    assert order_tasks.outbox_sweep(now=desk.now()) == 0 and enqueued == []
    assert desk.calls() == calls  # nothing was tried

    with django_capture_on_commit_callbacks(execute=True):
        desk.authorize()  # Authorize Salesdesk: connection_authorize resumes after commit
    assert enqueued == [order.pk]  # released and enqueued; the other company's still waits
    assert _reload(order).exact_message == ""
    desk.drain()
    (stored,) = desk.exact_orders_for(_reload(order))
    assert (order.status, order.exact_order_number) == (
        Order.Status.SUBMITTED,
        stored["OrderNumber"],
    )
    assert len(desk.exact_orders) == 1
    assert outbox_resume(company=desk.company) == 0
    assert _reload(theirs).status == Order.Status.QUEUED and theirs.exact_message
    assert other.exact_orders == []


def test_a_dead_token_chain_parks_the_order_until_reauthorized(sandbox_state, live_sandbox):
    desk = _open(sandbox_state, live_sandbox, "demo")
    order = desk.order()
    sandbox_state.clock.advance(31 * 24 * 3600)  # the unused refresh token expired
    outcome = desk.send(order)
    assert outcome.result is SendResult.BLOCKED
    connection = ExactConnection.objects.get(company=desk.company)
    assert connection.state == ExactConnection.State.NEEDS_REAUTH
    order = _reload(order)
    assert order.status == Order.Status.QUEUED
    assert "Waiting: the Exact Online connection needs re-authorization" in order.exact_message
    calls, attempts = desk.calls(), OrderOutbox.objects.get(order=order).attempts
    assert desk.drain() == 0 and desk.send(order).result is SendResult.BLOCKED
    assert (desk.calls(), OrderOutbox.objects.get(order=order).attempts) == (calls, attempts)

    desk.authorize()
    assert outbox_resume(company=desk.company) == 1
    desk.drain()
    assert _reload(order).status == Order.Status.SUBMITTED
    assert len(desk.exact_orders_for(order)) == 1
    assert not order.events.filter(status=Order.Status.FAILED).exists()


def test_repeated_503s_never_fail_the_order_and_it_goes_out_when_they_stop(desk_pair):
    desk, other = desk_pair
    order, theirs = desk.order(), other.order()
    desk.state.faults.add("503", ORDERS_PATH, method="POST", count=12)
    started = desk.now()
    desk.drain()
    order = _reload(order)
    assert order.status == Order.Status.SUBMITTED and order.exact_message == ""
    assert len(desk.exact_orders_for(order)) == 1 and len(desk.exact_orders) == 1
    assert OrderOutbox.objects.get(order=order).attempts == 13
    assert not order.events.filter(status=Order.Status.FAILED).exists()
    tries = list(order.events.filter(status=Order.Status.SENDING).values_list("at", flat=True))
    gaps = [later - earlier for earlier, later in pairwise(tries)]
    assert max(gaps) <= timedelta(seconds=UNCLEAR_BACKOFF.cap) + timedelta(
        minutes=1
    )  # capped, and never a hot loop
    assert min(gaps) >= timedelta(seconds=30)
    assert desk.now() - started >= timedelta(hours=1)
    assert _reload(theirs).status == Order.Status.QUEUED  # the other company's is untouched


def test_the_sweep_sends_only_for_usable_connections_and_heals_a_lost_resume(
    desk_pair, enqueued, django_capture_on_commit_callbacks
):
    desk, other = desk_pair
    order, theirs = desk.order(), other.order()
    ExactConnection.objects.filter(company=other.company).update(
        state=ExactConnection.State.NEEDS_REAUTH
    )
    assert order_tasks.outbox_sweep(now=desk.now()) == 1
    assert enqueued == [order.pk]
    theirs = _reload(theirs)
    assert theirs.status == Order.Status.QUEUED and "re-authorization" in theirs.exact_message
    assert OrderOutbox.objects.get(order=theirs).attempts == 0  # parked without a try

    enqueued.clear()
    assert order_tasks.outbox_sweep(now=desk.now()) == 1  # still waiting: not enqueued
    assert enqueued == [order.pk]
    other.authorize()  # its resume after commit is lost: the test's transaction never commits
    enqueued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        order_tasks.outbox_sweep(now=desk.now())
    assert sorted(enqueued) == sorted([order.pk, theirs.pk])
    assert _reload(theirs).exact_message == ""


@pytest.fixture
def desk_pair(sandbox_state, live_sandbox) -> tuple[OrderDesk, OrderDesk]:
    return (
        _open(sandbox_state, live_sandbox, "demo"),
        _open(sandbox_state, live_sandbox, "retail", division=100002),
    )
