"""The shapes of `POST /api/v1/customers` (a new customer from a device) and of its answer.

Bounds are the ones the web form checks (salesdesk/customers/new_customer_input.py), so a
value the schema accepts is refused only for a reason the rules name (a duplicate, a
contact without a last name, ...), still as a 422 on that field.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BaseModel

from salesdesk.api.schemas import Text
from salesdesk.customers import new_customer_input as rules

STATUS_WORDS = {"customer": "C", "prospect": "P"}


def _text(limit: int, description: str = ""):
    return Annotated[Text, Field(max_length=limit, description=description)]


# The nested inputs are plain pydantic models: ninja's Schema reads objects by attribute,
# which let any JSON value (a list, say) pass as an address made of defaults.
class AddressIn(BaseModel):
    line1: _text(rules.LINE_MAX, "Street and number") = ""
    postcode: _text(rules.POSTCODE_MAX) = ""
    city: _text(rules.CITY_MAX) = ""
    country: _text(2, "Two-letter code: NL, BE, DE") = ""


class ContactIn(BaseModel):
    first_name: _text(rules.PERSON_NAME_MAX) = ""
    last_name: _text(rules.PERSON_NAME_MAX) = ""
    email: _text(rules.EMAIL_MAX) = ""
    phone: _text(rules.PHONE_MAX) = ""


class NewCustomerIn(Schema):
    name: Annotated[Text, Field(min_length=1, max_length=rules.NAME_MAX)]
    status: Literal["customer", "prospect"] = "customer"
    address: AddressIn = Field(default_factory=AddressIn, description="The visit address")
    email: _text(rules.EMAIL_MAX) = ""
    phone: _text(rules.PHONE_MAX) = ""
    vat_number: _text(rules.VAT_MAX + 10, "Spaces and dots are ignored") = ""
    contact: ContactIn | None = Field(None, description="First and last name both required")
    delivery_address: AddressIn | None = Field(None, description="Line, postcode and city")


class NewCustomerOut(Schema):
    salesdesk_id: int = Field(description="Salesdesk's own id: GET /customers/created/{id}")
    id: uuid.UUID | None = Field(description="Exact's ID; null until Exact has the account")
    code: str = Field(description="NEW-<salesdesk_id> until Exact gives the account its code")
    name: str
    status: Literal["customer", "prospect", "suspect", "none"]
    exact_state: Literal["queued", "sending", "done", "failed"]
    exact_message: str = Field(description="Why it waits, or Exact's words when it refused")
