"""Reads for the orders pages; every one takes the company."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from salesdesk.catalog.models import Item
from salesdesk.customers.models import Customer
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
    taken_by=None,
) -> Page:
    """A page of the company's orders (only `taken_by`'s if given), newest first, with their
    line counts."""
    rows = Order.objects.filter(company=company).select_related("customer")
    if taken_by is not None:
        rows = rows.filter(created_by=taken_by)
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


def order_get(*, company: Company, number: str, taken_by=None) -> Order:
    """The company's order by its number; 404 for another company's (or, with `taken_by`,
    for an order that user did not take)."""
    orders = Order.objects.select_related("customer")
    if taken_by is not None:
        orders = orders.filter(created_by=taken_by)
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


def order_customers(*, company: Company, taken_by=None) -> QuerySet:
    """Customers that have orders (`taken_by`'s, if given), for the list's customer filter."""
    rows = Customer.objects.filter(company=company, orders__isnull=False)
    if taken_by is not None:
        rows = rows.filter(orders__created_by=taken_by)
    return rows.distinct().order_by("name")


def customer_suggestions(*, company: Company, term: str) -> list[Customer]:
    """Customers matching a code or name, for the order form's search."""
    term = term.strip()
    if not term:
        return []
    rows = Customer.objects.filter(company=company, active=True).filter(
        Q(code_display__istartswith=term) | Q(name__icontains=term)
    )
    return list(rows.order_by("name")[:SUGGESTIONS])


def customer_by_choice(*, company: Company, text: str) -> Customer | None:
    """The customer the form's text names: its code, or a suggestion's "code · name"."""
    code = text.split("·")[0].strip()
    if not code:
        return None
    return Customer.objects.filter(company=company, code_display=code).first()


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
