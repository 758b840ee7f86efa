"""The confirmation's lines in the order's status history."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from salesdesk.orders.models import Order, OrderEvent


def order_note(*, order: Order, message: str, actor=None) -> None:
    """A line in the order's status history; the order's status itself does not change."""
    OrderEvent.objects.create(order=order, status=order.status, message=message, actor=actor)


def local_time(moment: datetime) -> str:
    """A moment as people at the company read it (the project's time zone, with its name)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z")
