"""Scenario (c): new customers created in Salesdesk, each with an order taken at once.

Each customer goes to Exact as an account (crm/Accounts), then its contact person
(crm/Contacts) and its delivery address (crm/Addresses); its order waits in the outbox until
the account exists, then goes as a sales order of it. Both outboxes are drained together,
as the worker would. A customer is right when Exact holds its account, contact and address
once each, Salesdesk has their IDs, and its order is in Exact as the account's.

Every `namesake_every`-th customer is typed the way a rep in a hurry might: the name of a
customer already in Exact, a street and a town, nothing else the look-up after an unclear
answer could tell the two apart by; it must still get an account of its own.

"Found by the look-up": orders and quotations write it in their history; for accounts and
contacts it is read off the requests: a record Exact holds that no POST got an answer for
was found by the look-up after the answer was lost.
"""

from __future__ import annotations

import json
from dataclasses import replace

from benchmarks.orders_header import found_count, order_take
from benchmarks.orders_report import Column, doubled, label
from benchmarks.orders_world import World, drain, faults_plan, measured, world_open

PATHS = ("crm/Accounts", "crm/Contacts", "crm/Addresses", "salesorder/SalesOrders")
NAME = "Bench Klant {n:04d}"
DELIVERY = 4


def customer_take(world: World, membership, n: int, *, namesake_of=None):
    from salesdesk.customers.new_customer_input import (
        AddressInput,
        NewCustomerInput,
        PersonInput,
    )
    from salesdesk.customers.new_customers import customer_create

    data = NewCustomerInput(
        name=NAME.format(n=n),
        address=AddressInput(f"Dorpsstraat {n}", "1234 AB", "Utrecht", "NL"),
        email=f"inkoop@bench-klant-{n}.nl",
        vat_number=f"DE{n:09d}",
        contact=PersonInput("Anna", f"Klant {n}", f"anna@bench-klant-{n}.nl"),
        delivery_address=AddressInput(f"Havenweg {n}", "1235 CD", "Utrecht", "NL"),
    )
    if namesake_of is not None:  # a known customer's name; no e-mail, VAT number, postcode
        address = AddressInput(f"Dorpsstraat {n}", "", "Zwolle", "NL")
        data = replace(data, name=namesake_of.name, address=address, email="", vat_number="")
    return customer_create(membership=membership, data=data)


def run(
    *, customers: int, lines: int, namesake_every: int, fault_rate: float, drops: int
) -> Column:
    from salesdesk.orders.services import OrderHeader
    from salesdesk.tenants.models import Membership
    from tests.salesdesk.factories import make_user

    world = world_open(f"customers-{drops}")
    user = make_user(company=world.company, role=Membership.Role.ADMIN)
    membership = Membership.objects.select_related("company", "user").get(user=user)
    for n in range(customers):
        # A different known customer for each namesake (while there are enough of them).
        known = world.customers[n // namesake_every % len(world.customers)]
        namesake_of = known if n % namesake_every == 1 else None
        customer = customer_take(world, membership, n, namesake_of=namesake_of)
        order_take(world, n, OrderHeader(customer=customer, your_ref=f"PO-{n}"), lines=lines)
    shares = [drops // len(PATHS) + (k < drops % len(PATHS)) for k in range(len(PATHS))]
    faults_plan(world, fault_rate=fault_rate, drops={
        path: (share, customers) for path, share in zip(PATHS, shares, strict=True)
    })  # fmt: skip
    run = measured(world, lambda: drain(world, accounts=True))
    return column_of(world, customers, label(fault_rate, drops), run)


def column_of(world: World, taken: int, text: str, run) -> Column:
    data = world.data
    accounts = [row for row in data.accounts if row["ID"] not in world.seeded_accounts]
    ids = {row["ID"] for row in accounts}
    contacts = [row for row in data.contacts if row["Account"] in ids]
    addresses = [row for row in data.addresses if row["Account"] in ids]
    addresses = [row for row in addresses if row["Type"] == DELIVERY]
    orders = [row for row in data.sales_orders if row["OrderedBy"] in ids]
    answered = _answered_posts(world)
    found = sum(row["Name"] not in answered["crm/Accounts"] for row in accounts)
    found += sum(
        (row["Account"], row["LastName"]) not in answered["crm/Contacts"] for row in contacts
    )
    stored = {"accounts": len(accounts), "contacts": len(contacts),
              "delivery addresses": len(addresses), "sales orders": len(orders)}  # fmt: skip
    return Column(
        label=text,
        taken=taken,
        stored=stored,
        duplicates=doubled(row["Name"] for row in accounts)
        + doubled((row["Account"], row["LastName"]) for row in contacts)
        + doubled((row["Account"], row["AddressLine1"]) for row in addresses)
        + doubled(row["Description"] for row in orders),
        right=_right_count(world, accounts, contacts, addresses, orders),
        found=found + found_count(world),
        run=run,
    )


def _answered_posts(world: World) -> dict[str, set]:
    """What the account and contact POSTs that got Exact's answer created."""
    answered: dict[str, set] = {"crm/Accounts": set(), "crm/Contacts": set()}
    for exchange in world.recorder.exchanges:
        request = exchange.request
        path = next((p for p in answered if request.path.endswith(f"/{p}")), None)
        if request.method != "POST" or path is None or not 200 <= exchange.status < 300:
            continue
        body = json.loads(request.body)
        key = body["Name"] if path == "crm/Accounts" else (body["Account"], body["LastName"])
        answered[path].add(key)
    return answered


def _right_count(world: World, accounts, contacts, addresses, orders) -> int:
    from salesdesk.customers.account_outbox_models import AccountOutbox
    from salesdesk.orders.models import Order

    account_by_id = {row["ID"]: row for row in accounts}
    contact_ids = {(row["ID"], row["Account"]) for row in contacts}
    address_ids = {(row["ID"], row["Account"]) for row in addresses}
    order_by_number = {row["Description"]: row for row in orders}
    boxes = AccountOutbox.objects.filter(company=world.company, state=AccountOutbox.State.DONE)
    box_of = {box.customer_id: box for box in boxes}
    right = 0
    for order in Order.objects.filter(company=world.company).select_related("customer"):
        customer, box = order.customer, box_of.get(order.customer_id)
        account_id = str(customer.exact_id)
        account, row = account_by_id.get(account_id), order_by_number.get(order.number)
        right += (
            box is not None
            and account is not None
            and account["Name"] == customer.name
            and (str(box.contact_exact_id), account_id) in contact_ids
            and (str(box.address_exact_id), account_id) in address_ids
            and order.status == Order.Status.SUBMITTED
            and row is not None
            and row["OrderedBy"] == account_id
            and row["OrderNumber"] == order.exact_order_number
        )
    return right
