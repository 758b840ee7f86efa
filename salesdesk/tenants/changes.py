"""The per-company change sequence that the reps' delta feed pages on.

Every write of an Item, Customer, ItemPrice, VolumeDiscount or Order sets its
`row_version` to a number taken here, inside the writing transaction. The counter row is
updated first, so the writer holds its lock until commit: on PostgreSQL that serializes
writers per company (the UPDATE locks the row like SELECT ... FOR UPDATE), on SQLite the
database is written by one transaction at a time anyway (transaction_mode IMMEDIATE).
Either way numbers are handed out in commit order: once a reader sees version v, every
version below v is committed or was rolled back. A wall-clock cursor has no such
guarantee: a row stamped earlier may commit after a reader passed its time, and be missed.

Rows written in one statement may share a version: the feed pages on (row_version, id).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from salesdesk.tenants.models import ChangeCounter, Company


def versions_next(*, company: Company | int, count: int = 1) -> range:
    """Reserve `count` consecutive versions for the calling transaction.

    `company` is a Company or its pk. Call it inside the transaction that writes the rows
    (it opens one when there is none, which only suits a caller that writes nothing else).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    company_id = company if isinstance(company, int) else company.pk
    counters = ChangeCounter.objects.filter(company_id=company_id)
    with transaction.atomic():
        if not counters.update(last_version=F("last_version") + count):
            ChangeCounter.objects.bulk_create(
                [ChangeCounter(company_id=company_id)], ignore_conflicts=True
            )
            counters.update(last_version=F("last_version") + count)
        last = counters.values_list("last_version", flat=True).get()
    return range(last - count + 1, last + 1)


def version_next(*, company: Company | int) -> int:
    """One version for everything the calling transaction writes (a page, a status change)."""
    return versions_next(company=company, count=1)[0]


def version_latest(*, company: Company | int) -> int:
    """The last version handed out (0 before any): every version up to it is settled."""
    company_id = company if isinstance(company, int) else company.pk
    counters = ChangeCounter.objects.filter(company_id=company_id)
    return counters.values_list("last_version", flat=True).first() or 0
