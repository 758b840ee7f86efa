"""The task that mails one confirmation, and the receivers that enqueue it.

A mail waiting to retry is enqueued for when it is due if the task backend can defer;
otherwise (and as a net) the scheduler's sweep enqueues it once due.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from salesdesk.confirmations.delivery import confirmation_deliver
from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_auto
from salesdesk.confirmations.sweep import confirmations_sweep


@task()
def send_confirmation(confirmation_id: int) -> str:
    """Render and mail one confirmation (a second run of the same task mails nothing)."""
    status = confirmation_deliver(confirmation_id=confirmation_id)
    if status == Confirmation.Status.RETRYING:
        due = Confirmation.objects.filter(pk=confirmation_id).values_list("available_at", flat=True)
        at = due.first()
        if at is not None:  # None: its order was deleted meanwhile
            _enqueue_at(confirmation_id, at)
    return status or "not claimed"


def order_in_exact_received(sender, *, order_id: int, **kwargs) -> None:
    """Receiver of `salesdesk.orders.signals.order_in_exact` (connected in apps.py)."""
    confirmation = confirmation_auto(order_id=order_id)
    if confirmation is not None:
        confirmation_enqueue(confirmation=confirmation)


def scheduler_ticked_received(sender, *, now: datetime | None = None, **kwargs) -> int:
    """Receiver of `salesdesk.periodic.scheduler_ticked`: the sweep; returns how many it
    enqueued."""
    swept = confirmations_sweep(now=now or timezone.now())
    for confirmation_id in swept.due_ids:
        send_confirmation.enqueue(confirmation_id)
    return len(swept.due_ids)


def confirmation_enqueue(*, confirmation: Confirmation) -> None:
    """Enqueue the mail once the row is committed; a skipped one has nothing to send."""
    if confirmation.status == Confirmation.Status.PENDING:
        transaction.on_commit(lambda: send_confirmation.enqueue(confirmation.pk))


def _enqueue_at(confirmation_id: int, at: datetime) -> None:
    if send_confirmation.get_backend().supports_defer:
        send_confirmation.using(run_after=at).enqueue(confirmation_id)
