"""Items, their groups, pictures and prices."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated

from django.http import FileResponse
from ninja import Field, Query, Router, Schema, Status

from salesdesk.api import selectors
from salesdesk.api.records import ITEM
from salesdesk.api.routes.paging import After, Limit, keyset
from salesdesk.api.schemas import ItemOut, ItemPage, PriceOut, Problem, Problems, Text
from salesdesk.catalog.models import Item
from salesdesk.catalog.pricing import NoPriceError, price_quote
from salesdesk.catalog.selectors import ItemFilters, item_picture_open, item_search
from salesdesk.tenants.access import first_or_404

router = Router(tags=["catalog"])
ERRORS = {401: Problem, 404: Problem, 422: Problems}


class ItemQuery(Schema):
    q: Annotated[Text, Field(max_length=100, description="Code, description, barcode, group")] = ""
    group: Annotated[Text, Field(max_length=40)] = ""
    after: After = None
    limit: Limit = 100


class PriceQuery(Schema):
    customer_id: uuid.UUID | None = None
    quantity: Annotated[Decimal, Field(gt=0, lt=10**6, max_digits=14, decimal_places=4)] = Decimal(
        1
    )


class Group(Schema):
    code: str
    description: str


@router.get("/items", response={200: ItemPage, **ERRORS})
def item_list(request, query: Query[ItemQuery]):
    """The company's items (inactive ones too: `active` says), in pages; `q` searches."""
    found = item_search(company=request.company, filters=ItemFilters(q=query.q, group=query.group))
    page, after = keyset(found, after=query.after, limit=query.limit)
    return {"items": ITEM.records(page), "next": after}


@router.get("/items/{item_id}", response={200: ItemOut, **ERRORS})
def item_detail(request, item_id: uuid.UUID):
    rows = ITEM.records(Item.objects.filter(company=request.company, exact_id=item_id))
    return first_or_404(rows, what="item")


@router.get("/items/{item_id}/picture", response={200: None, **ERRORS})
def item_picture(request, item_id: uuid.UUID):
    """The item's picture as stored by Salesdesk (the `picture_url` of the item)."""
    return FileResponse(item_picture_open(company=request.company, exact_id=item_id))


@router.get("/items/{item_id}/price", response={200: PriceOut, **ERRORS})
def item_price(request, item_id: uuid.UUID, query: Query[PriceQuery]):
    """The price for a customer and quantity by the rules of the Price lists page (today)."""
    company = request.company
    item = selectors.item_by_id(company=company, exact_id=item_id)
    customer = None
    if query.customer_id is not None:
        customer = selectors.customer_get(
            company=company, exact_id=query.customer_id, reach=request.reach
        )
    try:
        quote = price_quote(company=company, customer=customer, item=item, quantity=query.quantity)
    except NoPriceError:
        return Status(404, {"detail": f"Item {item.code} has no price in Exact Online."})
    return {
        "item_id": item.exact_id,
        "customer_id": query.customer_id,
        "quantity": query.quantity,
        "unit_price": quote.unit_price,
        "rule": quote.rule,
        "description": quote.description,
    }


@router.get("/item-groups", response={200: list[Group], 401: Problem})
def item_groups(request):
    """The item groups in use, with their descriptions."""
    rows = (
        Item.objects.filter(company=request.company)
        .exclude(group_code="")
        .values_list("group_code", "group_description")
        .order_by("group_code", "group_description")
        .distinct()
    )
    groups: dict[str, str] = {}
    for code, description in rows:
        groups.setdefault(code, description)
    return [{"code": code, "description": text} for code, text in groups.items()]
