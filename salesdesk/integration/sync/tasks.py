"""Background tasks (django-tasks: the database backend in the demo, RQ later): thin adapters.

Each loads its run by id and hands it to a service; the services record every outcome on the
run, so the task itself only has to exist. Enqueue only through `sync.services.sync_request`
(its `sync_run_queued` signal reaches `sync_run_enqueue` here).
"""

from __future__ import annotations

from django.dispatch import receiver
from django_tasks import task

from salesdesk.integration.sync.models import SyncEntity, SyncRun
from salesdesk.integration.sync.pictures import pictures_execute
from salesdesk.integration.sync.services import sync_execute
from salesdesk.integration.sync.signals import sync_run_queued


@task()
def sync_entity(run_id: int) -> str:
    """Run one queued sync of items, customers or price lists."""
    run = SyncRun.objects.select_related("company").filter(pk=run_id).first()
    return sync_execute(run=run).status if run else "missing"


@task(queue_name="pictures")
def sync_pictures(run_id: int) -> str:
    """Fetch new or changed item pictures, throttled behind the record syncs."""
    run = SyncRun.objects.select_related("company").filter(pk=run_id).first()
    return pictures_execute(run=run).status if run else "missing"


@receiver(sync_run_queued)
def sync_run_enqueue(sender: type, *, run: SyncRun, **kwargs: object) -> None:
    """Hand a newly queued run to the worker queue that runs its entity."""
    task = sync_pictures if run.entity == SyncEntity.PICTURES else sync_entity
    task.enqueue(run_id=run.pk)
