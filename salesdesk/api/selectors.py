"""Reads for the API tokens page and the API's lookups; every function takes the company."""

from __future__ import annotations

import uuid

from django.db.models import Case, QuerySet, When

from salesdesk.api.models import RepToken
from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
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


def customer_by_id(*, company: Company, exact_id: uuid.UUID) -> Customer | None:
    customers = Customer.objects.filter(company=company, exact_id=exact_id)
    return customers.select_related("price_list").first()


def customer_get(*, company: Company, exact_id: uuid.UUID) -> Customer:
    """The company's customer by its Exact ID; 404 for another company's."""
    customers = Customer.objects.select_related("price_list")
    return get_for_company_or_404(customers, company=company, exact_id=exact_id)


def rep_orders(*, company: Company, user) -> QuerySet[Order]:
    """The orders a rep took (through the API or the pages): a rep sees only their own."""
    return Order.objects.filter(company=company, created_by=user).select_related("customer")


def rep_order_get(*, company: Company, user, number: str) -> Order:
    """One of the rep's orders by its number; 404 for anyone else's."""
    return get_for_company_or_404(
        rep_orders(company=company, user=user), company=company, number=number
    )
