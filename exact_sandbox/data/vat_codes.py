"""The VAT code table of a division (`vat/VATCodes`, spec §1.8 "Financial accounting").

One table serves every reader: `vat/VATCodes` serializes it, items take their
`SalesVatCodeDescription` from it and sales order lines their `VATPercentage` and
`VATAmount`. Exact keeps `Code` 3 characters wide, padded with spaces (spec §3.4:
the same padding as Item `SalesVatCode`), and `Percentage` as a fraction (0.21).
"""

from __future__ import annotations

import random

from ..odata.values import date_value
from .division import DivisionData, new_guid

# Code -> (Description, Percentage as a fraction, Type). Type "B" = VAT on top of the
# price (exclusive), "N" = no VAT; VATTransactionType "B" = sales and purchase.
SEEDED = {
    "0  ": ("Geen BTW", 0.0, "N"),
    "1  ": ("BTW 21%", 0.21, "B"),
    "2  ": ("BTW 9%", 0.09, "B"),
}
DAY = 86_400.0


def seed_vat_codes(division: DivisionData, now: float) -> None:
    """The standard Dutch sales VAT codes; GUIDs depend on the division only."""
    rng = random.Random(f"vat-{division.code}")  # own stream: item GUIDs stay as they were
    created = date_value(now - 3 * 365 * DAY)
    rows = []
    for code, (description, percentage, kind) in SEEDED.items():
        row = {
            "ID": new_guid(rng), "Code": code, "Description": description,
            "Percentage": percentage, "Type": kind, "VATTransactionType": "B",
            "Charged": False, "IsBlocked": False, "IntraStat": False, "CalculationBasis": 0,
            "TaxReturnType": 0, "VATPartialRatio": 0, "Division": division.code,
            "Created": created, "Creator": division.user_id,
            "CreatorFullName": division.user_name, "Modified": created,
            "Modifier": division.user_id, "ModifierFullName": division.user_name,
        }  # fmt: skip
        row["_ts"] = division.next_timestamp()
        rows.append(row)
    division.vat_codes.load(rows)


def vat_code_row(division: DivisionData, code: str | None) -> dict | None:
    """The VAT code row whose padded `Code` equals `code`, or None."""
    keys = division.vat_codes.lookup("Code", code) if code else None
    return division.vat_codes.rows[min(keys)] if keys else None
