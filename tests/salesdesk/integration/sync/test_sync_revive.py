"""The scheduler restarts runs whose worker died (issue 8: "resumed or restarted by
another worker"), once, and leaves live runs alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from exact_sandbox.clock import SandboxClock
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.revive import sync_runs_revive
from salesdesk.integration.sync.runs import INTERRUPTED
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


def running_run(company, entity: str, *, silent_for: timedelta) -> SyncRun:
    run, created = runs.sync_run_start(company=company, entity=entity)
    assert created and runs.sync_run_begin(run=run)
    SyncRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - silent_for)
    return run


@override_settings(TASKS=IMMEDIATE)
def test_a_dead_workers_run_is_restarted_and_completes(live_sandbox, sandbox_state, sandbox_clock):
    sandbox_state.config.minutely_limit = 100_000
    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    dead = running_run(company, "customers", silent_for=timedelta(minutes=11))
    alive = running_run(other, "customers", silent_for=timedelta(minutes=1))

    [restarted] = sync_runs_revive()

    dead.refresh_from_db()
    restarted.refresh_from_db()
    assert (dead.status, dead.error) == (SyncRun.Status.FAILED, INTERRUPTED)
    assert restarted.company == company and restarted.trigger == SyncRun.Trigger.SCHEDULE
    assert restarted.status == SyncRun.Status.SUCCEEDED, restarted.error
    assert company.customers.count() == len(sandbox_state.divisions[100001].accounts)
    alive.refresh_from_db()
    assert alive.status == SyncRun.Status.RUNNING
    assert other.customers.count() == 0


@override_settings(TASKS=DUMMY)
def test_several_schedulers_restart_a_dead_run_once(live_sandbox, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    running_run(company, "items", silent_for=timedelta(minutes=30))

    first, second = sync_runs_revive(), sync_runs_revive()

    assert len(first) == 1 and second == []
    assert SyncRun.objects.filter(company=company, status__in=SyncRun.ACTIVE).count() == 1


@override_settings(TASKS=DUMMY)
def test_a_start_with_no_live_worker_restarts_every_running_run_at_once(
    live_sandbox, sandbox_clock
):
    from salesdesk.integration.sync.revive import sync_runs_restart_orphans

    company = connected_company(live_sandbox, sandbox_clock)
    other = connected_company(live_sandbox, sandbox_clock)
    cut_off = running_run(company, "pictures", silent_for=timedelta(seconds=5))
    queued, _ = runs.sync_run_start(company=other, entity="items")  # its task still waits

    [restarted] = sync_runs_restart_orphans()

    cut_off.refresh_from_db()
    queued.refresh_from_db()
    assert (cut_off.status, cut_off.error) == (SyncRun.Status.FAILED, INTERRUPTED)
    assert (restarted.company, restarted.entity) == (company, "pictures")
    assert restarted.status == SyncRun.Status.QUEUED
    assert queued.status == SyncRun.Status.QUEUED
    assert sync_runs_restart_orphans() == []  # nothing is running any more
