"""The shared rate budget of one administration and its atomic updates (§2).

A `SharedBudget` is what every worker knows of Exact's minute and day counts; `budget_reserve`
and `budget_record` are the pure changes a storage applies atomically (`stores` for Redis and
the database, `LocalBudgetStorage` for one process). `gate` puts them behind a RateGate.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from exact_client import Budget, DailyLimitExhausted

NO_RESERVATION = object()
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
    day_limit: int | None = None  # X-RateLimit-Limit: the day's calls (5,000 by default, §2.1)

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
    in_flight, day_limit = budget.in_flight, _int(headers.get("X-RateLimit-Limit"))
    if window is not NO_RESERVATION and window == budget.window:
        in_flight = max(0, in_flight - 1)  # (None == None: booked and answered while unknown)
    return replace(
        budget, minute_remaining=minute[0], minute_reset=minute[1],
        day_remaining=day[0], day_reset=day[1], in_flight=in_flight,
        day_limit=day_limit or budget.day_limit,
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
        budget = self.shared(key)
        return budget.as_budget() if budget else None

    def shared(self, key: str) -> SharedBudget | None:
        with self._lock:
            return self._budgets.get(key)

    def put(self, key: str, budget: Budget) -> None:
        self.update(key, lambda shared: (replace(shared, **_known(budget)), None))

    def update(self, key: str, change: Callable[[SharedBudget], tuple[SharedBudget, Any]]) -> Any:
        with self._lock:
            budget, result = change(self._budgets.get(key) or SharedBudget())
            self._budgets[key] = budget
        return result


def _known(budget: Budget) -> dict[str, Any]:
    return {k: v for k, v in vars(budget).items() if v is not None}
