"""Recognising, among Exact's accounts, the one Salesdesk created for a new customer.

Exact has no idempotency key and no field we could fill with Salesdesk's own ID that its
account filters accept and that the office does not use itself (`Code` is the office's
numbering, `SearchCode` its own short search word; spec §4.4). So a new customer is
recognised by what it was sent with: the same `Name` (the lookup's filter, one of the
fields Exact lets us filter accounts on) and, of its e-mail, VAT number and postcode,
every one it has. `customer_create` refused the customer when an active one already had its
VAT number or e-mail, so an account matching all of that is ours, or one the office keyed
in by hand for the same company at the same time, which is the same customer and should
not be created twice either.

Used twice: by the send after an unclear answer (integration/account_push) and by the
customers sync, which may see the account before Salesdesk learnt its ID.

An account another customer of the company already holds is never the new one's, however
well it matches (`account_taken`): a customer typed with a name only matches every account
of that name, a customer Salesdesk already knows among them, and two customers cannot share
one Exact ID. The sync skips such accounts as well (customers/services.py).
"""

from __future__ import annotations

import uuid

from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import vat_normalised


def account_matches(customer: Customer, fields: dict) -> bool:
    """Whether an account (domain field names: name, email, vat_number, postcode) is the
    one created for `customer`."""
    if _text(fields.get("name")).casefold() != customer.name.strip().casefold():
        return False
    pairs = (
        (customer.email.strip().casefold(), _text(fields.get("email")).casefold()),
        (vat_normalised(customer.vat_number), vat_normalised(_text(fields.get("vat_number")))),
        (_postcode(customer.postcode), _postcode(_text(fields.get("postcode")))),
    )
    return all(theirs == ours for ours, theirs in pairs if ours)


def _text(value) -> str:
    return str(value or "").strip()


def _postcode(text: str) -> str:
    return text.replace(" ", "").upper()


def account_taken(*, customer: Customer, exact_id: uuid.UUID) -> bool:
    """Whether another customer of `customer`'s company holds the account `exact_id`."""
    others = Customer.objects.filter(company_id=customer.company_id, exact_id=exact_id)
    return others.exclude(pk=customer.pk).exists()
