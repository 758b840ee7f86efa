"""Starting sync runs (from a click, the schedule or the command line) and executing them."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction

from exact_client import ExactClient
from salesdesk.customers.services import customer_link_price_lists
from salesdesk.integration.connection.clients import ConnectionNotReady, exact_client_for
from salesdesk.integration.sync import alerts, runs
from salesdesk.integration.sync.cursors import cursor_reset
from salesdesk.integration.sync.engine import Progress, SyncEngine, SyncStopped, plain_error
from salesdesk.integration.sync.entities import ENTITY_FEEDS
from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.integration.sync.signals import sync_run_queued
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.sync")
RECORD_ENTITIES = (
    SyncEntity.ITEMS, SyncEntity.CUSTOMERS, SyncEntity.PRICES, SyncEntity.STOCK,
    SyncEntity.SALES_ORDERS, SyncEntity.INVOICES, SyncEntity.RECEIVABLES, SyncEntity.ADDRESSES,
    SyncEntity.CONTACTS, SyncEntity.QUOTATIONS,
)  # fmt: skip
# Read whole, one call, on a schedule of their own (sync/open_items_schedule.py).
OWN_SCHEDULE = frozenset({SyncEntity.RECEIVABLES})
# Runs nobody watches start: their failures go to the admins by e-mail.
UNATTENDED = frozenset({SyncRun.Trigger.SCHEDULE, SyncRun.Trigger.WEBHOOK})


def sync_request(
    *,
    company: Company,
    entity: str,
    trigger: str = SyncRun.Trigger.MANUAL,
    full: bool = False,
) -> tuple[SyncRun, bool]:
    """Start a background run of `entity` unless one is active: (run, started).

    The task is enqueued after commit, so the worker never sees an uncommitted run.
    """
    run, created = runs.sync_run_start(company=company, entity=entity, trigger=trigger, full=full)
    if created:
        transaction.on_commit(lambda: _enqueue(run))
    return run, created


def _enqueue(run: SyncRun) -> None:
    sync_run_queued.send(sender=SyncRun, run=run)


def sync_execute(
    *,
    run: SyncRun,
    client: ExactClient | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], Any] = time.sleep,
    on_progress: Callable[[Progress], None] | None = None,
) -> SyncRun:
    """Execute a queued run to its end and record the outcome; returns the finished run.

    `client` lets tests and the benchmark pass one bound to the sandbox; by default the
    company's connection builds it. Does nothing if another worker already took the run.
    """
    if not runs.sync_run_begin(run=run):
        return run
    company = run.company
    try:
        client = client or exact_client_for(company=company, clock=clock, sleep=sleep)
    except ConnectionNotReady as exc:
        return _finish(run, error=exc.message, needs_reauth=exc.needs_reauth)
    engine = SyncEngine(
        company=company, client=client, run=run, clock=clock, sleep=sleep, on_progress=on_progress
    )
    try:
        if run.full:
            cursor_reset(company=company, feeds=[f.name for f in ENTITY_FEEDS[run.entity]])
        engine.run_entity(run.entity)
        if run.entity in (SyncEntity.CUSTOMERS, SyncEntity.PRICES):
            customer_link_price_lists(company=company)
    except SyncStopped as exc:
        return _finish(run, error=exc.message, needs_reauth=exc.needs_reauth, calls=engine.calls)
    except Exception as exc:  # recorded for the admin, then raised for the worker's log
        _finish(run, error=f"Unexpected error: {plain_error(exc)}", calls=engine.calls)
        raise
    run = _finish(run, calls=engine.calls)
    if run.entity == SyncEntity.ITEMS:
        transaction.on_commit(lambda: sync_request(company=company, entity=SyncEntity.PICTURES))
    return run


def _finish(run: SyncRun, *, error: str = "", needs_reauth: bool = False, calls=None) -> SyncRun:
    runs.sync_run_finish(run=run, error=error, calls=calls)
    LOGGER.info(
        "sync run finished",
        extra={"run": run.pk, "entity": run.entity, "status": run.status, "calls": run.calls},
    )
    if error and (run.trigger in UNATTENDED or needs_reauth):
        alerts.alert_admins(company=run.company, reason=error, needs_reauth=needs_reauth)
    elif not error and run.trigger in UNATTENDED:
        alerts.alert_clear(company=run.company)
    return run
