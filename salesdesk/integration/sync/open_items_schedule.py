"""The open items' own schedule: read whole (one call) every EXACT_OPEN_ITEMS_MINUTES.

Open items change with every payment and have neither a sync feed nor a webhook topic
(spec §9.1, §9.7); read/financial/ReceivablesList gives them all in one call, so they are
read far more often than the daily incremental sync, for 24 calls a day at the default.
Companies whose schedule is switched off are left alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from salesdesk.integration.connection.models import ExactConnection
from salesdesk.integration.sync.models import SyncEntity, SyncRun, SyncSchedule
from salesdesk.integration.sync.services import sync_request


def open_items_tick(*, now: datetime | None = None) -> list[SyncRun]:
    """Start a read of the open items of every connected company whose last one is due."""
    now = now or timezone.now()
    since = now - timedelta(minutes=settings.EXACT_OPEN_ITEMS_MINUTES)
    connected = ExactConnection.objects.filter(state=ExactConnection.State.CONNECTED)
    paused = SyncSchedule.objects.filter(enabled=False).values("company_id")
    recent = SyncRun.objects.filter(entity=SyncEntity.RECEIVABLES, queued_at__gte=since)
    due = (
        connected.exclude(company_id__in=paused)
        .exclude(company_id__in=recent.values("company_id"))
        .select_related("company")
    )
    started = []
    for connection in due:
        run, created = sync_request(
            company=connection.company,
            entity=SyncEntity.RECEIVABLES,
            trigger=SyncRun.Trigger.SCHEDULE,
        )
        if created:
            started.append(run)
    return started
