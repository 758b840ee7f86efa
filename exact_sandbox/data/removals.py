"""Records deleted in Exact, each recorded in sync/Deleted (spec §4.7, §9.3).

- an address: EntityType 3;
- a contact: 5; when it was the account's main contact, the account's MainContact is
  cleared (a new account Timestamp);
- a sales invoice: 13 for its header row and each line row of the invoice feed
  (EntityKey = the feed row's ID; the header row's ID is the InvoiceID), 10 for each of
  its payment terms; the order lines it billed are invoiced that much less (new line
  Timestamps, the header's when its statuses change);
- a stock position: 15 (the item is no longer kept in that warehouse).
"""

from __future__ import annotations

from .division import DivisionData
from .fulfilment import FulfilmentError, line_progress, order_settle
from .ledger_tables import (
    ENTITY_ADDRESSES,
    ENTITY_CONTACTS,
    ENTITY_PAYMENT_TERMS,
    ENTITY_SALES_INVOICES,
    ENTITY_STOCK_POSITIONS,
)
from .stock import item_stock_total


def remove(division: DivisionData, kind: str, key: str, now: float) -> list[dict]:
    """Delete one record of `kind`; the sync/Deleted rows written."""
    handler = REMOVERS.get(kind)
    if handler is None:
        raise FulfilmentError(f"unknown kind {kind!r}; known: {sorted(REMOVERS)}")
    table = getattr(division, TABLES[kind])
    if key not in table:
        raise FulfilmentError(f"no {kind} {key}")
    return handler(division, key, now)


def _address(division: DivisionData, key: str, now: float) -> list[dict]:
    division.addresses.delete(key)
    return [division.record_deletion(key, ENTITY_ADDRESSES, now)]


def _contact(division: DivisionData, key: str, now: float) -> list[dict]:
    contact = division.contacts.delete(key)
    account = division.accounts.get(contact["Account"])
    if account is not None and account.get("MainContact") == key:
        division.touch(division.accounts, account["ID"], {"MainContact": None}, now)
    return [division.record_deletion(key, ENTITY_CONTACTS, now)]


def _invoice(division: DivisionData, key: str, now: float) -> list[dict]:
    header = division.sales_invoices.delete(key)
    deleted = [division.record_deletion(key, ENTITY_SALES_INVOICES, now)]
    orders = set()
    lines = division.sales_invoice_lines
    for line_key in sorted(lines.lookup("InvoiceID", key) or ()):
        line = lines.delete(line_key)
        deleted.append(division.record_deletion(line_key, ENTITY_SALES_INVOICES, now))
        order_line = division.sales_order_lines.get(line.get("SalesOrderLine") or "")
        if order_line is not None:
            billed = max(order_line["QuantityInvoiced"] - line["Quantity"], 0.0)
            line_progress(division, order_line, now, QuantityInvoiced=billed)
            orders.add(order_line["OrderID"])
    for term_key in sorted(
        division.receivables.lookup("InvoiceNumber", header["InvoiceNumber"]) or ()
    ):
        division.receivables.delete(term_key)
        deleted.append(division.record_deletion(term_key, ENTITY_PAYMENT_TERMS, now))
    for order_id in sorted(orders):
        if order_id in division.sales_orders:
            order_settle(division, division.sales_orders.rows[order_id], now)
    return deleted


def _stock_position(division: DivisionData, key: str, now: float) -> list[dict]:
    row = division.stock_positions.delete(key)
    item_stock_total(division, row["ItemId"])
    division.changed("StockPositions", "Delete", row["ItemId"], now)
    return [division.record_deletion(key, ENTITY_STOCK_POSITIONS, now)]


REMOVERS = {"address": _address, "contact": _contact, "invoice": _invoice,
            "stock_position": _stock_position}  # fmt: skip
TABLES = {"address": "addresses", "contact": "contacts", "invoice": "sales_invoices",
          "stock_position": "stock_positions"}  # fmt: skip
