"""The task that mails one confirmation, and the receiver that asks for the automatic one."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from salesdesk.confirmations.models import Confirmation
from salesdesk.confirmations.services import confirmation_auto, confirmation_deliver


@task()
def send_confirmation(confirmation_id: int) -> str:
    """Render and mail one confirmation (a second run of the same task mails nothing)."""
    return confirmation_deliver(confirmation_id=confirmation_id) or "not claimed"


def order_in_exact_received(sender, *, order_id: int, **kwargs) -> None:
    """Receiver of `salesdesk.orders.signals.order_in_exact` (connected in apps.py)."""
    confirmation = confirmation_auto(order_id=order_id)
    if confirmation is not None:
        confirmation_enqueue(confirmation=confirmation)


def confirmation_enqueue(*, confirmation: Confirmation) -> None:
    """Enqueue the mail once the row is committed; a skipped one has nothing to send."""
    if confirmation.status == Confirmation.Status.PENDING:
        transaction.on_commit(lambda: send_confirmation.enqueue(confirmation.pk))
