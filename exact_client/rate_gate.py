"""Per-administration rate-limit gate driven by Exact's response headers (spec §2).

The limits differ per app and change over time (60/min and 5,000/day are only defaults; older
apps see 100/min, 9,000/day), so the gate never assumes a number: it reads
`X-RateLimit-Minutely-Remaining/Reset` and `X-RateLimit-Remaining/Reset` (resets in epoch
milliseconds) from every response. A missing header means "unknown", never zero: on a 429
Exact sends only the headers of the limit that was hit (spec §2.2-§2.3).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from .errors import DailyLimitExhausted, RateLimited


@dataclass(frozen=True)
class Budget:
    """What the last responses said about one administration's budget (None = unknown)."""

    minute_remaining: int | None = None
    minute_reset: float | None = None  # epoch seconds
    day_remaining: int | None = None
    day_reset: float | None = None  # epoch seconds


class BudgetStorage(Protocol):
    """Where budgets live; share one across processes to share the administration's budget."""

    def get(self, key: str) -> Budget | None: ...

    def put(self, key: str, budget: Budget) -> None: ...


class MemoryBudgetStorage:
    """Budgets in a dict: enough for one process."""

    def __init__(self) -> None:
        self._budgets: dict[str, Budget] = {}

    def get(self, key: str) -> Budget | None:
        return self._budgets.get(key)

    def put(self, key: str, budget: Budget) -> None:
        self._budgets[key] = budget


def gate_key(base_url: str, division: int | str) -> str:
    """The budget key: Exact counts per app per division on one host."""
    return f"{base_url.rstrip('/')}|{division}"


class RateGate:
    """Decides how long to wait before a call and after a 429; raises when the day is spent."""

    def __init__(
        self,
        storage: BudgetStorage | None = None,
        *,
        margin: float = 1.0,
        max_429_waits: int = 3,
        backoff: float = 5.0,
        max_backoff: float = 60.0,
        max_wait: float = 120.0,
    ) -> None:
        self.storage = storage if storage is not None else MemoryBudgetStorage()
        self.margin = margin  # clients add ~1 s for clock skew (spec §2.3)
        self.max_429_waits = max_429_waits
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_wait = max_wait  # longer waits are handed back to the caller as RateLimited

    def budget(self, key: str) -> Budget:
        """The last known budget of `key`."""
        return self.storage.get(key) or Budget()

    def delay_before(self, key: str, now: float, *, wait: bool = True) -> float:
        """Seconds to sleep before the next call; DailyLimitExhausted when the day is spent.

        This gate never sleeps itself. `wait=False` tells a gate that does (a shared one) to
        return the delay instead: the caller then does not make the call now.
        """
        budget = self.budget(key)
        if _spent(budget.day_remaining, budget.day_reset, now):
            raise _daily(budget.day_reset)
        if _spent(budget.minute_remaining, budget.minute_reset, now):
            delay = budget.minute_reset - now + self.margin
            if delay > self.max_wait:  # no minute lasts that long: hand it back, never hang
                raise RateLimited(
                    "Exact Online's budget for this minute is spent",
                    reset_at=budget.minute_reset,
                    scope="minute",
                )
            return delay
        return 0.0

    def record(self, key: str, headers: Mapping[str, str]) -> Budget:
        """Update the budget from one response's headers; absent headers change nothing."""
        budget = self.budget(key)
        changes = {
            "minute_remaining": _int(headers.get("X-RateLimit-Minutely-Remaining")),
            "minute_reset": _seconds(headers.get("X-RateLimit-Minutely-Reset")),
            "day_remaining": _int(headers.get("X-RateLimit-Remaining")),
            "day_reset": _seconds(headers.get("X-RateLimit-Reset")),
        }
        budget = replace(budget, **{k: v for k, v in changes.items() if v is not None})
        self.storage.put(key, budget)
        return budget

    def delay_after_429(
        self, key: str, headers: Mapping[str, str], now: float, waits: int
    ) -> float:
        """Seconds to wait after the `waits`-th unexpected 429 (0-based); raises when to stop."""
        budget = self.record(key, headers)
        if _spent(budget.day_remaining, budget.day_reset, now):
            raise _daily(budget.day_reset)
        minute_reset = _seconds(headers.get("X-RateLimit-Minutely-Reset"))
        retry_after = _int(headers.get("Retry-After"))
        if minute_reset is not None and minute_reset > now:
            delay = minute_reset - now + self.margin
        elif retry_after is not None:  # e.g. the hour-long block after 10 errors (spec §2.1)
            delay = max(0, retry_after) + self.margin
        else:  # no usable reset: back off, bounded, so we never hot-loop
            delay = min(self.max_backoff, self.backoff * 2**waits)
        if waits >= self.max_429_waits or delay > self.max_wait:
            raise RateLimited(
                f"Exact Online refused calls for now (429, {waits} waits); try again later",
                reset_at=now + delay,
                scope="minute",
            )
        return delay


def _spent(remaining: int | None, reset: float | None, now: float) -> bool:
    return remaining is not None and remaining <= 0 and reset is not None and reset > now


def _daily(reset_at: float | None) -> DailyLimitExhausted:
    return DailyLimitExhausted(
        "the daily Exact Online call budget for this administration is spent",
        reset_at=reset_at or 0.0,
    )


def _int(value: str | None) -> int | None:
    # Tolerant: "59", "59.0", and "59, 59" (a header a proxy duplicated); junk is unknown.
    if value is None:
        return None
    try:
        number = float(value.split(",", 1)[0])
    except ValueError:
        return None
    return int(number) if math.isfinite(number) else None


def _seconds(value: str | None) -> float | None:
    """A reset header -> epoch seconds. Exact sends epoch milliseconds (§2.2); an epoch in
    seconds is recognised by its size, anything smaller is unknown (never "now")."""
    number = _int(value)
    if number is None or number < _EPOCH_SECONDS_FLOOR:
        return None
    return number / 1000.0 if number >= _EPOCH_MS_FLOOR else float(number)


_EPOCH_SECONDS_FLOOR = 1_000_000_000  # 2001-09-09 in epoch seconds
_EPOCH_MS_FLOOR = 100_000_000_000  # 5138 in epoch seconds, 1973 in epoch milliseconds
