"""What the API says about stock, addresses, contacts and Exact's sales history: plain dicts
from `values_list` (as salesdesk/api/records.py), shapes declared in history_schemas.py."""

from __future__ import annotations

from salesdesk.api.records import Record, Shape
from salesdesk.catalog.stock_models import StockPosition
from salesdesk.customers.contact_models import Address, Contact
from salesdesk.history.models import (
    OpenItem,
    Progress,
    SalesInvoice,
    SalesInvoiceLine,
    SalesOrder,
    SalesOrderLine,
    order_state,
)

PROGRESS = {
    Progress.OPEN: "open",
    Progress.PARTIAL: "partial",
    Progress.COMPLETE: "complete",
    Progress.CANCELLED: "cancelled",
}
ADDRESS_TYPES = {1: "visit", 2: "postal", 3: "invoice", 4: "delivery"}
INVOICE_TYPES = {8020: "invoice", 8021: "credit_note", 8023: "direct_invoice",
                 8024: "direct_credit_note"}  # fmt: skip
STATUSES = ("status", "delivery_status", "invoice_status")
KEPT = (("active", "active"), ("version", "row_version"))


def _same(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, name) for name in names)


def _stated(record: Record) -> Record:
    record["state"] = order_state(**{key: record[key] for key in STATUSES})
    for key in STATUSES:
        record[key] = PROGRESS.get(record[key])
    return record


def _line_stated(record: Record) -> Record:
    _stated(record)
    for key in STATUSES:
        del record[key]
    return record


def _address(record: Record) -> Record:
    record["type"] = ADDRESS_TYPES.get(record["type"], "visit")
    return record


def _invoice(record: Record) -> Record:
    record["type"] = INVOICE_TYPES.get(record["type"], "invoice")
    return record


def open_item_records(items) -> list[Record]:
    """Records of open items already read (the customer's history reads them once)."""
    names = [key for key, _ in OPEN_ITEM.columns]
    return [dict(zip(names, (getattr(i, path) for _, path in OPEN_ITEM.columns), strict=True))
            for i in items]  # fmt: skip


STOCK_POSITION = Shape(
    StockPosition,
    (("id", "exact_id"), ("item_id", "item_exact_id"), ("warehouse_id", "warehouse_exact_id"),
     *_same("warehouse_code", "warehouse_description", "free", "reserved", "planned_in",
            "planned_out", "current", "projected", "unit", "synced_at"), *KEPT),
)  # fmt: skip
ADDRESS = Shape(
    Address,
    (("id", "exact_id"), ("customer_id", "customer_exact_id"),
     *_same("type", "main", "line1", "line2", "line3", "postcode", "city", "state", "country",
            "country_name", "contact_name", "phone"), *KEPT),
    _address,
)  # fmt: skip
CONTACT = Shape(
    Contact,
    (("id", "exact_id"), ("customer_id", "customer_exact_id"),
     *_same("first_name", "last_name", "full_name", "job_title", "email", "phone", "mobile",
            "is_main"), *KEPT),
)  # fmt: skip
SALES_ORDER = Shape(
    SalesOrder,
    (("id", "order_exact_id"), ("customer_id", "customer_exact_id"),
     *_same("number", "order_date", "delivery_date", "your_ref", "description", *STATUSES,
            "currency", "amount_excl_vat", "amount_incl_vat"), *KEPT),
    _stated,
)  # fmt: skip
SALES_ORDER_LINE = Shape(
    SalesOrderLine,
    (("id", "exact_id"), ("order_id", "order_exact_id"), ("item_id", "item_exact_id"),
     *_same("line_number", "item_code", "item_description", "unit", "quantity",
            "quantity_delivered", "quantity_invoiced", "unit_price", "amount", *STATUSES,
            "delivery_date"), *KEPT),
    _line_stated,
)  # fmt: skip
SALES_INVOICE = Shape(
    SalesInvoice,
    (("id", "exact_id"), ("customer_id", "customer_exact_id"),
     *_same("number", "invoice_date", "due_date", "type", "currency", "amount_excl_vat",
            "amount_incl_vat", "your_ref"), *KEPT),
    _invoice,
)  # fmt: skip
SALES_INVOICE_LINE = Shape(
    SalesInvoiceLine,
    (("id", "exact_id"), ("invoice_id", "invoice_exact_id"), ("customer_id", "customer_exact_id"),
     ("item_id", "item_exact_id"), ("order_id", "order_exact_id"),
     *_same("invoice_number", "invoice_date", "item_code", "item_description", "quantity",
            "unit_price", "amount"), *KEPT),
)  # fmt: skip
OPEN_ITEM = Shape(
    OpenItem,
    (("id", "exact_id"), ("customer_id", "customer_exact_id"),
     *_same("invoice_number", "invoice_date", "due_date", "description", "currency", "amount"),
     *KEPT),
)  # fmt: skip
