"""Order task adapters: the outbox sweep (the send task is in integration.order_push.tasks)."""

from __future__ import annotations

from django_tasks import task


@task()
def order_outbox_sweep() -> int:
    """Enqueue a send for every due order and every Sending order whose worker died.

    Run it every minute or so (the scheduler can call `order_outbox_sweep.call()`): it
    retries orders when the task backend cannot defer, and recovers a crashed worker's.
    """
    from salesdesk.integration.order_push.tasks import outbox_sweep

    return outbox_sweep()
