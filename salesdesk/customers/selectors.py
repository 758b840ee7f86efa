"""Reads for Customer management; every function takes the company."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import QuerySet

from salesdesk.catalog.models import PriceList
from salesdesk.catalog.selectors import last_synced
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import (
    EVERYTHING,
    Reach,
    customers_within,
)
from salesdesk.lists.keyset import KeysetPage, PageRequest, keyset_page
from salesdesk.lists.text_search import TextIndex, prefix_range
from salesdesk.tenants.access import get_for_company_or_404

CUSTOMER_TEXT = TextIndex(
    "customers_customer", ("code_display", "name", "city", "email", "vat_number")
)
# Sort key in the URL -> field; every one has a (company, field) index.
CUSTOMER_SORTS = {
    "code": "code_display",
    "name": "name",
    "city": "city",
    "country": "country",
    "blocked": "blocked",
    "synced": "synced_at",
}


@dataclass(frozen=True)
class CustomerFilters:
    q: str = ""
    blocked: bool | None = None
    price_list_id: int | None = None
    country: str = ""


def customer_search(
    *, company, filters: CustomerFilters, reach: Reach = EVERYTHING
) -> QuerySet[Customer]:
    """The company's customers within `reach` matching a term (code, name, city, e-mail,
    VAT number)."""
    customers = customers_within(Customer.objects.filter(company=company), reach=reach)
    if filters.blocked is not None:
        customers = customers.filter(blocked=filters.blocked)
    if filters.price_list_id is not None:
        customers = customers.filter(price_list_id=filters.price_list_id)
    if filters.country:
        customers = customers.filter(country=filters.country)
    term = filters.q.strip()
    short = prefix_range("code_display", term) | prefix_range("name", term)
    return CUSTOMER_TEXT.filter(customers, term, fallback=short)


def customer_list(
    *, company, filters: CustomerFilters, page: PageRequest, reach: Reach = EVERYTHING
) -> KeysetPage:
    customers = customer_search(company=company, filters=filters, reach=reach)
    customers = customers.select_related("price_list")
    return keyset_page(customers, page)


def customer_get(*, company, exact_id: uuid.UUID, reach: Reach = EVERYTHING) -> Customer:
    """The company's customer by its Exact ID; 404 for another company's or one out of
    `reach`."""
    customers = customers_within(Customer.objects.select_related("price_list"), reach=reach)
    return get_for_company_or_404(customers, company=company, exact_id=exact_id)


def customer_created_get(*, company, pk: int, reach: Reach = EVERYTHING) -> Customer:
    """A customer created in Salesdesk, by primary key (it may have no Exact ID yet), with
    its account outbox; 404 for another company's, one out of `reach` or a synced one."""
    customers = Customer.objects.select_related("account_outbox").filter(created_in_salesdesk=True)
    return get_for_company_or_404(customers_within(customers, reach=reach), company=company, pk=pk)


def customer_countries(*, company) -> list[str]:
    """Country codes in use (a walk of the (company, country) index)."""
    codes = Customer.objects.filter(company=company).values_list("country", flat=True)
    return [code for code in codes.order_by("country").distinct() if code]


def customer_price_lists(*, company) -> list[PriceList]:
    return list(PriceList.objects.filter(company=company, active=True).order_by("code"))


def customer_last_synced(*, company) -> datetime.datetime | None:
    return last_synced(Customer.objects.filter(company=company))
