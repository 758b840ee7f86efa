"""Orders that wait for their company's connection to Exact Online, and their release.

An order whose company is not connected, or whose connection needs re-authorization, is
accepted and stays Queued in the outbox with the reason on the order (`exact_message`);
its `waiting_since` keeps every worker from trying it. Authorizing Salesdesk again calls
`outbox_resume`, which makes all of the company's waiting orders due (`order_due`).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from salesdesk.orders.models import Order, OrderEvent, OrderOutbox
from salesdesk.orders.signals import order_due_on_commit
from salesdesk.tenants.changes import version_next
from salesdesk.tenants.models import Company

RESUMED = "The connection to Exact Online is ready again: sending the order."


def outbox_wait(*, order_id: int, reason: str, now: datetime) -> bool:
    """Park a Queued order (or one whose worker died mid-send) until the connection is back.

    `reason` is shown on the order. False when the order is not Queued, already waits, or a
    live worker holds it. A dead worker's "Exact may have it" stays: the next try looks up.
    """
    free = Q(lease_token__isnull=True, order__status=Order.Status.QUEUED)
    stale = Q(lease_token__isnull=False, lease_until__lt=now)
    with transaction.atomic():
        rows = OrderOutbox.objects.filter(order_id=order_id, waiting_since__isnull=True)
        row = rows.filter(free | stale).first()
        if row is None:
            return False
        parked = rows.filter(pk=row.pk, lease_token=row.lease_token).update(
            lease_token=None, lease_until=None, waiting_since=now, last_error=reason
        )
        if not parked:
            return False
        Order.objects.filter(
            pk=order_id, status__in=[Order.Status.QUEUED, Order.Status.SENDING]
        ).update(
            status=Order.Status.QUEUED,
            exact_message=reason,
            updated_at=now,
            row_version=version_next(company=row.company_id),
        )
        OrderEvent.objects.create(
            order_id=order_id, status=Order.Status.QUEUED, message=reason, at=now
        )
    return True


def outbox_resume(*, company: Company, now: datetime | None = None) -> int:
    """Make every order of the company that waits for the connection due now, and enqueue it.

    Call it when the connection is usable again (after Authorize Salesdesk). Returns how
    many orders were released; the sends are enqueued after the transaction commits.
    """
    now = now or timezone.now()
    with transaction.atomic():
        waiting = OrderOutbox.objects.filter(company=company, waiting_since__isnull=False)
        ids = list(waiting.order_by("available_at", "order_id").values_list("order_id", flat=True))
        if not ids:
            return 0
        OrderOutbox.objects.filter(order_id__in=ids).update(
            waiting_since=None, available_at=now, last_error=""
        )
        Order.objects.filter(pk__in=ids, status=Order.Status.QUEUED).update(
            exact_message="", updated_at=now, row_version=version_next(company=company)
        )
        OrderEvent.objects.bulk_create(
            OrderEvent(order_id=pk, status=Order.Status.QUEUED, message=RESUMED, at=now)
            for pk in ids
        )
        order_due_on_commit(order_ids=ids)
    return len(ids)


def outbox_withdrawable(*, company_id: int, order_id: int) -> bool:
    """Whether the order waits for the connection and may leave the outbox unsent: no
    worker holds it and no earlier attempt may have reached Exact (only a lookup after
    authorizing again can tell whether Exact has it)."""
    return _withdrawable(company_id, order_id).exists()


def outbox_withdraw(*, company_id: int, order_id: int) -> bool:
    """Take a waiting order out of the outbox so that it is never sent (it was entered in
    Exact by hand); False when it is not `outbox_withdrawable`. Call it in the transaction
    that closes the order."""
    withdrawn, _ = _withdrawable(company_id, order_id).delete()
    return withdrawn > 0


def _withdrawable(company_id: int, order_id: int):
    return OrderOutbox.objects.filter(
        company_id=company_id,
        order_id=order_id,
        order__status=Order.Status.QUEUED,
        waiting_since__isnull=False,
        lease_token__isnull=True,
        exact_may_have_it=False,
    )
