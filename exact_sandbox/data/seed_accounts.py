"""Seed customer accounts (spec §4.4): 18-char padded codes, NL addresses, price lists."""

from __future__ import annotations

import random

from ..odata.values import date_value, day_value, local_date
from . import names
from .division import DivisionData, new_guid

DAY = 86_400.0
FIRST_CODE = 1000
PAYMENT_CONDITIONS = (("30", "30 dagen"), ("14", "14 dagen"), ("00", "Direct"))
DISCOUNTS = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.02, 0.05, 0.075, 0.1)


def account_code(number: int) -> str:
    """Exact's account code: numeric, right-aligned in 18 characters (spec §3.4)."""
    return str(number).rjust(18)


def seed_accounts(
    division: DivisionData, rng: random.Random, count: int, now: float, price_lists: list[str]
) -> None:
    """`count` customers; about 30% carry one of `price_lists` as their PriceList."""
    code, user, user_name = division.code, division.user_id, division.user_name
    rand = rng.random  # hot loop: random() and indexing beat choice()/randrange()
    rows = []
    for number in range(count):
        created = now - (30 + rand() * 1470) * DAY
        modified = created + rand() * (now - created - DAY)
        surname = _pick(rand, names.SURNAMES)
        name = f"{_pick(rand, names.TRADES)} {surname} {_pick(rand, names.LEGAL)}".strip()
        slug = surname.lower().replace(" ", "") + str(number)
        payment, payment_text = _pick(rand, PAYMENT_CONDITIONS)
        since = day_value(local_date(created))
        row = {
            "ID": new_guid(rng), "Code": account_code(FIRST_CODE + number), "Name": name,
            "SearchCode": surname.upper().replace(" ", "")[:10],
            "AddressLine1": f"{_pick(rand, names.STREETS)} {1 + int(rand() * 250)}",
            "Email": f"info@{slug}.nl", "Phone": f"+31 {10 + int(rand() * 89)} "
            f"{1000000 + int(rand() * 8999999)}",
            "VATNumber": f"NL{10**8 + int(rand() * 9 * 10**8)}B01" if rand() < 0.8 else None,
            "ChamberOfCommerce": f"{10**7 + int(rand() * 9 * 10**7)}",
            "Blocked": rand() < 0.04, "Status": "C", "IsSales": True,
            "IsSupplier": rand() < 0.05, "IsReseller": False, "IsPurchase": False,
            "IsAccountant": 0, "IsAgency": 0, "IsAnonymised": 0, "IsCompetitor": 0,
            "IsMailing": 0, "IsBank": False, "IsMember": False, "IsPilot": False, "Type": "A",
            "Language": "NL".ljust(10), "LanguageDescription": "Nederlands",
            "PaymentConditionSales": payment, "PaymentConditionSalesDescription": payment_text,
            "DiscountSales": _pick(rand, DISCOUNTS),
            "PriceList": _pick(rand, price_lists) if price_lists and rand() < 0.3 else None,
            "SalesCurrency": "EUR", "SalesCurrencyDescription": "Euro",
            "CreditLineSales": _pick(rand, (0.0, 0.0, 2500.0, 10000.0)),
            "CustomerSince": since, "StatusSince": since,
            "Created": date_value(created), "Creator": user, "CreatorFullName": user_name,
            "Modified": date_value(modified), "Modifier": user, "ModifierFullName": user_name,
            "Division": code,
        }  # fmt: skip
        _set_address(row, rand)
        rows.append(row)
    for row in rows:
        ts = division.next_timestamp()
        row["_ts"], row["Timestamp"] = ts, str(ts)
    division.accounts.load(rows)


def _pick(rand, options: tuple | list):
    return options[int(rand() * len(options))]


def _set_address(row: dict, rand) -> None:
    letters = chr(65 + int(rand() * 26)) + chr(65 + int(rand() * 26))
    if rand() < 0.93:
        city, prefix = _pick(rand, names.CITIES)
        row.update(City=city, Postcode=f"{prefix}{10 + int(rand() * 89)} {letters}")
        row.update(Country="NL ", CountryName="Nederland")
    else:
        city, postcode = _pick(rand, names.BELGIAN_CITIES)
        row.update(City=city, Postcode=postcode, Country="BE ", CountryName="België")
