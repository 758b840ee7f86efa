"""Orders from the reps' devices: placed once per Idempotency-Key, then sent by the outbox."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpResponse
from ninja import Field, Header, Query, Router, Schema

from salesdesk.api import selectors
from salesdesk.api.order_intake import order_place
from salesdesk.api.records import order_records
from salesdesk.api.routes.paging import After, Limit
from salesdesk.api.schemas import OrderIn, OrderOut, OrderPage, Problem, Problems

router = Router(tags=["orders"])
ERRORS = {401: Problem, 404: Problem, 422: Problems}
Key = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="A new random key per order (a UUID); resend the same key on a retry",
    ),
]


class OrderQuery(Schema):
    after: After = None
    limit: Limit = 100


@router.post("/orders", response={201: OrderOut, **ERRORS})
def order_create(request, payload: OrderIn, idempotency_key: Key):
    """Take an order and queue it for Exact Online (also while Exact cannot be reached).

    A repeated Idempotency-Key returns the first answer and never makes a second order.
    Status and Exact's order number come back through `GET /orders/{number}` and the feed.
    """
    answer = order_place(
        company=request.company,
        user=request.user,
        payload=payload,
        key=idempotency_key,
        reach=request.reach,
    )
    response = HttpResponse(answer.body, status=answer.status, content_type="application/json")
    if answer.replayed:
        response["Idempotent-Replayed"] = "true"
    return response


@router.get("/orders", response={200: OrderPage, **ERRORS})
def order_list(request, query: Query[OrderQuery]):
    """The orders of this rep's customers and those the rep took (all, for administrators),
    newest first."""
    orders = selectors.rep_orders(company=request.company, reach=request.reach)
    if query.after:
        orders = orders.filter(pk__lt=int(query.after))
    pks = list(orders.order_by("-pk").values_list("pk", flat=True)[: query.limit + 1])
    more = len(pks) > query.limit
    pks = pks[: query.limit]
    rows = order_records(orders.filter(pk__in=pks).order_by("-pk"))
    return {"orders": rows, "next": str(pks[-1]) if more else None}


@router.get("/orders/{number}", response={200: OrderOut, **ERRORS})
def order_detail(request, number: Annotated[str, Field(max_length=64)]):
    order = selectors.rep_order_get(company=request.company, reach=request.reach, number=number)
    return order_records(selectors.rep_orders(company=request.company, reach=request.reach)
                         .filter(pk=order.pk))[0]  # fmt: skip
