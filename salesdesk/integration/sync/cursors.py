"""Per-company, per-feed sync cursors: the highest Exact `Timestamp` stored so far."""

from __future__ import annotations

from collections.abc import Iterable

from salesdesk.integration.sync.models import SyncCursor
from salesdesk.tenants.models import Company


def cursor_get(*, company: Company, feed: str) -> int:
    """The stored Timestamp of `feed` (0: nothing stored yet, start from the beginning)."""
    row = SyncCursor.objects.filter(company=company, feed=feed).values_list("timestamp").first()
    return row[0] if row else 0


def cursor_known(*, company: Company, feed: str) -> bool:
    """Whether `feed` was ever read to its end (its cursor exists, even at 0 for no rows)."""
    return SyncCursor.objects.filter(company=company, feed=feed).exists()


def cursor_advance(*, company: Company, feed: str, timestamp: int) -> None:
    """Move the cursor forward to `timestamp`, never back (Timestamps are compared as numbers).

    Call it inside the transaction that stored the page the timestamp came from.
    """
    cursor, _ = SyncCursor.objects.get_or_create(company=company, feed=feed)
    SyncCursor.objects.filter(pk=cursor.pk, timestamp__lt=timestamp).update(timestamp=timestamp)


def cursor_reset(*, company: Company, feeds: Iterable[str]) -> None:
    """Forget the cursors of `feeds`: the next pass reads everything again (a full sync)."""
    SyncCursor.objects.filter(company=company, feed__in=list(feeds)).update(timestamp=0)
