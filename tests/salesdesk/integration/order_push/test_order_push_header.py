"""An order's header reaching the sandbox: the fields, a typed delivery address sent once,
and Exact's refusals as plain failures on the order."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx
import pytest

from exact_sandbox.clock import SandboxClock
from exact_sandbox.config import DEMO_CLIENT_ID, SandboxConfig
from exact_sandbox.data.seed_crm import DELIVERY
from salesdesk.integration.order_push.refusals import ADDRESS_FORBIDDEN, SINGLE_WAREHOUSE
from salesdesk.orders.models import Order
from salesdesk.orders.outcomes import SendResult
from tests.salesdesk.orders.factories import make_customer
from tests.salesdesk.orders.sandbox_desk import OrderDesk

pytestmark = pytest.mark.django_db
ADDRESSES = "crm/Addresses"
TYPED = {"line1": "Havenweg 12", "line2": "Dock 4", "postcode": "3011 AB", "city": "Rotterdam",
         "country": "NL"}  # fmt: skip


@pytest.fixture
def sandbox_clock() -> SandboxClock:
    return SandboxClock()  # from real time, so Django's clock never runs ahead of it


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    return SandboxConfig(items=30, customers=20, warehouses=3)


def _desk(sandbox_state, live_sandbox, division: int) -> OrderDesk:
    return OrderDesk.open(state=sandbox_state, live=live_sandbox, slug=f"d{division}",
                          division=division)  # fmt: skip


def _rows_of(table, account_id: str, **equal) -> list[dict]:
    rows = [table.rows[key] for key in sorted(table.lookup("Account", account_id) or ())]
    return [row for row in rows if all(row.get(k) == v for k, v in equal.items())]


def _header(desk: OrderDesk, customer) -> dict:
    """Every header field, chosen among what the customer's administration has."""
    data = desk.state.divisions[desk.division]
    account = str(customer.exact_id)
    return {
        "delivery_address_exact_id": _rows_of(data.addresses, account, Type=DELIVERY)[-1]["ID"],
        "contact_exact_id": _rows_of(data.contacts, account)[-1]["ID"],
        "shipping_method_exact_id": list(data.shipping_methods)[1]["ID"],
        "payment_condition": list(data.payment_conditions)[3]["Code"],
        "warehouse_exact_id": next(w for w in data.warehouses if not w["Main"])["ID"],
        "discount": Decimal("0.05"),
    }


def _with_header(desk: OrderDesk, customer=None, **header) -> Order:
    order = desk.order(customer=customer)
    Order.objects.filter(pk=order.pk).update(**header)
    order.refresh_from_db()
    return order


def _listed(live_sandbox, division: int) -> list[dict]:
    answer = httpx.get(f"{live_sandbox.url}/_sandbox/orders", params={"division": division})
    return answer.json()["rows"]


def test_an_order_reaches_exact_with_its_whole_header(sandbox_state, live_sandbox):
    desks = [_desk(sandbox_state, live_sandbox, code) for code in (100001, 100003)]
    for desk in desks:
        customer = desk.customers[1]
        header = _header(desk, customer)
        order = _with_header(desk, customer, **header)

        assert desk.send(order).result is SendResult.SUBMITTED

        (row,) = [
            r for r in _listed(live_sandbox, desk.division) if r["Description"] == order.number
        ]
        assert (row["DeliveryAddress"], row["OrderedByContactPerson"]) == (
            header["delivery_address_exact_id"], header["contact_exact_id"],
        )  # fmt: skip
        assert (row["ShippingMethod"], row["PaymentCondition"], row["WarehouseID"]) == (
            header["shipping_method_exact_id"], header["payment_condition"],
            header["warehouse_exact_id"],
        )  # fmt: skip
        assert row["Discount"] == 0.05
        assert row["AmountDiscount"] > 0 and row["ShippingMethodDescription"]
        assert row["OrderedBy"] == str(customer.exact_id)
    # Each company's order went to its own administration only.
    for desk, other in zip(desks, reversed(desks), strict=True):
        numbers = {r["Description"] for r in _listed(live_sandbox, other.division)}
        assert not {o.number for o in Order.objects.filter(company=desk.company)} & numbers


def test_an_order_without_a_header_gets_exacts_defaults(sandbox_state, live_sandbox):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    order = desk.order(customer=desk.customers[2])
    assert desk.send(order).result is SendResult.SUBMITTED
    (row,) = desk.exact_orders_for(order)
    data = sandbox_state.divisions[desk.division]
    assert row["WarehouseID"] == data.warehouse["ID"]
    assert (row["Discount"], row["AmountDiscount"]) == (0.0, 0.0)


