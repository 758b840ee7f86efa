"""The orders benchmark's issue-20 scenarios, small: exactly once under faults, and the
figures catch a record Exact holds twice or lost."""

from __future__ import annotations

import pytest

from benchmarks import orders_customers, orders_header, orders_quotations
from benchmarks.orders_report import doubled, table
from benchmarks.orders_world import drain, measured, world_open

pytestmark = pytest.mark.django_db


def test_orders_with_the_whole_header_go_exactly_once_under_faults():
    column = orders_header.run(orders=12, lines=2, typed_every=3, fault_rate=0.3, drops=4)

    assert column.run.faults >= 4  # the planned drops fired, besides the random faults
    assert column.stored == {"sales orders": 12, "new delivery addresses": 4}
    assert (column.duplicates, column.right, column.exactly_once) == (0, 12, True)
    assert column.found >= 1  # a dropped answer's order was found, not posted again


def test_quotations_are_sent_and_converted_exactly_once_under_faults():
    column = orders_quotations.run(quotations=6, lines=2, fault_rate=0.3, drops=4)

    assert column.stored == {"quotations": 6, "sales orders made of them": 6}
    assert (column.duplicates, column.right, column.exactly_once) == (0, 6, True)
    assert column.run.calls >= 3 * 6  # post, accept, find the order: each at least once


def test_new_customers_and_their_orders_go_exactly_once_under_faults():
    # Every second one a namesake of a known customer, with nothing else to tell them apart.
    column = orders_customers.run(customers=6, lines=2, namesake_every=2, fault_rate=0.3, drops=4)

    kinds = {"accounts": 6, "contacts": 6, "delivery addresses": 6, "sales orders": 6}
    assert column.stored == kinds
    assert (column.duplicates, column.right, column.exactly_once) == (0, 6, True)


def test_a_sales_order_exact_holds_twice_or_lost_is_not_exactly_once():
    world = world_open("caught")
    for n in range(3):
        header = orders_header.header_for(world, n, typed=n == 0)
        orders_header.order_take(world, n, header, lines=2)
    run = measured(world, lambda: drain(world))
    sales_orders = world.data.sales_orders
    first = next(iter(sales_orders))
    assert orders_header.column_of(world, 3, "clean", run).exactly_once

    ts = world.data.next_timestamp()  # a second copy, as a repeated POST would store it
    copy = {**first, "OrderID": "9d0f2c4e-0000-4000-8000-000000000001", "_ts": ts}
    sales_orders.insert(copy | {"Timestamp": str(ts)})
    twice = orders_header.column_of(world, 3, "twice", run)
    sales_orders.delete(copy["OrderID"])
    sales_orders.delete(first["OrderID"])
    lost = orders_header.column_of(world, 3, "lost", run)

    assert (twice.duplicates, twice.exactly_once) == (1, False)
    assert (lost.duplicates, lost.right, lost.exactly_once) == (0, 2, False)
    text = table("Orders", "Three orders.", "orders", [twice, lost])
    assert "| Duplicates | 1 | 0 |" in text and "| Exactly once | NO | NO |" in text


def test_doubled_counts_the_repeats_of_a_key():
    assert doubled(["a", "b", "c"]) == 0
    assert doubled(["a", "a", "a", "b", "b"]) == 3
