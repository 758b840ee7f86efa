"""The task that sends one order, and an in-process drain of the outbox.

Tasks are thin: `order_send` claims, sends and records. A send that must wait (rate limit,
unclear answer) is enqueued again for when it is due, if the task backend can defer;
otherwise `order_outbox_sweep` picks it up when due. An order waiting
for its company's connection is not enqueued again: `outbox_resume` does that once the
connection is authorized again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import F, QuerySet
from django.utils import timezone
from django_tasks import task

from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.order_push.services import Connect, order_park, order_send
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outbox import outbox_due_ids, outbox_next_due_at
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.waiting import outbox_resume
from salesdesk.tenants.models import Company

RESCHEDULED = {SendResult.WAIT, SendResult.UNCLEAR}


@task()
def send_order(order_id: int) -> str:
    """Send one order to Exact Online (claims it first: a second copy of the task does nothing)."""
    outcome = order_send(order_id=order_id, connect=_connect)
    if outcome is None:
        return "not claimed"
    if outcome.result in RESCHEDULED:
        due = OrderOutbox.objects.filter(order_id=order_id).values_list("available_at", flat=True)
        order_send_enqueue(order_id=order_id, at=due.first())
    return outcome.result.value


def order_due_enqueue(sender, *, order_id: int, **kwargs) -> None:
    """Receiver of `salesdesk.orders.signals.order_due` (connected in apps.py)."""
    order_send_enqueue(order_id=order_id)


def order_send_enqueue(*, order_id: int, at: datetime | None = None) -> None:
    """Enqueue `send_order`; deferred to `at` when the backend can, else left to the sweep."""
    if at is not None and at > timezone.now():
        if not send_order.get_backend().supports_defer:
            return
        send_order.using(run_after=at).enqueue(order_id)
        return
    send_order.enqueue(order_id)


@task()
def order_outbox_sweep() -> int:
    """Enqueue a send for every due order and every Sending order whose worker died.

    Run it every minute or so (the scheduler calls `order_outbox_sweep.call()`): it
    retries orders when the task backend cannot defer, and recovers a crashed worker's.
    """
    return outbox_sweep()


def outbox_sweep(*, now: datetime | None = None) -> int:
    """Enqueue a send for every due order and every Sending order whose worker died.

    Only orders of companies whose connection is usable are enqueued; due orders of the
    others are parked to wait (no call to Exact). Orders left waiting although their
    connection was authorized since (a re-authorization that raced the parking) are
    released. Returns how many sends were enqueued.
    """
    now = now or timezone.now()
    ready = _ready_company_ids()
    due = outbox_due_ids(now=now, company_ids=ready, limit=1000)
    for order_id in due:
        order_send_enqueue(order_id=order_id)
    blocked = outbox_due_ids(now=now, limit=1000)
    parked = Order.objects.filter(pk__in=blocked).exclude(company_id__in=ready)
    for order in parked.select_related("company"):
        order_park(order=order, now=now)
    return len(due) + _resume_reauthorized(now)  # outbox_resume enqueues what it releases


def outbox_drain(
    *,
    company: Company,
    connect: Connect,
    clock: Callable[[], datetime] = timezone.now,
    sleep: Callable[[float], object],
) -> int:
    """Send every waiting order of the company in this process; returns the attempts made.

    Waits (through `sleep`) until the next order is due. For benchmarks, tests and a
    one-off catch-up; the worker does the same through `send_order` tasks.
    """
    attempts = 0
    while True:
        due = outbox_due_ids(now=clock(), company_id=company.pk)
        for order_id in due:
            attempts += order_send(order_id=order_id, connect=connect, clock=clock) is not None
        if due:
            continue
        next_at = outbox_next_due_at(company_id=company.pk)
        if next_at is None:
            return attempts
        sleep(max(0.0, (next_at - clock()).total_seconds()) + 0.001)


def _ready_company_ids() -> QuerySet:
    """Companies whose connection `ready_connection` would accept, as a subquery."""
    usable = ExactConnection.objects.filter(
        state=ExactConnection.State.CONNECTED, division__isnull=False
    ).exclude(authorized_base_url="", base_url="")
    return usable.values("company_id")


def _resume_reauthorized(now: datetime) -> int:
    waiting = OrderOutbox.objects.filter(
        waiting_since__isnull=False,
        company_id__in=_ready_company_ids(),
        company__exact__authorized_at__gt=F("waiting_since"),
    )
    companies = Company.objects.filter(pk__in=waiting.values("company_id"))
    return sum(outbox_resume(company=company, now=now) for company in companies)


def _connect(company: Company):
    return exact_client_for(company=company)
