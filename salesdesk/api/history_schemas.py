"""Response shapes of stock, a customer's addresses and contacts, and Exact's sales history
(orders, invoices, open items): the delta feed's kinds and the per-customer history.

Status codes are Exact's as words: `state` is where an order (line) stands as a whole
("Open", "Partly delivered", "Delivered", "Partly invoiced", "Invoiced", "Cancelled").
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

Progress = Literal["open", "partial", "complete", "cancelled"] | None


class StockPositionOut(Schema):
    id: uuid.UUID
    item_id: uuid.UUID
    warehouse_id: uuid.UUID | None
    warehouse_code: str
    warehouse_description: str
    free: Decimal = Field(description="What may still be promised")
    reserved: Decimal
    planned_in: Decimal
    planned_out: Decimal
    current: Decimal = Field(description="Physically in the warehouse")
    projected: Decimal
    unit: str
    synced_at: datetime.datetime | None
    active: bool
    version: int


class AddressOut(Schema):
    id: uuid.UUID
    customer_id: uuid.UUID | None
    type: Literal["visit", "postal", "invoice", "delivery"]
    main: bool = Field(description="The customer's main address of this type")
    line1: str
    line2: str
    line3: str
    postcode: str
    city: str
    state: str
    country: str
    country_name: str
    contact_name: str
    phone: str
    active: bool
    version: int


class ContactOut(Schema):
    id: uuid.UUID
    customer_id: uuid.UUID | None
    first_name: str
    last_name: str
    full_name: str
    job_title: str
    email: str
    phone: str
    mobile: str
    is_main: bool
    active: bool
    version: int


class SalesOrderOut(Schema):
    id: uuid.UUID = Field(
        description="Exact's OrderID (orders sent by Salesdesk: their exact_order_id)"
    )
    number: int | None
    customer_id: uuid.UUID | None
    order_date: datetime.date | None
    delivery_date: datetime.date | None
    your_ref: str = Field(description="Salesdesk's order number for orders sent by Salesdesk")
    description: str
    state: str
    status: Progress
    delivery_status: Progress
    invoice_status: Progress
    currency: str
    amount_excl_vat: Decimal
    amount_incl_vat: Decimal
    active: bool
    version: int


class SalesOrderLineOut(Schema):
    id: uuid.UUID
    order_id: uuid.UUID
    line_number: int
    item_id: uuid.UUID | None
    item_code: str
    item_description: str
    unit: str
    quantity: Decimal
    quantity_delivered: Decimal
    quantity_invoiced: Decimal
    unit_price: Decimal
    amount: Decimal
    state: str
    delivery_date: datetime.date | None
    active: bool
    version: int


class SalesInvoiceOut(Schema):
    id: uuid.UUID
    number: int | None
    customer_id: uuid.UUID | None
    invoice_date: datetime.date | None
    due_date: datetime.date | None
    type: Literal["invoice", "credit_note", "direct_invoice", "direct_credit_note"]
    currency: str
    amount_excl_vat: Decimal
    amount_incl_vat: Decimal
    your_ref: str
    active: bool
    version: int


class SalesInvoiceLineOut(Schema):
    id: uuid.UUID
    invoice_id: uuid.UUID
    invoice_number: int | None
    customer_id: uuid.UUID | None
    invoice_date: datetime.date | None
    item_id: uuid.UUID | None
    item_code: str
    item_description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    order_id: uuid.UUID | None
    active: bool
    version: int


class OpenItemOut(Schema):
    id: uuid.UUID
    customer_id: uuid.UUID | None
    invoice_number: int | None
    invoice_date: datetime.date | None
    due_date: datetime.date | None
    description: str
    currency: str
    amount: Decimal = Field(description="Outstanding; positive is owed by the customer")
    active: bool = Field(description="False: paid (or otherwise settled) since")
    version: int


class ReorderOut(Schema):
    item_id: uuid.UUID
    item_code: str
    item_description: str
    times: int = Field(description="Invoice lines in the last 12 months")
    quantity: Decimal
    last_date: datetime.date
    last_price: Decimal | None


class OpenItemsOut(Schema):
    total: Decimal
    overdue: Decimal
    count: int
    overdue_count: int
    credit_limit: Decimal | None = Field(description="None: no credit limit in Exact")
    over_limit: bool
    blocked: bool
    items: list[OpenItemOut] = Field(description="Oldest due first, at most 100")


class CustomerHistoryOut(Schema):
    orders: list[SalesOrderOut] = Field(description="Exact's orders, newest first, at most 100")
    open_items: OpenItemsOut
    reorder_list: list[ReorderOut]
    addresses: list[AddressOut]
    contacts: list[ContactOut]
