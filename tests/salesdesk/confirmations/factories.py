"""Orders that reached Exact, and companies with confirmations on, for confirmations tests."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from salesdesk.confirmations.services import confirmation_settings_save
from salesdesk.orders.models import Order
from salesdesk.tenants.models import Company
from tests.salesdesk.customers.contact_factories import make_contact
from tests.salesdesk.orders.factories import make_customer, make_order

IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "pictures"],
    }
}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


def confirmations_on(company: Company, *, sender_name: str = "Acme Sales", text: str = ""):
    return confirmation_settings_save(
        company=company, enabled=True, sender_name=sender_name, text=text
    )


def mark_in_exact(order: Order, *, number: int = 4711, quotation: int | None = None) -> Order:
    """The order as the outbox leaves it once Exact has it (its number on it)."""
    Order.objects.filter(pk=order.pk).update(
        status=Order.Status.SUBMITTED,
        exact_order_id=uuid.uuid4() if quotation is None else None,
        exact_order_number=number if quotation is None else None,
        exact_quotation_id=uuid.uuid4() if quotation is not None else None,
        exact_quotation_number=quotation,
    )
    order.refresh_from_db()
    return order


def order_with_contact(
    company: Company, *, customer_email: str = "orders@customer.example", **contact
) -> Order:
    """An order in Exact, of a customer with an e-mail address, for one of its contacts."""
    customer = make_customer(company=company, email=customer_email, name="Bakker Groothandel")
    row = make_contact(company=company, customer_exact_id=customer.exact_id, **contact)
    order = make_order(
        company=company,
        customer=customer,
        your_ref="PO-2026-17",
        delivery_date=datetime.date(2026, 12, 18),
    )
    Order.objects.filter(pk=order.pk).update(
        contact_exact_id=row["exact_id"],
        contact_name=row["full_name"],
        delivery_address_text="Havenweg 12\n3011 AB Rotterdam",
        shipping_method_label="Own transport",
        payment_condition="30",
        payment_condition_label="30 days net",
        discount=Decimal("0"),
    )
    return mark_in_exact(order)
