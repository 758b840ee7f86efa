"""Deterministic seeding of every division (same config.seed -> same data, GUIDs included)."""

from __future__ import annotations

import gc
import random

from ..config import DEMO_DIVISIONS
from ..odata.values import date_value
from .division import DivisionData, new_guid
from .seed_accounts import seed_accounts
from .seed_catalog import seed_items, seed_reference
from .seed_ledger import seed_ledger
from .seed_prices import seed_item_prices, seed_price_lists, seed_volume_discounts

SMALL_ITEMS = 25
SMALL_CUSTOMERS = 10


def seed_divisions(config, clock) -> dict[int, DivisionData]:
    """Every division of `config.divisions` (default: the demo ones), seeded from config.seed.

    The first holds config.items/config.customers; the others small sets.
    """
    divisions = getattr(config, "divisions", None) or DEMO_DIVISIONS
    now = clock.now()
    result = {}
    gc.disable()  # hundreds of thousands of fresh dicts: cycle collection only costs time
    try:
        _seed_all(result, divisions, config, now)
    finally:
        gc.enable()
    return result


def _seed_all(result: dict, divisions: dict[int, str], config, now: float) -> None:
    for position, (code, name) in enumerate(divisions.items()):
        items = config.items if position == 0 else SMALL_ITEMS
        customers = config.customers if position == 0 else SMALL_CUSTOMERS
        result[code] = seed_division(
            code, name, items=items, customers=customers, seed=config.seed, now=now
        )
        seed_ledger(
            result[code], seed=config.seed, now=now,
            warehouses=getattr(config, "warehouses", 1),
            history_months=getattr(config, "history_months", 0),
            lines_per_customer=getattr(config, "history_lines_per_customer", 10),
        )  # fmt: skip
        result[code].info["Current"] = position == 0
        result[code].info["IsMainDivision"] = position == 0


def seed_division(
    code: int, name: str, *, items: int, customers: int, seed: int, now: float
) -> DivisionData:
    """One division with its reference tables, items, accounts and prices."""
    rng = random.Random(seed * 1_000_003 + code)
    division = DivisionData(
        code, name, rng=random.Random(rng.getrandbits(64)), first_timestamp=rng.randrange(10**6)
    )
    division.info = _division_info(division, rng, now)
    seed_reference(division, rng, now)
    seed_items(division, rng, items, now)
    plan = seed_price_lists(division, rng, now)
    customer_lists = [row["ID"] for row in division.price_lists if row["Type"] == 1]
    seed_accounts(division, rng, customers, now, customer_lists)
    seed_volume_discounts(division, rng, now, plan)
    seed_item_prices(division, rng, now)
    return division


def _division_info(division: DivisionData, rng: random.Random, now: float) -> dict:
    created = date_value(now - 5 * 365 * 86_400)
    return {
        "Code": division.code, "Description": division.name, "Hid": str(division.code % 1000),
        "Customer": new_guid(rng), "CustomerCode": "1".rjust(18), "CustomerName": division.name,
        "Current": False, "Country": "NL ", "Currency": "EUR", "Legislation": "NL ",
        "Status": 1, "BlockingStatus": 0, "IsMainDivision": False, "IsDossierDivision": False,
        "IsPracticeDivision": False, "IsHRDivision": False, "StartDate": created,
        "Created": created, "Modified": created, "AddressLine1": "Handelsweg 1",
        "Postcode": "1000 AA", "City": "Amsterdam", "VATNumber": f"NL{division.code}000B01",
        "ChamberOfCommerceNumber": f"{division.code}00", "Email": "info@example.nl",
        "TemplateCode": "NL.WHOLESALE", "DivisionMoveDate": None,
    }  # fmt: skip
