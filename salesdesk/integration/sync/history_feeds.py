"""The `sales-orders`, `invoices` and `receivables` entities: Exact's sales history.

- sales orders: header and line feeds tick apart (spec §9.2), so each has its own cursor;
  goods deliveries and their lines (track & trace, delivered quantities) come with them.
- invoices: one feed of header rows (LineNumber 0) and line rows, stored apart.
- receivables: the open items have no sync feed (§9.1); read/financial/ReceivablesList
  gives them all in one call, so they are read whole on a schedule of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from salesdesk.history import services as history
from salesdesk.integration.mapping import invoices, sales_orders
from salesdesk.integration.sync.feeds import Feed, Rows
from salesdesk.integration.sync.record_feeds import (
    Mapped,
    counted_by,
    listing_store,
    mapped_page,
    upsert_store,
    upserted,
)
from salesdesk.integration.sync.runs import PageCounts
from salesdesk.tenants.models import Company


def _sync_feed(name: str, resource: str, fields, mapper, upsert, required) -> Feed:
    return Feed(
        name=name,
        resource=resource,
        fields=fields,
        shape=mapped_page(mapper, required),
        store=upsert_store(upsert),
        counted=True,
        total=counted_by(resource),
    )


SALES_ORDERS = _sync_feed(
    "sales_orders", "sales_orders", sales_orders.SALES_ORDER_HEADER_FIELDS,
    sales_orders.sales_order_from_exact, history.sales_orders_upsert,
    ("exact_id", "order_exact_id"),
)  # fmt: skip
SALES_ORDER_LINES = _sync_feed(
    "sales_order_lines", "sales_order_lines", sales_orders.SALES_ORDER_LINE_FIELDS,
    sales_orders.sales_order_line_from_exact, history.sales_order_lines_upsert,
    ("exact_id", "order_exact_id"),
)  # fmt: skip
GOODS_DELIVERIES = _sync_feed(
    "goods_deliveries", "goods_deliveries", sales_orders.GOODS_DELIVERY_FIELDS,
    sales_orders.goods_delivery_from_exact, history.goods_deliveries_upsert, ("exact_id",),
)  # fmt: skip
GOODS_DELIVERY_LINES = _sync_feed(
    "goods_delivery_lines", "goods_delivery_lines", sales_orders.GOODS_DELIVERY_LINE_FIELDS,
    sales_orders.goods_delivery_line_from_exact, history.goods_delivery_lines_upsert,
    ("exact_id", "delivery_exact_id"),
)  # fmt: skip
SALES_ORDER_FEEDS = (SALES_ORDERS, SALES_ORDER_LINES, GOODS_DELIVERIES, GOODS_DELIVERY_LINES)
SALES_ORDER_DELETIONS = {
    sales_orders.DELETED_SALES_ORDER: history.sales_orders_delete,
    sales_orders.DELETED_SALES_ORDER_LINE: history.sales_order_lines_delete,
    sales_orders.DELETED_GOODS_DELIVERY: history.goods_deliveries_delete,
    sales_orders.DELETED_GOODS_DELIVERY_LINE: history.goods_delivery_lines_delete,
}


@dataclass(frozen=True)
class InvoicePage:
    headers: Mapped
    lines: Mapped


_headers = mapped_page(invoices.sales_invoice_from_exact)
_lines = mapped_page(invoices.sales_invoice_line_from_exact, ("exact_id", "invoice_exact_id"))


def _invoice_page(rows: Rows) -> InvoicePage:
    """Split the feed's page into invoices and their lines (spec §9.2)."""
    headers = [row for row in rows if invoices.is_invoice_header(row)]
    lines = [row for row in rows if not invoices.is_invoice_header(row)]
    return InvoicePage(_headers(headers), _lines(lines))


def _store_invoices(company: Company, page: InvoicePage) -> PageCounts:
    read_at = timezone.now()
    heads = upserted(history.sales_invoices_upsert, company, page.headers, read_at)
    lines = upserted(history.sales_invoice_lines_upsert, company, page.lines, read_at)
    return PageCounts(
        rows=heads.rows + lines.rows,
        created=heads.created + lines.created,
        updated=heads.updated + lines.updated,
        skipped=heads.skipped + lines.skipped,
    )


SALES_INVOICES = Feed(
    name="sales_invoices",
    resource="sales_invoices",
    fields=invoices.SALES_INVOICE_FEED_FIELDS,
    shape=_invoice_page,
    store=_store_invoices,
    counted=True,
    total=counted_by("sales_invoices", "sales_invoice_lines"),
)
INVOICE_FEEDS = (SALES_INVOICES,)
INVOICE_DELETIONS = {invoices.DELETED_SALES_INVOICE: history.sales_invoices_delete}
OPEN_ITEMS = Feed(
    name="open_items",
    resource="receivables_list",
    fields=invoices.RECEIVABLES_LIST_FIELDS,
    store=listing_store(
        mapped_page(invoices.open_item_from_exact),
        history.open_items_upsert,
        history.open_items_sweep,
    ),
    incremental=False,
)
RECEIVABLE_FEEDS = (OPEN_ITEMS,)
