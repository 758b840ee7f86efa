"""An item's `StandardSalesPrice` and its sales item price without an account, kept equal.

Exact shows an item's default sales price twice: as `StandardSalesPrice` on the item
(`logistics/Items`; `sync/Logistics/Items` lacks it, exact-online-fields.md) and as the
item's sales item price without an account (`logistics/SalesItemPrices`, which has a sync
feed, spec §4.5). How Exact links the two is UNCONFIRMED. The sandbox's choice:

- the *standard price row* is the item's sales item price without `Account`, with
  `Quantity` at most 1, valid today (`StartDate` <= today <= `EndDate`, open ends allowed),
  the latest `StartDate` winning;
- writing `StandardSalesPrice` on an item (POST, PUT, the control plane's mutate) sets that
  row's `Price` (a new Timestamp, so `sync/Logistics/SalesItemPrices` carries the change),
  or creates the row from today when the item has none; `null` deletes the row (recorded
  in `sync/Deleted` as EntityType 8).
"""

from __future__ import annotations

from ..odata.values import date_ms, day_value, local_date
from .division import ENTITY_ITEM_PRICES, DivisionData, new_guid


def standard_price_key(division: DivisionData, item_id: str, now: float) -> str | None:
    """The key of the item's standard price row today, or None."""
    today = date_ms(day_value(local_date(now)))
    best: tuple[int, str] | None = None
    for key in division.item_prices.lookup("Item", item_id) or ():
        row = division.item_prices.rows[key]
        if row.get("Account") or (row.get("Quantity") or 0) > 1:
            continue
        start = date_ms(row.get("StartDate"))
        end = date_ms(row.get("EndDate"))
        if (start is not None and start > today) or (end is not None and end < today):
            continue
        candidate = (start if start is not None else -(2**62), key)
        best = candidate if best is None or candidate > best else best
    return best[1] if best else None


def standard_price_write(division: DivisionData, item: dict, now: float) -> None:
    """Make the item's standard price row say the item's (just stored) `StandardSalesPrice`."""
    price = item.get("StandardSalesPrice")
    key = standard_price_key(division, item["ID"], now)
    if key is None and price is not None:
        division.item_prices.insert(_new_row(division, item, price, now))
    elif key is not None and price is None:
        division.item_prices.delete(key)
        division.record_deletion(key, ENTITY_ITEM_PRICES, now)
    elif key is not None and division.item_prices.rows[key]["Price"] != price:
        division.touch(division.item_prices, key, {"Price": price}, now)


def _new_row(division: DivisionData, item: dict, price: float, now: float) -> dict:
    return {
        "ID": new_guid(division.rng), "Item": item["ID"], "ItemCode": item["Code"],
        "ItemDescription": item["Description"], "Account": None, "AccountName": None,
        "Price": price, "Currency": "EUR", "Quantity": 0.0, "Unit": item["Unit"],
        "UnitDescription": item["UnitDescription"], "DefaultItemUnit": item["Unit"],
        "DefaultItemUnitDescription": item["UnitDescription"], "NumberOfItemsPerUnit": 1.0,
        "StartDate": day_value(local_date(now)), "EndDate": None,
        **division.audit(now, division.next_timestamp()),
    }  # fmt: skip
