"""Scenario (b): quotations sent to Exact (crm/Quotations), then converted into sales orders
(crm/AcceptQuotation), exactly once, under the same faults in both steps.

Every quotation carries the whole header (delivery address, contact, shipping method,
payment condition, the customer's reference). Once all are sent, each is converted (Convert
to order: `order_convert`), and the outbox accepts it in Exact and finds the sales order
Exact made. A quotation is right when Exact holds it once, accepted, Salesdesk has its key
and number, and Exact's one sales order made of it is the one Salesdesk follows.
"""

from __future__ import annotations

from benchmarks.orders_header import found_count, header_for, order_take
from benchmarks.orders_report import Column, doubled, label
from benchmarks.orders_world import World, drain, faults_plan, measured, world_open

QUOTATIONS_PATH, ACCEPT_PATH = "crm/Quotations", "crm/AcceptQuotation"
ACCEPTED = 50


def run(*, quotations: int, lines: int, fault_rate: float, drops: int) -> Column:
    from dataclasses import replace

    from salesdesk.orders.models import Order

    world = world_open(f"quotations-{drops}")
    for n in range(quotations):
        header = replace(header_for(world, n, typed=False), kind=Order.Kind.QUOTATION)
        order_take(world, n, header, lines=lines)
    faults_plan(world, fault_rate=fault_rate, drops={
        QUOTATIONS_PATH: (drops - drops // 2, quotations), ACCEPT_PATH: (drops // 2, quotations),
    })  # fmt: skip
    run = measured(world, lambda: _send_then_convert(world))
    return column_of(world, quotations, label(fault_rate, drops), run)


def _send_then_convert(world: World) -> None:
    from salesdesk.orders.models import Order
    from salesdesk.orders.quotations import order_convert

    drain(world)
    sent = Order.objects.filter(company=world.company, status=Order.Status.SUBMITTED)
    for quotation in sent.order_by("pk"):
        order_convert(order=quotation, now=world.now())
    drain(world)


def column_of(world: World, taken: int, text: str, run) -> Column:
    from salesdesk.orders.models import Order

    held = list(world.data.quotations)
    orders = list(world.data.sales_orders)
    quotation_of = {row["Description"]: row for row in held}
    order_of = {(row["Description"], row["OrderedBy"]): row for row in orders}
    mine = Order.objects.filter(company=world.company).select_related("customer")
    right = sum(_right(order, quotation_of, order_of) for order in mine)
    return Column(
        label=text,
        taken=taken,
        stored={"quotations": len(held), "sales orders made of them": len(orders)},
        duplicates=doubled(row["Description"] for row in held)
        + doubled((row["Description"], row["OrderedBy"]) for row in orders),
        right=right,
        found=found_count(world),
        run=run,
    )


def _right(order, quotation_of: dict, order_of: dict) -> bool:
    quotation = quotation_of.get(order.number)
    made = order_of.get((order.number, str(order.customer.exact_id)))
    if order.status != order.Status.SUBMITTED or quotation is None or made is None:
        return False
    return (
        quotation["QuotationID"] == str(order.exact_quotation_id)
        and quotation["QuotationNumber"] == order.exact_quotation_number
        and quotation["Status"] == ACCEPTED
        and quotation["YourRef"] == order.your_ref
        and quotation["DeliveryAddress"] == str(order.delivery_address_exact_id)
        and made["OrderID"] == str(order.exact_order_id)
        and made["OrderNumber"] == order.exact_order_number
    )
