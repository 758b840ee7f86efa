"""What the orders app tells the apps above it (the Exact integration), which it may not import.

`order_due` says an order is due to be sent: it was submitted, or it waited for its
company's connection and the connection is back. It is sent once the writing transaction
commits, so a receiver never sees an uncommitted order. Argument: `order_id`.

`order_in_exact` says an order or quotation has just reached Exact (Exact's number is on
it): confirmations go out on it. Sent once the transaction that recorded it commits.
Argument: `order_id`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

order_due = Signal()
order_in_exact = Signal()


def order_due_on_commit(*, order_ids: Iterable[int]) -> None:
    """Send `order_due` for each order once the calling transaction commits."""
    ids = list(order_ids)
    transaction.on_commit(lambda: _announce(ids))


def _announce(order_ids: list[int]) -> None:
    for order_id in order_ids:
        order_due.send(sender=None, order_id=order_id)


def order_in_exact_on_commit(*, order_id: int) -> None:
    """Send `order_in_exact` for the order once the calling transaction commits."""
    transaction.on_commit(lambda: order_in_exact.send(sender=None, order_id=order_id))
