"""Reads for the orders pages; every one takes the company."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customers import pending_code_pk
from salesdesk.customers.reach import EVERYTHING, Reach, customers_within, orders_within
from salesdesk.orders.models import Order
from salesdesk.orders.waiting import outbox_withdrawable
from salesdesk.tenants.access import get_for_company_or_404
from salesdesk.tenants.models import Company

PER_PAGE = 50
SUGGESTIONS = 15


def order_list(
    *,
    company: Company,
    search: str = "",
    status: str = "",
    customer_id: int | None = None,
    page: int | str = 1,
    reach: Reach = EVERYTHING,
) -> Page:
    """A page of the company's orders within `reach`, newest first, with their line counts."""
    rows = orders_within(Order.objects.filter(company=company), reach=reach)
    rows = rows.select_related("customer")
    if search:
        rows = rows.filter(
            Q(number__icontains=search)
            | Q(your_ref__icontains=search)
            | Q(customer__name__icontains=search)
            | Q(customer__code_display__icontains=search)
            | Q(exact_order_number__icontains=search)
        )
    if status:
        rows = rows.filter(status=status)
    if customer_id:
        rows = rows.filter(customer_id=customer_id)
    rows = rows.annotate(line_count=Count("lines")).order_by("-created_at", "-id")
    return Paginator(rows, PER_PAGE).get_page(page)


def order_get(*, company: Company, number: str, reach: Reach = EVERYTHING) -> Order:
    """The company's order by its number; 404 for another company's or one out of `reach`."""
    orders = orders_within(Order.objects.select_related("customer"), reach=reach)
    return get_for_company_or_404(orders, company=company, number=number)


def order_closable_by_hand(*, order: Order) -> bool:
    """Whether "Entered in Exact by hand" may close the order (see `order_mark_manual`)."""
    if order.status in (Order.Status.DRAFT, Order.Status.FAILED):
        return True
    return outbox_withdrawable(company_id=order.company_id, order_id=order.pk)


def order_lines(*, order: Order) -> QuerySet:
    return order.lines.select_related("item").order_by("line_number")


def order_events(*, order: Order) -> QuerySet:
    return order.events.select_related("actor").order_by("at", "id")


def order_customers(*, company: Company, reach: Reach = EVERYTHING) -> QuerySet:
    """Customers of the orders within `reach`, for the list's customer filter."""
    orders = orders_within(Order.objects.filter(company=company), reach=reach)
    rows = Customer.objects.filter(company=company, pk__in=orders.values("customer_id"))
    return rows.order_by("name")


def customer_suggestions(
    *, company: Company, term: str, reach: Reach = EVERYTHING
) -> list[Customer]:
    """Customers within `reach` matching a code or name, for the order form's search."""
    term = term.strip()
    if not term:
        return []
    rows = customers_within(Customer.objects.filter(company=company, active=True), reach=reach)
    rows = rows.filter(Q(code_display__istartswith=term) | Q(name__icontains=term))
    return list(rows.order_by("name")[:SUGGESTIONS])


def customer_by_choice(
    *, company: Company, text: str, reach: Reach = EVERYTHING
) -> Customer | None:
    """The customer within `reach` the form's text names: its code, or a suggestion's
    "code · name".

    A new customer's pending code (`NEW-12`) keeps naming it after Exact gave it its own
    code: the user read it on the customer's page moments earlier, and the worker may have
    created the account in between.
    """
    code = text.split("·")[0].strip()
    if not code:
        return None
    rows = customers_within(Customer.objects.filter(company=company), reach=reach)
    found = rows.filter(code_display=code).first()
    pending_pk = pending_code_pk(code) if found is None else None
    if pending_pk is not None:
        found = rows.filter(pk=pending_pk, created_in_salesdesk=True).first()
    return found


def item_suggestions(*, company: Company, term: str) -> list[Item]:
    """Items matching a code, description or barcode, for the order form's search."""
    term = term.strip()
    if not term:
        return []
    rows = Item.objects.filter(company=company, active=True).filter(
        Q(code__istartswith=term) | Q(description__icontains=term) | Q(barcode=term)
    )
    return list(rows.order_by("code")[:SUGGESTIONS])


def item_by_choice(*, company: Company, text: str) -> Item | None:
    """The item the form's text names: its code (or barcode), or a suggestion's "code · ..."."""
    code = text.split("·")[0].strip()
    if not code:
        return None
    rows = Item.objects.filter(company=company)
    return rows.filter(code=code).first() or rows.filter(barcode=code).first()
