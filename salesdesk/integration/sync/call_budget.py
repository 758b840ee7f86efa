"""What the schedule costs in Exact calls a day, against the administration's daily limit.

Exact gives an app 5,000 calls a day per administration by default and says the number in
X-RateLimit-Limit (spec §2.1, §2.2; the rate budget records it). Every scheduled tick runs
each scheduled entity: one call per feed even when nothing changed, the reference lists
read with items (VAT codes) and customers (shipping methods, payment conditions), and the
one shared read of sync/Deleted. The open items add their own schedule's calls.

An interval whose ticks alone would spend the day's calls stays settable (down to every 5
minutes: a company may want fresh data in the morning rush and accept older data in the
evening), with a plain warning; what keeps orders flowing is that scheduled ticks pause
while fewer than `ORDER_RESERVE_SHARE` of the day's calls are left (`day_calls_left`,
schedule.py). Above half of the day's calls the page warns too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings

from exact_client.rate_gate import gate_key
from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.rate_budget.stores import default_budget_storage
from salesdesk.integration.sync.entities import ENTITY_FEEDS
from salesdesk.integration.sync.models import SyncEntity, SyncRun, SyncSchedule
from salesdesk.integration.sync.services import OWN_SCHEDULE, RECORD_ENTITIES
from salesdesk.tenants.models import Company

DAILY_LIMIT = 5_000  # Exact's default, until a response has said the administration's own
WARN_SHARE = 0.5
# Scheduled ticks leave this share of the day's calls to orders, quotations, new customers
# and manual runs (500 of Exact's default 5,000: hundreds of orders).
ORDER_RESERVE_SHARE = 0.1
MINUTES_A_DAY = 24 * 60
# Calls a run makes besides its feeds: the reference lists it refreshes (engine.py).
REFERENCE_CALLS = {SyncEntity.ITEMS: 1, SyncEntity.CUSTOMERS: 2}
MEASURED_RUNS = 5
SCHEDULED = tuple(entity for entity in RECORD_ENTITIES if entity not in OWN_SCHEDULE)


def tick_idle_calls() -> int:
    """The fewest calls of one scheduled tick: nothing changed in Exact."""
    feeds = sum(len(ENTITY_FEEDS[entity]) + REFERENCE_CALLS.get(entity, 0) for entity in SCHEDULED)
    return feeds + 1  # the shared read of sync/Deleted


def tick_measured_calls(*, company: Company) -> int | None:
    """The calls of a usual tick of the company: per entity the median of its last scheduled
    runs (a first read or one busy tick does not count as usual); None before any."""
    runs = SyncRun.objects.filter(
        company=company, trigger=SyncRun.Trigger.SCHEDULE, status=SyncRun.Status.SUCCEEDED
    )
    total = None
    for entity in SCHEDULED:
        calls = sorted(runs.filter(entity=entity).values_list("calls", flat=True)[:MEASURED_RUNS])
        if calls:
            total = (total or 0) + calls[(len(calls) - 1) // 2]
    return total


def company_day_limit(*, company: Company) -> int:
    """The administration's daily calls as Exact last said them; else Exact's default."""
    connection = ExactConnection.objects.filter(company=company).first()
    if connection is None or connection.division is None:
        return DAILY_LIMIT
    key = gate_key(connection.api_base_url, connection.division)
    shared = default_budget_storage().shared(key)
    return (shared and shared.day_limit) or DAILY_LIMIT


def day_calls_left(*, company: Company, now: float) -> int | None:
    """The day's calls Exact last said are left for the administration; None when unknown or
    when Exact's day has reset since."""
    connection = ExactConnection.objects.filter(company=company).first()
    if connection is None or connection.division is None:
        return None
    shared = default_budget_storage().shared(gate_key(connection.api_base_url, connection.division))
    if shared is None or shared.day_remaining is None:
        return None
    if shared.day_reset is not None and shared.day_reset <= now:
        return None
    return shared.day_remaining


def order_reserve(*, company: Company) -> int:
    """The day's calls scheduled ticks leave to orders and people."""
    return math.ceil(company_day_limit(company=company) * ORDER_RESERVE_SHARE)


@dataclass(frozen=True)
class ScheduleCost:
    """The calls a day of the schedule at `interval_minutes`."""

    interval_minutes: int
    calls_per_tick: int
    day_limit: int
    other_calls: int  # the open items' own schedule

    @property
    def ticks_per_day(self) -> int:
        return math.ceil(MINUTES_A_DAY / self.interval_minutes)

    @property
    def calls_per_day(self) -> int:
        return self.ticks_per_day * self.calls_per_tick + self.other_calls

    @property
    def too_many(self) -> bool:
        return self.calls_per_day > self.day_limit

    @property
    def reserve(self) -> int:
        """The day's calls scheduled runs leave to orders and people."""
        return math.ceil(self.day_limit * ORDER_RESERVE_SHARE)

    @property
    def heavy(self) -> bool:
        return self.calls_per_day > self.day_limit * WARN_SHARE

    @property
    def shortest_minutes(self) -> int:
        """The shortest interval whose calls a day stay within the limit."""
        for minutes in range(SyncSchedule.MIN_MINUTES, MINUTES_A_DAY + 1):
            if not ScheduleCost(
                minutes, self.calls_per_tick, self.day_limit, self.other_calls
            ).too_many:
                return minutes
        return MINUTES_A_DAY


def schedule_cost(*, company: Company, interval_minutes: int) -> ScheduleCost:
    """The cost at `interval_minutes`: per tick the company's usual tick, at least an idle one."""
    per_tick = max(tick_idle_calls(), tick_measured_calls(company=company) or 0)
    open_items = math.ceil(MINUTES_A_DAY / settings.EXACT_OPEN_ITEMS_MINUTES)
    return ScheduleCost(interval_minutes, per_tick, company_day_limit(company=company), open_items)
