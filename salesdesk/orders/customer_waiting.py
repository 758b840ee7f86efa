"""Orders of a customer created in Salesdesk wait until Exact has the customer's account.

Such an order is accepted at once and parked in the order outbox like an order waiting for
its connection (`outbox_wait`, with CUSTOMER_PENDING as the reason), since Exact refuses a
sales order whose `OrderedBy` it does not know and Salesdesk has no account ID to give yet.
The account's send releases them (`outbox_release_customer`) right after Exact answers;
`outbox_release_customers_in_exact` catches any order parked in a race with that release.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from salesdesk.orders.models import Order, OrderEvent, OrderOutbox
from salesdesk.orders.signals import order_due_on_commit
from salesdesk.tenants.changes import version_next

CUSTOMER_PENDING = "Waiting: the new customer is being created in Exact Online"
RELEASED = "The customer is in Exact Online now: sending the order."


def outbox_release_customer(*, customer_id: int, now: datetime) -> int:
    """Make the customer's waiting orders due now and enqueue them; returns how many.

    Orders that also wait for the connection are parked again by their next send, with
    that reason."""
    with transaction.atomic():
        waiting = OrderOutbox.objects.filter(
            order__customer_id=customer_id, waiting_since__isnull=False
        )
        rows = list(waiting.values_list("order_id", "company_id"))
        if not rows:
            return 0
        ids = [order_id for order_id, _ in rows]
        OrderOutbox.objects.filter(order_id__in=ids).update(
            waiting_since=None, available_at=now, last_error=""
        )
        # A new version also sends the orders again to the reps' devices, now with the
        # customer's Exact ID.
        Order.objects.filter(pk__in=ids, status=Order.Status.QUEUED).update(
            exact_message="", updated_at=now, row_version=version_next(company=rows[0][1])
        )
        OrderEvent.objects.bulk_create(
            OrderEvent(order_id=pk, status=Order.Status.QUEUED, message=RELEASED, at=now)
            for pk in ids
        )
        order_due_on_commit(order_ids=ids)
    return len(ids)


def outbox_release_customers_in_exact(*, now: datetime) -> int:
    """Release orders still parked for a customer that Exact has by now (a sweep's net)."""
    stuck = OrderOutbox.objects.filter(
        waiting_since__isnull=False,
        last_error=CUSTOMER_PENDING,
        order__customer__exact_id__isnull=False,
    )
    customers = set(stuck.values_list("order__customer_id", flat=True)[:1000])
    return sum(outbox_release_customer(customer_id=pk, now=now) for pk in customers)
