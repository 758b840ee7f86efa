"""New customers -> Exact's crm/Accounts, crm/Contacts and crm/Addresses: the POST bodies and
the answers read back (spec §4.4, §9.4; every property is one of the fields reference's).

An account gets `Status` C (customer) or P (prospect), `IsSales` (it may be used for sales),
its visit address, e-mail, phone and VAT number, and the rep who created it as
`AccountManager` (their linked Exact user, so the rep keeps seeing it after the next sync).
No `Code`: Exact gives a new account the highest code + 1 (spec §4.4), the office's own
numbering. A contact needs `Account`, `FirstName` and `LastName`; a delivery address is
`Type` 4.
"""

from __future__ import annotations

import uuid
from typing import Any

from salesdesk.customers.models import Customer
from salesdesk.integration.mapping.records import exact_id_of

DELIVERY = 4  # crm/Addresses.Type: 1 visit, 2 postal, 3 invoice, 4 delivery
LOOKUP_FIELDS = {"name": "Name", "email": "Email", "vat_number": "VATNumber",
                 "postcode": "Postcode"}  # fmt: skip


def account_payload(customer: Customer) -> dict[str, Any]:
    """The crm/Accounts POST body of a customer created in Salesdesk."""
    body: dict[str, Any] = {
        "Name": customer.name,
        "Status": customer.status,
        "IsSales": True,
    }
    optional = {
        "AddressLine1": customer.address_line1,
        "Postcode": customer.postcode,
        "City": customer.city,
        "Country": customer.country,
        "Email": customer.email,
        "Phone": customer.phone,
        "VATNumber": customer.vat_number,
    }
    body |= {name: value for name, value in optional.items() if value}
    if customer.account_manager_exact_id:
        body["AccountManager"] = str(customer.account_manager_exact_id)
    return body


def contact_payload(account_id: uuid.UUID, contact: dict) -> dict[str, Any]:
    """The crm/Contacts POST body of the customer's contact person."""
    body: dict[str, Any] = {
        "Account": str(account_id),
        "FirstName": contact["first_name"],
        "LastName": contact["last_name"],
    }
    if contact.get("email"):
        body["Email"] = contact["email"]
    if contact.get("phone"):
        body["Phone"] = contact["phone"]
    return body


def delivery_address_payload(account_id: uuid.UUID, address: dict) -> dict[str, Any]:
    """The crm/Addresses POST body of the customer's delivery address."""
    body: dict[str, Any] = {
        "Account": str(account_id),
        "Type": DELIVERY,
        "AddressLine1": address["line1"],
        "Postcode": address["postcode"],
        "City": address["city"],
    }
    if address.get("country"):
        body["Country"] = address["country"]
    return body


def account_ref(row: dict) -> tuple[uuid.UUID, str]:
    """The ID and code (as Exact pads it) of an account Exact answered or listed."""
    return exact_id_of(row), str(row.get("Code") or "")


def account_lookup_fields(row: dict) -> dict[str, str]:
    """A listed account's fields that recognise a new customer (customers/account_match.py)."""
    return {ours: str(row.get(theirs) or "") for ours, theirs in LOOKUP_FIELDS.items()}


def contact_is(row: dict, contact: dict) -> bool:
    """Whether a listed contact is the one posted (same first and last name, any case)."""
    return all(
        str(row.get(theirs) or "").strip().casefold() == contact[ours].strip().casefold()
        for ours, theirs in (("first_name", "FirstName"), ("last_name", "LastName"))
    )
