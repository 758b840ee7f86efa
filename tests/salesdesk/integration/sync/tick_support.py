"""One scheduled tick of a company, executed in the foreground against the sandbox."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from salesdesk.integration.models import SyncRun, SyncSchedule
from salesdesk.integration.sync.schedule import schedule_set, schedule_tick
from salesdesk.integration.sync.services import sync_execute
from tests.salesdesk.integration.sync.ledger_support import calls_by_path, sync_all
from tests.salesdesk.integration.sync.sync_support import client_for

DELETED = "sync/Deleted"
# What a schedule runs (the open items keep their own schedule): every one synced once first.
SCHEDULED = (
    "items", "customers", "prices", "stock", "sales-orders", "invoices", "addresses",
    "contacts", "quotations",
)  # fmt: skip


def synced_company(company, clock) -> None:
    """A company whose every scheduled entity has run once (its first, full read)."""
    sync_all(company, clock, SCHEDULED)


def tick(company, clock) -> list[SyncRun]:
    """Make `company`'s schedule due (others' not), start its tick, execute its runs in turn."""
    schedule_set(company=company, interval_minutes=SyncSchedule.MIN_MINUTES)
    later = timezone.now() + timedelta(days=1)
    SyncSchedule.objects.exclude(company=company).update(next_run_at=later)
    SyncSchedule.objects.filter(company=company).update(next_run_at=timezone.now())
    started = [run for run in schedule_tick() if run.company_id == company.pk]
    client = client_for(company, clock)
    return [
        sync_execute(run=run, client=client, clock=clock.now, sleep=clock.advance)
        for run in started
    ]


def deleted_reads(state) -> int:
    return calls_by_path(state).get(DELETED, 0)
