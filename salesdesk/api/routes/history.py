"""Stock per item, and what a rep needs at the customer's door: orders with their status,
open items against the credit limit, the reorder list, addresses and contacts."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone
from ninja import Router

from salesdesk.api import history_records as shapes
from salesdesk.api.history_schemas import CustomerHistoryOut, StockPositionOut
from salesdesk.api.schemas import Problem, Problems
from salesdesk.catalog.models import Item
from salesdesk.catalog.stock_models import StockPosition
from salesdesk.customers.models import Customer
from salesdesk.customers.reach import customers_within
from salesdesk.customers.sections import REORDER_DAYS, customer_addresses, customer_contacts
from salesdesk.history.models import SalesOrder
from salesdesk.history.selectors import customer_open_items, customer_reorder_list
from salesdesk.tenants.access import get_for_company_or_404

router = Router(tags=["history"])
ERRORS = {401: Problem, 404: Problem, 422: Problems}
ROWS = 100


@router.get("/items/{item_id}/stock", response={200: list[StockPositionOut], **ERRORS})
def item_stock(request, item_id: uuid.UUID):
    """The item's stock per warehouse (also in the delta feed as `stock_positions`)."""
    get_for_company_or_404(Item, company=request.company, exact_id=item_id)
    positions = StockPosition.objects.filter(
        company=request.company, item_exact_id=item_id, active=True
    )
    return shapes.STOCK_POSITION.records(positions.order_by("warehouse_code", "pk"))


@router.get("/customers/{customer_id}/history", response={200: CustomerHistoryOut, **ERRORS})
def customer_history(request, customer_id: uuid.UUID):
    """Exact's orders (Salesdesk's included) with their status, open items and credit, the
    reorder list (the last 12 months), addresses and contacts. Offline devices get the same
    through the delta feed (the reorder list from `sales_invoice_lines`)."""
    company = request.company
    customers = customers_within(Customer.objects.all(), reach=request.reach)
    customer = get_for_company_or_404(customers, company=company, exact_id=customer_id)
    key = {"company": company, "customer_exact_id": customer.exact_id}
    today = timezone.localdate()
    orders = SalesOrder.objects.filter(**key, active=True).order_by("-order_date", "-number", "-pk")
    open_items = customer_open_items(
        **key, today=today, limit=ROWS, credit_limit=customer.credit_limit,
        blocked=customer.blocked,
    )  # fmt: skip
    reorder = customer_reorder_list(
        **key, since=today - datetime.timedelta(days=REORDER_DAYS), limit=ROWS
    )
    return {
        "orders": shapes.SALES_ORDER.records(orders[:ROWS]),
        "open_items": {
            "total": open_items.total,
            "overdue": open_items.overdue,
            "count": open_items.count,
            "overdue_count": open_items.overdue_count,
            "credit_limit": open_items.credit_limit,
            "over_limit": open_items.over_limit,
            "blocked": open_items.blocked,
            "items": shapes.open_item_records(open_items.rows),
        },
        "reorder_list": [{**vars(row), "item_id": row.item_exact_id} for row in reorder.rows],
        "addresses": shapes.ADDRESS.records(customer_addresses(**key)),
        "contacts": shapes.CONTACT.records(customer_contacts(**key)),
    }