def test_a_typed_address_is_sent_once_and_reused_after_an_unclear_answer(
    sandbox_state, live_sandbox
):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    other = _desk(sandbox_state, live_sandbox, 100003)
    customer = desk.customers[0]
    order = _with_header(desk, customer, new_delivery_address=TYPED)
    data = sandbox_state.divisions[desk.division]
    sandbox_state.faults.add("drop_after_commit", ADDRESSES, method="POST")

    first = desk.send(order)

    assert first.result is SendResult.UNCLEAR  # stored in Exact, the answer lost
    order.refresh_from_db()
    assert (order.status, order.delivery_address_exact_id) == (Order.Status.QUEUED, None)
    assert desk.exact_orders_for(order) == []  # the order waits for its address
    assert len(_rows_of(data.addresses, str(customer.exact_id), City="Rotterdam")) == 1

    assert desk.send_when_due(order).result is SendResult.SUBMITTED

    (address,) = _rows_of(data.addresses, str(customer.exact_id), City="Rotterdam")
    assert (address["Type"], address["AddressLine1"], address["AddressLine2"]) == (
        DELIVERY, "Havenweg 12", "Dock 4",
    )  # fmt: skip
    order.refresh_from_db()
    assert str(order.delivery_address_exact_id) == address["ID"]
    assert order.new_delivery_address is None
    assert order.delivery_address_text == "Havenweg 12, Dock 4, 3011 AB Rotterdam, NL"
    (row,) = desk.exact_orders_for(order)
    assert row["DeliveryAddress"] == address["ID"]
    assert sandbox_state.stats.calls[desk.division][ADDRESSES] == 2
    assert ADDRESSES not in sandbox_state.stats.calls[other.division]


def test_an_order_lost_after_its_address_does_not_send_the_address_again(
    sandbox_state, live_sandbox
):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    order = _with_header(desk, desk.customers[3], new_delivery_address=TYPED)
    sandbox_state.faults.add("drop_after_commit", "salesorder/SalesOrders", method="POST")

    assert desk.send(order).result is SendResult.UNCLEAR
    assert desk.send_when_due(order).result is SendResult.SUBMITTED

    assert len(desk.exact_orders_for(order)) == 1  # found by the look-up, not posted twice
    assert sandbox_state.stats.calls[desk.division][ADDRESSES] == 1
    order.refresh_from_db()
    assert desk.exact_orders_for(order)[0]["DeliveryAddress"] == str(
        order.delivery_address_exact_id
    )


def _failed(desk: OrderDesk, order: Order) -> str:
    outcome = desk.send(order)
    order.refresh_from_db()
    assert (outcome.result, order.status) == (SendResult.REFUSED, Order.Status.FAILED)
    assert desk.exact_orders_for(order) == []
    return order.exact_message


def test_refused_header_fields_fail_the_order_with_exacts_words(sandbox_state, live_sandbox):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    data = sandbox_state.divisions[desk.division]
    unknown = uuid.UUID(int=77)
    stranger = _rows_of(data.contacts, str(desk.customers[4].exact_id))[0]["ID"]

    assert _failed(desk, _with_header(desk, shipping_method_exact_id=unknown)) == (
        f"Exact Online refused the order: ShippingMethod: shipping method {unknown} does not exist."
    )
    assert _failed(desk, _with_header(desk, payment_condition="99")) == (
        "Exact Online refused the order: PaymentCondition: payment condition 99 does not exist."
    )
    assert "is not a contact person of" in _failed(
        desk, _with_header(desk, contact_exact_id=stranger)
    )
    assert "WarehouseID: warehouse" in _failed(desk, _with_header(desk, warehouse_exact_id=unknown))


def test_a_single_warehouse_edition_refuses_the_warehouse_in_plain_words(
    sandbox_state, live_sandbox
):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    data = sandbox_state.divisions[desk.division]
    other = next(w for w in data.warehouses if not w["Main"])["ID"]
    httpx.post(f"{live_sandbox.url}/_sandbox/edition",
               json={"division": desk.division, "single_warehouse": True})  # fmt: skip

    message = _failed(desk, _with_header(desk, warehouse_exact_id=other))

    assert message.startswith(SINGLE_WAREHOUSE)
    main = _with_header(desk, warehouse_exact_id=data.warehouse["ID"])
    assert desk.send(main).result is SendResult.SUBMITTED


def test_a_refused_typed_address_fails_the_order_before_it_is_posted(sandbox_state, live_sandbox):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    unknown = make_customer(company=desk.company, exact_id=uuid.UUID(int=5))
    order = _with_header(desk, unknown, new_delivery_address=TYPED)

    message = _failed(desk, order)

    assert message.startswith("Exact Online refused the delivery address typed for this order:")
    assert "does not exist" in message
    assert sandbox_state.stats.calls[desk.division].get("salesorder/SalesOrders", 0) == 0


def test_an_app_that_may_only_read_crm_gets_a_plain_reason(sandbox_state, live_sandbox):
    desk = _desk(sandbox_state, live_sandbox, 100001)
    sandbox_state.set_scopes(DEMO_CLIENT_ID, withheld=[], read_only=["Crm accounts"])
    order = _with_header(desk, desk.customers[0], new_delivery_address=TYPED)

    message = _failed(desk, order)

    assert message.startswith(ADDRESS_FORBIDDEN)
    assert "Application Scope Violated" in message
