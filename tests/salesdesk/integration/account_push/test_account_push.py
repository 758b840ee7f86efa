"""New customers sent to the sandbox through the real client: once each, even when answers
get lost; refusals kept with Exact's words; nothing tried without a usable connection."""

from __future__ import annotations

import uuid

import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.holdings import holdings_json
from salesdesk.customers.account_outbox import account_claim, account_finish
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customers import customer_resend
from salesdesk.integration.account_push.services import LeaseLost, account_push
from salesdesk.tenants.models import Membership
from tests.salesdesk.integration.account_push.account_desk import AccountDesk, new_input

pytestmark = pytest.mark.django_db
REP_EXACT_USER = uuid.UUID("0b0b0b0b-0000-4000-8000-000000000001")


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def desk(sandbox_state, live_sandbox) -> AccountDesk:
    return AccountDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")


def _outbox(customer) -> AccountOutbox:
    return AccountOutbox.objects.get(customer=customer)


def test_a_new_customer_becomes_one_account_with_its_contact_and_delivery_address(desk):
    rep = desk.member(Membership.Role.REP)
    Membership.objects.filter(pk=rep.pk).update(exact_user_id=REP_EXACT_USER)
    rep.refresh_from_db()
    highest = max(int(row["Code"]) for row in desk.division_data.accounts)
    customer = desk.new_customer(membership=rep)

    assert desk.send_account(customer).result == "done"

    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")
    customer.refresh_from_db()
    assert customer.exact_id == uuid.UUID(account["ID"])
    assert account["Code"] == str(highest + 1).rjust(18)  # Exact numbers it: highest + 1
    assert customer.code_display == str(highest + 1)
    assert (account["Status"], account["IsSales"], account["VATNumber"], account["Email"]) == (
        "C", True, "NL123456789B01", "info@bakkerij-nieuw.nl"
    )  # fmt: skip
    assert (account["AddressLine1"], account["Postcode"], account["City"]) == (
        "Dorpsstraat 1", "1234 AB", "Utrecht"
    )  # fmt: skip
    assert account["AccountManager"] == str(REP_EXACT_USER)
    (contact,) = desk.exact_contacts_of(customer.exact_id)
    assert (contact["FirstName"], contact["LastName"], contact["Email"]) == (
        "Anna", "de Boer", "anna@bakkerij-nieuw.nl"
    )  # fmt: skip
    (address,) = desk.exact_addresses_of(customer.exact_id)
    assert (address["AddressLine1"], address["Postcode"]) == ("Havenweg 9", "1235 CD")
    outbox = _outbox(customer)
    assert outbox.state == AccountOutbox.State.DONE
    assert (outbox.contact_exact_id, outbox.address_exact_id) == (
        uuid.UUID(contact["ID"]), uuid.UUID(address["ID"])
    )  # fmt: skip
    assert outbox.message == f"In Exact Online as {highest + 1}."
    listed = holdings_json(desk.state, "accounts", {"division": str(desk.division)})
    assert [row["Name"] for row in listed["rows"]].count("Bakkerij Nieuw") == 1


def test_a_prospect_without_contact_and_address_is_one_account_only(desk):
    customer = desk.new_customer(
        status="P", contact=new_input().contact.__class__(),
        delivery_address=new_input().address.__class__(),
    )  # fmt: skip
    assert desk.send_account(customer).result == "done"
    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")
    assert account["Status"] == "P"
    assert desk.exact_contacts_of(account["ID"]) == []
    assert desk.exact_addresses_of(account["ID"]) == []


def test_an_account_whose_answer_was_lost_is_found_not_posted_again(desk):
    customer = desk.new_customer()
    desk.state.faults.add("drop_after_commit", "crm/Accounts", method="POST")

    first = desk.send_account(customer)
    assert first.result == "unclear"
    customer.refresh_from_db()
    assert customer.exact_id is None  # Salesdesk does not know: Exact does
    assert len(desk.exact_accounts_named("Bakkerij Nieuw")) == 1
    assert "no clear answer" in _outbox(customer).message

    assert desk.send_account_when_due(customer).result == "done"
    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")  # still one
    customer.refresh_from_db()
    assert customer.exact_id == uuid.UUID(account["ID"])
    assert len(desk.exact_contacts_of(customer.exact_id)) == 1


def test_a_lost_contact_answer_keeps_the_account_and_finds_the_contact(desk):
    customer = desk.new_customer()
    desk.state.faults.add("drop_after_commit", "crm/Contacts", method="POST")

    assert desk.send_account(customer).result == "unclear"
    customer.refresh_from_db()
    assert customer.exact_id is not None  # stored the moment Exact answered the account
    assert desk.send_account_when_due(customer).result == "done"
    assert len(desk.exact_accounts_named("Bakkerij Nieuw")) == 1
    (contact,) = desk.exact_contacts_of(customer.exact_id)
    assert _outbox(customer).contact_exact_id == uuid.UUID(contact["ID"])


