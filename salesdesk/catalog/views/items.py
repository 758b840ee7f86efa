"""Items > Item management: the list, an item's page, its picture, the CSV export."""

from __future__ import annotations

import uuid

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from salesdesk.catalog.forms import ItemListForm
from salesdesk.catalog.pricing import price_list_prices_for_item
from salesdesk.catalog.selectors import (
    ITEM_SORTS,
    item_get,
    item_groups,
    item_last_synced,
    item_list,
    item_picture_open,
    item_prices_for_item,
    item_search,
)
from salesdesk.catalog.stock_selectors import item_stock_positions
from salesdesk.catalog.vat import vat_code_for_item
from salesdesk.lists.csv_export import csv_response
from salesdesk.lists.keyset import sorted_like_pages
from salesdesk.lists.list_links import export_query, pager_links, sort_links
from salesdesk.tenants.access import company_view

CSV_HEADER = [
    "code", "description", "group", "unit", "standard_price", "stock", "barcode",
    "vat_code", "active", "last_synced",
]  # fmt: skip


def _form(request: HttpRequest) -> ItemListForm:
    return ItemListForm(request.GET, groups=item_groups(company=request.company))


@require_GET
@company_view
def item_list_view(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    page = item_list(company=request.company, filters=form.filters(), page=form.page_request())
    context = {
        "form": form,
        "page": page,
        "sorts": sort_links(request.GET, ITEM_SORTS, form.sort_key()),
        "pager": pager_links(request.GET, page),
        "export": export_query(request.GET),
        "last_synced": item_last_synced(company=request.company),
    }
    return render(request, "catalog/item_list.html", context)


@require_GET
@company_view
def item_export_view(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    items = item_search(company=request.company, filters=form.filters())
    items = sorted_like_pages(items, form.page_request().sort)
    return csv_response(
        filename=f"items-{request.company.slug}.csv",
        header=CSV_HEADER,
        queryset=items,
        row=lambda i: [
            i.code, i.description, i.group_code, i.unit, i.standard_price, i.stock, i.barcode,
            i.vat_code, "yes" if i.active else "no", i.synced_at.isoformat() if i.synced_at else "",
        ],
    )  # fmt: skip


@require_GET
@company_view
def item_detail_view(request: HttpRequest, exact_id: uuid.UUID) -> HttpResponse:
    item = item_get(company=request.company, exact_id=exact_id)
    context = {
        "item": item,
        "list_prices": price_list_prices_for_item(company=request.company, item=item),
        "item_prices": item_prices_for_item(company=request.company, item=item),
        "vat": vat_code_for_item(company=request.company, item=item),
        "stock_positions": item_stock_positions(company=request.company, item=item),
        "last_synced": item.synced_at,
    }
    return render(request, "catalog/item_detail.html", context)


@require_GET
@company_view
def item_picture_view(request: HttpRequest, exact_id: uuid.UUID) -> FileResponse:
    """The stored picture; served through the company check (it is the company's data)."""
    picture = item_picture_open(company=request.company, exact_id=exact_id)
    response = FileResponse(picture)
    response["Cache-Control"] = "private, max-age=3600"
    return response
