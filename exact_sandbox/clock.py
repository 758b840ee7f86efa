"""The sandbox's notion of "now": real time plus an offset, or a frozen instant.

Everything time-related in the sandbox (token ages, code TTL, rate-limit windows,
the 30-day refresh expiry) reads `state.clock.now()`, so tests can jump ahead
with `advance()` instead of sleeping.
"""

from __future__ import annotations

import threading
import time


class SandboxClock:
    """Epoch seconds, movable forward; frozen when `frozen_at` is given."""

    def __init__(self, frozen_at: float | None = None, offset: float = 0.0) -> None:
        self._frozen_at = frozen_at
        self._offset = offset
        self._lock = threading.Lock()

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def now(self) -> float:
        """Current sandbox time in epoch seconds."""
        if self._frozen_at is not None:
            return self._frozen_at
        return time.time() + self._offset

    def advance(self, seconds: float) -> float:
        """Move time forward by `seconds` (usable as a `sleep` stand-in); returns the new now."""
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += seconds
            else:
                self._offset += seconds
        return self.now()
