"""Customers with their addresses and price list; search."""

from __future__ import annotations

import uuid
from typing import Annotated

from ninja import Field, Query, Router, Schema

from salesdesk.api.records import CUSTOMER
from salesdesk.api.routes.paging import After, Limit, keyset
from salesdesk.api.schemas import CustomerOut, CustomerPage, Problem, Problems, Text
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import customers_within
from salesdesk.customers.selectors import CustomerFilters, customer_search
from salesdesk.tenants.access import first_or_404

router = Router(tags=["customers"])
ERRORS = {401: Problem, 404: Problem, 422: Problems}


class CustomerQuery(Schema):
    q: Annotated[Text, Field(max_length=100, description="Code, name, city, e-mail, VAT")] = ""
    after: After = None
    limit: Limit = 100


@router.get("/customers", response={200: CustomerPage, **ERRORS})
def customer_list(request, query: Query[CustomerQuery]):
    """This rep's customers (all, for administrators; blocked and inactive ones too: the
    flags say), in pages."""
    found = customer_search(
        company=request.company, filters=CustomerFilters(q=query.q), reach=request.reach
    )
    page, after = keyset(found, after=query.after, limit=query.limit)
    return {"customers": CUSTOMER.records(page), "next": after}


@router.get("/customers/{customer_id}", response={200: CustomerOut, **ERRORS})
def customer_detail(request, customer_id: uuid.UUID):
    rows = Customer.objects.filter(company=request.company, exact_id=customer_id)
    rows = CUSTOMER.records(customers_within(rows, reach=request.reach))
    return first_or_404(rows, what="customer")
