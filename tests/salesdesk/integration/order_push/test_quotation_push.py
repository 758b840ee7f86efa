"""Quotations sent to the sandbox and converted into sales orders, each exactly once."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import DEMO_CLIENT_ID, SandboxConfig
from exact_sandbox.scopes import QUOTES
from salesdesk.orders.header_fields import NewAddress
from salesdesk.orders.models import Order
from salesdesk.orders.outcomes import SendResult
from salesdesk.orders.quotations import order_convert
from salesdesk.orders.services import OrderRefused
from salesdesk.orders.signals import order_in_exact
from tests.salesdesk.integration.order_push.quotation_desk import (
    convert,
    exact_quotations,
    quotation,
    sent_quotation,
)
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db(transaction=True)
QUOTATIONS = "crm/Quotations"
ACCEPT = "crm/AcceptQuotation"


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=40, customers=20, seed=11)


@pytest.fixture
def desk(sandbox_state, live_sandbox) -> OrderDesk:
    return OrderDesk.open(state=sandbox_state, live=live_sandbox, slug="demo")


@pytest.fixture
def heard():
    orders: list[int] = []

    def listen(sender, order_id, **kwargs):
        orders.append(order_id)

    order_in_exact.connect(listen)
    yield orders
    order_in_exact.disconnect(listen)


def test_a_quotation_goes_to_exact_as_a_quotation_with_its_lines_not_as_an_order(desk, heard):
    order = sent_quotation(desk, your_ref="PO-88", notes="Price valid a month",
                           delivery_date=date(2030, 2, 1))  # fmt: skip
    (stored,) = exact_quotations(desk)
    assert desk.exact_orders == []
    assert (stored["Description"], stored["YourRef"], stored["Remarks"]) == (
        order.number, "PO-88", "Price valid a month",
    )  # fmt: skip
    assert stored["OrderAccount"] == str(desk.customers[0].exact_id)
    lines = desk.state.divisions[desk.division].quotation_lines.lookup(
        "QuotationID", stored["QuotationID"]
    )
    assert len(lines) == order.lines.count() == 2
    assert (str(order.exact_quotation_id), order.exact_quotation_number) == (
        stored["QuotationID"], stored["QuotationNumber"],
    )  # fmt: skip
    assert (order.exact_quotation_status, order.exact_quotation_status_label) == (25, "Open")
    assert order.exact_order_id is None and order.exact_order_number is None
    assert heard == [order.pk]  # confirmations hang on it
    assert order.events.filter(message__contains=f"as quotation {stored['QuotationNumber']}")


def test_a_lost_answer_is_looked_up_and_the_quotation_is_never_posted_twice(desk, sandbox_state):
    order = quotation(desk)
    sandbox_state.faults.add("drop_after_commit", QUOTATIONS, method="POST")
    assert desk.send(order).result is SendResult.UNCLEAR
    assert len(exact_quotations(desk)) == 1  # Exact stored it; Salesdesk does not know
    assert desk.send_when_due(order).result is SendResult.SUBMITTED
    order.refresh_from_db()
    (stored,) = exact_quotations(desk)
    assert order.exact_quotation_number == stored["QuotationNumber"]
    assert order.events.filter(message__contains="found in Exact").exists()


def test_quotations_under_random_faults_are_each_stored_exactly_once(desk, sandbox_state):
    orders = [quotation(desk, customer=desk.customers[n % 4]) for n in range(15)]
    sandbox_state.config.fault_rate = 0.15
    for skip in (2, 7):
        sandbox_state.faults.add("drop_after_commit", QUOTATIONS, method="POST", skip=skip)
    desk.drain()
    sandbox_state.config.fault_rate = 0
    by_number = {row["Description"]: row for row in exact_quotations(desk)}
    assert len(exact_quotations(desk)) == len(by_number) == 15
    for order in orders:
        order.refresh_from_db()
        assert order.status == Order.Status.SUBMITTED, order.exact_message
        assert order.exact_quotation_number == by_number[order.number]["QuotationNumber"]
    assert desk.exact_orders == []


def test_convert_to_order_makes_one_sales_order_in_exact_and_follows_it(desk, heard):
    order = sent_quotation(desk, your_ref="PO-5")
    heard.clear()
    order = convert(desk, order)
    (made,) = desk.exact_orders
    assert order.status == Order.Status.SUBMITTED, order.exact_message
    assert (str(order.exact_order_id), order.exact_order_number) == (
        made["OrderID"], made["OrderNumber"],
    )  # fmt: skip
    assert (made["Description"], made["YourRef"]) == (order.number, "PO-5")
    assert (order.exact_quotation_status, order.exact_quotation_status_label) == (50, "Accepted")
    (stored,) = exact_quotations(desk)
    assert stored["Status"] == 50
    history = list(order.events.values_list("message", flat=True))
    assert any("conversion" in text for text in history)
    assert any(f"sales order {made['OrderNumber']}" in text for text in history)
    assert heard == [order.pk]  # now as a sales order: its confirmation goes out
    with pytest.raises(OrderRefused, match="already sales order"):
        order_convert(order=order)


def test_convert_twice_queues_once(desk):
    order = sent_quotation(desk)
    order_convert(order=order, now=desk.now())
    with pytest.raises(OrderRefused, match="on its way"):
        order_convert(order=order, now=desk.now())
    desk.send(order)
    assert len(desk.exact_orders) == 1


def test_an_unclear_accept_is_settled_by_the_quotations_status_never_by_accepting_again(
    desk, sandbox_state
):
    order = sent_quotation(desk)
    order_convert(order=order, now=desk.now())
    sandbox_state.faults.add("drop_after_commit", ACCEPT, method="POST")
    assert desk.send(order).result is SendResult.UNCLEAR
    assert len(desk.exact_orders) == 1  # Exact accepted it; the answer was lost
    accepts = sandbox_state.stats.calls[desk.division]
    assert accepts[ACCEPT] == 1
    assert desk.send_when_due(order).result is SendResult.SUBMITTED
    order.refresh_from_db()
    (made,) = desk.exact_orders
    assert order.exact_order_number == made["OrderNumber"]
    assert order.events.filter(message__contains="found in Exact").exists()
    assert accepts[ACCEPT] == 1  # the status was read instead


def test_a_quotation_the_customer_rejected_is_not_converted_and_stays_in_exact(desk, live_sandbox):
    order = sent_quotation(desk)
    answer = httpx.post(
        f"{live_sandbox.url}/_sandbox/quotation",
        json={"quotation_number": order.exact_quotation_number, "status": 5},
    )
    assert answer.status_code == 200
    order = convert(desk, order)  # Salesdesk has not synced the rejection yet
    assert order.status == Order.Status.SUBMITTED
    assert "rejected" in order.exact_message
    assert desk.exact_orders == []
    assert order.exact_order_id is None


def test_accepted_in_exact_by_hand_convert_takes_the_order_exact_made(desk, live_sandbox):
    order = sent_quotation(desk)
    answer = httpx.post(
        f"{live_sandbox.url}/_sandbox/quotation",
        json={"quotation_number": order.exact_quotation_number, "status": 50},
    ).json()
    order = convert(desk, order)
    assert order.exact_order_number == answer["order_number"]
    assert len(desk.exact_orders) == 1


def test_without_the_crm_quotes_scope_the_quotation_fails_saying_why(desk, sandbox_state):
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[QUOTES])
    order = quotation(desk)
    assert desk.send(order).result is SendResult.REFUSED
    order.refresh_from_db()
    assert order.status == Order.Status.FAILED
    assert "Crm quotes" in order.exact_message and "create quotations" in order.exact_message
    assert exact_quotations(desk) == []


def test_a_typed_delivery_address_reaches_exact_before_the_quotation_that_names_it(desk):
    typed = NewAddress(line1="Kade 9", postcode="9000", city="Gent", country="BE")
    order = sent_quotation(desk, new_delivery_address=typed)
    (stored,) = exact_quotations(desk)
    data = desk.state.divisions[desk.division]
    (address,) = [row for row in data.addresses if row.get("City") == "Gent"]
    assert (address["Type"], address["Account"]) == (4, str(desk.customers[0].exact_id))
    assert stored["DeliveryAddress"] == address["ID"] == str(order.delivery_address_exact_id)
    assert order.new_delivery_address is None
