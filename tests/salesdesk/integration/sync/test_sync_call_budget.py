"""Exact's daily budget against the schedule: the calls of one tick with nothing changed."""

from __future__ import annotations

import pytest

from salesdesk.integration.models import SyncRun
from tests.salesdesk.integration.sync.sync_support import connected_company
from tests.salesdesk.integration.sync.tick_support import deleted_reads, synced_company, tick

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_idle_tick_costs(live_sandbox, sandbox_state, sandbox_clock):
    company = connected_company(live_sandbox, sandbox_clock)
    synced_company(company, sandbox_clock)
    before = deleted_reads(sandbox_state)
    from tests.salesdesk.integration.sync.ledger_support import calls_by_path
    b = calls_by_path(sandbox_state)

    runs = tick(company, sandbox_clock)

    assert all(run.status == SyncRun.Status.SUCCEEDED for run in runs)
    calls = sum(run.calls for run in runs)
    print("IDLE", calls, deleted_reads(sandbox_state) - before, {r.entity: r.calls for r in runs})
    a = calls_by_path(sandbox_state)
    print({k: a[k]-b.get(k,0) for k in a if a[k]-b.get(k,0)})
    assert False
