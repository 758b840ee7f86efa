"""Seed item groups, units, VAT codes and items (spec §4.3)."""

from __future__ import annotations

import random

from ..odata.values import date_value, day_value, local_date
from . import names
from .division import DivisionData, new_guid
from .pictures import PLACEHOLDER_PATH, picture_path
from .vat_codes import SEEDED as VAT_CODES
from .vat_codes import seed_vat_codes

DAY = 86_400.0
GROUPS = (
    ("100", "Dranken"), ("200", "Koffie en thee"), ("300", "Zuivel"), ("400", "Droogwaren"),
    ("500", "Schoonmaak"), ("600", "Verpakking"), ("700", "Diensten"), ("800", "Non-food"),
)  # fmt: skip
UNITS = (("stuk", "Stuk", "O"), ("kg", "Kilogram", "W"), ("doos", "Doos", "O"),
         ("l", "Liter", "V"), ("pak", "Pak", "O"), ("uur", "Uur", "T"))  # fmt: skip
PICTURE_SHARE = 0.7


def seed_reference(division: DivisionData, rng: random.Random, now: float) -> None:
    """Item groups, units and VAT codes: the small tables items point to."""
    created = date_value(now - 3 * 365 * DAY)
    base = {"Created": created, "Modified": created, "Division": division.code}
    groups = []
    for position, (code, description) in enumerate(GROUPS):
        row = {**base, "ID": new_guid(rng), "Code": code, "Description": description}
        row.update(IsDefault=int(position == 0), _ts=division.next_timestamp())
        row.update(Creator=division.user_id, CreatorFullName=division.user_name)
        groups.append(row)
    division.item_groups.load(groups)
    units = []
    for position, (code, description, kind) in enumerate(UNITS):
        row = {"ID": new_guid(rng), "Code": code, "Description": description, "Type": kind}
        row.update(Active=True, Main=int(position == 0), Division=division.code)
        row["_ts"] = division.next_timestamp()
        units.append(row)
    division.units.load(units)
    seed_vat_codes(division, now)


def seed_items(division: DivisionData, rng: random.Random, count: int, now: float) -> None:
    """`count` items with realistic, deterministic values."""
    groups = list(division.item_groups)
    units = list(division.units)
    vat_codes = ["1  ", "2  "]  # high and low rate; "0  " for the rest
    goods = units[:-1]  # the last unit (uur) is for services
    code, user, user_name = division.code, division.user_id, division.user_name
    ended = day_value(local_date(now - 10 * DAY))
    rand = rng.random  # hot loop: random() and indexing beat choice()/randrange()
    rows = []
    for number in range(1, count + 1):
        item_id = new_guid(rng)
        group = groups[int(rand() * len(groups))]
        unit = goods[int(rand() * len(goods))]
        created = now - (30 + rand() * 970) * DAY
        modified = created + rand() * (now - created - DAY)
        price = round(0.5 + rand() * 249.5, 2)
        has_picture = rand() < PICTURE_SHARE
        vat = vat_codes[int(rand() * 2)] if rand() < 0.97 else "0  "
        description = (
            f"{_pick(rand, names.ADJECTIVES)} {_pick(rand, names.PRODUCTS)} "
            f"{_pick(rand, names.SIZES)}"
        )
        row = {
            "ID": item_id, "Code": f"ART-{number:06d}",
            "Description": description,
            "ExtraDescription": None if rand() < 0.6 else "Per stuk leverbaar",
            "ItemGroup": group["ID"], "ItemGroupCode": group["Code"],
            "ItemGroupDescription": group["Description"],
            "Unit": unit["Code"].ljust(8), "UnitDescription": unit["Description"],
            "UnitType": unit["Type"], "SalesVatCode": vat,
            "SalesVatCodeDescription": VAT_CODES[vat][0],
            "Barcode": _ean13(rng) if rand() < 0.85 else None,
            "StandardSalesPrice": price, "CostPriceStandard": round(price * 0.6, 2),
            "CostPriceCurrency": "EUR", "AverageCost": round(price * 0.58, 2),
            "Stock": float(int(rand() * 500)), "IsSalesItem": rand() < 0.97,
            "IsPurchaseItem": True, "IsStockItem": True, "IsWebshopItem": int(rand() < 0.6),
            "IsBatchItem": 0, "IsMakeItem": 0, "IsNewContract": 0, "IsOnDemandItem": 0,
            "IsTaxableItem": 0, "IsTime": 0, "CopyRemarks": 0, "IsFractionAllowedItem": False,
            "IsPackageItem": False, "IsSerialItem": False, "IsSubcontractedItem": False,
            "GrossWeight": round(0.1 + rand() * 11.9, 2), "NetWeightUnit": "kg",
            "SecurityLevel": 10, "SearchCode": f"A{number:06d}",
            "StartDate": day_value(local_date(created)),
            "EndDate": ended if rand() < 0.03 else None,
            "Created": date_value(created), "Creator": user, "CreatorFullName": user_name,
            "Modified": date_value(modified), "Modifier": user, "ModifierFullName": user_name,
            "Division": code, "_ts": 0,
        }  # fmt: skip
        _set_picture(row, has_picture, code)
        rows.append(row)
    for row in rows:
        ts = division.next_timestamp()
        row["_ts"], row["Timestamp"] = ts, str(ts)
    division.items.load(rows)


def _set_picture(row: dict, has_picture: bool, division: int) -> None:
    if has_picture:
        row["PictureUrl"] = picture_path(row["ID"], division)
        row["PictureThumbnailUrl"] = picture_path(row["ID"], division, thumb_size=100)
        row["PictureName"] = f"{row['Code']}.png"
    else:
        row["PictureUrl"] = row["PictureThumbnailUrl"] = PLACEHOLDER_PATH
        row["PictureName"] = None


def _pick(rand, options: tuple):
    return options[int(rand() * len(options))]


def _ean13(rng: random.Random) -> str:
    digits = f"871{rng.getrandbits(32) % 10**9:09d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)
