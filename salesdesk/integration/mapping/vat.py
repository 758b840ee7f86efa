"""Exact's field names of VAT codes (vat/VATCodes) meet Salesdesk's here.

Kept apart from mapping.py only so that work on the other feeds and this one do not collide;
the rules are the same: rows as exact_client yields them in, our field names out.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

Row = dict[str, Any]

VAT_CODE_FIELDS = ("ID", "Code", "Description", "Percentage")


def vat_code_from_exact(row: Row) -> Row:
    """vat/VATCodes -> catalog.VatCode fields.

    `Code` comes 3 characters wide, space-padded ("1  ", spec §3.4, like Item
    `SalesVatCode`): stored trimmed, as `Item.vat_code` is, so the two match.
    `Percentage` is a Double fraction (0.21 for 21%) and stays one.
    """
    percentage = row.get("Percentage") or 0
    if isinstance(percentage, float):
        percentage = repr(percentage)  # 0.21, not 0.2099999999999999866773237044981215
    return {
        "exact_id": uuid.UUID(str(row["ID"])),
        "code": (row.get("Code") or "").strip(),
        "description": (row.get("Description") or "").strip()[:200],
        "percentage": Decimal(percentage),
    }
