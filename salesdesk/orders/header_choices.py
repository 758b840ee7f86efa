"""What an order header may pick for one customer, and what Exact would pick by itself.

Every list is the company's own (and the customer's own, for addresses and contacts): the
form offers nothing else, and the services accept nothing else (header_fields.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from django.db.models import QuerySet

from salesdesk.catalog.models import Warehouse
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.customers.models import Customer
from salesdesk.orders.terms_models import PaymentCondition, ShippingMethod
from salesdesk.orders.terms_selectors import (
    payment_conditions_active,
    shipping_methods_active,
    warehouses_active,
)
from salesdesk.tenants.models import Company


@dataclass(frozen=True)
class HeaderDefaults:
    """Exact's own defaults for a new order of the customer, preselected in the form."""

    delivery_address_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    shipping_method_id: uuid.UUID | None = None
    payment_condition: str = ""
    warehouse_id: uuid.UUID | None = None


@dataclass(frozen=True)
class HeaderChoices:
    addresses: list[Address] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    shipping_methods: list[ShippingMethod] = field(default_factory=list)
    payment_conditions: list[PaymentCondition] = field(default_factory=list)
    warehouses: list[Warehouse] = field(default_factory=list)
    defaults: HeaderDefaults = HeaderDefaults()

    @property
    def warehouse_to_pick(self) -> bool:
        """Exact's smallest editions have one warehouse: then there is nothing to choose."""
        return len(self.warehouses) > 1


def customer_delivery_addresses(*, company: Company, customer: Customer) -> QuerySet[Address]:
    """The customer's delivery addresses in Exact, the main one first."""
    if customer.exact_id is None:  # not in Exact yet; NULL would match warehouses' addresses
        return Address.objects.none()
    rows = Address.objects.filter(
        company=company,
        customer_exact_id=customer.exact_id,
        type=Address.Type.DELIVERY,
        active=True,
    )
    return rows.order_by("-main", "city", "line1", "pk")


def customer_contact_persons(*, company: Company, customer: Customer) -> QuerySet[Contact]:
    if customer.exact_id is None:
        return Contact.objects.none()
    rows = Contact.objects.filter(company=company, customer_exact_id=customer.exact_id, active=True)
    return rows.order_by("-is_main", "last_name", "first_name", "pk")


def customer_parties_unsynced(*, company: Company, customer: Customer | None) -> bool:
    """Whether the customer, in Exact, has no delivery address nor contact in Salesdesk
    because the company never synchronized addresses or contacts (their own sync rows, apart
    from the customers'): the order form says so instead of offering empty lists."""
    if customer is None or customer.exact_id is None:
        return False
    return not (
        Address.objects.filter(company=company).exists()
        and Contact.objects.filter(company=company).exists()
    )


def header_choices(*, company: Company, customer: Customer | None) -> HeaderChoices:
    """The lists for the customer's order (no addresses or contacts before a customer is
    picked), with Exact's defaults for that customer."""
    customer_rows = {}
    if customer is not None and customer.company_id == company.pk:
        customer_rows = {
            "addresses": list(customer_delivery_addresses(company=company, customer=customer)),
            "contacts": list(customer_contact_persons(company=company, customer=customer)),
        }
    choices = HeaderChoices(
        shipping_methods=list(shipping_methods_active(company=company)),
        payment_conditions=list(payment_conditions_active(company=company)),
        warehouses=list(warehouses_active(company=company)),
        **customer_rows,
    )
    return replace(choices, defaults=_defaults(choices, customer))


def _defaults(choices: HeaderChoices, customer: Customer | None) -> HeaderDefaults:
    if customer is None:
        return HeaderDefaults()
    main_address = next((a for a in choices.addresses if a.main), None)
    main_contact = next((c for c in choices.contacts if c.is_main), None)
    codes = {condition.code for condition in choices.payment_conditions}
    main_warehouse = next((w for w in choices.warehouses if w.main), None)
    methods = {method.exact_id for method in choices.shipping_methods}
    shipping = customer.shipping_method_exact_id
    return HeaderDefaults(
        delivery_address_id=main_address.exact_id if main_address else None,
        contact_id=main_contact.exact_id if main_contact else None,
        shipping_method_id=shipping if shipping in methods else None,
        payment_condition=customer.payment_condition if customer.payment_condition in codes else "",
        warehouse_id=(
            main_warehouse.exact_id if main_warehouse and choices.warehouse_to_pick else None
        ),
    )


def address_text(*, line1: str, line2: str = "", postcode: str = "", city: str = "",
                 country: str = "") -> str:  # fmt: skip
    """One line for the order page and lists: "Kade 1, 3511 AA Utrecht, NL"."""
    place = " ".join(part for part in (postcode, city) if part)
    return ", ".join(part for part in (line1, line2, place, country) if part)


def address_label(address: Address) -> str:
    return address_text(
        line1=address.line1,
        line2=address.line2,
        postcode=address.postcode,
        city=address.city,
        country=address.country,
    )
