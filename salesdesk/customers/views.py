"""Customers > Customer management: the list, a customer's page, the CSV export."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from salesdesk.customers.forms import CustomerListForm
from salesdesk.customers.reach import reach_for
from salesdesk.customers.sections import customer_sections
from salesdesk.customers.selectors import (
    CUSTOMER_SORTS,
    customer_countries,
    customer_get,
    customer_last_synced,
    customer_list,
    customer_price_lists,
    customer_search,
)
from salesdesk.lists.csv_export import csv_response
from salesdesk.lists.keyset import sorted_like_pages
from salesdesk.lists.list_links import export_query, pager_links, sort_links
from salesdesk.tenants.access import company_view

CSV_HEADER = [
    "code", "name", "address", "postcode", "city", "country", "email", "phone", "vat_number",
    "price_list", "blocked", "last_synced",
]  # fmt: skip


def _form(request: HttpRequest) -> CustomerListForm:
    company = request.company
    return CustomerListForm(
        request.GET,
        price_lists=customer_price_lists(company=company),
        countries=customer_countries(company=company),
    )


@require_GET
@company_view
def customer_list_view(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    filters, page_request = form.filters(), form.page_request()
    reach = reach_for(membership=request.membership)
    page = customer_list(company=request.company, filters=filters, page=page_request, reach=reach)
    context = {
        "form": form,
        "page": page,
        "sorts": sort_links(request.GET, CUSTOMER_SORTS, form.sort_key()),
        "pager": pager_links(request.GET, page),
        "export": export_query(request.GET),
        "last_synced": customer_last_synced(company=request.company),
    }
    return render(request, "customers/customer_list.html", context)


@require_GET
@company_view
def customer_export_view(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    reach = reach_for(membership=request.membership)
    customers = customer_search(company=request.company, filters=form.filters(), reach=reach)
    customers = sorted_like_pages(customers, form.page_request().sort)
    return csv_response(
        filename=f"customers-{request.company.slug}.csv",
        header=CSV_HEADER,
        queryset=customers.select_related("price_list"),
        row=lambda c: [
            c.code_display, c.name, c.address_line1, c.postcode, c.city, c.country, c.email,
            c.phone, c.vat_number, c.price_list.code if c.price_list else "",
            "yes" if c.blocked else "no", c.synced_at.isoformat() if c.synced_at else "",
        ],
    )  # fmt: skip


@require_GET
@company_view
def customer_detail_view(request: HttpRequest, exact_id: uuid.UUID) -> HttpResponse:
    reach = reach_for(membership=request.membership)
    customer = customer_get(company=request.company, exact_id=exact_id, reach=reach)
    context = {
        "customer": customer,
        "sections": customer_sections(
            company=request.company, customer=customer, today=timezone.localdate(), reach=reach
        ),
        "last_synced": customer.synced_at,
    }
    return render(request, "customers/customer_detail.html", context)
