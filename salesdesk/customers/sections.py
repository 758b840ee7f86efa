"""The customer page's sections beyond the customer itself: orders (Salesdesk's and
Exact's), invoices, open invoices against the credit limit, the reorder list, addresses and
contacts. Each is bounded to `SECTION_ROWS` rows and read through an index on the
customer's Exact ID: a dozen queries whatever the customer's history (benchmarks).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, QuerySet, When

from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import EVERYTHING, Reach, customer_managed_by
from salesdesk.history import selectors as history
from salesdesk.history.order_selectors import sales_orders_known

SECTION_ROWS = 20
REORDER_DAYS = 365
CONTACT_ROWS = 100  # addresses and contacts: few per customer, all shown


@dataclass(frozen=True)
class OrderRow:
    """One order on the customer page: Exact's, Salesdesk's, or both for a sent order."""

    date: datetime.date | None
    state: str
    total: Decimal | None
    exact_number: int | None = None
    salesdesk_number: str = ""


@dataclass
class CustomerSections:
    orders: history.Bounded
    invoices: history.Bounded
    open_items: history.OpenItems
    reorder: history.Bounded
    addresses: QuerySet[Address]
    contacts: QuerySet[Contact]


def customer_sections(
    *, company, customer: Customer, today: datetime.date, reach: Reach = EVERYTHING
) -> CustomerSections:
    key = {"company": company, "customer_exact_id": customer.exact_id}
    return CustomerSections(
        orders=customer_order_rows(
            company=company, customer=customer, limit=SECTION_ROWS, reach=reach
        ),
        invoices=history.customer_invoices(**key, limit=SECTION_ROWS),
        open_items=history.customer_open_items(
            **key,
            today=today,
            limit=SECTION_ROWS,
            credit_limit=customer.credit_limit,
            blocked=customer.blocked,
        ),
        reorder=history.customer_reorder_list(
            **key, since=today - datetime.timedelta(days=REORDER_DAYS), limit=SECTION_ROWS
        ),
        addresses=customer_addresses(**key),
        contacts=customer_contacts(**key),
    )


def customer_addresses(*, company, customer_exact_id) -> QuerySet[Address]:
    """Delivery addresses first (what a rep asks for), the main one of each type first."""
    addresses = Address.objects.filter(
        company=company, customer_exact_id=customer_exact_id, active=True
    )
    delivery_first = Case(When(type=Address.Type.DELIVERY, then=0), default=1)
    return addresses.order_by(delivery_first, "type", "-main", "city", "pk")[:CONTACT_ROWS]


def customer_contacts(*, company, customer_exact_id) -> QuerySet[Contact]:
    contacts = Contact.objects.filter(
        company=company, customer_exact_id=customer_exact_id, active=True
    )
    return contacts.order_by("-is_main", "last_name", "first_name", "pk")[:CONTACT_ROWS]


def customer_order_rows(
    *, company, customer: Customer, limit: int, reach: Reach = EVERYTHING
) -> history.Bounded:
    """The latest orders, newest first: Exact's (an order Salesdesk sent shows its Salesdesk
    number too) and Salesdesk's that Exact does not show yet (drafts, queued, failed).

    Salesdesk's orders come through the relation the orders app declares (`Order.customer`):
    that app sits above this one. A rep who sees a customer they do not manage (the company
    lets all reps see all customers) sees only the Salesdesk orders they took themselves."""
    exact = history.customer_sales_orders(
        company=company, customer_exact_id=customer.exact_id, limit=limit
    )
    ours = customer.orders.filter(company=company)
    if not customer_managed_by(customer, reach=reach):
        ours = ours.filter(created_by_id=reach.rep_user_id)
    ours = list(ours.order_by("-created_at", "-pk")[: limit + 1])
    by_exact_id = {o.exact_order_id: o for o in ours if o.exact_order_id}
    # Orders closed as entered by hand know only Exact's number.
    by_number = {o.exact_order_number: o for o in ours if o.exact_order_number}
    synced = sales_orders_known(company=company, order_exact_ids=list(by_exact_id))
    shown = {o.number for o in exact.rows}
    rows = [
        _exact_row(o, by_exact_id.get(o.order_exact_id) or by_number.get(o.number))
        for o in exact.rows
    ]
    rows += [
        _salesdesk_row(o)
        for o in ours[:limit]
        if o.exact_order_id not in synced and o.exact_order_number not in shown
    ]
    rows.sort(key=lambda row: row.date or datetime.date.min, reverse=True)
    return history.Bounded(rows[:limit], exact.more or len(ours) > limit or len(rows) > limit)


def _exact_row(order, ours) -> OrderRow:
    return OrderRow(
        date=order.order_date,
        state=order.state,
        total=order.amount_excl_vat,
        exact_number=order.number,
        salesdesk_number=ours.number if ours else "",
    )


def _salesdesk_row(order) -> OrderRow:
    return OrderRow(
        date=order.created_at.date(),
        state=order.get_status_display(),
        total=order.total_excl_vat,
        exact_number=order.exact_order_number,
        salesdesk_number=order.number,
    )
