"""Crashes, rate limits, daily exhaustion and random faults during a sync."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from exact_sandbox.config import SandboxConfig
from salesdesk.catalog.models import Item
from salesdesk.integration.models import SyncCursor, SyncRun
from salesdesk.integration.sync import runs
from salesdesk.integration.sync.services import sync_execute
from tests.salesdesk.integration.sync.sync_support import (
    client_for,
    connected_company,
    division_of,
    run_sync,
)

pytestmark = pytest.mark.django_db(transaction=True)
ITEMS = 2500  # three sync pages of 1,000


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=ITEMS, customers=50)


class Killed(BaseException):
    """Stands in for the process dying between two pages."""


def _all_items(state) -> set[uuid.UUID]:
    return {uuid.UUID(key) for key in division_of(state).items.rows}


def _stored(company) -> list[uuid.UUID]:
    return list(Item.objects.filter(company=company).values_list("exact_id", flat=True))


def test_a_run_killed_between_pages_resumes_where_it_ended(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    run, _ = runs.sync_run_start(company=company, entity="items")

    def die_after_first_page(progress) -> None:
        if progress.done >= 1000:
            raise Killed

    with pytest.raises(Killed):
        sync_execute(
            run=run,
            client=client_for(company, sandbox_clock),
            clock=sandbox_clock.now,
            sleep=sandbox_clock.advance,
            on_progress=die_after_first_page,
        )
    assert len(_stored(company)) == 1000  # the first page was committed with its cursor
    first_page_cursor = SyncCursor.objects.get(company=company, feed="items").timestamp
    # The dead worker's run stays "running" until it is reaped as stale.
    long_ago = timezone.now() - runs.STALE_AFTER * 2
    SyncRun.objects.filter(pk=run.pk).update(heartbeat_at=long_ago, started_at=long_ago)

    resumed = run_sync(company, "items", sandbox_clock)
    assert resumed.status == SyncRun.Status.SUCCEEDED, resumed.error
    assert resumed.created == ITEMS - 1000 and resumed.updated == 0
    assert resumed.calls == 4  # two remaining pages + sync/Deleted + VAT codes: no page twice
    stored = _stored(company)
    assert len(stored) == len(set(stored)) == ITEMS
    assert set(stored) == _all_items(sandbox_state)
    assert SyncCursor.objects.get(company=company, feed="items").timestamp > first_page_cursor
    assert SyncRun.objects.get(pk=run.pk).status == SyncRun.Status.FAILED


def test_429s_wait_for_the_minute_reset_and_never_hot_loop(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    # More 429s in a row than the client waits through: the engine waits and resumes.
    sandbox_state.faults.add("429", "sync/Logistics/Items", count=6, skip=1)
    started_at = sandbox_clock.now()

    run = run_sync(company, "items", sandbox_clock)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert set(_stored(company)) == _all_items(sandbox_state)
    assert run.calls <= 4 + 6 + 2  # pages + one call per 429 + a couple of resumes
    assert sandbox_clock.now() - started_at >= 6 * 1  # it waited (on the sandbox clock)


def test_the_minute_limit_is_respected_without_429s(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.config.minutely_limit = 2
    run = run_sync(company, "items", sandbox_clock)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert set(_stored(company)) == _all_items(sandbox_state)
    assert not sandbox_state.stats.rate_limited


def test_daily_exhaustion_stops_cleanly_and_the_next_day_continues(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.config.daily_limit = 4  # VAT codes, the total, then two of the three pages

    stopped = run_sync(company, "items", sandbox_clock)
    assert stopped.status == SyncRun.Status.FAILED
    assert "daily limit" in stopped.error and "resets at" in stopped.error
    assert len(_stored(company)) == 2000  # what the day's budget paid for is kept

    sandbox_clock.advance(24 * 3600)
    sandbox_state.config.daily_limit = 5000
    resumed = run_sync(company, "items", sandbox_clock)
    assert resumed.status == SyncRun.Status.SUCCEEDED, resumed.error
    assert set(_stored(company)) == _all_items(sandbox_state)


def test_random_faults_end_with_exactly_the_sandbox_records(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    sandbox_state.config.fault_rate = 0.1
    for entity in ("items", "customers", "prices"):
        run = run_sync(company, entity, sandbox_clock)
        assert run.status == SyncRun.Status.SUCCEEDED, run.error
    sandbox_state.config.fault_rate = 0.0

    stored = _stored(company)
    assert len(stored) == len(set(stored))
    assert set(stored) == _all_items(sandbox_state)
    accounts = division_of(sandbox_state).accounts.rows
    assert company.customers.count() == len(accounts)


def test_a_refused_request_stops_the_run_with_exacts_words(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    client_id = next(iter(sandbox_state.apps))
    sandbox_state.set_scopes(client_id, ["Logistics items"])
    run = run_sync(company, "items", sandbox_clock)
    assert run.status == SyncRun.Status.FAILED
    assert "Application Scope Violated" in run.error  # Exact's words, kept
    assert run.error.startswith("Exact Online does not let Salesdesk's app read this data")
    assert "App Center" in run.error and "Authorize Salesdesk" in run.error  # how to fix it
