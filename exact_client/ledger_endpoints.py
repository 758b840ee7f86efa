"""Endpoints of stock, sales history, receivables, addresses, contacts and the order header's
reference lists (spec §9).

Each `Endpoint` names the normal entity set (`path`, read for counts and by key) and its
`bulk/` and `sync/` siblings where Exact has them (§9.1). The default `$select`s name only
properties that every variant has (the variants differ, §9.1, and Exact refuses unknown
properties); callers pass the fuller list of the variant they read.
"""

from __future__ import annotations

from .endpoints import Endpoint


def _fields(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))


# No sync or bulk variant and no sync/Deleted type: read whole (§9.1).
WAREHOUSES = Endpoint(path="inventory/Warehouses", select=_fields("ID,Code,Description,Main"))
# Quantities per item x warehouse exist only as the sync feed (there is no plain
# `inventory/StockPositions`); `inventory/ItemWarehouses` has one row per item x warehouse,
# which is what a count of the positions needs (§4.8).
STOCK_POSITIONS = Endpoint(
    path="inventory/ItemWarehouses",
    sync="sync/Inventory/StockPositions",
    select=_fields("ID,Warehouse,WarehouseCode,CurrentStock,ReservedStock,ProjectedStock"),
)
# Header and line feeds tick separately (§9.2): two cursors.
SALES_ORDER_LINES = Endpoint(
    path="salesorder/SalesOrderLines",
    bulk="bulk/SalesOrder/SalesOrderLines",
    sync="sync/SalesOrder/SalesOrderLines",
    select=_fields(
        "ID,OrderID,OrderNumber,LineNumber,Item,ItemCode,ItemDescription,UnitCode,Quantity,"
        "NetPrice,AmountFC,DeliveryDate"
    ),
)
# Identity of a delivery is `EntryID` (§9.2); its lines have their own `ID`.
GOODS_DELIVERIES = Endpoint(
    path="salesorder/GoodsDeliveries",
    key="EntryID",
    bulk="bulk/SalesOrder/GoodsDeliveries",
    sync="sync/SalesOrder/GoodsDeliveries",
    select=_fields(
        "EntryID,DeliveryNumber,DeliveryAccount,DeliveryDate,TrackingNumber,ShippingMethodCode,"
        "ShippingMethodDescription,Description"
    ),
)
GOODS_DELIVERY_LINES = Endpoint(
    path="salesorder/GoodsDeliveryLines",
    bulk="bulk/SalesOrder/GoodsDeliveryLines",
    sync="sync/SalesOrder/GoodsDeliveryLines",
    select=_fields(
        "ID,EntryID,SalesOrderLineID,SalesOrderNumber,LineNumber,Item,ItemCode,"
        "QuantityDelivered,TrackingNumber,DeliveryDate"
    ),
)
# One sync feed of header rows (LineNumber 0, ID = InvoiceID) and line rows (§9.2).
SALES_INVOICES = Endpoint(
    path="salesinvoice/SalesInvoices",
    key="InvoiceID",
    bulk="bulk/SalesInvoice/SalesInvoices",
    sync="sync/SalesInvoice/SalesInvoices",
    select=_fields(
        "InvoiceID,InvoiceNumber,OrderedBy,InvoiceDate,DueDate,Type,Status,Currency,"
        "AmountFCExclVat,AmountFC,YourRef,Description"
    ),
)
SALES_INVOICE_LINES = Endpoint(
    path="salesinvoice/SalesInvoiceLines",
    bulk="bulk/SalesInvoice/SalesInvoiceLines",
    select=_fields("ID,InvoiceID,LineNumber,Item,Quantity,NetPrice,AmountFC"),
)
# A `read/` function: every open item in one answer, no paging (§9.4); key HID is Int64.
RECEIVABLES_LIST = Endpoint(
    path="read/financial/ReceivablesList",
    key="HID",
    select=_fields(
        "HID,AccountId,Amount,CurrencyCode,Description,DueDate,InvoiceDate,InvoiceNumber,YourRef"
    ),
    int64_fields=("HID",),
)
ADDRESSES = Endpoint(
    path="crm/Addresses",
    bulk="bulk/CRM/Addresses",
    sync="sync/CRM/Addresses",
    select=_fields(
        "ID,Account,Type,Main,AddressLine1,AddressLine2,AddressLine3,Postcode,City,State,"
        "Country,CountryName,ContactName,Phone"
    ),
)
CONTACTS = Endpoint(
    path="crm/Contacts",
    bulk="bulk/CRM/Contacts",
    sync="sync/CRM/Contacts",
    select=_fields(
        "ID,Account,FirstName,LastName,FullName,JobTitleDescription,Email,BusinessEmail,Phone,"
        "BusinessPhone,Mobile,BusinessMobile,IsMainContact"
    ),
)
# The lists an order header picks from: no sync or bulk variant, no sync/Deleted type (§9.1).
# Orders name a shipping method by `ID`, a payment condition by `Code` (§9.4).
SHIPPING_METHODS = Endpoint(
    path="sales/ShippingMethods", select=_fields("ID,Code,Description,Active")
)
PAYMENT_CONDITIONS = Endpoint(
    path="cashflow/PaymentConditions", select=_fields("ID,Code,Description,PaymentDays")
)
