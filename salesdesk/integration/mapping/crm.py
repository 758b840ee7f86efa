"""sync/CRM/Addresses and sync/CRM/Contacts -> a customer's addresses and contacts (§9.4).

Address `Type`: 1 visit, 2 postal, 3 invoice, 4 delivery; `Main` marks the main address of
its type. A contact's e-mail: `Email`, else `BusinessEmail`; phones: the business ones first.
"""

from __future__ import annotations

from typing import Any

from salesdesk.integration.mapping.values import flag, guid, text, timestamp, whole

Row = dict[str, Any]

ADDRESS_FIELDS = (
    "ID", "Account", "Type", "Main", "AddressLine1", "AddressLine2", "AddressLine3", "Postcode",
    "City", "State", "Country", "CountryName", "ContactName", "Phone",
)  # fmt: skip
CONTACT_FIELDS = (
    "ID", "Account", "FirstName", "LastName", "FullName", "JobTitleDescription", "Email",
    "BusinessEmail", "Phone", "BusinessPhone", "Mobile", "BusinessMobile", "IsMainContact",
)  # fmt: skip
# sync/Deleted EntityTypes (spec §9.3).
DELETED_ADDRESS, DELETED_CONTACT = 3, 5
VISIT = 1


def address_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "customer_exact_id": guid(row.get("Account")),
        "type": whole(row.get("Type")) or VISIT,
        "main": flag(row.get("Main")),
        "line1": text(row.get("AddressLine1"))[:200],
        "line2": text(row.get("AddressLine2"))[:200],
        "line3": text(row.get("AddressLine3"))[:200],
        "postcode": text(row.get("Postcode"))[:20],
        "city": text(row.get("City"))[:100],
        "state": text(row.get("State"))[:100],
        "country": text(row.get("Country"))[:3],
        "country_name": text(row.get("CountryName"))[:100],
        "contact_name": text(row.get("ContactName"))[:200],
        "phone": text(row.get("Phone"))[:50],
        "exact_timestamp": timestamp(row),
    }


def contact_from_exact(row: Row) -> Row:
    return {
        "exact_id": guid(row.get("ID")),
        "customer_exact_id": guid(row.get("Account")),
        "first_name": text(row.get("FirstName"))[:100],
        "last_name": text(row.get("LastName"))[:100],
        "full_name": text(row.get("FullName"))[:200],
        "job_title": text(row.get("JobTitleDescription"))[:200],
        "email": _first(row, "Email", "BusinessEmail")[:254],
        "phone": _first(row, "BusinessPhone", "Phone")[:50],
        "mobile": _first(row, "BusinessMobile", "Mobile")[:50],
        "is_main": flag(row.get("IsMainContact")),
        "exact_timestamp": timestamp(row),
    }


def _first(row: Row, *names: str) -> str:
    return next((text(row.get(name)) for name in names if text(row.get(name))), "")
