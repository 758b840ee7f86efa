"""Writes to customers: bulk upserts from the Exact sync, deactivations, price-list links.

Customers are never hard-deleted: orders refer to them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from salesdesk.catalog.models import PriceList
from salesdesk.customers.account_match import account_matches
from salesdesk.customers.models import Customer
from salesdesk.customers.reach_moves import customers_moved_record, customers_moving
from salesdesk.customers.selectors import CUSTOMER_TEXT
from salesdesk.synced.deactivate import deactivate, exact_deactivate_many
from salesdesk.synced.upsert import UpsertResult, exact_upsert_many
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company


def customer_upsert_many(*, company: Company, rows: Sequence[dict[str, Any]]) -> UpsertResult:
    """Store customers from Exact, linking each to its price list when that list is stored.

    Rows carry `price_list_exact_id`; the link is kept as the Exact ID too, so
    `customer_link_price_lists` can complete it once the price lists arrive.
    """
    list_ids = {r["price_list_exact_id"] for r in rows} - {None}
    lists = dict(
        PriceList.objects.filter(company=company, exact_id__in=list_ids).values_list(
            "exact_id", "pk"
        )
    )
    ready = [{**r, "price_list_id": lists.get(r["price_list_exact_id"])} for r in rows]
    _pending_adopt(company, ready)
    extra = {"synced_at": timezone.now()}
    # A move and its record go together (reach_moves.py); no savepoint, as in the upsert.
    with transaction.atomic(savepoint=False):
        moved = customers_moving(company=company, rows=ready)
        result = exact_upsert_many(
            Customer, company=company, rows=ready, extra=extra, text=CUSTOMER_TEXT
        )
        customers_moved_record(company=company, moved=moved)
    return result


def _pending_adopt(company: Company, rows: Sequence[dict[str, Any]]) -> int:
    """Give a customer created here the Exact ID of its account when the sync sees that
    account first (the send's answer got lost), so the upsert updates that customer instead
    of adding a second one. One query per page when nothing waits."""
    pending = list(
        Customer.objects.filter(company=company, exact_id__isnull=True, created_in_salesdesk=True)
    )
    if not pending:
        return 0
    ids = [r["exact_id"] for r in rows]
    stored = set(
        Customer.objects.filter(company=company, exact_id__in=ids).values_list(
            "exact_id", flat=True
        )
    )
    adopted = 0
    for row in rows:
        if row["exact_id"] in stored:
            continue
        match = next((c for c in pending if account_matches(c, row)), None)
        if match is not None:
            pending.remove(match)
            adopted += Customer.objects.filter(pk=match.pk, exact_id__isnull=True).update(
                exact_id=row["exact_id"]
            )
    return adopted


def customer_deactivate_many(*, company: Company, exact_ids: Iterable[uuid.UUID]) -> int:
    return exact_deactivate_many(Customer, company=company, exact_ids=exact_ids)


def customer_deactivate_unseen(*, company: Company, since) -> int:
    """After a complete full sync: customers not seen since `since` are gone from Exact.

    Customers created here have no `synced_at` until the sync sees their account, so the
    comparison never sweeps one still on its way to Exact (NULL is not less than anything).
    """
    stale = Customer.objects.filter(company=company, active=True, synced_at__lt=since)
    return deactivate(stale, company=company)


def customer_link_price_lists(*, company: Company) -> int:
    """Point customers at the stored price list their Exact ID names; returns how many changed.

    Only customers whose link changes are written (and get a new change version).
    """
    target = PriceList.objects.filter(
        company=company, exact_id=OuterRef("price_list_exact_id")
    ).values("pk")[:1]
    customers = Customer.objects.filter(company=company).annotate(target=Subquery(target))
    stale = customers.filter(
        Q(target__isnull=False, price_list__isnull=True)
        | Q(target__isnull=True, price_list__isnull=False)
        | (Q(target__isnull=False) & ~Q(price_list_id=F("target")))
    )
    ids = list(stale.values_list("pk", flat=True))
    if not ids:
        return 0
    return Customer.objects.filter(pk__in=ids).update(
        price_list=Subquery(target), row_version=version_next(company=company)
    )


def customers_price_lists_shown_changed(
    sender, *, company: Company, pks: list[int], version: int, **kwargs
) -> int:
    """Receiver of catalog's `price_lists_shown_changed`: customers show their price list's
    code and description in the reps' feed, so they take the catalog write's version."""
    customers = Customer.objects.filter(company=company, price_list_id__in=pks)
    return customers.update(row_version=version)
