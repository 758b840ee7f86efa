"""Writes of the order header's lists: shipping methods and payment conditions, in bulk.

Exact has no sync feed for either (spec §9.1): the integration reads each list whole and
stores it with the moment it was read; what that complete read did not contain is gone
from Exact and is deactivated, never deleted (orders keep the value and label they chose).
Rows are dicts of our field names keyed by `exact_id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import models

from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.synced.deactivate import deactivate
from salesdesk.synced.upsert import UpsertResult, exact_upsert_many
from salesdesk.tenants.models import Company

Row = dict[str, Any]


def shipping_methods_upsert(
    *, company: Company, rows: Sequence[Row], synced_at: datetime
) -> UpsertResult:
    """Store a listing of shipping methods; `active` comes from Exact's own flag."""
    extra = {"synced_at": synced_at}
    return exact_upsert_many(ShippingMethod, company=company, rows=rows, extra=extra)


def shipping_methods_sweep(*, company: Company, seen_since: datetime) -> int:
    """Deactivate the methods the complete listing read at `seen_since` did not contain."""
    return deactivate(_unseen(ShippingMethod, company, seen_since), company=company)


def payment_conditions_upsert(
    *, company: Company, rows: Sequence[Row], synced_at: datetime
) -> UpsertResult:
    extra = {"synced_at": synced_at, "active": True}
    return exact_upsert_many(PaymentCondition, company=company, rows=rows, extra=extra)


def payment_conditions_sweep(*, company: Company, seen_since: datetime) -> int:
    """Deactivate the conditions the complete listing read at `seen_since` did not contain."""
    return deactivate(_unseen(PaymentCondition, company, seen_since), company=company)


def _unseen(model: type[models.Model], company: Company, seen_since: datetime):
    stale = model.objects.filter(company=company, active=True)
    return stale.filter(synced_at__lt=seen_since) | stale.filter(synced_at__isnull=True)
