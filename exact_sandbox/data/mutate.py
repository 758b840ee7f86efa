"""Change and delete existing records the way activity in Exact would (control API mutate).

Every change gives the row a new rowversion (Timestamp) and sets Modified to the
sandbox clock; every delete adds a sync/Deleted row (items 9, accounts 2, and
the prices hanging on them 8 / 31), so incremental sync has something to find.
"""

from __future__ import annotations

import random

from . import names
from .division import DivisionData
from .standard_price import standard_price_write
from .stock import stock_counted

PRICE_STEPS = (0.02, 0.03, 0.05, 0.08, 0.1)


def mutate(
    division: DivisionData,
    *,
    clock,
    changed_items: int = 0,
    changed_customers: int = 0,
    deleted_items: int = 0,
    deleted_customers: int = 0,
    seed: int | None = None,
) -> dict:
    """Edit/delete random existing items and accounts; returns counts and affected IDs.

    `{"changed_items": n, ..., "ids": {"changed_items": [...], ...}}`. The same seed
    on the same data picks the same records; without a seed the division's own
    random stream is used (still deterministic for a given history).
    """
    rng = random.Random(seed) if seed is not None else division.rng
    now = clock.now()
    item_changes, item_deletes = _pick(rng, division.items.keys, changed_items, deleted_items)
    account_changes, account_deletes = _pick(
        rng, division.accounts.keys, changed_customers, deleted_customers
    )
    for item_id in item_changes:
        _change_item(division, rng, item_id, now)
    for account_id in account_changes:
        _change_account(division, rng, account_id, now)
    for item_id in item_deletes:
        division.delete_item(item_id, now)
    for account_id in account_deletes:
        division.delete_account(account_id, now)
    ids = {
        "changed_items": item_changes,
        "changed_customers": account_changes,
        "deleted_items": item_deletes,
        "deleted_customers": account_deletes,
    }
    return {**{name: len(keys) for name, keys in ids.items()}, "ids": ids}


def _pick(rng: random.Random, keys: list[str], changed: int, deleted: int):
    """Disjoint random picks (in key order) for change and delete."""
    wanted = min(len(keys), max(changed, 0) + max(deleted, 0))
    chosen = rng.sample(keys, wanted)
    changes = sorted(chosen[: min(max(changed, 0), wanted)])
    return changes, sorted(chosen[len(changes) :])


def _change_item(division: DivisionData, rng: random.Random, item_id: str, now: float) -> None:
    """A price change (kept in step with the item's base sales price) and a stock count."""
    item = division.items.rows[item_id]
    price = round((item.get("StandardSalesPrice") or 10.0) * (1 + rng.choice(PRICE_STEPS)), 2)
    changes = {"StandardSalesPrice": price, "Stock": float(rng.randrange(0, 500))}
    standard_price_write(division, division.touch(division.items, item_id, changes, now), now)
    stock_counted(division, item_id, changes["Stock"], now)  # the positions follow the count


def _change_account(
    division: DivisionData, rng: random.Random, account_id: str, now: float
) -> None:
    """A move (new street address) and a new phone number."""
    changes = {
        "AddressLine1": f"{rng.choice(names.STREETS)} {rng.randrange(1, 250)}",
        "Phone": f"+31 {rng.randrange(10, 99)} {rng.randrange(1000000, 9999999)}",
    }
    division.touch(division.accounts, account_id, changes, now)
