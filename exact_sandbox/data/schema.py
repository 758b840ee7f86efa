"""Entity schemas: ordered field names, OData types, key and `__metadata` type name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import fields as spec

_ENTRY_RE = re.compile(r"^(\*?)(\w+?)(?:_(\d+)\.\.(\d+))? \(([\w.\[\]]+)\)$")
# Navigation collections appear as `{"__deferred": ...}` unless expanded (spec §3.3).
NAV_TYPES = {"BankAccounts", "SalesOrderLines", "SalesOrderOrderChargeLine[]"}
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

    def sync_variant(self, type_name: str, *, id_alias: bool = False) -> Schema:
        """The `sync/` shape: key `Timestamp` (Int64) first, the rest unchanged minus navigation.

        `id_alias` adds an `ID` field for entities whose key has another name (spec §3.7:
        every sync row carries the entity `ID`).
        """
        extra = ("ID",) if id_alias else ()
        names = ("Timestamp", *extra, *(n for n in self.fields if n not in self.nav))
        types = {**self.types, "Timestamp": "Int64", **dict.fromkeys(extra, "Guid")}
        return Schema(type_name, "Timestamp", names, types)


def parse_schema(type_name: str, text: str, extra: str = "") -> Schema:
    """Parse `*ID (Guid); Class_01..09 (String); ...` into a Schema."""
    key = ""
    types: dict[str, str] = {}
    for raw in (text + ("; " + extra if extra else "")).split(";"):
        match = _ENTRY_RE.match(raw.strip())
        if not match:
            raise ValueError(f"bad field entry {raw!r}")
        star, name, first, last, odata_type = match.groups()
        if star:
            key = name
        if first:
            width = len(first)
            for number in range(int(first), int(last) + 1):
                types[f"{name}_{number:0{width}d}"] = odata_type
        else:
            types[name] = odata_type
    return Schema(type_name, key, tuple(types), types)


_M = "Exact.Web.Api.Models."
DIVISION = parse_schema(_M + "System.Division", spec.DIVISION)
ITEM = parse_schema(_M + "Item", spec.ITEM)
ITEM_GROUP = parse_schema(_M + "ItemGroup", spec.ITEM_GROUP)
UNIT = parse_schema(_M + "Unit", spec.UNIT)
ACCOUNT = parse_schema(_M + "Account", spec.ACCOUNT)
SALES_ITEM_PRICE = parse_schema(_M + "SalesItemPrice", spec.SALES_ITEM_PRICE)
PRICE_LIST = parse_schema(_M + "SalesPriceList", spec.PRICE_LIST)
PRICE_LIST_PERIOD = parse_schema(_M + "SalesPriceListPeriod", spec.PRICE_LIST_PERIOD)
VOLUME_DISCOUNT = parse_schema(_M + "SalesPriceListVolumeDiscount", spec.VOLUME_DISCOUNT)
SALES_ORDER = parse_schema(_M + "SalesOrder", spec.SALES_ORDER)
SALES_ORDER_LINE = parse_schema(_M + "SalesOrderLine", spec.SALES_ORDER_LINE)
VAT_CODE = parse_schema(_M + "VATCode", spec.VAT_CODE)
DELETED = parse_schema(_M + "Sync.Deleted", spec.DELETED)

_S = _M + "Sync."
SYNC_ITEM = ITEM.sync_variant(_S + "Logistics.Item")
SYNC_ACCOUNT = ACCOUNT.sync_variant(_S + "CRM.Account")
SYNC_SALES_ITEM_PRICE = SALES_ITEM_PRICE.sync_variant(_S + "Logistics.SalesItemPrice")
SYNC_VOLUME_DISCOUNT = VOLUME_DISCOUNT.sync_variant(_S + "Sales.SalesPriceListVolumeDiscount")
SYNC_SALES_ORDER_HEADER = SALES_ORDER.sync_variant(
    _S + "SalesOrder.SalesOrderHeader", id_alias=True
)
SYNC_SALES_ORDER_LINE = SALES_ORDER_LINE.sync_variant(_S + "SalesOrder.SalesOrderLine")
