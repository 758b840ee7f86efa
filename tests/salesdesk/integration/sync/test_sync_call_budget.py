"""Exact's daily budget against the schedule: the calls of one tick with nothing changed,
and what that makes a day at the schedule's shortest interval."""

from __future__ import annotations

import pytest

from exact_sandbox.config import SandboxConfig
from salesdesk.integration.models import SyncRun
from salesdesk.integration.sync.call_budget import (
    DAILY_LIMIT,
    company_day_limit,
    schedule_cost,
    tick_idle_calls,
    tick_measured_calls,
)
from tests.salesdesk.factories import make_company
from tests.salesdesk.integration.sync.ledger_support import calls_by_path
from tests.salesdesk.integration.sync.sync_support import connected_company
from tests.salesdesk.integration.sync.tick_support import (
    SCHEDULED,
    deleted_reads,
    synced_company,
    tick,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Measured on main before the shared read: 35 calls, 9 of them sync/Deleted (one per entity),
# 7 more counting feeds that were empty on every tick.
IDLE_TICK_CALLS = 20


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=60, customers=20, daily_limit=9000)


def test_an_idle_tick_costs_one_call_per_feed_and_one_read_of_sync_deleted(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    before = calls_by_path(sandbox_state)

    runs = tick(company, sandbox_clock)

    assert sorted(run.entity for run in runs) == sorted(SCHEDULED)
    assert all(run.status == SyncRun.Status.SUCCEEDED for run in runs), [r.error for r in runs]
    after = calls_by_path(sandbox_state)
    used = {path: n - before.get(path, 0) for path, n in after.items() if n > before.get(path, 0)}
    assert sum(run.calls for run in runs) == sum(used.values()) == IDLE_TICK_CALLS
    assert used["sync/Deleted"] == 1
    assert set(used.values()) == {1}  # no endpoint twice, no count of an empty feed
    assert tick_idle_calls() == IDLE_TICK_CALLS
    # A second idle tick costs the same: nothing is left over from the first.
    reads = deleted_reads(sandbox_state)
    assert sum(run.calls for run in tick(company, sandbox_clock)) == IDLE_TICK_CALLS
    assert deleted_reads(sandbox_state) - reads == 1


def test_at_five_minutes_idle_ticks_alone_exceed_exacts_default_day():
    company = make_company()

    five = schedule_cost(company=company, interval_minutes=5)

    assert five.day_limit == DAILY_LIMIT == 5000
    assert five.ticks_per_day == 288
    assert five.calls_per_day == 288 * IDLE_TICK_CALLS + 24  # and the open items hourly
    assert five.too_many and five.shortest_minutes == 6
    six = schedule_cost(company=company, interval_minutes=6)
    assert not six.too_many and six.heavy  # 4,824 calls: 176 left for orders
    assert not schedule_cost(company=company, interval_minutes=15).heavy


def test_the_day_limit_is_the_one_exact_says_for_the_administration(
    live_sandbox, sandbox_state, sandbox_clock
):
    company = connected_company(live_sandbox, sandbox_clock)
    unconnected = make_company()
    synced_company(company, sandbox_clock)
    tick(company, sandbox_clock)  # Exact's answers carry X-RateLimit-Limit

    assert company_day_limit(company=company) == 9000
    assert company_day_limit(company=unconnected) == DAILY_LIMIT
    assert not schedule_cost(company=company, interval_minutes=5).too_many


def test_a_busy_companys_usual_tick_counts_not_one_first_read():
    company, other = make_company(), make_company()
    for calls in (60, 61, 400, 62, 5):  # one first read (400), one quiet tick (5)
        for entity in SCHEDULED:
            SyncRun.objects.create(
                company=company, entity=entity, trigger=SyncRun.Trigger.SCHEDULE,
                status=SyncRun.Status.SUCCEEDED, calls=calls,
            )  # fmt: skip
    SyncRun.objects.create(
        company=other, entity="items", trigger=SyncRun.Trigger.MANUAL,
        status=SyncRun.Status.SUCCEEDED, calls=900,
    )  # fmt: skip

    assert tick_measured_calls(company=company) == 61 * len(SCHEDULED)
    assert schedule_cost(company=company, interval_minutes=60).calls_per_tick == 61 * 9
    assert tick_measured_calls(company=other) is None  # a manual run is no tick
    assert schedule_cost(company=other, interval_minutes=60).calls_per_tick == IDLE_TICK_CALLS
