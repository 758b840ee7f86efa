"""Orders follow their customer to its new account manager (customers/reach_moves.py): the
new manager's rep sees a customer's orders (customers/reach.py), and the delta feed sends
them only when their version is past the rep's cursor."""

from __future__ import annotations

from salesdesk.orders.models import Order


def orders_touch_moved(sender, *, company, customer_ids, version, **kwargs) -> None:
    Order.objects.filter(company=company, customer_id__in=customer_ids).update(row_version=version)
