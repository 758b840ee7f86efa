"""A sync reads each next page, and maps it, while it stores the page before; the database
is only ever used from the run's own thread (its connections belong to one thread)."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper

from exact_sandbox.config import SandboxConfig
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.integration.mapping import records
from salesdesk.integration.models import SyncRun
from tests.salesdesk.factories import make_company
from tests.salesdesk.integration.sync.sync_support import connected_company, division_of, run_sync

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_config():
    return SandboxConfig(items=2500, customers=1200)


def _noting_threads(monkeypatch, owner, name: str) -> set[str]:
    seen: set[str] = set()
    real = getattr(owner, name)

    def noted(*args, **kwargs):
        seen.add(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, noted)
    return seen


def test_pages_are_mapped_ahead_and_the_database_stays_in_the_runs_thread(
    live_sandbox, sandbox_state, sandbox_clock, monkeypatch
):
    company = connected_company(live_sandbox, sandbox_clock)
    other = make_company()
    database_used_in = _noting_threads(monkeypatch, BaseDatabaseWrapper, "cursor")
    items_mapped_in = _noting_threads(monkeypatch, records, "item_from_exact")
    customers_mapped_in = _noting_threads(monkeypatch, records, "customer_from_exact")

    items = run_sync(company, "items", sandbox_clock)
    customers = run_sync(company, "customers", sandbox_clock)

    assert items.status == customers.status == SyncRun.Status.SUCCEEDED
    division = division_of(sandbox_state)
    stored = set(Item.objects.filter(company=company).values_list("exact_id", flat=True))
    assert stored == {uuid.UUID(key) for key in division.items.rows}
    assert Customer.objects.filter(company=company).count() == len(division.accounts)
    assert items.done == items.total == 2500 and customers.done == 1200
    assert database_used_in == {threading.current_thread().name}
    assert "exact-get-ahead" in items_mapped_in & customers_mapped_in
    assert not Item.objects.filter(company=other).exists()
