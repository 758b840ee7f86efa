"""Customers that Exact gives another account manager: what the reps' devices must learn.

The delta feed sends a rep what is in their reach now (customers/reach.py, api/feed.py), in
row_version order after the device's cursor. A move breaks that twice:
- the old manager's rep stops receiving the customer but keeps it: a `ReachMove` row tells
  their device to remove it (the feed's `departures`);
- the new manager's rep receives the customer (its row has a new version) but not what
  hangs off it (prices, addresses, contacts, Exact's history, orders), whose versions their
  cursor passed long ago: those rows get the move's version, so every feed sends them again.
A move is rare (an account changes hands), so writing its dependants again costs little.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from salesdesk.catalog.models import ItemPrice
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.customers.reach_move_models import ReachMove
from salesdesk.customers.signals import customers_moved
from salesdesk.history.models import (
    OpenItem,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
)
from salesdesk.tenants.models import Company

Moved = dict[int, tuple[uuid.UUID, uuid.UUID | None]]  # pk -> (exact_id, manager before)
_BY_CUSTOMER = (Address, Contact, SalesOrder, SalesInvoice, SalesInvoiceLine, OpenItem)


def customers_moving(*, company: Company, rows: Sequence[dict[str, Any]]) -> Moved:
    """The stored customers among `rows` whose account manager the rows change; read before
    the upsert writes them. Rows without the field leave the manager as it is."""
    managers = {
        r["exact_id"]: r["account_manager_exact_id"]
        for r in rows
        if "account_manager_exact_id" in r
    }
    if not managers:
        return {}
    stored = Customer.objects.filter(company=company, exact_id__in=list(managers)).values_list(
        "pk", "exact_id", "account_manager_exact_id"
    )
    return {
        pk: (exact_id, before) for pk, exact_id, before in stored if managers[exact_id] != before
    }


def customers_moved_record(*, company: Company, moved: Moved) -> int:
    """After the upsert, in its transaction: a `ReachMove` for every customer that left a
    manager, and its dependants stamped with the customer's new version. Returns the moves."""
    if not moved:
        return 0
    versions = dict(
        Customer.objects.filter(company=company, pk__in=list(moved)).values_list(
            "pk", "row_version"
        )
    )
    ReachMove.objects.bulk_create(
        ReachMove(
            company=company,
            customer_id=pk,
            from_manager_exact_id=before,
            row_version=versions[pk],
        )
        for pk, (_, before) in moved.items()
        if before is not None
    )
    version = max(versions.values())
    exact_ids = [exact_id for exact_id, _ in moved.values()]
    _dependants_touch(company, pks=list(moved), exact_ids=exact_ids, version=version)
    customers_moved.send(
        sender=Customer, company=company, customer_ids=list(moved), version=version
    )
    return sum(1 for _, before in moved.values() if before is not None)


def _dependants_touch(company: Company, *, pks: list[int], exact_ids: list, version: int) -> None:
    ItemPrice.objects.filter(company=company, customer_id__in=pks).update(row_version=version)
    for model in _BY_CUSTOMER:
        model.objects.filter(company=company, customer_exact_id__in=exact_ids).update(
            row_version=version
        )
    orders = SalesOrder.objects.filter(company=company, customer_exact_id__in=exact_ids)
    SalesOrderLine.objects.filter(
        company=company, order_exact_id__in=orders.values("order_exact_id")
    ).update(row_version=version)


def customer_left_reach(
    *, company: Company, exact_id: uuid.UUID, manager: uuid.UUID | None
) -> bool:
    """Whether the customer was once `manager`'s and Exact gave it to someone else: an order
    taken on a device before it learnt so is refused with that reason, not as unknown."""
    if manager is None:
        return False
    return ReachMove.objects.filter(
        company=company, customer__exact_id=exact_id, from_manager_exact_id=manager
    ).exists()
