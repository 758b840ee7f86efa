"""Background tasks (django-tasks: the database backend in the demo, RQ later): thin adapters.

Each loads its run by id and hands it to a service; the services record every outcome on the
run, so the task itself only has to exist. Enqueue only through `sync.service.sync_request`.
"""

from __future__ import annotations

from django_tasks import task

from salesdesk.integration.models import SyncRun


@task()
def sync_entity(run_id: int) -> str:
    """Run one queued sync of items, customers or price lists."""
    from salesdesk.integration.sync.service import sync_execute

    run = SyncRun.objects.select_related("company").filter(pk=run_id).first()
    return sync_execute(run=run).status if run else "missing"


@task(queue_name="pictures")
def sync_pictures(run_id: int) -> str:
    """Fetch new or changed item pictures, throttled behind the record syncs."""
    from salesdesk.integration.sync.pictures import pictures_execute

    run = SyncRun.objects.select_related("company").filter(pk=run_id).first()
    return pictures_execute(run=run).status if run else "missing"
