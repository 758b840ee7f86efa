"""Writes for confirmations: the settings, asking for a confirmation, and mailing it once."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from salesdesk.confirmations.mail import confirmation_message
from salesdesk.confirmations.models import Confirmation, ConfirmationSettings
from salesdesk.confirmations.pdf import confirmation_pdf, confirmation_title
from salesdesk.confirmations.selectors import (
    confirmation_recipient,
    confirmation_settings_get,
    order_document,
)
from salesdesk.orders.models import Order, OrderEvent
from salesdesk.tenants.models import Company

logger = logging.getLogger(__name__)

NO_ADDRESS = "neither the contact nor the customer has an e-mail address"


class ConfirmationRefused(Exception):
    """A confirmation that cannot be sent by hand; the message says why."""


def confirmation_settings_save(
    *, company: Company, enabled: bool, sender_name: str, text: str
) -> ConfirmationSettings:
    row, _ = ConfirmationSettings.objects.update_or_create(
        company=company,
        defaults={"enabled": enabled, "sender_name": sender_name, "text": text},
    )
    return row


def confirmation_auto(*, order_id: int) -> Confirmation | None:
    """The automatic confirmation of what just reached Exact, once per order and document.

    None when the company has confirmations off, Exact has nothing of the order, or it was
    already asked for (a signal delivered twice).
    """
    order = Order.objects.select_related("company", "customer").filter(pk=order_id).first()
    if order is None or not confirmation_settings_get(company=order.company).enabled:
        return None
    document = order_document(order=order)
    if document is None:
        return None
    try:
        return _confirmation_create(order=order, document=document, trigger="auto", actor=None)
    except IntegrityError:
        return None


def confirmation_resend(*, order: Order, actor) -> Confirmation:
    """Another confirmation of the order, asked for by `actor`; refused while it may not go."""
    if not confirmation_settings_get(company=order.company).enabled:
        raise ConfirmationRefused(
            "Order confirmations are off: an administrator turns them on in Settings."
        )
    document = order_document(order=order)
    if document is None:
        raise ConfirmationRefused("This order is not in Exact Online yet.")
    return _confirmation_create(order=order, document=document, trigger="manual", actor=actor)


def confirmation_deliver(*, confirmation_id: int) -> str | None:
    """Mail a pending confirmation; its status afterwards, or None when another worker has it.

    The Pending -> Sending step is a conditional update only one worker wins, so a task run
    twice mails once. One whose worker died while Sending stays so: sent at most once.
    """
    won = Confirmation.objects.filter(
        pk=confirmation_id, status=Confirmation.Status.PENDING
    ).update(status=Confirmation.Status.SENDING)
    if not won:
        return None
    confirmation = Confirmation.objects.select_related(
        "order__company", "order__customer", "actor"
    ).get(pk=confirmation_id)
    order = confirmation.order
    settings_row = confirmation_settings_get(company=order.company)
    title = confirmation_title(document=confirmation.document)
    try:
        pdf = confirmation_pdf(order=order, document=confirmation.document, settings=settings_row)
        message = confirmation_message(
            confirmation=confirmation, order=order, settings_row=settings_row, pdf=pdf
        )
        message.send()
    except Exception as exc:  # a mail server or PDF failure: recorded, and sent again by hand
        logger.warning("confirmation %s failed: %s", confirmation_id, type(exc).__name__)
        return _finish(confirmation, Confirmation.Status.FAILED, f"{title} not mailed: {exc}")
    return _finish(confirmation, Confirmation.Status.SENT, f"{title} mailed to {confirmation.to}.")


def _confirmation_create(*, order: Order, document: str, trigger: str, actor) -> Confirmation:
    recipient = confirmation_recipient(order=order)
    with transaction.atomic():
        confirmation = Confirmation.objects.create(
            company_id=order.company_id,
            order=order,
            document=document,
            trigger=trigger,
            actor=actor,
            to=recipient.address if recipient else "",
            status=Confirmation.Status.PENDING if recipient else Confirmation.Status.SKIPPED,
            error="" if recipient else NO_ADDRESS,
        )
        if recipient is None:
            title = confirmation_title(document=document)
            _note(order, f"{title} not mailed: {NO_ADDRESS}.", actor)
    return confirmation


def _finish(confirmation: Confirmation, status: str, note: str) -> str:
    with transaction.atomic():
        Confirmation.objects.filter(pk=confirmation.pk).update(
            status=status,
            sent_at=timezone.now() if status == Confirmation.Status.SENT else None,
            error="" if status == Confirmation.Status.SENT else note,
        )
        _note(confirmation.order, note, confirmation.actor)
    return status


def _note(order: Order, message: str, actor) -> None:
    """A line in the order's status history; the order's status itself does not change."""
    OrderEvent.objects.create(order=order, status=order.status, message=message, actor=actor)
