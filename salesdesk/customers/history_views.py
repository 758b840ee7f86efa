"""A customer's full list of Exact orders, invoices or open items: the customer page shows
the latest few of each and links here."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from salesdesk.customers.reach import reach_for
from salesdesk.customers.selectors import customer_get
from salesdesk.history.selectors import (
    CUSTOMER_LISTS,
    customer_history_page,
    open_items_days_overdue,
)
from salesdesk.lists.list_forms import ListForm
from salesdesk.lists.list_links import pager_links
from salesdesk.tenants.access import company_view

TITLES = {"orders": "Orders in Exact Online", "invoices": "Invoices", "open-items": "Open invoices"}
# Newest first, except open items: the oldest due first.
DEFAULT_SORTS = {"orders": "-date", "invoices": "-date", "open-items": "date"}


class HistoryPageForm(ListForm):
    def __init__(self, data, *, section: str):
        super().__init__(data)
        self.SORTS = {"date": CUSTOMER_LISTS[section][1]}
        self.DEFAULT_SORT = DEFAULT_SORTS[section]


@require_GET
@company_view
def customer_history_view(request: HttpRequest, exact_id: uuid.UUID, section: str) -> HttpResponse:
    if section not in CUSTOMER_LISTS:
        raise Http404("No such list")
    reach = reach_for(membership=request.membership)
    customer = customer_get(company=request.company, exact_id=exact_id, reach=reach)
    form = HistoryPageForm(request.GET, section=section)
    page = customer_history_page(
        company=request.company, customer_exact_id=customer.exact_id, section=section,
        page=form.page_request(),
    )  # fmt: skip
    if section == "open-items":
        open_items_days_overdue(page.rows, today=timezone.localdate())
    context = {
        "customer": customer,
        "section": section,
        "title": TITLES[section],
        "page": page,
        "pager": pager_links(request.GET, page),
    }
    return render(request, "customers/customer_history.html", context)
