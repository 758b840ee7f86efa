"""Orders of a new customer wait for its account and reach Exact after it; the customers
sync later updates the same customer (or adopts it when it sees the account first)."""

from __future__ import annotations

import uuid

import pytest

from exact_sandbox.clock import SandboxClock
from salesdesk.customers.account_outbox_models import AccountOutbox
from salesdesk.customers.models import Customer
from salesdesk.integration.account_push.tasks import account_sweep
from salesdesk.orders.customer_waiting import CUSTOMER_PENDING
from salesdesk.orders.models import Order, OrderOutbox
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.waiting import outbox_wait
from tests.salesdesk.integration.account_push.account_desk import AccountDesk
from tests.salesdesk.integration.sync.sync_support import run_sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def desk(sandbox_state, live_sandbox) -> AccountDesk:
    return AccountDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")


def _rows_named(company, name: str) -> list[Customer]:
    return list(Customer.objects.filter(company=company, name=name))


def test_an_order_for_a_new_customer_waits_then_reaches_exact_after_the_account(desk):
    customer = desk.new_customer()
    order = desk.order(customer=customer, your_ref="PO-NEW-1")

    outcome = desk.send(order)
    assert outcome.result is SendResult.BLOCKED
    order.refresh_from_db()
    assert (order.status, order.exact_message) == (Order.Status.QUEUED, CUSTOMER_PENDING)
    assert OrderOutbox.objects.get(order=order).waiting_since is not None
    assert not [row for row in desk.exact_orders if row.get("YourRef") == "PO-NEW-1"]
    assert desk.drain() == 0  # a waiting order is never due by itself

    assert desk.send_account(customer).result == "done"
    customer.refresh_from_db()
    assert OrderOutbox.objects.get(order=order).waiting_since is None  # released at once
    desk.drain()

    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED, order.exact_message
    (stored,) = desk.exact_orders_for(order)
    assert stored["OrderedBy"] == str(customer.exact_id)
    assert stored["YourRef"] == "PO-NEW-1"
    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")
    assert account["ID"] == stored["OrderedBy"]
    assert order.events.filter(message__contains="customer is in Exact Online now").exists()


def test_an_order_parked_in_a_race_with_the_release_is_released_by_the_sweep(desk):
    customer = desk.new_customer()
    assert desk.send_account(customer).result == "done"
    order = desk.order(customer=customer)
    # As if its send had read the customer just before the account's ID was stored.
    assert outbox_wait(order_id=order.pk, reason=CUSTOMER_PENDING, now=desk.now())
    account_sweep(now=desk.now())
    assert OrderOutbox.objects.get(order=order).waiting_since is None
    desk.drain()
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED


def test_the_customers_sync_later_updates_the_same_customer(desk):
    customer = desk.new_customer()
    assert desk.send_account(customer).result == "done"
    run_sync(desk.company, "customers", desk.state.clock, client=desk.client)

    (row,) = _rows_named(desk.company, "Bakkerij Nieuw")
    assert row.pk == customer.pk
    assert row.synced_at is not None and row.active
    assert row.vat_number == "NL123456789B01"


def test_a_sync_that_sees_the_account_first_adopts_the_waiting_customer(desk):
    customer = desk.new_customer()
    desk.state.faults.add("drop_after_commit", "crm/Accounts", method="POST")
    assert desk.send_account(customer).result == "unclear"

    run_sync(desk.company, "customers", desk.state.clock, client=desk.client)
    (row,) = _rows_named(desk.company, "Bakkerij Nieuw")
    (account,) = desk.exact_accounts_named("Bakkerij Nieuw")
    assert row.pk == customer.pk and row.exact_id == uuid.UUID(account["ID"])

    assert desk.send_account_when_due(customer).result == "done"
    assert len(desk.exact_accounts_named("Bakkerij Nieuw")) == 1
    assert len(desk.exact_contacts_of(account["ID"])) == 1


def test_a_full_customers_sync_never_deactivates_a_customer_on_its_way_to_exact(
    sandbox_state, live_sandbox
):
    desk = AccountDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")
    customer = desk.new_customer()
    run_sync(desk.company, "customers", desk.state.clock, client=desk.client, full=True)
    customer.refresh_from_db()
    assert customer.active and customer.exact_id is None
    assert AccountOutbox.objects.get(customer=customer).state == AccountOutbox.State.QUEUED


def test_a_prospect_created_here_stays_active_after_the_sync(desk):
    customer = desk.new_customer(status="P")
    assert desk.send_account(customer).result == "done"
    run_sync(desk.company, "customers", desk.state.clock, client=desk.client)
    customer.refresh_from_db()
    assert (customer.status, customer.active) == (Customer.Status.PROSPECT, True)
