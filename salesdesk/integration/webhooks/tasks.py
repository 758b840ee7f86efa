"""The debounced webhook sync as a task (django-tasks: the database backend or RQ)."""

from __future__ import annotations

from django_tasks import task

from salesdesk.tenants.models import Company


@task()
def webhook_sync(company_id: int, topic: str) -> str:
    """Request the incremental sync that a burst of notices on `topic` asked for."""
    from salesdesk.integration.webhooks.notices import webhook_sync_fire

    company = Company.objects.filter(pk=company_id).first()
    if company is None:
        return "missing"
    run = webhook_sync_fire(company=company, topic=topic)
    return f"run {run.pk}" if run else "recorded"
