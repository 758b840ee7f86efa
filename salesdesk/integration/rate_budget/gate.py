"""One Exact rate budget per administration, shared by every worker on every machine (§2).

Exact counts calls per app per administration (60 a minute, 5,000 a day by default), not per
process. `exact_client`'s RateGate learns the budget from response headers, but each process
only sees its own responses, so N workers would each spend "the last call" and meet 429s.
`SharedRateGate` keeps the budget in a shared store (Redis, else the database) and *reserves*
a call atomically before it is sent: a call goes out only while the last known remaining
count, minus the calls still in flight, is above zero; otherwise the worker sleeps until the
minute's reset. Responses lower the count (the smallest value seen in a window wins, since
answers of concurrent calls arrive in any order); a new window starts afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from exact_client import Budget, RateGate, RateLimited
from salesdesk.integration.rate_budget.budget import (
    NO_RESERVATION,
    AtomicBudgetStorage,
    SharedBudget,
    budget_record,
    budget_reserve,
)
from salesdesk.integration.rate_budget.stores import default_budget_storage


class SharedRateGate(RateGate):
    """A RateGate whose budget lives in shared storage and is reserved call by call.

    Make one per ExactClient: it remembers the reservation of the call in progress (the
    client's requestor sends one call at a time).
    """

    def __init__(
        self,
        storage: AtomicBudgetStorage,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Any] = time.sleep,
        **options: Any,
    ) -> None:
        super().__init__(storage, **options)  # type: ignore[arg-type]
        self.clock = clock
        self.sleep = sleep
        self._reserved: dict[str, Any] = {}

    def budget(self, key: str) -> Budget:
        return self.storage.get(key) or Budget()

    def delay_before(self, key: str, now: float, *, wait: bool = True) -> float:
        """Wait here (sleeping) until a call is reserved; 0.0 then. Raises when the day is spent
        or the wait would exceed `max_wait` (the caller retries later).

        `wait=False`: reserve only if a call may go now; else return the wait, reserving
        nothing (the caller does not make the call now)."""
        while True:
            # The time of the reservation itself: a `now` read before a wait (or before
            # another worker moved the window on) would book into a window that has passed.
            now = max(now, self.clock())
            reservation = self.storage.update(
                key, lambda budget, at=now: budget_reserve(budget, at, self.margin)
            )
            if reservation.wait <= 0:
                self._reserved[key] = reservation.window
                return 0.0
            if not wait:
                return reservation.wait
            if reservation.wait > self.max_wait:
                raise RateLimited(
                    "the Exact Online minute budget of this administration is spent",
                    reset_at=now + reservation.wait,
                    scope="minute",
                )
            self.sleep(reservation.wait)

    def record(self, key: str, headers: Mapping[str, str]) -> Budget:
        window = self._reserved.pop(key, NO_RESERVATION)
        return self.storage.update(
            key, lambda budget: _recorded(budget_record(budget, headers, window))
        )


def _recorded(budget: SharedBudget) -> tuple[SharedBudget, Budget]:
    return budget, budget.as_budget()


def shared_rate_gate(
    *, clock: Callable[[], float] = time.time, sleep: Callable[[float], Any] = time.sleep
) -> SharedRateGate:
    """The gate every ExactClient of Salesdesk should use: Redis when REDIS_URL is set, else
    the database (both shared by all workers)."""
    return SharedRateGate(default_budget_storage(), clock=clock, sleep=sleep)
