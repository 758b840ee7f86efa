"""The debounced webhook sync as a task (django-tasks: the database backend or RQ)."""

from __future__ import annotations

from datetime import datetime

from django.dispatch import receiver
from django_tasks import task

from salesdesk.integration.webhooks.notices import webhook_sync_fire
from salesdesk.integration.webhooks.signals import webhook_sync_armed
from salesdesk.tenants.models import Company


@task()
def webhook_sync(company_id: int, topic: str) -> str:
    """Request the incremental sync that a burst of notices on `topic` asked for."""
    company = Company.objects.filter(pk=company_id).first()
    if company is None:
        return "missing"
    run = webhook_sync_fire(company=company, topic=topic)
    return f"run {run.pk}" if run else "recorded"


@receiver(webhook_sync_armed)
def webhook_sync_enqueue(
    sender: type, *, company_id: int, topic: str, due: datetime, **kwargs: object
) -> None:
    """Defer the topic's sync to the moment its debounce ends."""
    webhook_sync.using(run_after=due).enqueue(company_id=company_id, topic=topic)
