"""What a new customer typed in Salesdesk may hold, checked before anything is stored.

The web form and `POST /api/v1/customers` both hand their text to `new_customer_problems`,
so the two refuse the same things with the same words. The bounds are what Exact's account,
contact and address take (and what our columns hold): a value Exact would cut or refuse is
refused here, where the user can still fix it, not hours later in the outbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

NAME_MAX = 100
LINE_MAX = 100
POSTCODE_MAX = 20
CITY_MAX = 50
EMAIL_MAX = 254
PHONE_MAX = 30
PERSON_NAME_MAX = 50
VAT_MAX = 20
STATUSES = {"C": "Customer", "P": "Prospect"}  # Exact's crm/Accounts.Status (spec §4.4)

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_VAT_RE = re.compile(r"^[A-Z0-9]+$")
_PHONE_RE = re.compile(r"^[0-9+()\- ./]*$")


@dataclass(frozen=True)
class PersonInput:
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""

    @property
    def given(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class AddressInput:
    line1: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""

    @property
    def given(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class NewCustomerInput:
    """A new customer as typed; `cleaned()` trims it and normalises codes."""

    name: str
    status: str = "C"
    address: AddressInput = field(default_factory=AddressInput)
    email: str = ""
    phone: str = ""
    vat_number: str = ""
    contact: PersonInput = field(default_factory=PersonInput)
    delivery_address: AddressInput = field(default_factory=AddressInput)

    def cleaned(self) -> NewCustomerInput:
        return NewCustomerInput(
            name=self.name.strip(),
            status=self.status.strip().upper(),
            address=_address(self.address),
            email=self.email.strip(),
            phone=self.phone.strip(),
            vat_number=vat_normalised(self.vat_number),
            contact=PersonInput(
                *(getattr(self.contact, f.name).strip() for f in fields(PersonInput))
            ),
            delivery_address=_address(self.delivery_address),
        )


def vat_normalised(text: str) -> str:
    """A VAT number as compared: without spaces, dots and dashes, in capitals."""
    return re.sub(r"[\s.\-]", "", text or "").upper()


def new_customer_problems(data: NewCustomerInput) -> dict[str, str]:
    """Field (dotted: `contact.last_name`) -> what is wrong; empty when `data` (cleaned) is
    fine."""
    problems: dict[str, str] = {}
    if not data.name:
        problems["name"] = "Enter the customer's name."
    _bounded(problems, "name", data.name, NAME_MAX)
    if data.status not in STATUSES:
        problems["status"] = "Choose Customer (C) or Prospect (P)."
    _address_problems(problems, "address", data.address)
    _email(problems, "email", data.email)
    _phone(problems, "phone", data.phone)
    if data.vat_number and not _VAT_RE.match(data.vat_number):
        problems["vat_number"] = "A VAT number holds letters and digits only (e.g. NL123456789B01)."
    _bounded(problems, "vat_number", data.vat_number, VAT_MAX)
    _contact_problems(problems, data.contact)
    if data.delivery_address.given:
        _address_problems(problems, "delivery_address", data.delivery_address, complete=True)
    return problems


def _contact_problems(problems: dict[str, str], person: PersonInput) -> None:
    if not person.given:
        return
    # Exact refuses a contact without both names (crm/Contacts POST, fields reference).
    for name, words in (("first_name", "first name"), ("last_name", "last name")):
        value = getattr(person, name)
        if not value:
            problems[f"contact.{name}"] = (
                f"Enter the contact's {words}, or leave the contact empty."
            )
        _bounded(problems, f"contact.{name}", value, PERSON_NAME_MAX)
    _email(problems, "contact.email", person.email)
    _phone(problems, "contact.phone", person.phone)


def _address_problems(
    problems: dict[str, str], prefix: str, address: AddressInput, *, complete: bool = False
) -> None:
    for name, limit in (("line1", LINE_MAX), ("postcode", POSTCODE_MAX), ("city", CITY_MAX)):
        value = getattr(address, name)
        if complete and not value:
            problems[f"{prefix}.{name}"] = "Enter the whole delivery address, or none of it."
        _bounded(problems, f"{prefix}.{name}", value, limit)
    if address.country and not _COUNTRY_RE.match(address.country):
        problems[f"{prefix}.country"] = "Enter the country as its two-letter code (NL, BE, DE)."


def _email(problems: dict[str, str], name: str, value: str) -> None:
    if not value:
        return
    try:
        validate_email(value)
    except ValidationError:
        problems[name] = "Enter a valid e-mail address."
    _bounded(problems, name, value, EMAIL_MAX)


def _phone(problems: dict[str, str], name: str, value: str) -> None:
    if value and not _PHONE_RE.match(value):
        problems[name] = "A phone number holds digits, spaces and + ( ) - . / only."
    _bounded(problems, name, value, PHONE_MAX)


def _bounded(problems: dict[str, str], name: str, value: str, limit: int) -> None:
    if len(value) > limit and name not in problems:
        problems[name] = f"At most {limit} characters."


def _address(address: AddressInput) -> AddressInput:
    return AddressInput(
        line1=address.line1.strip(),
        postcode=address.postcode.strip().upper(),
        city=address.city.strip(),
        country=address.country.strip().upper(),
    )
