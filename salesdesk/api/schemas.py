"""The API's request and response shapes (they make the OpenAPI schema at /api/v1/openapi.json).

Amounts are decimal strings ("12.5000"), never floats; ids are Exact's GUIDs.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import model_validator

from salesdesk.api.date_input import date_body
from salesdesk.api.decimal_input import DecimalRange, decimal_body
from salesdesk.api.history_schemas import (
    AddressOut,
    ContactOut,
    OpenItemOut,
    SalesInvoiceLineOut,
    SalesInvoiceOut,
    SalesOrderLineOut,
    SalesOrderOut,
    StockPositionOut,
)
from salesdesk.api.order_header_schemas import (
    LEAVE_OUT,
    DiscountPercent,
    NewDeliveryAddressIn,
    NewDeliveryAddressOut,
)
from salesdesk.orders import bounds

Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]  # no NUL: PostgreSQL cannot store one


class SignIn(Schema):
    company: Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")]
    email: Annotated[Text, Field(min_length=1, max_length=254, description="E-mail or username")]
    password: Annotated[Text, Field(min_length=1, max_length=200)]
    device: Annotated[Text, Field(max_length=100, description="Shown on the API tokens page")] = ""


class TokenOut(Schema):
    token: str
    token_id: int
    device: str
    company: str
    user: str


class Problem(Schema):
    detail: str


class FieldProblem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class Problems(Schema):
    detail: list[FieldProblem]


class Me(Schema):
    user: str
    email: str
    company: str
    company_name: str
    device: str


class ItemOut(Schema):
    id: uuid.UUID
    code: str
    description: str
    extra_description: str
    group_code: str
    group_description: str
    unit: str
    unit_description: str
    barcode: str
    vat_percentage: Decimal | None = Field(description="VAT rate as a fraction: 0.21 is 21%")
    standard_price: Decimal | None
    stock: Decimal
    free_stock: Decimal | None = Field(
        description="Free stock over all warehouses (per warehouse: `stock_positions`); "
        "null: Exact has no stock positions for the item"
    )
    is_sales_item: bool
    picture_url: str | None
    active: bool
    version: int


class Address(Schema):
    line1: str
    line2: str
    postcode: str
    city: str
    country: str
    country_name: str


class PriceListRef(Schema):
    id: uuid.UUID
    code: str
    description: str


class CustomerOut(Schema):
    id: uuid.UUID
    code: str
    name: str
    address: Address
    email: str
    phone: str
    vat_number: str
    blocked: bool
    credit_limit: Decimal | None = Field(description="Null: no credit limit in Exact")
    payment_condition: str
    shipping_method_id: uuid.UUID | None = Field(
        description="The customer's usual shipping method in Exact; null: none"
    )
    price_list: PriceListRef | None
    active: bool
    version: int


class ItemPriceOut(Schema):
    id: uuid.UUID
    item_id: uuid.UUID
    customer_id: uuid.UUID | None
    price: Decimal
    currency: str
    quantity: Decimal
    unit: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    active: bool
    version: int


class PriceListLineOut(Schema):
    id: uuid.UUID
    price_list_id: uuid.UUID
    price_list_code: str
    period_id: uuid.UUID
    period_start: datetime.date | None
    period_end: datetime.date | None
    item_id: uuid.UUID | None
    item_group_code: str
    quantity: Decimal
    method: Literal["discount", "new_price"]
    new_price: Decimal | None
    discount: Decimal | None
    base_price: Decimal | None
    unit: str
    active: bool
    version: int


class ItemPage(Schema):
    items: list[ItemOut]
    next: str | None = Field(description="Pass as `after` for the next page; null at the end")


class CustomerPage(Schema):
    customers: list[CustomerOut]
    next: str | None


class PriceOut(Schema):
    item_id: uuid.UUID
    customer_id: uuid.UUID | None
    quantity: Decimal
    unit_price: Decimal
    rule: Literal["customer_price", "price_list", "standard_price"]
    description: str


# Order input within what the order's columns hold (salesdesk/orders/bounds.py).
OrderQuantity = decimal_body(
    DecimalRange(minimum=Decimal(0), maximum=bounds.QUANTITY_MAX, places=4, above=True),
    description="Above zero, at most 4 decimals",
)
OrderPrice = decimal_body(
    DecimalRange(minimum=Decimal(0), maximum=bounds.PRICE_MAX, places=4),
    description="At most 4 decimals",
)
DeliveryDate = date_body(description=f"From {bounds.EARLIEST_DATE} to {bounds.LATEST_DATE}")


class OrderLineIn(Schema):
    item_id: uuid.UUID
    quantity: OrderQuantity
    unit_price: OrderPrice | None = Field(None, description="Leave out to use the price rules")


PK_MAX = 2**63 - 1  # the largest primary key the database holds


class OrderIn(Schema):
    customer_id: uuid.UUID | None = Field(None, description="The customer's id in Exact")
    new_customer_id: int | None = Field(
        None,
        ge=1,
        le=PK_MAX,
        description="Instead of `customer_id`: the `salesdesk_id` of a customer created with "
        "`POST /customers`, in Exact or not yet (the order waits until Exact has it)",
    )
    kind: Literal["order", "quotation"] = Field(
        "order", description="A sales order, or a quotation for the customer to accept"
    )
    delivery_address: uuid.UUID | NewDeliveryAddressIn | None = Field(
        None,
        description=LEAVE_OUT + "The id of one of the customer's delivery addresses "
        "(`addresses` of type 4 in the feed), or a new address as an object.",
    )
    contact_id: uuid.UUID | None = Field(
        None, description=LEAVE_OUT + "One of the customer's contacts (`contacts`)."
    )
    shipping_method_id: uuid.UUID | None = Field(
        None, description="One of the administration's shipping methods in Exact; null: none"
    )
    payment_condition: Annotated[Text, Field(max_length=20)] | None = Field(
        None, description=LEAVE_OUT + "The code of a payment condition in Exact, such as 30."
    )
    warehouse_id: uuid.UUID | None = Field(
        None,
        description="One of the administration's warehouses in Exact; null: Exact's default",
    )
    discount: DiscountPercent = Decimal(0)
    your_ref: Annotated[Text, Field(max_length=bounds.YOUR_REF_MAX_LENGTH)] = ""
    delivery_date: DeliveryDate | None = None
    notes: Annotated[Text, Field(max_length=bounds.NOTES_MAX_LENGTH)] = ""
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=bounds.MAX_LINES)]

    @model_validator(mode="after")
    def _one_customer(self) -> OrderIn:
        if (self.customer_id is None) == (self.new_customer_id is None):
            raise ValueError("Name the customer by exactly one of customer_id and new_customer_id.")
        return self


class OrderLineOut(Schema):
    line_number: int
    item_id: uuid.UUID
    item_code: str
    quantity: Decimal
    unit_price: Decimal
    price_rule: str


class OrderOut(Schema):
    number: str
    status: Literal["draft", "queued", "sending", "submitted", "failed", "manual"]
    kind: Literal["order", "quotation"]
    customer_id: uuid.UUID | None = Field(
        description="Null while the customer, created in Salesdesk, is not in Exact yet"
    )
    delivery_address_id: uuid.UUID | None = Field(
        description="Null for none, or for a new address until it is in Exact"
    )
    delivery_address_text: str
    new_delivery_address: NewDeliveryAddressOut | None = Field(
        description="The address typed in for this order, until Exact has it"
    )
    contact_id: uuid.UUID | None
    contact_name: str
    shipping_method_id: uuid.UUID | None
    shipping_method_label: str
    payment_condition: str = Field(description="The code in Exact; empty: the customer's")
    payment_condition_label: str
    warehouse_id: uuid.UUID | None
    warehouse_label: str
    discount: Decimal = Field(description="In percent: 5 is 5%")
    your_ref: str
    delivery_date: datetime.date | None
    notes: str
    total_excl_vat: Decimal
    total_incl_vat: Decimal
    exact_order_number: int | None
    exact_quotation_number: int | None = Field(description="Exact's number of a quotation")
    exact_message: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    lines: list[OrderLineOut]


class OrderPage(Schema):
    orders: list[OrderOut]
    next: str | None


class DepartureOut(Schema):
    customer_id: uuid.UUID = Field(description="Remove this customer and what hangs off it")
    version: int = Field(description="Remove only a customer stored at an older version")
    orders_kept: list[str] = Field(
        description="Numbers of the customer's orders this rep took, which stay theirs"
    )


class Changes(Schema):
    items: list[ItemOut] = []
    customers: list[CustomerOut] = []
    item_prices: list[ItemPriceOut] = []
    price_list_lines: list[PriceListLineOut] = []
    orders: list[OrderOut] = []
    stock_positions: list[StockPositionOut] = []
    addresses: list[AddressOut] = []
    contacts: list[ContactOut] = []
    sales_orders: list[SalesOrderOut] = []
    sales_order_lines: list[SalesOrderLineOut] = []
    sales_invoices: list[SalesInvoiceOut] = []
    sales_invoice_lines: list[SalesInvoiceLineOut] = []
    open_items: list[OpenItemOut] = []
    departures: list[DepartureOut] = Field(
        [], description="Customers that left this rep's reach (Exact gave them another manager)"
    )


class ChangesOut(Schema):
    cursor: str = Field(description="Pass as `since` on the next call")
    has_more: bool = Field(description="True: call again with the new cursor right away")
    changes: Changes
    reach_changed: bool = Field(
        False,
        description="What this rep may see changed (another Exact user, all customers turned "
        "off): drop the stored customers and what is theirs (prices, orders, addresses, "
        "contacts, history) before storing this page; all still in reach comes again",
    )
