"""The one backoff policy of Salesdesk's retries: exponential, capped, optionally jittered.

Used by the client's requestor (GET retries), the sync engine (a feed that keeps failing) and
the order outbox (unclear answers), each with its own numbers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# 2**40 times any sensible base passes any sensible cap; a bigger exponent would only risk
# an overflow when failures go on for days (the outbox retries for as long as it takes).
_MAX_EXPONENT = 40


@dataclass(frozen=True)
class Backoff:
    """`base * 2**(failures - 1)` seconds, at most `cap`, plus up to `jitter` seconds at random."""

    base: float
    cap: float
    jitter: float = 0.0

    def delay(self, failures: int) -> float:
        """Seconds to wait after the `failures`-th failure in a row (1-based)."""
        exponent = min(max(0, failures - 1), _MAX_EXPONENT)
        wait = min(self.cap, self.base * 2**exponent)
        return wait + random.uniform(0, self.jitter) if self.jitter else wait
