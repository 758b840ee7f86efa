"""Rate limits per (app, division) and the optional 10-errors-an-hour block (spec §2).

Minute windows are aligned to clock minutes, day windows to the UTC day; the
reset headers are epoch MILLISECONDS. A refused call gets 429 with only the
exhausted limit's headers (spec §2.2, §2.3).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .config import SandboxConfig

ERROR_STATUSES = frozenset({400, 401, 403, 404})
ERRORS_PER_HOUR = 10


@dataclass
class _Window:
    start: float = -1.0
    used: int = 0


@dataclass
class Verdict:
    """Outcome of counting one call: allowed or not, and the headers to send."""

    allowed: bool
    headers: list[tuple[str, str]]


def _ms(epoch: float) -> str:
    return str(int(epoch * 1000))


class RateLimiter:
    """Counts calls per (client_id, division) in minute and UTC-day windows."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self._minute: dict[tuple[str, int], _Window] = {}
        self._day: dict[tuple[str, int], _Window] = {}

    def count(self, client_id: str, division: int, now: float) -> Verdict:
        """Count one call if both windows have room; otherwise refuse it (not counted)."""
        key = (client_id, division)
        minute = self._window(self._minute, key, now - now % 60)
        day = self._window(self._day, key, now - now % 86400)
        minute_end, day_end = minute.start + 60, day.start + 86400
        if day.used >= self.config.daily_limit:
            return Verdict(False, self._daily_headers(day, day_end))
        if minute.used >= self.config.minutely_limit:
            return Verdict(False, self._minutely_headers(minute, minute_end))
        minute.used += 1
        day.used += 1
        return Verdict(
            True, self._daily_headers(day, day_end) + self._minutely_headers(minute, minute_end)
        )

    def exhausted_minute(self, client_id: str, division: int, now: float) -> list[tuple[str, str]]:
        """Headers of a spent minute window, for an injected 429; the real counters stay."""
        start = now - now % 60
        spent = _Window(start=start, used=self.config.minutely_limit)
        return self._minutely_headers(spent, start + 60)

    @staticmethod
    def _window(windows: dict, key: tuple[str, int], start: float) -> _Window:
        window = windows.get(key)
        if window is None or window.start != start:
            window = windows[key] = _Window(start=start)
        return window

    def _daily_headers(self, day: _Window, end: float) -> list[tuple[str, str]]:
        limit = self.config.daily_limit
        return [
            ("X-RateLimit-Limit", str(limit)),
            ("X-RateLimit-Remaining", str(max(limit - day.used, 0))),
            ("X-RateLimit-Reset", _ms(end)),
        ]

    def _minutely_headers(self, minute: _Window, end: float) -> list[tuple[str, str]]:
        limit = self.config.minutely_limit
        return [
            ("X-RateLimit-Minutely-Limit", str(limit)),
            ("X-RateLimit-Minutely-Remaining", str(max(limit - minute.used, 0))),
            ("X-RateLimit-Minutely-Reset", _ms(end)),
        ]


class ErrorBudget:
    """Exact blocks an API key for an hour after 10 error responses (400/401/403/404)
    per key, user, division and endpoint within an hour (spec §2.1). On by default, as
    at Exact; `config.error_block = False` switches it off, `clear()` forgets every error."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self._errors: dict[tuple, deque[float]] = {}
        self._blocked_until: dict[tuple, float] = {}

    def clear(self) -> None:
        """Forget every recorded error and lift every block (control: `errors/reset`)."""
        self._errors.clear()
        self._blocked_until.clear()

    def recorded(self) -> int:
        """How many errors are counted against the block right now, over every key."""
        return sum(len(times) for times in self._errors.values())

    def blocked_until(self, key: tuple, now: float) -> float | None:
        if not self.config.error_block:
            return None
        until = self._blocked_until.get(key)
        return until if until is not None and now < until else None

    def record(self, key: tuple, status: int, now: float) -> None:
        if not self.config.error_block or status not in ERROR_STATUSES:
            return
        times = self._errors.setdefault(key, deque())
        times.append(now)
        while times and now - times[0] >= 3600:
            times.popleft()
        if len(times) >= ERRORS_PER_HOUR:
            self._blocked_until[key] = now + 3600
            times.clear()
