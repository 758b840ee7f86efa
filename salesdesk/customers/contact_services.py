"""Writes of a customer's addresses and contact persons, from their Exact sync feeds, in bulk.

Rows are dicts of our field names keyed by `exact_id` (keys: /work/notes/stock-domain.md).
Deleted in Exact means deactivated here: the reps' devices learn it through the delta feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from salesdesk.customers.contact_models import Address, Contact
from salesdesk.synced.deactivate import exact_deactivate_many
from salesdesk.synced.upsert import UpsertResult, exact_upsert_many
from salesdesk.tenants.models import Company

Row = dict[str, Any]


def addresses_upsert(*, company: Company, rows: Sequence[Row], synced_at: datetime) -> UpsertResult:
    extra = {"synced_at": synced_at, "active": True}
    return exact_upsert_many(Address, company=company, rows=rows, extra=extra)


def addresses_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(Address, company=company, exact_ids=exact_ids)


def contacts_upsert(*, company: Company, rows: Sequence[Row], synced_at: datetime) -> UpsertResult:
    extra = {"synced_at": synced_at, "active": True}
    return exact_upsert_many(Contact, company=company, rows=rows, extra=extra)


def contacts_delete(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(Contact, company=company, exact_ids=exact_ids)
