"""Items > Price lists: the lists, one list's item prices, and the price calculator."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from salesdesk.catalog.forms import PriceCalculatorForm, PriceLineListForm
from salesdesk.catalog.pricing import NoPriceError, price_quote
from salesdesk.catalog.selectors import (
    LINE_SORTS,
    price_list_get,
    price_list_group_lines,
    price_list_line_search,
    price_list_lines,
    price_list_list,
    price_list_periods,
)
from salesdesk.lists.csv_export import csv_response
from salesdesk.lists.keyset import sorted_like_pages
from salesdesk.lists.list_links import pager_links, sort_links
from salesdesk.tenants.access import company_view


def _calculator(request: HttpRequest) -> dict:
    """The calculator's form and, once filled in, its quote (or why there is none)."""
    if "item" not in request.GET:
        return {"calculator": PriceCalculatorForm(None, company=request.company)}
    form = PriceCalculatorForm(request.GET, company=request.company)
    if not form.is_valid():
        return {"calculator": form}
    data = form.cleaned_data
    try:
        quote = price_quote(
            company=request.company, customer=data["customer"], item=data["item"],
            quantity=data["quantity"], on_date=data["date"],
        )  # fmt: skip
    except NoPriceError as error:
        return {"calculator": form, "quote_error": str(error)}
    return {"calculator": form, "quote": quote, "quote_for": data}


@require_GET
@company_view
def price_list_index_view(request: HttpRequest) -> HttpResponse:
    context = {"rows": price_list_list(company=request.company), **_calculator(request)}
    return render(request, "catalog/price_list_list.html", context)


@require_GET
@company_view
def price_list_detail_view(request: HttpRequest, exact_id: uuid.UUID) -> HttpResponse:
    price_list = price_list_get(company=request.company, exact_id=exact_id)
    periods = price_list_periods(company=request.company, price_list=price_list)
    form = PriceLineListForm(request.GET, periods=periods)
    period = _chosen_period(periods, form.value("period"))
    page, group_lines = None, []
    if period is not None:
        group_lines = price_list_group_lines(company=request.company, period=period)
        query = form.value("q", "")
        page = price_list_lines(
            company=request.company, period=period, q=query, page=form.page_request()
        )
    context = {
        "price_list": price_list,
        "periods": periods,
        "period": period,
        "form": form,
        "page": page,
        "group_lines": group_lines,
        "pager": pager_links(request.GET, page) if page else {},
        "sorts": sort_links(request.GET, LINE_SORTS, form.sort_key()),
        "last_synced": price_list.synced_at,
        **_calculator(request),
    }
    return render(request, "catalog/price_list_detail.html", context)


def _chosen_period(periods, period_id):
    """The period asked for, else the current one (the latest started), else the last."""
    chosen = next((p for p in periods if p.pk == period_id), None)
    if chosen is not None or not periods:
        return chosen
    today = timezone.localdate()
    started = [p for p in periods if p.start_date is None or p.start_date <= today]
    current = [p for p in started if p.end_date is None or p.end_date >= today]
    return (current or periods)[-1]


@require_GET
@company_view
def price_list_export_view(request: HttpRequest, exact_id: uuid.UUID) -> HttpResponse:
    price_list = price_list_get(company=request.company, exact_id=exact_id)
    periods = price_list_periods(company=request.company, price_list=price_list)
    form = PriceLineListForm(request.GET, periods=periods)
    period = _chosen_period(periods, form.value("period"))
    if period is None:
        raise Http404("No periods")
    lines = price_list_line_search(company=request.company, period=period, q=form.value("q", ""))
    lines = sorted_like_pages(lines, form.page_request().sort)
    return csv_response(
        filename=f"price-list-{price_list.code}.csv",
        header=["item", "description", "item_group", "quantity", "method", "discount",
                "new_price", "base_price", "period_start", "period_end"],
        queryset=lines,
        row=lambda line: [
            line.item.code if line.item else "", line.item.description if line.item else "",
            line.item_group_code, line.quantity, line.get_method_display(), line.discount,
            line.new_price, line.base_price, period.start_date, period.end_date,
        ],
    )  # fmt: skip
