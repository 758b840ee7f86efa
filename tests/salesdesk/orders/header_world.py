"""Two companies, each with two customers that have delivery addresses and contacts, and the
administration's shipping methods, payment conditions and warehouses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tests.salesdesk.customers.contact_factories import make_address, make_contact
from tests.salesdesk.factories import make_company
from tests.salesdesk.orders.factories import make_customer, make_item
from tests.salesdesk.orders.terms_factories import (
    make_payment_condition,
    make_shipping_method,
    make_warehouse,
)


@dataclass
class Shop:
    company: object
    customer: object
    neighbour: object  # another customer of the same company
    item: object
    main_address: uuid.UUID
    other_address: uuid.UUID
    invoice_address: uuid.UUID
    main_contact: uuid.UUID
    other_contact: uuid.UUID
    shipping: object
    payment: object
    warehouses: list


def header_shop(*, slug: str, warehouses: int = 2) -> Shop:
    company = make_company(slug=slug)
    customer = make_customer(company=company, name=f"Smit {slug}", payment_condition="30")
    neighbour = make_customer(company=company, name=f"Jansen {slug}")
    key = {"company": company, "customer_exact_id": customer.exact_id}
    addresses = [
        make_address(**key, main=True, line1="Kade 1", postcode="3511 AA", city="Utrecht"),
        make_address(**key, line1="Dok 7", postcode="1011 AB", city="Amsterdam"),
        make_address(**key, type=3, line1="Postbus 9", city="Utrecht"),
    ]
    contacts = [
        make_contact(**key, last_name="Visser", is_main=True),
        make_contact(**key, last_name="Bakker"),
    ]
    make_address(company=company, customer_exact_id=neighbour.exact_id, main=True)
    make_contact(company=company, customer_exact_id=neighbour.exact_id, is_main=True)
    return Shop(
        company=company,
        customer=customer,
        neighbour=neighbour,
        item=make_item(company=company, code="ART-1"),
        main_address=addresses[0]["exact_id"],
        other_address=addresses[1]["exact_id"],
        invoice_address=addresses[2]["exact_id"],
        main_contact=contacts[0]["exact_id"],
        other_contact=contacts[1]["exact_id"],
        shipping=make_shipping_method(company=company, code="DHL", description="DHL Parcel"),
        payment=make_payment_condition(company=company, code="30", description="30 days"),
        warehouses=[
            make_warehouse(company=company, code=f"W{n}", main=n == 1)
            for n in range(1, warehouses + 1)
        ],
    )
