"""Syncs run by RQ worker processes on PostgreSQL: exact counts, one run at a time, and a
killed worker costing at most one page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from exact_sandbox.server import serve_in_thread
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.integration.models import SyncCursor, SyncRun
from salesdesk.integration.sync.services import sync_request
from tests.scale.support import Workers, connect_companies, scale_state, wait_for

pytestmark = pytest.mark.django_db(transaction=True)
ENTITIES = ("items", "customers")


@pytest.fixture
def sandbox():
    state = scale_state(2, items=2500, customers=1500, minutely_limit=100_000)
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    yield state, handle
    handle.stop()


def _finished(company, entity) -> bool:
    runs = SyncRun.objects.filter(company=company, entity=entity)
    return runs.exists() and not runs.filter(status__in=SyncRun.ACTIVE).exists()


def test_two_workers_sync_two_companies_exactly_once_each(sandbox):
    state, handle = sandbox
    companies = connect_companies(handle, state)
    for company in companies:
        for entity in ENTITIES:
            first, started = sync_request(company=company, entity=entity)
            again, started_again = sync_request(company=company, entity=entity)
            assert started and not started_again and again.pk == first.pk

    with Workers(2, "default"):
        assert wait_for(
            lambda: all(_finished(c, e) for c in companies for e in ENTITIES), timeout=180
        )

    for company, code in zip(companies, sorted(state.divisions), strict=True):
        division = state.divisions[code]
        runs = SyncRun.objects.filter(company=company, entity__in=ENTITIES)
        assert runs.count() == 2
        assert {r.status for r in runs} == {SyncRun.Status.SUCCEEDED}, [r.error for r in runs]
        assert Item.objects.filter(company=company).count() == len(division.items)
        assert Customer.objects.filter(company=company).count() == len(division.accounts)
        exact_ids = {row["ID"] for row in division.items}
        ours = {
            str(i) for i in Item.objects.filter(company=company).values_list("exact_id", flat=True)
        }
        assert ours == exact_ids  # no item of the other company leaked in


@pytest.fixture
def slow_sandbox():
    state = scale_state(1, items=9000, customers=10, minutely_limit=100_000, latency_ms=250)
    handle = serve_in_thread(state, host="127.0.0.1", port=0)
    yield state, handle
    handle.stop()


def test_a_killed_worker_loses_at_most_one_page_and_another_worker_resumes(slow_sandbox):
    state, handle = slow_sandbox
    [company] = connect_companies(handle, state)
    division = state.divisions[sorted(state.divisions)[0]]
    run, _ = sync_request(company=company, entity="items")

    workers = Workers(1, "default")
    try:
        assert wait_for(lambda: _done(run) >= 3000, timeout=120), "the run never got going"
        workers.kill(workers.procs[0])
        stored_before = Item.objects.filter(company=company).count()
        cursor_before = SyncCursor.objects.get(company=company, feed="items").timestamp
        # The run looks alive until its heartbeat is old; make it so instead of waiting 10 min.
        SyncRun.objects.filter(pk=run.pk).update(
            heartbeat_at=timezone.now() - timedelta(minutes=11)
        )
        resumed, started = sync_request(company=company, entity="items")
        assert started and resumed.pk != run.pk
        workers.start_one()
        assert wait_for(lambda: _finished(company, "items"), timeout=180)
    finally:
        workers.stop()

    run.refresh_from_db()
    resumed.refresh_from_db()
    assert run.status == SyncRun.Status.FAILED and "interrupted" in run.error
    assert resumed.status == SyncRun.Status.SUCCEEDED, resumed.error
    assert Item.objects.filter(company=company).count() == len(division.items)
    assert stored_before >= 3000 and cursor_before > 0
    # The second run started from the stored cursor: it re-read at most the page in flight.
    assert resumed.done <= len(division.items) - stored_before + 1000


def _done(run) -> int:
    return SyncRun.objects.filter(pk=run.pk).values_list("done", flat=True).first() or 0
