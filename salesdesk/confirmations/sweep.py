"""The confirmations' part of the scheduler's periodic sweep.

Two jobs: a Sending confirmation whose lease ran out (its worker died or hung mid-send)
becomes Unknown, and confirmations due to be sent are handed back for enqueueing.

Why Unknown rather than sending again: SMTP has no idempotency key, so the dead worker's
mail may well have reached the customer. A second copy of an order confirmation confuses a
customer more than a missing one, which a person can check and resend with one button on the
order page; so the sweep says it plainly and sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q

from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.order_notes import local_time, order_note
from salesdesk.confirmations.pdf import confirmation_title

Status = Confirmation.Status
BATCH = 500
# A new confirmation is enqueued when its row commits; the sweep only catches one whose
# enqueue was lost (a process that stopped in between), so it leaves fresh ones alone.
PENDING_GRACE = timedelta(minutes=2)


@dataclass(frozen=True)
class Swept:
    due_ids: list[int]
    unknown: int


def confirmations_sweep(*, now: datetime) -> Swept:
    """Mark lost sends unknown; the ids of confirmations due to be sent (to enqueue)."""
    lost = Confirmation.objects.filter(status=Status.SENDING, lease_until__lt=now)
    unknown = sum(_mark_unknown(row) for row in lost.select_related("order", "actor")[:BATCH])
    due = Confirmation.objects.filter(
        Q(status=Status.RETRYING, available_at__lte=now)
        | Q(status=Status.PENDING, available_at__lte=now - PENDING_GRACE)
    )
    due_ids = list(due.order_by("available_at", "pk").values_list("pk", flat=True)[:BATCH])
    return Swept(due_ids=due_ids, unknown=unknown)


def _mark_unknown(row: Confirmation) -> bool:
    title = confirmation_title(document=row.document)
    reason = (
        f"its sending did not finish by {local_time(row.lease_until)}, so it may or may not "
        "have been mailed; check with the customer and resend by hand if needed"
    )
    with transaction.atomic():
        marked = Confirmation.objects.filter(
            pk=row.pk, status=Status.SENDING, lease_until=row.lease_until
        ).update(status=Status.UNKNOWN, error=reason, lease_until=None)
        if marked:
            note = f"{title} to {row.to}: not known whether it was mailed: {reason}."
            order_note(order=row.order, message=note, actor=row.actor)
    return bool(marked)
