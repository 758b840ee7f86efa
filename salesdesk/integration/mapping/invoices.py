"""Exact's sales invoices and open items -> Salesdesk's history (spec §9.2, §9.4).

sync/SalesInvoice/SalesInvoices is one feed of header rows (LineNumber 0, their ID is the
InvoiceID) and line rows (LineNumber 1 and up, their own ID; InvoiceID groups them).
Open items come from read/financial/ReceivablesList: only what is still owed, `Amount` the
outstanding part, keyed by `HID` (an Int64, not a GUID).
"""

from __future__ import annotations

import uuid
from typing import Any

from salesdesk.integration.mapping.values import amount, day, guid, text, timestamp, whole

Row = dict[str, Any]

SALES_INVOICE_FEED_FIELDS = (
    "ID", "InvoiceID", "InvoiceNumber", "LineNumber", "OrderedBy", "InvoiceDate", "DueDate",
    "Type", "Status", "Currency", "AmountFCExclVat", "AmountFC", "YourRef", "Description",
    "Item", "ItemCode", "ItemDescription", "UnitCode", "Quantity", "NetPrice", "SalesOrder",
    "SalesOrderLine", "SalesOrderNumber",
)  # fmt: skip
RECEIVABLES_LIST_FIELDS = (
    "HID", "AccountId", "Amount", "CurrencyCode", "Description", "DueDate", "InvoiceDate",
    "InvoiceNumber", "YourRef",
)  # fmt: skip
# sync/Deleted EntityType of the invoice feed, header and line rows alike (spec §9.3).
DELETED_SALES_INVOICE = 13
INVOICE, PROCESSED = 8020, 50


def is_invoice_header(row: Row) -> bool:
    """LineNumber 0 is the invoice itself, 1 and up its lines (spec §9.2)."""
    return not whole(row.get("LineNumber"))


def sales_invoice_from_exact(row: Row) -> Row:
    """A header row of the invoice feed."""
    return {
        "exact_id": guid(row.get("InvoiceID")) or guid(row.get("ID")),
        "number": whole(row.get("InvoiceNumber")),
        "customer_exact_id": guid(row.get("OrderedBy")),
        "invoice_date": day(row.get("InvoiceDate")),
        "due_date": day(row.get("DueDate")),
        "type": whole(row.get("Type")) or INVOICE,
        "status": whole(row.get("Status")) or PROCESSED,
        "currency": text(row.get("Currency"))[:3],
        "amount_excl_vat": amount(row.get("AmountFCExclVat")),
        "amount_incl_vat": amount(row.get("AmountFC")),
        "your_ref": text(row.get("YourRef"))[:64],
        "description": text(row.get("Description"))[:200],
        "exact_timestamp": timestamp(row),
    }


def sales_invoice_line_from_exact(row: Row) -> Row:
    """A line row of the invoice feed; it repeats its invoice's customer and date."""
    excl_vat = row.get("AmountFCExclVat")
    return {
        "exact_id": guid(row.get("ID")),
        "invoice_exact_id": guid(row.get("InvoiceID")),
        "invoice_number": whole(row.get("InvoiceNumber")),
        "line_number": whole(row.get("LineNumber")) or 0,
        "customer_exact_id": guid(row.get("OrderedBy")),
        "invoice_date": day(row.get("InvoiceDate")),
        "item_exact_id": guid(row.get("Item")),
        "item_code": text(row.get("ItemCode"))[:60],
        "item_description": text(row.get("ItemDescription"))[:200],
        "unit": text(row.get("UnitCode"))[:20],
        "quantity": amount(row.get("Quantity")),
        "unit_price": amount(row.get("NetPrice")),
        "amount": amount(excl_vat if excl_vat is not None else row.get("AmountFC")),
        "order_exact_id": guid(row.get("SalesOrder")),
        "order_line_exact_id": guid(row.get("SalesOrderLine")),
        "order_number": whole(row.get("SalesOrderNumber")),
        "exact_timestamp": timestamp(row),
    }


def open_item_from_exact(row: Row) -> Row:
    """A row of read/financial/ReceivablesList; its Int64 `HID` becomes the record's ID."""
    return {
        "exact_id": open_item_id(row.get("HID")),
        "customer_exact_id": guid(row.get("AccountId")),
        "invoice_number": whole(row.get("InvoiceNumber")),
        "invoice_date": day(row.get("InvoiceDate")),
        "due_date": day(row.get("DueDate")),
        "description": text(row.get("Description"))[:200],
        "your_ref": text(row.get("YourRef"))[:64],
        "currency": text(row.get("CurrencyCode"))[:3],
        "amount": amount(row.get("Amount")),
    }


def open_item_id(hid: Any) -> uuid.UUID | None:
    number = whole(hid)
    return uuid.UUID(int=number) if number is not None and 0 <= number < 2**128 else None
