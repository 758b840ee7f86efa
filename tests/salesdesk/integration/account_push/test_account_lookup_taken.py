"""After an unclear answer, the look-up never takes an account another customer already holds.

A new customer is recognised by its name and, of its e-mail, VAT number and postcode, the
ones it has (customers/account_match.py). A customer typed with a name only (and a street
and city) matches every account of that name; one of those may be a customer Salesdesk
already knows, and linking to it would give two customers one Exact ID (the database
refuses that, so the send crashed on every retry and the customer never reached Exact).
"""

from __future__ import annotations

import uuid

import pytest

from exact_sandbox.clock import SandboxClock
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import AddressInput, PersonInput
from tests.salesdesk.integration.account_push.account_desk import AccountDesk

pytestmark = pytest.mark.django_db
# What a rep types in a hurry: the shop's name, street and town; nothing else to compare.
NAME_ONLY = {
    "address": AddressInput("Kerkstraat 1", "", "Zwolle", "NL"),
    "email": "",
    "phone": "",
    "vat_number": "",
    "contact": PersonInput(),
    "delivery_address": AddressInput(),
}


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


def _desks(sandbox_state, live_sandbox) -> list[AccountDesk]:
    return [
        AccountDesk.open(state=sandbox_state, live=live_sandbox, slug=f"d{division}",
                         division=division)
        for division in (100001, 100003)
    ]  # fmt: skip


def _lost_then_sent(desk: AccountDesk, customer) -> None:
    """The first POST ends in a 503 (nothing stored); the retry looks up, then posts."""
    desk.state.faults.add("503", "crm/Accounts", method="POST", division=desk.division)
    assert desk.send_account(customer).result == "unclear"
    assert desk.send_account_when_due(customer).result == "done"


def test_a_namesake_of_a_synced_customer_gets_its_own_account(sandbox_state, live_sandbox):
    for desk in _desks(sandbox_state, live_sandbox):
        known = desk.customers[0]  # synced from Exact: its account has the same name
        customer = desk.new_customer(name=known.name, **NAME_ONLY)

        _lost_then_sent(desk, customer)

        customer.refresh_from_db()
        accounts = desk.exact_accounts_named(known.name)
        assert len(accounts) == 2  # the known one and the new one, each once
        assert customer.exact_id not in (None, known.exact_id)
        assert str(customer.exact_id) in {row["ID"] for row in accounts}
        known.refresh_from_db()
        assert known.exact_id == uuid.UUID(accounts[0]["ID"])  # untouched


def test_two_new_namesakes_get_an_account_each(sandbox_state, live_sandbox):
    for desk in _desks(sandbox_state, live_sandbox):
        first = desk.new_customer(name="Café De Hoek", **NAME_ONLY)
        assert desk.send_account(first).result == "done"
        second = desk.new_customer(name="Café De Hoek", **NAME_ONLY)

        _lost_then_sent(desk, second)

        first.refresh_from_db()
        second.refresh_from_db()
        ids = {row["ID"] for row in desk.exact_accounts_named("Café De Hoek")}
        assert ids == {str(first.exact_id), str(second.exact_id)} and len(ids) == 2
        states = AccountOutbox.objects.filter(customer__in=[first, second])
        assert set(states.values_list("state", flat=True)) == {AccountOutbox.State.DONE}
    # Each company's namesakes are its own: no account of one company in the other's.
    one, two = (set(Customer.objects.filter(company__slug=s).values_list("exact_id", flat=True))
                for s in ("d100001", "d100003"))  # fmt: skip
    assert not one & two
