"""Sending a customer created in Salesdesk to Exact Online as an account, once.

The rules of the order send (order_push/services.py): nothing is tried while the company's
connection is not usable; a POST that ends without a clear answer is never repeated blindly,
the next attempt looks first (`exact_may_have_it`); only a refusal fails, with Exact's words
on the customer's page. Three steps, each stored as soon as Exact answers it:

1. the account (crm/Accounts): not idempotent in Exact, so after an unclear answer it is
   looked up by name and recognised by what it was sent with (customers/account_match.py);
   its ID goes on the customer and the customer's waiting orders are released at once;
2. its contact person (crm/Contacts), not idempotent either: after an unclear answer the
   account's contacts are listed and the one with the same first and last name is ours;
3. its delivery address (crm/Addresses, Type 4): harmless on repeat, since Exact answers an
   identical address's existing ID instead of storing it again, so it is simply posted again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from exact_client import ExactClient, ExactError
from salesdesk.customers.account_match import account_matches, account_taken
from salesdesk.customers.account_outbox import (
    AccountClaim,
    AccountOutcome,
    account_claim,
    account_finish,
    account_step_record,
)
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.integration.account_push.outcomes import outcome_for_error
from salesdesk.integration.connection.clients import ConnectionNotReady, ready_connection
from salesdesk.integration.mapping import accounts as mapping
from salesdesk.integration.order_push.services import UNCLEAR_BACKOFF, connection_wait_reason
from salesdesk.orders.customer_waiting import outbox_release_customer
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.customers.send")

Connect = Callable[[Company], ExactClient]


class LeaseLost(Exception):
    """Another worker took the customer over: stop without recording anything."""


def account_send(
    *, customer_id: int, connect: Connect, clock: Callable[[], datetime] = timezone.now
) -> AccountOutcome | None:
    """Claim the customer, send what Exact lacks of it, record the outcome; None when it was
    not ours to send."""
    customer = Customer.objects.select_related("company").filter(pk=customer_id).first()
    if customer is None:
        return None
    claim = account_claim(customer_id=customer_id, now=clock())
    if claim is None:
        return None
    try:
        ready_connection(company=customer.company)
        client = connect(customer.company)
    except ConnectionNotReady as exc:
        outcome = AccountOutcome("blocked", _waiting(exc), exact_may_have_it=claim.lookup_first)
    else:
        try:
            outcome = account_push(client=client, claim=claim, clock=clock)
        except LeaseLost:
            return None
    account_finish(claim=claim, outcome=outcome, now=clock(), backoff=UNCLEAR_BACKOFF.delay)
    LOGGER.info(
        "account send %s",
        outcome.result,
        extra={"customer_id": customer_id, "attempt": claim.attempt},
    )
    return outcome


def account_push(
    *, client: ExactClient, claim: AccountClaim, clock: Callable[[], datetime]
) -> AccountOutcome:
    """One attempt: every step Exact does not have yet, each looked up first when an earlier
    attempt may have stored it."""
    lookup_first = claim.lookup_first
    step = "account"
    try:
        customer = Customer.objects.get(pk=claim.customer_id)
        outbox = AccountOutbox.objects.get(customer_id=claim.customer_id)
        if customer.exact_id is None:
            ref = _account(client, customer, lookup_first)
            _record(claim, clock, account=ref)
            outbox_release_customer(customer_id=customer.pk, now=clock())
            customer.exact_id, lookup_first = ref[0], False
        step = "contact"
        if outbox.contact and outbox.contact_exact_id is None:
            contact_id = _contact(client, customer, outbox.contact, lookup_first)
            _record(claim, clock, contact_id=contact_id)
            lookup_first = False
        step = "address"
        if outbox.delivery_address and outbox.address_exact_id is None:
            payload = mapping.delivery_address_payload(customer.exact_id, outbox.delivery_address)
            _record(
                claim, clock, address_id=mapping.account_ref(client.addresses.create(payload))[0]
            )
    except ExactError as exc:
        return outcome_for_error(exc, step=step)
    code = Customer.objects.filter(pk=claim.customer_id).values_list("code_display", flat=True)
    return AccountOutcome("done", f"In Exact Online as {code.first()}.", exact_may_have_it=False)


def _account(client: ExactClient, customer: Customer, lookup_first: bool):
    if lookup_first:
        for row in client.accounts.find_by_name(customer.name):
            ref = mapping.account_ref(row)
            matches = account_matches(customer, mapping.account_lookup_fields(row))
            if matches and not account_taken(customer=customer, exact_id=ref[0]):
                return ref
    return mapping.account_ref(client.accounts.create(mapping.account_payload(customer)))


def _contact(client: ExactClient, customer: Customer, contact: dict, lookup_first: bool):
    if lookup_first:
        for row in client.contacts.for_account(str(customer.exact_id)):
            if mapping.contact_is(row, contact):
                return mapping.account_ref(row)[0]
    payload = mapping.contact_payload(customer.exact_id, contact)
    return mapping.account_ref(client.contacts.create(payload))[0]


def _record(claim: AccountClaim, clock, **ids) -> None:
    if not account_step_record(claim=claim, now=clock(), **ids):
        raise LeaseLost


def _waiting(exc: ConnectionNotReady) -> str:
    return connection_wait_reason(exc).replace("The order goes out", "The customer goes out")
