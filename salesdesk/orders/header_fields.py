"""An order header's choices checked within the company and the customer, and turned into
the order's fields: each choice as Exact's ID (or code) with its label at the time.

An address or contact of another customer, or a list value of another company, is refused
in plain words: the form offers none of them, but the API (and a forged form) can send any.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass
from decimal import Decimal

from salesdesk.customers.models import Customer
from salesdesk.orders import bounds
from salesdesk.orders.header_choices import (
    address_label,
    address_text,
    customer_contact_persons,
    customer_delivery_addresses,
)
from salesdesk.orders.models import Order
from salesdesk.orders.terms_selectors import (
    payment_conditions_active,
    shipping_methods_active,
    warehouses_active,
)
from salesdesk.tenants.models import Company

COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class NewAddress:
    """A delivery address typed in for the order; sent to Exact as the customer's address."""

    line1: str
    city: str
    country: str
    line2: str = ""
    postcode: str = ""

    def cleaned(self) -> NewAddress:
        blank = bounds.BLANK_CHARACTERS
        return NewAddress(
            line1=self.line1.strip(blank),
            line2=self.line2.strip(blank),
            postcode=self.postcode.strip(blank),
            city=self.city.strip(blank),
            country=self.country.strip(blank).upper(),
        )


@dataclass(frozen=True, kw_only=True)
class HeaderInput:
    """What the form or the API chose; None (or "") is "none"."""

    kind: str = Order.Kind.SALES_ORDER
    delivery_address_id: uuid.UUID | None = None
    new_delivery_address: NewAddress | None = None
    contact_id: uuid.UUID | None = None
    shipping_method_id: uuid.UUID | None = None
    payment_condition: str = ""
    warehouse_id: uuid.UUID | None = None
    discount: Decimal = Decimal(0)  # a fraction: 0.05 is 5%


def header_fields(
    *, company: Company, customer: Customer, chosen: HeaderInput
) -> tuple[dict, dict[str, str]]:
    """The order's header fields, and what is wrong with the choices, by the API's name of
    the choice (empty when fine)."""
    fields: dict = {"kind": chosen.kind, "discount": chosen.discount}
    problems: dict[str, str] = {}
    if chosen.kind not in Order.Kind.values:
        problems["kind"] = "The order type must be Sales order or Quotation."
    if problem := bounds.discount_problem(chosen.discount):
        problems["discount"] = problem
    elif chosen.kind == Order.Kind.QUOTATION and chosen.discount:
        # crm/Quotations has no header Discount (fields reference): Exact would quote, and
        # later make the order at, the undiscounted total.
        problems["discount"] = (
            "Exact Online's quotations take no order discount: give it in the lines' prices, "
            "or make it a sales order."
        )
    for name, resolve in RESOLVERS:
        found, problem = resolve(company, customer, chosen)
        fields |= found
        if problem:
            problems[name] = problem
    return fields, problems


def _delivery_address(company, customer, chosen: HeaderInput) -> tuple[dict, str | None]:
    if chosen.delivery_address_id and chosen.new_delivery_address:
        return {}, "Choose one of the customer's delivery addresses or type a new one, not both."
    if chosen.new_delivery_address is not None:
        return _new_address(chosen.new_delivery_address.cleaned())
    if chosen.delivery_address_id is None:
        return {}, None
    rows = customer_delivery_addresses(company=company, customer=customer)
    address = rows.filter(exact_id=chosen.delivery_address_id).first()
    if address is None:
        return {}, f"That delivery address is not one of {customer}'s delivery addresses."
    return {
        "delivery_address_exact_id": address.exact_id,
        "delivery_address_text": address_label(address),
    }, None


def _new_address(address: NewAddress) -> tuple[dict, str | None]:
    if problem := _new_address_problem(address):
        return {}, problem
    return {
        "new_delivery_address": asdict(address),
        "delivery_address_text": address_text(**asdict(address)),
    }, None


def _new_address_problem(address: NewAddress) -> str | None:
    if not address.line1 or not address.city:
        return "A new delivery address needs at least its first address line and its city."
    if not COUNTRY.fullmatch(address.country):
        return "The new delivery address needs its country as a two-letter code, such as NL."
    for name, limit in bounds.NEW_ADDRESS_MAX_LENGTHS.items():
        if len(getattr(address, name)) > limit:
            label = name.replace("line", "address line ")
            return f"The new delivery address's {label} can be at most {limit} characters."
    if any("\x00" in value for value in asdict(address).values()):
        return "The new delivery address cannot contain NUL characters."
    return None


def _contact(company, customer, chosen: HeaderInput) -> tuple[dict, str | None]:
    if chosen.contact_id is None:
        return {}, None
    rows = customer_contact_persons(company=company, customer=customer)
    contact = rows.filter(exact_id=chosen.contact_id).first()
    if contact is None:
        return {}, f"That contact person is not one of {customer}'s contacts."
    return {"contact_exact_id": contact.exact_id, "contact_name": str(contact)}, None


def _shipping_method(company, customer, chosen: HeaderInput) -> tuple[dict, str | None]:
    if chosen.shipping_method_id is None:
        return {}, None
    rows = shipping_methods_active(company=company)
    method = rows.filter(exact_id=chosen.shipping_method_id).first()
    if method is None:
        return {}, "That shipping method is not one of this administration's in Exact Online."
    return {"shipping_method_exact_id": method.exact_id, "shipping_method_label": str(method)}, None


def _payment_condition(company, customer, chosen: HeaderInput) -> tuple[dict, str | None]:
    if not chosen.payment_condition:
        return {}, None
    condition = payment_conditions_active(company=company).filter(code=chosen.payment_condition)
    condition = condition.first()
    if condition is None:
        return {}, f"No payment condition with code {chosen.payment_condition!r} in Exact Online."
    return {"payment_condition": condition.code, "payment_condition_label": str(condition)}, None


def _warehouse(company, customer, chosen: HeaderInput) -> tuple[dict, str | None]:
    if chosen.warehouse_id is None:
        return {}, None
    warehouse = warehouses_active(company=company).filter(exact_id=chosen.warehouse_id).first()
    if warehouse is None:
        return {}, "That warehouse is not one of this administration's in Exact Online."
    return {
        "warehouse_exact_id": warehouse.exact_id,
        "warehouse_label": str(warehouse).strip(),
    }, None


# Each choice's resolver, by the name the API gives the choice (its problems are located by it).
RESOLVERS = (
    ("delivery_address", _delivery_address),
    ("contact_id", _contact),
    ("shipping_method_id", _shipping_method),
    ("payment_condition", _payment_condition),
    ("warehouse_id", _warehouse),
)
