"""Runs through the Tasks API, the schedule, and the once-per-incident e-mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from exact_client import Budget
from exact_client.rate_gate import gate_key
from exact_sandbox.clock import SandboxClock
from salesdesk.integration.models import ExactConnection, SyncRun, SyncSchedule
from salesdesk.integration.rate_budget.stores import default_budget_storage
from salesdesk.integration.sync.alerts import alert_clear
from salesdesk.integration.sync.schedule import schedule_get, schedule_set, schedule_tick
from salesdesk.integration.sync.services import sync_request
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.integration.sync.sync_support import (
    DUMMY_TASKS,
    IMMEDIATE_TASKS,
    connected_company,
)

IMMEDIATE, DUMMY = IMMEDIATE_TASKS, DUMMY_TASKS
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # real time: tasks build their client on the wall clock


@override_settings(TASKS=IMMEDIATE)
def test_a_requested_run_executes_as_a_task_after_commit(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.config.minutely_limit = 100_000
    run, started = sync_request(company=company, entity="customers")
    assert started
    run.refresh_from_db()
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert company.customers.count() == len(sandbox_state.divisions[100001].accounts)


@override_settings(TASKS=DUMMY)
def test_the_schedule_starts_each_due_company_once():
    due, later, unconnected = make_company(), make_company(), make_company()
    for company in (due, later):
        ExactConnection.objects.create(company=company, state=ExactConnection.State.CONNECTED)
    schedule_set(company=due, interval_minutes=5)
    schedule_set(company=later, interval_minutes=60)
    SyncSchedule.objects.filter(company=due).update(next_run_at=timezone.now())
    schedule_set(company=unconnected, interval_minutes=5)
    SyncSchedule.objects.filter(company=unconnected).update(next_run_at=timezone.now())

    started = schedule_tick()
    # Every incremental feed; the open items keep their own schedule (open_items_schedule).
    assert {(r.company_id, r.entity) for r in started} == {
        (due.pk, entity) for entity in ("items", "customers", "prices", "stock", "sales-orders",
                                        "invoices", "addresses", "contacts", "quotations")
    }  # fmt: skip
    assert all(r.trigger == SyncRun.Trigger.SCHEDULE for r in started)
    assert schedule_tick() == []  # the next run moved 5 minutes on
    next_run = schedule_get(company=due).next_run_at
    assert timedelta(minutes=4) < next_run - timezone.now() <= timedelta(minutes=5)


@override_settings(TASKS=IMMEDIATE, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_scheduled_failures_mail_the_admins_once_per_incident():
    company, other = make_company(), make_company()
    admin = make_user(company=company)
    make_user(company=company, role="user")
    make_user(company=other)
    ExactConnection.objects.create(
        company=company, state=ExactConnection.State.NEEDS_REAUTH, base_url="http://x", division=1
    )
    _run_scheduled(company)
    _run_scheduled(company)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [admin.email]
    assert "re-authorization" in message.subject
    assert f"/{company.slug}/settings/connector" in message.body

    alert_clear(company=company)  # what a succeeding scheduled run does
    _run_scheduled(company)
    assert len(mail.outbox) == 2


def _run_scheduled(company) -> None:
    for entity in ("items", "customers"):
        sync_request(company=company, entity=entity, trigger=SyncRun.Trigger.SCHEDULE)
    failed = SyncRun.objects.filter(company=company, status=SyncRun.Status.FAILED)
    assert failed.exists()


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
@pytest.mark.parametrize(
    ("trigger", "mails"),
    [(SyncRun.Trigger.WEBHOOK, 1), (SyncRun.Trigger.SCHEDULE, 1), (SyncRun.Trigger.MANUAL, 0)],
)
def test_a_failed_run_nobody_watched_start_mails_the_admins(trigger, mails):
    from salesdesk.integration.sync import runs, services

    company, other = make_company(), make_company()
    make_user(company=company)
    make_user(company=other)
    run, _ = runs.sync_run_start(company=company, entity="items", trigger=trigger)
    services._finish(run, error="Exact Online answered 500: the server had a fault")
    assert len(mail.outbox) == mails
    assert all("500" in message.body for message in mail.outbox)


@override_settings(TASKS=DUMMY)
def test_a_tick_pauses_while_the_days_last_calls_are_kept_for_orders():
    low, plenty = make_company(), make_company()
    for company, division in ((low, 7), (plenty, 8)):
        ExactConnection.objects.create(
            company=company, state=ExactConnection.State.CONNECTED,
            base_url="https://start.exactonline.nl", division=division,
        )  # fmt: skip
        schedule_set(company=company, interval_minutes=5)
        SyncSchedule.objects.filter(company=company).update(next_run_at=timezone.now())
    reset = timezone.now().timestamp() + 3600  # Exact's day ends in an hour
    storage = default_budget_storage()
    for company, left in ((low, 499), (plenty, 500)):  # the reserve: 10% of 5,000
        storage.put(_key(company), Budget(None, None, left, reset))

    started = schedule_tick()

    assert {run.company_id for run in started} == {plenty.pk}
    assert schedule_get(company=low).next_run_at > timezone.now()  # it tries at the next tick
    storage.put(_key(low), Budget(None, None, 499, timezone.now().timestamp() - 1))  # new day
    SyncSchedule.objects.filter(company=low).update(next_run_at=timezone.now())
    assert {run.company_id for run in schedule_tick()} == {low.pk}


def _key(company) -> str:
    connection = ExactConnection.objects.get(company=company)
    return gate_key(connection.api_base_url, connection.division)
