"""Runs whose worker died are restarted by the scheduler, not left for the next click.

A killed worker leaves its run active with a heartbeat that stops moving. The scheduler
(any copy of it) closes such runs as interrupted and starts a fresh incremental run of
the same entity; the cursor, advanced only past stored pages, makes it resume where the
dead one stopped, so at most one page is fetched again.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models.functions import Coalesce
from django.utils import timezone

from salesdesk.integration.sync.models import SyncRun
from salesdesk.integration.sync.runs import INTERRUPTED, STALE_AFTER
from salesdesk.integration.sync.services import sync_request
from salesdesk.tenants.models import Company


def sync_runs_revive(*, now: datetime | None = None) -> list[SyncRun]:
    """Restart every (company, entity) whose active run has shown no life for STALE_AFTER."""
    limit = (now or timezone.now()) - STALE_AFTER
    stale = (
        SyncRun.objects.alias(alive=Coalesce("heartbeat_at", "started_at", "queued_at"))
        .filter(status__in=SyncRun.ACTIVE, alive__lt=limit)
        .values_list("company_id", "entity")
        .distinct()
    )
    # sync_request closes the stale run first.
    return _request_again(list(stale))


def sync_runs_restart_orphans() -> list[SyncRun]:
    """Close every running run as interrupted and start it again, at once.

    Only for a start where no worker can be alive yet: `salesdesk demo` starts every
    worker itself, so a run still marked running belongs to a worker of an earlier
    session. (Queued runs stay: their tasks are still in the queue.)
    """
    orphans = SyncRun.objects.filter(status=SyncRun.Status.RUNNING)
    pairs = list(orphans.values_list("company_id", "entity").distinct())
    orphans.update(status=SyncRun.Status.FAILED, error=INTERRUPTED, finished_at=timezone.now())
    return _request_again(pairs)


def _request_again(pairs: list[tuple[int, str]]) -> list[SyncRun]:
    companies = Company.objects.in_bulk({company_id for company_id, _ in pairs})
    restarted = []
    for company_id, entity in pairs:
        # The unique active-run rule lets one caller win when several try at once.
        run, created = sync_request(
            company=companies[company_id], entity=entity, trigger=SyncRun.Trigger.SCHEDULE
        )
        if created:
            restarted.append(run)
    return restarted
