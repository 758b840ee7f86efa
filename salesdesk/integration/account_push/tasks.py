"""The task that sends one new customer to Exact, the outbox sweep, and an in-process drain.

Thin, like order_push/tasks.py: `account_send` claims, sends and records. A send that must
wait is picked up by `account_outbox_sweep` when due (the scheduler runs it with the order
sweep), or enqueued for then when the task backend can defer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.utils import timezone
from django_tasks import task

from salesdesk.customers.account_outbox import account_due_ids, account_next_due_at
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.integration.account_push.services import Connect, account_send
from salesdesk.integration.connection.clients import exact_client_for
from salesdesk.integration.order_push.tasks import _ready_company_ids
from salesdesk.orders.customer_waiting import outbox_release_customers_in_exact
from salesdesk.tenants.models import Company

RESCHEDULED = {"wait", "unclear"}


@task()
def send_account(customer_id: int) -> str:
    """Send one new customer to Exact (claims it first: a second copy does nothing)."""
    outcome = account_send(customer_id=customer_id, connect=_connect)
    if outcome is None:
        return "not claimed"
    if outcome.result in RESCHEDULED:
        due = AccountOutbox.objects.filter(customer_id=customer_id)
        account_send_enqueue(
            customer_id=customer_id, at=due.values_list("available_at", flat=True).first()
        )
    return outcome.result


def customer_due_enqueue(sender, *, customer_id: int, **kwargs) -> None:
    """Receiver of `salesdesk.customers.signals.customer_due` (connected in apps.py)."""
    account_send_enqueue(customer_id=customer_id)


def account_send_enqueue(*, customer_id: int, at: datetime | None = None) -> None:
    """Enqueue `send_account`; deferred to `at` when the backend can, else left to the sweep."""
    if at is not None and at > timezone.now():
        if send_account.get_backend().supports_defer:
            send_account.using(run_after=at).enqueue(customer_id)
        return
    send_account.enqueue(customer_id)


@task()
def account_outbox_sweep() -> int:
    """Enqueue a send for every due new customer of a company whose connection is usable."""
    return account_sweep()


def account_sweep(*, now: datetime | None = None) -> int:
    """The sweep's work: returns how many sends were enqueued. Also releases orders parked
    for a customer that is in Exact by now (a race with the account's own release)."""
    now = now or timezone.now()
    due = account_due_ids(now=now, company_ids=_ready_company_ids(), limit=1000)
    for customer_id in due:
        account_send_enqueue(customer_id=customer_id)
    outbox_release_customers_in_exact(now=now)
    return len(due)


def account_drain(
    *,
    company: Company,
    connect: Connect,
    clock: Callable[[], datetime] = timezone.now,
    sleep: Callable[[float], object],
) -> int:
    """Send every queued new customer of the company in this process; returns the attempts.

    For tests and a one-off catch-up; waits (through `sleep`) until the next one is due."""
    attempts = 0
    while True:
        due = account_due_ids(now=clock(), company_ids=[company.pk])
        for customer_id in due:
            attempts += (
                account_send(customer_id=customer_id, connect=connect, clock=clock) is not None
            )
        if due:
            continue
        next_at = account_next_due_at(company_id=company.pk)
        if next_at is None:
            return attempts
        sleep(max(0.0, (next_at - clock()).total_seconds()) + 0.001)


def _connect(company: Company):
    return exact_client_for(company=company)
