"""Counters a benchmark reads as "calls used" (GET /_sandbox/stats)."""

from __future__ import annotations

from collections import Counter, defaultdict


class CallStats:
    """API calls per division and endpoint path (only calls the rate limiter counted)."""

    def __init__(self) -> None:
        self.calls: defaultdict[int, Counter[str]] = defaultdict(Counter)
        self.rate_limited: Counter[int] = Counter()
        self.faults_fired = 0

    def record(self, division: int, path: str) -> None:
        self.calls[division][path] += 1

    def total(self, division: int | None = None) -> int:
        if division is not None:
            return sum(self.calls[division].values())
        return sum(sum(paths.values()) for paths in self.calls.values())

    def to_json(self) -> dict:
        return {
            "calls": {str(div): dict(paths) for div, paths in self.calls.items()},
            "calls_total": {str(div): sum(paths.values()) for div, paths in self.calls.items()},
            "rate_limited": {str(div): n for div, n in self.rate_limited.items()},
        }
