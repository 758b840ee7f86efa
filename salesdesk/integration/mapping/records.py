"""The one place where Exact Online's field names meet Salesdesk's.

Every function takes a row as `exact_client` yields it (Exact's PascalCase names, values
already converted: aware datetimes, ints for Int64, lowercase GUID strings) and returns a
dict of our model field names. The `*_FIELDS` tuples are the narrow `$select` of each feed:
what we read is exactly what we ask for (spec §3.5: `$select` is mandatory on bulk/sync).
"""

from __future__ import annotations

import math
import uuid
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

Row = dict[str, Any]

# Date-only fields are Amsterdam midnight (spec §3.4): take the date there, not in UTC.
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Only the key: for calls whose rows do not matter (a count, a rights probe).
ID_ONLY = ("ID",)
# Items and accounts refuse a GET without $filter (mandatory filtering, spec §2.4, §4.3, §4.4):
# a filter that matches every record (to count them) and one that matches none (a cheap probe).
EVERY_RECORD = "Modified ge datetime'1900-01-01T00:00:00'"
NO_RECORD = "ID eq guid'00000000-0000-0000-0000-000000000000'"

ITEM_FIELDS = (
    "ID", "Code", "Description", "ExtraDescription", "ItemGroupCode", "ItemGroupDescription",
    "Unit", "UnitDescription", "SalesVatCode", "Barcode", "Stock", "IsSalesItem", "StartDate",
    "EndDate", "PictureUrl", "PictureName", "Modified",
)  # fmt: skip
ACCOUNT_FIELDS = (
    "ID", "Code", "Name", "Status", "IsSales", "AddressLine1", "AddressLine2", "Postcode",
    "City", "Country", "Email", "Phone", "VATNumber", "Blocked", "PaymentConditionSales",
    "DiscountSales", "PriceList", "CreditLineSales", "AccountManager", "AccountManagerFullName",
    "ShippingMethod", "Modified",
)  # fmt: skip
PRICE_LIST_FIELDS = ("ID", "Code", "Description", "Currency")
PERIOD_FIELDS = ("ID", "PriceList", "StartDate", "EndDate")
VOLUME_DISCOUNT_FIELDS = (
    "ID", "PriceListPeriod", "Item", "ItemGroupCode", "Quantity", "EntryMethod", "Discount",
    "NewPrice", "BasePriceAmount", "Unit",
)  # fmt: skip
ITEM_PRICE_FIELDS = (
    "ID", "Account", "Item", "Price", "Currency", "Quantity", "Unit", "StartDate", "EndDate",
)  # fmt: skip

# sync/Deleted EntityType codes (spec §4.7) and the Salesdesk record kind they deactivate.
DELETED_KINDS = {2: "customer", 8: "item_price", 9: "item", 31: "volume_discount"}


def timestamp_of(row: Row) -> int:
    """The row's sync rowversion (Int64; compared numerically, never as text, spec §3.4)."""
    return int(row["Timestamp"])


def exact_id_of(row: Row) -> uuid.UUID:
    return uuid.UUID(str(row["ID"]))


def item_from_exact(row: Row) -> Row:
    """logistics/Items -> catalog.Item fields. Unit and VAT code come space-padded.

    No standard price: sync/Logistics/Items lacks it (catalog/standard_prices.py)."""
    return {
        "exact_id": exact_id_of(row),
        "code": _text(row.get("Code")),
        "description": _text(row.get("Description"))[:200],
        "extra_description": _text(row.get("ExtraDescription")),
        "group_code": _text(row.get("ItemGroupCode")),
        "group_description": _text(row.get("ItemGroupDescription"))[:200],
        "unit": _text(row.get("Unit")),
        "unit_description": _text(row.get("UnitDescription")),
        "vat_code": _text(row.get("SalesVatCode")),
        "barcode": _text(row.get("Barcode")),
        "stock": _decimal(row.get("Stock")) or Decimal(0),
        "is_sales_item": _flag(row.get("IsSalesItem"), default=True),
        "start_date": _date(row.get("StartDate")),
        "end_date": _date(row.get("EndDate")),
        "picture_url": row.get("PictureUrl") or "",
        "picture_name": row.get("PictureName") or "",
        "exact_modified": row.get("Modified"),
        "exact_timestamp": int(row.get("Timestamp") or 0),
        "active": True,
    }


def customer_from_exact(row: Row) -> Row:
    """crm/Accounts -> customers.Customer fields.

    `Code` is 18 characters, left-padded with spaces (spec §3.4, pitfall 13): kept padded
    for matching, trimmed for display. Accounts that are neither customers nor prospects
    (suppliers, suspects) are stored inactive, so they never show up as customers; prospects
    stay, since reps create them in Salesdesk and take orders for them.
    """
    code = _padded(row.get("Code"))
    price_list = row.get("PriceList")
    return {
        "exact_id": exact_id_of(row),
        "code": code[:18],
        "code_display": code.strip(),
        "name": _text(row.get("Name"))[:200],
        "address_line1": _text(row.get("AddressLine1")),
        "address_line2": _text(row.get("AddressLine2")),
        "postcode": _text(row.get("Postcode")),
        "city": _text(row.get("City")),
        "country": _text(row.get("Country")),
        "email": _text(row.get("Email")),
        "phone": _text(row.get("Phone")),
        "vat_number": _text(row.get("VATNumber")),
        "blocked": _flag(row.get("Blocked")),
        "credit_limit": _credit_limit(row.get("CreditLineSales")),
        "payment_condition": _text(row.get("PaymentConditionSales")),
        "discount_sales": _decimal(row.get("DiscountSales")) or Decimal(0),
        "price_list_exact_id": _guid(price_list),
        # The rep's link (spec §9.4 "Reps"): the Exact user managing the account.
        "account_manager_exact_id": _guid(row.get("AccountManager")),
        "account_manager_name": _text(row.get("AccountManagerFullName"))[:200],
        "shipping_method_exact_id": _guid(row.get("ShippingMethod")),
        "exact_modified": row.get("Modified"),
        "exact_timestamp": int(row.get("Timestamp") or 0),
        "status": _status(row),
        "active": _is_customer(row),
    }


