"""A customer's addresses and contacts in our field names, stored through the services the
sync calls."""

from __future__ import annotations

import uuid

from django.utils import timezone

from salesdesk.customers.contact_services import addresses_upsert, contacts_upsert


def address_row(*, customer_exact_id, type: int = 4, **fields) -> dict:
    return {
        "exact_id": uuid.uuid4(),
        "customer_exact_id": customer_exact_id,
        "type": type,
        "main": False,
        "line1": "Kade 1",
        "line2": "",
        "line3": "",
        "postcode": "3511 AA",
        "city": "Utrecht",
        "state": "",
        "country": "NL",
        "country_name": "Netherlands",
        "contact_name": "",
        "phone": "",
        **fields,
    }


def make_address(*, company, customer_exact_id, **fields) -> dict:
    row = address_row(customer_exact_id=customer_exact_id, **fields)
    addresses_upsert(company=company, rows=[row], synced_at=timezone.now())
    return row


def contact_row(*, customer_exact_id, last_name: str = "Jansen", **fields) -> dict:
    return {
        "exact_id": uuid.uuid4(),
        "customer_exact_id": customer_exact_id,
        "first_name": "Anna",
        "last_name": last_name,
        "full_name": f"Anna {last_name}",
        "job_title": "Buyer",
        "email": f"anna@{last_name.lower()}.example",
        "phone": "030 123 4567",
        "mobile": "",
        "is_main": False,
        **fields,
    }


def make_contact(*, company, customer_exact_id, **fields) -> dict:
    row = contact_row(customer_exact_id=customer_exact_id, **fields)
    contacts_upsert(company=company, rows=[row], synced_at=timezone.now())
    return row
