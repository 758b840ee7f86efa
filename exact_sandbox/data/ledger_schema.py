"""Schemas of the stock, order-history, invoice, receivable and CRM endpoints (spec §9).

Every one is the field reference's section of the same path (`exact-online-fields.md`),
so each endpoint answers exactly the reference's properties.
"""

from __future__ import annotations

from .schema import from_reference

_M = "Exact.Web.Api.Models."
_B = _M + "Bulk."
_S = _M + "Sync."

WAREHOUSE = from_reference("inventory/Warehouses", _M + "Inventory.Warehouse")
ITEM_WAREHOUSE = from_reference("inventory/ItemWarehouses", _M + "Inventory.ItemWarehouse")
SYNC_STOCK_POSITION = from_reference(
    "sync/Inventory/StockPositions", _S + "Inventory.StockPosition"
)

GOODS_DELIVERY = from_reference("salesorder/GoodsDeliveries", _M + "SalesOrder.GoodsDelivery")
GOODS_DELIVERY_LINE = from_reference(
    "salesorder/GoodsDeliveryLines", _M + "SalesOrder.GoodsDeliveryLine"
)
SYNC_GOODS_DELIVERY = from_reference(
    "sync/SalesOrder/GoodsDeliveries", _S + "SalesOrder.GoodsDelivery"
)
SYNC_GOODS_DELIVERY_LINE = from_reference(
    "sync/SalesOrder/GoodsDeliveryLines", _S + "SalesOrder.GoodsDeliveryLine"
)
BULK_GOODS_DELIVERY = from_reference(
    "bulk/SalesOrder/GoodsDeliveries", _B + "SalesOrder.GoodsDelivery"
)
BULK_GOODS_DELIVERY_LINE = from_reference(
    "bulk/SalesOrder/GoodsDeliveryLines", _B + "SalesOrder.GoodsDeliveryLine"
)

SALES_INVOICE = from_reference("salesinvoice/SalesInvoices", _M + "SalesInvoice.SalesInvoice")
SALES_INVOICE_LINE = from_reference(
    "salesinvoice/SalesInvoiceLines", _M + "SalesInvoice.SalesInvoiceLine"
)
SYNC_SALES_INVOICE = from_reference(
    "sync/SalesInvoice/SalesInvoices", _S + "SalesInvoice.SalesInvoice"
)
BULK_SALES_INVOICE = from_reference(
    "bulk/SalesInvoice/SalesInvoices", _B + "SalesInvoice.SalesInvoice"
)
BULK_SALES_INVOICE_LINE = from_reference(
    "bulk/SalesInvoice/SalesInvoiceLines", _B + "SalesInvoice.SalesInvoiceLine"
)

RECEIVABLE = from_reference("cashflow/Receivables", _M + "Cashflow.Receivable")
BULK_RECEIVABLE = from_reference("bulk/Cashflow/Receivables", _B + "Cashflow.Receivable")
SYNC_PAYMENT_TERM = from_reference("sync/Cashflow/PaymentTerms", _S + "Cashflow.PaymentTerm")
RECEIVABLES_LIST = from_reference(
    "read/financial/ReceivablesList", _M + "Financial.ReceivablesListItem"
)
RECEIVABLES_LIST_BY_ACCOUNT = from_reference(
    "read/financial/ReceivablesListByAccount", _M + "Financial.ReceivablesListItem"
)
PAYMENT_CONDITION = from_reference("cashflow/PaymentConditions", _M + "Cashflow.PaymentCondition")

ADDRESS = from_reference("crm/Addresses", _M + "CRM.Address")
SYNC_ADDRESS = from_reference("sync/CRM/Addresses", _S + "CRM.Address")
BULK_ADDRESS = from_reference("bulk/CRM/Addresses", _B + "CRM.Address")
CONTACT = from_reference("crm/Contacts", _M + "CRM.Contact")
SYNC_CONTACT = from_reference("sync/CRM/Contacts", _S + "CRM.Contact")
BULK_CONTACT = from_reference("bulk/CRM/Contacts", _B + "CRM.Contact")
SHIPPING_METHOD = from_reference("sales/ShippingMethods", _M + "Sales.ShippingMethod")
