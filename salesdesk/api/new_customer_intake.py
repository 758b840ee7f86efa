"""A new customer from a device: the API's shape turned into the rules' input, the rules'
problems into 422s on the API's fields, and the answer (the routes: routes/customers.py)."""

from __future__ import annotations

import orjson

from salesdesk.api.new_customer_schemas import STATUS_WORDS, NewCustomerIn
from salesdesk.customers.models import Customer
from salesdesk.customers.new_customer_input import AddressInput, NewCustomerInput, PersonInput

STATUS_NAMES = {"C": "customer", "P": "prospect", "S": "suspect", "A": "none"}


def customer_input(payload: NewCustomerIn) -> NewCustomerInput:
    contact = payload.contact.model_dump() if payload.contact else {}
    delivery = payload.delivery_address.model_dump() if payload.delivery_address else {}
    return NewCustomerInput(
        name=payload.name,
        status=STATUS_WORDS[payload.status],
        address=AddressInput(**payload.address.model_dump()),
        email=payload.email,
        phone=payload.phone,
        vat_number=payload.vat_number,
        contact=PersonInput(**contact),
        delivery_address=AddressInput(**delivery),
    )


def customer_problem(name: str, text: str) -> dict:
    return {"loc": ["body", "payload", *name.split(".")], "msg": text, "type": "value_error"}


def customer_created_out(customer: Customer) -> dict:
    outbox = customer.account_outbox
    return {
        "salesdesk_id": customer.pk,
        "id": customer.exact_id,
        "code": customer.code_display,
        "name": customer.name,
        "status": STATUS_NAMES.get(customer.status, "none"),
        "exact_state": outbox.state,
        "exact_message": outbox.message,
    }


def customer_created_body(customer: Customer) -> bytes:
    """The 201 answer's JSON, as kept for an Idempotency-Key's replay."""
    return orjson.dumps(customer_created_out(customer))
