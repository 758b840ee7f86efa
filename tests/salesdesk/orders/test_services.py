"""Taking an order: prices from the price rules, totals, refusals, numbers, two companies."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from salesdesk.catalog.models import ItemPrice, PriceList, PriceListPeriod, VolumeDiscount
from salesdesk.orders.lines import LineInput, NoPrice
from salesdesk.orders.models import Order, OrderEvent, OrderOutbox
from salesdesk.orders.outbox import outbox_claim
from salesdesk.orders.selectors import order_closable_by_hand
from salesdesk.orders.services import (
    OrderHeader,
    OrderRefused,
    order_create,
    order_mark_manual,
    order_submit,
)
from salesdesk.orders.signals import order_due
from salesdesk.orders.waiting import outbox_resume, outbox_wait
from tests.salesdesk.factories import make_company, make_user
from tests.salesdesk.orders.factories import make_customer, make_item, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return make_company(slug="demo")


def _create(company, customer, *lines):
    return order_create(
        company=company,
        user=None,
        header=OrderHeader(customer=customer, your_ref="PO-77"),
        lines=[LineInput(item=item, quantity=Decimal(q), unit_price=p) for item, q, p in lines],
    )


def _price_list(company, customer, item, *breaks):
    price_list = PriceList.objects.create(company=company, exact_id=uuid.uuid4(), code="VIP")
    period = PriceListPeriod.objects.create(
        company=company, exact_id=uuid.uuid4(), price_list=price_list
    )
    for quantity, price in breaks:
        VolumeDiscount.objects.create(
            company=company, exact_id=uuid.uuid4(), period=period, item=item,
            quantity=Decimal(quantity), method=VolumeDiscount.Method.NEW_PRICE,
            new_price=Decimal(price),
        )  # fmt: skip
    customer.price_list = price_list
    customer.save()


def test_lines_take_customer_price_list_break_and_standard_price(company):
    customer = make_customer(company=company)
    own, listed, plain = (make_item(company=company, standard_price=Decimal("10")) for _ in "abc")
    ItemPrice.objects.create(
        company=company, exact_id=uuid.uuid4(), item=own, customer=customer, price=Decimal("7.5")
    )
    _price_list(company, customer, listed, ("0", "9"), ("10", "8"))
    order = _create(company, customer, (own, 2, None), (listed, 12, None), (plain, 1, None))
    lines = {line.item_id: line for line in order.lines.all()}
    assert lines[own.pk].unit_price == Decimal("7.5")
    assert lines[own.pk].price_rule.startswith("Customer price")
    assert lines[listed.pk].unit_price == Decimal("8")  # the quantity break from 10
    assert "Price list" in lines[listed.pk].price_rule
    assert lines[plain.pk].unit_price == Decimal("10")
    assert lines[plain.pk].price_rule == "Standard sales price"
    assert order.total_excl_vat == Decimal("121.00")  # 15 + 96 + 10
    assert order.total_incl_vat == Decimal("146.41")  # 21% VAT


def test_a_typed_price_overrides_the_rules(company):
    customer = make_customer(company=company)
    item = make_item(company=company, standard_price=Decimal("10"), vat_percentage=None)
    order = _create(company, customer, (item, 3, Decimal("4.25")))
    line = order.lines.get()
    assert (line.unit_price, line.price_overridden) == (Decimal("4.25"), True)
    assert order.total_excl_vat == order.total_incl_vat == Decimal("12.75")


def test_pricing_queries_do_not_grow_with_the_lines(company, django_assert_num_queries):
    customer = make_customer(company=company)
    items = [make_item(company=company, standard_price=Decimal("10")) for _ in range(6)]
    _price_list(company, customer, items[0], ("0", "9"), ("10", "8"))
    other = make_company(slug="other")  # its customer price for the same code changes nothing
    rival = make_item(company=other, code=items[2].code)
    ItemPrice.objects.create(
        company=other, exact_id=uuid.uuid4(), item=rival, price=Decimal("1"),
        customer=make_customer(company=other),
    )  # fmt: skip
    _create(company, customer, (items[0], 1, None))  # the first order creates the counter
    with CaptureQueriesContext(connection) as one:
        _create(company, customer, (items[0], 12, None))
    six = [(item, 12, Decimal("4") if item is items[1] else None) for item in items]
    with django_assert_num_queries(len(one)):
        order = _create(company, customer, *six)
    prices = [line.unit_price for line in order.lines.order_by("line_number")]
    assert prices == [Decimal("8"), Decimal("4"), *[Decimal("10")] * 4]


def test_an_item_without_any_price_is_named(company):
    customer = make_customer(company=company)
    priced, bare = make_item(company=company), make_item(company=company, standard_price=None)
    make_item(company=make_company(slug="other"), code=bare.code)  # priced, but not ours
    with pytest.raises(NoPrice, match=f"Item {bare.code} has no price"):
        _create(company, customer, (priced, 1, None), (bare, 2, None))
    order = _create(company, customer, (priced, 1, None), (bare, 2, Decimal("3")))
    assert order.lines.count() == 2  # a typed price is enough


def test_blocked_customer_and_inactive_item_are_refused(company):
    blocked = make_customer(company=company, blocked=True, name="Blocked BV")
    item = make_item(company=company)
    with pytest.raises(OrderRefused, match="blocked"):
        _create(company, blocked, (item, 1, None))
    gone = make_item(company=company, active=False)
    with pytest.raises(OrderRefused, match=f"Item {gone.code} is no longer active"):
        _create(company, make_customer(company=company), (gone, 1, None))
    assert not Order.objects.exists()


def test_another_companys_customer_or_item_is_refused(company):
    other = make_company(slug="other")
    with pytest.raises(OrderRefused):
        _create(company, make_customer(company=other), (make_item(company=company), 1, None))
    with pytest.raises(OrderRefused):
        _create(company, make_customer(company=company), (make_item(company=other), 1, None))


def test_numbers_are_per_company_and_unique_across_companies(company):
    other = make_company(slug="other")
    first, second = make_order(company=company), make_order(company=company)
    theirs = make_order(company=other)
    assert (first.number, second.number) == ("SD-demo-000001", "SD-demo-000002")
    assert theirs.number == "SD-other-000001"


@pytest.fixture
def due() -> Iterator[list[int]]:
    """The order ids announced through `order_due` (the integration enqueues their sends)."""
    announced: list[int] = []

    def receiver(sender, *, order_id, **kwargs):
        announced.append(order_id)

    order_due.connect(receiver, dispatch_uid="test-order-due")
    yield announced
    order_due.disconnect(dispatch_uid="test-order-due")


def test_submit_puts_the_order_in_the_outbox_and_announces_it_after_commit(
    company, django_capture_on_commit_callbacks, due
):
    sent = due
    order = make_order(company=company)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        order_submit(order=order)
        assert sent == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert sent == [order.pk]
    order.refresh_from_db()
    assert order.status == Order.Status.QUEUED
    assert OrderOutbox.objects.get(order=order).company == company
    assert list(order.events.values_list("status", flat=True)) == ["draft", "queued"]
    with pytest.raises(OrderRefused):
        order_submit(order=order)  # a queued order is not queued twice


def test_manual_close_only_for_draft_or_failed(company):
    user = make_user(company=company)
    order = make_order(company=company)
    order_mark_manual(order=order, user=user, exact_order_number=4711)
    order.refresh_from_db()
    assert (order.status, order.exact_order_number) == (Order.Status.MANUAL, 4711)
    event = OrderEvent.objects.filter(order=order).last()
    assert (event.actor, "4711" in event.message) == (user, True)
    with pytest.raises(OrderRefused):
        order_submit(order=order)
    with pytest.raises(OrderRefused):
        order_mark_manual(order=order, user=user)


def _waiting(company, reason="Waiting: the Exact Online connection needs re-authorization."):
    order = make_order(company=company)
    order_submit(order=order)
    assert outbox_wait(order_id=order.pk, reason=reason, now=timezone.now())
    return order


def test_a_waiting_order_closed_by_hand_is_never_sent(company):
    user = make_user(company=company)
    order = _waiting(company)
    theirs = _waiting(make_company(slug="other"))
    assert order_closable_by_hand(order=Order.objects.get(pk=order.pk))
    order_mark_manual(order=order, user=user, exact_order_number=88)
    order.refresh_from_db()
    assert (order.status, order.exact_order_number, order.exact_message) == ("manual", 88, "")
    assert not OrderOutbox.objects.filter(order=order).exists()
    assert outbox_claim(order_id=order.pk, now=timezone.now()) is None
    assert outbox_resume(company=company) == 0  # re-authorizing sends nothing
    assert OrderOutbox.objects.get(order=theirs).waiting_since is not None  # theirs still waits


def test_a_waiting_order_that_exact_may_have_is_not_closed_by_hand(company):
    order = _waiting(company)
    theirs = _waiting(make_company(slug="other"))
    OrderOutbox.objects.filter(order=order).update(exact_may_have_it=True)  # a worker died
    assert not order_closable_by_hand(order=order)
    assert order_closable_by_hand(order=theirs)
    with pytest.raises(OrderRefused, match="may already have order"):
        order_mark_manual(order=order, user=None)
    order.refresh_from_db()
    assert order.status == Order.Status.QUEUED and order.exact_message
    assert OrderOutbox.objects.get(order=order).waiting_since is not None  # nothing lost


def test_a_queued_order_that_does_not_wait_is_not_closed_by_hand(company):
    order = make_order(company=company)
    order_submit(order=order)
    theirs = _waiting(make_company(slug="other"))
    assert not order_closable_by_hand(order=order)
    assert order_closable_by_hand(order=theirs)
    with pytest.raises(OrderRefused, match="is Queued: it cannot be closed by hand"):
        order_mark_manual(order=order, user=None)
    assert OrderOutbox.objects.filter(order=order, waiting_since__isnull=True).exists()
