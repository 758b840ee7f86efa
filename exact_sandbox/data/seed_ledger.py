"""Seed what issue 19's endpoints serve: lists, CRM, order history, stock (spec §9).

Runs after items and accounts are seeded, on its own random stream, so the items,
accounts and prices of a seed stay what they were.
"""

from __future__ import annotations

import random

from .division import DivisionData
from .reference_lists import seed_reference_lists
from .seed_crm import seed_crm
from .seed_history import seed_history
from .seed_payables import seed_payables
from .seed_stock import seed_stock


def seed_ledger(
    division: DivisionData,
    *,
    seed: int,
    now: float,
    warehouses: int,
    history_months: int,
    lines_per_customer: int,
) -> None:
    """Warehouses, shipping methods, payment conditions, addresses, contacts, history, stock."""
    rng = random.Random(f"ledger-{seed}-{division.code}")
    seed_reference_lists(division, rng, warehouses, now)
    seed_crm(division, rng, now)
    seed_history(division, rng, now, months=history_months, lines_per_customer=lines_per_customer)
    if history_months > 0:
        seed_payables(division, rng, now, history_months)
    seed_stock(division, rng, now)
