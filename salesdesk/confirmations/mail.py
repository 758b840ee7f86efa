"""The confirmation's e-mail: From in the company's name on Salesdesk's own address."""

from __future__ import annotations

import unicodedata
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage

from salesdesk.confirmations.models import Confirmation, ConfirmationSettings
from salesdesk.confirmations.pdf import confirmation_filename, confirmation_title
from salesdesk.confirmations.selectors import exact_number
from salesdesk.orders.models import Order


def confirmation_message(
    *, confirmation: Confirmation, order: Order, settings_row: ConfirmationSettings, pdf: bytes
) -> EmailMessage:
    document = confirmation.document
    title = confirmation_title(document=document)
    number = exact_number(order=order, document=document) or order.number
    message = EmailMessage(
        subject=f"{title} {number} · {order.company.name}",
        body=_body(order=order, title=title, number=number, text=settings_row.text),
        from_email=sender(name=settings_row.sender_name or order.company.name),
        to=[confirmation.to],
    )
    message.attach(confirmation_filename(order=order, document=document), pdf, "application/pdf")
    return message


def sender(*, name: str) -> str:
    """The From header: `name` as display name of DEFAULT_FROM_EMAIL's address.

    The name is flattened to one line of printable characters before it is quoted, so no
    name can add a header or change the address (Django would refuse a line break; this
    sends the mail instead, under a harmless name).
    """
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return formataddr((display_name(name), address))


def display_name(name: str) -> str:
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in name
    )
    return " ".join(printable.split())


def _body(*, order: Order, title: str, number: int | str, text: str) -> str:
    parts = [
        f"{title} {number} (your reference: {order.your_ref})"
        if order.your_ref
        else f"{title} {number}",
        "The PDF attached to this e-mail lists what we recorded.",
    ]
    if text:
        parts.append(text)
    parts.append(order.company.name)
    return "\n\n".join(parts) + "\n"
