"""Every entity a sync run reads, with its feeds in order.

Items, customers and price lists are in `feeds`; stock, Exact's sales history, open items,
addresses and contacts in their own modules. Stock follows items in a full sync so that
the items' free stock is written as the positions arrive.
"""

from __future__ import annotations

from salesdesk.integration.sync import feeds
from salesdesk.integration.sync.crm_feeds import ADDRESS_FEEDS, CONTACT_FEEDS
from salesdesk.integration.sync.feeds import Feed
from salesdesk.integration.sync.history_feeds import (
    INVOICE_FEEDS,
    RECEIVABLE_FEEDS,
    SALES_ORDER_FEEDS,
)
from salesdesk.integration.sync.models import SyncEntity
from salesdesk.integration.sync.quotation_feeds import QUOTATION_FEEDS
from salesdesk.integration.sync.stock_feeds import STOCK_FEEDS

ENTITY_FEEDS: dict[str, tuple[Feed, ...]] = {
    **feeds.ENTITY_FEEDS,
    SyncEntity.STOCK: STOCK_FEEDS,
    SyncEntity.SALES_ORDERS: SALES_ORDER_FEEDS,
    SyncEntity.INVOICES: INVOICE_FEEDS,
    SyncEntity.RECEIVABLES: RECEIVABLE_FEEDS,
    SyncEntity.ADDRESSES: ADDRESS_FEEDS,
    SyncEntity.CONTACTS: CONTACT_FEEDS,
    SyncEntity.QUOTATIONS: QUOTATION_FEEDS,
}
