"""Customers with their addresses and price list; search."""

from __future__ import annotations

import uuid
from typing import Annotated

from django.http import HttpResponse
from ninja import Field, Header, Query, Router, Schema

from salesdesk.api.idempotent import Answer, FieldErrors, answer_once, request_digest
from salesdesk.api.new_customer_intake import (
    customer_created_body,
    customer_created_out,
    customer_input,
    customer_problem,
)
from salesdesk.api.new_customer_schemas import NewCustomerIn, NewCustomerOut
from salesdesk.api.records import CUSTOMER
from salesdesk.api.routes.paging import After, Limit, keyset
from salesdesk.api.schemas import CustomerOut, CustomerPage, Problem, Problems, Text
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customers import CustomerInvalid, customer_create
from salesdesk.customers.reach import customers_within
from salesdesk.customers.selectors import CustomerFilters, customer_created_get, customer_search
from salesdesk.tenants.access import first_or_404
from salesdesk.tenants.models import Membership

router = Router(tags=["customers"])
ERRORS = {401: Problem, 404: Problem, 422: Problems}
Key = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="A new random key per customer (a UUID); resend the same key on a retry. "
        "Optional, but without it a retry after a lost answer creates a second customer",
    ),
]


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
    ).filter(exact_id__isnull=False)  # a new customer is listed once Exact has it
    page, after = keyset(found, after=query.after, limit=query.limit)
    return {"customers": CUSTOMER.records(page), "next": after}


@router.get("/customers/{customer_id}", response={200: CustomerOut, **ERRORS})
def customer_detail(request, customer_id: uuid.UUID):
    rows = Customer.objects.filter(company=request.company, exact_id=customer_id)
    rows = CUSTOMER.records(customers_within(rows, reach=request.reach))
    return first_or_404(rows, what="customer")


@router.post("/customers", response={201: NewCustomerOut, **ERRORS})
def customer_new(request, payload: NewCustomerIn, idempotency_key: Key = None):
    """Create a customer or prospect (administrators and sales reps; a rep becomes its
    account manager) and queue it for Exact Online. Refused with a 422 naming the existing
    customer when an active one of the company has the same VAT number or e-mail. It joins
    the lists and the changes feed once Exact has it; orders for it wait until then
    (`POST /orders` with `new_customer_id`: this answer's `salesdesk_id`).

    A repeated Idempotency-Key returns the first answer (as it was then: read the state
    with `GET /customers/created/{id}`) and never makes a second customer.
    """
    membership = Membership.objects.select_related("company", "user").get(
        company=request.company, user=request.user
    )

    def work() -> tuple[int, bytes]:
        return 201, customer_created_body(_customer_new(membership, payload))

    if idempotency_key is None:
        answer = Answer(*work())
    else:
        digest = request_digest(kind="customer", body=payload.model_dump(mode="json"))
        answer = answer_once(
            company=request.company, user=request.user, key=idempotency_key, digest=digest,
            work=work,
        )  # fmt: skip
    response = HttpResponse(answer.body, status=answer.status, content_type="application/json")
    if answer.replayed:
        response["Idempotent-Replayed"] = "true"
    return response


def _customer_new(membership: Membership, payload: NewCustomerIn) -> Customer:
    try:
        customer = customer_create(membership=membership, data=customer_input(payload))
    except CustomerInvalid as exc:
        problems = [customer_problem(name, text) for name, text in exc.problems.items()]
        raise FieldErrors(problems) from None
    return customer_created_get(company=membership.company, pk=customer.pk)


@router.get("/customers/created/{salesdesk_id}", response={200: NewCustomerOut, **ERRORS})
def customer_created(request, salesdesk_id: int):
    """A customer created in Salesdesk: whether Exact has it yet, and its Exact ID then."""
    customer = customer_created_get(company=request.company, pk=salesdesk_id, reach=request.reach)
    return customer_created_out(customer)
