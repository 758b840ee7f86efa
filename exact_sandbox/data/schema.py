"""Entity schemas: ordered field names, OData types, key and `__metadata` type name."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import reference

# Navigation collections appear as `{"__deferred": ...}` unless expanded (spec §3.3).
NAV_TYPES = {"BankAccounts", "SalesOrderLines", "SalesOrderOrderChargeLine[]", "VATPercentages",
             "GoodsDeliveryLines", "SalesInvoiceLines", "SalesInvoiceOrderChargeLines",
             "StockBatchNumbers", "StockSerialNumbers", "QuotationLines",
             "QuotationOrderChargeLines", "OptionalQuotationLineIDs"}  # fmt: skip
SCALAR_TYPES = {
    "Guid", "String", "DateTime", "Int64", "Int32", "Int16", "Byte", "Double", "Boolean", "Binary"
}  # fmt: skip


@dataclass(frozen=True)
class Schema:
    """One entity type as the REST reference describes it."""

    type_name: str
    key: str
    fields: tuple[str, ...]
    types: dict[str, str] = field(hash=False, compare=False)

    @property
    def nav(self) -> tuple[str, ...]:
        return tuple(name for name in self.fields if self.types[name] in NAV_TYPES)


def from_reference(path: str, type_name: str) -> Schema:
    """The schema of the endpoint at `path`, exactly as the field reference lists it."""
    entry = reference.section(path)
    types = dict(entry["fields"])
    return Schema(type_name, entry["key"], tuple(types), types)


_M = "Exact.Web.Api.Models."
DIVISION = from_reference("system/Divisions", _M + "System.Division")
ITEM = from_reference("logistics/Items", _M + "Item")
ITEM_GROUP = from_reference("logistics/ItemGroups", _M + "ItemGroup")
UNIT = from_reference("logistics/Units", _M + "Unit")
ACCOUNT = from_reference("crm/Accounts", _M + "Account")
SALES_ITEM_PRICE = from_reference("logistics/SalesItemPrices", _M + "SalesItemPrice")
PRICE_LIST = from_reference("sales/SalesPriceLists", _M + "SalesPriceList")
PRICE_LIST_PERIOD = from_reference("sales/SalesPriceListPeriods", _M + "SalesPriceListPeriod")
VOLUME_DISCOUNT = from_reference(
    "sales/SalesPriceListVolumeDiscounts", _M + "SalesPriceListVolumeDiscount"
)
SALES_ORDER = from_reference("salesorder/SalesOrders", _M + "SalesOrder")
SALES_ORDER_LINE = from_reference("salesorder/SalesOrderLines", _M + "SalesOrderLine")
VAT_CODE = from_reference("vat/VATCodes", _M + "VATCode")
DELETED = from_reference("sync/Deleted", _M + "Sync.Deleted")

_B = _M + "Bulk."
BULK_SALES_ORDER = from_reference("bulk/SalesOrder/SalesOrders", _B + "SalesOrder.SalesOrder")
BULK_SALES_ORDER_LINE = from_reference(
    "bulk/SalesOrder/SalesOrderLines", _B + "SalesOrder.SalesOrderLine"
)

_S = _M + "Sync."
SYNC_ITEM = from_reference("sync/Logistics/Items", _S + "Logistics.Item")
SYNC_ACCOUNT = from_reference("sync/CRM/Accounts", _S + "CRM.Account")
SYNC_SALES_ITEM_PRICE = from_reference(
    "sync/Logistics/SalesItemPrices", _S + "Logistics.SalesItemPrice"
)
SYNC_VOLUME_DISCOUNT = from_reference(
    "sync/Sales/SalesPriceListVolumeDiscounts", _S + "Sales.SalesPriceListVolumeDiscount"
)
SYNC_SALES_ORDER_HEADER = from_reference(
    "sync/SalesOrder/SalesOrderHeaders", _S + "SalesOrder.SalesOrderHeader"
)
SYNC_SALES_ORDER_LINE = from_reference(
    "sync/SalesOrder/SalesOrderLines", _S + "SalesOrder.SalesOrderLine"
)
