"""What each entity reads from Exact, and how a page of it is stored.

A `Feed` is either incremental (a sync endpoint read from the stored Timestamp, spec §3.7)
or a listing (a normal endpoint read whole on every run: price lists and their periods
have no sync or bulk endpoint, and there are few of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exact_client import ExactClient, Page
from salesdesk.catalog import services as catalog
from salesdesk.customers import services as customers
from salesdesk.integration.mapping import records
from salesdesk.integration.sync.models import SyncEntity
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.tenants.models import Company

Rows = Sequence[dict[str, Any]]
Store = Callable[[Company, Rows], PageCounts]


@dataclass(frozen=True)
class Feed:
    name: str  # the cursor's name
    resource: str  # the ExactClient attribute (`items`, `accounts`, ...)
    store: Store  # takes a page's rows, or what `shape` made of them
    fields: tuple[str, ...] | None = None  # the narrow `$select`; None: the client's default
    incremental: bool = True
    counted: bool = False  # ask for the total with the first page of a first run
    # Sync endpoints give no count: a `$filter` that matches every row of the normal
    # endpoint (Items and Accounts have mandatory filtering, spec §2.4) to count them.
    count_filter: str | None = None
    # For listings: deactivate what the full listing did not contain.
    sweep: Callable[[Company, set], int] | None = None
    # After a complete read from Timestamp 0: deactivate what was not seen since then.
    stale: Callable[[Company, datetime], int] | None = None
    # Incremental feeds: the mapping of a page's rows, made while the page before is stored
    # (in the fetching thread: it must not touch the database).
    shape: Callable[[Rows], Any] | None = None
    # A feed's own count, when `count_filter` cannot say it (another key, several endpoints).
    total: Callable[[ExactClient], int | None] | None = None


def feed_pages(feed: Feed, client: ExactClient, since: int) -> Iterator[Page]:
    """The pages of `feed` after the Timestamp `since` (listings: everything)."""
    resource = getattr(client, feed.resource)
    if not feed.incremental:
        return resource.list(select=feed.fields)
    # The engine stores every page it reads: the next page comes, and is mapped (`shape`),
    # while this one is stored.
    return resource.sync(since=since, select=feed.fields, ahead=True, shape=feed.shape)


def feed_total(feed: Feed, client: ExactClient) -> int | None:
    """The number of records of `feed`, in one call to the normal endpoint; None if unknown."""
    if feed.total is not None:
        return feed.total(client)
    if feed.count_filter is None:
        return None
    resource = getattr(client, feed.resource)
    pages = resource.list(select=records.ID_ONLY, filter=feed.count_filter, top=1, inlinecount=True)
    return next(iter(pages)).count


def _upserted(result: catalog.UpsertResult, rows: int, skipped: int = 0) -> PageCounts:
    return PageCounts(rows=rows, created=result.created, updated=result.updated, skipped=skipped)


def _items_mapped(rows: Rows) -> list[dict[str, Any]]:
    return [records.item_from_exact(row) for row in rows]


def _customers_mapped(rows: Rows) -> list[dict[str, Any]]:
    return [records.customer_from_exact(row) for row in rows]


def _store_items(company: Company, mapped: Rows) -> PageCounts:
    return _upserted(catalog.item_upsert_many(company=company, rows=mapped), len(mapped))


def _store_customers(company: Company, mapped: Rows) -> PageCounts:
    return _upserted(customers.customer_upsert_many(company=company, rows=mapped), len(mapped))


def _store_price_lists(company: Company, rows: Rows) -> PageCounts:
    mapped = [records.price_list_from_exact(row) for row in rows]
    return _upserted(catalog.price_list_upsert_many(company=company, rows=mapped), len(rows))


def _store_periods(company: Company, rows: Rows) -> PageCounts:
    mapped = [records.period_from_exact(row) for row in rows]
    result = catalog.price_list_period_upsert_many(company=company, rows=mapped)
    stored = result.created + result.updated
    return _upserted(result, len(rows), skipped=len(rows) - stored)


def _store_volume_discounts(company: Company, rows: Rows) -> PageCounts:
    mapped = [records.volume_discount_from_exact(row) for row in rows]
    result, skipped = catalog.volume_discount_upsert_many(company=company, rows=mapped)
    return _upserted(result, len(rows), skipped)


def _store_item_prices(company: Company, rows: Rows) -> PageCounts:
    mapped = [records.item_price_from_exact(row) for row in rows]
    result, skipped = catalog.item_price_upsert_many(company=company, rows=mapped)
    return _upserted(result, len(rows), skipped)


_DEACTIVATE = {
    "item": catalog.item_deactivate_many,
    "customer": customers.customer_deactivate_many,
    "item_price": catalog.item_price_deactivate_many,
    "volume_discount": catalog.volume_discount_deactivate_many,
}


# sync/Deleted's EntityTypes of these records and their handlers (read in sync/deletions.py).
RECORD_DELETIONS = {
    entity_type: _DEACTIVATE[kind] for entity_type, kind in records.DELETED_KINDS.items()
}


ITEMS = Feed(
    name="items",
    resource="items",
    fields=records.ITEM_FIELDS,
    shape=_items_mapped,
    store=_store_items,
    counted=True,
    count_filter=records.EVERY_RECORD,
    stale=lambda company, since: catalog.item_deactivate_unseen(company=company, since=since),
)
CUSTOMERS = Feed(
    name="customers",
    resource="accounts",
    fields=records.ACCOUNT_FIELDS,
    shape=_customers_mapped,
    store=_store_customers,
    counted=True,
    count_filter=records.EVERY_RECORD,
    stale=lambda company, since: customers.customer_deactivate_unseen(company=company, since=since),
)
PRICE_LISTS = Feed(
    name="price_lists",
    resource="price_lists",
    fields=records.PRICE_LIST_FIELDS,
    store=_store_price_lists,
    incremental=False,
    sweep=lambda company, seen: catalog.price_list_deactivate_unseen(company=company, seen=seen),
)
PERIODS = Feed(
    name="price_list_periods",
    resource="price_list_periods",
    fields=records.PERIOD_FIELDS,
    store=_store_periods,
    incremental=False,
    sweep=lambda company, seen: catalog.price_list_period_deactivate_unseen(
        company=company, seen=seen
    ),
)
VOLUME_DISCOUNTS = Feed(
    name="volume_discounts",
    resource="volume_discounts",
    fields=records.VOLUME_DISCOUNT_FIELDS,
    store=_store_volume_discounts,
    counted=True,
)
ITEM_PRICES = Feed(
    name="item_prices",
    resource="item_prices",
    fields=records.ITEM_PRICE_FIELDS,
    store=_store_item_prices,
    counted=True,
)

# The feeds of each entity, in order: lists before periods before their lines (each
# looks up its parent). Deletions come from one shared read (sync/deletions.py).
ENTITY_FEEDS: dict[str, tuple[Feed, ...]] = {
    SyncEntity.ITEMS: (ITEMS,),
    SyncEntity.CUSTOMERS: (CUSTOMERS,),
    SyncEntity.PRICES: (PRICE_LISTS, PERIODS, VOLUME_DISCOUNTS, ITEM_PRICES),
}
