"""The endpoints the client knows, with narrow default `$select`s (spec §4, fields file)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    """One Exact entity set and its bulk/sync siblings, paths relative to `/api/v1/{division}/`."""

    path: str
    select: tuple[str, ...]
    key: str = "ID"
    bulk: str | None = None
    sync: str | None = None
    int64_fields: tuple[str, ...] = ("Timestamp",)


def _fields(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))


ITEMS = Endpoint(
    path="logistics/Items",
    bulk="bulk/Logistics/Items",
    sync="sync/Logistics/Items",
    # No StandardSalesPrice: sync/Logistics/Items lacks it (the sales item prices without
    # an account carry it, spec §4.5); a default must hold on every variant.
    select=_fields(
        "ID,Code,Description,ExtraDescription,ItemGroupCode,ItemGroupDescription,Unit,"
        "UnitDescription,SalesVatCode,Barcode,Stock,IsSalesItem,StartDate,EndDate,PictureUrl,"
        "PictureName,Modified"
    ),
)
ACCOUNTS = Endpoint(
    path="crm/Accounts",
    bulk="bulk/CRM/Accounts",
    sync="sync/CRM/Accounts",
    select=_fields(
        "ID,Code,Name,Status,Blocked,IsSales,AddressLine1,AddressLine2,Postcode,City,Country,"
        "Email,Phone,VATNumber,ChamberOfCommerce,Language,PriceList,DiscountSales,"
        "PaymentConditionSales,SalesVATCode,Modified"
    ),
)
PRICE_LISTS = Endpoint(
    path="sales/SalesPriceLists",
    select=_fields("ID,Code,Description,Currency,Entity,Type,Modified"),
)
PRICE_LIST_PERIODS = Endpoint(
    path="sales/SalesPriceListPeriods",
    select=_fields("ID,PriceList,StartDate,EndDate,Type,Currency,Modified"),
)
VOLUME_DISCOUNTS = Endpoint(
    path="sales/SalesPriceListVolumeDiscounts",
    sync="sync/Sales/SalesPriceListVolumeDiscounts",
    select=_fields(
        "ID,PriceListPeriod,PriceListCode,Item,ItemCode,ItemGroup,ItemGroupCode,Quantity,"
        "EntryMethod,Discount,NewPrice,BasePrice,BasePriceAmount,Unit,NumberOfItemsPerUnit,Modified"
    ),
)
ITEM_PRICES = Endpoint(
    path="logistics/SalesItemPrices",
    bulk="bulk/Logistics/SalesItemPrices",
    sync="sync/Logistics/SalesItemPrices",
    select=_fields(
        "ID,Account,Item,ItemCode,Price,Currency,Quantity,Unit,NumberOfItemsPerUnit,"
        "DefaultItemUnit,StartDate,EndDate,Modified"
    ),
)
SALES_ORDERS = Endpoint(
    path="salesorder/SalesOrders",
    key="OrderID",
    bulk="bulk/SalesOrder/SalesOrders",
    sync="sync/SalesOrder/SalesOrderHeaders",
    select=_fields(
        "OrderID,OrderNumber,OrderDate,DeliveryDate,OrderedBy,YourRef,Description,Status,"
        "Currency,AmountDC,AmountFC,Created,Modified"
    ),
)
DELETED = Endpoint(
    path="sync/Deleted",
    sync="sync/Deleted",
    select=_fields("Timestamp,ID,EntityKey,EntityType,DeletedBy,DeletedDate,Division"),
)
DIVISIONS = Endpoint(
    path="system/Divisions",
    key="Code",
    select=_fields(
        "Code,Description,Hid,Customer,CustomerCode,CustomerName,Country,Currency,Legislation,"
        "Status,BlockingStatus,Current,IsMainDivision,Modified"
    ),
    int64_fields=("Hid",),
)
VAT_CODES = Endpoint(
    # GET only, no bulk/sync; `Code` keeps its 3-char padding and `Percentage` is a fraction
    # (0.21), like Item `SalesVatCode` (spec §3.4).
    path="vat/VATCodes",
    select=_fields("ID,Code,Description,Percentage,Type,VATTransactionType,IsBlocked,Modified"),
)
WEBHOOK_SUBSCRIPTIONS = Endpoint(
    path="webhooks/WebhookSubscriptions",
    select=_fields("ID,CallbackURL,Topic,ClientID,Division,Description,Created"),
)
ME_SELECT = _fields(
    "UserID,UserName,FullName,Email,LanguageCode,CurrentDivision,Legislation,DivisionCustomer,"
    "DivisionCustomerCode,DivisionCustomerName,ServerTime,ServerUtcOffset"
)
ME_INT64 = ("Legislation",)
