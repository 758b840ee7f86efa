"""The per-company schedule of the incremental sync (default every 24 hours, at least 5 min)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.sync.call_budget import day_calls_left, order_reserve
from salesdesk.integration.sync.models import SyncRun, SyncSchedule
from salesdesk.integration.sync.services import OWN_SCHEDULE, RECORD_ENTITIES, sync_request
from salesdesk.tenants.models import Company

LOGGER = logging.getLogger("salesdesk.sync.schedule")


def schedule_get(*, company: Company) -> SyncSchedule:
    """The company's schedule, created with the default interval on first use."""
    first = timezone.now() + timedelta(minutes=SyncSchedule.DEFAULT_MINUTES)
    schedule, _ = SyncSchedule.objects.get_or_create(
        company=company, defaults={"next_run_at": first}
    )
    return schedule


def schedule_set(*, company: Company, interval_minutes: int, enabled: bool = True) -> SyncSchedule:
    """Change the interval (clamped to at least MIN_MINUTES); the next run moves accordingly."""
    minutes = max(SyncSchedule.MIN_MINUTES, int(interval_minutes))
    schedule = schedule_get(company=company)
    schedule.interval_minutes = minutes
    schedule.enabled = enabled
    schedule.next_run_at = timezone.now() + timedelta(minutes=minutes)
    schedule.save(update_fields=["interval_minutes", "enabled", "next_run_at"])
    return schedule


def schedule_due(*, now: datetime) -> list[SyncSchedule]:
    """Enabled schedules of connected companies whose time has come."""
    connected = ExactConnection.objects.filter(state=ExactConnection.State.CONNECTED)
    company_ids = connected.values_list("company_id", flat=True)
    for company_id in company_ids:  # a connected company without a schedule gets the default
        SyncSchedule.objects.get_or_create(
            company_id=company_id,
            defaults={"next_run_at": now + timedelta(minutes=SyncSchedule.DEFAULT_MINUTES)},
        )
    due = SyncSchedule.objects.filter(enabled=True, company_id__in=company_ids)
    return list(due.filter(next_run_at__lte=now).select_related("company"))


def schedule_tick(*, now: datetime | None = None) -> list[SyncRun]:
    """Start the incremental sync of every due company (one run per entity); the runs started."""
    now = now or timezone.now()
    started = []
    for schedule in schedule_due(now=now):
        with transaction.atomic():
            claimed = SyncSchedule.objects.filter(
                pk=schedule.pk, next_run_at=schedule.next_run_at
            ).update(next_run_at=now + timedelta(minutes=schedule.interval_minutes))
            if not claimed:  # another scheduler process took this tick
                continue
            if _day_calls_low(schedule.company, now):
                continue  # the rest of the day's calls are the orders'; the next tick tries
            for entity in (e for e in RECORD_ENTITIES if e not in OWN_SCHEDULE):
                run, created = sync_request(
                    company=schedule.company, entity=entity, trigger=SyncRun.Trigger.SCHEDULE
                )
                if created:
                    started.append(run)
    return started


def _day_calls_low(company: Company, now: datetime) -> bool:
    left = day_calls_left(company=company, now=now.timestamp())
    if left is None or left >= order_reserve(company=company):
        return False
    LOGGER.info(
        "scheduled sync paused: %s of the day's Exact calls left", left,
        extra={"company_id": company.pk},
    )  # fmt: skip
    return True