def price_list_from_exact(row: Row) -> Row:
    """sales/SalesPriceLists -> catalog.PriceList fields."""
    return {
        "exact_id": exact_id_of(row),
        "code": _text(row.get("Code")),
        "description": _text(row.get("Description"))[:200],
        "currency": _text(row.get("Currency")),
        "active": True,
    }


def period_from_exact(row: Row) -> Row:
    """sales/SalesPriceListPeriods -> PriceListPeriod fields (+ the list's Exact ID)."""
    return {
        "exact_id": exact_id_of(row),
        "price_list_exact_id": _guid(row.get("PriceList")),
        "start_date": _date(row.get("StartDate")),
        "end_date": _date(row.get("EndDate")),
        "active": True,
    }


def volume_discount_from_exact(row: Row) -> Row:
    """SalesPriceListVolumeDiscounts -> VolumeDiscount fields (+ period and item Exact IDs).

    EntryMethod 1 = discount (a fraction of the base price), 2 = new price (spec §4.5).
    """
    item = row.get("Item")
    return {
        "exact_id": exact_id_of(row),
        "period_exact_id": _guid(row.get("PriceListPeriod")),
        "item_exact_id": _guid(item),
        "item_group_code": _text(row.get("ItemGroupCode")),
        "quantity": _decimal(row.get("Quantity")) or Decimal(0),
        "method": _whole(row.get("EntryMethod"), default=1),
        "new_price": _decimal(row.get("NewPrice")),
        "discount": _decimal(row.get("Discount")),
        "base_price": _decimal(row.get("BasePriceAmount")),
        "unit": _text(row.get("Unit")),
        "exact_timestamp": int(row.get("Timestamp") or 0),
        "active": True,
    }


def item_price_from_exact(row: Row) -> Row:
    """logistics/SalesItemPrices -> ItemPrice fields (+ item and account Exact IDs).

    No `Account` means the price holds for every customer.
    """
    account = row.get("Account")
    return {
        "exact_id": exact_id_of(row),
        "item_exact_id": _guid(row.get("Item")),
        "customer_exact_id": _guid(account),
        "price": _decimal(row.get("Price")) or Decimal(0),
        "currency": _text(row.get("Currency")),
        "quantity": _decimal(row.get("Quantity")) or Decimal(0),
        "unit": _text(row.get("Unit")),
        "start_date": _date(row.get("StartDate")),
        "end_date": _date(row.get("EndDate")),
        "exact_timestamp": int(row.get("Timestamp") or 0),
        "active": True,
    }


def deletion_from_exact(row: Row) -> tuple[str, uuid.UUID] | None:
    """A sync/Deleted row -> (our record kind, its Exact ID), or None for kinds we don't keep.

    `EntityKey` is the deleted record's ID; the row's own `ID` is the deletion's (spec §4.7).
    """
    kind = DELETED_KINDS.get(_whole(row.get("EntityType"), default=0))
    key = row.get("EntityKey")
    if kind is None or not key:
        return None
    return kind, uuid.UUID(str(key))


def _credit_limit(value: Any) -> Decimal | None:
    """CreditLineSales: "if no value has been defined, there is no credit limit" (§9.4).
    A Double cannot be absent, so an undefined limit arrives as 0: no limit either."""
    limit = _decimal(value)
    return limit if limit else None


def _is_customer(row: Row) -> bool:
    # Status C = customer (A none, P prospect, S suspect); IsSales marks sales accounts.
    status = (row.get("Status") or "").strip()
    return status in ("C", "P") or (not status and _flag(row.get("IsSales"), default=True))


def _status(row: Row) -> str:
    status = (row.get("Status") or "").strip().upper()
    return status if status in ("C", "P", "S", "A") else "C"


# Exact's types are fixed, but other servers speaking its API send numbers as text (and
# text as numbers) now and then: read what is meant, or store nothing rather than fail.


def _text(value: Any) -> str:
    if value.__class__ is str:
        return value.strip()
    return _padded(value).strip()


def _padded(value: Any) -> str:
    """Text as sent (padding kept); a number becomes its digits."""
    if value.__class__ is str:
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    return ""


def _flag(value: Any, *, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _whole(value: Any, *, default: int) -> int:
    try:
        return int(value) if value not in (None, "") and not isinstance(value, bool) else default
    except (TypeError, ValueError):
        return default


def _guid(value: Any) -> uuid.UUID | None:
    """A GUID, or None when there is none (null, "") or it is no GUID at all."""
    if not value:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(_AMSTERDAM).date() if value.tzinfo else value.date()
    return value if isinstance(value, date) else None
