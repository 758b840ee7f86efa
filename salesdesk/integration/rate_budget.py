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

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from exact_client.errors import DailyLimitExhausted, RateLimited
from exact_client.rate_gate import Budget, RateGate

_NO_RESERVATION = object()
# A worker waits this long when the day's last calls are all in flight (they may fail).
_DAY_IN_FLIGHT_WAIT = 0.5


@dataclass(frozen=True)
class SharedBudget:
    """The shared view of one administration's budget, plus the calls in flight."""

    minute_remaining: int | None = None
    minute_reset: float | None = None  # epoch seconds
    day_remaining: int | None = None
    day_reset: float | None = None
    in_flight: int = 0  # calls reserved in window `window` whose answer is not recorded yet
    window: float | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> SharedBudget:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    def as_budget(self) -> Budget:
        return Budget(self.minute_remaining, self.minute_reset, self.day_remaining, self.day_reset)


class AtomicBudgetStorage(Protocol):
    """A BudgetStorage whose read-modify-write of one key is atomic across processes."""

    def update(self, key: str, change: Callable[[SharedBudget], tuple[SharedBudget, Any]]) -> Any:
        """Apply `change` to the stored budget atomically; return its second value."""
        ...


@dataclass(frozen=True)
class Reservation:
    """The outcome of one attempt to reserve a call."""

    wait: float = 0.0  # > 0: not reserved, try again after this many seconds
    window: float | None = None  # the window the call counts against (None: unknown)


def budget_reserve(budget: SharedBudget, now: float, margin: float) -> tuple[SharedBudget, Any]:
    """Reserve one call if the budget allows; raises DailyLimitExhausted when the day is spent."""
    day_reset = budget.day_reset
    if budget.day_remaining is not None and budget.day_remaining <= 0 and (day_reset or 0) > now:
        raise DailyLimitExhausted(
            "the daily Exact Online call budget for this administration is spent",
            reset_at=day_reset,
        )
    live = budget.minute_reset is not None and budget.minute_reset > now
    if not live:  # a new minute: its budget is unknown until the first answer comes back,
        # but the calls sent meanwhile count in it: they are booked as in flight.
        booked = budget.in_flight if budget.window is None else 0
        return replace(budget, in_flight=booked + 1, window=None), Reservation()
    if budget.window != budget.minute_reset:
        # Calls booked while the minute was unknown stay in flight in the window it became
        # (their answers cannot tell which window they were booked in: counted until it ends).
        booked = budget.in_flight if budget.window is None else 0
        budget = replace(budget, in_flight=booked, window=budget.minute_reset)
    if budget.minute_remaining is not None and budget.minute_remaining - budget.in_flight <= 0:
        return budget, Reservation(wait=budget.minute_reset - now + margin)
    day_left = budget.day_remaining
    if day_left is not None and (day_reset or 0) > now and day_left - budget.in_flight <= 0:
        return budget, Reservation(wait=_DAY_IN_FLIGHT_WAIT)
    return replace(budget, in_flight=budget.in_flight + 1), Reservation(window=budget.window)


def budget_record(budget: SharedBudget, headers: Mapping[str, str], window: Any) -> SharedBudget:
    """Merge one response's rate-limit headers; release the call's reservation."""
    minute = _merge(
        budget.minute_remaining, budget.minute_reset,
        _int(headers.get("X-RateLimit-Minutely-Remaining")),
        _seconds(headers.get("X-RateLimit-Minutely-Reset")),
    )  # fmt: skip
    day = _merge(
        budget.day_remaining, budget.day_reset,
        _int(headers.get("X-RateLimit-Remaining")), _seconds(headers.get("X-RateLimit-Reset")),
    )  # fmt: skip
    in_flight = budget.in_flight
    if window is not _NO_RESERVATION and window == budget.window:
        in_flight = max(0, in_flight - 1)  # (None == None: booked and answered while unknown)
    return replace(
        budget, minute_remaining=minute[0], minute_reset=minute[1],
        day_remaining=day[0], day_reset=day[1], in_flight=in_flight,
    )  # fmt: skip


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _seconds(milliseconds: str | None) -> float | None:
    value = _int(milliseconds)
    return value / 1000.0 if value is not None else None  # Exact sends epoch ms (§2.2)


def _merge(remaining, reset, new_remaining, new_reset) -> tuple[int | None, float | None]:
    if new_remaining is None or new_reset is None:
        return remaining, reset  # absent headers change nothing (spec §2.2)
    if reset is None or new_reset > reset + 0.5:  # a later window: start from its count
        return new_remaining, new_reset
    if abs(new_reset - reset) <= 0.5:  # the same window: the lowest count is the latest
        return min(remaining, new_remaining) if remaining is not None else new_remaining, reset
    return remaining, reset  # an answer from a window that is already over


class LocalBudgetStorage:
    """Budgets shared by the threads of one process (tests, single-process scripts)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._budgets: dict[str, SharedBudget] = {}

    def get(self, key: str) -> Budget | None:
        with self._lock:
            budget = self._budgets.get(key)
        return budget.as_budget() if budget else None

    def put(self, key: str, budget: Budget) -> None:
        self.update(key, lambda shared: (replace(shared, **_known(budget)), None))

    def update(self, key: str, change: Callable[[SharedBudget], tuple[SharedBudget, Any]]) -> Any:
        with self._lock:
            budget, result = change(self._budgets.get(key) or SharedBudget())
            self._budgets[key] = budget
        return result


def _known(budget: Budget) -> dict[str, Any]:
    return {k: v for k, v in vars(budget).items() if v is not None}


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
        window = self._reserved.pop(key, _NO_RESERVATION)
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
    from salesdesk.integration.rate_budget_stores import default_budget_storage

    return SharedRateGate(default_budget_storage(), clock=clock, sleep=sleep)
