"""The order header's shapes in the API: a delivery address typed in, the discount in
percent, and the administration's lists an order picks from (`GET /order-terms`)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from salesdesk.api.decimal_input import DecimalRange, decimal_body
from salesdesk.orders import bounds

Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]  # no NUL: PostgreSQL cannot store one
# Not blank: some character other than the blanks the services strip (bounds.BLANK_CHARACTERS).
NonBlank = r"^[^\x00]*[^ \t\n\r\f\v\x00][^\x00]*$"
DiscountPercent = decimal_body(
    DecimalRange(minimum=Decimal(0), maximum=bounds.DISCOUNT_PERCENT_MAX, places=2),
    description=(
        "The order discount in percent (5 is 5%), at most 2 decimals; a quotation takes "
        "none (Exact's quotations have no order discount)"
    ),
)
LEAVE_OUT = "Leave out for the customer's default in Exact; null for none. "


class NewDeliveryAddressIn(Schema):
    """A delivery address typed in for this order: added to the customer in Exact (once;
    Exact reuses an existing identical address) before the order is sent."""

    line1: Annotated[
        str, Field(max_length=bounds.NEW_ADDRESS_MAX_LENGTHS["line1"], pattern=NonBlank)
    ]
    line2: Annotated[Text, Field(max_length=bounds.NEW_ADDRESS_MAX_LENGTHS["line2"])] = ""
    postcode: Annotated[Text, Field(max_length=bounds.NEW_ADDRESS_MAX_LENGTHS["postcode"])] = ""
    city: Annotated[str, Field(max_length=bounds.NEW_ADDRESS_MAX_LENGTHS["city"], pattern=NonBlank)]
    country: Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="Two letters: NL")]


class NewDeliveryAddressOut(Schema):
    line1: str
    line2: str
    postcode: str
    city: str
    country: str


class ShippingMethodOut(Schema):
    id: uuid.UUID
    code: str
    description: str


class PaymentConditionOut(Schema):
    code: str
    description: str
    payment_days: int


class WarehouseOut(Schema):
    id: uuid.UUID
    code: str
    description: str
    main: bool


class OrderTermsOut(Schema):
    shipping_methods: list[ShippingMethodOut]
    payment_conditions: list[PaymentConditionOut]
    warehouses: list[WarehouseOut] = Field(
        description="Offer a choice only when there are several (Exact's smallest editions "
        "have one warehouse and refuse another)"
    )
