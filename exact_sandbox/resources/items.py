"""POST/PUT/DELETE on `logistics/Items` (spec §4.3)."""

from __future__ import annotations

import base64
import binascii

from ..data import schema as s
from ..data.division import DivisionData, new_guid
from ..data.pictures import PLACEHOLDER_PATH, picture_path
from ..data.standard_price import standard_price_write
from ..data.vat_codes import vat_code_row
from ..http import Response
from ..odata.errors import bad_request
from ..odata.values import day_value, local_date
from .context import CallContext
from .endpoints import Endpoint
from .entity import find_row
from .payload import coerce_fields, read_body
from .writes import created, no_content

# Exact fills these from the referenced record; posted values are ignored.
DERIVED = frozenset({"ItemGroupCode", "ItemGroupDescription", "UnitDescription", "UnitType",
                     "SalesVatCodeDescription", "PictureUrl", "PictureThumbnailUrl", "Stock",
                     "Picture"})  # fmt: skip
DEFAULTS = {
    "IsSalesItem": True, "IsPurchaseItem": True, "IsStockItem": True, "IsWebshopItem": 0,
    "IsBatchItem": 0, "IsMakeItem": 0, "IsNewContract": 0, "IsOnDemandItem": 0,
    "IsTaxableItem": 0, "IsTime": 0, "CopyRemarks": 0, "IsFractionAllowedItem": False,
    "IsPackageItem": False, "IsSerialItem": False, "IsSubcontractedItem": False,
    "CostPriceCurrency": "EUR", "Stock": 0.0, "Unit": "stuk", "SalesVatCode": "1",
    "SecurityLevel": 10, "StandardSalesPrice": None,
}  # fmt: skip


def post_item(ctx: CallContext, endpoint: Endpoint) -> Response:
    """Create an item: Code and Description are mandatory, Code unique per division."""
    body = read_body(ctx.req.body)
    values = coerce_fields(s.ITEM, body, skip=DERIVED)
    division = ctx.division
    for name in ("Code", "Description"):
        if not values.get(name):
            raise bad_request(f"Mandatory: {name}")
    _check_code(division, values["Code"], None)
    item_id = values.pop("ID", None) or new_guid(division.rng)
    if item_id in division.items:
        raise bad_request(f"An item with ID {item_id} already exists.")
    row = {"ID": item_id, **DEFAULTS, "StartDate": day_value(local_date(ctx.now)), **values}
    _derive(division, row, body)
    row.update(division.audit(ctx.now, division.next_timestamp()))
    division.items.insert(row)
    standard_price_write(division, row, ctx.now)
    return created(ctx, endpoint, row)


def put_item(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Update the posted fields; the item gets a new Timestamp and Modified."""
    division = ctx.division
    row = find_row(division.items, endpoint, key_text)
    body = read_body(ctx.req.body)
    values = coerce_fields(s.ITEM, body, skip=DERIVED | {"ID"})
    if "Code" in values:
        if not values["Code"]:
            raise bad_request("Mandatory: Code")
        _check_code(division, values["Code"], row["ID"])
    merged = {**row, **values}
    _derive(division, merged, body)
    changes = {name: merged[name] for name in merged if row.get(name) != merged[name]}
    stored = division.touch(division.items, row["ID"], changes, ctx.now)
    if "StandardSalesPrice" in changes:
        standard_price_write(division, stored, ctx.now)
    return no_content()


def delete_item(ctx: CallContext, endpoint: Endpoint, key_text: str) -> Response:
    """Delete: the item leaves every feed and appears in sync/Deleted as EntityType 9."""
    row = find_row(ctx.division.items, endpoint, key_text)
    ctx.division.delete_item(row["ID"], ctx.now)
    return no_content()


def _check_code(division: DivisionData, code: str, own_id: str | None) -> None:
    holders = division.items.lookup("Code", code) or set()
    if holders - {own_id}:
        raise bad_request(f"Item code already exists: {code}")


def _derive(division: DivisionData, row: dict, body: dict) -> None:
    """Fill the descriptive fields Exact copies from item group, unit and VAT code."""
    group = division.item_groups.get(row.get("ItemGroup") or "")
    if group is None and row.get("ItemGroup"):
        raise bad_request(f"Item group does not exist: {row['ItemGroup']}")
    group = group or next(g for g in division.item_groups if g.get("IsDefault") == 1)
    row.update(ItemGroup=group["ID"], ItemGroupCode=group["Code"])
    row["ItemGroupDescription"] = group["Description"]
    unit_code = (row.get("Unit") or "stuk").strip()
    units = division.units.lookup("Code", unit_code)
    if not units:
        raise bad_request(f"Unit does not exist: {unit_code}")
    unit = division.units.rows[min(units)]
    row.update(Unit=unit_code.ljust(8), UnitDescription=unit["Description"], UnitType=unit["Type"])
    vat = (row.get("SalesVatCode") or "").strip().ljust(3) if row.get("SalesVatCode") else None
    vat_row = vat_code_row(division, vat)
    if vat is not None and vat_row is None:
        raise bad_request(f"VAT code does not exist: {vat.strip()}")
    row["SalesVatCode"] = vat
    row["SalesVatCodeDescription"] = vat_row["Description"] if vat_row else None
    _set_picture(division, row, body)


def _set_picture(division: DivisionData, row: dict, body: dict) -> None:
    """`Picture` (base64, write-only) stores an upload; the URLs then point at SysImage."""
    if body.get("Picture"):
        try:
            data = base64.b64decode(body["Picture"], validate=True)
        except (binascii.Error, TypeError):
            raise bad_request("Picture: invalid base64 data.") from None
        division.uploaded_pictures[row["ID"]] = data
        row["PictureName"] = row.get("PictureName") or f"{row['Code']}.png"
    if row["ID"] in division.uploaded_pictures or row.get("PictureName"):
        row["PictureUrl"] = picture_path(row["ID"], division.code)
        row["PictureThumbnailUrl"] = picture_path(row["ID"], division.code, thumb_size=100)
    else:
        row["PictureUrl"] = row["PictureThumbnailUrl"] = PLACEHOLDER_PATH
