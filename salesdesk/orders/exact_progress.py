"""How an order Salesdesk sent stands in Exact Online, as the sync last saw it."""

from __future__ import annotations

from salesdesk.history.models import SalesOrder
from salesdesk.history.order_selectors import OrderInExact, sales_order_in_exact
from salesdesk.orders.models import Order


def order_in_exact(*, company, order: Order) -> OrderInExact | None:
    """Exact's status, lines, deliveries and invoices of the order; None when it never
    reached Exact. An order closed as entered by hand has only Exact's order number."""
    order_exact_id = order.exact_order_id
    if order_exact_id is None and order.exact_order_number is not None:
        found = SalesOrder.objects.filter(
            company=company, number=order.exact_order_number, active=True
        )
        order_exact_id = found.values_list("order_exact_id", flat=True).first()
        if order_exact_id is None:
            return OrderInExact(None, [], [], [])
    if order_exact_id is None:
        return None
    return sales_order_in_exact(company=company, order_exact_id=order_exact_id)
