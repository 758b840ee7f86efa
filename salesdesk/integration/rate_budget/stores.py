"""Where the shared rate budgets live: Redis (REDIS_URL) or the database.

Both make one key's read-modify-write atomic across processes and machines: Redis with an
optimistic WATCH/MULTI transaction, the database with a row lock (`SELECT … FOR UPDATE` on
PostgreSQL; SQLite's IMMEDIATE transactions serialize writers anyway).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import orjson
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from exact_client import Budget
from salesdesk.integration.rate_budget.budget import LocalBudgetStorage, SharedBudget
from salesdesk.integration.rate_budget.models import RateBudget

Change = Callable[[SharedBudget], tuple[SharedBudget, Any]]
REDIS_PREFIX = "salesdesk:exact-rate:"
REDIS_TTL_SECONDS = 2 * 86_400  # a day window plus slack; idle budgets expire by themselves


def _put_change(budget: Budget) -> Change:
    def change(shared: SharedBudget) -> tuple[SharedBudget, None]:
        fields = {k: v for k, v in asdict(budget).items() if v is not None}
        return SharedBudget.from_dict({**asdict(shared), **fields}), None

    return change


class DatabaseBudgetStorage:
    """Budgets in the `RateBudget` table, one row per administration."""

    def get(self, key: str) -> Budget | None:
        budget = self.shared(key)
        return budget.as_budget() if budget else None

    def shared(self, key: str) -> SharedBudget | None:
        row = RateBudget.objects.filter(key=key).values_list("state", flat=True).first()
        return SharedBudget.from_dict(row) if row is not None else None

    def put(self, key: str, budget: Budget) -> None:
        self.update(key, _put_change(budget))

    def update(self, key: str, change: Change) -> Any:
        """Apply `change` under the row's lock; returns what `change` returned."""
        with transaction.atomic():
            row = RateBudget.objects.select_for_update().filter(key=key).first()
            if row is None:
                row = _create_locked(key)
            budget, result = change(SharedBudget.from_dict(row.state))
            row.state = asdict(budget)
            row.save(update_fields=["state", "updated_at"])
        return result


def _create_locked(key: str) -> RateBudget:
    try:
        with transaction.atomic():  # a savepoint: another process may insert it first
            RateBudget.objects.create(key=key, state={})
    except IntegrityError:
        pass
    return RateBudget.objects.select_for_update().get(key=key)


class RedisBudgetStorage:
    """Budgets as JSON strings in Redis, one key per administration."""

    def __init__(self, url: str) -> None:
        self.redis = _redis(url)

    def get(self, key: str) -> Budget | None:
        budget = self.shared(key)
        return budget.as_budget() if budget else None

    def shared(self, key: str) -> SharedBudget | None:
        raw = self.redis.get(REDIS_PREFIX + key)
        return SharedBudget.from_dict(orjson.loads(raw)) if raw else None

    def put(self, key: str, budget: Budget) -> None:
        self.update(key, _put_change(budget))

    def update(self, key: str, change: Change) -> Any:
        """Apply `change` in a WATCH/MULTI transaction (re-run if another process interfered)."""
        name = REDIS_PREFIX + key
        outcome: list[Any] = []

        def apply(pipe) -> None:
            raw = pipe.get(name)
            budget, result = change(SharedBudget.from_dict(orjson.loads(raw) if raw else None))
            pipe.multi()
            pipe.set(name, orjson.dumps(asdict(budget)), ex=REDIS_TTL_SECONDS)
            outcome[:] = [result]

        self.redis.transaction(apply, name)
        return outcome[0]


@functools.cache
def _redis(url: str):
    import redis  # only needed when Redis is configured

    return redis.Redis.from_url(url)  # one connection pool per process


_PROCESS_STORAGE = LocalBudgetStorage()


def default_budget_storage() -> DatabaseBudgetStorage | RedisBudgetStorage | LocalBudgetStorage:
    """Redis when REDIS_URL is set; else PostgreSQL (row locks); else, on SQLite (one machine,
    the demo), a budget per process: SQLite's whole-database locks would make every call of
    every worker queue behind every other write."""
    url = getattr(settings, "REDIS_URL", "")
    if url:
        return RedisBudgetStorage(url)
    if connection.vendor == "postgresql":
        return DatabaseBudgetStorage()
    return _PROCESS_STORAGE
