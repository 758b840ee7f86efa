"""Building blocks of the feeds that write through the domains' page services.

Stock, history and CRM services take a page of mapped rows with the moment it was read
(`*_upsert(company=, rows=, synced_at=)`), delete by Exact ID (`*_delete(company=,
exact_ids=)`) and, for what is read whole, sweep what a complete read did not see
(`*_sweep(company=, seen_since=)`). These helpers turn a mapping function and those
services into a `Feed`'s `shape`, `store` and `total`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils import timezone

from exact_client import ExactClient
from salesdesk.integration.sync.feeds import Rows, Store
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.tenants.models import Company

Row = dict[str, Any]
Mapper = Callable[[Row], Row]
Upsert = Callable[..., Any]  # (*, company, rows, synced_at) -> UpsertResult
Delete = Callable[..., int]  # (*, company, exact_ids) -> int: an EntityType's handler


@dataclass(frozen=True)
class Mapped:
    """A page's rows in our field names; `skipped` rows lacked a key the record needs."""

    rows: list[Row] = field(default_factory=list)
    skipped: int = 0


def mapped_page(mapper: Mapper, required: Sequence[str] = ("exact_id",)) -> Callable:
    """A `shape`: map every row, keep those with every `required` key present."""

    def shape(rows: Rows) -> Mapped:
        mapped = [mapper(row) for row in rows]
        kept = [row for row in mapped if all(row.get(key) is not None for key in required)]
        return Mapped(kept, len(mapped) - len(kept))

    return shape


def upserted(upsert: Upsert, company: Company, page: Mapped, synced_at=None) -> PageCounts:
    """Write one mapped page through `upsert` and count what it did."""
    created = updated = 0
    if page.rows:
        result = upsert(company=company, rows=page.rows, synced_at=synced_at or timezone.now())
        created, updated = result.created, result.updated
    rows = len(page.rows) + page.skipped
    return PageCounts(rows=rows, created=created, updated=updated, skipped=page.skipped)


def upsert_store(upsert: Upsert) -> Store:
    """The `store` of an incremental feed whose `shape` is a `mapped_page`."""
    return lambda company, page: upserted(upsert, company, page)


def listing_store(shape: Callable[[Rows], Mapped], upsert: Upsert, sweep: Callable) -> Store:
    """The `store` of a feed read whole (no sync variant, spec §9.1): upsert everything read,
    then deactivate what this complete read did not contain."""

    def store(company: Company, rows: Rows) -> PageCounts:
        read_at = timezone.now()
        counts = upserted(upsert, company, shape(rows), synced_at=read_at)
        gone = sweep(company=company, seen_since=read_at)
        return replace(counts, deactivated=gone)

    return store


def counted_by(*resources: str) -> Callable[[ExactClient], int | None]:
    """A `total`: the records of these normal endpoints, one call each (`$inlinecount`,
    `$top=1`, the key only); None when one of them gives no count."""

    def total(client: ExactClient) -> int | None:
        counts = [_count(getattr(client, name)) for name in resources]
        return None if None in counts else sum(counts)

    return total


def _count(resource) -> int | None:
    key = (resource.endpoint.key,)
    return next(iter(resource.list(select=key, top=1, inlinecount=True))).count
