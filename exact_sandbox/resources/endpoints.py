"""Every REST endpoint the sandbox answers, keyed by lower-cased path (spec §4)."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import schema as s
from .ledger_endpoints import LEDGER_ENDPOINTS
from .quotation_endpoints import QUOTATION_ENDPOINTS

PAGE = 60  # normal endpoints (spec §3.1)
BULK_PAGE = 1000  # bulk/ and sync/
READ_PAGE = 1_000_000  # read/ services: "most have no such cap" (spec §3.1)


def _numbered(name: str, last: int) -> tuple[str, ...]:
    return tuple(f"{name}_{n:02d}" for n in range(1, last + 1))


# Spec §4.3/§4.4 (picqer#591): a GET must filter on one of these.
ITEM_FILTERS = (
    "Barcode", *_numbered("Class", 10), "Code", "CostPriceNew", "Created", "Description",
    "EndDate", "ExtraDescription", *_numbered("FreeBoolField", 5), *_numbered("FreeDateField", 5),
    *_numbered("FreeNumberField", 8), *_numbered("FreeTextField", 10), "ID", "IsSalesItem",
    "IsStockItem", "IsPurchaseItem", "IsWebshopItem", "ItemGroup", "Modified", "SearchCode",
    "StartDate",
)  # fmt: skip
ACCOUNT_FILTERS = (
    "Accountant", "AccountManager", "AddressLine1", "AddressLine2", "AddressLine3", "Blocked",
    "BRIN", "BSN", "ChamberOfCommerce", "City", "Classification1", "Classification2",
    "Classification3", "Classification4", "Classification5", "Classification6",
    "Classification7", "Classification8", "Classification", "Code", "CodeAtSupplier", "Country",
    "Created", "Email", "EndDate", "Fax", "ID", "InvoiceAccount", "IsAccountant", "IsReseller",
    "IsSales", "IsSupplier", "MainContact", "Modified", "Name", "Parent", "Phone", "Postcode",
    "PriceList", "Reseller", "RSIN", "SearchCode", "StartDate", "Status", "Type", "VATNumber",
)  # fmt: skip


# Our estimate of the pre-2017 endpoints (the spec names none): the old CRUD endpoints.
# The price-list endpoints are newer; bulk/ and sync/ never take `$skip`.
LEGACY_SKIP = frozenset({
    "logistics/Items", "crm/Accounts", "logistics/ItemGroups", "logistics/Units",
    "logistics/SalesItemPrices", "salesorder/SalesOrders", "salesorder/SalesOrderLines",
    "system/Divisions", "vat/VATCodes",
})  # fmt: skip


@dataclass(frozen=True)
class Endpoint:
    """One URL path: which table it reads, in which shape, and what it allows."""

    path: str  # canonical spelling, used in __metadata and __next
    kind: str  # "plain", "bulk" or "sync"
    table: str  # DivisionData attribute ("" for system/Divisions)
    schema: s.Schema
    methods: frozenset[str] = frozenset({"GET"})
    mandatory_filter: tuple[str, ...] = ()

    @property
    def page_size(self) -> int:
        return {"plain": PAGE, "read": READ_PAGE}.get(self.kind, BULK_PAGE)

    @property
    def allows_skip(self) -> bool:
        """`$skip` works only on endpoints released before 1 March 2017 (spec §3.2, §3.5)."""
        return self.path in LEGACY_SKIP


_WRITE = frozenset({"GET", "POST", "PUT", "DELETE"})
_ENDPOINTS = (
    Endpoint("logistics/Items", "plain", "items", s.ITEM, _WRITE, ITEM_FILTERS),
    Endpoint("crm/Accounts", "plain", "accounts", s.ACCOUNT, _WRITE, ACCOUNT_FILTERS),
    Endpoint("logistics/ItemGroups", "plain", "item_groups", s.ITEM_GROUP),
    Endpoint("logistics/Units", "plain", "units", s.UNIT),
    Endpoint("logistics/SalesItemPrices", "plain", "item_prices", s.SALES_ITEM_PRICE),
    Endpoint("sales/SalesPriceLists", "plain", "price_lists", s.PRICE_LIST),
    Endpoint("sales/SalesPriceListPeriods", "plain", "price_list_periods", s.PRICE_LIST_PERIOD),
    Endpoint("sales/SalesPriceListVolumeDiscounts", "plain", "volume_discounts", s.VOLUME_DISCOUNT),
    Endpoint("salesorder/SalesOrders", "plain", "sales_orders", s.SALES_ORDER, _WRITE),
    Endpoint(
        "salesorder/SalesOrderLines",
        "plain",
        "sales_order_lines",
        s.SALES_ORDER_LINE,
        frozenset({"GET", "POST"}),
    ),
    Endpoint("system/Divisions", "plain", "", s.DIVISION),
    Endpoint("vat/VATCodes", "plain", "vat_codes", s.VAT_CODE),
    Endpoint("bulk/Logistics/Items", "bulk", "items", s.ITEM),
    Endpoint("bulk/CRM/Accounts", "bulk", "accounts", s.ACCOUNT),
    Endpoint("bulk/Logistics/SalesItemPrices", "bulk", "item_prices", s.SALES_ITEM_PRICE),
    Endpoint("bulk/SalesOrder/SalesOrders", "bulk", "sales_orders", s.BULK_SALES_ORDER),
    Endpoint(
        "bulk/SalesOrder/SalesOrderLines", "bulk", "sales_order_lines", s.BULK_SALES_ORDER_LINE
    ),
    Endpoint("sync/Logistics/Items", "sync", "items", s.SYNC_ITEM),
    Endpoint("sync/CRM/Accounts", "sync", "accounts", s.SYNC_ACCOUNT),
    Endpoint("sync/Logistics/SalesItemPrices", "sync", "item_prices", s.SYNC_SALES_ITEM_PRICE),
    Endpoint(
        "sync/Sales/SalesPriceListVolumeDiscounts",
        "sync",
        "volume_discounts",
        s.SYNC_VOLUME_DISCOUNT,
    ),
    Endpoint(
        "sync/SalesOrder/SalesOrderHeaders", "sync", "sales_orders", s.SYNC_SALES_ORDER_HEADER
    ),
    Endpoint(
        "sync/SalesOrder/SalesOrderLines", "sync", "sales_order_lines", s.SYNC_SALES_ORDER_LINE
    ),
    Endpoint("sync/Deleted", "sync", "deleted", s.DELETED),
    *(Endpoint(*spec) for spec in LEDGER_ENDPOINTS),
    *(Endpoint(*spec) for spec in QUOTATION_ENDPOINTS),
)
ENDPOINTS = {endpoint.path.lower(): endpoint for endpoint in _ENDPOINTS}
