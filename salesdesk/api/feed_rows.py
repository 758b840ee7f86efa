"""The rows of each feed kind that a member's reach narrows (customers/reach.py): what
belongs to one customer goes only to those who see that customer."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet

from salesdesk.catalog.models import ItemPrice
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import Reach, customers_within
from salesdesk.history.models import SalesOrder, SalesOrderLine
from salesdesk.tenants.models import Company


def item_price_rows(company: Company, reach: Reach) -> QuerySet:
    """Prices for every customer, and those agreed with a customer the member sees."""
    rows = ItemPrice.objects.filter(company=company)
    if reach.all_customers:
        return rows
    customers = customers_within(Customer.objects.filter(company=company), reach=reach)
    return rows.filter(Q(customer__isnull=True) | Q(customer__in=customers))


def company_rows(model) -> Callable[[Company, Reach], QuerySet]:
    return lambda company, reach: model.objects.filter(company=company)


def reached_customer_ids(company: Company, reach: Reach) -> QuerySet:
    customers = customers_within(Customer.objects.filter(company=company), reach=reach)
    return customers.values("exact_id")


def customer_rows(model) -> Callable[[Company, Reach], QuerySet]:
    """A customer's records (by `customer_exact_id`) go only to those who see the customer."""

    def rows(company: Company, reach: Reach) -> QuerySet:
        found = model.objects.filter(company=company)
        if reach.all_customers:
            return found
        return found.filter(customer_exact_id__in=reached_customer_ids(company, reach))

    return rows


def sales_order_line_rows(company: Company, reach: Reach) -> QuerySet:
    found = SalesOrderLine.objects.filter(company=company)
    if reach.all_customers:
        return found
    orders = SalesOrder.objects.filter(
        company=company, customer_exact_id__in=reached_customer_ids(company, reach)
    )
    return found.filter(order_exact_id__in=orders.values("order_exact_id"))
