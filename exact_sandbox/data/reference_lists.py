"""Warehouses, shipping methods and payment conditions: the small lists documents point to.

None of them has a sync feed in Exact (spec §9.1): clients read them whole. The first
warehouse is the division's main one (`DivisionData.warehouse`, where POSTed orders go).
"""

from __future__ import annotations

import random

from .division import DivisionData, new_guid

DAY = 86_400.0
WAREHOUSE_NAMES = (
    "Distributiecentrum Tilburg",
    "Winkel Utrecht",
    "Buitenlocatie Zwolle",
    "Depot Antwerpen",
    "Magazijn Noord",
    "Magazijn Zuid",
)
# (Code, Description, TrackingURL)
SHIPPING_METHODS = (
    ("POSTNL", "PostNL pakket", "https://jouw.postnl.nl/track-and-trace/"),
    ("DHL", "DHL Parcel", "https://www.dhlparcel.nl/nl/volg-uw-zending?tc="),
    ("EIGEN", "Eigen vervoer", None),
    ("AFHALEN", "Afhalen", None),
)
# (Code, Description, PaymentDays); the codes accounts carry in PaymentConditionSales.
PAYMENT_CONDITIONS = (
    ("00", "Direct", 0),
    ("14", "14 dagen", 14),
    ("30", "30 dagen", 30),
    ("60", "60 dagen", 60),
)
PAYMENT_DAYS = {code: days for code, _, days in PAYMENT_CONDITIONS}


def seed_reference_lists(division: DivisionData, rng: random.Random, count: int, now: float):
    """`count` warehouses (at least the main one), shipping methods, payment conditions."""
    audit = division.audit(now - 4 * 365 * DAY)
    main = division.warehouse
    warehouses = [{**main, "Main": 1}]
    for position in range(1, max(count, 1)):
        name = WAREHOUSE_NAMES[(position - 1) % len(WAREHOUSE_NAMES)]
        warehouses.append(
            {"ID": new_guid(rng), "Code": str(position + 1), "Description": name, "Main": 0}
        )
    for row in warehouses:
        row.update(audit, UseStorageLocations=0, EMail=None, _ts=division.next_timestamp())
    division.warehouses.load(warehouses)
    methods = []
    for code, description, tracking in SHIPPING_METHODS:
        row = {
            "ID": new_guid(rng),
            "Code": code,
            "Description": description,
            "Active": True,
            "TrackingURL": tracking,
            "Amount": 0.0,
            **audit,
        }
        row["_ts"] = division.next_timestamp()
        methods.append(row)
    division.shipping_methods.load(methods)
    conditions = []
    for code, description, days in PAYMENT_CONDITIONS:
        row = {
            "ID": new_guid(rng),
            "Code": code,
            "Description": description,
            "PaymentDays": days,
            "PaymentEndOfMonths": 0,
            "DiscountPercentage": 0.0,
            "DiscountPaymentDays": 0,
            "PaymentDiscountType": "B",
            "PaymentMethod": "B",
            "DiscountCalculation": "E",
            "VATCalculation": "E",
            "Percentage": 1.0,
            **audit,
        }
        row["_ts"] = division.next_timestamp()
        conditions.append(row)
    division.payment_conditions.load(conditions)
    _accounts_ship_with(division, methods)


def _accounts_ship_with(division: DivisionData, methods: list[dict]) -> None:
    """Every third account has a shipping method of its own (crm/Accounts.ShippingMethod):
    Exact puts it on that customer's orders unless the order names another. Chosen by
    position, not by the random source, so the rest of the seed stays as it was."""
    for position, account in enumerate(division.accounts):
        if position % 3 == 0:
            account["ShippingMethod"] = methods[(position // 3) % len(methods)]["ID"]
