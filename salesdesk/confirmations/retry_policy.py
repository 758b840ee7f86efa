"""How long a confirmation whose mail failed for a passing reason is tried again.

The confirmations app may not import the Exact client (only the integration does), whose
`Backoff` is the same shape: exponential from `base`, at most `cap` between tries. A mail is
given up after `give_up_after` from its first failure: a confirmation a day late is still
useful, one a week late is confusing, and the order page says it was not mailed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

_MAX_EXPONENT = 30  # keeps 2**n small; the cap is reached long before


@dataclass(frozen=True)
class MailRetry:
    base: timedelta = timedelta(minutes=1)
    cap: timedelta = timedelta(hours=1)
    give_up_after: timedelta = timedelta(hours=24)

    def delay(self, failures: int) -> timedelta:
        """The wait after the `failures`-th failure in a row (1-based)."""
        exponent = min(max(0, failures - 1), _MAX_EXPONENT)
        return min(self.cap, self.base * 2**exponent)

    def next_at(self, *, failures: int, failing_since: datetime, now: datetime) -> datetime | None:
        """When to try again, or None once the mail has failed for `give_up_after`.

        The last try falls on the deadline itself rather than being skipped past it.
        """
        deadline = failing_since + self.give_up_after
        if now >= deadline:
            return None
        return min(now + self.delay(failures), deadline)


MAIL_RETRY = MailRetry()
