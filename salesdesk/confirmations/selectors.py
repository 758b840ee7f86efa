"""Reads for confirmations; every one takes the company (or an order, which names it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet

from salesdesk.confirmations.models import Confirmation, ConfirmationSettings
from salesdesk.customers.contact_models import Contact
from salesdesk.orders.models import Order
from salesdesk.tenants.models import Company


@dataclass(frozen=True)
class Recipient:
    address: str
    name: str


def confirmation_settings_get(*, company: Company) -> ConfirmationSettings:
    """The company's settings; an unsaved row with the defaults (off) until an admin saves."""
    found = ConfirmationSettings.objects.filter(company=company).first()
    return found or ConfirmationSettings(company=company)


def confirmation_list(*, company: Company, order: Order) -> QuerySet[Confirmation]:
    """The order's confirmations, newest first (another company's order has none here)."""
    rows = Confirmation.objects.filter(company=company, order=order)
    return rows.select_related("actor").order_by("-created_at", "-id")


def order_document(*, order: Order) -> str | None:
    """What of the order Exact has: its sales order, else its quotation; None while neither.

    A quotation that Exact converted has both; its confirmation from then on is the order's.
    """
    if order.exact_order_number is not None:
        return Order.Kind.SALES_ORDER
    if order.exact_quotation_number is not None:
        return Order.Kind.QUOTATION
    return None


def exact_number(*, order: Order, document: str) -> int | None:
    if document == Order.Kind.QUOTATION:
        return order.exact_quotation_number
    return order.exact_order_number


def confirmation_recipient(*, order: Order) -> Recipient | None:
    """The order's contact person when Exact has a usable address for them, else the customer.

    Addresses come from Exact as typed there, so one that is not a single valid address
    (two addresses in one field, a stray line break) counts as none.
    """
    customer = order.customer
    if order.contact_exact_id is not None:
        contact = Contact.objects.filter(
            company_id=order.company_id,
            exact_id=order.contact_exact_id,
            customer_exact_id=customer.exact_id,
        ).first()
        if contact is not None and _valid(contact.email):
            return Recipient(address=contact.email.strip(), name=str(contact))
    if _valid(customer.email):
        return Recipient(address=customer.email.strip(), name=customer.name)
    return None


def _valid(address: str) -> bool:
    address = address.strip()
    if not address:
        return False
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True
