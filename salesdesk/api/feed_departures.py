"""The feed's `departures`: customers that left the member's reach (customers/reach_moves.py).

A rep whose Exact user was a customer's account manager gets one record when Exact gives the
customer to someone else; the device removes the customer with what hangs off it. Nobody
else gets any: administrators, and reps who see all customers, still see it. A customer that
came back meanwhile is in reach again and is not sent (its own row comes instead).
"""

from __future__ import annotations

from django.db.models import IntegerField, QuerySet, Value

from salesdesk.api.records import Record
from salesdesk.customers.models import Customer, ReachMove
from salesdesk.customers.reach import Reach, customers_within
from salesdesk.orders.models import Order
from salesdesk.tenants.models import Company


def departure_rows(company: Company, reach: Reach) -> QuerySet:
    # The rep rides along for `departure_records`, which the feed calls with the rows only.
    rep = Value(reach.rep_user_id, output_field=IntegerField())
    if reach.all_customers or reach.account_manager is None:
        return ReachMove.objects.none().annotate(rep_user_id=rep)
    within = customers_within(Customer.objects.filter(company=company), reach=reach)
    moves = ReachMove.objects.filter(company=company, from_manager_exact_id=reach.account_manager)
    return moves.exclude(customer__in=within).annotate(rep_user_id=rep)


def departure_records(queryset: QuerySet, *, pk_key: str | None = None) -> list[Record]:
    """`orders_kept`: the numbers of the customer's orders the rep took themselves, which
    stay theirs to see (customers/reach.py); the device removes its other orders."""
    rows = list(
        queryset.values_list(
            "pk", "customer_id", "customer__exact_id", "row_version", "rep_user_id", "company_id"
        )
    )
    if not rows:
        return []
    kept: dict[int, list[str]] = {}
    taken = Order.objects.filter(
        company_id=rows[0][5], customer_id__in={row[1] for row in rows}, created_by_id=rows[0][4]
    ).values_list("customer_id", "number")
    for customer_id, number in taken:
        kept.setdefault(customer_id, []).append(number)
    records = []
    for pk, customer_pk, exact_id, version, _, _ in rows:
        record = {"customer_id": exact_id, "version": version}
        record["orders_kept"] = sorted(kept.get(customer_pk, []))
        if pk_key is not None:
            record[pk_key] = pk
        records.append(record)
    return records
