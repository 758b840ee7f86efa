"""Writes for confirmations: the settings and asking for a confirmation (mailing it: delivery)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from salesdesk.confirmations.models import Confirmation, ConfirmationSettings
from salesdesk.confirmations.order_notes import order_note
from salesdesk.confirmations.pdf import confirmation_title
from salesdesk.confirmations.selectors import (
    confirmation_recipient,
    confirmation_settings_get,
    order_document,
)
from salesdesk.orders.models import Order
from salesdesk.tenants.models import Company

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
            order_note(order=order, message=f"{title} not mailed: {NO_ADDRESS}.", actor=actor)
    return confirmation
