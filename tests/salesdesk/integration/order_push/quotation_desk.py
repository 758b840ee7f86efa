"""Quotations on the sandbox desk: take one, send it, convert it, control Exact's side."""

from __future__ import annotations

from salesdesk.orders.models import Order
from salesdesk.orders.quotations import order_convert
from salesdesk.orders.services import order_submit


def quotation(desk, *, submit: bool = True, **header) -> Order:
    """A quotation of the desk's first customer (the order form's kind set directly)."""
    order = desk.order(submit=False, **header)
    Order.objects.filter(pk=order.pk).update(kind=Order.Kind.QUOTATION)
    order.refresh_from_db()
    if submit:
        order_submit(order=order, now=desk.now())
    return order


def sent_quotation(desk, **header) -> Order:
    order = quotation(desk, **header)
    desk.send(order)
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED, order.exact_message
    return order


def convert(desk, order) -> Order:
    order_convert(order=order, now=desk.now())
    desk.send(order)
    order.refresh_from_db()
    return order


def exact_quotations(desk) -> list[dict]:
    return list(desk.state.divisions[desk.division].quotations)
