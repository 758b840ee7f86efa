"""One read of sync/Deleted per company serves every entity (spec §2.1, §4.7, §9.3).

sync/Deleted carries the deletions of every entity type and takes no filter but Timestamp.
Read once per entity, a scheduled tick paid nine calls for what is mostly the same empty
page. One company cursor (`deleted`) reads it now, and each row goes to the delete handler
of its EntityType, whichever entity's run made the read.

A run reads it at its end (`deletions_needed` says whether), under a lease so that two
workers do not read it at once (the second waits, then usually finds it read).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from salesdesk.integration.mapping.deletions import deleted_entity
from salesdesk.integration.sync.crm_feeds import ADDRESS_DELETIONS, CONTACT_DELETIONS
from salesdesk.integration.sync.cursors import cursor_get
from salesdesk.integration.sync.feeds import RECORD_DELETIONS, Feed, Rows
from salesdesk.integration.sync.history_feeds import INVOICE_DELETIONS, SALES_ORDER_DELETIONS
from salesdesk.integration.sync.models import SharedDeletions, SyncEntity, SyncRun
from salesdesk.integration.sync.quotation_feeds import QUOTATION_DELETIONS
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.integration.sync.stock_feeds import STOCK_DELETIONS
from salesdesk.tenants.models import Company

# EntityType (spec §9.3) -> the service that deactivates those records by Exact ID.
HANDLERS: dict[int, Callable[..., int]] = {
    **RECORD_DELETIONS, **STOCK_DELETIONS, **SALES_ORDER_DELETIONS, **INVOICE_DELETIONS,
    **ADDRESS_DELETIONS, **CONTACT_DELETIONS, **QUOTATION_DELETIONS,
}  # fmt: skip
# The entities whose records Exact reports in sync/Deleted (the open items are read whole).
WITH_DELETIONS = frozenset(
    {SyncEntity.ITEMS, SyncEntity.CUSTOMERS, SyncEntity.PRICES, SyncEntity.STOCK,
     SyncEntity.SALES_ORDERS, SyncEntity.INVOICES, SyncEntity.ADDRESSES, SyncEntity.CONTACTS,
     SyncEntity.QUOTATIONS}
)  # fmt: skip
# Long enough for a read of many pages; every stored page extends it.
LEASE = timedelta(minutes=2)
LEASE_WAITS, LEASE_POLL_SECONDS = 30, 2.0


def _store(company: Company, rows: Rows) -> PageCounts:
    keys: dict[int, list[uuid.UUID]] = defaultdict(list)
    for entity_type, key in filter(None, map(deleted_entity, rows)):
        if entity_type in HANDLERS:
            keys[entity_type].append(key)
    gone = sum(HANDLERS[kind](company=company, exact_ids=ids) for kind, ids in keys.items())
    _lease_extend(company)
    return PageCounts(rows=0, deactivated=gone)


DELETIONS = Feed(name="deleted", resource="deleted", store=_store)


def deletions_cursor(*, company: Company) -> int:
    return cursor_get(company=company, feed=DELETIONS.name)


def deletions_needed(*, run: SyncRun, cursor_at_start: int) -> bool:
    """Whether `run` must read sync/Deleted itself before it ends.

    No when a read to the end began after the run was queued (it saw every deletion made
    before the run was asked for: the other runs of the same tick, a click during a tick)
    and the cursor has not moved since the run began. The second condition is for a page
    fetched just before Exact deleted one of its records and stored after another run
    applied that deletion: the upsert revived the record, so the run re-reads from
    `cursor_at_start` and deactivates it again.
    """
    if run.full:
        return True
    shared = SharedDeletions.objects.filter(company=run.company).first()
    fresh = shared is not None and shared.read_at is not None and shared.read_at >= run.queued_at
    return not fresh or deletions_cursor(company=run.company) != cursor_at_start


def deletions_read_done(*, company: Company, began_at: datetime) -> None:
    """Record a read that went to the end (only a later one replaces it)."""
    shared = _shared(company)
    later = Q(read_at__isnull=True) | Q(read_at__lt=began_at)
    SharedDeletions.objects.filter(Q(pk=shared.pk) & later).update(read_at=began_at)


def deletions_lease_take(*, company: Company, owner: str) -> bool:
    """Take the company's read lease if it is free or expired; True if `owner` has it now."""
    now = timezone.now()
    shared = _shared(company)
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now) | Q(lease_owner=owner)
    taken = SharedDeletions.objects.filter(Q(pk=shared.pk) & free).update(
        lease_until=now + LEASE, lease_owner=owner
    )
    return bool(taken)


def deletions_lease_release(*, company: Company, owner: str) -> None:
    SharedDeletions.objects.filter(company=company, lease_owner=owner).update(
        lease_until=None, lease_owner=""
    )


def _lease_extend(company: Company) -> None:
    SharedDeletions.objects.filter(company=company, lease_until__isnull=False).update(
        lease_until=timezone.now() + LEASE
    )


def _shared(company: Company) -> SharedDeletions:
    shared, _ = SharedDeletions.objects.get_or_create(company=company)
    return shared


def deletions_catch_up(
    *, run: SyncRun, cursor_at_start: int, read: Callable[[int], None], sleep: Callable
) -> bool:
    """At the end of `run`: read sync/Deleted through `read(since)` unless a read already
    covers the run (`deletions_needed`); True if it read. A full run reads from 0."""
    if run.entity not in WITH_DELETIONS or not deletions_needed(
        run=run, cursor_at_start=cursor_at_start
    ):
        return False
    company, owner = run.company, f"run-{run.pk}"
    held = _lease_wait(company, owner, sleep)
    try:
        if held and not deletions_needed(run=run, cursor_at_start=cursor_at_start):
            return False  # the worker we waited for read it
        began_at = timezone.now()
        read(0 if run.full else cursor_at_start)
        deletions_read_done(company=company, began_at=began_at)
        return True
    finally:
        if held:
            deletions_lease_release(company=company, owner=owner)


def _lease_wait(company: Company, owner: str, sleep: Callable) -> bool:
    """Wait for the lease a while; past that, read without it (a second read costs a call,
    never a deletion)."""
    for _ in range(LEASE_WAITS):
        if deletions_lease_take(company=company, owner=owner):
            return True
        sleep(LEASE_POLL_SECONDS)
    return False