def test_a_lost_address_answer_is_harmless_since_exact_answers_the_same_address(desk):
    customer = desk.new_customer()
    desk.state.faults.add("timeout", "crm/Addresses", method="POST")
    desk.state.faults.add("drop_after_commit", "crm/Addresses", method="POST")

    assert desk.send_account(customer).result == "unclear"
    assert desk.send_account_when_due(customer).result == "unclear"
    assert desk.send_account_when_due(customer).result == "done"
    customer.refresh_from_db()
    (address,) = desk.exact_addresses_of(customer.exact_id)
    assert _outbox(customer).address_exact_id == uuid.UUID(address["ID"])
    assert len(desk.exact_contacts_of(customer.exact_id)) == 1


def test_a_refused_account_fails_with_exacts_words_and_goes_out_once_corrected(desk):
    customer = desk.new_customer()
    Customer.objects.filter(pk=customer.pk).update(status="X")  # Exact knows A, S, P and C
    outcome = desk.send_account(customer)
    assert outcome.result == "refused"
    outbox = _outbox(customer)
    assert outbox.state == AccountOutbox.State.FAILED
    assert outbox.message.startswith("Exact Online refused the customer: ")
    assert "Status" in outbox.message
    assert desk.exact_accounts_named("Bakkerij Nieuw") == []
    assert desk.send_account(customer) is None  # failed: not retried by itself

    customer.refresh_from_db()
    customer_resend(customer=customer, data=new_input(name="Bakkerij Nieuw B.V."))
    assert desk.send_account(customer).result == "done"
    assert len(desk.exact_accounts_named("Bakkerij Nieuw B.V.")) == 1


def test_nothing_is_tried_while_the_company_is_not_connected(sandbox_state, live_sandbox):
    desk = AccountDesk.open(state=sandbox_state, live=live_sandbox, slug="demo", connected=False)
    customer = desk.new_customer()
    calls = desk.calls()
    outcome = desk.send_account(customer)  # desk.connect would fail the test if called
    assert outcome.result == "blocked"
    assert "not connected to Exact Online" in outcome.message
    assert "The customer goes out" in outcome.message
    assert desk.calls() == calls
    assert _outbox(customer).state == AccountOutbox.State.QUEUED

    desk.authorize()
    assert desk.send_account_when_due(customer).result == "done"
    assert len(desk.exact_accounts_named("Bakkerij Nieuw")) == 1


def test_two_workers_never_send_one_customer_and_a_dead_workers_lease_looks_up_first(desk):
    customer = desk.new_customer()
    claim = account_claim(customer_id=customer.pk, now=desk.now())
    assert claim is not None and not claim.lookup_first
    assert account_claim(customer_id=customer.pk, now=desk.now()) is None
    assert desk.send_account(customer) is None  # held by the first claim

    desk.state.clock.advance(11 * 60)  # the lease ran out: its worker died mid-send
    taken = account_claim(customer_id=customer.pk, now=desk.now())
    assert taken is not None and taken.lookup_first


def test_the_outbox_drain_sends_every_new_customer_once_under_random_faults(desk):
    customers = [
        desk.new_customer(name=f"Nieuw {n}", email=f"n{n}@nieuw.nl", vat_number=f"NL{n}B01")
        for n in range(12)
    ]
    desk.state.config.fault_rate = 0.2
    for skip in (1, 4, 7):
        desk.state.faults.add("drop_after_commit", "crm/Accounts", method="POST", skip=skip)
    desk.drain_accounts()
    desk.state.config.fault_rate = 0.0
    for n, customer in enumerate(customers):
        customer.refresh_from_db()
        assert _outbox(customer).state == AccountOutbox.State.DONE, _outbox(customer).message
        (account,) = desk.exact_accounts_named(f"Nieuw {n}")
        assert customer.exact_id == uuid.UUID(account["ID"])
        assert len(desk.exact_contacts_of(customer.exact_id)) == 1
        assert len(desk.exact_addresses_of(customer.exact_id)) == 1


def test_a_worker_that_lost_its_lease_records_nothing_and_the_account_stays_single(desk):
    customer = desk.new_customer()
    slow = account_claim(customer_id=customer.pk, now=desk.now())
    desk.state.clock.advance(11 * 60)  # the slow worker's lease ran out
    taker = account_claim(customer_id=customer.pk, now=desk.now())
    assert taker is not None and taker.lookup_first

    # The slow worker carries on: Exact stores its account, but it may not record it.
    with pytest.raises(LeaseLost):
        account_push(client=desk.client, claim=slow, clock=desk.now)
    customer.refresh_from_db()
    assert customer.exact_id is None
    assert len(desk.exact_accounts_named("Bakkerij Nieuw")) == 1

    # The worker holding the lease looks first, finds that account and finishes.
    outcome = account_push(client=desk.client, claim=taker, clock=desk.now)
    assert outcome.result == "done"
    assert account_finish(claim=taker, outcome=outcome, now=desk.now(), backoff=lambda n: 30.0)
    assert not account_finish(claim=slow, outcome=outcome, now=desk.now(), backoff=lambda n: 30.0)
    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")
    customer.refresh_from_db()
    assert customer.exact_id == uuid.UUID(account["ID"])
    assert _outbox(customer).state == AccountOutbox.State.DONE
