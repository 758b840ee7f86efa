"""Seed price lists, their periods and volume discounts, and sales item prices (spec §4.5)."""

from __future__ import annotations

import random

from ..odata.values import day_value, local_date
from .division import DivisionData, new_guid

DAY = 86_400.0
# (code, description, Type: 1 customer / 2 standard, share of items covered now)
PRICE_LISTS = (
    ("GH", "Groothandel", 1, 0.10),
    ("HOR", "Horeca", 1, 0.08),
    ("ACT", "Actieprijzen", 1, 0.04),
    ("STD", "Standaard staffels", 2, 0.06),
)


def seed_price_lists(
    division: DivisionData, rng: random.Random, now: float
) -> list[tuple[dict, dict, float]]:
    """Price lists, each with a current and a past period, half with a future one.

    Returns (period, price list, share of items covered) for the volume discounts.
    """
    lists, periods, plan = [], [], []
    for position, (code, description, kind, share) in enumerate(PRICE_LISTS):
        row = {"ID": new_guid(rng), "Code": code, "Description": description, "Type": kind}
        row.update(Currency="EUR", Entity=1, Notes=None, **division.audit(now - 900 * DAY))
        row["_ts"] = division.next_timestamp()
        lists.append(row)
        start = now - rng.uniform(30, 200) * DAY
        spans = [("past", start - 365 * DAY, start - DAY), ("current", start, None)]
        if position % 2 == 0:
            spans.append(("future", now + 30 * DAY, None))
        for label, begin, end in spans:
            period = {"ID": new_guid(rng), "PriceList": row["ID"], "Currency": "EUR"}
            period.update(Type=2 if code == "ACT" else 1, **division.audit(now - 400 * DAY))
            period["StartDate"] = day_value(local_date(begin))
            period["EndDate"] = None if end is None else day_value(local_date(end))
            period["_ts"] = division.next_timestamp()
            periods.append(period)
            plan.append((period, row, share if label == "current" else share * 0.3))
    division.price_lists.load(lists)
    division.price_list_periods.load(periods)
    return plan


def seed_volume_discounts(
    division: DivisionData, rng: random.Random, now: float, plan: list[tuple[dict, dict, float]]
) -> None:
    """Per period: a share of the items, each with 1-3 quantity thresholds."""
    items = list(division.items)
    audit = division.audit(now - 100 * DAY)
    rows = []
    for period, price_list, share in plan:
        for item in rng.sample(items, int(len(items) * share)):
            for quantity, step in ((1.0, 1), (10.0, 2), (50.0, 3)):
                if quantity > 1 and rng.random() < 0.5:
                    break
                rows.append(_discount_row(rng, period, price_list, item, quantity, step, audit))
    for row in rows:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    division.volume_discounts.load(rows)


def _discount_row(rng, period, price_list, item, quantity, step, audit) -> dict:
    base = item["StandardSalesPrice"]
    by_discount = rng.random() < 0.6
    row = {
        "ID": new_guid(rng), "PriceListPeriod": period["ID"], "PriceListCode": price_list["Code"],
        "PriceListDescription": price_list["Description"], "Item": item["ID"],
        "ItemCode": item["Code"], "ItemDescription": item["Description"], "Quantity": quantity,
        "EntryMethod": 1 if by_discount else 2,
        "Discount": round(0.05 * step, 2) if by_discount else 0.0,
        "NewPrice": None if by_discount else round(base * (1 - 0.04 * step), 2),
        "BasePriceAmount": base if by_discount and rng.random() < 0.8 else None,
        "Unit": item["Unit"], "SalesUnit": item["Unit"], "UnitDescription": item["UnitDescription"],
        "NumberOfItemsPerUnit": 1.0, **audit,
    }  # fmt: skip
    return row


def seed_item_prices(division: DivisionData, rng: random.Random, now: float) -> None:
    """A base price per item, plus staffels, customer prices and announced price rises."""
    accounts = list(division.accounts)
    audit = division.audit(now - 200 * DAY)
    rows = []
    for item in division.items:
        price, start = item["StandardSalesPrice"], item["StartDate"]
        rows.append(_price_row(rng, item, price, 0.0, start, audit))
        if rng.random() < 0.15:
            rows.append(_price_row(rng, item, round(price * 0.95, 2), 10.0, start, audit))
        if rng.random() < 0.05:
            rows.append(_price_row(rng, item, round(price * 0.9, 2), 100.0, start, audit))
        if accounts and rng.random() < 0.05:
            account = accounts[rng.randrange(len(accounts))]
            row = _price_row(rng, item, round(price * 0.92, 2), 0.0, start, audit)
            row.update(Account=account["ID"], AccountName=account["Name"])
            rows.append(row)
        if rng.random() < 0.02:
            rise = day_value(local_date(now + 30 * DAY))
            rows.append(_price_row(rng, item, round(price * 1.05, 2), 0.0, rise, audit))
    for row in rows:
        row["_ts"] = ts = division.next_timestamp()
        row["Timestamp"] = str(ts)
    division.item_prices.load(rows)


def _price_row(rng, item, price, quantity, start, audit) -> dict:
    return {
        "ID": new_guid(rng), "Item": item["ID"], "ItemCode": item["Code"],
        "ItemDescription": item["Description"], "Account": None, "AccountName": None,
        "Price": price, "Currency": "EUR", "Quantity": quantity, "Unit": item["Unit"],
        "UnitDescription": item["UnitDescription"], "DefaultItemUnit": item["Unit"],
        "DefaultItemUnitDescription": item["UnitDescription"], "NumberOfItemsPerUnit": 1.0,
        "StartDate": start, "EndDate": None, **audit,
    }  # fmt: skip
