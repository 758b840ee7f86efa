"""Reads for the API tokens page and the API's lookups; every function takes the company."""

from __future__ import annotations

import uuid

from django.db.models import Case, QuerySet, When

from salesdesk.api.models import RepToken
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import (
    EVERYTHING,
    Reach,
    customers_within,
    orders_within,
    reach_for,
)
from salesdesk.orders.models import Order
from salesdesk.tenants.access import get_for_company_or_404
from salesdesk.tenants.models import Company, Membership


def rep_token_list(*, company: Company) -> QuerySet[RepToken]:
    """The company's tokens, live ones first, newest first."""
    tokens = RepToken.objects.filter(company=company).select_related("user")
    return tokens.order_by("revoked_at", "-created_at", "-pk")


def token_members(*, company: Company) -> QuerySet[Membership]:
    """Members who may be given a token: sales reps first, then by username."""
    members = Membership.objects.filter(company=company, is_active=True).select_related("user")
    is_rep = Case(When(role=Membership.Role.REP, then=0), default=1)
    return members.order_by(is_rep, "username")


def item_by_id(*, company: Company, exact_id: uuid.UUID) -> Item:
    """The company's item by its Exact ID; 404 for another company's."""
    return get_for_company_or_404(Item, company=company, exact_id=exact_id)


def items_by_ids(*, company: Company, exact_ids: set[uuid.UUID]) -> dict[uuid.UUID, Item]:
    items = Item.objects.filter(company=company, exact_id__in=exact_ids)
    return {item.exact_id: item for item in items}


def member_reach(*, company: Company, user) -> Reach:
    """What the token's member may see (the token is only live while they are a member)."""
    membership = Membership.objects.select_related("company").get(company=company, user=user)
    return reach_for(membership=membership)


def customer_by_id(
    *, company: Company, exact_id: uuid.UUID, reach: Reach = EVERYTHING
) -> Customer | None:
    customers = Customer.objects.filter(company=company, exact_id=exact_id)
    return customers_within(customers, reach=reach).select_related("price_list").first()


def new_customer_by_id(*, company: Company, pk: int, reach: Reach = EVERYTHING) -> Customer | None:
    """A customer created in Salesdesk, by its Salesdesk id, whether Exact has it yet or not."""
    customers = Customer.objects.filter(company=company, pk=pk, created_in_salesdesk=True)
    return customers_within(customers, reach=reach).select_related("price_list").first()


def customer_get(*, company: Company, exact_id: uuid.UUID, reach: Reach = EVERYTHING) -> Customer:
    """The company's customer by its Exact ID; 404 for another company's or one out of
    `reach`."""
    customers = customers_within(Customer.objects.select_related("price_list"), reach=reach)
    return get_for_company_or_404(customers, company=company, exact_id=exact_id)


def rep_orders(*, company: Company, reach: Reach) -> QuerySet[Order]:
    """The orders the member sees: a rep, their customers' and those they took."""
    orders = orders_within(Order.objects.filter(company=company), reach=reach)
    return orders.select_related("customer")


def rep_order_get(*, company: Company, reach: Reach, number: str) -> Order:
    """One of the member's orders by its number; 404 for anyone else's."""
    return get_for_company_or_404(
        rep_orders(company=company, reach=reach), company=company, number=number
    )
