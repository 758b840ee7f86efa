"""The record of sync runs, and the rule "one run per entity per company at a time".

The rule is a conditional unique constraint on SyncRun (company, entity) over the active
statuses: whichever insert commits first wins, in any process, and every other caller gets
the run that is already active. A run whose worker died (no heartbeat for STALE_AFTER) is
closed as interrupted so it stops blocking; its cursor makes the next run resume.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from salesdesk.integration.sync.models import SyncRun
from salesdesk.tenants.models import Company

STALE_AFTER = timedelta(minutes=10)
INTERRUPTED = "The run was interrupted (the worker stopped); the next run resumes where it ended."


@dataclass(frozen=True)
class PageCounts:
    """What storing one page did."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    skipped: int = 0


def sync_run_start(
    *,
    company: Company,
    entity: str,
    trigger: str = SyncRun.Trigger.MANUAL,
    full: bool = False,
) -> tuple[SyncRun, bool]:
    """A new queued run, or the active one: (run, created). Never two active at once."""
    sync_run_reap_stale(company=company, entity=entity)
    try:
        with transaction.atomic():
            run = SyncRun.objects.create(company=company, entity=entity, trigger=trigger, full=full)
            return run, True
    except IntegrityError:
        active = sync_run_active(company=company, entity=entity)
        if active is None:  # it finished between our insert and this read: try once more
            return sync_run_start(company=company, entity=entity, trigger=trigger, full=full)
        return active, False


def sync_run_active(*, company: Company, entity: str) -> SyncRun | None:
    return SyncRun.objects.filter(company=company, entity=entity, status__in=SyncRun.ACTIVE).first()


def sync_run_reap_stale(*, company: Company, entity: str) -> int:
    """Close active runs without a sign of life for STALE_AFTER as interrupted."""
    limit = timezone.now() - STALE_AFTER
    alive = Coalesce("heartbeat_at", "started_at", "queued_at")
    stale = SyncRun.objects.alias(alive=alive).filter(
        company=company, entity=entity, status__in=SyncRun.ACTIVE, alive__lt=limit
    )
    return stale.update(status=SyncRun.Status.FAILED, error=INTERRUPTED, finished_at=timezone.now())


def sync_run_begin(*, run: SyncRun) -> bool:
    """Mark a queued run running; False if another worker already took it (or it ended)."""
    now = timezone.now()
    taken = SyncRun.objects.filter(pk=run.pk, status=SyncRun.Status.QUEUED).update(
        status=SyncRun.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    if taken:
        run.refresh_from_db()
    return bool(taken)


def sync_run_record_page(*, run: SyncRun, counts: PageCounts, calls: int) -> None:
    """Add one stored page to the run's counts (call inside the page's transaction)."""
    SyncRun.objects.filter(pk=run.pk).update(
        done=F("done") + counts.rows,
        created=F("created") + counts.created,
        updated=F("updated") + counts.updated,
        deactivated=F("deactivated") + counts.deactivated,
        skipped=F("skipped") + counts.skipped,
        calls=calls,
        heartbeat_at=timezone.now(),
    )


def sync_run_note(*, run: SyncRun, total_add: int | None = None, calls: int | None = None) -> None:
    """Progress outside a page: a newly known total, calls used, a heartbeat."""
    changes: dict = {"heartbeat_at": timezone.now()}
    if total_add is not None:
        changes["total"] = Coalesce(F("total"), 0) + total_add
    if calls is not None:
        changes["calls"] = calls
    SyncRun.objects.filter(pk=run.pk).update(**changes)


def sync_run_finish(
    *, run: SyncRun, error: str = "", note: str = "", calls: int | None = None
) -> None:
    """Close the run: succeeded, or failed with `error` in plain words."""
    status = SyncRun.Status.FAILED if error else SyncRun.Status.SUCCEEDED
    changes = {"status": status, "error": error, "note": note, "finished_at": timezone.now()}
    if calls is not None:
        changes["calls"] = calls
    SyncRun.objects.filter(pk=run.pk, status__in=SyncRun.ACTIVE).update(**changes)
    run.refresh_from_db()
