"""The stock, order-history, invoice, receivable and CRM endpoints (spec §9.1).

`(path, kind, DivisionData table, schema[, methods])`; `resources.endpoints` turns them
into `Endpoint`s. All are GET only in the sandbox, but for POST on crm/Contacts
(resources/crm_posts.py) and crm/Addresses (resources/addresses.py: a delivery address typed
in for an order, or a new customer's). Kind `read` (the `read/financial` functions) has no
page cap (spec §3.1 "most read/ services have no such cap").
Endpoints without a sync variant in Exact (warehouses, item warehouses, shipping
methods, payment conditions, the receivables) have none here either.
"""

from __future__ import annotations

from ..data import ledger_schema as ls

LEDGER_ENDPOINTS = (
    ("inventory/Warehouses", "plain", "warehouses", ls.WAREHOUSE),
    ("inventory/ItemWarehouses", "plain", "stock_positions", ls.ITEM_WAREHOUSE),
    ("sync/Inventory/StockPositions", "sync", "stock_positions", ls.SYNC_STOCK_POSITION),
    ("salesorder/GoodsDeliveries", "plain", "goods_deliveries", ls.GOODS_DELIVERY),
    ("salesorder/GoodsDeliveryLines", "plain", "goods_delivery_lines", ls.GOODS_DELIVERY_LINE),
    ("sync/SalesOrder/GoodsDeliveries", "sync", "goods_deliveries", ls.SYNC_GOODS_DELIVERY),
    (
        "sync/SalesOrder/GoodsDeliveryLines", "sync", "goods_delivery_lines",
        ls.SYNC_GOODS_DELIVERY_LINE,
    ),
    ("bulk/SalesOrder/GoodsDeliveries", "bulk", "goods_deliveries", ls.BULK_GOODS_DELIVERY),
    (
        "bulk/SalesOrder/GoodsDeliveryLines", "bulk", "goods_delivery_lines",
        ls.BULK_GOODS_DELIVERY_LINE,
    ),
    ("salesinvoice/SalesInvoices", "plain", "sales_invoices", ls.SALES_INVOICE),
    ("salesinvoice/SalesInvoiceLines", "plain", "sales_invoice_lines", ls.SALES_INVOICE_LINE),
    ("sync/SalesInvoice/SalesInvoices", "sync", "sales_invoice_feed", ls.SYNC_SALES_INVOICE),
    ("bulk/SalesInvoice/SalesInvoices", "bulk", "sales_invoices", ls.BULK_SALES_INVOICE),
    (
        "bulk/SalesInvoice/SalesInvoiceLines", "bulk", "sales_invoice_lines",
        ls.BULK_SALES_INVOICE_LINE,
    ),
    ("cashflow/Receivables", "plain", "receivables", ls.RECEIVABLE),
    ("bulk/Cashflow/Receivables", "bulk", "receivables", ls.BULK_RECEIVABLE),
    ("read/financial/ReceivablesList", "read", "", ls.RECEIVABLES_LIST),
    ("read/financial/ReceivablesListByAccount", "read", "", ls.RECEIVABLES_LIST_BY_ACCOUNT),
    ("sync/Cashflow/PaymentTerms", "sync", "payment_terms", ls.SYNC_PAYMENT_TERM),
    ("cashflow/PaymentConditions", "plain", "payment_conditions", ls.PAYMENT_CONDITION),
    ("crm/Addresses", "plain", "addresses", ls.ADDRESS, frozenset({"GET", "POST"})),
    ("sync/CRM/Addresses", "sync", "addresses", ls.SYNC_ADDRESS),
    ("bulk/CRM/Addresses", "bulk", "addresses", ls.BULK_ADDRESS),
    ("crm/Contacts", "plain", "contacts", ls.CONTACT, frozenset({"GET", "POST"})),
    ("sync/CRM/Contacts", "sync", "contacts", ls.SYNC_CONTACT),
    ("bulk/CRM/Contacts", "bulk", "contacts", ls.BULK_CONTACT),
    ("sales/ShippingMethods", "plain", "shipping_methods", ls.SHIPPING_METHOD),
)  # fmt: skip
