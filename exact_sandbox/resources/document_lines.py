"""The line collections of documents: order, goods delivery and invoice lines (spec §3.3).

A document's lines are a navigation property (`SalesOrderLines`, `GoodsDeliveryLines`,
`SalesInvoiceLines`): deferred unless `$expand`ed, and readable at
`Document(guid'…')/Lines`. Expanding works on the plain endpoints, as at Exact.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ledger_schema as ls
from ..data import quotation_schema as qs
from ..data import schema as s
from ..data.schema import Schema
from ..odata.envelope import Expander, Projector, resolve_select
from .context import CallContext


@dataclass(frozen=True)
class Lines:
    """Where a document's lines live and how they point back at it."""

    nav: str
    table: str  # DivisionData attribute
    schema: Schema
    path: str  # the lines' own endpoint, for their __metadata
    parent_key: str  # the lines' field holding the document's key


_BY_DOCUMENT = {
    s.SALES_ORDER.type_name: Lines(
        "SalesOrderLines", "sales_order_lines", s.SALES_ORDER_LINE,
        "salesorder/SalesOrderLines", "OrderID",
    ),
    ls.GOODS_DELIVERY.type_name: Lines(
        "GoodsDeliveryLines", "goods_delivery_lines", ls.GOODS_DELIVERY_LINE,
        "salesorder/GoodsDeliveryLines", "EntryID",
    ),
    ls.SALES_INVOICE.type_name: Lines(
        "SalesInvoiceLines", "sales_invoice_lines", ls.SALES_INVOICE_LINE,
        "salesinvoice/SalesInvoiceLines", "InvoiceID",
    ),
    qs.QUOTATION.type_name: Lines(
        "QuotationLines", "quotation_lines", qs.QUOTATION_LINE, "crm/QuotationLines",
        "QuotationID",
    ),
}  # fmt: skip


def lines_of(schema: Schema, nav: str) -> Lines | None:
    """The line collection `nav` of documents of `schema` (case-insensitive), or None."""
    lines = _BY_DOCUMENT.get(schema.type_name)
    return lines if lines is not None and lines.nav.lower() == nav.lower() else None


def lines_expander(ctx: CallContext, lines: Lines, select: list[str] | None) -> Expander:
    """Rows of one document's lines, in LineNumber order, projected with `select`."""
    fields, _ = resolve_select(lines.schema, select)
    projector = Projector(lines.schema, fields, entity_uri=ctx.entity_uri(lines.path),
                          base=ctx.base)  # fmt: skip
    table = getattr(ctx.division, lines.table)

    def expand(document: dict) -> list[dict]:
        keys = table.lookup(lines.parent_key, document[lines.parent_key]) or ()
        rows = sorted((table.rows[key] for key in keys), key=lambda row: row["LineNumber"])
        return [projector(row) for row in rows]

    return expand
