"""The Exact users known as account managers of the company's customers (spec §9.4 "Reps"),
to link a sales rep to one on Administration > Users."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Count, Max

from salesdesk.customers.models import Customer


@dataclass(frozen=True)
class AccountManager:
    exact_id: uuid.UUID
    name: str
    customers: int


def account_manager_list(*, company) -> list[AccountManager]:
    """Every Exact user who manages one of the company's active customers, by name."""
    rows = (
        Customer.objects.filter(
            company=company, active=True, account_manager_exact_id__isnull=False
        )
        .values("account_manager_exact_id")
        .annotate(name=Max("account_manager_name"), customers=Count("pk"))
        .order_by()
    )
    managers = [
        AccountManager(row["account_manager_exact_id"], row["name"] or "", row["customers"])
        for row in rows
    ]
    return sorted(managers, key=lambda m: (m.name.casefold(), str(m.exact_id)))
