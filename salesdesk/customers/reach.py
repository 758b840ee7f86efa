"""Which customers, and whose orders, a member of a company may see.

Administrators and office users see every customer and every order. A sales rep sees the
customers whose account manager in Exact (`crm/Accounts.AccountManager`, spec §9.4 "Reps")
is the rep's Exact user, as an administrator linked them on Administration > Users; or every
customer when the company's "All reps see all customers" is on. A rep's orders are those of
the customers they manage plus those they took themselves (the setting opens customers to
sell to, not colleagues' orders). A rep without an Exact user has no customers of their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from salesdesk.customers.models import Customer
from salesdesk.tenants.models import Membership


@dataclass(frozen=True)
class Reach:
    """What one member sees; `Reach()` is everything (administrators, office users)."""

    rep_user_id: int | None = None  # set for a sales rep: their orders are limited
    all_customers: bool = True
    account_manager: uuid.UUID | None = None  # the rep's Exact user

    @property
    def fingerprint(self) -> str:
        """Changes whenever what the member may see changes (the reps' feed restarts then)."""
        if self.rep_user_id is None:
            return "all"
        return f"{int(self.all_customers)}:{self.account_manager or ''}"


EVERYTHING = Reach()


def reach_for(*, membership: Membership) -> Reach:
    """The reach of a member (their company's setting included)."""
    if membership.role != Membership.Role.REP:
        return EVERYTHING
    return Reach(
        rep_user_id=membership.user_id,
        all_customers=membership.company.reps_see_all_customers,
        account_manager=membership.exact_user_id,
    )


def customers_within(rows: QuerySet[Customer], *, reach: Reach) -> QuerySet[Customer]:
    """`rows` narrowed to the customers the member may see."""
    if reach.all_customers:
        return rows
    if reach.account_manager is None:
        return rows.none()
    return rows.filter(account_manager_exact_id=reach.account_manager)


def orders_within(rows: QuerySet, *, reach: Reach) -> QuerySet:
    """Order rows (of `orders.Order`, whose app sits above this one) narrowed to the member's."""
    if reach.rep_user_id is None:
        return rows
    theirs = Q(created_by_id=reach.rep_user_id)
    if reach.account_manager is not None:
        theirs |= Q(customer__account_manager_exact_id=reach.account_manager)
    return rows.filter(theirs)


def customer_managed_by(customer: Customer, *, reach: Reach) -> bool:
    """Whether every order of `customer` is the member's to see."""
    if reach.rep_user_id is None:
        return True
    manager = reach.account_manager
    return manager is not None and customer.account_manager_exact_id == manager
