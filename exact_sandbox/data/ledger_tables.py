"""The tables a division keeps for stock, order history, invoices, receivables and CRM (§9).

Added to every `DivisionData` at construction. Row dicts hold Exact's JSON values; some
hold the names of two endpoints at once (a stock position row carries both the
`inventory/ItemWarehouses` and the `sync/Inventory/StockPositions` spellings), since each
endpoint's projector only shows the properties of its own schema.
"""

from __future__ import annotations

from .merged_feed import MergedFeed
from .table import Table

# sync/Deleted EntityType codes (spec §4.7, §9.3).
ENTITY_ADDRESSES = 3
ENTITY_CONTACTS = 5
ENTITY_PAYMENT_TERMS = 10
ENTITY_SALES_INVOICES = 13
ENTITY_STOCK_POSITIONS = 15
ENTITY_GOODS_DELIVERIES = 16
ENTITY_GOODS_DELIVERY_LINES = 17


class InvoiceLineRow:
    """An invoice line as the invoice feed shows it: with its header's fields (spec §9.2).

    A class rather than a closure, so that a division pickles (exact_sandbox.snapshot)."""

    def __init__(self, invoices: Table) -> None:
        self.invoices = invoices

    def __call__(self, line: dict) -> dict:
        return {**self.invoices.rows[line["InvoiceID"]], **line}


def add_ledger_tables(division) -> None:
    """Create the (empty) tables and the two merged sync feeds on `division`."""
    division.warehouses = Table("ID", ("Code",))
    division.stock_positions = Table("ID", ("ItemId", "Warehouse"))
    division.goods_deliveries = Table("EntryID", ("DeliveryAccount",))
    division.goods_delivery_lines = Table("ID", ("EntryID", "SalesOrderLineID", "Item"))
    division.sales_invoices = Table("InvoiceID", ("InvoiceTo", "OrderedBy", "InvoiceNumber"))
    division.sales_invoice_lines = Table("ID", ("InvoiceID", "SalesOrderLine", "Item"))
    division.receivables = Table("ID", ("Account", "InvoiceNumber", "EntryID"))
    division.payables = Table("ID", ("Account",))
    division.addresses = Table("ID", ("Account", "Type"))
    division.contacts = Table("ID", ("Account",))
    division.shipping_methods = Table("ID", ("Code",))
    division.payment_conditions = Table("ID", ("Code",))
    # Per-division number sequences (data.documents.next_number).
    division.ledger_numbers = {"delivery": 1, "invoice": 26000001, "entry": 1, "term": 10000001}
    division.sales_invoice_feed = MergedFeed(
        (division.sales_invoices, None),
        (division.sales_invoice_lines, InvoiceLineRow(division.sales_invoices)),
    )
    division.payment_terms = MergedFeed((division.receivables, None), (division.payables, None))
