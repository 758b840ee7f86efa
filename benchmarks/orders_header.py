"""Scenario (a): sales orders with the whole header, a share with a typed new delivery address.

Every order names one of its customer's delivery addresses and contacts, a shipping method,
a payment condition and the customer's reference (YourRef); every `typed_every`-th order
instead types a new delivery address, which goes to Exact (crm/Addresses) before the order.
An order is right when Exact's sales order carries all of it and Salesdesk's keys; a typed
address when Exact holds it once, as a delivery address of the customer, and the order
points at it.
"""

from __future__ import annotations

from decimal import Decimal

from benchmarks.orders_report import Column, doubled, label
from benchmarks.orders_world import World, drain, faults_plan, measured, world_open

ORDERS_PATH, ADDRESSES_PATH = "salesorder/SalesOrders", "crm/Addresses"
DELIVERY = 4
TYPED_STREET = "Bench Havenweg"


def header_for(world: World, n: int, *, typed: bool):
    """The n-th order's header: the customer's own addresses and contacts, the terms."""
    from salesdesk.orders.header_choices import (
        customer_contact_persons,
        customer_delivery_addresses,
    )
    from salesdesk.orders.header_fields import NewAddress
    from salesdesk.orders.services import OrderHeader
    from salesdesk.orders.terms_selectors import payment_conditions_active, shipping_methods_active

    company, customer = world.company, world.customers[n % len(world.customers)]
    addresses = list(customer_delivery_addresses(company=company, customer=customer))
    contacts = list(customer_contact_persons(company=company, customer=customer))
    shipping = list(shipping_methods_active(company=company))
    payment = list(payment_conditions_active(company=company))
    if not (addresses and contacts and shipping and payment):
        raise RuntimeError(f"the sandbox gave {customer} no complete header to choose from")
    chosen = {"delivery_address_id": addresses[n % len(addresses)].exact_id}
    if typed:
        street = NewAddress(line1=f"{TYPED_STREET} {n}", postcode="3011 AB", city="Rotterdam",
                            country="NL")  # fmt: skip
        chosen = {"new_delivery_address": street}
    return OrderHeader(
        customer=customer,
        your_ref=f"PO-{n}",
        contact_id=contacts[n % len(contacts)].exact_id,
        shipping_method_id=shipping[n % len(shipping)].exact_id,
        payment_condition=payment[n % len(payment)].code,
        **chosen,
    )


def order_take(world: World, n: int, header, *, lines: int, submit: bool = True):
    from salesdesk.orders.lines import LineInput
    from salesdesk.orders.services import order_create, order_submit

    items = [world.items[(n + k * 7) % len(world.items)] for k in range(lines)]
    order = order_create(
        company=world.company,
        user=None,
        header=header,
        lines=[LineInput(item=item, quantity=Decimal(1 + n % 4)) for item in items],
    )
    if submit:
        order_submit(order=order, now=world.now())
    return order


def run(*, orders: int, lines: int, typed_every: int, fault_rate: float, drops: int) -> Column:
    world = world_open(f"header-{drops}")
    typed = len(range(0, orders, typed_every))
    for n in range(orders):
        order_take(world, n, header_for(world, n, typed=n % typed_every == 0), lines=lines)
    address_drops = round(drops * typed / (orders + typed))
    faults_plan(world, fault_rate=fault_rate, drops={
        ORDERS_PATH: (drops - address_drops, orders), ADDRESSES_PATH: (address_drops, typed),
    })  # fmt: skip
    run = measured(world, lambda: drain(world))
    return column_of(world, orders, label(fault_rate, drops), run)


def found_count(world: World) -> int:
    from salesdesk.orders.models import OrderEvent

    events = OrderEvent.objects.filter(order__company=world.company)
    return events.filter(message__contains="found in Exact").count()


def column_of(world: World, taken: int, text: str, run) -> Column:
    from salesdesk.orders.models import Order

    stored = list(world.data.sales_orders)
    by_number = {row["Description"]: row for row in stored}
    typed = [row for row in world.data.addresses if _typed(row)]
    addresses = {row["ID"]: row for row in typed}
    orders = Order.objects.filter(company=world.company).select_related("customer")
    right = sum(_right(order, by_number, addresses) for order in orders)
    return Column(
        label=text,
        taken=taken,
        stored={"sales orders": len(stored), "new delivery addresses": len(typed)},
        duplicates=doubled(row["Description"] for row in stored)
        + doubled((row["Account"], row["AddressLine1"]) for row in typed),
        right=right,
        found=found_count(world),
        run=run,
    )


def _typed(row: dict) -> bool:
    return row.get("Type") == DELIVERY and str(row.get("AddressLine1")).startswith(TYPED_STREET)


def _right(order, by_number: dict, typed: dict) -> bool:
    row = by_number.get(order.number)
    if order.status != order.Status.SUBMITTED or row is None:
        return False
    address = str(order.delivery_address_exact_id)
    wanted = {
        "OrderNumber": order.exact_order_number,
        "OrderedBy": str(order.customer.exact_id),
        "YourRef": order.your_ref,
        "DeliveryAddress": address,
        "OrderedByContactPerson": str(order.contact_exact_id),
        "ShippingMethod": str(order.shipping_method_exact_id),
        "PaymentCondition": order.payment_condition,
    }
    if any(row.get(name) != value for name, value in wanted.items()):
        return False
    if not order.delivery_address_text.startswith(TYPED_STREET):
        return True
    # A typed address: Exact holds it once, as the customer's, and the order points at it.
    held = typed.get(address)
    return held is not None and held["Account"] == str(order.customer.exact_id)
